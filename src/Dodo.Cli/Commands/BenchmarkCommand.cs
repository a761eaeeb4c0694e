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
        runs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--runs must be from 1 to 100.");
            }
        });
        var minSamples = new Option<long?>("--min-samples")
        {
            Description = "Samples wanted inside the target across all runs, which sets how long each run lasts "
                + "(default: enough for sampling noise to cost at most half of what the threshold leaves).",
        };
        minSamples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is < 1 or > 10_000_000)
            {
                r.AddError("--min-samples must be from 1 to 10000000.");
            }
        });
        var benchTime = new Option<string?>("--bench-time")
        {
            Description = "A fixed Go benchtime per run (e.g. 20s or 5000x) instead of one derived from --min-samples.",
        };
        benchTime.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && !System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d+(\.\d+)?(s|x)$"))
            {
                r.AddError("--bench-time must look like 20s, 2.5s or 5000x.");
            }
        });
        var profileHz = new Option<int>("--profile-hz")
        {
            Description = "The CPU profiler's rate while the benchmark runs (Go's testing package uses 100).",
            DefaultValueFactory = _ => 1000,
        };
        profileHz.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--profile-hz must be from 1 to 10000.");
            }
        });
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
        maxEvaluations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 50)
            {
                r.AddError("--max-evaluations must be from 1 to 50.");
            }
        });
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
