using System.Text.RegularExpressions;
using Dodo.Engine.Toolchain;

namespace Dodo.Build.Tests;

/// <summary>
/// A Go repository in a temporary folder that consumes the packed Dodo.Build as an MSBuild project
/// SDK, the way a user's repository does: a nuget.config and one small project file.
/// </summary>
internal sealed partial class GoRepository : IDisposable
{
    private GoRepository(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>
    /// Copies the bundled sample (samples/intake, with its own dodo.proj) into a new repository
    /// whose project file asks for the freshly packed version.
    /// </summary>
    public static async Task<GoRepository> FromSampleAsync()
    {
        var (feed, version) = await PackedPackage.GetAsync();
        var root = Path.Combine(Path.GetTempPath(), $"dodo-e2e-{Guid.NewGuid():N}");
        CopyDirectory(RepoPaths.Sample("intake"), root);

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dodo-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var project = Path.Combine(root, "dodo.proj");
        File.WriteAllText(project, SdkVersion().Replace(File.ReadAllText(project), $"Sdk=\"Dodo.Build/{version}\""));
        return new GoRepository(root);
    }

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Runs <c>dotnet build dodo.proj</c> with a private NuGet cache and the given arguments.</summary>
    public Task<ProcessResult> BuildAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", ["build", "dodo.proj", "-nologo", .. arguments], Root,
            new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = Combine(".nuget-cache"),
                ["GOPROXY"] = "off",
                ["MSBUILDDISABLENODEREUSE"] = "1",
            },
            timeout: TimeSpan.FromMinutes(20));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the OS cleans temp eventually.
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            // What the sample's .gitignore leaves out: a run of samples/run.sh in this checkout
            // must not hand the tests its output or its frozen benchmark.
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "obj" or "bin"
                || GeneratedBenchmark().IsMatch(Path.GetFileName(file)))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^dodo_.+_test\.go$")]
    private static partial Regex GeneratedBenchmark();

    [GeneratedRegex("Sdk=\"Dodo\\.Build/[^\"]+\"")]
    private static partial Regex SdkVersion();
}
