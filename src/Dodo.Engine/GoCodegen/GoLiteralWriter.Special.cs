using System.Globalization;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

// The parts of the writer that go beyond the target's own types: interfaces and their dynamic
// values, other packages' types, the standard library table, zero values and redaction.
public sealed partial class GoLiteralWriter
{
    private const int MaxPlaceholderBytes = 1 << 20;
    private const int InlinePlaceholderBytes = 64;

    // Seconds from year 1 to 1970 and to 1885: the epochs of time.Time's two encodings.
    private const long UnixToInternal = 62135596800;
    private const long WallToInternal = 59453308800;

    /// <summary>A character class with no member: a regexp that compiles and never matches.</summary>
    private const string NeverMatches = @"[^\x00-\x{10FFFF}]";

    private GoLiteral? WellKnown(GoNamedType named, CapturedValue value, ValueSite site)
    {
        if (WellKnownGoTypes.HasFaithfulZero(named))
        {
            return GoLiteral.Zero(RenderType(named) + "{}", isComposite: true);
        }

        if (WellKnownGoTypes.IsRegexp(named))
        {
            return new GoLiteral("*" + Regexp(value, site));
        }

        return WellKnownGoTypes.IsTime(named) ? Time(value, site) : null;
    }

    /// <summary>A <c>*regexp.Regexp</c> compiled again from the pattern production compiled.</summary>
    private string Regexp(CapturedValue value, ValueSite site)
    {
        var compile = Qualify("regexp", "MustCompile");
        var expr = value.Field("expr");
        if (expr?.Value is not { } pattern || expr.IsIncomplete || expr.IsRedacted)
        {
            // A clipped pattern may not compile, and a panic at init would lose every case.
            var detail = expr is null ? value.NotCapturedReason ?? "pattern not captured" : "pattern incomplete";
            site.Field("expr").Loss(expr?.Truncated == true ? LossKind.Truncated : LossKind.NotCaptured, detail);
            return $"{compile}({GoStringLiteral.Quote(NeverMatches)})";
        }

        var call = $"{compile}({GoStringLiteral.Quote(pattern)})";
        if (value.Field("longest")?.Value != "true")
        {
            return call;
        }

        var type = Qualify("regexp", "Regexp");
        return $"func() *{type} {{ r := {call}; r.Longest(); return r }}()";
    }

    /// <summary>A <c>time.Time</c> rebuilt from its wall and ext words (see time.Time's encoding).</summary>
    private GoLiteral Time(CapturedValue value, ValueSite site)
    {
        var wallText = value.Field("wall")?.Value;
        var extText = value.Field("ext")?.Value;
        if (!ulong.TryParse(wallText, NumberStyles.None, CultureInfo.InvariantCulture, out var wall)
            || !long.TryParse(extText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ext))
        {
            site.Loss(LossKind.NotCaptured, value.NotCapturedReason ?? "time.Time's wall and ext not captured");
            return GoLiteral.Zero(Qualify("time", "Time") + "{}", isComposite: true);
        }

        const ulong hasMonotonic = 1UL << 63;
        const ulong nanosecondMask = (1UL << 30) - 1;
        var seconds = (wall & hasMonotonic) != 0 ? WallToInternal + (long)((wall << 1) >> 31) : ext;
        var nanoseconds = (long)(wall & nanosecondMask);
        var location = value.Field("loc");
        var utc = location is null || location.IsNull ? ".UTC()" : "";
        var unix = (seconds - UnixToInternal).ToString(CultureInfo.InvariantCulture);
        return new GoLiteral($"{Qualify("time", "Unix")}({unix}, {nanoseconds}){utc}");
    }

    private GoLiteral Interface(GoType spelled, CapturedValue value, ValueSite site)
    {
        if (WellKnownGoTypes.IsContext(spelled))
        {
            return new GoLiteral($"{Qualify("context", "Background")}()");
        }

        if (value.IsNull)
        {
            return Zero(spelled, site.Typed);
        }

        var data = value.Field("data") ?? (HasShape(value) ? value : null);
        if (data is null || (data.IsIncomplete && !HasShape(data) && !data.IsNull))
        {
            var reason = data?.NotCapturedReason ?? value.NotCapturedReason ?? "dynamic value not captured";
            return Unrebuildable(spelled, reason, site);
        }

        var dynamic = _scope.Package.ParseCapturedType(data.Type);
        if (dynamic is null || _scope.IsInterface(dynamic))
        {
            return Unrebuildable(spelled, $"dynamic type '{Shorten(data.Type ?? "unknown")}' cannot be read", site);
        }

        if (data.IsNull)
        {
            // A non-nil interface holding a typed nil, as production had it.
            return WhyNotRenderable(dynamic) is null ? new GoLiteral($"({RenderType(dynamic)})(nil)") : Zero(spelled, site.Typed);
        }

        if (WellKnownGoTypes.IsErrorString(dynamic))
        {
            var message = StringValue(new GoNamedType("", "string"), data.Field("s") ?? new CapturedValue { Value = "" },
                site.Field("s"));
            return new GoLiteral($"{Qualify("errors", "New")}({message.Text})");
        }

        if (WhyNotRenderable(dynamic) is { } why)
        {
            WarnForeign(dynamic.Canonical, why);
            return Unrebuildable(spelled, why, site);
        }

        var literal = Value(dynamic, data, site.Dynamic());
        return literal with { IsZero = false, IsConstant = false };
    }

