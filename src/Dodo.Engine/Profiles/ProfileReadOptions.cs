namespace Dodo.Engine.Profiles;

/// <summary>
/// How a profile is read: which value column to use and the caps that keep hostile input from
/// exhausting memory or time (pprof-format.md §9, "Hostile-input policy").
/// </summary>
public sealed record ProfileReadOptions
{
    public static ProfileReadOptions Default { get; } = new();

    /// <summary>
    /// The sample type to read, by type name (<c>delay</c>) or <c>type/unit</c>
    /// (<c>delay/nanoseconds</c>). Null picks the CPU column and refuses non-CPU profiles;
    /// naming a column reads any profile kind.
    /// </summary>
    public string? ValueColumn { get; init; }

    /// <summary>Largest accepted profile after decompression (default 256 MiB).</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Largest plausible decompressed/compressed ratio once past
    /// <see cref="RatioCheckThresholdBytes"/>; real profiles shrink only 2–3×.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Small outputs may compress extremely well; the ratio is judged only beyond this.</summary>
    public long RatioCheckThresholdBytes { get; init; } = 8L * 1024 * 1024;

    public int MaxSamples { get; init; } = 10_000_000;

    public int MaxLocations { get; init; } = 10_000_000;

    public int MaxFunctions { get; init; } = 5_000_000;

    public int MaxStrings { get; init; } = 5_000_000;

    public int MaxStringBytes { get; init; } = 64 * 1024;

    /// <summary>Deepest accepted stack after inline expansion.</summary>
    public int MaxStackDepth { get; init; } = 1024;

    /// <summary>Longest accepted line of folded text, in characters.</summary>
    public int MaxFoldedLineLength { get; init; } = 1024 * 1024;
}
