using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>Single-side pruning for display: small subtrees fold into <c>[other]</c>, nothing is lost.</summary>
public class CallTreePruneTests
{
    [Test]
    public void SmallChildrenFoldIntoOtherAndSharesArePercentages()
    {
        var profile = FoldedProfiles.Parse("X;A 900", "X;B 50", "X;C 40", "X 10");
        var tree = CallTree.Build(profile, "X");

        var pruned = tree.Prune(5);

        Assert.Multiple(() =>
        {
            Assert.That(pruned.Inclusive, Is.EqualTo(100));
            Assert.That(pruned.Self, Is.EqualTo(1));
            Assert.That(pruned.Children.Select(c => (c.Name, c.Inclusive)),
                Is.EqualTo(new[] { ("A", 90.0), ("B", 5.0), (PrunedNode.Other, 4.0) }));
        });
    }

    [Test]
    public void PruningKeepsAllTimeOfARealProfile()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("arnonrgo-immutable__default.darwin-arm64.gotest.pgo"));
        var tree = CallTree.Build(profile, "testing.(*B).runN");

        var pruned = tree.Prune(1);

        Assert.That(SumOfSelf(pruned), Is.EqualTo(100).Within(1e-9));
    }

    [TestCase(-1)]
    [TestCase(101)]
    [TestCase(double.NaN)]
    public void AThresholdOutsideZeroToHundredIsRefused(double percent)
    {
        var tree = CallTree.Build(FoldedProfiles.Parse("X;A 1"), "X");

        var error = Assert.Throws<DodoException>(() => tree.Prune(percent));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.PrunePercentInvalid));
    }

    private static double SumOfSelf(PrunedNode node) => node.Self + node.Children.Sum(SumOfSelf);
}