    /// <summary>
    /// An interface whose dynamic value cannot be rebuilt: nil, except for <c>error</c>, where a
    /// non-nil stand-in keeps production's error path taken.
    /// </summary>
    private GoLiteral Unrebuildable(GoType spelled, string reason, ValueSite site)
    {
        site.Loss(LossKind.ZeroValue, reason);
        if (spelled is GoNamedType { IsPredeclared: true, Name: "error" })
        {
            var text = GoStringLiteral.Quote($"dodo: error value not replayable ({reason})");
            return new GoLiteral($"{Qualify("errors", "New")}({text})");
        }

        return Zero(spelled, site.Typed);
    }

    /// <summary>
    /// A type of another package the generator has no layout for. Structs whose captured fields are
    /// all exported are rebuilt from the captured field types; anything else gets its zero value.
    /// </summary>
    private GoLiteral Foreign(GoNamedType named, CapturedValue value, ValueSite site)
    {
        if (value.Fields is [{ Key: "data" }])
        {
            return Interface(named, value, site);
        }

        if (value.IsNull)
        {
            return Zero(named, site.Typed);
        }

        var fields = value.Fields is { Count: > 0 } captured ? ExportedFields(captured) : null;
        if (fields is null)
        {
            var why = value.Fields is null
                ? "its layout is unknown to Dodo"
                : "it has unexported fields, which only its own package can set";
            WarnForeign(named.Canonical, why);
            site.Loss(LossKind.ZeroValue, $"{named.Canonical}: {why}");
            return value.Fields is null ? Zero(named, site.Typed) : GoLiteral.Zero(RenderType(named) + "{}", isComposite: true);
        }

        var elements = new List<string>();
        foreach (var (name, type, field) in fields)
        {
            var literal = Value(type, field, site.Field(name) with { CheckType = false });
            if (!literal.IsZero)
            {
                elements.Add($"{name}: {literal.Text}");
            }
        }

        return GoLiteral.Composite(RenderType(named), elements);
    }

    private List<(string Name, GoType Type, CapturedValue Value)>? ExportedFields(
        IReadOnlyList<KeyValuePair<string, CapturedValue>> captured)
    {
        var fields = new List<(string, GoType, CapturedValue)>();
        foreach (var (name, field) in captured)
        {
            if (!GoIdentifiers.IsValid(name) || !GoIdentifiers.IsExported(name)
                || _scope.Package.ParseCapturedType(field.Type) is not { } type || WhyNotRenderable(type) is not null)
            {
                return null;
            }

            fields.Add((name, type, field));
        }

        return fields;
    }

    private GoLiteral Redacted(GoType declared, CapturedValue value, ValueSite site)
    {
        site.Loss(LossKind.Redacted, value.NotCapturedReason!);
        if (_scope.BasicName(declared) != "string" || value.Size is not > 0)
        {
            return Zero(declared, site.Typed);
        }

        // A placeholder of the same length keeps length-dependent work (hashing, copying) realistic.
        var length = Math.Min(value.Size.Value, MaxPlaceholderBytes);
        var text = length <= InlinePlaceholderBytes
            ? GoStringLiteral.Quote(new string('x', (int)length))
            : $"{Qualify("strings", "Repeat")}(\"x\", {length.ToString(CultureInfo.InvariantCulture)})";
        return Scalar(declared, new GoScalar(text, "string", IsConstant: length <= InlinePlaceholderBytes), site.Typed);
    }

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
                return _scope.IsInterface(declared) ? Nil(declared, typed) : GoLiteral.Zero($"*new({RenderType(declared)})");
        }
    }

    private GoLiteral Nil(GoType declared, bool typed) =>
        GoLiteral.Zero(typed ? "nil" : $"({RenderType(declared)})(nil)");

    private void CheckType(GoType declared, CapturedValue value, ValueSite site)
    {
        if (value.Type is null || _scope.IsInterface(declared) || _scope.Underlying(declared) is GoOpaqueType)
        {
            return;
        }

        var captured = _scope.Package.ParseCapturedType(value.Type);
        if (captured is null)
        {
            return;
        }

        var expected = ResolveAlias(declared).Canonical;
        if (expected == captured.Canonical)
        {
            return;
        }

        var actual = WellKnownGoTypes.ResolveAliases(captured.Canonical);
        if (WellKnownGoTypes.ResolveAliases(expected) != actual && !actual.Contains("go.shape.", StringComparison.Ordinal))
        {
            Mismatch(site, declared, $"type {captured.Canonical}");
        }
    }

    private GoType ResolveAlias(GoType type)
    {
        for (var i = 0; i < 16 && type is GoNamedType named && _scope.Declaration(named) is { IsAlias: true } alias; i++)
        {
            type = alias.Type;
        }

        return type;
    }

    /// <summary>Warns once per field and pair of types that the capture disagrees with the code.</summary>
    private void Mismatch(ValueSite site, GoType declared, string captured)
    {
        if (_warned.Add($"mismatch|{site.FieldKey}|{declared.Canonical}|{captured}"))
        {
            _log.Warning(DiagnosticCodes.CapturedTypeMismatch,
                $"{site.FieldKey}: the snapshot holds {captured} where the code declares {declared.Canonical}; "
                + "the declared type is used (was the snapshot taken from another version of the code?).",
                site.Losses.SourceFile);
        }
    }

    private void WarnForeign(string type, string why)
    {
        if (_warned.Add($"foreign|{type}"))
        {
            _log.Warning(DiagnosticCodes.ForeignTypeZeroValue,
                $"Values of {type} cannot be rebuilt ({why}); the benchmark uses its zero value instead.");
        }
    }
}
