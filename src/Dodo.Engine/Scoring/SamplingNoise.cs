namespace Dodo.Engine.Scoring;

/// <summary>
/// The similarity a perfect benchmark would still lose to sampling (similarity-score.md §4):
/// E[1 − S] ≈ (1/√(2π)) · √(1/n_A + 1/n_B) · Σ_p √(q(p)(1 − q(p))), so a user can tell "not
/// similar" from "not enough samples".
/// </summary>
internal static class SamplingNoise
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

        var spread = shares.Where(q => q > 0).Sum(q => Math.Sqrt(q * (1 - q)));
        var scale = Math.Sqrt((1.0 / productionSamples) + (1.0 / benchmarkSamples)) / Math.Sqrt(2 * Math.PI);
        return Math.Clamp(100 * scale * spread, 0, 100);
    }
}
