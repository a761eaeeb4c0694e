using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Describes the target's Go package by running a small Go program embedded in the engine. The
/// program is built with the user's own <c>go</c> on first use and cached by a hash of its source
/// and the Go version, so later runs cost one process start.
/// </summary>
public static class GoPackageInspector
{
    private const string ResourcePrefix = "Dodo.Engine.GoCodegen.Inspector.";
    private const int MaxListedFunctions = 40;
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static async Task<GoPackageInfo> InspectAsync(GoToolchain go, string packageDir, string targetSymbol,
        string cacheDirectory, DiagnosticLog log, CancellationToken cancellationToken = default)
    {
        if (!GoSymbol.TryParse(targetSymbol, out var symbol, out var problem))
        {
            throw new DodoException(DiagnosticCodes.TargetSymbolInvalid, problem);
        }

        if (symbol!.Name == "init" && !symbol.IsMethod)
        {
            throw new DodoException(DiagnosticCodes.TargetSymbolInvalid,
                $"'{targetSymbol}' is an init function, which Go code cannot call; benchmark what it calls.");
        }

        var directory = Path.GetFullPath(packageDir);
        if (!Directory.Exists(directory))
        {
            throw new DodoException(DiagnosticCodes.GoPackageUnreadable,
                $"The package directory '{directory}' does not exist.", directory);
        }

        var inspector = await EnsureBuiltAsync(go, cacheDirectory, log, cancellationToken);
        List<string> arguments = ["-dir", directory, "-name", symbol!.Name];
        if (symbol.ReceiverType is { } receiver)
        {
            arguments.AddRange(["-recv", receiver]);
        }

        var result = await RunAsync(go, inspector, arguments, directory, cancellationToken);
        return Interpret(result, directory, symbol, log);
    }

    private static GoPackageInfo Interpret(ProcessResult result, string directory, GoSymbol symbol, DiagnosticLog log)
    {
        InspectorReport report;
        try
        {
            report = result.Succeeded
                ? InspectorReport.Parse(result.StandardOutput)
                : throw new JsonException(result.StandardError.Trim());
        }
        catch (JsonException e)
        {
            throw new DodoException(DiagnosticCodes.InspectorFailed,
                $"The package inspector failed (exit code {result.ExitCode}): {e.Message}", directory);
        }

        if (report.Error is { } error)
        {
            throw report.TargetMissing
                ? new DodoException(DiagnosticCodes.TargetNotInPackage,
                    $"{symbol} is not declared in package {report.PackageName} ({directory}). "
                    + $"It declares: {ListFunctions(report.Functions)}.", directory)
                : new DodoException(DiagnosticCodes.GoPackageUnreadable,
                    $"The Go package cannot be read: {error.Message}", directory);
        }

        try
        {
            return report.ToPackageInfo(directory, symbol, log);
        }
        catch (FormatException e)
        {
            throw new DodoException(DiagnosticCodes.GoPackageUnreadable,
                $"A type the target uses cannot be read: {e.Message}", directory);
        }
    }

    private static string ListFunctions(IReadOnlyList<string> functions)
    {
        if (functions.Count == 0)
        {
            return "no functions or methods";
        }

        var listed = string.Join(", ", functions.Take(MaxListedFunctions));
        var more = functions.Count - MaxListedFunctions;
        return more > 0 ? $"{listed} and {more} more" : listed;
    }

    private static async Task<ProcessResult> RunAsync(GoToolchain go, string program, IEnumerable<string> arguments,
        string directory, CancellationToken cancellationToken)
    {
        try
        {
            return await go.RunProgramAsync(program, arguments, directory, timeout: RunTimeout,
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new DodoException(DiagnosticCodes.InspectorFailed,
                $"The package inspector could not run: {e.Message}", directory);
        }
    }

    /// <summary>Builds the inspector unless a build for this source and Go version is cached.</summary>
    internal static async Task<string> EnsureBuiltAsync(GoToolchain go, string cacheDirectory, DiagnosticLog log,
        CancellationToken cancellationToken)
    {
        var sources = ReadSources();
        var identity = string.Concat(sources.Select(s => $"{s.Key}\n{s.Value}\n"));
        var key = Hash($"{identity}{go.Version}\n{go.GoOS}/{go.GoArch}");
        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), "inspector", key);
        var executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "dodo-inspect.exe" : "dodo-inspect");
        if (File.Exists(executable))
        {
            log.Detail($"Package inspector: cached build {executable}");
            return executable;
        }

        // Build beside the final folder and rename, so a concurrent run never sees half a build.
        var staging = $"{folder}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, text) in sources)
            {
                await File.WriteAllTextAsync(Path.Combine(staging, name), text, cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(staging, "go.mod"), "module dodoinspect\n\ngo 1.19\n",
                cancellationToken);
            log.Progress($"Building the Go package inspector with {go.Version}");
            await BuildAsync(go, staging, Path.GetFileName(executable), cancellationToken);
            Publish(staging, folder);
        }
        finally
        {
            TryDelete(staging);
        }

        return executable;
    }

    private static async Task BuildAsync(GoToolchain go, string staging, string output,
        CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(go.Environment)
        {
            // The inspector has no dependencies: nothing to download, no workspace or vendor folder
            // of the user's to honour, no C compiler needed.
            ["GOWORK"] = "off",
            ["GOFLAGS"] = "",
            ["GO111MODULE"] = "on",
            ["GOPROXY"] = "off",
            ["GOTOOLCHAIN"] = "local",
            ["CGO_ENABLED"] = "0",
        };
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(go.GoPath, ["build", "-trimpath", "-o", output, "."], staging,
                environment, timeout: BuildTimeout, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new DodoException(DiagnosticCodes.InspectorFailed,
                $"Building the package inspector failed: {e.Message}");
        }

        if (!result.Succeeded)
        {
            throw new DodoException(DiagnosticCodes.InspectorFailed,
                $"{go.Version} could not build the package inspector: {result.StandardError.Trim()}");
        }
    }

    private static void Publish(string staging, string folder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another run published the same build first; theirs is as good as ours.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover staging folder only costs disk; the next build uses a new name.
        }
    }

    /// <summary>The inspector's Go files (name → source), in a stable order for hashing.</summary>
    internal static SortedDictionary<string, string> ReadSources()
    {
        var assembly = typeof(GoPackageInspector).Assembly;
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var ours = resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && resource.EndsWith(".go", StringComparison.Ordinal);
            if (!ours)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            sources[resource[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }

        return sources.Count > 0
            ? sources
            : throw new InvalidOperationException("The Go package inspector's sources are missing from the engine.");
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
