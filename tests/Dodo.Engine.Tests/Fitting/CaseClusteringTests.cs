using Dodo.Engine.Fitting;

namespace Dodo.Engine.Tests.Fitting;

public class CaseClusteringTests
{
    [Test]
    public void CasesDrawnFromThreeDistributionsFormThreeGroups()
    {
        var random = new Random(11);
        double[][] kinds = [[0.7, 0.2, 0.1, 0], [0.1, 0.1, 0.1, 0.7], [0.25, 0.25, 0.25, 0.25]];
        var kindOf = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var counts = kindOf.Select(k => Draw(random, kinds[k], 400)).ToList();

        var labels = CaseClustering.Build(counts).Cut(3);

        var groupsByKind = Enumerable.Range(0, 3)
            .Select(k => labels.Where((_, i) => kindOf[i] == k).Distinct().Count()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(groupsByKind, Is.All.EqualTo(1), "each kind lands in one group");
            Assert.That(labels.Distinct().Count(), Is.EqualTo(3), "and no two kinds share one");
        });
    }

    [Test]
    public void CuttingAtOneGroupOrAtEveryCaseGivesTheExtremes()
    {
        List<long[]> counts = [[5, 0], [0, 5], [0, 0], [3, 3]];

        var tree = CaseClustering.Build(counts);

        Assert.Multiple(() =>
        {
            Assert.That(tree.Cut(1), Is.All.EqualTo(0));
            Assert.That(tree.Cut(4), Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That(tree.Cut(99), Is.EqualTo(new[] { 0, 1, 2, 3 }), "more groups than cases is every case");
        });
    }

    [Test]
    public void ACaseWithoutSamplesCostsNothingToMergeAndNeverSplitsAKind()
    {
        List<long[]> counts = [[100, 0], [0, 100], [0, 0], [90, 0], [0, 110]];

        var labels = CaseClustering.Build(counts).Cut(2);

        Assert.Multiple(() =>
        {
            Assert.That(labels[0], Is.EqualTo(labels[3]));
            Assert.That(labels[1], Is.EqualTo(labels[4]));
            Assert.That(labels[0], Is.Not.EqualTo(labels[1]));
        });
    }

    internal static long[] Draw(Random random, double[] shares, int samples)
    {
        var counts = new long[shares.Length];
        for (var s = 0; s < samples; s++)
        {
            var u = random.NextDouble();
            var p = 0;
            while (p < shares.Length - 1 && u >= shares[p])
            {
                u -= shares[p];
                p++;
            }

            counts[p]++;
        }

        return counts;
    }
}
