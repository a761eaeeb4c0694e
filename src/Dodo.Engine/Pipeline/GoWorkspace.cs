using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Pipeline;

/// <summary>The Go side of a job: the toolchain, the module, the target's package and its shape.</summary>
public sealed record GoWorkspace(GoToolchain Go, GoModule Module, string PackageDirectory, GoPackageInfo Package)
{
    /// <summary>Finds Go and the target's package, and asks Go what the target looks like.</summary>
    public static async Task<GoWorkspace> OpenAsync(BenchmarkJobOptions options, DiagnosticLog log,
        CancellationToken cancellationToken)
    {
        var go = await GoToolchain.LocateAsync(options.GoExecutable, options.OutputDirectory, cancellationToken);
        var module = GoModule.Find(options.ModuleDirectory);
        var symbol = ParseTarget(options.Target);

        var packageDirectory = module.PackageDirectory(symbol.PackagePath);
        var package = await GoPackageInspector.InspectAsync(go, packageDirectory, options.Target,
            Path.Combine(options.OutputDirectory, "cache"), log, cancellationToken);
        log.Detail($"Go {go.Version} {go.GoOS}/{go.GoArch} at {go.GoPath}; package folder {packageDirectory}");
        return new GoWorkspace(go, module, packageDirectory, package);
    }

    /// <summary>
    /// The target as a Go symbol with its package path, which finding its package needs (a profile
    /// would also accept a bare suffix such as <c>Apply</c>).
    /// </summary>
    public static GoSymbol ParseTarget(string target) =>
        GoSymbol.TryParse(target, out var symbol, out var problem)
            ? symbol!
            : throw new DodoException(DiagnosticCodes.TargetSymbolInvalid,
                $"The target '{target}' is not a Go function or method with its package path ({problem}); "
                + "name it as pprof does, e.g. 'example.com/svc/tags.(*Filter).Apply'.");

    /// <summary>
    /// A path for people and for the generated file's provenance: relative to the module when
    /// inside it, so no machine-specific folder ends up in a committed file.
    /// </summary>
    public string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Module.Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFileName(full)
            : relative.Replace('\\', '/');
    }
}
