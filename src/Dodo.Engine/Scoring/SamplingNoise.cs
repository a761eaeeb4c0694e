using Dodo.Engine.CallTrees;

namespace Dodo.Engine.Scoring;

/// <summary>
/// The similarity a perfect benchmark would still lose to sampling (similarity-score.md §4):
/// E[1 − S] ≈ (1/√(2π)) · √(1/n_A + 1/n_B) · Σ_p √(q(p)(1 − q(p))), so a user can tell "not
/// similar" from "not enough samples", and the runner can tell how many samples it needs.
/// </summary>
public static class SamplingNoise
{
    /// <param name="shares">Production's path weights q(p), summing to 1.</param>
    /// <param name="productionSamples">n_A, samples inside the production target.</param>
    /// <param name="benchmarkSamples">n_B, samples inside the benchmark target.</param>
    /// <returns>Expected loss in percentage points, 0–100.</returns>
    public static double ExpectedLoss(IEnumerable<double> shares, long productionSamples, long benchmarkSamples)
    {
        if (productionSamples <= 0 || benchmarkSamples <= 0)
        {
            // Without samples on a side nothing can be told apart from noise.
            return 100;
        }

        return Loss(Spread(shares), (1.0 / productionSamples) + (1.0 / benchmarkSamples));
    }

    /// <summary>The expected loss with an endless benchmark: what production's own samples cost.</summary>
    public static double ProductionLoss(double spread, long productionSamples) =>
        productionSamples <= 0 ? 100 : Loss(spread, 1.0 / productionSamples);

    /// <summary>
    /// Σ √(q(1 − q)) over production's call paths after pruning: how much noise the tree's
    /// shape invites. Many small paths cost more samples than a few large ones.
    /// </summary>
    public static double Spread(CallTree production, double prunePercent) =>
        Spread(UnionTree.Build(production, production, prunePercent).Nodes().Select(n => n.ProductionSelf));

    /// <summary>
    /// The benchmark samples that keep the expected loss within <paramref name="budget"/> points,
    /// or null when production's own samples already lose more than that.
    /// </summary>
    public static long? BenchmarkSamplesFor(double budget, double spread, long productionSamples)
    {
        var allowed = budget * Math.Sqrt(2 * Math.PI) / (100 * spread);
        var benchmarkTerm = (allowed * allowed) - (1.0 / productionSamples);
        return benchmarkTerm <= 0 ? null : (long)Math.Ceiling(1 / benchmarkTerm);
    }

    private static double Loss(double spread, double inverseSamples) =>
        Math.Clamp(100 * spread * Math.Sqrt(inverseSamples) / Math.Sqrt(2 * Math.PI), 0, 100);

    private static double Spread(IEnumerable<double> shares) =>
        shares.Where(q => q > 0).Sum(q => Math.Sqrt(q * (1 - q)));
}
