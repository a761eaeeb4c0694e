using Dodo.Engine.CallTrees;
using Dodo.Engine.Fitting;
using Dodo.Engine.Scoring;
using Dodo.Engine.Tests.CallTrees;

namespace Dodo.Engine.Tests.Fitting;

public class CallPathIndexTests
{
    [Test]
    public void PathsArePrunedAsTheScorePrunesThemAndProjectionsKeepEverySample()
    {
        var production = Tree("main;t;a 60", "main;t;b 39", "main;t;b;c 1");
        var calibration = Tree("main;t;a 50", "main;t;d 45", "main;t;b;c 5");
        var other = Tree("main;t;a 2", "main;t;e;f 3", "main;t 5");

        var index = CallPathIndex.Build(production, calibration, prunePercent: 1);

        Assert.Multiple(() =>
        {
            Assert.That(index.Paths, Is.EquivalentTo(new[] { "t", "t;a", "t;b", "t;b;c", "t;d" }));
            Assert.That(Indexed(index, index.Production), Is.EquivalentTo(new Dictionary<string, double>
            {
                ["t"] = 0, ["t;a"] = 0.6, ["t;b"] = 0.39, ["t;b;c"] = 0.01, ["t;d"] = 0,
            }).Using<KeyValuePair<string, double>>((x, y) => x.Key == y.Key && Math.Abs(x.Value - y.Value) < 1e-12));
            Assert.That(Indexed(index, index.Project(calibration).Select(v => (double)v).ToList()),
                Does.Contain(new KeyValuePair<string, double>("t;d", 45)));
            Assert.That(index.Project(other).Sum(), Is.EqualTo(10), "an unknown callee still counts");
            Assert.That(Indexed(index, index.Project(other).Select(v => (double)v).ToList())["t"], Is.EqualTo(8),
                "t's self time, and e's subtree where t has no [other]");
        });
    }

    [Test]
    public void ASmallSubtreeOnBothSidesFallsIntoItsParentsOtherPath()
    {
        var production = Tree("main;t;a 99", "main;t;x 1");
        var calibration = Tree("main;t;a 995", "main;t;y 5");

        var index = CallPathIndex.Build(production, calibration, prunePercent: 1);

        Assert.Multiple(() =>
        {
            Assert.That(index.Paths, Is.EquivalentTo(new[] { "t", "t;a", "t;x", "t;" + PrunedNode.Other }));
            var other = index.Paths.ToList().IndexOf("t;" + PrunedNode.Other);
            Assert.That(index.Project(calibration)[other], Is.EqualTo(5));
        });
    }

    [Test]
    public void TheProductionSharesSumToOneLikeTheScoresPaths()
    {
        var production = Tree("main;t;a 30", "main;t;a;b 20", "main;t 50");
        var calibration = Tree("main;t;a 10");

        var index = CallPathIndex.Build(production, calibration, 1);

        Assert.That(index.Production.Sum(), Is.EqualTo(1).Within(1e-12));
    }

    private static Dictionary<string, double> Indexed(CallPathIndex index, IReadOnlyList<double> values) =>
        index.Paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => values[x.i]);

    private static CallTree Tree(params string[] lines) => CallTree.Build(FoldedProfiles.Parse(lines), "t");
}
