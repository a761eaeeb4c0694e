using System.Globalization;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>Which number a folded line carries.</summary>
public enum FoldedColumn
{
    /// <summary>The sample value, e.g. CPU nanoseconds.</summary>
    Value,

    /// <summary>The number of profiler samples.</summary>
    Count,
}

/// <summary>
/// Writes a profile as folded stacks with raw frame names: one line per distinct stack, root
/// first, heaviest first, lines with a zero weight left out — the form flamegraph.pl and
/// <c>go tool pprof -raw</c>-derived tooling read.
/// </summary>
public static class FoldedStackWriter
{
    public static void Write(StackProfile profile, TextWriter writer, FoldedColumn column = FoldedColumn.Value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(writer);
        var source = profile.Sources.Count > 0 ? profile.Sources[0] : null;

        // Stacks that differ only by source file print identically, so they are summed here.
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sample in profile.Samples)
        {
            var weight = column == FoldedColumn.Value ? sample.Value : sample.Count;
            if (weight == 0)
            {
                continue;
            }

            var stack = string.Join(';', sample.Frames.Select(f => Checked(f.Name, source)));
            lines[stack] = checked(lines.GetValueOrDefault(stack) + weight);
        }

        foreach (var (stack, weight) in lines
            .OrderByDescending(l => l.Value)
            .ThenBy(l => l.Key, StringComparer.Ordinal))
        {
            writer.Write(stack);
            writer.Write(' ');
            writer.Write(weight.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static string Format(StackProfile profile, FoldedColumn column = FoldedColumn.Value)
    {
        using var writer = new StringWriter();
        Write(profile, writer, column);
        return writer.ToString();
    }

    private static string Checked(string name, string? source)
    {
        // A newline or NUL inside a name would forge extra lines for whoever reads the output.
        if (name.Any(char.IsControl))
        {
            throw new DodoException(DiagnosticCodes.FrameNameNotWritable,
                $"{source ?? "profile"}: the frame name '{name.ReplaceLineEndings("⏎")}' contains a "
                + "control character and cannot be written as folded text.", source);
        }

        return name;
    }
}
