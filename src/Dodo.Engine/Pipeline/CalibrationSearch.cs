using System.Globalization;
using Dodo.Engine.Benchmarks;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Fitting;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Pipeline;

/// <summary>One calibration run: the machine state it ran in and the weight fit its profile gave.</summary>
public sealed record CalibrationTrial(MachineState State, long Samples, double Seconds, int Groups,
    double PriorSimilarity, double FittedSimilarity, double HeldOutSimilarity)
{
    internal WeightFitResult Fit { get; init; } = null!;

    internal IReadOnlyList<long[]> CaseCounts { get; init; } = [];

    internal CallPathIndex Index { get; init; } = null!;

    /// <summary>Every trial of the search this one won, for the report.</summary>
    internal IReadOnlyList<CalibrationTrial> AllTrials { get; init; } = [];

    /// <summary>The position in the snapshot set of every case the trial ran.</summary>
    internal IReadOnlyList<int> CaseSnapshots { get; init; } = [];
}

/// <summary>
/// Loop 1's calibration: runs the calibration build of the benchmark (every case behind a frame of
/// its own) in a few machine states, fits the case weights to production in each, and keeps the
/// state whose fit scores best on held-out samples. The states form a ladder from a warm working
/// set (few cases in play, each called many times) to a cold one (many copies of the cases), and
/// the search climbs it from two starting rungs far apart (a plain cycle and a warm window) towards
/// whichever neighbour scores better; then it climbs a ladder of heap sizes the same way.
/// </summary>
public sealed class CalibrationSearch
{
    // Enough samples per trial for cases to group and for states a point apart to be told apart.
    private const long MinimumTrialSamples = 6000;
    private const long SamplesPerCase = 20;
    private const long MaximumTrialSamples = 20_000;

    // Gains below this (in points) are noise between trials, not a better state.
    private const double MinimumGain = 0.1;

    private const long Mebibyte = 1L << 20;

    /// <summary>
    /// Working sets from warm to cold: a few cases in play, each called a thousand times (recurring
    /// inputs: the caches and the branch predictor learn them), then wider windows with fewer
    /// repeats, a cycle through every case, and cycles through copies of them (inputs never seen
    /// twice in a while).
    /// </summary>
    private static readonly (int Window, int Repeats, int Copies)[] WorkingSets =
    [
        (4, 1024, 1), (16, 1024, 1), (64, 256, 1), (256, 64, 1), (0, 0, 1), (0, 0, 4), (0, 0, 16),
    ];

    /// <summary>
    /// Heaps beside the cases: none leaves the GC pacing itself by the benchmark's own few hundred
    /// kilobytes, which makes it mark almost all the time; a service's heap makes it mark less often.
    /// </summary>
    private static readonly long[] Heaps = [0, 2 * Mebibyte, 8 * Mebibyte, 32 * Mebibyte, 128 * Mebibyte];

    private const int StartHeap = 2;

    private readonly BenchmarkRunner _runner;
    private readonly BenchmarkJobOptions _options;
    private readonly DiagnosticLog _log;
    private readonly List<CalibrationTrial> _trials = [];

    public CalibrationSearch(BenchmarkRunner runner, BenchmarkJobOptions options, DiagnosticLog log)
    {
        _runner = runner;
        _options = options;
        _log = log;
    }

    /// <summary>Every trial so far, in the order they ran.</summary>
    public IReadOnlyList<CalibrationTrial> Trials => _trials;

    /// <summary>Runs the search and returns the best trial.</summary>
    /// <param name="callPrefix">The calibration functions' name without the case number.</param>
    /// <param name="kinds">Which receiver each case was called on, for a method; empty otherwise.</param>
    public async Task<CalibrationTrial> RunAsync(string binary, string packageDirectory, string benchmarkName,
        string callPrefix, int caseCount, IReadOnlyList<int> kinds, CallTree production, SamplePlan plan,
        CancellationToken cancellationToken)
    {
        var samples = Math.Clamp(SamplesPerCase * caseCount, MinimumTrialSamples, MaximumTrialSamples);
        var cases = new CaseSet(callPrefix, caseCount, kinds);
        Task<CalibrationTrial> Try(MachineState state) => TrialAsync(state, binary, packageDirectory,
            benchmarkName, cases, production, plan, samples, cancellationToken);

        // The heap is held at a service's size while the working set is chosen: without it the GC's
        // pace swings from run to run and drowns the working set's effect.
        var heap = Heaps[StartHeap];
        var working = await ClimbAsync(WorkingSets.Length, [Array.IndexOf(WorkingSets, (0, 0, 1)), 1],
            rung => Try(new MachineState(WorkingSets[rung].Window, WorkingSets[rung].Repeats, WorkingSets[rung].Copies,
                heap, 0)));
        var state = working.State;
        return await ClimbAsync(Heaps.Length, [StartHeap],
            rung => rung == StartHeap ? Task.FromResult(working) : Try(state with { BallastBytes = Heaps[rung] }));
    }

