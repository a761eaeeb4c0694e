using System.Globalization;

namespace Dodo.Engine.Benchmarks;

/// <summary>
/// Chooses how long each benchmark run lasts so that all runs together collect the wanted number
/// of samples inside the target, learning the real sampling rate from the runs already made.
/// </summary>
public sealed class SamplePlan
{
    private const int TypicalTimerHz = 250;
    private const double MinimumSeconds = 1;
    private const double MaximumSeconds = 900;

    private readonly long _wantedSamples;
    private readonly int _runs;
    private double _samplesPerBenchSecond;
    private double _benchSecondsSoFar;
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
        _samplesPerBenchSecond = Math.Min(profileHz, TypicalTimerHz) * (double)Math.Max(1, parallelism);
    }

    public long SamplesSoFar => _samplesSoFar;

    /// <summary>The Go benchtime for the next run, for example <c>24.5s</c>.</summary>
    /// <param name="runsDone">Runs of the series already made.</param>
    /// <param name="share">The part of an even share of the remaining samples this run is for.</param>
    public string NextBenchTime(int runsDone, double share = 1)
    {
        var remainingRuns = Math.Max(1, _runs - runsDone);
        var remainingSamples = Math.Max(0, _wantedSamples - _samplesSoFar);
        var seconds = share * remainingSamples / remainingRuns / _samplesPerBenchSecond;
        seconds = Math.Clamp(seconds, MinimumSeconds, MaximumSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds * 10) / 10:0.0}s");
    }

    /// <summary>Learns the sampling rate from a run whose samples are not part of the series.</summary>
    public void Calibrate(string benchTime, long targetSamples)
    {
        if (targetSamples > 0)
        {
            _samplesPerBenchSecond = targetSamples / double.Parse(benchTime.TrimEnd('s'), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Records what a run of <paramref name="benchTime"/> gave, to plan the next one.</summary>
    public void Record(string benchTime, long targetSamples)
    {
        _samplesSoFar += targetSamples;
        _benchSecondsSoFar += double.Parse(benchTime.TrimEnd('s'), CultureInfo.InvariantCulture);
        if (_samplesSoFar > 0)
        {
            _samplesPerBenchSecond = _samplesSoFar / _benchSecondsSoFar;
        }
    }
}
