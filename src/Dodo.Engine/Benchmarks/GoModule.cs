using Dodo.Engine.Diagnostics;
using Dodo.Engine.IO;

namespace Dodo.Engine.Benchmarks;

/// <summary>A Go module: the folder holding go.mod and the module path it declares.</summary>
public sealed record GoModule(string Root, string ModulePath)
{
    /// <summary>Finds the go.mod in the folder or the nearest folder above it.</summary>
    public static GoModule Find(string startDirectory)
    {
        var start = Path.GetFullPath(startDirectory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var goMod = Path.Combine(dir.FullName, "go.mod");
            if (File.Exists(goMod))
            {
                return new GoModule(dir.FullName, ReadModulePath(goMod));
            }
        }

        throw new DodoException(DiagnosticCodes.GoModuleNotFound,
            $"No go.mod was found in '{start}' or any folder above it. Set DodoModuleDirectory "
            + "(--module-dir) to the Go module that holds the target.");
    }

    /// <summary>The folder of a package of this module, from its import path.</summary>
    public string PackageDirectory(string importPath)
    {
        if (importPath == ModulePath)
        {
            return Root;
        }

        if (importPath.StartsWith(ModulePath + "/", StringComparison.Ordinal))
        {
            var relative = importPath[(ModulePath.Length + 1)..];
            var directory = Path.GetFullPath(Path.Combine(Root, relative));
            if (directory.StartsWith(Root, StringComparison.Ordinal) && Directory.Exists(directory))
            {
                return directory;
            }
        }

        throw new DodoException(DiagnosticCodes.GoModuleNotFound,
            $"The target's package '{importPath}' is not a folder of module '{ModulePath}' at '{Root}'. "
            + "The target must live in the module named by DodoModuleDirectory (--module-dir).",
            Path.Combine(Root, "go.mod"));
    }

    /// <summary>
    /// Makes <paramref name="directory"/> a module of its own, so that Go files dodo keeps there
    /// (a rejected benchmark, the inspector's sources) never join the user's <c>./...</c>.
    /// </summary>
    public static void FenceOff(string directory)
    {
        var goMod = Path.Combine(directory, "go.mod");
        if (!File.Exists(goMod))
        {
            AtomicFile.WriteAllText(goMod,
                Pipeline.OutputFolder.FenceMarker + ": keeps this output folder out of the enclosing Go module.\n"
                + "module dodo.output\n");
        }
    }

    private static string ReadModulePath(string goMod)
    {
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(goMod))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (!line.StartsWith("module", StringComparison.Ordinal))
            {
                continue;
            }

            var path = line["module".Length..].Trim().Trim('"', '`');
            if (path.Length > 0 && !path.Any(char.IsWhiteSpace))
            {
                return path;
            }

            throw new DodoException(DiagnosticCodes.GoModuleNotFound,
                "The module directive has no valid module path.", goMod, lineNumber);
        }

        throw new DodoException(DiagnosticCodes.GoModuleNotFound, "go.mod has no module directive.", goMod);
    }

    private static string StripComment(string line)
    {
        var index = line.IndexOf("//", StringComparison.Ordinal);
        return index < 0 ? line : line[..index];
    }
}
