namespace Dodo.Engine.CallTrees;

/// <summary>Groups of alias rows, switched on or off together.</summary>
[Flags]
public enum FrameAliasSet
{
    None = 0,

    /// <summary>amd64 vs arm64 names of the same work (go-frame-normalization.md §3).</summary>
    Architecture = 1,

    /// <summary>linux vs darwin entry frames (§4); harmless when both sides share an OS.</summary>
    OperatingSystem = 2,

    /// <summary>
    /// Renames between Go versions (§5); for production and benchmark built with different Go.
    /// </summary>
    GoVersion = 4,
}
