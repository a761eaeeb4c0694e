using System.Globalization;
using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Writes Go string and rune literals for arbitrary captured content. Every byte that could end
/// the literal, break the file (NUL, a BOM, bytes that are not UTF-8) or mislead a reader
/// (bidirectional controls, line separators) is escaped, so a hostile capture stays data.
/// </summary>
public static class GoStringLiteral
{
    /// <summary>
    /// The Go string's bytes: UTF-8, except that U+DC80..U+DCFF stand for the single bytes
    /// 0x80..0xFF (how the snapshot reader keeps bytes that were not UTF-8).
    /// </summary>
    public static byte[] ToGoBytes(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var written = new Rune(c, text[++i]).EncodeToUtf8(buffer);
                bytes.AddRange(buffer[..written]);
            }
            else if (c is >= '\uDC80' and <= '\uDCFF')
            {
                bytes.Add((byte)(c - 0xDC00));
            }
            else
            {
                var rune = char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
                var written = rune.EncodeToUtf8(buffer);
                bytes.AddRange(buffer[..written]);
            }
        }

        return [.. bytes];
    }

    public static string Quote(string text) => Quote(ToGoBytes(text));

    /// <summary>A double-quoted Go literal holding exactly these bytes.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var literal = new StringBuilder(bytes.Length + 2).Append('"');
        var i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                literal.Append(CultureInfo.InvariantCulture, $"\\x{bytes[i]:x2}");
                i++;
                continue;
            }

            AppendRune(literal, rune, '"');
            i += consumed;
        }

        return literal.Append('"').ToString();
    }

    /// <summary>A Go rune literal such as <c>'a'</c>, <c>'\''</c> or <c>'\u202e'</c>.</summary>
    public static string QuoteRune(Rune rune)
    {
        var literal = new StringBuilder("'");
        AppendRune(literal, rune, '\'');
        return literal.Append('\'').ToString();
    }

    private static void AppendRune(StringBuilder literal, Rune rune, char quote)
    {
        var value = rune.Value;
        if (value == quote || value == '\\')
        {
            literal.Append('\\').Append((char)value);
            return;
        }

        switch (value)
        {
            case '\a': literal.Append("\\a"); return;
            case '\b': literal.Append("\\b"); return;
            case '\f': literal.Append("\\f"); return;
            case '\n': literal.Append("\\n"); return;
            case '\r': literal.Append("\\r"); return;
            case '\t': literal.Append("\\t"); return;
            case '\v': literal.Append("\\v"); return;
        }

        if (value is >= 0x20 and < 0x7F)
        {
            literal.Append((char)value);
        }
        else if (value < 0x80)
        {
            literal.Append(CultureInfo.InvariantCulture, $"\\x{value:x2}");
        }
        else if (IsPlainlyVisible(rune))
        {
            literal.Append(rune.ToString());
        }
        else if (value <= 0xFFFF)
        {
            literal.Append(CultureInfo.InvariantCulture, $"\\u{value:x4}");
        }
        else
        {
            literal.Append(CultureInfo.InvariantCulture, $"\\U{value:x8}");
        }
    }

    /// <summary>
    /// Letters, marks, digits, punctuation and symbols print as themselves; format characters
    /// (bidi overrides, BOM, zero-width joiners), separators and unassigned code points do not.
    /// </summary>
    private static bool IsPlainlyVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };
}
