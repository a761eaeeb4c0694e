using System.CommandLine;
using Dodo.Engine.Pipeline;
using Dodo.Engine.Reports;

namespace Dodo.Cli.Commands;

/// <summary>
/// <c>dodo benchmark</c>: the main job, Loop 1. Generates the Go benchmark from production telemetry,
/// calibrates and fits it, evaluates it, and gates on the score.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = CommonOptions.Target();
        var production = CommonOptions.Files("--production", "Production CPU profiles (pprof or folded stacks).");
        var snapshots = CommonOptions.Files("--snapshots", "Datadog Live Debugger snapshot files (JSON).");
        var moduleDir = new Option<string>("--module-dir")
        {
            Description = "The Go module (folder with go.mod) holding the target.",
            DefaultValueFactory = _ => ".",
        };
        var outputDir = new Option<string>("--output-dir")
        {
            Description = "Where reports, profiles and the test binary go (default: obj/dodo in the module).",
        };
        var threshold = CommonOptions.Threshold();
        var prune = CommonOptions.Prune();
        var runs = new Option<int>("--runs") { Description = "Benchmark runs to merge.", DefaultValueFactory = _ => 3 };
        CommonOptions.Check(runs, v => v is < 1 or > 100 ? "--runs must be from 1 to 100." : null);
        var minSamples = new Option<long?>("--min-samples")
        {
            Description = "Samples wanted inside the target across all runs, which sets how long each run lasts "
                + "(default: enough for sampling noise to cost at most half of what the threshold leaves).",
        };
        CommonOptions.Check(minSamples, v => v is < 1 or > 10_000_000
            ? "--min-samples must be from 1 to 10000000."
            : null);
        var benchTime = new Option<string?>("--bench-time")
        {
            Description = "A fixed Go benchtime per run (e.g. 20s or 5000x) instead of one derived from --min-samples.",
        };
        CommonOptions.Check(benchTime, v => v is not null
            && !System.Text.RegularExpressions.Regex.IsMatch(v, @"^([1-9]\d*x|\d*[1-9]\d*(\.\d+)?s|0?\.\d*[1-9]\d*s)$")
                ? "--bench-time must be a positive duration or count, like 20s, 2.5s or 5000x."
                : null);
        var profileHz = new Option<int>("--profile-hz")
        {
            Description = "The CPU profiler's rate while the benchmark runs (Go's testing package uses 100).",
            DefaultValueFactory = _ => 1000,
        };
        CommonOptions.Check(profileHz, v => v is < 1 or > 10_000 ? "--profile-hz must be from 1 to 10000." : null);
        var fit = new Option<bool>("--fit")
        {
            Description = "Calibrate and fit the case weights and the machine state to production (the default); "
                + "--fit false evaluates the cases once each, as captured.",
            DefaultValueFactory = _ => true,
        };
        var maxEvaluations = new Option<int>("--max-evaluations")
        {
            Description = "Evaluations (of --runs runs each) Loop 1 may spend reaching the threshold.",
            DefaultValueFactory = _ => 5,
        };
        CommonOptions.Check(maxEvaluations, v => v is < 1 or > 50 ? "--max-evaluations must be from 1 to 50." : null);
        var go = new Option<string?>("--go") { Description = "The go executable (default: go on PATH)." };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose();

        var command = new Command("benchmark", "Generate the Go benchmark from production telemetry, run it, "
            + "score it against production and gate on the score (exit code 1 when below the threshold).")
        {
            target, production, snapshots, moduleDir, outputDir, threshold, prune, runs, minSamples, benchTime,
            profileHz, fit, maxEvaluations, go, json, verbose,
        };

        command.SetAction((result, cancellationToken) =>
        {
            var console = new CliConsole(output, error, result.GetValue(verbose));
            return console.RunAsync(async () =>
            {
                var module = Path.GetFullPath(result.GetValue(moduleDir)!);
                var options = new BenchmarkJobOptions
                {
                    Target = result.GetValue(target)!,
                    ProductionProfiles = result.GetValue(production)!,
                    SnapshotFiles = result.GetValue(snapshots)!,
                    ModuleDirectory = module,
                    OutputDirectory = Path.GetFullPath(
                        result.GetValue(outputDir) ?? Path.Combine(module, "obj", "dodo")),
                    Threshold = result.GetValue(threshold),
                    PrunePercent = result.GetValue(prune),
                    Runs = result.GetValue(runs),
                    MinSamples = result.GetValue(minSamples),
                    BenchTime = result.GetValue(benchTime),
                    ProfileHz = result.GetValue(profileHz),
                    Fit = result.GetValue(fit),
                    MaxEvaluations = result.GetValue(maxEvaluations),
                    GoExecutable = result.GetValue(go),
                };
                var report = await new BenchmarkJob(options, console.Log).RunAsync(cancellationToken);
                if (result.GetValue(json))
                {
                    console.WriteResult(ReportJson.Serialize(report));
                }

                return report.Score.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
            });
        });
        return command;
    }
}
