using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Toolchain;

/// <summary>
/// The user's Go installation: where <c>go</c> and <c>gofmt</c> live, which version and
/// architecture they target, and the environment every Go command runs with.
/// </summary>
public sealed class GoToolchain
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string?> _environment;

    private GoToolchain(string goPath, string goRoot, string version, string goos, string goarch,
        Dictionary<string, string?> environment)
    {
        GoPath = goPath;
        GoRoot = goRoot;
        Version = version;
        GoOS = goos;
        GoArch = goarch;
        _environment = environment;
    }

    /// <summary>Absolute path of the <c>go</c> executable.</summary>
    public string GoPath { get; }

    public string GoRoot { get; }

    /// <summary>For example <c>go1.19.8</c>.</summary>
    public string Version { get; }

    public string GoOS { get; }

    public string GoArch { get; }

    /// <summary><c>gofmt</c> ships next to <c>go</c> in every Go distribution.</summary>
    public string GofmtPath => Path.Combine(GoRoot, "bin", OperatingSystem.IsWindows() ? "gofmt.exe" : "gofmt");

    public IReadOnlyDictionary<string, string?> Environment => _environment;

    /// <summary>
    /// Finds Go: the explicit path when given, else <c>go</c> on PATH, else the usual install folders.
    /// </summary>
    /// <param name="explicitPath">A path to the go executable, or null.</param>
    /// <param name="cacheDirectory">Used as GOCACHE when neither GOCACHE nor HOME is set.</param>
    public static async Task<GoToolchain> LocateAsync(string? explicitPath, string cacheDirectory,
        CancellationToken cancellationToken = default)
    {
        var goPath = explicitPath is { Length: > 0 } ? Path.GetFullPath(explicitPath) : FindOnPath();
        if (goPath is null || !File.Exists(goPath))
        {
            throw new DodoException(DiagnosticCodes.GoNotFound,
                "The Go toolchain was not found"
                + (explicitPath is { Length: > 0 } ? $" at '{explicitPath}'" : " on PATH")
                + ". Install Go (Debian: 'apt-get install golang-go') or set DodoGoExecutable / --go.");
        }

        var environment = new Dictionary<string, string?>();

        // Go refuses to run without a build cache, and CI agents sometimes have no HOME.
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("GOCACHE"))
            && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("HOME")))
        {
            environment["GOCACHE"] = Path.Combine(cacheDirectory, "gocache");
        }

        var result = await RunChecked(goPath, ["env", "GOROOT", "GOVERSION", "GOOS", "GOARCH"],
            Directory.GetCurrentDirectory(), environment, cancellationToken);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
        if (lines.Length < 4)
        {
            throw new DodoException(DiagnosticCodes.GoCommandFailed,
                $"'go env' printed an unexpected answer: {result.StandardOutput.Trim()}");
        }

        return new GoToolchain(goPath, lines[0], lines[1], lines[2], lines[3], environment);
    }

    /// <summary>Runs <c>go</c> with the given arguments; a non-zero exit is returned, not thrown.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string workingDirectory,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(GoPath, arguments, workingDirectory, _environment, timeout: timeout,
            cancellationToken: cancellationToken);

    /// <summary>
    /// Runs any program (a compiled test binary, gofmt) with the Go environment, plus
    /// <paramref name="environment"/> when given.
    /// </summary>
    public Task<ProcessResult> RunProgramAsync(string program, IEnumerable<string> arguments,
        string workingDirectory, string? standardInput = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, string?>(_environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        return ProcessRunner.RunAsync(program, arguments, workingDirectory, merged, standardInput, timeout,
            cancellationToken);
    }

    /// <summary>Formats Go source with the toolchain's own gofmt.</summary>
    public async Task<string> FormatAsync(string source, string displayName,
        CancellationToken cancellationToken = default)
    {
        var result = await RunProgramAsync(GofmtPath, [], Directory.GetCurrentDirectory(), source,
            QueryTimeout, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new DodoException(DiagnosticCodes.GoCommandFailed,
                $"gofmt rejected the generated source: {result.StandardError.Trim()}", displayName);
        }

        return result.StandardOutput;
    }

    private static async Task<ProcessResult> RunChecked(string goPath, string[] arguments, string directory,
        Dictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(goPath, arguments, directory, environment,
                timeout: QueryTimeout, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new DodoException(DiagnosticCodes.GoCommandFailed,
                $"'go {string.Join(' ', arguments)}' could not run: {e.Message}");
        }

        if (!result.Succeeded)
        {
            throw new DodoException(DiagnosticCodes.GoCommandFailed,
                $"'go {string.Join(' ', arguments)}' failed: {result.StandardError.Trim()}");
        }

        return result;
    }

    private static string? FindOnPath()
    {
        var name = OperatingSystem.IsWindows() ? "go.exe" : "go";
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/local/go/bin")
            .Append("/usr/lib/go/bin");
        return candidates.Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }
}
