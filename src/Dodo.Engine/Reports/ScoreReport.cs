using System.Globalization;
using Dodo.Engine.Scoring;

namespace Dodo.Engine.Reports;

/// <summary>One divergence as reports show it: percentages from 0 to 100 of the target's time.</summary>
public sealed record DivergenceEntry(string Path, double Production, double Benchmark, double Gap, string Kind)
{
    public static DivergenceEntry From(Divergence divergence) => new(
        divergence.Path,
        Math.Round(divergence.Production, 3),
        Math.Round(divergence.Benchmark, 3),
        Math.Round(divergence.Gap, 3),
        divergence.Kind.ToString().ToLowerInvariant());

    /// <summary>One aligned line for consoles and build logs.</summary>
    public string ToDisplayLine() => string.Create(CultureInfo.InvariantCulture,
        $"  {Kind,-7} {Gap,6:0.00} pp  incl. production {Production,6:0.00} %  benchmark {Benchmark,6:0.00} %  {Path}");
}

/// <summary>
/// The score of a benchmark against production, the fields that <c>dodo score --json</c> prints
/// and that report.json starts with.
/// </summary>
public sealed record ScoreReport(
    string Target,
    double Similarity,
    double Threshold,
    bool Passed,
    double NoiseFloor,
    long ProductionSamples,
    long BenchmarkSamples,
    double PrunePercent,
    IReadOnlyList<DivergenceEntry> Divergences)
{
    public static ScoreReport From(string target, SimilarityResult result, double threshold, double prunePercent) =>
        new(target,
            Math.Round(result.Similarity, 3),
            threshold,
            result.Similarity >= threshold,
            Math.Round(result.NoiseFloor, 3),
            result.ProductionSamples,
            result.BenchmarkSamples,
            prunePercent,
            result.Divergences.Select(DivergenceEntry.From).ToList());
}
