using System.Text.Json;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Snapshots;

/// <summary>
/// Reads Datadog Live Debugger snapshot files: an array of intake envelopes, a single envelope,
/// or a Logs API search response. Snapshots are de-duplicated by id across all files read.
/// </summary>
public static class SnapshotReader
{
    /// <summary>Files above this size are refused: a snapshot page is a few MiB at most.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The deepest JSON nesting accepted. Go captures nest at most 32 levels of values, each a
    /// few JSON levels deep; anything deeper is hostile and would cost stack in every consumer.
    /// </summary>
    public const int MaxDepth = 256;

    public static SnapshotSet Read(string path, DiagnosticLog? log = null) => ReadAll([path], log);

    public static SnapshotSet ReadAll(IReadOnlyList<string> paths, DiagnosticLog? log = null)
    {
        var snapshots = new List<Snapshot>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        int duplicates = 0, withoutCaptures = 0;
        foreach (var path in paths)
        {
            var file = ReadFile(path, log);
            withoutCaptures += file.WithoutCaptures;
            foreach (var snapshot in file.Snapshots)
            {
                if (snapshot.Id is { } id && !seenIds.Add(id))
                {
                    duplicates++;
                    continue;
                }

                snapshots.Add(snapshot);
            }
        }

        if (duplicates > 0)
        {
            log?.Detail($"Dropped {duplicates} duplicate snapshot(s) (same snapshot id).");
        }

        return new SnapshotSet
        {
            Snapshots = snapshots,
            DuplicatesDropped = duplicates,
            WithoutCaptures = withoutCaptures,
            Sources = [.. paths],
        };
    }

    private sealed record FileContent(List<Snapshot> Snapshots, int WithoutCaptures);

    private static FileContent ReadFile(string path, DiagnosticLog? log)
    {
        using var document = Parse(path, ReadBytes(path));
        var elements = Elements(document.RootElement, path);
        var snapshots = new List<Snapshot>();
        int withoutCaptures = 0, noSnapshot = 0, index = 0;
        foreach (var element in elements)
        {
            try
            {
                switch (SnapshotLocator.TryRead(element, path, index, out var snapshot))
                {
                    case SnapshotLocator.Outcome.Snapshot:
                        snapshots.Add(snapshot!);
                        break;
                    case SnapshotLocator.Outcome.WithoutCaptures:
                        withoutCaptures++;
                        break;
                    default:
                        noSnapshot++;
                        break;
                }
            }
            catch (SnapshotShapeException e)
            {
                log?.Warning(DiagnosticCodes.SnapshotEntrySkipped,
                    $"Snapshot #{index} skipped: {e.Message}.", path);
            }

            index++;
        }

        Report(log, path, index, noSnapshot, withoutCaptures);
        return new FileContent(snapshots, withoutCaptures);
    }

    private static void Report(DiagnosticLog? log, string path, int elements, int noSnapshot, int withoutCaptures)
    {
        if (elements == 0)
        {
            log?.Warning(DiagnosticCodes.SnapshotFileEmpty, "The file holds no snapshot.", path);
        }

        if (noSnapshot > 0)
        {
            log?.Warning(DiagnosticCodes.SnapshotEntrySkipped,
                $"{noSnapshot} of {elements} element(s) carry no debugger snapshot and were skipped "
                + "(is the query limited to source:dd_debugger?).", path);
        }

        if (withoutCaptures > 0)
        {
            log?.Warning(DiagnosticCodes.SnapshotWithoutCaptures,
                $"{withoutCaptures} snapshot(s) carry no captured arguments (log probes or failed captures) "
                + "and were skipped; use a probe that captures variables.", path);
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new DodoException(DiagnosticCodes.SnapshotFileUnreadable,
                    "The snapshot file does not exist.", path);
            }

            if (info.Length > MaxFileBytes)
            {
                throw new DodoException(DiagnosticCodes.SnapshotFileTooLarge,
                    $"The snapshot file is {info.Length:N0} bytes; at most {MaxFileBytes:N0} are accepted. "
                    + "Fetch fewer snapshots per file.", path);
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DodoException(DiagnosticCodes.SnapshotFileUnreadable,
                $"The snapshot file cannot be read: {e.Message}", path, e);
        }
    }

    private static JsonDocument Parse(string path, byte[] bytes)
    {
        var content = bytes.AsMemory();
        if (content.Span.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        try
        {
            return JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            if (JsonNesting.Exceeds(content.Span, MaxDepth))
            {
                throw new DodoException(DiagnosticCodes.SnapshotNestingTooDeep,
                    $"The JSON nests deeper than {MaxDepth} levels; a real snapshot never does.", path, line);
            }

            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new DodoException(DiagnosticCodes.SnapshotJsonMalformed,
                $"The file is not valid JSON (line {line}, byte {column}): {FirstSentence(e.Message)}", path, line);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end > 0 ? message[..end].TrimEnd() : message;
    }

    /// <summary>The elements to look into: the array items, the Logs API data, or the object itself.</summary>
    private static IEnumerable<JsonElement> Elements(JsonElement root, string path)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data))
        {
            return data.ValueKind == JsonValueKind.Array
                ? data.EnumerateArray()
                : throw new DodoException(DiagnosticCodes.SnapshotShapeUnrecognized,
                    "The Logs API response's 'data' is not an array.", path);
        }

        if (root.ValueKind == JsonValueKind.Object && SnapshotLocator.Carries(root))
        {
            return [root];
        }

        throw new DodoException(DiagnosticCodes.SnapshotShapeUnrecognized,
            "Expected a JSON array of snapshot envelopes, a single envelope, or a Logs API search response "
            + $"({{\"data\": [...]}}); found a JSON {root.ValueKind.ToString().ToLowerInvariant()}.", path);
    }
}
