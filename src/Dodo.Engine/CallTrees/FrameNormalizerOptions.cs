namespace Dodo.Engine.CallTrees;

/// <summary>The optional parts of frame normalization, with the defaults the spec recommends.</summary>
public sealed record FrameNormalizerOptions
{
    /// <summary>Alias sets applied by rule N3; Go-version renames are off unless versions differ.</summary>
    public FrameAliasSet AliasSets { get; init; } =
        FrameAliasSet.Architecture | FrameAliasSet.OperatingSystem;

    /// <summary>Rule N8: which samples hit signal preemption is timing noise.</summary>
    public bool DropAsyncPreempt { get; init; } = true;

    /// <summary>
    /// §3.6: strip SIMD suffixes (<c>AVX2</c>, <c>NEON</c>, …) from functions defined in
    /// architecture-specific files.
    /// </summary>
    public bool StripSimdSuffixes { get; init; } = true;
}
