using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Sums samples per distinct stack, the way every reader and the merge aggregate: labels are
/// ignored, identical frame sequences become one <see cref="StackSample"/>, first-seen order is
/// kept so output is deterministic.
/// </summary>
internal sealed class StackAccumulator
{
    private readonly FrameTable _frames = new();
    private readonly Dictionary<int[], int> _stackIndex = new(StackComparer.Instance);
    private readonly List<int[]> _stacks = [];
    private readonly List<long> _values = [];
    private readonly List<long> _counts = [];
    private readonly string _source;

    /// <param name="source">Named in the overflow error, so the user knows which input was bad.</param>
    public StackAccumulator(string source)
    {
        _source = source;
    }

    public int Intern(RawFrame frame) => _frames.Intern(frame);

    /// <param name="stack">Interned frame ids, root first; the accumulator keeps the array.</param>
    public void Add(int[] stack, long value, long count)
    {
        if (!_stackIndex.TryGetValue(stack, out var index))
        {
            index = _stacks.Count;
            _stacks.Add(stack);
            _values.Add(0);
            _counts.Add(0);
            _stackIndex.Add(stack, index);
        }

        try
        {
            _values[index] = checked(_values[index] + value);
            _counts[index] = checked(_counts[index] + count);
        }
        catch (OverflowException)
        {
            throw new DodoException(DiagnosticCodes.ProfileValueOverflow,
                $"{_source}: the summed sample values exceed a 64-bit integer.", _source);
        }
    }

    /// <summary>The distinct stacks; stacks whose value and count are both zero carry no time.</summary>
    public List<StackSample> ToSamples()
    {
        var samples = new List<StackSample>(_stacks.Count);
        for (var i = 0; i < _stacks.Count; i++)
        {
            if (_values[i] == 0 && _counts[i] == 0)
            {
                continue;
            }

            samples.Add(new StackSample(new FrameSequence(_frames, _stacks[i]), _values[i], _counts[i]));
        }

        return samples;
    }

    private sealed class StackComparer : IEqualityComparer<int[]>
    {
        public static readonly StackComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(int[] stack)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(stack.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
