using System.Runtime.InteropServices;

namespace Dodo.Engine.Profiles;

/// <summary>
/// The samples of a pprof message while it is still being read, summed per distinct stack of
/// location ids. Real profiles repeat each stack in many samples (labels differ), so memory
/// follows the distinct stacks, not the sample count. What must be judged per sample — negative
/// values, overflow, value counts, label string indexes — is recorded as it goes, because which
/// column matters is known only once the string table, written last, has been read.
/// </summary>
internal sealed class LocationStackTable
{
    private readonly Dictionary<ulong[], int> _index = new(StackComparer.Instance);
    private readonly Dictionary<ulong[], int>.AlternateLookup<ReadOnlySpan<ulong>> _lookup;
    private readonly List<long[]> _sums = [];
    private long[] _negativeSample = [];
    private bool[] _overflowed = [];

    public LocationStackTable()
    {
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<ulong>>();
    }

    /// <summary>Distinct stacks, leaf first as pprof stores them.</summary>
    public List<ulong[]> Stacks { get; } = [];

    /// <summary>How many sample records landed on each stack.</summary>
    public List<long> Records { get; } = [];

    /// <summary>The index of the first sample with each stack, for error messages.</summary>
    public List<long> FirstSample { get; } = [];

    public long SampleCount { get; private set; }

    /// <summary>The value count of the first sample; every sample must match the sample types.</summary>
    public int ValueCount { get; private set; } = -1;

    /// <summary>The first sample whose value count differs from the first sample's, or -1.</summary>
    public long InconsistentSample { get; private set; } = -1;

    /// <summary>The smallest and largest string index any label uses, and the sample of each.</summary>
    public (long Index, long Sample) LowestLabelString { get; private set; } = (0, -1);

    public (long Index, long Sample) HighestLabelString { get; private set; } = (0, -1);

    public long[] Sums(int stack) => _sums[stack];

    /// <summary>The first sample with a negative value in <paramref name="column"/>, or -1.</summary>
    public long NegativeSample(int column) => column < _negativeSample.Length ? _negativeSample[column] : -1;

    public bool Overflowed(int column) => column < _overflowed.Length && _overflowed[column];

    public void Add(ReadOnlySpan<ulong> leafFirst, IReadOnlyList<long> values)
    {
        var sample = SampleCount++;
        if (ValueCount < 0)
        {
            ValueCount = values.Count;
            _negativeSample = Enumerable.Repeat(-1L, values.Count).ToArray();
            _overflowed = new bool[values.Count];
        }
        else if (values.Count != ValueCount && InconsistentSample < 0)
        {
            InconsistentSample = sample;
        }

        if (!_lookup.TryGetValue(leafFirst, out var stack))
        {
            stack = Stacks.Count;
            var key = leafFirst.ToArray();
            Stacks.Add(key);
            Records.Add(0);
            FirstSample.Add(sample);
            _sums.Add(new long[ValueCount]);
            _index.Add(key, stack);
        }

        Records[stack]++;
        var sums = _sums[stack];
        for (var column = 0; column < Math.Min(values.Count, sums.Length); column++)
        {
            var value = values[column];
            if (value < 0 && _negativeSample[column] < 0)
            {
                _negativeSample[column] = sample;
            }

            // Only the chosen column must not overflow, and it is not chosen yet.
            var sum = unchecked(sums[column] + value);
            _overflowed[column] |= ((sums[column] ^ sum) & (value ^ sum)) < 0;
            sums[column] = sum;
        }
    }

    public void AddLabelString(long index)
    {
        var sample = SampleCount - 1;
        if (index < LowestLabelString.Index)
        {
            LowestLabelString = (index, sample);
        }

        if (index > HighestLabelString.Index)
        {
            HighestLabelString = (index, sample);
        }
    }

    private sealed class StackComparer
        : IEqualityComparer<ulong[]>, IAlternateEqualityComparer<ReadOnlySpan<ulong>, ulong[]>
    {
        public static readonly StackComparer Instance = new();

        public bool Equals(ulong[]? x, ulong[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(ulong[] stack) => GetHashCode((ReadOnlySpan<ulong>)stack);

        public bool Equals(ReadOnlySpan<ulong> alternate, ulong[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<ulong> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(alternate));
            return hash.ToHashCode();
        }

        public ulong[] Create(ReadOnlySpan<ulong> alternate) => alternate.ToArray();
    }
}
