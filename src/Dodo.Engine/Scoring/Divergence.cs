namespace Dodo.Engine.Scoring;

/// <summary>How the benchmark's time at a call path differs from production's.</summary>
public enum DivergenceKind
{
    /// <summary>Production spends time in this subtree; the benchmark never reaches it.</summary>
    Missing,

    /// <summary>The benchmark spends time in a subtree production never reaches.</summary>
    Extra,

    /// <summary>The benchmark spends a larger share of self time at this node.</summary>
    Over,

    /// <summary>The benchmark spends a smaller share of self time at this node.</summary>
    Under,
}

/// <summary>
/// One term of the exact decomposition of the similarity loss (similarity-score.md §3): the call
/// path from the target, both sides' inclusive shares in percent of the target's time, and the
/// gap in percentage points (self-share difference for over/under, the inclusive share for
/// missing/extra). Each divergence costs <c>Gap / 2</c> points of similarity.
/// </summary>
public sealed record Divergence(IReadOnlyList<string> Frames, double Production, double Benchmark, double Gap,
    DivergenceKind Kind)
{
    public string Path => string.Join(";", Frames);
}
