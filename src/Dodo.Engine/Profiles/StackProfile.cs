using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// A CPU profile reduced to what Dodo.Build compares: weighted call stacks with raw frame
/// names, the unit of the weights, and where the data came from.
/// </summary>
public sealed class StackProfile
{
    public StackProfile(IReadOnlyList<StackSample> samples, string valueType, string valueUnit,
        long period, string? architecture, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(sources);
        Samples = samples;
        ValueType = valueType;
        ValueUnit = valueUnit;
        Period = period;
        Architecture = architecture;
        Sources = sources;

        var source = sources.Count > 0 ? sources[0] : "profile";
        try
        {
            foreach (var sample in samples)
            {
                TotalValue = checked(TotalValue + sample.Value);
                TotalCount = checked(TotalCount + sample.Count);
            }
        }
        catch (OverflowException)
        {
            throw new DodoException(DiagnosticCodes.ProfileValueOverflow,
                $"{source}: the total of all sample values exceeds a 64-bit integer.", source);
        }
    }

    /// <summary>One entry per distinct stack.</summary>
    public IReadOnlyList<StackSample> Samples { get; }

    /// <summary>What a value measures, e.g. <c>cpu</c> (or <c>samples</c> for plain folded text).</summary>
    public string ValueType { get; }

    /// <summary>The unit of a value, e.g. <c>nanoseconds</c> or <c>count</c>.</summary>
    public string ValueUnit { get; }

    /// <summary>Events between two samples (10 000 000 ns at Go's 100 Hz); 0 when unknown.</summary>
    public long Period { get; }

    /// <summary>
    /// <c>amd64</c>, <c>arm64</c>, … when the profile's file names reveal it, else null.
    /// </summary>
    public string? Architecture { get; }

    /// <summary>The files merged into this profile.</summary>
    public IReadOnlyList<string> Sources { get; }

    public long TotalValue { get; }

    public long TotalCount { get; }

    /// <summary>
    /// Sums several profiles stack by stack (pprof-format.md §8: after name resolution no id
    /// bookkeeping is needed). All must measure the same quantity in the same unit.
    /// </summary>
    public static StackProfile Merge(IReadOnlyList<StackProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            throw new ArgumentException("At least one profile is needed.", nameof(profiles));
        }

        if (profiles.Count == 1)
        {
            return profiles[0];
        }

        var first = profiles[0];
        var sources = profiles.SelectMany(p => p.Sources).ToList();
        var accumulator = new StackAccumulator(string.Join(", ", sources));
        foreach (var profile in profiles)
        {
            if (profile.ValueType != first.ValueType || profile.ValueUnit != first.ValueUnit)
            {
                throw new DodoException(DiagnosticCodes.ProfilesNotMergeable,
                    $"Cannot merge {Describe(profile)} into {Describe(first)}: they measure "
                    + "different quantities. Merge only CPU profiles with CPU profiles.",
                    profile.Sources.FirstOrDefault());
            }

            foreach (var sample in profile.Samples)
            {
                var stack = new int[sample.Frames.Count];
                for (var i = 0; i < stack.Length; i++)
                {
                    stack[i] = accumulator.Intern(sample.Frames[i]);
                }

                accumulator.Add(stack, sample.Value, sample.Count);
            }
        }

        // Differing architectures leave it unknown rather than claiming one of them.
        var architectures = profiles.Select(p => p.Architecture).Distinct().ToList();
        var architecture = architectures.Count == 1 ? architectures[0] : null;
        return new StackProfile(accumulator.ToSamples(), first.ValueType, first.ValueUnit,
            profiles.Max(p => p.Period), architecture, sources);
    }

    private static string Describe(StackProfile profile) =>
        $"'{string.Join(", ", profile.Sources)}' ({profile.ValueType}/{profile.ValueUnit})";
}
