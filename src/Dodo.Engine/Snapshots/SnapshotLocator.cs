using System.Globalization;
using System.Text.Json;

namespace Dodo.Engine.Snapshots;

/// <summary>
/// Finds the snapshot object inside one element of a snapshot file, whatever carried it: an
/// intake envelope (<c>debugger.snapshot</c>, or the dotted key <c>"debugger.snapshot"</c>), a
/// Logs API event (<c>attributes.attributes.debugger.snapshot</c>) or a bare snapshot.
/// </summary>
internal static class SnapshotLocator
{
    /// <summary>What one element holds.</summary>
    public enum Outcome
    {
        NoSnapshot,
        WithoutCaptures,
        Snapshot,
    }

    public static Outcome TryRead(JsonElement element, string sourceFile, int index, out Snapshot? snapshot)
    {
        snapshot = null;
        if (!TryLocate(element, out var body, out var logger, out var eventId))
        {
            return Outcome.NoSnapshot;
        }

        var arguments = ReadArguments(body);
        if (arguments is null)
        {
            return Outcome.WithoutCaptures;
        }

        var id = Text(body, "id") is { } text && !JsonStrings.IsPlaceholder(text) ? text : eventId;
        var probe = Object(body, "probe");
        var location = probe is { } p ? Object(p, "location") : null;
        var method = location is { } l ? Text(l, "method") : null;
        snapshot = new Snapshot
        {
            Id = id,
            ProbeId = probe is { } pr ? Text(pr, "id") : null,
            Method = method ?? (logger is { } lg ? Text(lg, "method") : null),
            TimestampMs = Timestamp(body),
            Arguments = arguments,
            SourceFile = sourceFile,
            Index = index,
        };
        return Outcome.Snapshot;
    }

    /// <summary>True when the element looks like something that carries a snapshot.</summary>
    public static bool Carries(JsonElement element) => TryLocate(element, out _, out _, out _);

    private static bool TryLocate(JsonElement element, out JsonElement body, out JsonElement? logger,
        out string? eventId)
    {
        eventId = null;
        logger = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            body = default;
            return false;
        }

        if (FromEnvelope(element, out body))
        {
            logger = Object(element, "logger");
            return true;
        }

        if (Object(element, "attributes") is { } outer && Object(outer, "attributes") is { } custom
            && FromEnvelope(custom, out body))
        {
            logger = Object(custom, "logger");
            eventId = Text(element, "id");
            return true;
        }

        body = element;
        return element.TryGetProperty("captures", out _) || element.TryGetProperty("probe", out _);
    }

    private static bool FromEnvelope(JsonElement envelope, out JsonElement body)
    {
        if (Object(envelope, "debugger") is { } debugger && Object(debugger, "snapshot") is { } nested)
        {
            body = nested;
            return true;
        }

        if (Object(envelope, "debugger.snapshot") is { } dotted)
        {
            body = dotted;
            return true;
        }

        body = default;
        return false;
    }

    /// <summary>
    /// The entry arguments; for line probes those of the (single) line capture. Null when the
    /// snapshot captured nothing at all; empty for a function without parameters.
    /// </summary>
    private static List<KeyValuePair<string, CapturedValue>>? ReadArguments(JsonElement body)
    {
        if (Object(body, "captures") is not { } captures)
        {
            return body.TryGetProperty("captures", out var wrong) && wrong.ValueKind != JsonValueKind.Null
                ? throw new SnapshotShapeException("'captures' is not an object")
                : null;
        }

        if (Object(captures, "entry") is { } entry)
        {
            return Arguments(entry) ?? [];
        }

        if (Object(captures, "lines") is { } lines)
        {
            foreach (var line in lines.EnumerateObject())
            {
                if (line.Value.ValueKind == JsonValueKind.Object && Arguments(line.Value) is { } found)
                {
                    return found;
                }
            }
        }

        // Other tracers repeat the arguments at return; Go never needs this, but it costs nothing.
        return Object(captures, "return") is { } exit ? Arguments(exit) : null;
    }

    private static List<KeyValuePair<string, CapturedValue>>? Arguments(JsonElement capture)
    {
        if (!capture.TryGetProperty("arguments", out var arguments) || arguments.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return CapturedValueParser.ParseFields(arguments)
            ?? throw new SnapshotShapeException("'arguments' is not an object");
    }

    private static long? Timestamp(JsonElement body)
    {
        if (!body.TryGetProperty("timestamp", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms))
        {
            return ms;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(JsonStrings.Read(value), NumberStyles.None, CultureInfo.InvariantCulture, out ms)
                ? ms
                : null;
    }

    private static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? CapturedValueParser.Scalar(value)
            : null;
}
