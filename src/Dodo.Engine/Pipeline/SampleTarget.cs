using System.Globalization;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Scoring;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// How many samples the benchmark must collect inside the target: enough that sampling noise
/// costs at most half of the points the threshold leaves, given production's own samples and
/// the shape of its tree (similarity-score.md §4).
/// </summary>
public static class SampleTarget
{
    /// <summary>Below this the first run's rate estimate is too rough to plan on.</summary>
    public const long Minimum = 10_000;

    /// <summary>About four minutes of two cores at 1 kHz; beyond it, more production data helps more.</summary>
    public const long Maximum = 500_000;

    public static long Choose(CallTree production, BenchmarkJobOptions options, DiagnosticLog log)
    {
        if (options.MinSamples is { } fixedSamples)
        {
            return fixedSamples;
        }

        var budget = (100 - options.Threshold) / 2;
        var spread = SamplingNoise.Spread(production, options.PrunePercent);
        var wanted = SamplingNoise.BenchmarkSamplesFor(budget, spread, production.TargetCount);
        if (wanted is null)
        {
            var productionAlone = SamplingNoise.ProductionLoss(spread, production.TargetCount);
            log.Warning(DiagnosticCodes.NoiseFloorTooHigh, string.Create(CultureInfo.InvariantCulture,
                $"Production has {production.TargetCount:N0} samples in the target: sampling noise alone costs "
                + $"at least {productionAlone:0.0#} points however long the benchmark runs, more than the "
                + $"{budget:0.0#} the threshold leaves for it. Merge more production profiles."));
            return Maximum;
        }

        return Math.Clamp(wanted.Value, Minimum, Maximum);
    }
}
