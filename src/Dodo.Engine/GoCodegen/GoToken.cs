namespace Dodo.Engine.GoCodegen;

/// <summary>What a <see cref="GoToken"/> is.</summary>
public enum GoTokenKind
{
    /// <summary>An identifier or keyword.</summary>
    Word,

    /// <summary>A package-qualified name; <see cref="GoToken.Path"/> holds the import path.</summary>
    Qualified,

    /// <summary>A string or number literal (struct tags, array lengths).</summary>
    Literal,

    Punctuation,
}

/// <summary>
/// One token of a Go type expression. Type parts the generator never builds values for (function
/// and channel types, interfaces with methods, array length expressions) are kept as tokens so
/// they can be spelled again with this file's import names.
/// </summary>
public sealed record GoToken(GoTokenKind Kind, string Text, string? Path = null)
{
    public bool IsWordLike => Kind is GoTokenKind.Word or GoTokenKind.Qualified or GoTokenKind.Literal;

    /// <summary>Joins tokens the way gofmt spaces them closely enough for gofmt to finish the job.</summary>
    public static string Join(IEnumerable<GoToken> tokens, Func<GoToken, string> spell)
    {
        var text = new System.Text.StringBuilder();
        GoToken? previous = null;
        foreach (var token in tokens)
        {
            if (previous is not null && NeedsSpace(previous, token))
            {
                text.Append(' ');
            }

            text.Append(spell(token));
            previous = token;
        }

        return text.ToString();
    }

    private static bool NeedsSpace(GoToken previous, GoToken next) =>
        (previous.IsWordLike && next.IsWordLike)
        || previous.Text is "," or ";" or "|"
        || next.Text is "|"
        || (previous.IsWordLike && previous.Text != "func" && next.Text is "*" or "[" or "(" or "<-" or "..." or "~")
        || (previous.Text is ")" && (next.IsWordLike || next.Text is "*" or "[" or "(" or "<-"));
}
