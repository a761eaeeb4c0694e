using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Small functions that return a pointer to a value (<c>func dodoXPtrInt(v int) *int</c>). Go
/// cannot take the address of a constant or a call, and a generic helper would need Go 1.18 in
/// the user's go.mod, so one plain helper is generated per pointee type.
/// </summary>
internal sealed class GoPointerHelpers(string prefix, Func<string, bool> isTaken)
{
    private const int MaxDescriptiveLength = 32;
    private readonly Dictionary<string, string> _nameByType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>A call of the helper for this pointee type, declaring the helper on first use.</summary>
    public string Call(string pointeeType, string value)
    {
        if (!_nameByType.TryGetValue(pointeeType, out var name))
        {
            name = NewName(pointeeType);
            _nameByType[pointeeType] = name;
            _names.Add(name);
        }

        return $"{name}({value})";
    }

    /// <summary>The helpers' declarations, in a stable order.</summary>
    public IEnumerable<string> Declarations() =>
        _nameByType.OrderBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"func {p.Value}(v {p.Key}) *{p.Key} {{ return &v }}\n");

    private string NewName(string pointeeType)
    {
        var descriptive = new StringBuilder();
        char[] separators = ['*', '[', ']', '.', ' ', ',', '(', ')', '{', '}', ';'];
        foreach (var part in pointeeType.Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            descriptive.Append(GoIdentifiers.Pascal(part));
        }

        var stars = pointeeType.TakeWhile(c => c == '*').Count();
        var stem = string.Concat(Enumerable.Repeat("Ptr", stars + 1));
        var name = descriptive.Length is > 0 and <= MaxDescriptiveLength
            ? $"{prefix}{stem}{descriptive}"
            : $"{prefix}{stem}{_names.Count + 1}";
        var candidate = name;
        for (var n = 2; _names.Contains(candidate) || isTaken(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
