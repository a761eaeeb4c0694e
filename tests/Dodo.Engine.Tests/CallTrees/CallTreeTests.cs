using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>Rooting at the target (N9): inclusion, exclusion, recursion, resolution of the name.</summary>
public class CallTreeTests
{
    private const string GduTarget = "github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir.func1";

    [Test]
    public void TheGduTargetHoldsTheTimeGoToolPprofReports()
    {
        // go tool pprof -top -cum -focus='processDir\.func1$' on the fixture: 100.32s cum, 74.87%.
        var profile = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        var tree = CallTree.Build(profile, GduTarget);

        Assert.Multiple(() =>
        {
            Assert.That(tree.TargetValue, Is.EqualTo(100_320_000_000));
            Assert.That(tree.TargetCount, Is.EqualTo(10_032));
            Assert.That(tree.TargetShare, Is.EqualTo(0.7487).Within(0.00005));
            Assert.That(tree.ExcludedCount, Is.EqualTo(13_400 - 10_032));
            Assert.That(tree.ProfileValue, Is.EqualTo(134_000_000_000));
        });
    }

    [Test]
    public void SelfAndTotalAddUpAtEveryNode()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        var tree = CallTree.Build(profile, GduTarget);

        var inconsistent = Nodes(tree.Root).Where(n =>
            n.Total != n.Self + n.Children.Values.Sum(c => c.Total)
            || n.TotalCount != n.SelfCount + n.Children.Values.Sum(c => c.TotalCount));
        Assert.That(inconsistent.Select(n => n.Name), Is.Empty);
    }

    [Test]
    public void SamplesWithoutTheTargetAreExcludedAndCounted()
    {
        var profile = FoldedProfiles.Parse("main;X;Y 6", "main;X 4", "main;Z 5");

        var tree = CallTree.Build(profile, "X");

        Assert.Multiple(() =>
        {
            Assert.That(tree.TargetValue, Is.EqualTo(10));
            Assert.That(tree.ExcludedCount, Is.EqualTo(5));
            Assert.That(tree.ExcludedValue, Is.EqualTo(5));
            Assert.That(tree.TargetShare, Is.EqualTo(10.0 / 15));
            Assert.That(tree.Root.Self, Is.EqualTo(4));
            Assert.That(tree.Root.Children["Y"].Total, Is.EqualTo(6));
        });
    }

    [Test]
    public void RecursionIsRootedAtTheOutermostOccurrenceAndCountedOnce()
    {
        var profile = FoldedProfiles.Parse("main;F;G;F;H 10", "main;F 2");

        var tree = CallTree.Build(profile, "F");

        Assert.Multiple(() =>
        {
            Assert.That(tree.TargetValue, Is.EqualTo(12));
            Assert.That(tree.Root.Self, Is.EqualTo(2));
            Assert.That(tree.Root.Children["G"].Children["F"].Children["H"].Self, Is.EqualTo(10));
        });
    }

    [Test]
    public void AUniqueSuffixResolvesToTheFullName()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        var tree = CallTree.Build(profile, "(*ParallelAnalyzer).processDir.func1");

        Assert.That(tree.Target, Is.EqualTo(GduTarget));
    }

    [Test]
    public void ASuffixMatchingSeveralPackagesIsAmbiguousAndListsThem()
    {
        var profile = FoldedProfiles.Parse("main;example.com/a.Get 1", "main;example.com/b.Get 1");

        var error = Assert.Throws<DodoException>(() => CallTree.Build(profile, "Get"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.TargetAmbiguous));
            Assert.That(error.Message, Does.Contain("'example.com/a.Get', 'example.com/b.Get'"));
        });
    }

    [Test]
    public void ATargetNotFoundNamesTheClosestFunctions()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        var error = Assert.Throws<DodoException>(() => CallTree.Build(profile, "ParallelAnalyzer.procesDir"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.TargetNotFound));
            Assert.That(error.Message,
                Does.Contain("'github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir'"));
            Assert.That(error.Message, Does.Contain("dundee-gdu__default.linux-amd64.pgo"));
        });
    }

    [Test]
    public void AGenericTargetMatchesWhateverShapeTheProfilePrinted()
    {
        var profile = FoldedProfiles.Parse("main;app.(*Cache[go.shape.string,go.shape.*uint8]).Get;app.hash 3");

        var tree = CallTree.Build(profile, "app.(*Cache[K,V]).Get");

        Assert.Multiple(() =>
        {
            Assert.That(tree.Target, Is.EqualTo("app.(*Cache[...]).Get"));
            Assert.That(tree.TargetValue, Is.EqualTo(3));
        });
    }

    [Test]
    public void ARuntimeTargetKeepsItsRuntimeCallees()
    {
        var profile = FoldedProfiles.Parse("app.New;runtime.newobject;runtime.mallocgc;runtime.nextFreeFast 2",
            "app.New;runtime.newobject;runtime.mallocgc;runtime.heapSetType;runtime.writeHeapBitsSmall 3");

        var tree = CallTree.Build(profile, "runtime.mallocgc");

        Assert.That(tree.Root.Children.Keys, Is.EquivalentTo(new[] { "runtime.nextFreeFast", "runtime.heapSetType" }));
    }

    [Test]
    public void AUserTargetCollapsesTheRuntimeBelowIt()
    {
        var profile = FoldedProfiles.Parse("main;app.New;runtime.newobject;runtime.mallocgc;runtime.nextFreeFast 2");

        var tree = CallTree.Build(profile, "app.New");

        Assert.That(tree.Root.Children["runtime.newobject"].Children, Is.Empty);
    }

    [Test]
    public void SamplesWithUnsymbolizedFramesBelowTheTargetAreLeftOutWithAWarning()
    {
        var log = new DiagnosticLog();
        var profile = FoldedProfiles.Parse("main;X;Y 6", "main;X;0x4a3f2c 4");

        var tree = CallTree.Build(profile, "X", log);

        Assert.Multiple(() =>
        {
            Assert.That(tree.TargetValue, Is.EqualTo(6));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.TargetUnsymbolizedDropped));
            Assert.That(log.Diagnostics.Single().Message, Does.Contain("4 sample(s)"));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void AnEmptyTargetIsRefused(string target)
    {
        var profile = FoldedProfiles.Parse("main;X 1");

        var error = Assert.Throws<DodoException>(() => CallTree.Build(profile, target));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.TargetInvalid));
    }

    internal static IEnumerable<CallTreeNode> Nodes(CallTreeNode node) =>
        node.Children.Values.SelectMany(Nodes).Prepend(node);
}
