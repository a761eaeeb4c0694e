using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;
using Dodo.Engine.Scoring;
using Dodo.Engine.Tests.CallTrees;

namespace Dodo.Engine.Tests.Scoring;

/// <summary>The score and its divergence decomposition, similarity-score.md §2–§3.</summary>
public class SimilarityScoreTests
{
    [Test]
    public void TheWorkedExampleScoresNinetyWithAnUnderAndAnExtra()
    {
        var production = Tree("X;Y 60", "X 40");
        var benchmark = Tree("X;Y 50", "X;Z 10", "X 40");

        var result = SimilarityScore.Compare(production, benchmark);

        Assert.Multiple(() =>
        {
            Assert.That(result.Similarity, Is.EqualTo(90).Within(1e-9));
            Assert.That(result.Divergences.Select(d => (d.Path, d.Kind, Math.Round(d.Gap, 9))), Is.EquivalentTo(new[]
            {
                ("X;Y", DivergenceKind.Under, 10.0),
                ("X;Z", DivergenceKind.Extra, 10.0),
            }));
        });
    }

    [Test]
    public void DivergencesCarryBothInclusiveSharesAndAreSortedByGap()
    {
        var production = Tree("X;A 70", "X;B 20", "X;C 10");
        var benchmark = Tree("X;A 40", "X;B 25", "X;D 35");

        var result = SimilarityScore.Compare(production, benchmark);

        Assert.That(result.Divergences.Select(d => (d.Path, d.Kind, d.Production, d.Benchmark, d.Gap)),
            Is.EqualTo(new[]
            {
                ("X;D", DivergenceKind.Extra, 0.0, 35.0, 35.0),
                ("X;A", DivergenceKind.Under, 70.0, 40.0, 30.0),
                ("X;C", DivergenceKind.Missing, 10.0, 0.0, 10.0),
                ("X;B", DivergenceKind.Over, 20.0, 25.0, 5.0),
            }).Using<(string, DivergenceKind, double, double, double)>(NearlyEqual));
    }

    [Test]
    public void IdenticalTreesScoreOneHundredWithoutDivergences()
    {
        var tree = Tree("X;Y 60", "X;Y;Z 15", "X 25");

        var result = SimilarityScore.Compare(tree, tree);

        Assert.Multiple(() =>
        {
            Assert.That(result.Similarity, Is.EqualTo(100));
            Assert.That(result.Divergences, Is.Empty);
            Assert.That(result.Paths, Is.EqualTo(3));
        });
    }

    [Test]
    public void UnionPruningTurnsOnePointTwoVersusZeroPointEightIntoUnderNotMissing()
    {
        // Pruned on the benchmark side alone, Y (0.8 %) would vanish and read as "missing".
        var production = Tree("X;Y 12", "X 988");
        var benchmark = Tree("X;Y 8", "X 992");

        var result = SimilarityScore.Compare(production, benchmark, prunePercent: 1);

        Assert.Multiple(() =>
        {
            Assert.That(result.Divergences.Select(d => (d.Path, d.Kind)), Is.EquivalentTo(new[]
            {
                ("X;Y", DivergenceKind.Under),
                ("X", DivergenceKind.Over),
            }));
            Assert.That(result.Similarity, Is.EqualTo(99.6).Within(1e-9));
        });
    }

    [Test]
    public void SubtreesUnderTheThresholdOnBothSidesMeetInOther()
    {
        var production = Tree("X;A 99", "X;B 1", "X;C 0");
        var benchmark = Tree("X;A 995", "X;C 5");

        var result = SimilarityScore.Compare(production, benchmark, prunePercent: 2);

        Assert.Multiple(() =>
        {
            Assert.That(result.Divergences.Select(d => (d.Path, d.Kind, Math.Round(d.Gap, 9))), Is.EquivalentTo(new[]
            {
                ("X;A", DivergenceKind.Over, 0.5),
                ("X;[other]", DivergenceKind.Under, 0.5),
            }));
            Assert.That(result.Paths, Is.EqualTo(2));
        });
    }

    [Test]
    public void TheTargetsOwnSelfTimeIsComparedAtTheRoot()
    {
        var result = SimilarityScore.Compare(Tree("X 50", "X;A 50"), Tree("X 30", "X;A 70"));

        Assert.That(result.Divergences.Select(d => (d.Path, d.Kind)), Is.EquivalentTo(new[]
        {
            ("X", DivergenceKind.Under),
            ("X;A", DivergenceKind.Over),
        }));
    }

    [Test]
    public void ASideWithoutTimeInTheTargetCannotBeScored()
    {
        var empty = new StackProfile([new StackSample([new RawFrame("X", null)], 0, 1)], "cpu", "nanoseconds",
            0, null, ["bench.pprof"]);
        var production = Tree("X 1");

        var error = Assert.Throws<DodoException>(
            () => SimilarityScore.Compare(production, CallTree.Build(empty, "X")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ScoreEmptySide));
            Assert.That(error.Message, Does.Contain("benchmark").And.Contain("bench.pprof"));
        });
    }

    [Test]
    public void AnInvalidPruneThresholdIsRefused()
    {
        var tree = Tree("X 1");

        var error = Assert.Throws<DodoException>(() => SimilarityScore.Compare(tree, tree, prunePercent: 150));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.PrunePercentInvalid));
    }

    internal static CallTree Tree(params string[] lines) => CallTree.Build(FoldedProfiles.Parse(lines), "X");

    private static bool NearlyEqual((string, DivergenceKind, double, double, double) x,
        (string, DivergenceKind, double, double, double) y) =>
        x.Item1 == y.Item1 && x.Item2 == y.Item2 && Math.Abs(x.Item3 - y.Item3) < 1e-9
        && Math.Abs(x.Item4 - y.Item4) < 1e-9 && Math.Abs(x.Item5 - y.Item5) < 1e-9;
}
