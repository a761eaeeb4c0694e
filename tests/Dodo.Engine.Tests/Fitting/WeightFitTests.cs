using Dodo.Engine.Fitting;

namespace Dodo.Engine.Tests.Fitting;

public class WeightFitTests
{
    [Test]
    public void TwoKindsCapturedHalfAndHalfAreReweightedToProductionsEightyTwenty()
    {
        // Kind A spends its time on paths 0 and 1, kind B on paths 2 and 3; production spends 80 % of
        // its time in A-like calls. The snapshots hold as many of each, so calibration sees 50/50.
        var random = new Random(3);
        double[] a = [0.6, 0.4, 0, 0];
        double[] b = [0, 0, 0.5, 0.5];
        double[] production = [0.8 * 0.6, 0.8 * 0.4, 0.2 * 0.5, 0.2 * 0.5];
        var counts = Enumerable.Range(0, 40).Select(i => CaseClusteringTests.Draw(random, i % 2 == 0 ? a : b, 300))
            .ToList();

        var fit = WeightFit.Fit(production, counts, seed: 1);

        var groupOfA = fit.Labels[0];
        var weights = fit.ScaleWeights(Enumerable.Repeat(1, counts.Count).ToList());
        var callsA = weights.Where((_, i) => i % 2 == 0).Sum();
        var callsB = weights.Where((_, i) => i % 2 == 1).Sum();
        Assert.Multiple(() =>
        {
            Assert.That(fit.Labels.Where((_, i) => i % 2 == 0), Is.All.EqualTo(groupOfA));
            Assert.That(fit.Labels.Where((_, i) => i % 2 == 1), Is.All.Not.EqualTo(groupOfA));
            Assert.That(fit.PriorSimilarity, Is.EqualTo(0.7).Within(0.02), "50/50 against 80/20 overlaps 70 %");
            Assert.That(fit.FittedSimilarity, Is.GreaterThan(0.99));
            Assert.That(fit.HeldOutSimilarity, Is.GreaterThan(0.97));
            Assert.That(callsA / (double)(callsA + callsB), Is.EqualTo(0.8).Within(0.02),
                "equal costs per call: time shares are call shares");
        });
    }

    [Test]
    public void CasesThatDifferOnlyByNoiseStayOneGroupWithTheirCapturedMix()
    {
        var random = new Random(5);
        double[] kind = [0.4, 0.3, 0.2, 0.1];
        var counts = Enumerable.Range(0, 40).Select(_ => CaseClusteringTests.Draw(random, kind, 150)).ToList();

        var fit = WeightFit.Fit(kind, counts, seed: 2);

        Assert.Multiple(() =>
        {
            Assert.That(fit.GroupCount, Is.EqualTo(1), string.Join(", ", fit.HeldOutByGrouping));
            var weights = fit.ScaleWeights(Enumerable.Repeat(1, counts.Count).ToList());
            Assert.That(weights.Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void ThousandsOfCasesArePooledIntoAtomsAndStillReweighted()
    {
        // As the first test, with 3 000 cases: more than the clustering takes one by one.
        var random = new Random(9);
        double[] a = [0.6, 0.4, 0, 0];
        double[] b = [0, 0, 0.5, 0.5];
        double[] production = [0.8 * 0.6, 0.8 * 0.4, 0.2 * 0.5, 0.2 * 0.5];
        var kinds = Enumerable.Range(0, 3000).Select(i => i % 2).ToList();
        var counts = kinds.Select(k => CaseClusteringTests.Draw(random, k == 0 ? a : b, 8)).ToList();

        var fit = WeightFit.Fit(production, counts, seed: 4, kinds);

        var weights = fit.ScaleWeights(Enumerable.Repeat(1, counts.Count).ToList());
        var callsA = weights.Where((_, i) => kinds[i] == 0).Sum();
        Assert.Multiple(() =>
        {
            Assert.That(fit.Labels, Has.Count.EqualTo(3000));
            Assert.That(callsA / (double)weights.Sum(), Is.EqualTo(0.8).Within(0.03));
        });
    }

    [Test]
    public void ARefitCorrectsTheGroupsByWhatAnEvaluationMeasured()
    {
        // Calibration saw A and B cost alike and production spend 60/40, so A is called 1.2 times as
        // often as captured and B 0.8 times. The evaluation measured 75/25: in that mix a call of A
        // costs twice one of B. Calls in the ratio 0.9 : 1.2 give 0.45 · 2 : 0.6 · 1 = 60/40 again.
        List<long[]> counts = [[1000, 0], [0, 1000]];
        var fit = WeightFit.Fit([0.6, 0.4], counts, seed: 3);

        var (refit, gain) = WeightFit.Refit(fit, [0.6, 0.4], counts, measured: [3000, 1000]);

        var a = refit.Labels[0];
        var b = refit.Labels[1];
        Assert.Multiple(() =>
        {
            Assert.That(fit.CallRatios[a] / fit.CallRatios[b], Is.EqualTo(1.5).Within(1e-6));
            Assert.That(gain, Is.EqualTo(0.15).Within(1e-6), "75/25 scores 0.85 against 60/40");
            Assert.That(refit.CallRatios[a] / refit.CallRatios[b], Is.EqualTo(0.75).Within(1e-6));
        });
    }
}
