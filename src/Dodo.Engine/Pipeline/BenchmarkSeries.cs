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

/// <summary>
/// Runs the benchmark the configured number of times under the CPU profiler, lengthening or
/// shortening later runs so that together they collect the wanted samples inside the target. A
/// run much slower per iteration than the fastest of the series shared the machine with other work
/// (another process, another virtual machine on the host) and measured another machine; it is run
/// again rather than merged.
/// </summary>
public sealed class BenchmarkSeries
{
    /// <summary>How much slower per iteration than the fastest run a run may be before it is disturbed.</summary>
    public const double DisturbedSlowdown = 1.2;

    private const int MaxRepeats = 3;

    private readonly BenchmarkRunner _runner;
    private readonly BenchmarkJobOptions _options;
    private readonly DiagnosticLog _log;

    public BenchmarkSeries(BenchmarkRunner runner, BenchmarkJobOptions options, DiagnosticLog log)
    {
        _runner = runner;
        _options = options;
        _log = log;
    }

    /// <param name="name">Names the profiles, e.g. <c>evaluation1</c> gives <c>evaluation1-run2.pprof</c>.</param>
    public async Task<IReadOnlyList<SeriesRun>> RunAsync(string binary, string packageDirectory, string benchmarkName,
        string name, CallTree production, SamplePlan plan, CancellationToken cancellationToken)
    {
        var runs = new List<SeriesRun>();
        for (var number = 1; number <= _options.Runs; number++)
        {
            var benchTime = _options.BenchTime ?? plan.NextBenchTime(number - 1);
            _log.Progress($"Dodo: benchmark run {number} of {_options.Runs} ({benchmarkName}, benchtime {benchTime}).");
            var run = await RunOnceAsync(number, $"{name}-run{number}", binary, packageDirectory, benchmarkName,
                benchTime, production.Target, cancellationToken);
            plan.Record(run.Run, run.TargetSamples);
            runs.Add(run);
        }

        await RepeatDisturbedAsync(runs, binary, packageDirectory, benchmarkName, name, production, plan,
            cancellationToken);
        var samples = runs.Sum(r => r.TargetSamples);
        if (samples < plan.WantedSamples * 9 / 10)
        {
            _log.Warning(DiagnosticCodes.TooFewSamples,
                $"The benchmark runs collected {samples:N0} samples inside the target, fewer than the "
                + $"{plan.WantedSamples:N0} wanted; the score is noisier. Raise DodoMinSamples or set DodoBenchTime.");
        }

        return runs;
    }

    private async Task RepeatDisturbedAsync(List<SeriesRun> runs, string binary, string packageDirectory,
        string benchmarkName, string name, CallTree production, SamplePlan plan, CancellationToken cancellationToken)
    {
        for (var repeat = 1; repeat <= MaxRepeats; repeat++)
        {
            var fastest = runs.Min(r => r.Run.NanosecondsPerOp);
            var disturbed = runs.FindIndex(r => r.Run.NanosecondsPerOp > DisturbedSlowdown * fastest);
            if (disturbed < 0)
            {
                return;
            }

            var slow = runs[disturbed];
            var times = string.Create(CultureInfo.InvariantCulture,
                $"{slow.Run.NanosecondsPerOp:0} ns/op against {fastest:0} for the fastest run");
            _log.Warning(DiagnosticCodes.RunDisturbed, $"Benchmark run {slow.Run.Number} took {times}: other work on "
                + "the machine disturbed it, so it is run again. Keep the machine quiet while dodo measures.");
            var number = runs.Max(r => r.Run.Number) + 1;
            var benchTime = _options.BenchTime ?? plan.BenchTimeFor(slow.TargetSamples);
            runs[disturbed] = await RunOnceAsync(number, $"{name}-run{number}", binary, packageDirectory,
                benchmarkName, benchTime, production.Target, cancellationToken);
        }
    }

    private async Task<SeriesRun> RunOnceAsync(int number, string name, string binary, string packageDirectory,
        string benchmarkName, string benchTime, string canonicalTarget, CancellationToken cancellationToken)
    {
        var profilePath = Path.Combine(_options.OutputDirectory, "profiles", name + ".pprof");
        Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
        var run = await _runner.RunAsync(number, binary, packageDirectory, benchmarkName, benchTime, profilePath,
            _options.ProfileHz, cancellationToken: cancellationToken);
        var profile = ProfileReader.Read(profilePath, _log);
        var samples = TargetSamples(profile, canonicalTarget, profilePath);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: run {number}: {run.NanosecondsPerOp:0.##} ns/op, {samples:N0} samples in the target "
            + $"({run.Elapsed.TotalSeconds:0.0} s)."));
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
