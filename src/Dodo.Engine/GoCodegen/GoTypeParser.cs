using System.Globalization;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Parses Go type expressions in the two spellings Dodo meets: Go source (from the package
/// inspector, qualifiers resolved through the file's imports) and the agent's DWARF type names
/// (full import paths). Throws <see cref="FormatException"/> on text it cannot read.
/// </summary>
public sealed class GoTypeParser
{
    private static readonly HashSet<string> Terminators = [";", "}"];

    private readonly List<GoToken> _tokens;
    private readonly string _text;
    private readonly string? _ownPath;
    private readonly IReadOnlySet<string> _typeParameters;
    private int _position;

    private GoTypeParser(List<GoToken> tokens, string text, string? ownPath, IReadOnlySet<string>? typeParameters)
    {
        _tokens = tokens;
        _text = text;
        _ownPath = ownPath;
        _typeParameters = typeParameters ?? new HashSet<string>();
    }

    /// <summary>Parses source spelling; unqualified declared names belong to <paramref name="ownPath"/>.</summary>
    public static GoType ParseSource(string text, string ownPath, IReadOnlyDictionary<string, string> qualifiers,
        IReadOnlySet<string>? typeParameters = null) =>
        new GoTypeParser(GoTypeLexer.Source(text, qualifiers), text, ownPath, typeParameters).ParseAll();

    /// <summary>
    /// Parses an agent type name. <paramref name="mapPath"/> maps the spellings of the target's own
    /// package (<c>main</c>, its import path) onto one path so they compare equal.
    /// </summary>
    public static GoType ParseDwarf(string text, Func<string, string>? mapPath = null) =>
        new GoTypeParser(GoTypeLexer.Dwarf(text, mapPath ?? (p => p)), text, null, null).ParseAll();

    public static GoType? TryParseDwarf(string? text, Func<string, string>? mapPath = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return ParseDwarf(text, mapPath);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private GoType ParseAll()
    {
        var type = ParseType();
        if (_position != _tokens.Count)
        {
            throw Error($"unexpected '{_tokens[_position].Text}'");
        }

        return type;
    }

    private GoType ParseType()
    {
        var start = _position;
        var token = Next();
        switch (token)
        {
            case { Kind: GoTokenKind.Punctuation, Text: "*" }:
                return new GoPointerType(ParseType());
            case { Kind: GoTokenKind.Punctuation, Text: "(" }:
                var inner = ParseType();
                Expect(")");
                return inner;
            case { Kind: GoTokenKind.Punctuation, Text: "[" }:
                return ParseArrayOrSlice();
            case { Kind: GoTokenKind.Punctuation, Text: "<-" }:
                Expect("chan");
                ParseType();
                return new GoOpaqueType(_tokens[start.._position]);
            case { Kind: GoTokenKind.Qualified }:
                return new GoNamedType(token.Path!, token.Text, ParseTypeArguments());
            case { Kind: GoTokenKind.Word }:
                return ParseWord(token, start);
            default:
                throw Error($"unexpected '{token.Text}'");
        }
    }

    private GoType ParseWord(GoToken token, int start)
    {
        switch (token.Text)
        {
            case "map":
                Expect("[");
                var key = ParseType();
                Expect("]");
                return new GoMapType(key, ParseType());
            case "struct":
                return ParseStruct();
            case "interface":
                Expect("{");
                return new GoInterfaceType(SkipBalanced("{", "}"));
            case "func":
                Expect("(");
                SkipBalanced("(", ")");
                ParseResult();
                return new GoOpaqueType(_tokens[start.._position]);
            case "chan":
                if (Peek() is { Text: "<-" })
                {
                    _position++;
                }

                ParseType();
                return new GoOpaqueType(_tokens[start.._position]);
        }

        if (GoIdentifiers.Keywords.Contains(token.Text))
        {
            throw Error($"unexpected keyword '{token.Text}'");
        }

        if (_typeParameters.Contains(token.Text))
        {
            return new GoTypeParameter(token.Text);
        }

        var path = GoIdentifiers.PredeclaredTypes.Contains(token.Text) || _ownPath is null ? "" : _ownPath;
        return new GoNamedType(path, token.Text, ParseTypeArguments());
    }

    private void ParseResult()
    {
        if (Peek() is { Text: "(" })
        {
            _position++;
            SkipBalanced("(", ")");
        }
        else if (Peek() is { } next && StartsType(next))
        {
            ParseType();
        }
    }

    private GoType ParseArrayOrSlice()
    {
        if (Peek() is { Text: "]" })
        {
            _position++;
            return new GoSliceType(ParseType());
        }

        var length = SkipBalanced("[", "]");
        long? count = length is [{ Kind: GoTokenKind.Literal } literal] ? ParseInteger(literal.Text) : null;
        return new GoArrayType(length, count, ParseType());
    }

    private GoStructType ParseStruct()
    {
        Expect("{");
        var fields = new List<GoStructField>();
        while (Peek() is { } next && next.Text != "}")
        {
            if (next.Text == ";")
            {
                _position++;
                continue;
            }

            var names = FieldNames();
            var type = ParseType();
            var tag = Peek() is { Kind: GoTokenKind.Literal } t && t.Text[0] is '"' or '`' ? Next().Text : null;
            if (names.Count == 0)
            {
                fields.Add(new GoStructField(EmbeddedName(type), type, Embedded: true, tag));
            }

            fields.AddRange(names.Select(n => new GoStructField(n, type, Tag: tag)));
            if (Peek() is { Text: ";" or "}" } == false)
            {
                throw Error("expected ';' or '}' after a struct field");
            }
        }

        Expect("}");
        return new GoStructType(fields);
    }

    /// <summary>
    /// The names of the next field declaration, or none for an embedded field. <c>a [4]int</c>
    /// names a field; <c>List[int]</c> embeds a generic type: what follows the bracket decides.
    /// </summary>
    private List<string> FieldNames()
    {
        if (Peek() is not { Kind: GoTokenKind.Word } first || GoIdentifiers.Keywords.Contains(first.Text))
        {
            return [];
        }

        var after = PeekAt(1);
        if (after is null || Terminators.Contains(after.Text) || after.Kind == GoTokenKind.Literal)
        {
            return [];
        }

        if (after.Text == "[" && MatchingClose(_position + 1) is var close
            && (close + 1 >= _tokens.Count || Terminators.Contains(_tokens[close + 1].Text)
                || _tokens[close + 1].Kind == GoTokenKind.Literal))
        {
            return [];
        }

        var names = new List<string> { Next().Text };
        while (Peek() is { Text: "," })
        {
            _position++;
            names.Add(Next().Text);
        }

        return names;
    }

    private static string EmbeddedName(GoType type) => type switch
    {
        GoPointerType pointer => EmbeddedName(pointer.Element),
        GoNamedType named => named.Name,
        GoTypeParameter parameter => parameter.Name,
        _ => throw new FormatException($"cannot embed '{type.Canonical}'"),
    };

    private List<GoType> ParseTypeArguments()
    {
        if (Peek() is not { Text: "[" })
        {
            return [];
        }

        _position++;
        var arguments = new List<GoType> { ParseType() };
        while (Peek() is { Text: "," })
        {
            _position++;
            arguments.Add(ParseType());
        }

        Expect("]");
        return arguments;
    }

    /// <summary>Consumes tokens up to the close matching an already consumed open; returns those inside.</summary>
    private List<GoToken> SkipBalanced(string open, string close)
    {
        var start = _position;
        var end = MatchingClose(_position - 1);
        if (end < 0 || _tokens[_position - 1].Text != open)
        {
            throw Error($"missing '{close}'");
        }

        _position = end + 1;
        return _tokens[start..end];
    }

    private int MatchingClose(int openIndex)
    {
        var depth = 0;
        for (var i = openIndex; i < _tokens.Count; i++)
        {
            if (_tokens[i].Kind != GoTokenKind.Punctuation)
            {
                continue;
            }

            depth += _tokens[i].Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool StartsType(GoToken token) => token.Kind switch
    {
        GoTokenKind.Qualified => true,
        GoTokenKind.Word => token.Text is "map" or "struct" or "interface" or "func" or "chan"
            || !GoIdentifiers.Keywords.Contains(token.Text),
        GoTokenKind.Punctuation => token.Text is "*" or "[" or "(" or "<-",
        _ => false,
    };

    private static long? ParseInteger(string text)
    {
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        var (body, radix) = digits.Length > 2 && digits[0] == '0'
            ? char.ToLowerInvariant(digits[1]) switch
            {
                'x' => (digits[2..], 16),
                'b' => (digits[2..], 2),
                'o' => (digits[2..], 8),
                _ => (digits[1..], 8),
            }
            : (digits, 10);
        if (radix == 10)
        {
            return long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        try
        {
            return Convert.ToInt64(body, radix);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private GoToken? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private GoToken? PeekAt(int offset) => _position + offset < _tokens.Count ? _tokens[_position + offset] : null;

    private GoToken Next() => _position < _tokens.Count ? _tokens[_position++] : throw Error("unexpected end");

    private void Expect(string text)
    {
        if (Next().Text != text)
        {
            throw Error($"expected '{text}'");
        }
    }

    private FormatException Error(string what) => new($"cannot read Go type '{_text}': {what}");
}
