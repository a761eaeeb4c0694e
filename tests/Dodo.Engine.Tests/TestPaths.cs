namespace Dodo.Engine.Tests;

/// <summary>Where the repository, the shared fixtures and the Go test packages are.</summary>
internal static class TestPaths
{
    /// <summary>The checkout's root: the folder holding Dodo.Build.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// The read-only shared folder beside the checkout (override with DODO_SHARED_DIR). Tests read
    /// from it and never write into it.
    /// </summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("DODO_SHARED_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string PprofFixture(string name) => Path.Combine(Shared, "fixtures", "pprof", name);

    public static string HostileFixture(string name) => Path.Combine(Shared, "fixtures", "pprof", "hostile", name);

    public static string SnapshotFixture(string name) => Path.Combine(Shared, "fixtures", "snapshots", name);

    public static string Sample(params string[] parts) =>
        Path.Combine([RepoRoot, "samples", .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dodo.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dodo.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
