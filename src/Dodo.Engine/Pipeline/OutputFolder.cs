using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Pipeline;

/// <summary>
/// Guards the output folder: dodo writes a go.mod there (to fence it off from the user's module),
/// keeps binaries and profiles there, and MSBuild's Clean deletes it, so it must be a folder of
/// dodo's own, never the module, a package, or a folder above them.
/// </summary>
public static class OutputFolder
{
    /// <summary>The first line dodo writes into the go.mod that fences the folder off.</summary>
    public const string FenceMarker = "// Written by dodo";

    /// <summary>Throws a coded error naming what the folder would break.</summary>
    public static void Check(string outputDirectory, string moduleDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var module = GoModule.Find(moduleDirectory).Root.TrimEnd(Path.DirectorySeparatorChar);
        string? problem = null;
        if (output == module || module.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = $"is the Go module's folder '{module}' or a folder above it";
        }
        else if (Directory.Exists(output) && Directory.EnumerateFiles(output, "*.go").Any())
        {
            problem = "holds Go source files: it is a Go package";
        }
        else if (File.Exists(Path.Combine(output, "go.mod")) && !IsFence(Path.Combine(output, "go.mod")))
        {
            problem = "holds a go.mod that dodo did not write: it is another Go module";
        }

        if (problem is not null)
        {
            throw new DodoException(DiagnosticCodes.InvalidOption,
                $"The output folder '{output}' (DodoOutputDirectory, --output-dir) {problem}. dodo writes a go.mod, "
                + "binaries and profiles there and Clean deletes it; choose a folder of its own, such as obj/dodo.");
        }
    }

    private static bool IsFence(string goMod) =>
        File.ReadLines(goMod).Take(1).Any(l => l.StartsWith(FenceMarker, StringComparison.Ordinal));
}
