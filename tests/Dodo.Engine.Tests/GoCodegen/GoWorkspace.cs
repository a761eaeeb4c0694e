using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.Snapshots;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Tests.GoCodegen;

/// <summary>
/// A throw-away Go module in a temp folder, with the steps the job runner performs on it: inspect
/// the target's package, generate the benchmark, gofmt it, vet it and run it. Go runs offline.
/// </summary>
internal sealed class GoWorkspace : IDisposable
{
    private static readonly SemaphoreSlim LocateOnce = new(1, 1);
    private static GoToolchain? _go;
    private readonly TemporaryDirectory _temp = new("dodo-go");

    static GoWorkspace()
    {
        // No module proxy is reachable; every test package is dependency-free.
        Environment.SetEnvironmentVariable("GOPROXY", "off");
        Environment.SetEnvironmentVariable("GOFLAGS", "-mod=mod");
        Environment.SetEnvironmentVariable("GOTOOLCHAIN", "local");
    }

    public GoWorkspace(string module = "example.com/svc")
    {
        Module = module;
        File.WriteAllText(_temp.Combine("go.mod"), $"module {module}\n\ngo 1.19\n");
    }

    public string Module { get; }

    public string Root => _temp.Path;

    /// <summary>Shared by every test run, so the inspector is built once per machine and Go version.</summary>
    public static string InspectorCache { get; } = Path.Combine(Path.GetTempPath(), "dodo-test-inspector-cache");

    public static async Task<GoToolchain> GoAsync()
    {
        await LocateOnce.WaitAsync();
        try
        {
            return _go ??= await GoToolchain.LocateAsync(null, InspectorCache);
        }
        finally
        {
            LocateOnce.Release();
        }
    }

    /// <summary>Writes a Go file into the package folder (relative to the module root).</summary>
    public string Write(string packageFolder, string fileName, string source)
    {
        var folder = Path.Combine(Root, packageFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, fileName), source);
        return folder;
    }

    public string WriteFile(string name, string content)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<GoPackageInfo> InspectAsync(string packageFolder, string symbol, DiagnosticLog? log = null) =>
        await GoPackageInspector.InspectAsync(await GoAsync(), Path.Combine(Root, packageFolder), symbol,
            InspectorCache, log ?? new DiagnosticLog());

    /// <summary>Inspects, generates, gofmts and writes the benchmark into the package folder.</summary>
    public async Task<(GeneratedBenchmark Benchmark, string Formatted)> GenerateAsync(string packageFolder,
        string symbol, SnapshotSet snapshots, DiagnosticLog log, IReadOnlyList<int>? weights = null,
        MachineState? machine = null)
    {
        var package = await InspectAsync(packageFolder, symbol, log);
        var provenance = new BenchmarkProvenance(["prod.pprof"], snapshots.Sources, symbol, "linux/amd64",
            weights is null ? "uniform" : "fitted", null, 98);
        var benchmark = BenchmarkFileWriter.Generate(package, snapshots, provenance, log, weights, machine);
        var formatted = await (await GoAsync()).FormatAsync(benchmark.Source, benchmark.FileName);
        File.WriteAllText(Path.Combine(Root, packageFolder, benchmark.FileName), formatted);
        return (benchmark, formatted);
    }

    public async Task<ProcessResult> GoAsync(string packageFolder, params string[] arguments) =>
        await (await GoAsync()).RunAsync(arguments, Path.Combine(Root, packageFolder), TimeSpan.FromMinutes(5));

    public Task<ProcessResult> VetAsync(string packageFolder) => GoAsync(packageFolder, "vet", ".");

    public Task<ProcessResult> BenchAsync(string packageFolder, string benchmark) =>
        GoAsync(packageFolder, "test", "-run", "^$", "-bench", $"^{benchmark}$", "-benchtime=100x", ".");

    /// <summary>
    /// The distinct "ECHO …" lines a test target printed, sorted. go test prints a benchmark's
    /// name without a line break before running it, so an echo may share that line.
    /// </summary>
    public static IReadOnlyList<string> Echoes(string output) =>
        output.Split('\n')
            .Select(l => l.IndexOf("ECHO ", StringComparison.Ordinal) is var at and >= 0 ? l[at..].TrimEnd('\r') : null)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose() => _temp.Dispose();
}
