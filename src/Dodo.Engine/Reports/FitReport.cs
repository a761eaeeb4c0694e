using Dodo.Engine.Benchmarks;
using Dodo.Engine.Fitting;
using Dodo.Engine.Pipeline;

namespace Dodo.Engine.Reports;

/// <summary>The machine state a benchmark reproduces, as report.json spells it.</summary>
public sealed record MachineEntry(string Name, int Window, int Repeats, int Copies, long BallastBytes, int Gogc,
    string Description)
{
    public static MachineEntry From(MachineState state) =>
        new(state.Name, state.Window, state.Repeats, state.Copies, state.BallastBytes, state.Gogc, state.Describe());
}

/// <summary>One group of alike cases: how many, and its share of the target's time captured and fitted (%).</summary>
public sealed record GroupEntry(int Group, int Cases, double CapturedShare, double FittedShare);

/// <summary>One calibration run: the state it ran in and what the weight fit made of it (similarities in %).</summary>
public sealed record TrialEntry(string State, long Samples, double Seconds, int Groups, double Captured, double Fitted,
    double HeldOut);

/// <summary>One evaluation of a generated benchmark: three runs, merged and scored.</summary>
public sealed record EvaluationEntry(int Evaluation, double Similarity, double NoiseFloor, long Samples, string State,
    int Groups, double Seconds);

/// <summary>
/// How Loop 1 found the benchmark: the calibration trials, the groups of cases and their weights, every
/// evaluation, and the share of write barriers on both sides (a gauge of the GC's pace, in %).
/// </summary>
public sealed record FitReport(
    bool Fitted,
    IReadOnlyList<TrialEntry> Calibration,
    IReadOnlyList<GroupEntry> Groups,
    IReadOnlyList<EvaluationEntry> Evaluations,
    double ProductionWriteBarriers,
    double BenchmarkWriteBarriers)
{
    internal static FitReport From(CalibrationTrial? chosen, WeightFitResult? fit,
        IReadOnlyList<EvaluationEntry> evaluations,
        (double Production, double Benchmark) writeBarriers)
    {
        var trials = chosen?.AllTrials.Select(t => new TrialEntry(t.State.Name, t.Samples, Math.Round(t.Seconds, 1),
            t.Groups, Math.Round(t.PriorSimilarity, 2), Math.Round(t.FittedSimilarity, 2),
            Math.Round(t.HeldOutSimilarity, 2))).ToList() ?? [];
        var groups = fit is null
            ? []
            : Enumerable.Range(0, fit.GroupCount).Select(g => new GroupEntry(g, fit.Labels.Count(l => l == g),
                Math.Round(100 * fit.Prior[g], 2), Math.Round(100 * fit.Weights[g], 2))).ToList();
        return new FitReport(chosen is not null, trials, groups, evaluations,
            Math.Round(writeBarriers.Production, 2), Math.Round(writeBarriers.Benchmark, 2));
    }
}
