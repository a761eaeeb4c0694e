namespace Dodo.Engine.CallTrees;

/// <summary>
/// How far a typed symbol is from a function name, for "did you mean" lists: the fewest edits
/// that turn the symbol into some substring of the name (case-insensitive), so a name the user
/// shortened or misspelled by a letter scores low whatever package path surrounds it.
/// </summary>
internal static class EditDistance
{
    public static int ToSubstring(string pattern, string text)
    {
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            var p = char.ToLowerInvariant(pattern[i - 1]);
            for (var j = 1; j <= text.Length; j++)
            {
                var substitution = previous[j - 1] + (p == char.ToLowerInvariant(text[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        // Row 0 is all zeros (the match may start anywhere); the best column lets it end anywhere.
        return previous.Min();
    }
}
