namespace Dodo.Engine.CallTrees;

/// <summary>
/// Set R of go-frame-normalization.md §2: frames inside the Go runtime, whose arrangement
/// depends on architecture and version rather than on the program. Judged by package, by the
/// bare assembly body names pprof shows without a package, and by the source file, which
/// catches functions the runtime implements under another package's name (<c>time.now</c>).
/// </summary>
internal static class RuntimeFrames
{
    private static readonly HashSet<string> Packages = new(StringComparer.Ordinal)
    {
        "runtime", "runtime/cgo", "internal/bytealg", "internal/abi", "internal/cpu", "internal/goarch",
    };

    private static readonly HashSet<string> AssemblyBodies = new(StringComparer.Ordinal)
    {
        "aeshashbody", "memeqbody", "cmpbody", "indexbytebody", "indexbody", "countbody",
        "countbytebody", "gcWriteBarrier",
    };

    /// <param name="name">The name after N1–N3, so generic arguments hold no '/' or '.'.</param>
    public static bool Contains(string name, string? file)
    {
        var package = PackageOf(name);
        return Packages.Contains(package)
            || package.StartsWith("runtime/internal/", StringComparison.Ordinal)
            || package.StartsWith("internal/runtime/", StringComparison.Ordinal)
            || AssemblyBodies.Contains(name)
            || (file is not null && IsRuntimeSource(file));
    }

    /// <summary>Everything up to the first '.' after the last '/' (on the escaped name, §6).</summary>
    public static string PackageOf(string name)
    {
        var slash = name.LastIndexOf('/');
        var dot = name.IndexOf('.', slash + 1);
        return dot < 0 ? name : name[..dot];
    }

    /// <summary>A file directly in GOROOT's src/runtime, or in runtime/ of a -trimpath build.</summary>
    private static bool IsRuntimeSource(string file)
    {
        var path = file.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var folder = path.AsSpan(0, slash);
        return folder.SequenceEqual("runtime") || folder.SequenceEqual("src/runtime")
            || folder.EndsWith("/src/runtime", StringComparison.Ordinal);
    }
}
