namespace Dodo.Engine.Reports;

/// <summary>How long one stage of the job took.</summary>
public sealed record StageTiming(string Stage, double Seconds);

/// <summary>One benchmark run as the report lists it.</summary>
public sealed record RunEntry(int Run, string BenchTime, long Iterations, double NanosecondsPerOp, double? BytesPerOp,
    double? AllocsPerOp, long TargetSamples, double Seconds);

/// <summary>The generated benchmark: where it is, what it calls, the machine state it reproduces, its runs.</summary>
public sealed record BenchmarkEntry(string File, string Name, int Cases, int DroppedCases, MachineEntry Machine,
    IReadOnlyList<RunEntry> Runs);

/// <summary>Everything report.json holds: the score, the benchmark, the fit, its inputs and the stage times.</summary>
public sealed record GateReport(
    ScoreReport Score,
    BenchmarkEntry Benchmark,
    FitReport Fit,
    IReadOnlyList<string> ProductionProfiles,
    IReadOnlyList<string> SnapshotFiles,
    string? ProductionArchitecture,
    string BenchmarkArchitecture,
    string GoVersion,
    IReadOnlyList<StageTiming> Stages,
    DateTimeOffset GeneratedAt);
