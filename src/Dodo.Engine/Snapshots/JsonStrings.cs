using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dodo.Engine.Snapshots;

/// <summary>
/// Reads JSON strings that System.Text.Json refuses: raw bytes that are not UTF-8 and escaped
/// lone surrogates. Captured Go strings may hold any bytes, and a hostile file must not stop the
/// reader, so such strings are decoded by hand instead of failing.
/// </summary>
internal static class JsonStrings
{
    /// <summary>First of the 128 lone surrogates that stand for the bytes 0x80..0xFF.</summary>
    public const char ByteEscapeBase = '\uDC00';

    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Decode(Unquote(JsonMarshal.GetRawUtf8Value(element)));
        }
    }

    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Decode(Unquote(JsonMarshal.GetRawUtf8PropertyName(property)));
        }
    }

    /// <summary>
    /// True for the golden files' stand-ins for nondeterministic values ("[id]", "[addr]",
    /// "&lt;scrubbed&gt;"): they are not data and must not be used as ids or addresses.
    /// </summary>
    public static bool IsPlaceholder(string text) =>
        text.Length >= 2 && ((text[0] == '[' && text[^1] == ']') || (text[0] == '<' && text[^1] == '>'));

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;

    /// <summary>
    /// Unescapes JSON string content. Bytes that are not UTF-8 become U+DC80..U+DCFF (the
    /// "surrogateescape" convention), so they survive as exactly those bytes in generated Go;
    /// an escaped lone surrogate becomes U+FFFD, as Go's own JSON decoder makes it.
    /// </summary>
    internal static string Decode(ReadOnlySpan<byte> content)
    {
        var text = new StringBuilder(content.Length);
        var i = 0;
        while (i < content.Length)
        {
            if (content[i] == '\\' && i + 1 < content.Length)
            {
                i = DecodeEscape(content, i, text);
                continue;
            }

            if (Rune.DecodeFromUtf8(content[i..], out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
                i += consumed;
                continue;
            }

            text.Append((char)(ByteEscapeBase + content[i]));
            i++;
        }

        return text.ToString();
    }

    private static int DecodeEscape(ReadOnlySpan<byte> content, int i, StringBuilder text)
    {
        var kind = (char)content[i + 1];
        if (kind != 'u')
        {
            text.Append(kind switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => kind,
            });
            return i + 2;
        }

        if (!TryHex(content, i + 2, out var unit))
        {
            text.Append('\uFFFD');
            return i + 2;
        }

        if (char.IsHighSurrogate(unit) && content.Length > i + 7 && content[i + 6] == '\\' && content[i + 7] == 'u'
            && TryHex(content, i + 8, out var low) && char.IsLowSurrogate(low))
        {
            text.Append(unit).Append(low);
            return i + 12;
        }

        text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
        return i + 6;
    }

    private static bool TryHex(ReadOnlySpan<byte> content, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > content.Length)
        {
            return false;
        }

        var value = 0;
        foreach (var b in content.Slice(start, 4))
        {
            var digit = HexValue(b);
            if (digit < 0)
            {
                return false;
            }

            value = value * 16 + digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
