namespace Dodo.Engine.Pipeline;

/// <summary>What the main job needs: the target, the telemetry, the Go module and the gate's settings.</summary>
public sealed record BenchmarkJobOptions
{
    /// <summary>The Go function or method, in pprof spelling (<c>example.com/svc/tags.(*Filter).Apply</c>).</summary>
    public required string Target { get; init; }

    public required IReadOnlyList<string> ProductionProfiles { get; init; }

    public required IReadOnlyList<string> SnapshotFiles { get; init; }

    /// <summary>The Go module folder (holding go.mod) or a folder inside it.</summary>
    public required string ModuleDirectory { get; init; }

    /// <summary>Reports, profiles and the test binary go here, never into the Go package.</summary>
    public required string OutputDirectory { get; init; }

    public double Threshold { get; init; } = 98;

    public double PrunePercent { get; init; } = 1;

    public int Runs { get; init; } = 3;

    /// <summary>
    /// Samples wanted inside the target across all runs; sets the run length. Null derives it
    /// from production's tree and the threshold (see <see cref="SampleTarget"/>).
    /// </summary>
    public long? MinSamples { get; init; }

    /// <summary>A fixed Go benchtime per run instead of one derived from the samples wanted.</summary>
    public string? BenchTime { get; init; }

    /// <summary>
    /// The CPU profiler's rate while the benchmark runs. Go's testing package profiles at 100 Hz;
    /// a higher rate collects the samples a 98 % gate needs in a fraction of the time.
    /// </summary>
    public int ProfileHz { get; init; } = 1000;

    /// <summary>
    /// Whether Loop 1 calibrates and fits the case weights and the machine state (the default), or
    /// evaluates the cases once each per cycle, as captured.
    /// </summary>
    public bool Fit { get; init; } = true;

    /// <summary>How many evaluations (of <see cref="Runs"/> runs each) Loop 1 may spend on the threshold.</summary>
    public int MaxEvaluations { get; init; } = 5;

    public string? GoExecutable { get; init; }
}
