using System.Globalization;
using Dodo.Engine.Benchmarks;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Fitting;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.IO;
using Dodo.Engine.Profiles;
using Dodo.Engine.Reports;
using Dodo.Engine.Scoring;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// The main job, Loop 1: production's profile and snapshots in; a Go benchmark calibrated, fitted,
/// generated, evaluated three runs at a time until it reaches the threshold or the evaluation
/// budget is spent, and gated; report.json and report.md out.
/// </summary>
public sealed class BenchmarkJob
{
    private const int DivergencesShown = 10;

    private readonly BenchmarkJobOptions _options;
    private readonly DiagnosticLog _log;
    private readonly StageClock _clock = new();

    public BenchmarkJob(BenchmarkJobOptions options, DiagnosticLog log)
    {
        _options = options;
        _log = log;
    }

    public string ReportJsonPath => Path.Combine(_options.OutputDirectory, "report.json");

    public string ReportMarkdownPath => Path.Combine(_options.OutputDirectory, "report.md");

    /// <summary>Runs the job. The returned report says whether the gate passed.</summary>
    public async Task<GateReport> RunAsync(CancellationToken cancellationToken = default)
    {
        GoWorkspace.ParseTarget(_options.Target);
        OutputFolder.Check(_options.OutputDirectory, _options.ModuleDirectory);
        Directory.CreateDirectory(_options.OutputDirectory);
        GoModule.FenceOff(_options.OutputDirectory);
        ForgetLastRun();
        var (profile, production) = _clock.Time("read production profile", ReadProduction);
        var snapshots = _clock.Time("read snapshots", ReadSnapshots);
        var workspace = await _clock.TimeAsync("inspect Go package",
            () => GoWorkspace.OpenAsync(_options, _log, cancellationToken));
        CheckArchitecture(profile, workspace);

        var wantedSamples = SampleTarget.Choose(production, _options, _log);
        var plan = new SamplePlan(wantedSamples, _options.Runs, Environment.ProcessorCount, _options.ProfileHz);
        var runner = new BenchmarkRunner(workspace.Go, _log);
        var context = new JobContext(workspace, profile, snapshots, production, runner, plan);
        var captured = await _clock.TimeAsync("generate benchmark",
            () => GenerateAsync(context, null, MachineState.Plain, null, cancellationToken));
        _log.Progress($"Dodo: generated {captured.Benchmark.BenchmarkName} with {captured.Benchmark.CaseCount} "
            + $"cases ({captured.Benchmark.DroppedCases} snapshots dropped).");

        var fit = _options.Fit
            ? await _clock.TimeAsync("calibrate", () => CalibrateAsync(context, captured, cancellationToken))
            : null;
        var evaluations = await EvaluateAsync(context, captured, fit, cancellationToken);
        var best = evaluations.MaxBy(e => e.Score.Similarity)!;

        var final = await GenerateAsync(context, best.Weights, best.State, best.Score, cancellationToken);
        if (best.Score.Passed)
        {
            final.Freeze();
        }
        else
        {
            var kept = final.Reject(Path.Combine(_options.OutputDirectory, "rejected"));
            _log.Detail($"the rejected benchmark is kept at {kept}");
        }

        var report = Report(context, final, best, fit, evaluations);
        WriteReports(report);
        Announce(report);
        return report;
    }

    /// <summary>
    /// Removes the last run's reports and rejected benchmark: a run that stops with an error must not
    /// leave an older verdict behind for a pipeline to read.
    /// </summary>
    private void ForgetLastRun()
    {
        File.Delete(ReportJsonPath);
        File.Delete(ReportMarkdownPath);
        var rejected = Path.Combine(_options.OutputDirectory, "rejected");
        if (Directory.Exists(rejected))
        {
            Directory.Delete(rejected, recursive: true);
        }
    }

