namespace Dodo.Engine.GoCodegen;

/// <summary>How a benchmark case's input differs from what production passed.</summary>
public enum LossKind
{
    /// <summary>The agent did not capture the value (depth, unavailable, unimplemented…); zero is used.</summary>
    NotCaptured,

    /// <summary>A string was clamped to the capture limit; the prefix is replayed.</summary>
    Truncated,

    /// <summary>A slice, array or map lost elements to the collection limit.</summary>
    MissingElements,

    /// <summary>Redaction hid the value; a zero value or placeholder is used.</summary>
    Redacted,

    /// <summary>The value's type cannot be rebuilt in the target's package; its zero value is used.</summary>
    ZeroValue,

    /// <summary>The captured value does not fit the declared type; the declared type's zero is used.</summary>
    TypeMismatch,

    /// <summary>Two map entries became the same key after truncation or redaction; one is kept.</summary>
    DuplicateKey,
}

/// <summary>
/// One place where a benchmark case replays less than production had: which argument path,
/// why, and how many elements or bytes are missing when that is known.
/// </summary>
public sealed record CaseLoss(
    int CaseIndex,
    string? SnapshotId,
    string Path,
    LossKind Kind,
    string Detail,
    long Missing = 0)
{
    public override string ToString() =>
        Missing > 0 ? $"{Path}: {Kind} ({Detail}, {Missing} missing)" : $"{Path}: {Kind} ({Detail})";
}
