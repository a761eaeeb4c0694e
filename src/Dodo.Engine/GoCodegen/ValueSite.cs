namespace Dodo.Engine.GoCodegen;

/// <summary>Collects the losses of one benchmark case, tagged with the case and its snapshot.</summary>
internal sealed class LossSink(ICollection<CaseLoss> losses, int caseIndex, string? snapshotId, string? sourceFile)
{
    /// <summary>The snapshot file, named in warnings about its values.</summary>
    public string? SourceFile { get; } = sourceFile;

    public void Add(string path, LossKind kind, string detail, long missing) =>
        losses.Add(new CaseLoss(caseIndex, snapshotId, path, kind, detail, missing));
}

/// <summary>
/// Where a value is being written: its argument path (<c>f.patterns[2]</c>) for loss reports, the
/// same path without indices (<c>f.patterns[]</c>) so a warning is given once per field, whether
/// Go gives the expression a type from context, and whether the captured type is checked.
/// </summary>
internal readonly record struct ValueSite(
    string Path,
    string FieldKey,
    bool Typed,
    int Depth,
    bool CheckType,
    LossSink Losses)
{
    public ValueSite Field(string name)
    {
        var shown = GoIdentifiers.IsValid(name) ? name : Quoted(name);
        return new ValueSite($"{Path}.{shown}", $"{FieldKey}.{shown}", true, Depth + 1, true, Losses);
    }

    public ValueSite Element(int index) =>
        new($"{Path}[{index}]", FieldKey + "[]", true, Depth + 1, true, Losses);

    public ValueSite MapKey(int index) =>
        new($"{Path}[key #{index}]", FieldKey + "[key]", true, Depth + 1, true, Losses);

    public ValueSite MapValue(int index) =>
        new($"{Path}[#{index}]", FieldKey + "[]", true, Depth + 1, true, Losses);

    /// <summary>The pointee of a pointer captured inline: same node, type already checked.</summary>
    public ValueSite Pointee() => this with { Typed = true, Depth = Depth + 1, CheckType = false };

    /// <summary>The dynamic value behind an interface: its expression must carry its own type.</summary>
    public ValueSite Dynamic() => this with { Typed = false, Depth = Depth + 1, CheckType = false };

    public void Loss(LossKind kind, string detail, long missing = 0) => Losses.Add(Path, kind, detail, missing);

    // Captured names are data: keep them printable and short in messages.
    private static string Quoted(string name) =>
        GoStringLiteral.Quote(name.Length <= 40 ? name : name[..40]);
}
