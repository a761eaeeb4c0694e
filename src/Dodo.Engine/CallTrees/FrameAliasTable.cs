using System.Text.RegularExpressions;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// Rule N3: maps frame names that differ only by architecture, OS or Go version onto one
/// canonical name. Rows are data (<see cref="FrameAliasCatalog"/>, or a user's own table in the
/// same format): <c>set from to</c>, where <c>from</c> is an exact name or, starting with
/// <c>^</c>, an anchored regular expression whose groups <c>to</c> may use as <c>$1</c>.
/// </summary>
public sealed class FrameAliasTable
{
    // A rewritten name may match another row (a kernel pattern, then a package rename), but
    // a table must not send names round in circles.
    private const int MaxRewrites = 4;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, string Replacement)> _patterns = [];

    private FrameAliasTable()
    {
    }

    /// <summary>The rows of go-frame-normalization.md §3–§5 that ship with Dodo.Build.</summary>
    public static FrameAliasTable BuiltIn(FrameAliasSet sets) =>
        Parse(FrameAliasCatalog.Rows, "built-in frame alias catalog", sets);

    /// <param name="source">Names the table in errors.</param>
    /// <param name="sets">Only rows of these sets are loaded.</param>
    public static FrameAliasTable Parse(string text, string source, FrameAliasSet sets)
    {
        var table = new FrameAliasTable();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !TryParseSet(parts[0], out var set))
            {
                throw Invalid(source, lineNumber, "expected 'set from to' with set "
                    + "architecture, os or goversion");
            }

            if ((sets & set) != 0)
            {
                table.Add(parts[1], parts[2], source, lineNumber);
            }
        }

        return table;
    }

    /// <summary>The canonical name, or <paramref name="name"/> itself when no row applies.</summary>
    public string Apply(string name)
    {
        var current = name;
        for (var i = 0; i < MaxRewrites; i++)
        {
            var next = Rewrite(current);
            if (next is null || next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private string? Rewrite(string name)
    {
        if (_exact.TryGetValue(name, out var canonical))
        {
            return canonical;
        }

        foreach (var (pattern, replacement) in _patterns)
        {
            var match = pattern.Match(name);
            if (match.Success && match.Result(replacement) is var rewritten && rewritten != name)
            {
                return rewritten;
            }
        }

        return null;
    }

    private void Add(string from, string to, string source, int lineNumber)
    {
        if (!from.StartsWith('^'))
        {
            _exact[from] = to;
            return;
        }

        try
        {
            // Names are attacker-controlled; the non-backtracking engine keeps matching linear.
            var pattern = new Regex(from, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            _patterns.Add((pattern, to));
        }
        catch (ArgumentException e)
        {
            throw Invalid(source, lineNumber, $"'{from}' is not a valid regular expression: {e.Message}");
        }
    }

    private static bool TryParseSet(string text, out FrameAliasSet set)
    {
        set = text.ToLowerInvariant() switch
        {
            "architecture" or "arch" => FrameAliasSet.Architecture,
            "os" => FrameAliasSet.OperatingSystem,
            "goversion" => FrameAliasSet.GoVersion,
            _ => FrameAliasSet.None,
        };
        return set != FrameAliasSet.None;
    }

    private static DodoException Invalid(string source, int line, string what) =>
        new(DiagnosticCodes.AliasTableInvalid, $"{source}({line}): {what}.", source, line);
}
