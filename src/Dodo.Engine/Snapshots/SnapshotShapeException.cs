namespace Dodo.Engine.Snapshots;

/// <summary>One snapshot element has a shape the reader cannot use; the element is skipped.</summary>
internal sealed class SnapshotShapeException(string message) : Exception(message);
