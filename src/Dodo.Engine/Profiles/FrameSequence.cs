namespace Dodo.Engine.Profiles;

/// <summary>
/// The frames of one stack as ids into a table shared by the whole profile. Readers build
/// stacks this way, so a profile holds each distinct frame once and call-tree building can
/// normalize per frame id instead of hashing names for every sample.
/// </summary>
internal sealed class FrameSequence : IReadOnlyList<RawFrame>
{
    public FrameSequence(FrameTable table, int[] ids)
    {
        Table = table;
        Ids = ids;
    }

    public FrameTable Table { get; }

    public int[] Ids { get; }

    public int Count => Ids.Length;

    public RawFrame this[int index] => Table[Ids[index]];

    public IEnumerator<RawFrame> GetEnumerator()
    {
        foreach (var id in Ids)
        {
            yield return Table[id];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The distinct frames of one profile, numbered densely from 0.</summary>
internal sealed class FrameTable
{
    private readonly Dictionary<RawFrame, int> _ids = [];
    private readonly List<RawFrame> _frames = [];

    public int Count => _frames.Count;

    public RawFrame this[int id] => _frames[id];

    public int Intern(RawFrame frame)
    {
        if (!_ids.TryGetValue(frame, out var id))
        {
            id = _frames.Count;
            _frames.Add(frame);
            _ids.Add(frame, id);
        }

        return id;
    }
}
