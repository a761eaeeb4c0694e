using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

// Interfaces and their dynamic values, and types of other packages whose layout Dodo lacks.
public sealed partial class GoLiteralWriter
{
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

        var why = WhyNotReplayable(dynamic);
        if (data.IsNull)
        {
            // A non-nil interface holding a typed nil, as production had it.
            return why is null ? new GoLiteral($"({RenderType(dynamic)})(nil)") : Unrebuildable(spelled, why, site);
        }

        if (WellKnownGoTypes.IsErrorString(dynamic))
        {
            var text = data.Field("s") ?? new CapturedValue { Value = "" };
            var message = StringValue(new GoNamedType("", "string"), text, site.Field("s"));
            return new GoLiteral($"{Qualify("errors", "New")}({message.Text})");
        }

        if (why is not null)
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
            return value.Fields is null
                ? Zero(named, site.Typed)
                : GoLiteral.Zero(RenderType(named) + "{}", isComposite: true);
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

    /// <summary>Why a type named by snapshot data cannot be written into the benchmark, or null.</summary>
    private string? WhyNotReplayable(GoType type) =>
        GoTypeRenderer.CarriesText(type) ? $"{type.Canonical} is not a plain type name" : WhyNotRenderable(type);

    private List<(string Name, GoType Type, CapturedValue Value)>? ExportedFields(
        IReadOnlyList<KeyValuePair<string, CapturedValue>> captured)
    {
        var fields = new List<(string, GoType, CapturedValue)>();
        foreach (var (name, field) in captured)
        {
            if (!GoIdentifiers.IsValid(name) || !GoIdentifiers.IsExported(name)
                || _scope.Package.ParseCapturedType(field.Type) is not { } type || WhyNotReplayable(type) is not null)
            {
                return null;
            }

            fields.Add((name, type, field));
        }

        return fields;
    }
}
