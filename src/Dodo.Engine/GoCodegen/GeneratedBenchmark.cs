namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A generated benchmark file: its name in the target's package folder, the benchmark function's
/// name, the Go source (not yet gofmt'd), what was kept and lost on the way from snapshots, the
/// calibration file dodo adds to the package with -overlay for its calibration runs with the name of
/// its per-case functions without the case number, each case's position in the snapshot set, and for
/// a method which receiver each case was called on (the same number: the same receiver), and how many
/// calls one cycle of the weight schedule has.
/// </summary>
public sealed record GeneratedBenchmark(
    string FileName,
    string BenchmarkName,
    string Source,
    int CaseCount,
    int DroppedCases,
    IReadOnlyList<CaseLoss> Losses,
    string CalibrationFileName,
    string CalibrationSource,
    string CalibrationCallPrefix,
    IReadOnlyList<int> CaseSnapshots,
    IReadOnlyList<int> CaseReceivers,
    int ScheduleLength);
