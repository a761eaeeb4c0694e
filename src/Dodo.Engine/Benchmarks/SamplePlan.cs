using System.Globalization;

namespace Dodo.Engine.Benchmarks;

/// <summary>
/// Chooses how long each benchmark run lasts so that all runs together collect the wanted number
/// of samples inside the target. Until a run has been measured it guesses a duration; after that
/// it asks for a number of iterations (<c>-benchtime=Nx</c>), which Go runs in one round instead
/// of ramping b.N up through rounds that together take about as long again.
/// </summary>
public sealed class SamplePlan
{
    private const int TypicalTimerHz = 250;
    private const double MinimumSeconds = 1;
    private const double MaximumSeconds = 900;

    private readonly long _wantedSamples;
    private readonly int _runs;
    private readonly double _guessedSamplesPerSecond;
    private double? _samplesPerIteration;
    private double _nanosecondsPerIteration;
    private long _samplesSoFar;

    /// <param name="wantedSamples">Samples wanted inside the target across all runs.</param>
    /// <param name="runs">How many runs will be made.</param>
    /// <param name="parallelism">Goroutines running the benchmark at once (GOMAXPROCS).</param>
    /// <param name="profileHz">The CPU profiler's samples per second of one busy core.</param>
    public SamplePlan(long wantedSamples, int runs, int parallelism, int profileHz)
    {
        _wantedSamples = wantedSamples;
        _runs = runs;

        // First guess: every core busy inside the target, at no more than the 250 Hz a CPU-time
        // timer fires at on kernels that tick at 250 Hz (common on Linux). The first run corrects it.
        _guessedSamplesPerSecond = Math.Min(profileHz, TypicalTimerHz) * (double)Math.Max(1, parallelism);
    }

    public long SamplesSoFar => _samplesSoFar;

    public long WantedSamples => _wantedSamples;

    /// <summary>
    /// The fewest iterations a run planned in iterations may have: one cycle of the benchmark's weight
    /// schedule, so every run replays the whole mix (and meets a rare, costly case at least once).
    /// </summary>
    public long MinimumIterations { get; set; } = 1;

    /// <summary>The Go benchtime for the next run of the series, e.g. <c>24.5s</c> or <c>3500000x</c>.</summary>
    /// <param name="runsDone">Runs of the series already made.</param>
    public string NextBenchTime(int runsDone)
    {
        var remainingRuns = Math.Max(1, _runs - runsDone);
        return BenchTimeFor(Math.Max(0, _wantedSamples - _samplesSoFar) / (double)remainingRuns);
    }

    /// <summary>The benchtime of a run that should collect <paramref name="samples"/> inside the target.</summary>
    public string BenchTimeFor(double samples)
    {
        if (_samplesPerIteration is not { } perIteration)
        {
            var seconds = Math.Clamp(samples / _guessedSamplesPerSecond, MinimumSeconds, MaximumSeconds);
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds * 10) / 10:0.0}s");
        }

        var perSecond = 1e9 / _nanosecondsPerIteration;
        var iterations = Math.Clamp(samples / perIteration, MinimumSeconds * perSecond, MaximumSeconds * perSecond);
        var planned = (long)Math.Ceiling(Math.Max(MinimumIterations, iterations));
        return string.Create(CultureInfo.InvariantCulture, $"{planned}x");
    }

    /// <summary>Learns the samples per iteration from a run whose samples are not part of the series.</summary>
    public void Learn(BenchmarkRun run, long targetSamples)
    {
        if (targetSamples > 0 && run.Iterations > 0 && run.NanosecondsPerOp > 0)
        {
            _samplesPerIteration = (double)targetSamples / run.Iterations;
            _nanosecondsPerIteration = run.NanosecondsPerOp;
        }
    }

    /// <summary>Counts a run of the series and learns from it, to plan the next one.</summary>
    public void Record(BenchmarkRun run, long targetSamples)
    {
        _samplesSoFar += targetSamples;
        Learn(run, targetSamples);
    }

    /// <summary>Starts a new series of runs at the rate learned so far.</summary>
    public void Restart() => _samplesSoFar = 0;
}
