using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.IO;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Benchmarks;

/// <summary>
/// Compiles a package's tests into a binary outside the package folder and runs one benchmark of
/// it under the CPU profiler.
/// </summary>
public sealed partial class BenchmarkRunner
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(10);

    private readonly GoToolchain _go;
    private readonly DiagnosticLog _log;

    public BenchmarkRunner(GoToolchain go, DiagnosticLog log)
    {
        _go = go;
        _log = log;
    }

    /// <summary>
    /// Compiles the package's test binary to <paramref name="binaryPath"/>. Compiler errors are
    /// reported one by one, with their file and line, under one code.
    /// </summary>
    /// <param name="extraFiles">Files to compile as if they were in the package (name → source), added
    /// with go's -overlay so that the package folder never holds them; they are written beside the binary.</param>
    public async Task CompileAsync(string packageDirectory, string binaryPath,
        IReadOnlyDictionary<string, string>? extraFiles = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(binaryPath)!);
        // go vet does not see -overlay files (Go 1.19) and would fail on them; the build only compiles.
        List<string> arguments = ["test", "-c", "-vet=off", "-o", binaryPath];
        if (extraFiles is { Count: > 0 })
        {
            arguments.Add("-overlay=" + WriteOverlay(packageDirectory, binaryPath, extraFiles));
        }

        arguments.Add(".");
        var result = await _go.RunAsync(arguments, packageDirectory, CompileTimeout, cancellationToken);
        if (result.Succeeded)
        {
            return;
        }

        var output = result.StandardError + result.StandardOutput;
        var reported = false;
        foreach (Match match in CompilerMessage().Matches(output))
        {
            var file = Path.GetFullPath(Path.Combine(packageDirectory, match.Groups["file"].Value));
            _log.Error(DiagnosticCodes.BenchmarkCompileFailed, match.Groups["text"].Value.Trim(), file,
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture));
            reported = true;
        }

        throw new DodoException(DiagnosticCodes.BenchmarkCompileFailed,
            "The package's tests did not compile with the generated benchmark"
            + (reported ? " (see the errors above)." : ": " + Tail(output)), packageDirectory);
    }

    /// <summary>
    /// Runs one benchmark once with the CPU profiler on, in the package folder. A generated
    /// benchmark raises the profiler's rate to <paramref name="profileHz"/> (see
    /// <see cref="GoCodegen.BenchmarkFileWriter.ProfileRateVariable"/>); others keep Go's 100 Hz.
    /// </summary>
    /// <param name="environment">More environment for the run, for example the fitted <c>GOGC</c>.</param>
    public async Task<BenchmarkRun> RunAsync(int number, string binaryPath, string packageDirectory,
        string benchmarkName, string benchTime, string profilePath, int profileHz = 100,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        string[] arguments =
        [
            "-test.run=^$",
            $"-test.bench=^{benchmarkName}$",
            $"-test.benchtime={benchTime}",
            "-test.benchmem",
            "-test.count=1",
            "-test.timeout=0",
            $"-test.cpuprofile={profilePath}",
        ];
        _log.Detail($"run {number}: {binaryPath} {string.Join(' ', arguments)}");

        ProcessResult result;
        try
        {
            var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
            {
                [GoCodegen.BenchmarkFileWriter.ProfileRateVariable] = profileHz.ToString(CultureInfo.InvariantCulture),
            };
            result = await _go.RunProgramAsync(binaryPath, arguments, packageDirectory,
                timeout: RunTimeout(benchTime), environment: variables, cancellationToken: cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new DodoException(DiagnosticCodes.BenchmarkRunFailed,
                $"Benchmark run {number} of {benchmarkName} timed out: {e.Message}", packageDirectory);
        }

        var output = result.StandardOutput + result.StandardError;
        var parsed = BenchmarkOutput.Parse(result.StandardOutput, benchmarkName);
        if (!result.Succeeded || parsed is null || !File.Exists(profilePath))
        {
            throw new DodoException(DiagnosticCodes.BenchmarkRunFailed,
                $"Benchmark run {number} of {benchmarkName} failed (exit code {result.ExitCode}): {Tail(output)}",
                packageDirectory);
        }

        var (iterations, ns, bytes, allocs) = parsed.Value;
        return new BenchmarkRun(number, profilePath, benchTime, iterations, ns, bytes, allocs, result.Elapsed);
    }

    /// <summary>Writes the extra files and go's overlay description (JSON) beside the binary.</summary>
    private static string WriteOverlay(string packageDirectory, string binaryPath,
        IReadOnlyDictionary<string, string> extraFiles)
    {
        var directory = Path.Combine(Path.GetDirectoryName(binaryPath)!, Path.GetFileName(binaryPath) + ".overlay");
        Directory.CreateDirectory(directory);
        var replace = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in extraFiles)
        {
            var file = Path.Combine(directory, Path.GetFileName(name));
            AtomicFile.WriteAllText(file, source);
            replace[Path.Combine(Path.GetFullPath(packageDirectory), Path.GetFileName(name))] = file;
        }

        var overlay = Path.Combine(directory, "overlay.json");
        var description = new Dictionary<string, object> { ["Replace"] = replace };
        AtomicFile.WriteAllText(overlay, JsonSerializer.Serialize(description));
        return overlay;
    }

    // Go's b.N ramp can run several times the benchtime before the final round; a run that
    // takes far longer than that is stuck.
    private static TimeSpan RunTimeout(string benchTime)
    {
        var seconds = benchTime.EndsWith('s')
            && double.TryParse(benchTime[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                ? s
                : 60;
        return TimeSpan.FromSeconds(seconds * 10 + 600);
    }

    /// <summary>
    /// The end of a failed command's output, and where it panicked when it did: a panic's message
    /// comes before dozens of stack lines, which are not what a user needs first.
    /// </summary>
    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var panic = Array.FindIndex(lines, l => l.StartsWith("panic:", StringComparison.Ordinal)
            || l.StartsWith("fatal error:", StringComparison.Ordinal));
        return panic < 0 || panic >= lines.Length - 12
            ? string.Join(" | ", lines.TakeLast(12))
            : string.Join(" | ", lines.Skip(panic).Take(6)) + " | … | " + string.Join(" | ", lines.TakeLast(4));
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:\n]*\.go):(?<line>\d+)(:\d+)?: (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex CompilerMessage();
}
