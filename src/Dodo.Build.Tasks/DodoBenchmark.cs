using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dodo.Build.Tasks;

/// <summary>
/// Builds a Go benchmark from production telemetry, runs it, scores its call tree against
/// production's and fails the build when the similarity is below the threshold.
/// </summary>
public sealed class DodoBenchmark : DodoToolTask
{
    /// <summary>
    /// The Go function or method to benchmark, for example <c>example.com/svc/tags.(*Filter).Apply</c>.
    /// </summary>
    [Required]
    public string Target { get; set; } = "";

    /// <summary>Production CPU profiles (pprof or folded stacks); several are merged.</summary>
    [Required]
    public ITaskItem[] ProductionProfiles { get; set; } = [];

    /// <summary>Datadog Live Debugger snapshot files holding real invocations of the target.</summary>
    [Required]
    public ITaskItem[] Snapshots { get; set; } = [];

    /// <summary>The Go module folder (holding go.mod), or a folder inside it.</summary>
    [Required]
    public string ModuleDirectory { get; set; } = "";

    /// <summary>Where reports, profiles and the compiled test binary go (never the package folder).</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>Minimum similarity in percent for the gate to pass.</summary>
    public string? Threshold { get; set; }

    /// <summary>Subtrees below this share of the target's time, in percent, are pruned.</summary>
    public string? PrunePercent { get; set; }

    /// <summary>How many times the benchmark runs; the profiles are merged.</summary>
    public string? Runs { get; set; }

    /// <summary>Samples wanted inside the target across all runs; empty derives it from the threshold.</summary>
    public string? MinSamples { get; set; }

    /// <summary>A fixed Go benchtime per run (for example <c>20s</c>) instead of one derived from MinSamples.</summary>
    public string? BenchTime { get; set; }

    /// <summary>The CPU profiler's rate while the benchmark runs, in Hz.</summary>
    public string? ProfileHz { get; set; }

    /// <summary><c>false</c> evaluates the cases as captured instead of fitting weights and machine state.</summary>
    public string? Fit { get; set; }

    /// <summary>Evaluations Loop 1 may spend reaching the threshold.</summary>
    public string? MaxEvaluations { get; set; }

    /// <summary>The go executable; empty means <c>go</c> on PATH.</summary>
    public string? GoExecutable { get; set; }

    /// <summary>Path of report.json, for targets that run after this one.</summary>
    [Output]
    public string ReportPath { get; private set; } = "";

    protected override string Command => "benchmark";

    public override bool Execute()
    {
        ReportPath = Path.Combine(OutputDirectory, "report.json");
        return base.Execute();
    }

    protected override void AppendArguments(CommandLineBuilder builder)
    {
        builder.AppendSwitchIfNotNull("--target ", Target);
        foreach (var profile in ProductionProfiles)
        {
            builder.AppendSwitchIfNotNull("--production ", profile.GetMetadata("FullPath"));
        }

        foreach (var snapshots in Snapshots)
        {
            builder.AppendSwitchIfNotNull("--snapshots ", snapshots.GetMetadata("FullPath"));
        }

        builder.AppendSwitchIfNotNull("--module-dir ", ModuleDirectory);
        builder.AppendSwitchIfNotNull("--output-dir ", OutputDirectory);
        AppendIfSet(builder, "--threshold ", Threshold);
        AppendIfSet(builder, "--prune ", PrunePercent);
        AppendIfSet(builder, "--runs ", Runs);
        AppendIfSet(builder, "--min-samples ", MinSamples);
        AppendIfSet(builder, "--bench-time ", BenchTime);
        AppendIfSet(builder, "--profile-hz ", ProfileHz);
        AppendIfSet(builder, "--fit ", Fit);
        AppendIfSet(builder, "--max-evaluations ", MaxEvaluations);
        AppendIfSet(builder, "--go ", GoExecutable);
    }

    private static void AppendIfSet(CommandLineBuilder builder, string option, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.AppendSwitchIfNotNull(option, value.Trim().ToString(CultureInfo.InvariantCulture));
        }
    }
}
