namespace Dodo.Engine.Scoring;

/// <summary>
/// How closely a benchmark's call tree matches production's: the similarity in percent, the
/// loss expected from sampling alone, and the divergences that add up to the rest.
/// </summary>
/// <param name="Similarity">Histogram intersection of the self-time shares, 0–100.</param>
/// <param name="NoiseFloor">Points of similarity expected to be lost to sampling noise even if
/// the benchmark matched production exactly (similarity-score.md §4).</param>
/// <param name="Divergences">Sorted by gap, largest first; their gaps sum to 2·(100 − S).</param>
/// <param name="ProductionSamples">Profiler samples inside the production target.</param>
/// <param name="BenchmarkSamples">Profiler samples inside the benchmark target.</param>
/// <param name="Paths">Distinct call paths carrying self time after union pruning.</param>
public sealed record SimilarityResult(double Similarity, double NoiseFloor, IReadOnlyList<Divergence> Divergences,
    long ProductionSamples, long BenchmarkSamples, int Paths);
