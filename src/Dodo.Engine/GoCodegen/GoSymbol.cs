namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A Go function or method in symbol spelling, as profiles and snapshots name it:
/// <c>example.com/x.Parse</c>, <c>intake/tags.(*Filter).Apply</c>, <c>main.T.String</c>,
/// <c>pkg.(*Cache[...]).Get</c>. The package path runs up to the first '.' after the last '/'.
/// </summary>
public sealed record GoSymbol(string PackagePath, string? ReceiverType, bool PointerReceiver, string Name)
{
    /// <summary>The bracketed type arguments as written (<c>[...]</c>, shapes), or null.</summary>
    public string? TypeArguments { get; init; }

    public bool IsMethod => ReceiverType is not null;

    /// <summary>The symbol without type arguments, e.g. <c>pkg.(*Cache).Get</c>.</summary>
    public string Spelling => ReceiverType is null
        ? $"{PackagePath}.{Name}"
        : PointerReceiver ? $"{PackagePath}.(*{ReceiverType}).{Name}" : $"{PackagePath}.{ReceiverType}.{Name}";

    public override string ToString() => Spelling;

    /// <summary>Parses a symbol; throws <see cref="FormatException"/> when it names no function or method.</summary>
    public static GoSymbol Parse(string text) =>
        TryParse(text, out var symbol, out var problem) ? symbol! : throw new FormatException(problem);

    public static bool TryParse(string? text, out GoSymbol? symbol, out string problem)
    {
        symbol = null;
        var name = Clean(text ?? "");

        // Generic arguments may contain '/' and '.' themselves: look for the path before them.
        var limit = name.IndexOfAny(['[', '(']);
        limit = limit < 0 ? name.Length : limit;
        var lastSlash = name.LastIndexOf('/', Math.Max(limit - 1, 0));
        var dot = name.IndexOf('.', lastSlash + 1);
        if (name.Length == 0 || dot <= 0 || dot > limit)
        {
            problem = $"'{text}' is not a Go symbol: expected <package path>.<function> or "
                + "<package path>.(*<type>).<method>";
            return false;
        }

        var path = GoTypeLexer.Unescape(name[..dot]);
        var rest = name[(dot + 1)..];
        if (rest.StartsWith('('))
        {
            return ParseParenthesizedReceiver(text!, path, rest, out symbol, out problem);
        }

        var parts = SplitOutsideBrackets(rest);
        if (parts.Count > 2 || parts.Any(p => StripArguments(p, out _).Length == 0) || IsGenerated(parts[^1]))
        {
            problem = $"'{text}' names a closure or other compiler-generated function; benchmark the "
                + "function that declares it instead";
            return false;
        }

        var function = StripArguments(parts[^1], out var functionArguments);
        string? receiver = null, receiverArguments = null;
        if (parts.Count == 2)
        {
            receiver = StripArguments(parts[0], out receiverArguments);
        }

        symbol = new GoSymbol(path, receiver, false, function)
        {
            TypeArguments = receiver is null ? functionArguments : receiverArguments,
        };
        problem = "";
        return true;
    }

    private static bool ParseParenthesizedReceiver(string text, string path, string rest, out GoSymbol? symbol,
        out string problem)
    {
        symbol = null;
        var close = MatchingParen(rest);
        var method = close > 0 && close + 1 < rest.Length && rest[close + 1] == '.' ? rest[(close + 2)..] : "";
        var inner = close > 0 ? rest[1..close] : "";
        var pointer = inner.StartsWith('*');
        var receiver = StripArguments(pointer ? inner[1..] : inner, out var arguments);
        if (receiver.Length == 0 || method.Length == 0 || method.Contains('.') || method.Contains('['))
        {
            problem = $"'{text}' is not a method symbol: expected <package path>.(*<type>).<method>";
            return false;
        }

        symbol = new GoSymbol(path, receiver, pointer, method) { TypeArguments = arguments };
        problem = "";
        return true;
    }

    /// <summary>Undoes what symbolizers add: ABI suffixes, the assembler's middle dot, method-value '-fm'.</summary>
    private static string Clean(string text)
    {
        var name = text.Trim().Replace('\u00B7', '.');
        foreach (var suffix in (string[])[".abi0", ".abiinternal", "-fm"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>Closure and wrapper names the compiler makes up: F.func1, F.gowrap2, init.0.</summary>
    private static bool IsGenerated(string part)
    {
        var digits = part.Length - part.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        return digits < part.Length && part[..digits] is "" or "func" or "gowrap" or "deferwrap";
    }

    private static string StripArguments(string part, out string? arguments)
    {
        var open = part.IndexOf('[');
        arguments = open < 0 ? null : part[open..];
        return open < 0 ? part : part[..open];
    }

    private static List<string> SplitOutsideBrackets(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (text[i] == '.' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int MatchingParen(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[i] == ')' ? i : -1;
            }
        }

        return -1;
    }
}
