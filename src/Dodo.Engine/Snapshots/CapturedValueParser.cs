using System.Globalization;
using System.Text.Json;

namespace Dodo.Engine.Snapshots;

/// <summary>
/// Turns one JSON captured-value node into a <see cref="CapturedValue"/>, tolerating the spellings
/// different agent versions use (numbers or strings for <c>size</c>, booleans or strings for
/// <c>isNull</c>) and ignoring keys it does not know.
/// </summary>
internal static class CapturedValueParser
{
    // Recursion is bounded: the document was parsed with SnapshotReader.MaxDepth.
    public static CapturedValue Parse(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return new CapturedValue { Value = Scalar(node), IsNull = node.ValueKind == JsonValueKind.Null };
        }

        string? type = null, value = null, reason = null, address = null;
        List<KeyValuePair<string, CapturedValue>>? fields = null;
        List<CapturedValue>? elements = null;
        List<KeyValuePair<CapturedValue, CapturedValue>>? entries = null;
        long? size = null;
        bool truncated = false, isNull = false, pruned = false;
        foreach (var property in node.EnumerateObject())
        {
            // Matching the raw name avoids allocating a string for each of a file's million keys.
            var item = property.Value;
            if (property.NameEquals("type"u8))
            {
                type = Scalar(item);
            }
            else if (property.NameEquals("value"u8))
            {
                value = Scalar(item);
            }
            else if (property.NameEquals("fields"u8))
            {
                fields = ParseFields(item);
            }
            else if (property.NameEquals("elements"u8))
            {
                elements = ParseElements(item);
            }
            else if (property.NameEquals("entries"u8))
            {
                entries = ParseEntries(item);
            }
            else if (property.NameEquals("size"u8))
            {
                size = ParseSize(item);
            }
            else if (property.NameEquals("truncated"u8))
            {
                truncated = IsTrue(item);
            }
            else if (property.NameEquals("isNull"u8))
            {
                isNull = IsTrue(item);
            }
            else if (property.NameEquals("pruned"u8))
            {
                pruned = IsTrue(item);
            }
            else if (property.NameEquals("notCapturedReason"u8))
            {
                reason = Scalar(item) is { Length: > 0 } text ? text : null;
            }
            else if (property.NameEquals("address"u8))
            {
                address = Scalar(item) is { } a && !JsonStrings.IsPlaceholder(a) ? a : null;
            }
        }

        return new CapturedValue
        {
            Type = type,
            Value = value,
            Fields = fields,
            Elements = elements,
            Entries = entries,
            Size = size,
            Truncated = truncated,
            IsNull = isNull,
            NotCapturedReason = reason ?? (pruned ? "pruned" : null),
            Address = address,
        };
    }

    /// <summary>A JSON scalar as text: strings unescaped, numbers and booleans as written.</summary>
    public static string? Scalar(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => JsonStrings.Read(item),
        JsonValueKind.Number => item.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static List<KeyValuePair<string, CapturedValue>>? ParseFields(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, CapturedValue>>();
        foreach (var property in item.EnumerateObject())
        {
            fields.Add(new(JsonStrings.Name(property), Parse(property.Value)));
        }

        return fields;
    }

    private static List<CapturedValue>? ParseElements(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var elements = new List<CapturedValue>(item.GetArrayLength());
        foreach (var element in item.EnumerateArray())
        {
            elements.Add(Parse(element));
        }

        return elements;
    }

    private static List<KeyValuePair<CapturedValue, CapturedValue>>? ParseEntries(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var entries = new List<KeyValuePair<CapturedValue, CapturedValue>>(item.GetArrayLength());
        foreach (var pair in item.EnumerateArray())
        {
            // A malformed pair cannot be replayed; the map's size still tells the loss.
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2)
            {
                entries.Add(new(Parse(pair[0]), Parse(pair[1])));
            }
        }

        return entries;
    }

    private static long? ParseSize(JsonElement item)
    {
        var text = Scalar(item);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    private static bool IsTrue(JsonElement item) =>
        item.ValueKind == JsonValueKind.True
        || (item.ValueKind == JsonValueKind.String
            && string.Equals(JsonStrings.Read(item), "true", StringComparison.OrdinalIgnoreCase));
}
