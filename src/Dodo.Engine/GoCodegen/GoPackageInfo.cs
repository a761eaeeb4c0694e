namespace Dodo.Engine.GoCodegen;

/// <summary>
/// What the benchmark generator knows about the target's package: its name and path, the
/// target's signature, and the named types declared there, all as parsed <see cref="GoType"/>s.
/// </summary>
public sealed class GoPackageInfo
{
    private readonly Dictionary<string, GoType?> _capturedTypes = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _ownPaths;

    public required string Directory { get; init; }

    /// <summary>The name in the package clause, which the benchmark file repeats.</summary>
    public required string PackageName { get; init; }

    /// <summary>The import path from go.mod, or null when the package is outside any module.</summary>
    public string? ImportPath { get; init; }

    /// <summary>The path the package's own types carry in parsed <see cref="GoType"/>s.</summary>
    public required string PackagePath { get; init; }

    public required GoFunction Target { get; init; }

    /// <summary>
    /// Every package-level named type, by name; <see cref="GoTypeDeclaration.Reachable"/> marks those
    /// the target's signature reaches (the others may still hide behind an interface).
    /// </summary>
    public required IReadOnlyDictionary<string, GoTypeDeclaration> Types { get; init; }

    /// <summary>Package qualifier → import path, for every qualifier the described types use.</summary>
    public required IReadOnlyDictionary<string, string> Imports { get; init; }

    /// <summary>Package-level identifiers of the package and its in-package tests.</summary>
    public required IReadOnlySet<string> DeclaredNames { get; init; }

    /// <summary>The package's functions and methods, spelled <c>F</c>, <c>T.M</c> or <c>(*T).M</c>.</summary>
    public required IReadOnlyList<string> Functions { get; init; }

    /// <summary>Every spelling of this package's path in agent type names.</summary>
    public IReadOnlySet<string> OwnPaths => _ownPaths ??= new HashSet<string>(StringComparer.Ordinal)
    {
        PackagePath,
        Target.Symbol.PackagePath,
        ImportPath ?? PackagePath,
        PackageName == "main" ? "main" : PackagePath,
    };

    /// <summary>
    /// Parses an agent type name, mapping this package's spellings onto <see cref="PackagePath"/>.
    /// Results are cached: a snapshot set repeats the same few type names thousands of times.
    /// </summary>
    public GoType? ParseCapturedType(string? typeName)
    {
        if (typeName is null)
        {
            return null;
        }

        lock (_capturedTypes)
        {
            if (_capturedTypes.TryGetValue(typeName, out var cached))
            {
                return cached;
            }
        }

        var own = OwnPaths;
        var parsed = GoTypeParser.TryParseDwarf(typeName, p => own.Contains(p) ? PackagePath : p);
        lock (_capturedTypes)
        {
            _capturedTypes[typeName] = parsed;
        }

        return parsed;
    }
}

/// <summary>A function or method signature with parsed types; a variadic parameter has its slice type.</summary>
public sealed record GoFunction(
    GoSymbol Symbol,
    string Name,
    GoReceiver? Receiver,
    IReadOnlyList<string> TypeParameters,
    IReadOnlyList<GoParameter> Parameters,
    bool Variadic,
    IReadOnlyList<GoType> Results);

/// <summary>A method's receiver: its identifier (empty when unnamed), type, and the named type's parameters.</summary>
public sealed record GoReceiver(
    string Name,
    GoType Type,
    string TypeName,
    bool IsPointer,
    IReadOnlyList<string> TypeParameters);

/// <summary>One parameter; the name is empty or <c>_</c> when the source gives none.</summary>
public sealed record GoParameter(string Name, GoType Type);

/// <summary>
/// A package-level type declaration: a struct (<see cref="Type"/> is a <see cref="GoStructType"/>),
/// another defined type (its underlying type expression) or an alias.
/// </summary>
public sealed record GoTypeDeclaration(
    string Name,
    IReadOnlyList<string> TypeParameters,
    GoType Type,
    bool IsAlias,
    bool Reachable);
