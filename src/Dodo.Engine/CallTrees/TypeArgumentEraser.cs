using System.Text;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// Rule N2 of go-frame-normalization.md: every non-empty bracket group opened right after an
/// identifier character becomes <c>[...]</c>, so <c>F[go.shape.int]</c> (Go 1.21+),
/// <c>F[...]</c> (Go 1.18–1.20) and a user's <c>F[K,V]</c> all read the same. Brackets nest
/// (shapes contain <c>[]</c>, <c>map[..]</c>, <c>[3]int</c>) and quoted struct tags are skipped.
/// </summary>
internal static class TypeArgumentEraser
{
    public static string Erase(string name)
    {
        if (!name.Contains('['))
        {
            return name;
        }

        var closing = MatchBrackets(name);
        var result = new StringBuilder(name.Length);
        var copied = 0;
        for (var open = name.IndexOf('['); open >= 0; open = name.IndexOf('[', open + 1))
        {
            var close = closing[open];
            if (open < copied || close < 0 || open == 0 || !IsIdentifier(name[open - 1]))
            {
                // Inside an erased group, never closed, or not after a name: left as written.
                continue;
            }

            result.Append(name, copied, open - copied);
            result.Append(close == open + 1 ? "[]" : "[...]");
            copied = close + 1;
        }

        result.Append(name, copied, name.Length - copied);
        return result.ToString();
    }

    /// <summary>
    /// One pass with a stack, so even a hostile name of thousands of unclosed brackets costs
    /// linear time. Quotes count only inside brackets, where struct tags live.
    /// </summary>
    private static int[] MatchBrackets(string name)
    {
        var closing = new int[name.Length];
        Array.Fill(closing, -1);
        var open = new Stack<int>();
        for (var i = 0; i < name.Length; i++)
        {
            switch (name[i])
            {
                case '[':
                    open.Push(i);
                    break;
                case ']' when open.Count > 0:
                    closing[open.Pop()] = i;
                    break;
                case '"' when open.Count > 0:
                    i = SkipQuoted(name, i);
                    break;
            }
        }

        return closing;
    }

    private static int SkipQuoted(string name, int quote)
    {
        for (var i = quote + 1; i < name.Length; i++)
        {
            if (name[i] == '\\')
            {
                i++;
            }
            else if (name[i] == '"')
            {
                return i;
            }
        }

        return name.Length;
    }

    private static bool IsIdentifier(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
