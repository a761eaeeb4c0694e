namespace Dodo.Engine.Benchmarks;

/// <summary>What one run of the benchmark binary measured, and where its CPU profile is.</summary>
public sealed record BenchmarkRun(
    int Number,
    string ProfilePath,
    string BenchTime,
    long Iterations,
    double NanosecondsPerOp,
    double? BytesPerOp,
    double? AllocsPerOp,
    TimeSpan Elapsed);
