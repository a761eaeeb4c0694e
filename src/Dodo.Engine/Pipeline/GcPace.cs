using System.Globalization;
using Dodo.Engine.CallTrees;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// Matches the benchmark's garbage collection pace to production's. A benchmark's heap is tiny,
/// so its GC marks far more often than a service's, and everything the target does while the GC
/// marks gets dearer: write barriers, allocation assists. Write barriers run only while the GC
/// marks, so their share of the target's time measures the pace on both sides, and that share
/// falls in proportion as GOGC rises (the minimum heap scales with GOGC too).
/// </summary>
public static class GcPace
{
    /// <summary>The canonical frame of every write-barrier entry point (gcWriteBarrier1…8, …CX, wbBufFlush).</summary>
    public const string WriteBarrier = "runtime.gcWriteBarrier";

    /// <summary>Below this share of the target's time, write barriers say too little to fit on.</summary>
    public const double MinimumSignal = 0.002;

    public const int MinimumGogc = 25;
    public const int MaximumGogc = 3200;

    /// <summary>The share (0..1) of the target's time spent in write barriers.</summary>
    public static double WriteBarrierShare(CallTree tree) =>
        tree.TargetValue == 0 ? 0 : (double)SelfIn(tree.Root, WriteBarrier) / tree.TargetValue;

    /// <summary>
    /// The GOGC at which the benchmark should mark as often as production did, from the shares
    /// measured in production and in a benchmark run at <paramref name="benchmarkGogc"/>; null when
    /// neither side writes enough pointers to tell.
    /// </summary>
    public static int? Fit(double productionShare, double benchmarkShare, int benchmarkGogc)
    {
        if (benchmarkShare < MinimumSignal && productionShare < MinimumSignal)
        {
            return null;
        }

        var gogc = productionShare <= 0
            ? MaximumGogc
            : benchmarkGogc * benchmarkShare / productionShare;
        return (int)Math.Clamp(Math.Round(gogc / 5) * 5, MinimumGogc, MaximumGogc);
    }

    /// <summary>How a fitted pace reads in progress lines and the provenance comment.</summary>
    public static string Describe(int gogc, double productionShare, double benchmarkShare, int benchmarkGogc) =>
        string.Create(CultureInfo.InvariantCulture,
            $"GOGC={gogc}, fitted: write barriers take {productionShare * 100:0.00} % of the target in production "
            + $"and {benchmarkShare * 100:0.00} % in the benchmark at GOGC={benchmarkGogc}");

    private static long SelfIn(CallTreeNode node, string name)
    {
        var total = node.Name == name ? node.Self : 0;
        foreach (var child in node.Children.Values)
        {
            total += SelfIn(child, name);
        }

        return total;
    }
}