    /// <summary>
    /// Scores the starting rungs of a ladder, then the neighbours of the best rung so far, until no
    /// neighbour is better by more than the noise between trials; returns the best trial.
    /// </summary>
    private static async Task<CalibrationTrial> ClimbAsync(int rungs, int[] starts,
        Func<int, Task<CalibrationTrial>> trial)
    {
        var scored = new Dictionary<int, CalibrationTrial>();
        foreach (var rung in starts)
        {
            scored[rung] = await trial(rung);
        }

        while (true)
        {
            var best = scored.MaxBy(t => t.Value.HeldOutSimilarity).Key;
            var next = new[] { best - 1, best + 1 }.Where(r => r >= 0 && r < rungs && !scored.ContainsKey(r)).ToList();
            foreach (var rung in next)
            {
                scored[rung] = await trial(rung);
            }

            if (next.All(r => scored[r].HeldOutSimilarity < scored[best].HeldOutSimilarity + MinimumGain))
            {
                return scored[best];
            }
        }
    }

    private async Task<CalibrationTrial> TrialAsync(MachineState state, string binary, string packageDirectory,
        string benchmarkName, CaseSet cases, CallTree production, SamplePlan plan, long samples,
        CancellationToken cancellationToken)
    {
        var number = _trials.Count + 1;
        var benchTime = plan.BenchTimeFor(samples);
        var profilePath = Path.Combine(_options.OutputDirectory, "profiles",
            $"calibration{number.ToString(CultureInfo.InvariantCulture)}.pprof");
        Directory.CreateDirectory(Path.GetDirectoryName(profilePath)!);
        var environment = new Dictionary<string, string?> { [MachineState.Variable] = state.EnvironmentValue };
        var run = await _runner.RunAsync(number, binary, packageDirectory, benchmarkName, benchTime, profilePath,
            _options.ProfileHz, environment, cancellationToken);

        var profile = ProfileReader.Read(profilePath, _log);
        var (trees, all) = Split(profile, production.Target, cases.CallPrefix, cases.Count, profilePath);

        plan.Learn(run, all.TargetCount);
        var index = CallPathIndex.Build(production, all, _options.PrunePercent);
        var counts = trees.Select(tree => tree is null ? new long[index.Count] : index.Project(tree)).ToList();
        var fit = WeightFit.Fit(index.Production, counts, seed: number, cases.Kinds);
        var trial = new CalibrationTrial(state, all.TargetCount, run.Elapsed.TotalSeconds, fit.GroupCount,
            100 * fit.PriorSimilarity, 100 * fit.FittedSimilarity, 100 * fit.HeldOutSimilarity)
        {
            Fit = fit,
            CaseCounts = counts,
            Index = index,
        };
        _trials.Add(trial);
        _log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"Dodo: calibration {number} ({state.Name}): {all.TargetCount:N0} samples "
            + $"in {run.Elapsed.TotalSeconds:0.0} s; "
            + $"as captured {trial.PriorSimilarity:0.0} %, fitted in {fit.Grouping} "
            + $"{trial.FittedSimilarity:0.0} % ({trial.HeldOutSimilarity:0.0} % held out)."));
        return trial;
    }

    private static (IReadOnlyList<CallTree?> Cases, CallTree All) Split(StackProfile profile, string target,
        string callPrefix, int caseCount, string profilePath)
    {
        try
        {
            var split = CaseAttribution.Split(profile, target, callPrefix, caseCount);
            if (split.All.TargetCount > 0)
            {
                return split;
            }
        }
        catch (DodoException)
        {
            // Reported below, with the code that says where the target went missing.
        }

        throw new DodoException(DiagnosticCodes.TargetNotInBenchmark,
            $"The calibration run's profile never reached {target}.", profilePath);
    }

    /// <summary>How the calibration build names its cases, and which receiver each case was called on.</summary>
    private sealed record CaseSet(string CallPrefix, int Count, IReadOnlyList<int> Kinds);
}
