using Dodo.Engine.Fitting;

namespace Dodo.Engine.Tests.Fitting;

public class MixtureFitTests
{
    [Test]
    public void AProductionThatIsAMixOfTheGroupsIsMatchedExactly()
    {
        double[] production = [0.3 * 0.5, (0.3 * 0.5) + (0.7 * 0.2), 0.7 * 0.8];
        double[][] groups = [[0.5, 0.5, 0], [0, 0.2, 0.8]];

        var fit = MixtureFit.Fit(production, groups, [0.5, 0.5]);

        Assert.Multiple(() =>
        {
            Assert.That(fit.Weights, Is.EqualTo(new[] { 0.3, 0.7 }).Within(1e-9));
            Assert.That(fit.Similarity, Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void AmongEquallyGoodMixesTheOneNearestThePriorWins()
    {
        // min(0.5, a) + min(0.3, b) with a + b = 1 peaks at 0.8 for every a from 0.5 to 0.7; from a
        // prior of (0.9, 0.1) the nearest of those is (0.7, 0.3).
        double[] production = [0.5, 0.3, 0.2];
        double[][] groups = [[1, 0, 0], [0, 1, 0]];

        var fit = MixtureFit.Fit(production, groups, [0.9, 0.1]);

        Assert.Multiple(() =>
        {
            Assert.That(fit.Similarity, Is.EqualTo(0.8).Within(1e-9));
            Assert.That(fit.Weights, Is.EqualTo(new[] { 0.7, 0.3 }).Within(1e-6));
        });
    }

    [Test]
    public void GroupsAlikeOnEveryPathKeepThePrior()
    {
        double[][] groups = [[0.5, 0.5], [0.5, 0.5]];

        var fit = MixtureFit.Fit([0.5, 0.5], groups, [0.2, 0.8]);

        Assert.That(fit.Weights, Is.EqualTo(new[] { 0.2, 0.8 }).Within(1e-9));
    }

    [Test]
    public void TheOptimumIsAtLeastAsGoodAsAFineGridSearch()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var production = Normalized(random, 6);
            var groups = Enumerable.Range(0, 3).Select(_ => Normalized(random, 6)).ToArray();

            var fit = MixtureFit.Fit(production, groups, [1 / 3.0, 1 / 3.0, 1 / 3.0]);
            var grid = Grid(production, groups);

            Assert.That(fit.Similarity, Is.GreaterThanOrEqualTo(grid - (2 * MixtureFit.TieBreak)), $"trial {trial}");
            Assert.That(fit.Similarity, Is.LessThanOrEqualTo(grid + 0.01), $"trial {trial}: a fine grid comes close");
        }
    }

    [Test]
    public void WeightsThatDoNotSumToOneAreRefused()
    {
        Assert.That(() => MixtureFit.Fit([1.0], [[1.0]], [0.5]), Throws.ArgumentException);
    }

    private static double Grid(double[] production, double[][] groups)
    {
        var best = 0.0;
        const int steps = 200;
        for (var a = 0; a <= steps; a++)
        {
            for (var b = 0; a + b <= steps; b++)
            {
                double[] w = [a / (double)steps, b / (double)steps, (steps - a - b) / (double)steps];
                best = Math.Max(best, MixtureFit.Similarity(production, groups, w));
            }
        }

        return best;
    }

    private static double[] Normalized(Random random, int length)
    {
        var values = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();
        var sum = values.Sum();
        return values.Select(v => v / sum).ToArray();
    }
}
