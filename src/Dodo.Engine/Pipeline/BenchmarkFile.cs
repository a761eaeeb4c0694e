using Dodo.Engine.GoCodegen;
using Dodo.Engine.IO;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// A generated benchmark, gofmt'd, on its way into the user's Go package. While it is judged it
/// reaches the compiler through go's -overlay only, so the package folder keeps its previous
/// benchmark untouched (even when dodo is stopped half-way); it is written into the package when
/// it passes the gate, and into the output folder when it fails.
/// </summary>
public sealed class BenchmarkFile
{
    private BenchmarkFile(GeneratedBenchmark benchmark, string path, string source, string calibrationSource)
    {
        Benchmark = benchmark;
        Path = path;
        Source = source;
        CalibrationSource = calibrationSource;
    }

    public GeneratedBenchmark Benchmark { get; }

    /// <summary>Where the file belongs in the package.</summary>
    public string Path { get; }

    /// <summary>The formatted source.</summary>
    public string Source { get; }

    /// <summary>The formatted calibration file, which only calibration builds add.</summary>
    public string CalibrationSource { get; }

    /// <summary>Formats the generated sources with gofmt.</summary>
    public static async Task<BenchmarkFile> FormatAsync(GoWorkspace workspace, GeneratedBenchmark benchmark,
        CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(workspace.PackageDirectory, benchmark.FileName);
        var calibrationPath = System.IO.Path.Combine(workspace.PackageDirectory, benchmark.CalibrationFileName);
        var source = await workspace.Go.FormatAsync(benchmark.Source, path, cancellationToken);
        var calibration = await workspace.Go.FormatAsync(benchmark.CalibrationSource, calibrationPath,
            cancellationToken);
        return new BenchmarkFile(benchmark, path, source, calibration);
    }

    /// <summary>The files a build adds to the package: the benchmark, and for calibration its per-case calls.</summary>
    public IReadOnlyDictionary<string, string> Overlay(bool calibration) => calibration
        ? new Dictionary<string, string>
        {
            [Benchmark.FileName] = Source,
            [Benchmark.CalibrationFileName] = CalibrationSource,
        }
        : new Dictionary<string, string> { [Benchmark.FileName] = Source };

    /// <summary>Writes the benchmark into the package: it passed and is frozen there.</summary>
    public void Freeze() => AtomicFile.WriteAllText(Path, Source);

    /// <summary>Writes the benchmark into <paramref name="rejectedDirectory"/>; the package keeps its own.</summary>
    public string Reject(string rejectedDirectory)
    {
        Directory.CreateDirectory(rejectedDirectory);
        var kept = System.IO.Path.Combine(rejectedDirectory, Benchmark.FileName);
        AtomicFile.WriteAllText(kept, Source);
        return kept;
    }
}
