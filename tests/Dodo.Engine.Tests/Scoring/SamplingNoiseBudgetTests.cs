using Dodo.Engine.Scoring;

namespace Dodo.Engine.Tests.Scoring;

public class SamplingNoiseBudgetTests
{
    [Test]
    public void TheSamplesFoundForABudgetLoseExactlyThatBudget()
    {
        // Ten equal paths: spread = 10·√(0.1·0.9) = 3.
        var shares = Enumerable.Repeat(0.1, 10).ToList();

        var samples = SamplingNoise.BenchmarkSamplesFor(budget: 1.0, spread: 3.0, productionSamples: 100_000);

        Assert.Multiple(() =>
        {
            // 1 = 100·3/√(2π)·√(1e-5 + 1/n) ⇒ 1/n = (√(2π)/300)² − 1e-5 ≈ 6.9813e-5 − 1e-5.
            Assert.That(samples, Is.EqualTo(16_718).Within(1));
            Assert.That(SamplingNoise.ExpectedLoss(shares, 100_000, samples!.Value), Is.EqualTo(1.0).Within(0.001));
        });
    }

    [Test]
    public void NoBenchmarkIsLongEnoughWhenProductionAloneIsTooNoisy()
    {
        // 100·3/√(2π)·√(1/1000) ≈ 3.8 points from production's samples alone.
        Assert.That(SamplingNoise.BenchmarkSamplesFor(budget: 1.0, spread: 3.0, productionSamples: 1000), Is.Null);
    }
}
