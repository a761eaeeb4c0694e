using System.Text;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Pipeline;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Pipeline;

public class WriteBarriersTests
{
    [Test]
    public void TheShareCountsEveryWriteBarrierLeafUnderTheTarget()
    {
        var tree = Tree("""
            main;t;runtime.gcWriteBarrier 2
            main;t;a 6
            main;t;a;runtime.gcWriteBarrierCX 1
            main;t;a;runtime.gcWriteBarrier2 1
            main;runtime.gcWriteBarrier 50
            """);

        // gcWriteBarrierCX and gcWriteBarrier2 alias to runtime.gcWriteBarrier; the 50 outside t do not count.
        Assert.That(WriteBarriers.Share(tree), Is.EqualTo(0.4).Within(1e-12));
    }

    private static CallTree Tree(string folded)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(folded));
        return CallTree.Build(ProfileReader.Read(stream, "test.folded"), "t");
    }
}
