using System.Text;
using Dodo.Engine.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Dodo.Engine.Profiles;

/// <summary>
/// The profile's string table, resolved only after the whole message is read (Go writes it
/// last). Every index is checked; invalid UTF-8 becomes U+FFFD.
/// </summary>
internal sealed class PprofStringTable
{
    private readonly string?[] _strings;
    private readonly RepeatedField<ByteString> _raw;
    private readonly string _source;

    public PprofStringTable(RepeatedField<ByteString> raw, string source)
    {
        if (raw.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{source}: not a valid pprof profile: it has no string table.", source);
        }

        if (!raw[0].IsEmpty)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{source}: not a valid pprof profile: the first string-table entry must be empty.",
                source);
        }

        _raw = raw;
        _strings = new string?[raw.Count];
        _source = source;
    }

    public int Count => _strings.Length;

    /// <param name="what">Names the referring field in the error, e.g. "function 7 name".</param>
    public string Get(long index, string what)
    {
        if (index < 0 || index >= _strings.Length)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadStringIndex,
                $"{_source}: not a valid pprof profile: {what} refers to string {index}, but the "
                + $"string table has {_strings.Length} entries.", _source);
        }

        return _strings[index] ??= Encoding.UTF8.GetString(_raw[(int)index].Span);
    }

    /// <summary>Validates an index the reader does not otherwise use.</summary>
    public void Check(long index, string what) => Get(index, what);
}
