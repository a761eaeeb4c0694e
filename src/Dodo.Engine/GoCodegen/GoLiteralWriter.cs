using System.Globalization;
using System.Numerics;
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
    private readonly DiagnosticLog _log;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <param name="package">The target's package, as the inspector described it.</param>
    /// <param name="log">Receives the coded warnings (type mismatches, foreign zero values), once each.</param>
    /// <param name="generatedPrefix">Prefix of every generated name (helpers, import aliases avoid it).</param>
    /// <param name="reservedNames">Names the caller generates, which imports and helpers must not take.</param>
    public GoLiteralWriter(GoPackageInfo package, DiagnosticLog log, string generatedPrefix = "dodo",
        IEnumerable<string>? reservedNames = null)
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

    /// <summary>The pointer helpers the written expressions call.</summary>
    public IEnumerable<string> HelperDeclarations() => _helpers.Declarations();

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

        return Scalar(spelled, new GoScalar(GoStringLiteral.Quote(bytes), "string"), site.Typed);
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

    private GoLiteral Pointer(GoPointerType pointer, CapturedValue value, ValueSite site)
    {
        if (value.IsNull)
        {
            return Zero(pointer, site.Typed);
        }

        var element = pointer.Element;
        if (WellKnownGoTypes.IsRegexp(element))
        {
            return new GoLiteral(Regexp(value, site));
        }

        if (!HasShape(value) && value.IsIncomplete && !_scope.IsInterface(element))
        {
            // Production had a non-nil pointer: keep it non-nil, pointing at a zero value.
            site.Loss(LossKind.NotCaptured, value.NotCapturedReason!);
            return new GoLiteral($"new({RenderType(element)})");
        }

        var pointee = Value(element, value, site.Pointee());
        if (pointee.IsComposite)
        {
            return new GoLiteral("&" + pointee.Text);
        }

        return pointee.IsZero
            ? new GoLiteral($"new({RenderType(element)})")
            : new GoLiteral(_helpers.Call(RenderType(element), pointee.Text));
    }

    private GoLiteral Slice(GoType spelled, GoSliceType slice, CapturedValue value, ValueSite site)
    {
        if (value.IsNull)
        {
            return Zero(spelled, site.Typed);
        }

        var type = RenderType(spelled);
        if (IsByteElement(slice.Element) && ByteContent(value) is { } bytes)
        {
            ReportMissing(value, bytes.Length, site);
            var literal = GoStringLiteral.Quote(bytes);
            return new GoLiteral($"{type}({literal})");
        }

        if (value.Elements is null)
        {
            return EmptyCollection(spelled, value, site);
        }

        var elements = new List<string>(value.Elements.Count);
        for (var i = 0; i < value.Elements.Count; i++)
        {
            elements.Add(Value(slice.Element, value.Elements[i], site.Element(i)).Text);
        }

        ReportMissing(value, elements.Count, site);
        return GoLiteral.Composite(type, elements);
    }

    private GoLiteral Array(GoType spelled, GoArrayType array, CapturedValue value, ValueSite site)
    {
        if (value.IsNull || value.Elements is null)
        {
            if (value.IsIncomplete || value.IsNull)
            {
                site.Loss(LossKind.NotCaptured, value.NotCapturedReason ?? "nil where an array is declared");
            }

            return Zero(spelled, site.Typed);
        }

        var count = value.Elements.Count;
        if (array.Count is { } length && count > length)
        {
            Mismatch(site, spelled, $"{count} elements");
            count = (int)length;
        }

        var elements = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            elements.Add(Value(array.Element, value.Elements[i], site.Element(i)).Text);
        }

        ReportMissing(value, value.Elements.Count, site);
        return GoLiteral.Composite(RenderType(spelled), elements);
    }

    private GoLiteral Map(GoType spelled, GoMapType map, CapturedValue value, ValueSite site)
    {
        if (value.IsNull)
        {
            return Zero(spelled, site.Typed);
        }

        if (value.Entries is null)
        {
            return EmptyCollection(spelled, value, site);
        }

        var entries = new List<(GoLiteral Key, string Value)>(value.Entries.Count);
        var constantKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < value.Entries.Count; i++)
        {
            var (capturedKey, capturedValue) = value.Entries[i];
            var key = Value(map.Key, capturedKey, site.MapKey(i));
            if (key.IsConstant && !constantKeys.Add(key.Text))
            {
                // Two captured keys that truncation or redaction made equal: Go rejects both.
                site.Loss(LossKind.DuplicateKey, $"entry {i} repeats key {Shorten(key.Text)}");
                continue;
            }

            entries.Add((key, Value(map.Value, capturedValue, site.MapValue(i)).Text));
        }

        ReportMissing(value, value.Entries.Count, site);
        var ordered = entries.OrderBy(e => MapKeyOrder.Key(e.Key.Text), MapKeyOrder.Comparer);
        return GoLiteral.Composite(RenderType(spelled), [.. ordered.Select(e => $"{e.Key.Text}: {e.Value}")]);
    }

    private GoLiteral Struct(GoType spelled, GoStructType structType, CapturedValue value, ValueSite site)
    {
        var type = RenderType(spelled);
        if (value.Fields is null)
        {
            if (value.IsIncomplete || value.IsNull || value.Value is not null)
            {
                var reason = value.NotCapturedReason ?? "no fields captured";
                site.Loss(value.IsIncomplete ? LossKind.NotCaptured : LossKind.TypeMismatch, reason);
            }

            return GoLiteral.Zero(type + "{}", isComposite: true);
        }

        var elements = new List<string>();
        foreach (var field in structType.Fields.Where(f => f.Name != "_"))
        {
            var captured = value.Field(field.Name);
            if (captured is null)
            {
                site.Field(field.Name).Loss(LossKind.NotCaptured, "field absent from the snapshot");
                continue;
            }

            var literal = Value(field.Type, captured, site.Field(field.Name));
            if (!literal.IsZero)
            {
                elements.Add($"{field.Name}: {literal.Text}");
            }
        }

        foreach (var (name, _) in value.Fields.Where(f => structType.Fields.All(d => d.Name != f.Key)))
        {
            Mismatch(site.Field(name), spelled, "a field the declared type does not have");
        }

        if (value.IsIncomplete)
        {
            site.Loss(LossKind.NotCaptured, value.NotCapturedReason!);
        }

        return elements.Count == 0 ? GoLiteral.Zero(type + "{}", isComposite: true) : GoLiteral.Composite(type, elements);
    }

    private GoLiteral EmptyCollection(GoType spelled, CapturedValue value, ValueSite site)
    {
        if (value.IsIncomplete)
        {
            site.Loss(LossKind.NotCaptured, value.NotCapturedReason!, value.Size ?? 0);
        }

        // Not nil: production's value was not nil, only its content is unknown.
        return new GoLiteral(RenderType(spelled) + "{}", IsComposite: true);
    }

    private GoLiteral Unreplayable(GoType declared, CapturedValue value, ValueSite site)
    {
        if (!value.IsNull)
        {
            site.Loss(LossKind.ZeroValue, value.NotCapturedReason ?? "functions and channels cannot be replayed");
        }

        return Zero(declared, site.Typed);
    }

    private static void ReportMissing(CapturedValue value, int captured, ValueSite site)
    {
        if (value.Size is { } size && size > captured)
        {
            site.Loss(LossKind.MissingElements, value.NotCapturedReason ?? "collectionSize", size - captured);
        }
        else if (value.NotCapturedReason is { } reason)
        {
            site.Loss(LossKind.NotCaptured, reason);
        }
    }

    private bool IsByteElement(GoType element) =>
        element is GoNamedType { IsPredeclared: true, Name: "byte" or "uint8" };

    /// <summary>The bytes of a byte slice captured as a string or as complete uint8 elements.</summary>
    private static byte[]? ByteContent(CapturedValue value)
    {
        if (value.Elements is null)
        {
            return value.Value is { } text && value.Fields is null ? GoStringLiteral.ToGoBytes(text) : null;
        }

        var bytes = new byte[value.Elements.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            var element = value.Elements[i];
            if (element.IsIncomplete || element.IsRedacted
                || !byte.TryParse(element.Value, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }

    private GoLiteral Convert(GoType spelled, GoLiteral literal, bool typed) =>
        typed || literal.IsZero ? literal : new GoLiteral($"{RenderType(spelled)}({literal.Text})");

    private static bool HasShape(CapturedValue value) =>
        value.Value is not null || value.Fields is not null || value.Elements is not null || value.Entries is not null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Orders map literal keys: integers by value, before everything else by its Go text.</summary>
    private static class MapKeyOrder
    {
        public static readonly IComparer<(BigInteger? Number, string Text)> Comparer =
            Comparer<(BigInteger? Number, string Text)>.Create((a, b) => (a.Number, b.Number) switch
            {
                ({ } x, { } y) => x.CompareTo(y),
                (not null, null) => -1,
                (null, not null) => 1,
                _ => string.CompareOrdinal(a.Text, b.Text),
            });

        public static (BigInteger? Number, string Text) Key(string text) =>
            (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : null, text);
    }
}
