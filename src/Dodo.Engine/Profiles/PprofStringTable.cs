using System.Text;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// The profile's string table, resolved only after the whole message is read (Go writes it
/// last). Every index is checked; invalid UTF-8 becomes U+FFFD.
/// </summary>
internal sealed class PprofStringTable
{
    private readonly string?[] _strings;
    private readonly ArraySegment<byte> _data;
    private readonly List<StringSlice> _slices;
    private readonly string _source;

    public PprofStringTable(ArraySegment<byte> data, List<StringSlice> slices, string source)
    {
        if (slices.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{source}: not a valid pprof profile: it has no string table.", source);
        }

        if (slices[0].Length != 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{source}: not a valid pprof profile: the first string-table entry must be empty.",
                source);
        }

        _data = data;
        _slices = slices;
        _strings = new string?[slices.Count];
        _source = source;
    }

    public int Count => _strings.Length;

    /// <param name="owner">Names the referring record in the error, e.g. "function"; empty for
    /// the profile's own header fields.</param>
    /// <param name="ownerId">The record's id or position, shown after <paramref name="owner"/>.</param>
    /// <param name="field">The referring field, e.g. "name".</param>
    public string Get(long index, string owner, ulong ownerId, string field)
    {
        Check(index, owner, ownerId, field);
        return _strings[index] ??= Decode(_slices[(int)index]);
    }

    private string Decode(StringSlice slice) =>
        Encoding.UTF8.GetString(_data.Array!, slice.Offset, slice.Length);

    /// <summary>Validates an index without decoding the string (labels are never read).</summary>
    public void Check(long index, string owner, ulong ownerId, string field)
    {
        if (index < 0 || index >= _strings.Length)
        {
            // The message is built only here: this runs for every field of every record.
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{_source}: not a valid pprof profile: "
                + (owner.Length == 0 ? field : $"the {field} of {owner} {ownerId}")
                + $" refers to string {index}, but the string table has {_strings.Length} entries.",
                _source);
        }
    }
}
