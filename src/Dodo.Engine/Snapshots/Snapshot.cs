namespace Dodo.Engine.Snapshots;

/// <summary>
/// One real invocation of a probed function: its entry arguments (the Go receiver included,
/// named like the receiver identifier) and where the snapshot was read from.
/// </summary>
public sealed class Snapshot
{
    /// <summary>The snapshot's unique id, or the log event's id; null when neither is known.</summary>
    public string? Id { get; init; }

    public string? ProbeId { get; init; }

    /// <summary>The probed function in Go symbol spelling, e.g. <c>main.(*T).M</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Epoch milliseconds, when the file holds a real timestamp.</summary>
    public long? TimestampMs { get; init; }

    /// <summary>Entry arguments in the order of the file.</summary>
    public required IReadOnlyList<KeyValuePair<string, CapturedValue>> Arguments { get; init; }

    public required string SourceFile { get; init; }

    /// <summary>Zero-based position of the snapshot's element in its file.</summary>
    public int Index { get; init; }

    /// <summary>The argument with this name, or null.</summary>
    public CapturedValue? Argument(string name)
    {
        foreach (var (key, value) in Arguments)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A short reference for messages: the file, the index and the id when known.</summary>
    public string Describe() =>
        Id is null ? $"{Path.GetFileName(SourceFile)} #{Index}" : $"{Path.GetFileName(SourceFile)} #{Index} ({Id})";
}
