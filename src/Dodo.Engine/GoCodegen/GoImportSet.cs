using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// The imports of one generated file: which paths it needs and the name each is used under.
/// A path keeps the name the package's own source uses unless that name is taken, invalid or
/// differs from the path's last element, in which case the import gets an explicit alias.
/// </summary>
internal sealed class GoImportSet
{
    private readonly Dictionary<string, string> _aliasByPath = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken;
    private readonly IReadOnlySet<string> _ownPaths;
    private readonly string? _ownImportPath;
    private readonly IReadOnlyDictionary<string, string> _preferred;
    private readonly string _generatedPrefix;

    /// <param name="ownPaths">Every spelling of the target package's path (import path, <c>main</c>).</param>
    /// <param name="ownImportPath">The target package's import path, for Go's internal-package rule.</param>
    /// <param name="preferred">Import path → the name the package's source uses for it.</param>
    /// <param name="reserved">Package-level names and generated names an import must not shadow.</param>
    /// <param name="generatedPrefix">The prefix of generated names; aliases never start with it.</param>
    public GoImportSet(IReadOnlySet<string> ownPaths, string? ownImportPath,
        IReadOnlyDictionary<string, string> preferred, IEnumerable<string> reserved, string generatedPrefix)
    {
        _ownPaths = ownPaths;
        _ownImportPath = ownImportPath;
        _preferred = preferred;
        _taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        _generatedPrefix = generatedPrefix;
    }

    public bool IsOwn(string path) => _ownPaths.Contains(path);

    /// <summary>
    /// True when a file of the target package may import the path: not a <c>main</c> package, not
    /// a vendored copy, and an <c>internal</c> package only below its parent, as Go requires.
    /// </summary>
    public bool IsImportable(string path)
    {
        if (IsOwn(path))
        {
            return true;
        }

        var elements = path.Split('/');
        if (path is "main" or "go" or "noalg" || elements.Any(e => e.Length == 0 || !e.All(IsPathChar))
            || elements[0] == "vendor" || elements.Contains("vendor"))
        {
            return false;
        }

        var internalAt = Array.IndexOf(elements, "internal");
        if (internalAt < 0)
        {
            return true;
        }

        // A top-level internal/ tree belongs to the standard library, which the target is not.
        var parent = string.Join('/', elements[..internalAt]);
        return parent.Length > 0 && _ownImportPath is { } own
            && (own == parent || own.StartsWith(parent + "/", StringComparison.Ordinal));
    }

    /// <summary>The name to qualify the path's identifiers with, importing it on first use.</summary>
    public string Use(string path)
    {
        if (IsOwn(path))
        {
            throw new InvalidOperationException($"'{path}' is the target's own package and needs no import.");
        }

        if (_aliasByPath.TryGetValue(path, out var alias))
        {
            return alias;
        }

        var wanted = _preferred.TryGetValue(path, out var preferred) ? preferred : DefaultName(path);
        alias = wanted;
        if (!Acceptable(alias))
        {
            var name = GoIdentifiers.Pascal(wanted.Length > 0 ? wanted : "pkg");
            var stem = "dodo" + name;

            // Numbered candidates of a stem outside the generated family always end the search.
            if (stem.StartsWith(_generatedPrefix, StringComparison.Ordinal))
            {
                stem = "pkg" + name;
            }

            alias = stem;
            for (var n = 2; !Acceptable(alias); n++)
            {
                alias = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        _taken.Add(alias);
        _aliasByPath[path] = alias;
        return alias;
    }

    /// <summary>The import declaration, standard library first, or empty when nothing is imported.</summary>
    public string Declaration()
    {
        if (_aliasByPath.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("import (\n");
        var groups = _aliasByPath.OrderBy(p => p.Key, StringComparer.Ordinal)
            .GroupBy(p => IsStandard(p.Key))
            .OrderByDescending(g => g.Key);
        var first = true;
        foreach (var group in groups)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            foreach (var (path, alias) in group)
            {
                var explicitName = !(IsStandard(path) && alias == path.Split('/')[^1]);
                text.Append('\t').Append(explicitName ? alias + " " : "")
                    .Append(GoStringLiteral.Quote(path)).Append('\n');
            }
        }

        return text.Append(")\n").ToString();
    }

    /// <summary>Go's convention: standard library paths have no dot in their first element.</summary>
    public static bool IsStandard(string path) => !path.Split('/')[0].Contains('.');

    /// <summary>The package name a path most likely declares (the last element without a version).</summary>
    public static string DefaultName(string path)
    {
        var elements = path.Split('/');
        var last = elements[^1];
        if (elements.Length > 1 && IsMajorVersion(last))
        {
            last = elements[^2];
        }

        var dotVersion = last.IndexOf(".v", StringComparison.Ordinal);
        if (dotVersion > 0 && IsMajorVersion(last[(dotVersion + 1)..]))
        {
            last = last[..dotVersion];
        }

        if (last.StartsWith("go-", StringComparison.Ordinal))
        {
            last = last[3..];
        }

        foreach (var suffix in (string[])["-go", ".go"])
        {
            if (last.EndsWith(suffix, StringComparison.Ordinal))
            {
                last = last[..^suffix.Length];
            }
        }

        return new string(last.Where(c => c == '_' || char.IsLetterOrDigit(c)).ToArray());
    }

    private bool Acceptable(string alias) =>
        GoIdentifiers.IsValid(alias) && !GoIdentifiers.IsReserved(alias) && !_taken.Contains(alias)
        && !alias.StartsWith(_generatedPrefix, StringComparison.Ordinal) && alias != "_";

    private static bool IsMajorVersion(string text) =>
        text.Length >= 2 && text[0] == 'v' && text[1..].All(char.IsAsciiDigit);

    private static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+';
}
