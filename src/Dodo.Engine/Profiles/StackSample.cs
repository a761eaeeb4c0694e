namespace Dodo.Engine.Profiles;

/// <summary>
/// The time spent in one distinct call stack: frames root first with inline frames expanded,
/// the summed value of every sample with that stack, and how many samples that was.
/// </summary>
public sealed class StackSample
{
    public StackSample(IReadOnlyList<RawFrame> frames, long value, long count)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Frames = frames;
        Value = value;
        Count = count;
    }

    /// <summary>Root first (index 0 is the outermost caller), inline frames expanded.</summary>
    public IReadOnlyList<RawFrame> Frames { get; }

    /// <summary>In the profile's <see cref="StackProfile.ValueUnit"/> (nanoseconds for CPU).</summary>
    public long Value { get; }

    /// <summary>How many profiler samples landed on this stack; the noise floor needs it.</summary>
    public long Count { get; }
}
