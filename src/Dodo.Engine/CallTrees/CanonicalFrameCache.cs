using Dodo.Engine.Profiles;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// Canonical frames for one call-tree build. Stacks from the readers share one frame table,
/// so each distinct frame is normalized once and then found by its id in an array; stacks built
/// any other way fall back to a dictionary.
/// </summary>
internal sealed class CanonicalFrameCache(FrameNormalizer normalizer)
{
    private readonly Dictionary<RawFrame, CanonicalFrame> _byFrame = [];
    private FrameTable? _table;
    private CanonicalFrame[] _byId = [];
    private bool[] _known = [];

    /// <summary>Every canonical name met so far.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>Fills <paramref name="buffer"/> with the canonical form of each frame.</summary>
    public void Fill(IReadOnlyList<RawFrame> frames, Span<CanonicalFrame> buffer)
    {
        if (frames is FrameSequence sequence && Adopt(sequence.Table))
        {
            var ids = sequence.Ids;
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids[i];
                if (!_known[id])
                {
                    _byId[id] = Canonicalize(sequence.Table[id]);
                    _known[id] = true;
                }

                buffer[i] = _byId[id];
            }

            return;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (!_byFrame.TryGetValue(frame, out var canonical))
            {
                canonical = Canonicalize(frame);
                _byFrame.Add(frame, canonical);
            }

            buffer[i] = canonical;
        }
    }

    /// <summary>The first table seen gets the array; a merged profile may bring others.</summary>
    private bool Adopt(FrameTable table)
    {
        if (_table is null)
        {
            _table = table;
            _byId = new CanonicalFrame[table.Count];
            _known = new bool[table.Count];
        }

        return ReferenceEquals(_table, table) && table.Count == _byId.Length;
    }

    private CanonicalFrame Canonicalize(RawFrame frame)
    {
        var canonical = normalizer.Canonicalize(frame);
        Names.Add(canonical.Name);
        return canonical;
    }
}
