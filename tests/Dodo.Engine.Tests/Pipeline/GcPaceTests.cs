using System.Text;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Pipeline;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Pipeline;

public class GcPaceTests
{
    [Test]
    public void TheWriteBarrierShareCountsEveryWriteBarrierLeafUnderTheTarget()
    {
        var tree = Tree("""
            main;t;runtime.gcWriteBarrier 2
            main;t;a 6
            main;t;a;runtime.gcWriteBarrierCX 1
            main;t;a;runtime.gcWriteBarrier2 1
            main;runtime.gcWriteBarrier 50
            """);

        // gcWriteBarrierCX and gcWriteBarrier2 alias to runtime.gcWriteBarrier; the 50 outside t do not count.
        Assert.That(GcPace.WriteBarrierShare(tree), Is.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public void GogcRisesInProportionToHowMuchMoreTheBenchmarkMarks()
    {
        // 100 · 4.63 / 2.41 = 192.1, rounded to a multiple of 5.
        Assert.That(GcPace.Fit(productionShare: 0.0241, benchmarkShare: 0.0463, benchmarkGogc: 100), Is.EqualTo(190));
    }

    [Test]
    public void WithoutWriteBarriersOnEitherSideThereIsNothingToFit()
    {
        Assert.That(GcPace.Fit(productionShare: 0.001, benchmarkShare: 0.0015, benchmarkGogc: 100), Is.Null);
    }

    [Test]
    public void TheFittedGogcStaysWithinBounds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GcPace.Fit(0, 0.01, 100), Is.EqualTo(GcPace.MaximumGogc));
            Assert.That(GcPace.Fit(0.05, 0.001, 100), Is.EqualTo(GcPace.MinimumGogc));
        });
    }

    private static CallTree Tree(string folded)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(folded));
        return CallTree.Build(ProfileReader.Read(stream, "test.folded"), "t");
    }
}
