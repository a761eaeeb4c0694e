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
        AppendFit(text, report.Fit);
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

        text.AppendLine("The gap is the difference in self time at the call path (for missing and extra: in the "
            + "whole subtree), in percentage points of the target's time; each costs half its gap in similarity. "
            + "The two shares beside it are the call path's inclusive time on each side.");
        text.AppendLine();
        text.AppendLine("| kind | gap | production % (incl.) | benchmark % (incl.) | call path |");
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
            + $"{report.ProductionArchitecture ?? "unknown"}. Machine state: {benchmark.Machine.Description}; "
            + $"write barriers take {report.Fit.ProductionWriteBarriers:0.00} % of the target in production and "
            + $"{report.Fit.BenchmarkWriteBarriers:0.00} % in the benchmark.");
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

    private static void AppendFit(StringBuilder text, FitReport fit)
    {
        text.AppendLine("## Fit");
        text.AppendLine();
        if (!fit.Fitted)
        {
            text.AppendLine("Not fitted (DodoFit is false): every case is called once per cycle, as captured.");
            text.AppendLine();
        }
        else
        {
            text.AppendLine("Calibration runs, each in one machine state; similarity of the cases as captured, "
                + "fitted, and fitted but scored on held-out samples (%):");
            text.AppendLine();
            text.AppendLine("| state | samples | seconds | groups | captured | fitted | held out |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var t in fit.Calibration)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {t.State} | {t.Samples:N0} | {t.Seconds:0.0} | {t.Groups} | {t.Captured:0.00} | "
                    + $"{t.Fitted:0.00} | {t.HeldOut:0.00} |");
            }

            text.AppendLine();
            text.AppendLine("Groups of alike cases and their share of the target's time (%):");
            text.AppendLine();
            text.AppendLine("| group | cases | as captured | fitted |");
            text.AppendLine("|---:|---:|---:|---:|");
            foreach (var g in fit.Groups)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {g.Group} | {g.Cases} | {g.CapturedShare:0.00} | {g.FittedShare:0.00} |");
            }

            text.AppendLine();
        }

        text.AppendLine("| evaluation | state | groups | similarity | noise floor | samples | seconds |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var e in fit.Evaluations)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {e.Evaluation} | {e.State} | {e.Groups} | {e.Similarity:0.00} | {e.NoiseFloor:0.00} | "
                + $"{e.Samples:N0} | {e.Seconds:0.0} |");
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
