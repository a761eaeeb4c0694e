using System.Globalization;
using System.Text;

namespace Dodo.Engine.Reports;

/// <summary>report.md: the gate's verdict and the divergences as a table a reviewer can read.</summary>
public static class MarkdownReport
{
    public static string Render(GateReport report)
    {
        var score = report.Score;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Dodo benchmark report: `{Code(score.Target)}`");
        text.AppendLine();
        var verdict = score.Passed ? "**passed**" : "**failed**";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Similarity **{score.Similarity:0.0} %** against a threshold of {score.Threshold:0.##} %: {verdict}. "
            + $"Sampling noise alone costs about {score.NoiseFloor:0.0#} points "
            + $"({score.ProductionSamples:N0} production and {score.BenchmarkSamples:N0} benchmark samples "
            + $"in the target; subtrees under {score.PrunePercent:0.##} % pruned).");
        text.AppendLine();
        AppendDivergences(text, score.Divergences);
        AppendBenchmark(text, report);
        AppendStages(text, report.Stages);
        return text.ToString();
    }

    private static void AppendDivergences(StringBuilder text, IReadOnlyList<DivergenceEntry> divergences)
    {
        text.AppendLine("## Divergences");
        text.AppendLine();
        if (divergences.Count == 0)
        {
            text.AppendLine("None: the benchmark spends its time exactly where production does.");
            text.AppendLine();
            return;
        }

        text.AppendLine("Gap in percentage points of the target's time; each costs half its gap in similarity.");
        text.AppendLine();
        text.AppendLine("| kind | gap | production % | benchmark % | call path |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var d in divergences)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {d.Kind} | {d.Gap:0.00} | {d.Production:0.00} | {d.Benchmark:0.00} | `{Code(d.Path)}` |");
        }

        text.AppendLine();
    }

    private static void AppendBenchmark(StringBuilder text, GateReport report)
    {
        var benchmark = report.Benchmark;
        text.AppendLine("## Benchmark");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"`{Code(benchmark.Name)}` in `{Code(benchmark.File)}`: {benchmark.Cases} cases "
            + $"({benchmark.DroppedCases} snapshots dropped), built with {report.GoVersion} on "
            + $"{report.BenchmarkArchitecture}; production profile architecture: "
            + $"{report.ProductionArchitecture ?? "unknown"}. GC pace: {benchmark.GcPace ?? "Go's default GOGC"}.");
        text.AppendLine();
        text.AppendLine("| run | benchtime | iterations | ns/op | B/op | allocs/op | target samples | seconds |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in benchmark.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Run} | {run.BenchTime} | {run.Iterations:N0} | {run.NanosecondsPerOp:0.##} | "
                + $"{run.BytesPerOp?.ToString("0", CultureInfo.InvariantCulture) ?? "-"} | "
                + $"{run.AllocsPerOp?.ToString("0", CultureInfo.InvariantCulture) ?? "-"} | "
                + $"{run.TargetSamples:N0} | {run.Seconds:0.0} |");
        }

        text.AppendLine();
    }

    private static void AppendStages(StringBuilder text, IReadOnlyList<StageTiming> stages)
    {
        text.AppendLine("## Stages");
        text.AppendLine();
        text.AppendLine("| stage | seconds |");
        text.AppendLine("|---|---:|");
        foreach (var stage in stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {stage.Stage} | {stage.Seconds:0.00} |");
        }
    }

    // Backticks inside a code span would end it; frame names never need them.
    private static string Code(string text) => text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);
}
