using Dodo.Engine.CallTrees;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// How much of the target's time goes to write barriers, which run only while the GC marks: a
/// gauge of the GC's pace on both sides that the report shows beside the fitted heap.
/// </summary>
public static class WriteBarriers
{
    /// <summary>The canonical frame of every write-barrier entry (gcWriteBarrier1…8, …CX, wbBufFlush).</summary>
    public const string Frame = "runtime.gcWriteBarrier";

    /// <summary>The share (0..1) of the target's time spent in write barriers.</summary>
    public static double Share(CallTree tree) =>
        tree.TargetValue == 0 ? 0 : (double)SelfIn(tree.Root) / tree.TargetValue;

    private static long SelfIn(CallTreeNode node)
    {
        var total = node.Name == Frame ? node.Self : 0;
        foreach (var child in node.Children.Values)
        {
            total += SelfIn(child);
        }

        return total;
    }
}
