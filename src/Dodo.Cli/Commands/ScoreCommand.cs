using System.CommandLine;
using System.Globalization;
using System.Text;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;
using Dodo.Engine.Reports;
using Dodo.Engine.Scoring;

namespace Dodo.Cli.Commands;

/// <summary><c>dodo score</c>: the similarity of a benchmark's profile to production's, with divergences.</summary>
public static class ScoreCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var production = CommonOptions.Files("--production", "Production profiles (pprof or folded stacks).");
        var benchmark = CommonOptions.Files("--benchmark", "Benchmark profiles (pprof or folded stacks).");
        var target = CommonOptions.Target();
        var prune = CommonOptions.Prune();
        var threshold = CommonOptions.Threshold();
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose();
        var command = new Command("score", "Score a benchmark's call tree against production's; exit code 1 "
            + "when the similarity is below the threshold.")
        {
            production, benchmark, target, prune, threshold, json, verbose,
        };

        command.SetAction((result, cancellationToken) =>
        {
            var console = new CliConsole(output, error, result.GetValue(verbose));
            return console.RunAsync(() =>
            {
                var symbol = result.GetValue(target)!;
                var productionTree = CallTree.Build(
                    ProfileReader.ReadAll(result.GetValue(production)!, console.Log), symbol, console.Log);
                var benchmarkTree = CallTree.Build(
                    ProfileReader.ReadAll(result.GetValue(benchmark)!, console.Log), symbol, console.Log);
                var similarity = SimilarityScore.Compare(productionTree, benchmarkTree, result.GetValue(prune));
                var report = ScoreReport.From(productionTree.Target, similarity, result.GetValue(threshold),
                    result.GetValue(prune));

                console.WriteResult(result.GetValue(json) ? ReportJson.Serialize(report) : RenderText(report));
                return Task.FromResult(report.Passed ? ExitCodes.Success : ExitCodes.GateFailed);
            });
        });
        return command;
    }

    private static string RenderText(ScoreReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.Target}: similarity {report.Similarity:0.00} % (threshold {report.Threshold:0.##} %, "
            + $"{(report.Passed ? "passed" : "failed")}); sampling noise ≈ {report.NoiseFloor:0.00} points "
            + $"({report.ProductionSamples:N0} production, {report.BenchmarkSamples:N0} benchmark samples).");
        foreach (var divergence in report.Divergences)
        {
            text.AppendLine(divergence.ToDisplayLine());
        }

        return text.ToString().TrimEnd();
    }
}
