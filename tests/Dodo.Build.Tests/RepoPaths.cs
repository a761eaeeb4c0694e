namespace Dodo.Build.Tests;

/// <summary>Where the checkout and its bundled sample are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    private static string FindRoot()
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
