namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A snapshot file does not exist or cannot be read.</summary>
    public const string SnapshotFileUnreadable = "DODO2001";

    /// <summary>A snapshot file is larger than the reader accepts (512 MiB).</summary>
    public const string SnapshotFileTooLarge = "DODO2002";

    /// <summary>A snapshot file is not well-formed JSON.</summary>
    public const string SnapshotJsonMalformed = "DODO2003";

    /// <summary>A snapshot file nests JSON deeper than the reader accepts (256 levels).</summary>
    public const string SnapshotNestingTooDeep = "DODO2004";

    /// <summary>
    /// A snapshot file is JSON but neither an array of intake envelopes, a single envelope, nor a
    /// Logs API search response.
    /// </summary>
    public const string SnapshotShapeUnrecognized = "DODO2005";

    /// <summary>
    /// One element of a snapshot file has the wrong shape (for example <c>captures</c> is not an
    /// object); it is skipped and the rest of the file is read.
    /// </summary>
    public const string SnapshotEntrySkipped = "DODO2006";

    /// <summary>
    /// Snapshots without captured arguments (log probes, failed captures) were counted and
    /// skipped.
    /// </summary>
    public const string SnapshotWithoutCaptures = "DODO2007";

    /// <summary>A snapshot file holds no snapshot at all.</summary>
    public const string SnapshotFileEmpty = "DODO2008";
}
