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
        var symbol = GoSymbol.Parse(options.Target);
        var packageDirectory = module.PackageDirectory(symbol.PackagePath);
        var package = await GoPackageInspector.InspectAsync(go, packageDirectory, options.Target,
            Path.Combine(options.OutputDirectory, "cache"), log, cancellationToken);
        log.Detail($"Go {go.Version} {go.GoOS}/{go.GoArch} at {go.GoPath}; package folder {packageDirectory}");
        return new GoWorkspace(go, module, packageDirectory, package);
    }

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
