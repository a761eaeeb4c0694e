namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A generated benchmark file: its name in the target's package folder, the benchmark function's
/// name, the Go source (not yet gofmt'd), and what was kept and lost on the way from snapshots.
/// </summary>
public sealed record GeneratedBenchmark(
    string FileName,
    string BenchmarkName,
    string Source,
    int CaseCount,
    int DroppedCases,
    IReadOnlyList<CaseLoss> Losses);
