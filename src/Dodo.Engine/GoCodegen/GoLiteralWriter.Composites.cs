using System.Globalization;
using System.Numerics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

// Pointers, collections and structs: the shapes that hold other values.
public sealed partial class GoLiteralWriter
{
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
            _mapKeyDepth++;
            var key = Value(map.Key, capturedKey, site.MapKey(i));
            _mapKeyDepth--;
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

        return elements.Count == 0
            ? GoLiteral.Zero(type + "{}", isComposite: true)
            : GoLiteral.Composite(type, elements);
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

    private static bool HasShape(CapturedValue value) =>
        value.Value is not null || value.Fields is not null || value.Elements is not null || value.Entries is not null;
}
