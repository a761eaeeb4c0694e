namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Looks types up in the target's package: what a named type is defined as (with type arguments
/// substituted) and what it finally is underneath, so values can be built for it.
/// </summary>
internal sealed class GoTypeScope(GoPackageInfo package)
{
    private const int MaxDefinitionChain = 64;

    public GoPackageInfo Package { get; } = package;

    public bool IsOwn(string path) => path == Package.PackagePath;

    public GoTypeDeclaration? Declaration(GoNamedType type) =>
        !type.IsPredeclared && IsOwn(type.PackagePath) && Package.Types.TryGetValue(type.Name, out var declaration)
            ? declaration
            : null;

    /// <summary>The type a named type is declared as, or null for predeclared and unknown foreign types.</summary>
    public GoType? Definition(GoNamedType type)
    {
        if (type.IsPredeclared)
        {
            return null;
        }

        if (Declaration(type) is not { } declaration)
        {
            return IsOwn(type.PackagePath) ? null : WellKnownGoTypes.UnderlyingOf(type);
        }

        if (declaration.TypeParameters.Count == 0)
        {
            return declaration.Type;
        }

        var arguments = new Dictionary<string, GoType>(StringComparer.Ordinal);
        for (var i = 0; i < declaration.TypeParameters.Count && i < type.TypeArguments.Count; i++)
        {
            arguments[declaration.TypeParameters[i]] = type.TypeArguments[i];
        }

        return declaration.Type.Substitute(arguments);
    }

    /// <summary>
    /// Follows definitions down to a predeclared type, a type literal, or a foreign named type
    /// whose layout is unknown. Cycles (invalid Go) stop at the chain limit.
    /// </summary>
    public GoType Underlying(GoType type)
    {
        for (var i = 0; i < MaxDefinitionChain && type is GoNamedType named && Definition(named) is { } next; i++)
        {
            type = next;
        }

        return type;
    }

    /// <summary>The predeclared type a type is built on (<c>int</c>, <c>string</c>…), or null.</summary>
    public string? BasicName(GoType type) =>
        Underlying(type) is GoNamedType { IsPredeclared: true } basic ? Normalize(basic.Name) : null;

    public bool IsInterface(GoType type) =>
        Underlying(type) is GoInterfaceType or GoNamedType { IsPredeclared: true, Name: "error" or "any" }
        || WellKnownGoTypes.IsContext(type);

    /// <summary>True for types whose zero value is nil.</summary>
    public bool IsNillable(GoType type) =>
        Underlying(type) is GoPointerType or GoSliceType or GoMapType or GoOpaqueType or GoInterfaceType
            or GoNamedType { IsPredeclared: true, Name: "error" or "any" };

    /// <summary>True when the type is declared in the package or known to the standard table.</summary>
    public bool IsOwnOrKnown(GoNamedType type) => Declaration(type) is not null || Definition(type) is not null;

    private static string Normalize(string name) => name switch
    {
        "byte" => "uint8",
        "rune" => "int32",
        _ => name,
    };
}