    private (StackProfile Profile, CallTree Tree) ReadProduction()
    {
        var profile = ProfileReader.ReadAll(_options.ProductionProfiles, _log);
        var tree = CallTree.Build(profile, _options.Target, _log);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: production: {tree.Target} takes {tree.TargetShare * 100:0.0} % of the profile, "
            + $"{tree.TargetCount:N0} samples, from {profile.Sources.Count} file(s), "
            + $"architecture {profile.Architecture ?? "unknown"}."));
        return (profile, tree);
    }

    private SnapshotSet ReadSnapshots()
    {
        var snapshots = SnapshotReader.ReadAll(_options.SnapshotFiles, _log);
        _log.Progress($"Dodo: snapshots: {snapshots.Snapshots.Count} invocations "
            + $"({snapshots.DuplicatesDropped} duplicates and {snapshots.WithoutCaptures} without captures skipped).");
        return snapshots;
    }

    private void CheckArchitecture(StackProfile profile, GoWorkspace workspace)
    {
        if (profile.Architecture is { } production && production != workspace.Go.GoArch)
        {
            _log.Warning(DiagnosticCodes.ArchitectureMismatch,
                $"The production profile comes from {production} but the benchmark runs on {workspace.Go.GoArch}; "
                + "architecture-specific frames are aliased, but inlining and runtime costs may still differ.");
        }
    }

    /// <summary>
    /// The calibration build of the benchmark as captured, run in a few machine states; the best
    /// state with its fitted case weights.
    /// </summary>
    private async Task<CalibrationTrial> CalibrateAsync(JobContext context, BenchmarkFile captured,
        CancellationToken cancellationToken)
    {
        var benchmark = captured.Benchmark;
        var binary = Path.Combine(_options.OutputDirectory, "bin", benchmark.BenchmarkName + ".calibration.test");
        await context.Runner.CompileAsync(context.Workspace.PackageDirectory, binary,
            captured.Overlay(calibration: true), cancellationToken);

        context.Plan.MinimumIterations = benchmark.ScheduleLength;
        var search = new CalibrationSearch(context.Runner, _options, _log);
        var best = await search.RunAsync(binary, context.Workspace.PackageDirectory, benchmark.BenchmarkName,
            benchmark.CalibrationCallPrefix, benchmark.CaseCount, benchmark.CaseReceivers, context.Production,
            context.Plan, cancellationToken);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: calibration chose {best.State.Name} and {best.Groups} group(s) of cases: "
            + $"{best.HeldOutSimilarity:0.0} % expected on fresh samples ({best.PriorSimilarity:0.0} % as captured)."));
        var leftOut = best.Fit.ScaleWeights(Enumerable.Repeat(1, benchmark.CaseCount).ToList()).Count(w => w == 0);
        if (leftOut > 0)
        {
            _log.Progress($"Dodo: the fitted mix leaves out {leftOut} of the {benchmark.CaseCount} cases: their "
                + "group's share of time was fitted to nothing, production's tree is matched best without it "
                + "(DodoFit=false keeps every case).");
        }

        return best with { AllTrials = search.Trials, CaseSnapshots = benchmark.CaseSnapshots };
    }

    /// <summary>
    /// Evaluations of the fitted benchmark, three runs each; after one that falls short, the fit is
    /// corrected by what was measured and evaluated again, while the budget lasts and the correction
    /// is expected to reach the threshold.
    /// </summary>
    private async Task<IReadOnlyList<Evaluation>> EvaluateAsync(JobContext context, BenchmarkFile captured,
        CalibrationTrial? fit, CancellationToken cancellationToken)
    {
        var evaluations = new List<Evaluation>();
        var weightFit = fit?.Fit;
        var state = fit?.State ?? MachineState.Plain;
        for (var number = 1; number <= _options.MaxEvaluations; number++)
        {
            var weights = fit is null ? null : SnapshotWeights(context, fit, weightFit!);
            var file = number == 1 && fit is null
                ? captured
                : await GenerateAsync(context, weights, state, null, cancellationToken);
            var evaluation = await _clock.TimeAsync($"evaluation {number}",
                () => EvaluateOnceAsync(context, file, number, weights, state, weightFit, cancellationToken));
            evaluations.Add(evaluation);
            if (evaluation.Score.Passed || fit is null || number == _options.MaxEvaluations)
            {
                break;
            }

            var measured = fit.Index.Project(evaluation.Tree);
            var (refit, gain) = WeightFit.Refit(weightFit!, fit.Index.Production, fit.CaseCounts, measured);
            var expected = evaluation.Score.Similarity + (100 * gain);
            if (expected < _options.Threshold)
            {
                _log.Progress(string.Create(CultureInfo.InvariantCulture,
                    $"Dodo: refitting on what evaluation {number} measured would reach about {expected:0.0} %, "
                    + $"short of the threshold; no further evaluation."));
                break;
            }

            _log.Progress(string.Create(CultureInfo.InvariantCulture,
                $"Dodo: refitted on what evaluation {number} measured: about {expected:0.0} % expected."));
            weightFit = refit;
        }

        return evaluations;
    }

    private async Task<Evaluation> EvaluateOnceAsync(JobContext context, BenchmarkFile file, int number,
        IReadOnlyList<int>? weights, MachineState state, WeightFitResult? fit, CancellationToken cancellationToken)
    {
        var benchmark = file.Benchmark;
        var binary = Path.Combine(_options.OutputDirectory, "bin", benchmark.BenchmarkName + ".test");
        await context.Runner.CompileAsync(context.Workspace.PackageDirectory, binary,
            file.Overlay(calibration: false), cancellationToken);

        context.Plan.Restart();
        context.Plan.MinimumIterations = benchmark.ScheduleLength;
        _log.Progress($"Dodo: evaluation {number}: the benchmark runs until it has about "
            + $"{context.Plan.WantedSamples:N0} samples inside the target "
            + $"({_options.Runs} runs at {_options.ProfileHz} Hz).");
        var runs = await new BenchmarkSeries(context.Runner, _options, _log).RunAsync(binary,
            context.Workspace.PackageDirectory, benchmark.BenchmarkName, $"evaluation{number}", context.Production,
            context.Plan, cancellationToken);
        var tree = CallTree.Build(StackProfile.Merge(runs.Select(r => r.Profile).ToList()), context.Production.Target);
        var result = SimilarityScore.Compare(context.Production, tree, _options.PrunePercent);
        var score = ScoreReport.From(context.Production.Target, result, _options.Threshold, _options.PrunePercent);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: evaluation {number}: similarity {score.Similarity:0.0} % "
            + $"(sampling noise ≈ {score.NoiseFloor:0.0#} points)."));
        return new Evaluation(number, score, tree, runs, weights, state, fit);
    }

    /// <summary>The fitted weight of every snapshot of the set; snapshots that are no case get 0.</summary>
    private static int[] SnapshotWeights(JobContext context, CalibrationTrial trial, WeightFitResult fit)
    {
        var caseWeights = fit.ScaleWeights(Enumerable.Repeat(1, trial.CaseSnapshots.Count).ToList());
        var weights = new int[context.Snapshots.Snapshots.Count];
        for (var k = 0; k < caseWeights.Length; k++)
        {
            weights[trial.CaseSnapshots[k]] = caseWeights[k];
        }

        return weights;
    }

    private async Task<BenchmarkFile> GenerateAsync(JobContext context, IReadOnlyList<int>? weights,
        MachineState state, ScoreReport? score, CancellationToken cancellationToken)
    {
        var provenance = new BenchmarkProvenance(
            _options.ProductionProfiles.Select(context.Workspace.DisplayPath).ToList(),
            _options.SnapshotFiles.Select(context.Workspace.DisplayPath).ToList(),
            _options.Target,
            context.Profile.Architecture,
            weights is null ? "as captured: every case once per cycle" : DescribeWeights(weights),
            score?.Similarity,
            _options.Threshold,
            state.Describe());

        // Only the first generation reports case losses; later ones replay the same snapshots.
        var log = context.Generations++ == 0 ? _log : new DiagnosticLog();
        var generated = BenchmarkFileWriter.Generate(context.Workspace.Package, context.Snapshots, provenance, log,
            weights, state);
        return await BenchmarkFile.FormatAsync(context.Workspace, generated, cancellationToken);
    }

    private static string DescribeWeights(IReadOnlyList<int> weights)
    {
        var used = weights.Where(w => w > 0).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"fitted to production's call tree: {used.Count} of the {weights.Count} snapshots, {used.Min()} to "
            + $"{used.Max()} calls per cycle of {used.Sum()}");
    }

    private GateReport Report(JobContext context, BenchmarkFile final, Evaluation best, CalibrationTrial? fit,
        IReadOnlyList<Evaluation> evaluations)
    {
        var benchmark = final.Benchmark;
        var entry = new BenchmarkEntry(
            context.Workspace.DisplayPath(final.Path),
            benchmark.BenchmarkName,
            benchmark.CaseCount,
            benchmark.DroppedCases,
            MachineEntry.From(best.State),
            best.Runs.Select(r => r.Entry).ToList());
        return new GateReport(
            best.Score,
            entry,
            FitReport.From(fit, best.Fit, evaluations.Select(e => e.Entry).ToList(), GcShares(context, best)),
            _options.ProductionProfiles.Select(Path.GetFullPath).ToList(),
            _options.SnapshotFiles.Select(Path.GetFullPath).ToList(),
            context.Profile.Architecture,
            context.Workspace.Go.GoArch,
            context.Workspace.Go.Version,
            _clock.Stages,
            DateTimeOffset.UtcNow);
    }

    private static (double Production, double Benchmark) GcShares(JobContext context, Evaluation best) =>
        (100 * WriteBarriers.Share(context.Production), 100 * WriteBarriers.Share(best.Tree));

    private void WriteReports(GateReport report)
    {
        AtomicFile.WriteAllText(ReportJsonPath, ReportJson.Serialize(report));
        AtomicFile.WriteAllText(ReportMarkdownPath, MarkdownReport.Render(report));
    }

    private void Announce(GateReport report)
    {
        var score = report.Score;
        var noiseCeiling = 100 - score.NoiseFloor;
        if (noiseCeiling < score.Threshold + 0.5)
        {
            _log.Warning(DiagnosticCodes.NoiseFloorTooHigh, string.Create(CultureInfo.InvariantCulture,
                $"Sampling noise alone costs about {score.NoiseFloor:0.0#} points, so even a faithful benchmark "
                + $"would score near {noiseCeiling:0.0} %; merge more production profiles or raise DodoMinSamples."));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{score.Target}: similarity {score.Similarity:0.0} % (threshold {score.Threshold:0.##} %, "
            + $"sampling noise ≈ {score.NoiseFloor:0.0#} points)");
        if (score.Passed)
        {
            _log.Progress($"Dodo: {summary}; benchmark frozen in {report.Benchmark.File}.");
        }
        else
        {
            _log.Error(DiagnosticCodes.GateFailed,
                $"{summary} is below the threshold; the benchmark does not behave like production. "
                + $"Top divergences follow; all of them are in {ReportMarkdownPath}.");
            foreach (var divergence in score.Divergences.Take(DivergencesShown))
            {
                _log.Progress(divergence.ToDisplayLine());
            }
        }

        _log.Progress($"Dodo: report: {ReportJsonPath}");
        _log.Progress($"Dodo: report: {ReportMarkdownPath}");
    }

    /// <summary>What every stage of one job works with.</summary>
    private sealed class JobContext(GoWorkspace workspace, StackProfile profile, SnapshotSet snapshots,
        CallTree production, BenchmarkRunner runner, SamplePlan plan)
    {
        public GoWorkspace Workspace { get; } = workspace;

        public StackProfile Profile { get; } = profile;

        public SnapshotSet Snapshots { get; } = snapshots;

        public CallTree Production { get; } = production;

        public BenchmarkRunner Runner { get; } = runner;

        public SamplePlan Plan { get; } = plan;

        public int Generations { get; set; }
    }

    /// <summary>One evaluation: its score, the merged tree and runs, and what was evaluated.</summary>
    private sealed record Evaluation(int Number, ScoreReport Score, CallTree Tree, IReadOnlyList<SeriesRun> Runs,
        IReadOnlyList<int>? Weights, MachineState State, WeightFitResult? Fit)
    {
        public EvaluationEntry Entry => new(Number, Score.Similarity, Score.NoiseFloor, Score.BenchmarkSamples,
            State.Name, Fit?.GroupCount ?? 1, Runs.Sum(r => r.Run.Elapsed.TotalSeconds));
    }
}
