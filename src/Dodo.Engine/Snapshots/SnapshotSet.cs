namespace Dodo.Engine.Snapshots;

/// <summary>The snapshots read from one or more files, de-duplicated by id.</summary>
public sealed class SnapshotSet
{
    public required IReadOnlyList<Snapshot> Snapshots { get; init; }

    /// <summary>Snapshots left out because an earlier one had the same id.</summary>
    public int DuplicatesDropped { get; init; }

    /// <summary>Snapshots that carried no captured arguments (log probes, failed captures).</summary>
    public int WithoutCaptures { get; init; }

    /// <summary>The files read, in order.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
}
