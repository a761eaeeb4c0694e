using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// Finds which canonical function a user's target names: the exact canonical name, else the
/// one function whose name ends with it at a package or type boundary. Failing that, the error
/// lists what the user probably meant.
/// </summary>
internal static class TargetResolver
{
    private const int Suggestions = 5;

    // Longer names cost more to compare and are never what a user types.
    private const int MaxComparedLength = 512;

    /// <param name="names">Every canonical function name in the profile.</param>
    public static string Resolve(string userTarget, string target, IReadOnlyCollection<string> names,
        string source)
    {
        if (names.Contains(target))
        {
            return target;
        }

        var bySuffix = names.Where(name => EndsAtBoundary(name, target)).Order(StringComparer.Ordinal).ToList();
        if (bySuffix.Count == 1)
        {
            return bySuffix[0];
        }

        if (bySuffix.Count > 1)
        {
            throw new DodoException(DiagnosticCodes.TargetAmbiguous,
                $"{source}: the target '{userTarget}' matches {bySuffix.Count} functions by suffix: "
                + $"{List(bySuffix)}. Give the full name with its package path.", source);
        }

        var closest = names
            .Where(name => name.Length <= MaxComparedLength)
            .Select(name => (Name: name, Distance: EditDistance.ToSubstring(target, name)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name.Length)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(Suggestions)
            .Select(c => c.Name)
            .ToList();
        var canonical = target == userTarget ? "" : $" (canonical form '{target}')";
        throw new DodoException(DiagnosticCodes.TargetNotFound,
            $"{source}: the target '{userTarget}'{canonical} occurs in no sample. "
            + (closest.Count > 0 ? $"Closest functions: {List(closest)}." : "The profile has no samples."),
            source);
    }

    /// <summary><c>pkg.(*T).M</c> ends with <c>(*T).M</c> and <c>M</c>, not with <c>T).M</c>.</summary>
    private static bool EndsAtBoundary(string name, string target) =>
        name.Length > target.Length
        && name.EndsWith(target, StringComparison.Ordinal)
        && name[name.Length - target.Length - 1] is '.' or '/';

    private static string List(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(10).Select(n => $"'{n}'"))
        + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
}
