using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;
using Dodo.Engine.Scoring;
using Dodo.Engine.Tests.CallTrees;

namespace Dodo.Engine.Tests.Scoring;

/// <summary>The expected sampling-noise floor against the tables of similarity-score.md §4.</summary>
public class SamplingNoiseTests
{
    // The spec's simulation agrees with its formula to ±0.2 pp and prints one decimal.
    private const double TableTolerance = 0.25;

    [TestCase(10, 1_000, 96.5)]
    [TestCase(10, 3_000, 97.8)]
    [TestCase(10, 10_000, 98.9)]
    [TestCase(10, 30_000, 99.4)]
    [TestCase(30, 1_000, 94.1)]
    [TestCase(30, 3_000, 96.7)]
    [TestCase(30, 10_000, 98.1)]
    [TestCase(30, 30_000, 99.0)]
    public void ZipfShapedPathsMatchTheSpecTable(int paths, int benchmarkSamples, double expectedSimilarity)
    {
        // Production is exact (a huge sample count); the benchmark has the same shape with n_B samples.
        var production = ZipfTree(paths, 1_000_000_000_000);
        var benchmark = ZipfTree(paths, benchmarkSamples);

        var result = SimilarityScore.Compare(production, benchmark, prunePercent: 0);

        Assert.That(100 - result.NoiseFloor, Is.EqualTo(expectedSimilarity).Within(TableTolerance));
    }

    [TestCase(1_000, 92.1)]
    [TestCase(3_000, 95.5)]
    [TestCase(10_000, 97.5)]
    [TestCase(30_000, 98.6)]
    public void GduPathsMatchTheSpecsFormulaRow(long benchmarkSamples, double expectedSimilarity)
    {
        var normalizer = new FrameNormalizer(new FrameNormalizerOptions { AliasSets = FrameAliasSet.Architecture });
        var tree = CallTree.Build(ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo")),
            "github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir.func1", normalizer);
        var shares = UnionTree.Build(tree, tree, 1).Nodes().Select(n => n.ProductionSelf);

        var loss = SamplingNoise.ExpectedLoss(shares, long.MaxValue, benchmarkSamples);

        Assert.That(100 - loss, Is.EqualTo(expectedSimilarity).Within(TableTolerance));
    }

    [Test]
    public void BothSidesSampleCountsEnterTheFloor()
    {
        var shares = new[] { 0.5, 0.5 };

        var oneSided = SamplingNoise.ExpectedLoss(shares, long.MaxValue, 1_000);
        var twoSided = SamplingNoise.ExpectedLoss(shares, 1_000, 1_000);

        Assert.That(twoSided, Is.EqualTo(oneSided * Math.Sqrt(2)).Within(1e-9));
    }

    [Test]
    public void ASideWithoutSamplesHasNoUsableFloor()
    {
        Assert.That(SamplingNoise.ExpectedLoss([1.0], 0, 1_000), Is.EqualTo(100));
    }

    private static CallTree ZipfTree(int paths, long samples)
    {
        var harmonic = Enumerable.Range(1, paths).Sum(k => 1.0 / k);
        var lines = Enumerable.Range(1, paths)
            .Select(k => $"X;P{k} {Math.Max(1, (long)Math.Round(samples / k / harmonic))}")
            .ToArray();
        return CallTree.Build(FoldedProfiles.Parse(lines), "X");
    }
}
