using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A Go type expression, read either from Go source or from the agent's DWARF-style type names.
/// Package qualifiers are resolved to import paths, so two spellings of one type compare equal
/// through <see cref="Canonical"/>.
/// </summary>
public abstract class GoType
{
    private string? _canonical;

    /// <summary>The type spelled with full import paths; equal types have equal spellings.</summary>
    public string Canonical => _canonical ??= BuildCanonical();

    public override string ToString() => Canonical;

    public bool SameAs(GoType other) => Canonical == other.Canonical;

    /// <summary>Replaces type parameters by type arguments.</summary>
    public abstract GoType Substitute(IReadOnlyDictionary<string, GoType> arguments);

    protected abstract string BuildCanonical();

    internal static string CanonicalOf(IEnumerable<GoToken> tokens) =>
        GoToken.Join(tokens, t => t.Kind == GoTokenKind.Qualified ? $"{t.Path}.{t.Text}" : t.Text);
}

/// <summary>A named type: predeclared (empty path), of the target's package, or imported.</summary>
public sealed class GoNamedType(string packagePath, string name, IReadOnlyList<GoType>? typeArguments = null) : GoType
{
    public string PackagePath { get; } = packagePath;

    public string Name { get; } = name;

    public IReadOnlyList<GoType> TypeArguments { get; } = typeArguments ?? [];

    public bool IsPredeclared => PackagePath.Length == 0;

    public bool Is(string packagePath, string name) => PackagePath == packagePath && Name == name;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        TypeArguments.Count == 0
            ? this
            : new GoNamedType(PackagePath, Name, [.. TypeArguments.Select(a => a.Substitute(arguments))]);

    protected override string BuildCanonical()
    {
        // byte, rune and any are aliases: the agent names them uint8, int32 and interface {}.
        var text = !IsPredeclared ? $"{PackagePath}.{Name}" : Name switch
        {
            "byte" => "uint8",
            "rune" => "int32",
            "any" => "interface {}",
            _ => Name,
        };
        return TypeArguments.Count == 0 ? text : $"{text}[{string.Join(",", TypeArguments.Select(a => a.Canonical))}]";
    }
}

/// <summary>A type parameter of a generic target or type, before instantiation.</summary>
public sealed class GoTypeParameter(string name) : GoType
{
    public string Name { get; } = name;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        arguments.TryGetValue(Name, out var argument) ? argument : this;

    protected override string BuildCanonical() => "$" + Name;
}

public sealed class GoPointerType(GoType element) : GoType
{
    public GoType Element { get; } = element;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        new GoPointerType(Element.Substitute(arguments));

    protected override string BuildCanonical() => "*" + Element.Canonical;
}

public sealed class GoSliceType(GoType element) : GoType
{
    public GoType Element { get; } = element;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        new GoSliceType(Element.Substitute(arguments));

    protected override string BuildCanonical() => "[]" + Element.Canonical;
}

/// <summary>An array; the length is kept as written (a constant may name it), with its value when literal.</summary>
public sealed class GoArrayType(IReadOnlyList<GoToken> length, long? count, GoType element) : GoType
{
    public IReadOnlyList<GoToken> Length { get; } = length;

    public long? Count { get; } = count;

    public GoType Element { get; } = element;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        new GoArrayType(Length, Count, Element.Substitute(arguments));

    protected override string BuildCanonical()
    {
        var length = Count is { } n
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : CanonicalOf(Length);
        return $"[{length}]{Element.Canonical}";
    }
}

public sealed class GoMapType(GoType key, GoType value) : GoType
{
    public GoType Key { get; } = key;

    public GoType Value { get; } = value;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        new GoMapType(Key.Substitute(arguments), Value.Substitute(arguments));

    protected override string BuildCanonical() => $"map[{Key.Canonical}]{Value.Canonical}";
}

/// <summary>One field of a struct type; an embedded field is named after its type.</summary>
public sealed record GoStructField(string Name, GoType Type, bool Embedded = false, string? Tag = null);

public sealed class GoStructType(IReadOnlyList<GoStructField> fields) : GoType
{
    public IReadOnlyList<GoStructField> Fields { get; } = fields;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) =>
        new GoStructType([.. Fields.Select(f => f with { Type = f.Type.Substitute(arguments) })]);

    protected override string BuildCanonical()
    {
        if (Fields.Count == 0)
        {
            return "struct {}";
        }

        var text = new StringBuilder("struct { ");
        text.AppendJoin("; ", Fields.Select(f =>
            (f.Embedded ? f.Type.Canonical : $"{f.Name} {f.Type.Canonical}") + (f.Tag is null ? "" : " " + f.Tag)));
        return text.Append(" }").ToString();
    }
}

/// <summary>An interface type literal; its method and constraint list is kept as tokens.</summary>
public sealed class GoInterfaceType(IReadOnlyList<GoToken> body) : GoType
{
    public IReadOnlyList<GoToken> Body { get; } = body;

    public bool IsEmpty => Body.Count == 0;

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) => this;

    protected override string BuildCanonical() => IsEmpty ? "interface {}" : $"interface {{ {CanonicalOf(Body)} }}";
}

/// <summary>A function or channel type: values of it are only ever nil, so it stays tokens.</summary>
public sealed class GoOpaqueType(IReadOnlyList<GoToken> tokens) : GoType
{
    public IReadOnlyList<GoToken> Tokens { get; } = tokens;

    public bool IsChannel => Tokens.Count > 0 && Tokens[0].Text is "chan" or "<-";

    public override GoType Substitute(IReadOnlyDictionary<string, GoType> arguments) => this;

    protected override string BuildCanonical() => CanonicalOf(Tokens);
}
