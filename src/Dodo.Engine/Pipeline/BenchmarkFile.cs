using Dodo.Engine.GoCodegen;
using Dodo.Engine.IO;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// The generated benchmark inside the user's Go package. It replaces the previous one only for as
/// long as it is being judged: a benchmark that fails the gate is moved to the output folder and
/// the previous file comes back, so the package only ever holds a benchmark that passed.
/// </summary>
public sealed class BenchmarkFile
{
    private readonly GoWorkspace _workspace;
    private readonly string? _previous;

    private BenchmarkFile(GoWorkspace workspace, string path, string? previous)
    {
        _workspace = workspace;
        Path = path;
        _previous = previous;
    }

    public string Path { get; }

    /// <summary>Formats the generated source with gofmt and writes it into the package.</summary>
    public static async Task<BenchmarkFile> WriteAsync(GoWorkspace workspace, GeneratedBenchmark benchmark,
        CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(workspace.PackageDirectory, benchmark.FileName);
        var previous = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
        var file = new BenchmarkFile(workspace, path, previous);
        await file.ReplaceAsync(benchmark, cancellationToken);
        return file;
    }

    /// <summary>Rewrites the file from a regenerated source (the same code, a newer provenance).</summary>
    public async Task ReplaceAsync(GeneratedBenchmark benchmark, CancellationToken cancellationToken)
    {
        var formatted = await _workspace.Go.FormatAsync(benchmark.Source, Path, cancellationToken);
        AtomicFile.WriteAllText(Path, formatted);
    }

    /// <summary>
    /// Takes the judged file out of the package into <paramref name="rejectedDirectory"/> and puts
    /// back what was there before (or nothing).
    /// </summary>
    public string Reject(string rejectedDirectory)
    {
        Directory.CreateDirectory(rejectedDirectory);
        var kept = System.IO.Path.Combine(rejectedDirectory, System.IO.Path.GetFileName(Path));
        if (File.Exists(Path))
        {
            File.Copy(Path, kept, overwrite: true);
        }

        if (_previous is null)
        {
            File.Delete(Path);
        }
        else
        {
            AtomicFile.WriteAllText(Path, _previous);
        }

        return kept;
    }
}
