using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Scoring;

/// <summary>
/// Draws a synthetic "benchmark" from a profile's own distribution, as similarity-score.md §4
/// did to measure sampling noise: n samples, each picking a stack with probability
/// proportional to its sample count.
/// </summary>
internal static class ProfileResampler
{
    public static StackProfile Resample(StackProfile profile, int samples, int seed)
    {
        var cumulative = new long[profile.Samples.Count];
        var running = 0L;
        for (var i = 0; i < cumulative.Length; i++)
        {
            running += profile.Samples[i].Count;
            cumulative[i] = running;
        }

        var drawn = new long[cumulative.Length];
        var random = new Random(seed);
        for (var n = 0; n < samples; n++)
        {
            var index = Array.BinarySearch(cumulative, random.NextInt64(running) + 1);
            drawn[index < 0 ? ~index : index]++;
        }

        var resampled = drawn
            .Select((count, i) => new StackSample(profile.Samples[i].Frames, count * profile.Period, count))
            .Where(s => s.Count > 0)
            .ToList();
        return new StackProfile(resampled, profile.ValueType, profile.ValueUnit, profile.Period,
            profile.Architecture, ["resampled " + profile.Sources[0]]);
    }
}
