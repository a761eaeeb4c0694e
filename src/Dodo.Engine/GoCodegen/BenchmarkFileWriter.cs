using System.Globalization;
using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Generates the <c>_test.go</c> file that replays production's invocations of the target as a
/// Go benchmark: one case per usable snapshot, cycled through in proportion to the weights.
/// </summary>
public static class BenchmarkFileWriter
{
    /// <summary>Longer weight schedules are refused: the cycle table lives in the source file.</summary>
    public const int MaxScheduleLength = 100_000;

    /// <summary>
    /// The environment variable through which the benchmark runner asks the generated benchmark
    /// for a CPU profiling rate above the testing package's 100 Hz.
    /// </summary>
    public const string ProfileRateVariable = "DODO_CPU_PROFILE_HZ";

    // Any fixed seed: the seeded System.Random sequence is stable across .NET versions.
    private const int ShuffleSeed = 20_260_101;

    /// <summary>
    /// Builds the benchmark source. It is not yet gofmt'd; the caller runs
    /// <c>GoToolchain.FormatAsync</c> and writes the file atomically into the package folder.
    /// </summary>
    /// <param name="weights">One non-negative weight per snapshot of <paramref name="snapshots"/>, in order;
    /// null weighs every case 1. A case of weight 3 appears three times per cycle, weight 0 not at all.</param>
    /// <param name="machine">The machine state to reproduce; null for <see cref="MachineState.Plain"/>.</param>
    public static GeneratedBenchmark Generate(GoPackageInfo package, SnapshotSet snapshots,
        BenchmarkProvenance provenance, DiagnosticLog log, IReadOnlyList<int>? weights = null,
        MachineState? machine = null)
    {
        var caseWeights = CheckWeights(weights, snapshots.Snapshots.Count);
        var naming = BenchmarkNaming.For(package.Target, package.DeclaredNames);
        var locals = LocalNames(package.DeclaredNames);
        var writer = new GoLiteralWriter(package, log, naming.Prefix,
            [naming.BenchmarkName, .. locals.All, .. BenchmarkMachineSource.Locals], stringsOnHeap: true);
        var binding = new BenchmarkCaseBinder(package, log, writer.WhyNotRenderable).Bind(snapshots, caseWeights);
        if (binding.Cases.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.NoUsableCases,
                $"None of the {snapshots.Snapshots.Count} snapshot(s) can become a benchmark case for "
                + $"{package.Target.Symbol} ({binding.Dropped} dropped, see the warnings above; "
                + $"{snapshots.WithoutCaptures} had no captures). Capture snapshots of this function.");
        }

        var losses = new List<CaseLoss>();
        var source = new BenchmarkSource(package, binding, naming, locals, writer);
        for (var k = 0; k < binding.Cases.Count; k++)
        {
            source.AddCase(k, losses);
        }

        var schedule = Schedule(binding.Cases.Select(c => c.Weight).ToList());
        var text = source.Build(provenance, schedule, machine ?? MachineState.Plain);
        ReportLosses(log, losses, binding.Cases.Count);
        return new GeneratedBenchmark(naming.FileName, naming.BenchmarkName, text, binding.Cases.Count,
            binding.Dropped, losses, CalibrationFileName(naming.FileName), source.BuildCalibration(),
            source.CalibrationCall(0)[..^1],
            binding.Cases.Select(c => c.Position).ToList(), source.ReceiverKinds(), schedule.Count);
    }

    private static int[] CheckWeights(IReadOnlyList<int>? weights, int snapshotCount)
    {
        if (weights is null)
        {
            return Enumerable.Repeat(1, snapshotCount).ToArray();
        }

        var allZero = snapshotCount > 0 && weights.All(w => w == 0);
        if (weights.Count != snapshotCount || weights.Any(w => w < 0) || allZero)
        {
            throw new DodoException(DiagnosticCodes.WeightsInvalid,
                $"Expected {snapshotCount} non-negative case weights, not all zero; got {weights.Count}: "
                + string.Join(", ", weights.Take(10)) + (weights.Count > 10 ? ", …" : "") + ".");
        }

        return [.. weights];
    }

    /// <summary>
    /// The order cases are cycled in. Weights are reduced by their greatest common divisor, each
    /// case appears as often as its reduced weight, and the cycle is shuffled (with a fixed seed,
    /// so the file is reproducible): production's calls do not arrive in the order the case table
    /// is laid out in memory, and a walk in that order would let the hardware prefetcher make
    /// the benchmark's input warmer than production's ever is.
    /// </summary>
    internal static IReadOnlyList<int> Schedule(IReadOnlyList<int> weights)
    {
        var divisor = weights.Aggregate(0, (g, w) => GreatestCommonDivisor(g, w));
        var reduced = weights.Select(w => (long)(w / divisor)).ToArray();
        var total = reduced.Sum();
        if (total > MaxScheduleLength)
        {
            throw new DodoException(DiagnosticCodes.WeightsInvalid,
                $"The weights need a cycle of {total:N0} calls; at most {MaxScheduleLength:N0} are supported. "
                + "Scale the weights down.");
        }

        var schedule = new int[total];
        var position = 0;
        for (var i = 0; i < reduced.Length; i++)
        {
            for (var k = 0; k < reduced[i]; k++)
            {
                schedule[position++] = i;
            }
        }

        new Random(ShuffleSeed).Shuffle(schedule);
        return schedule;
    }

    /// <summary>
    /// dodo_filter_apply_test.go → dodo_filter_apply_test_calibration_test.go, which sorts after the
    /// benchmark file: Go compiles a package's files in name order, so the calibration functions
    /// land after the benchmark's code and leave it where the evaluation build has it.
    /// </summary>
    private static string CalibrationFileName(string fileName) =>
        fileName[..^".go".Length] + "_calibration_test.go";

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    /// <summary>The benchmark's local variables, renamed where the package declares the same name.</summary>
    private static BenchmarkLocals LocalNames(IReadOnlySet<string> declared)
    {
        string Pick(string name) => declared.Contains(name) ? "dodo" + GoIdentifiers.Pascal(name) : name;

        return new BenchmarkLocals(Pick("b"), Pick("pb"), Pick("c"), Pick("r"), Pick("replay"), Pick("machine"),
            Pick("player"), Pick("k"));
    }

    private static void ReportLosses(DiagnosticLog log, List<CaseLoss> losses, int caseCount)
    {
        if (losses.Count == 0)
        {
            return;
        }

        var lossyCases = losses.Select(l => l.CaseIndex).Distinct().Count();
        var examples = losses.GroupBy(l => (l.Kind, Path: l.Path))
            .Take(3)
            .Select(g => g.First().ToString());
        log.Warning(DiagnosticCodes.IncompleteCaptures,
            $"{lossyCases} of {caseCount} benchmark case(s) replay incomplete captures "
            + $"({losses.Count} gap(s), e.g. {string.Join("; ", examples)}). Raise the probe's capture limits "
            + "(maxReferenceDepth, maxCollectionSize, maxLength) for a more faithful benchmark.");
    }
}

/// <summary>Names of the benchmark function's locals, renamed where the package declares the same name.</summary>
internal sealed record BenchmarkLocals(string B, string PB, string Case, string Result, string Replay, string Machine,
    string Player, string Index)
{
    public IEnumerable<string> All => [B, PB, Case, Result, Replay, Machine, Player, Index];
}
