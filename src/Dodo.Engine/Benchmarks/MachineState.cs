using System.Globalization;

namespace Dodo.Engine.Benchmarks;

/// <summary>
/// The state of the machine a benchmark reproduces besides its inputs: how warm the cases are
/// in the caches (the working set) and how the garbage collector paces itself (the heap). A
/// long-running service and a loop over a few hundred cases differ in both, and both move time
/// between call paths: first reads of the input get dearer in a colder working set, write
/// barriers and assists get dearer when the GC marks more often.
/// </summary>
/// <param name="Window">Cases each benchmark goroutine keeps in play, picked at random for each call;
/// 0 cycles through the whole schedule.</param>
/// <param name="Repeats">With a window, how many calls a case gets while in play: every that many
/// calls the oldest case leaves and the next of the schedule comes in. Repeated calls of the same
/// input warm the caches and teach the branch predictor, as a service's recurring inputs do.</param>
/// <param name="Copies">Separately allocated copies of the case table the cycle goes through.</param>
/// <param name="BallastBytes">Long-lived heap besides the cases, as a service holds, so the GC
/// paces itself by a heap of a service's size instead of the benchmark's few hundred kilobytes.</param>
/// <param name="Gogc">The GC's percent while the benchmark runs; 0 keeps the process's setting.</param>
public sealed record MachineState(int Window, int Repeats, int Copies, long BallastBytes, int Gogc)
{
    /// <summary>The environment variable through which calibration runs override the fitted state.</summary>
    public const string Variable = "DODO_MACHINE";

    public const int MaxWindow = 1 << 16;
    public const int MaxRepeats = 1 << 20;
    public const int MaxCopies = 256;
    public const long MaxBallastBytes = 1L << 32;

    /// <summary>What a benchmark without a fitted state does: cycle once through the cases, Go's GC.</summary>
    public static MachineState Plain { get; } = new(0, 0, 1, 0, 0);

    /// <summary>The value of <see cref="Variable"/> the generated benchmark parses.</summary>
    public string EnvironmentValue => string.Create(CultureInfo.InvariantCulture,
        $"{Window} {Repeats} {Copies} {BallastBytes} {Gogc}");

    /// <summary>A short name for progress lines and reports, e.g. <c>window 16, ballast 16 MiB</c>.</summary>
    public string Name
    {
        get
        {
            var parts = new List<string>
            {
                Window > 0 ? $"window {Window}×{Repeats}" : Copies > 1 ? $"cycle over {Copies} copies" : "cycle",
            };
            if (BallastBytes > 0)
            {
                parts.Add($"ballast {Mebibytes(BallastBytes)}");
            }

            if (Gogc > 0)
            {
                parts.Add($"GOGC={Gogc}");
            }

            return string.Join(", ", parts);
        }
    }

    /// <summary>One sentence for the provenance comment.</summary>
    public string Describe()
    {
        var working = Window > 0
            ? $"each goroutine keeps {Window} cases in play and calls each about {Repeats} times"
            : $"each goroutine cycles through {(Copies > 1 ? $"{Copies} copies of " : "")}the cases";
        var heap = BallastBytes > 0
            ? $"{Mebibytes(BallastBytes)} of long-lived heap beside them"
            : "no heap beside them";
        var gc = Gogc > 0 ? $"GOGC={Gogc}" : "the process's GOGC";
        return $"{working}; {heap}; {gc}";
    }

    /// <summary>Throws when a value is outside what the generated benchmark accepts.</summary>
    public void Validate()
    {
        if (Window is < 0 or > MaxWindow || Repeats is < 0 or > MaxRepeats || (Window > 0 && Repeats < 1)
            || Copies is < 1 or > MaxCopies || BallastBytes is < 0 or > MaxBallastBytes || Gogc < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MachineState), this, "The machine state is out of range.");
        }
    }

    private static string Mebibytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";
}
