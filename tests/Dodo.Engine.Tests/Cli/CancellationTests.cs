using System.Diagnostics;
using Dodo.Cli;

namespace Dodo.Engine.Tests.Cli;

/// <summary>The dodo process stopped from outside, as a CI timeout stops it.</summary>
[NonParallelizable]
public class CancellationTests
{
    [Test]
    public async Task SigtermDuringCalibrationStopsTheGoRunsAndLeavesThePackageUntouched()
    {
        using var temp = new TemporaryDirectory();
        CopySample(temp.Path);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "exec", typeof(DodoCommandLine).Assembly.Location, "benchmark",
                "--target", "intake/tags.(*Filter).Apply", "--module-dir", temp.Path,
                "--production", temp.Combine("production", "cpu-001.pprof"),
                "--snapshots", temp.Combine("production", "snapshots.json"),
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["GOPROXY"] = "off" },
        };
        using var dodo = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        var calibrating = new TaskCompletionSource();
        dodo.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("Dodo: generated", StringComparison.Ordinal) == true)
            {
                calibrating.TrySetResult();
            }
        };
        dodo.BeginErrorReadLine();
        await calibrating.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(5));

        Process.Start("kill", ["-TERM", dodo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!
            .WaitForExit();
        await dodo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var binary = Path.Combine(temp.Path, "obj", "dodo", "bin");
        Assert.Multiple(() =>
        {
            Assert.That(dodo.ExitCode, Is.EqualTo(ExitCodes.Error), stderr.ToString());
            Assert.That(stderr.ToString(), Does.Contain("error DODO9004"));
            Assert.That(RunningFrom(binary), Is.Empty, "the calibration binary was stopped too");
            Assert.That(Directory.GetFiles(temp.Combine("tags"), "dodo_*"), Is.Empty);
        });
    }

    private static List<string> RunningFrom(string folder) =>
        Directory.GetDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Select(f => File.Exists(f) ? TryRead(f) : "")
            .Where(c => c.Contains(folder, StringComparison.Ordinal))
            .ToList();

    private static string TryRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void CopySample(string destination)
    {
        var source = TestPaths.Sample("intake");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || Path.GetFileName(file).StartsWith("dodo_"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
            File.Copy(file, Path.Combine(destination, relative));
        }
    }
}
