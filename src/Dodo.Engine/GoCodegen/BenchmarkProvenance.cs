using System.Globalization;
using System.Text;
using Dodo.Engine.Benchmarks;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Where a generated benchmark comes from, written into its header comment: the production
/// profiles and snapshots, the target, production's architecture, how cases are weighted, the
/// similarity reached so far (in percent; null before the first scoring), and the machine state
/// the benchmark reproduces. It holds no timestamp, so regenerating from the same telemetry gives
/// the same file.
/// </summary>
public sealed record BenchmarkProvenance(
    IReadOnlyList<string> ProfileSources,
    IReadOnlyList<string> SnapshotSources,
    string Target,
    string? Architecture,
    string Weights,
    double? Similarity,
    double Threshold,
    string? Machine = null)
{
    private const int MaxLength = 160;

    /// <summary>The comment lines (without <c>//</c>), every value made safe for a Go line comment.</summary>
    internal IReadOnlyList<string> CommentLines(int caseCount)
    {
        var similarity = Similarity is { } reached
            ? $"{Percent(reached)} (threshold {Percent(Threshold)})"
            : $"not yet scored (threshold {Percent(Threshold)})";
        return
        [
            $"target:     {Sanitize(Target)}",
            $"profiles:   {List(ProfileSources)}",
            $"snapshots:  {List(SnapshotSources)} ({Cases(caseCount)})",
            $"production: {(Architecture is { Length: > 0 } arch ? Sanitize(arch) : "unknown")}",
            $"weights:    {Sanitize(Weights)}",
            $"similarity: {similarity}",
            $"machine:    {Sanitize(Machine ?? MachineState.Plain.Describe())}",
        ];
    }

    /// <summary>
    /// Makes text safe inside a <c>//</c> comment: no line breaks or other control and format
    /// characters (which could end the comment or reorder what a reader sees), bounded length.
    /// </summary>
    internal static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "none";
        }

        var clean = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var visible = category is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
            clean.Append(visible ? rune.ToString() : " ");
            if (clean.Length > MaxLength)
            {
                return clean.ToString(0, MaxLength).TrimEnd() + "…";
            }
        }

        return string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string List(IReadOnlyList<string> sources) =>
        sources.Count == 0 ? "none" : Sanitize(string.Join(", ", sources.Select(Path.GetFileName)));

    private static string Cases(int count) =>
        count == 1 ? "1 case" : count.ToString(CultureInfo.InvariantCulture) + " cases";

    private static string Percent(double percent) =>
        percent.ToString("0.0##", CultureInfo.InvariantCulture) + " %";
}
