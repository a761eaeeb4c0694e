using System.Diagnostics;
using Dodo.Engine.Toolchain;

namespace Dodo.Build.Tests;

/// <summary>
/// Dodo.Build packed once per test run, under a version no NuGet cache has seen (a re-packed
/// package with an unchanged version would be served stale from the cache), into a private feed.
/// </summary>
internal static class PackedPackage
{
    private static readonly Lazy<Task<(string Feed, string Version)>> Packed = new(PackAsync);

    public static Task<(string Feed, string Version)> GetAsync() => Packed.Value;

    private static async Task<(string Feed, string Version)> PackAsync()
    {
        var version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Path.Combine(Path.GetTempPath(), $"dodo-feed-{version}");
        Directory.CreateDirectory(feed);
        var project = Path.Combine(RepoPaths.Root, "src", "Dodo.Build.Tasks", "Dodo.Build.Tasks.csproj");

        var result = await ProcessRunner.RunAsync("dotnet",
            ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo"],
            RepoPaths.Root, timeout: TimeSpan.FromMinutes(10));

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result.StandardOutput + result.StandardError);
        }

        Debug.Assert(File.Exists(Path.Combine(feed, $"Dodo.Build.{version}.nupkg")));
        return (feed, version);
    }
}
