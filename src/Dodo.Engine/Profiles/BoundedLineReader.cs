using System.Text;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Reads text line by line (LF or CRLF, last line with or without a newline) without ever
/// holding more than the cap of one line: the rest of an overlong line is skipped, not stored.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <param name="line">The line without its terminator (a trailing CR is left to the caller).</param>
    /// <param name="tooLong">True when the line exceeded the cap; <paramref name="line"/> is then empty.</param>
    public bool Next(out string line, out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    line = tooLong ? "" : _line.ToString();
                    LineNumber += any ? 1 : 0;
                    return any;
                }
            }

            any = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            var end = chunk.IndexOf('\n');
            var part = end >= 0 ? chunk[..end] : chunk;
            _position += end >= 0 ? end + 1 : chunk.Length;
            if (!tooLong)
            {
                if (_line.Length + part.Length > _maxLength)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(part);
                }
            }

            if (end >= 0)
            {
                line = tooLong ? "" : _line.ToString();
                LineNumber++;
                return true;
            }
        }
    }
}
