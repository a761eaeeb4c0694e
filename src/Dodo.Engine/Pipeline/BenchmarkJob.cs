using System.Globalization;
using Dodo.Engine.Benchmarks;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.IO;
using Dodo.Engine.Profiles;
using Dodo.Engine.Reports;
using Dodo.Engine.Scoring;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// The main job: a production profile and snapshots in; a Go benchmark generated, run three times,
/// scored against production and gated; report.json and report.md out.
/// </summary>
public sealed class BenchmarkJob
{
    private const int DivergencesShown = 10;
    private const string Weights = "uniform: every case once per cycle";

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
        Directory.CreateDirectory(_options.OutputDirectory);
        GoModule.FenceOff(_options.OutputDirectory);
        var (profile, tree) = _clock.Time("read production profile", ReadProduction);
        var snapshots = _clock.Time("read snapshots", ReadSnapshots);
        var workspace = await _clock.TimeAsync("inspect Go package",
            () => GoWorkspace.OpenAsync(_options, _log, cancellationToken));
        CheckArchitecture(profile, workspace);

        var generated = _clock.Time("generate benchmark", () => Generate(workspace, profile, snapshots, null));
        var file = await BenchmarkFile.WriteAsync(workspace, generated, cancellationToken);
        _log.Progress($"Dodo: wrote {workspace.DisplayPath(file.Path)}: {generated.BenchmarkName} with "
            + $"{generated.CaseCount} cases ({generated.DroppedCases} snapshots dropped).");

        var wantedSamples = SampleTarget.Choose(tree, _options, _log);
        SeriesResult series;
        try
        {
            series = await MeasureAsync(workspace, generated, tree, wantedSamples, cancellationToken);
        }
        catch
        {
            file.Reject(Path.Combine(_options.OutputDirectory, "rejected"));
            throw;
        }

        var result = _clock.Time("score", () => SimilarityScore.Compare(tree,
            BenchmarkTree(series.Runs, tree.Target), _options.PrunePercent));
        var score = ScoreReport.From(tree.Target, result, _options.Threshold, _options.PrunePercent);
        if (score.Passed)
        {
            var scored = Generate(workspace, profile, snapshots, score.Similarity, series.GcPaceNote);
            await file.ReplaceAsync(scored, cancellationToken);
        }
        else
        {
            var kept = file.Reject(Path.Combine(_options.OutputDirectory, "rejected"));
            _log.Detail($"the rejected benchmark is kept at {kept}");
        }

        var report = new GateReport(
            score,
            new BenchmarkEntry(workspace.DisplayPath(file.Path), generated.BenchmarkName, generated.CaseCount,
                generated.DroppedCases, series.Gogc, series.GcPaceNote, series.Runs.Select(r => r.Entry).ToList()),
            _options.ProductionProfiles.Select(Path.GetFullPath).ToList(),
            _options.SnapshotFiles.Select(Path.GetFullPath).ToList(),
            profile.Architecture,
            workspace.Go.GoArch,
            workspace.Go.Version,
            _clock.Stages,
            DateTimeOffset.UtcNow);
        WriteReports(report);
        Announce(report);
        return report;
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

    private GeneratedBenchmark Generate(GoWorkspace workspace, StackProfile profile, SnapshotSet snapshots,
        double? similarity, string? gcPace = null)
    {
        var provenance = new BenchmarkProvenance(
            _options.ProductionProfiles.Select(workspace.DisplayPath).ToList(),
            _options.SnapshotFiles.Select(workspace.DisplayPath).ToList(),
            _options.Target,
            profile.Architecture,
            Weights,
            similarity,
            _options.Threshold,
            gcPace);

        // Only the first generation reports case losses; the second differs in its comment only.
        var log = similarity is null ? _log : new DiagnosticLog();
        return BenchmarkFileWriter.Generate(workspace.Package, snapshots, provenance, log);
    }

    private async Task<SeriesResult> MeasureAsync(GoWorkspace workspace, GeneratedBenchmark generated,
        CallTree production, long wantedSamples, CancellationToken cancellationToken)
    {
        var binary = Path.Combine(_options.OutputDirectory, "bin", generated.BenchmarkName + ".test");
        var runner = new BenchmarkRunner(workspace.Go, _log);
        await _clock.TimeAsync("compile benchmark", async () =>
        {
            await runner.CompileAsync(workspace.PackageDirectory, binary, cancellationToken);
            return true;
        });

        var series = new BenchmarkSeries(runner, _options, _log);
        _log.Progress($"Dodo: the benchmark runs until it has about {wantedSamples:N0} samples inside the target "
            + $"({_options.Runs} runs at {_options.ProfileHz} Hz).");
        return await _clock.TimeAsync("run benchmark", () => series.RunAsync(binary, workspace.PackageDirectory,
            generated.BenchmarkName, production, wantedSamples, cancellationToken));
    }

    private static CallTree BenchmarkTree(IReadOnlyList<SeriesRun> runs, string canonicalTarget) =>
        CallTree.Build(StackProfile.Merge(runs.Select(r => r.Profile).ToList()), canonicalTarget);

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
}
