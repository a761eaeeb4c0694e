using System.Globalization;
using Dodo.Engine.Benchmarks;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;
using Dodo.Engine.Reports;

namespace Dodo.Engine.Pipeline;

/// <summary>One run of the series: what Go measured, its profile, and its samples inside the target.</summary>
public sealed record SeriesRun(BenchmarkRun Run, StackProfile Profile, long TargetSamples)
{
    public RunEntry Entry => new(Run.Number, Run.BenchTime, Run.Iterations, Run.NanosecondsPerOp, Run.BytesPerOp,
        Run.AllocsPerOp, TargetSamples, Math.Round(Run.Elapsed.TotalSeconds, 2));
}

/// <summary>The runs to merge, and the GC pace they ran at (null: Go's default).</summary>
public sealed record SeriesResult(IReadOnlyList<SeriesRun> Runs, int? Gogc, string? GcPaceNote);

/// <summary>
/// Runs the benchmark the configured number of times under the CPU profiler, lengthening or
/// shortening later runs so that together they collect the wanted samples inside the target.
/// Unless GOGC is given, a shorter calibration run comes first and fits the GC's pace.
/// </summary>
public sealed class BenchmarkSeries
{
    private const int DefaultGogc = 100;

    private readonly BenchmarkRunner _runner;
    private readonly BenchmarkJobOptions _options;
    private readonly DiagnosticLog _log;

    public BenchmarkSeries(BenchmarkRunner runner, BenchmarkJobOptions options, DiagnosticLog log)
    {
        _runner = runner;
        _options = options;
        _log = log;
    }

    public async Task<SeriesResult> RunAsync(string binary, string packageDirectory, string benchmarkName,
        CallTree production, long wantedSamples, CancellationToken cancellationToken)
    {
        var plan = new SamplePlan(wantedSamples, _options.Runs, Environment.ProcessorCount, _options.ProfileHz);
        var (gogc, note) = _options.Gogc is { } fixedGogc
            ? (fixedGogc, $"GOGC={fixedGogc}, as set")
            : await CalibrateAsync(binary, packageDirectory, benchmarkName, production, plan, cancellationToken);

        var runs = new List<SeriesRun>();
        for (var number = 1; number <= _options.Runs; number++)
        {
            var benchTime = _options.BenchTime ?? plan.NextBenchTime(number - 1);
            _log.Progress($"Dodo: benchmark run {number} of {_options.Runs} ({benchmarkName}, benchtime {benchTime}).");
            var run = await RunOnceAsync(number, $"run{number}", binary, packageDirectory, benchmarkName, benchTime,
                gogc, production.Target, cancellationToken);
            plan.Record(benchTime, run.TargetSamples);
            runs.Add(run);
        }

        if (plan.SamplesSoFar < wantedSamples * 9 / 10)
        {
            _log.Warning(DiagnosticCodes.TooFewSamples,
                $"The benchmark runs collected {plan.SamplesSoFar:N0} samples inside the target, fewer than the "
                + $"{wantedSamples:N0} wanted; the score is noisier. Raise DodoMinSamples or set DodoBenchTime.");
        }

        return new SeriesResult(runs, gogc, note);
    }

    /// <summary>
    /// A run at Go's default GOGC, a sixth as long as a full series, whose write-barrier share
    /// against production's sets the GOGC of the runs that count. It also teaches the plan the
    /// real sampling rate.
    /// </summary>
    private async Task<(int? Gogc, string? Note)> CalibrateAsync(string binary, string packageDirectory,
        string benchmarkName, CallTree production, SamplePlan plan, CancellationToken cancellationToken)
    {
        var benchTime = _options.BenchTime ?? plan.NextBenchTime(0, share: 1.0 / 6);
        _log.Progress($"Dodo: calibration run ({benchmarkName}, benchtime {benchTime}, GOGC={DefaultGogc}).");
        var run = await RunOnceAsync(0, "calibration", binary, packageDirectory, benchmarkName, benchTime,
            DefaultGogc, production.Target, cancellationToken);
        plan.Calibrate(benchTime, run.TargetSamples);

        var productionShare = GcPace.WriteBarrierShare(production);
        var benchmarkShare = GcPace.WriteBarrierShare(CallTree.Build(run.Profile, production.Target));
        if (GcPace.Fit(productionShare, benchmarkShare, DefaultGogc) is not { } gogc)
        {
            _log.Detail("the target writes too few pointers for write barriers to tell the GC's pace; "
                + "the runs keep Go's default GOGC");
            return (null, null);
        }

        var note = GcPace.Describe(gogc, productionShare, benchmarkShare, DefaultGogc);
        _log.Progress($"Dodo: GC pace: {note}.");
        return (gogc, note);
    }

    private async Task<SeriesRun> RunOnceAsync(int number, string name, string binary, string packageDirectory,
        string benchmarkName, string benchTime, int? gogc, string canonicalTarget, CancellationToken cancellationToken)
    {
        var profilePath = Path.Combine(_options.OutputDirectory, "profiles", name + ".pprof");
        Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
        var environment = gogc is { } value
            ? new Dictionary<string, string?> { ["GOGC"] = value.ToString(CultureInfo.InvariantCulture) }
            : null;

        var run = await _runner.RunAsync(number, binary, packageDirectory, benchmarkName, benchTime, profilePath,
            _options.ProfileHz, environment, cancellationToken);
        var profile = ProfileReader.Read(profilePath, _log);
        var samples = TargetSamples(profile, canonicalTarget, profilePath);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: {(number == 0 ? "calibration" : $"run {number}")}: {run.NanosecondsPerOp:0.##} ns/op, "
            + $"{samples:N0} samples in the target ({run.Elapsed.TotalSeconds:0.0} s)."));
        return new SeriesRun(run, profile, samples);
    }

    private static long TargetSamples(StackProfile profile, string canonicalTarget, string profilePath)
    {
        try
        {
            return CallTree.Build(profile, canonicalTarget).TargetCount;
        }
        catch (DodoException e)
        {
            throw new DodoException(DiagnosticCodes.TargetNotInBenchmark,
                $"The benchmark's profile never reached {canonicalTarget}: {e.Message}", profilePath);
        }
    }
}
