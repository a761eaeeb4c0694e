using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A Go expression written for a captured value, with the facts the writer needs about it: a
/// zero value can be left out of a struct literal, and only a composite literal can have its
/// address taken with <c>&amp;</c>, and two equal constant keys make a map literal invalid.
/// </summary>
internal readonly record struct GoLiteral(string Text, bool IsZero = false, bool IsComposite = false,
    bool IsConstant = false)
{
    private const int InlineWidth = 90;

    public static GoLiteral Zero(string text, bool isComposite = false) => new(text, IsZero: true, isComposite);

    /// <summary>
    /// <c>T{a, b}</c> on one line when short, else one element per line (gofmt indents it), so
    /// case tables read like hand-written Go.
    /// </summary>
    public static GoLiteral Composite(string type, IReadOnlyList<string> elements)
    {
        var inlineLength = type.Length + 2 + elements.Sum(e => e.Length + 2);
        if (inlineLength <= InlineWidth && !elements.Any(e => e.Contains('\n')))
        {
            return new GoLiteral($"{type}{{{string.Join(", ", elements)}}}", IsComposite: true);
        }

        var text = new StringBuilder(type).Append("{\n");
        foreach (var element in elements)
        {
            text.Append(element).Append(",\n");
        }

        return new GoLiteral(text.Append('}').ToString(), IsComposite: true);
    }
}
