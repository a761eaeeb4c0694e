using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Turns a captured value into a Go expression of its declared type, written inside the target's
/// package (so unexported fields of its own types can be set). What cannot be replayed exactly
/// is rebuilt as far as it was captured and reported as a <see cref="CaseLoss"/>.
/// </summary>
public sealed partial class GoLiteralWriter
{
    // Snapshots nest at most 256 JSON levels; this only guards hand-built values.
    private const int MaxDepth = 256;

    private readonly GoTypeScope _scope;
    private readonly GoTypeRenderer _renderer;
    private readonly GoPointerHelpers _helpers;
    private readonly GoHeapStrings _heapStrings;
    private readonly bool _stringsOnHeap;
    private readonly DiagnosticLog _log;

    // Map keys stay constants: Go needs constant keys to reject duplicates at compile time, and
    // the writer relies on that to account for keys that truncation made equal.
    private int _mapKeyDepth;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <param name="package">The target's package, as the inspector described it.</param>
    /// <param name="log">Receives the coded warnings (type mismatches, foreign zero values), once each.</param>
    /// <param name="generatedPrefix">Prefix of every generated name (helpers, import aliases avoid it).</param>
    /// <param name="reservedNames">Names the caller generates, which imports and helpers must not take.</param>
    /// <param name="stringsOnHeap">Write strings as heap copies made at run time (see <see cref="GoHeapStrings"/>)
    /// rather than as literals.</param>
    public GoLiteralWriter(GoPackageInfo package, DiagnosticLog log, string generatedPrefix = "dodo",
        IEnumerable<string>? reservedNames = null, bool stringsOnHeap = false)
    {
        var reserved = new HashSet<string>(package.DeclaredNames, StringComparer.Ordinal);
        reserved.UnionWith(reservedNames ?? []);
        var preferred = package.Imports.GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order(StringComparer.Ordinal).First(),
                StringComparer.Ordinal);
        var imports = new GoImportSet(package.OwnPaths, package.ImportPath, preferred, reserved, generatedPrefix);
        _scope = new GoTypeScope(package);
        _renderer = new GoTypeRenderer(imports, package.Types.ContainsKey);
        _helpers = new GoPointerHelpers(generatedPrefix, reserved.Contains);
        _heapStrings = new GoHeapStrings(generatedPrefix, reserved.Contains, () => _renderer.Imports.Use("strings"));
        _stringsOnHeap = stringsOnHeap;
        _log = log;
    }

    /// <summary>The type spelled for the target's package, importing what it needs.</summary>
    public string RenderType(GoType type) => _renderer.Render(type);

    /// <summary>A package-qualified name spelled for the target's package, importing what it needs.</summary>
    public string Qualify(string packagePath, string name) => _renderer.Qualify(packagePath, name);

    /// <summary>Why the type cannot be spelled in the target's package, or null when it can.</summary>
    public string? WhyNotRenderable(GoType type) => _renderer.WhyNotRenderable(type);

    /// <summary>The import declaration for everything written so far.</summary>
    public string ImportDeclaration() => _renderer.Imports.Declaration();

    /// <summary>The helpers the written expressions call.</summary>
    public IEnumerable<string> HelperDeclarations() => _helpers.Declarations().Concat(_heapStrings.Declarations());

    /// <summary>
    /// Writes <paramref name="value"/> as an expression assignable to <paramref name="declared"/>;
    /// a null value gives the zero value. Losses are added to <paramref name="losses"/>.
    /// </summary>
    public string Write(GoType declared, CapturedValue? value, string path, ICollection<CaseLoss> losses,
        int caseIndex = 0, string? snapshotId = null, string? sourceFile = null) =>
        WriteLiteral(declared, value, path, new LossSink(losses, caseIndex, snapshotId, sourceFile)).Text;

    internal GoLiteral WriteLiteral(GoType declared, CapturedValue? value, string path, LossSink losses) =>
        Value(declared, value, new ValueSite(path, path, Typed: true, Depth: 0, CheckType: true, losses));

    private GoLiteral Value(GoType declared, CapturedValue? value, ValueSite site)
    {
        if (WellKnownGoTypes.IsContext(declared))
        {
            // Deadlines and trace ids are not replayable; a background context is what a benchmark has.
            return new GoLiteral($"{Qualify("context", "Background")}()");
        }

        if (value is null)
        {
            return Zero(declared, site.Typed);
        }

        if (site.Depth > MaxDepth)
        {
            site.Loss(LossKind.NotCaptured, $"nested deeper than {MaxDepth} levels");
            return Zero(declared, site.Typed);
        }

        if (site.CheckType)
        {
            CheckType(declared, value, site);
        }

        if (value.IsRedacted)
        {
            return Redacted(declared, value, site);
        }

        return declared switch
        {
            GoNamedType named => Named(named, value, site),
            GoPointerType pointer => Pointer(pointer, value, site),
            GoSliceType slice => Slice(declared, slice, value, site),
            GoArrayType array => Array(declared, array, value, site),
            GoMapType map => Map(declared, map, value, site),
            GoStructType structType => Struct(declared, structType, value, site),
            GoInterfaceType => Interface(declared, value, site),
            _ => Unreplayable(declared, value, site),
        };
    }

    private GoLiteral Named(GoNamedType named, CapturedValue value, ValueSite site)
    {
        if (WellKnown(named, value, site) is { } known)
        {
            return known;
        }

        if (named.IsPredeclared)
        {
            return Basic(named, named.Name, value, site);
        }

        if (_scope.Declaration(named) is { IsAlias: true } alias)
        {
            return Value(alias.Type, value, site with { CheckType = false });
        }

        if (_scope.Definition(named) is null)
        {
            return Foreign(named, value, site);
        }

        return _scope.Underlying(named) switch
        {
            GoNamedType { IsPredeclared: true } basic => Basic(named, basic.Name, value, site),
            GoStructType structType => Struct(named, structType, value, site),
            GoSliceType slice => Slice(named, slice, value, site),
            GoArrayType array => Array(named, array, value, site),
            GoMapType map => Map(named, map, value, site),
            GoPointerType pointer => Convert(named, Pointer(pointer, value, site), site.Typed),
            GoInterfaceType => Interface(named, value, site),
            GoNamedType foreign when WellKnownGoTypes.IsContext(foreign) => Interface(named, value, site),
            GoNamedType => Foreign(named, value, site),
            _ => Unreplayable(named, value, site),
        };
    }

    private GoLiteral Basic(GoType spelled, string name, CapturedValue value, ValueSite site)
    {
        var basic = Canonical(name);
        if (basic is "error" or "any")
        {
            return Interface(spelled, value, site);
        }

        if (value.IsNull || value.Value is null)
        {
            var reason = value.NotCapturedReason ?? (value.IsNull ? "nil where a value is declared" : "no value");
            site.Loss(value.IsIncomplete ? LossKind.NotCaptured : LossKind.TypeMismatch, reason);
            return Zero(spelled, site.Typed);
        }

        if (basic == "string")
        {
            return StringValue(spelled, value, site);
        }

        var spelledRune = spelled is GoNamedType { Name: "rune", IsPredeclared: true };
        var scalar = basic switch
        {
            "bool" => GoScalarLiteral.Bool(value.Value),
            _ when GoScalarLiteral.IsInteger(basic) => GoScalarLiteral.Integer(basic, value.Value, spelledRune),
            _ when GoScalarLiteral.IsFloat(basic) => GoScalarLiteral.Float(basic, value.Value, MathPackage),
            _ when GoScalarLiteral.IsComplex(basic) => GoScalarLiteral.Complex(basic, value.Value, MathPackage),
            _ => null,
        };
        if (scalar is not { } s)
        {
            Mismatch(site, spelled, $"a value that is not a {basic}");
            site.Loss(LossKind.TypeMismatch, $"'{Shorten(value.Value)}' is not a {basic}");
            return Zero(spelled, site.Typed);
        }

        return Scalar(spelled, s, site.Typed);
    }

    private GoLiteral StringValue(GoType spelled, CapturedValue value, ValueSite site)
    {
        var bytes = GoStringLiteral.ToGoBytes(value.Value!);
        if (value.Truncated || value.Size > bytes.Length)
        {
            var missing = value.Size is { } size && size > bytes.Length ? size - bytes.Length : 0;
            site.Loss(LossKind.Truncated, $"string replayed as its first {bytes.Length} bytes", missing);
        }

        var quoted = GoStringLiteral.Quote(bytes);
        var scalar = !_stringsOnHeap || bytes.Length == 0 || _mapKeyDepth > 0
            ? new GoScalar(quoted, "string")
            : new GoScalar(_heapStrings.Call(quoted), "string", IsConstant: false);
        return Scalar(spelled, scalar, site.Typed);
    }

    /// <summary>A scalar converted to the spelled type where Go would not infer it.</summary>
    private GoLiteral Scalar(GoType spelled, GoScalar scalar, bool typed)
    {
        var exact = spelled is GoNamedType { IsPredeclared: true } p
            && Canonical(p.Name) == Canonical(scalar.NaturalType);
        var text = exact || (typed && scalar.IsConstant) ? scalar.Text : $"{RenderType(spelled)}({scalar.Text})";
        var zero = scalar.Text is "0" or "0.0" or "false" or "\"\"" or "complex(0.0, 0.0)";
        return new GoLiteral(text, IsZero: zero, IsConstant: scalar.IsConstant);
    }

    private static string Canonical(string basic) => basic switch { "byte" => "uint8", "rune" => "int32", _ => basic };

    private string MathPackage() => _renderer.Imports.Use("math");

    private GoLiteral Unreplayable(GoType declared, CapturedValue value, ValueSite site)
    {
        if (!value.IsNull)
        {
            site.Loss(LossKind.ZeroValue, value.NotCapturedReason ?? "functions and channels cannot be replayed");
        }

        return Zero(declared, site.Typed);
    }

    private GoLiteral Convert(GoType spelled, GoLiteral literal, bool typed) =>
        typed || literal.IsZero ? literal : new GoLiteral($"{RenderType(spelled)}({literal.Text})");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The zero value of a type, spelled so Go accepts it where it stands.</summary>
    private GoLiteral Zero(GoType declared, bool typed)
    {
        switch (_scope.Underlying(declared))
        {
            case GoNamedType { IsPredeclared: true, Name: "error" or "any" }:
                return Nil(declared, typed);
            case GoNamedType { IsPredeclared: true, Name: not "comparable" } basic:
                var name = Canonical(basic.Name);
                var (text, natural) = name switch
                {
                    "string" => ("\"\"", "string"),
                    "bool" => ("false", "bool"),
                    _ => ("0", "int"),
                };
                return Scalar(declared, new GoScalar(text, natural), typed) with { IsZero = true };
            case GoStructType or GoArrayType:
                return GoLiteral.Zero(RenderType(declared) + "{}", isComposite: true);
            case GoPointerType or GoSliceType or GoMapType or GoOpaqueType or GoInterfaceType:
                return Nil(declared, typed);
            default:
                return _scope.IsInterface(declared)
                    ? Nil(declared, typed)
                    : GoLiteral.Zero($"*new({RenderType(declared)})");
        }
    }

    private GoLiteral Nil(GoType declared, bool typed) =>
        GoLiteral.Zero(typed ? "nil" : $"({RenderType(declared)})(nil)");
}
