using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Splits a Go type expression into tokens. In source spelling a qualifier is an identifier the
/// file imports (<c>regexp.Regexp</c>); in DWARF spelling it is a whole import path
/// (<c>*github.com/x/y%2ev2.T</c>, package = up to the first dot after the last slash).
/// </summary>
internal static class GoTypeLexer
{
    public static List<GoToken> Source(string text, IReadOnlyDictionary<string, string> qualifiers)
    {
        var tokens = new List<GoToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsIdentifierStart(c))
            {
                var word = ReadWhile(text, ref i, IsIdentifierPart);
                if (i + 1 < text.Length && text[i] == '.' && IsIdentifierStart(text[i + 1]))
                {
                    if (!qualifiers.TryGetValue(word, out var path))
                    {
                        throw new FormatException($"unknown package qualifier '{word}' in '{text}'");
                    }

                    i++;
                    tokens.Add(new GoToken(GoTokenKind.Qualified, ReadWhile(text, ref i, IsIdentifierPart), path));
                    continue;
                }

                tokens.Add(new GoToken(GoTokenKind.Word, word));
            }
            else
            {
                tokens.Add(Other(text, ref i));
            }
        }

        return tokens;
    }

    public static List<GoToken> Dwarf(string text, Func<string, string> mapPath)
    {
        var tokens = new List<GoToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsIdentifierStart(c) || char.IsDigit(c))
            {
                var start = i;
                var name = ReadWhile(text, ref i, IsDwarfNamePart);
                if (name.All(char.IsDigit))
                {
                    tokens.Add(new GoToken(GoTokenKind.Literal, name));
                    continue;
                }

                if (!IsIdentifierStart(c) && !name.Contains('/') && !name.Contains('.'))
                {
                    i = start;
                    tokens.Add(Other(text, ref i));
                    continue;
                }

                tokens.Add(DwarfName(name, mapPath));
            }
            else
            {
                tokens.Add(Other(text, ref i));
            }
        }

        return tokens;
    }

    private static GoToken DwarfName(string name, Func<string, string> mapPath)
    {
        var lastSlash = name.LastIndexOf('/');
        var dot = name.IndexOf('.', lastSlash + 1);
        if (dot < 0)
        {
            return new GoToken(GoTokenKind.Word, name);
        }

        return new GoToken(GoTokenKind.Qualified, name[(dot + 1)..], mapPath(Unescape(name[..dot])));
    }

    /// <summary>The compiler escapes '.' (and other bytes) in a path's last element as %xx.</summary>
    internal static string Unescape(string path)
    {
        if (!path.Contains('%'))
        {
            return path;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length
                && byte.TryParse(path.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 2;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(path[i].ToString()));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static GoToken Other(string text, ref int i)
    {
        var c = text[i];
        if (c is '"' or '`')
        {
            return new GoToken(GoTokenKind.Literal, ReadString(text, ref i));
        }

        if (char.IsDigit(c))
        {
            var number = ReadWhile(text, ref i, ch => char.IsLetterOrDigit(ch) || ch is '_' or '.');
            return new GoToken(GoTokenKind.Literal, number);
        }

        foreach (var punctuation in (string[])["<-", "...", "*", "[", "]", "(", ")", "{", "}", ",", ";", ".",
                     "|", "~", "+", "-", "/", "<", ">", "&", "^", "%", "!", "=", ":"])
        {
            if (string.CompareOrdinal(text, i, punctuation, 0, punctuation.Length) == 0)
            {
                i += punctuation.Length;
                return new GoToken(GoTokenKind.Punctuation, punctuation);
            }
        }

        throw new FormatException($"unexpected character '{c}' in type '{text}'");
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        while (i < text.Length && text[i] != quote)
        {
            i += quote == '"' && text[i] == '\\' ? 2 : 1;
        }

        if (i >= text.Length)
        {
            throw new FormatException($"unterminated string in type '{text}'");
        }

        i++;
        return text[start..i];
    }

    private static string ReadWhile(string text, ref int i, Func<char, bool> accept)
    {
        var start = i;
        while (i < text.Length && accept(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static bool IsDwarfNamePart(char c) => IsIdentifierPart(c) || c is '.' or '/' or '%' or '-' or '~' or '+';
}
