using System.Diagnostics;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// Not a timed unit test: a Stopwatch measurement of reading plus call-tree building, printed
/// for the record. Run with
/// <c>dotnet test Dodo.Build.sln --filter "FullyQualifiedName~ProfileReadingMeasurement"</c>.
/// </summary>
[Explicit("A measurement, not a test: run it on purpose and read its output.")]
public class ProfileReadingMeasurement
{
    private const int Runs = 10;

    [TestCase("fixtures/profiles/datadog-pgo-testdata-grpc-anon.pprof",
        "google.golang.org/grpc.(*Server).handleStream")]
    [TestCase("fixtures/pprof/arnonrgo-immutable__default.darwin-arm64.gotest.pgo", "testing.(*B).runN")]
    [TestCase("fixtures/pprof/dundee-gdu__default.linux-amd64.pgo",
        "github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir.func1")]
    [TestCase("fixtures/pprof/9seconds-mtg__default.linux-amd64.go126.pgo", "runtime.mallocgc")]
    public void RealFixture(string relativePath, string target)
    {
        Measure(Path.Combine(TestPaths.Shared, relativePath), target, Runs);
    }

    // The first has large.cpu's counts (pprof-format.md §11) with every sample a distinct stack;
    // the second is a fleet-sized Datadog-like profile, about 100 MB uncompressed.
    [TestCase(20_430, 20_430, 23_355, 23_038, false, 10)]
    [TestCase(1_000_000, 50_000, 100_000, 50_000, true, 3)]
    public void SyntheticProfile(int samples, int stacks, int locations, int functions, bool labels, int runs)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine($"synthetic-{samples}.pb.gz");
        Profiles.SyntheticProfile.Write(path, samples, stacks, locations, functions, labels, seed: 7);

        Measure(path, "main.main", runs);
    }

    private static void Measure(string path, string target, int runs)
    {
        var profile = ProfileReader.Read(path);
        CallTree.Build(profile, target);
        GC.Collect();

        var read = new List<double>();
        var build = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            profile = ProfileReader.Read(path);
            read.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            CallTree.Build(profile, target);
            build.Add(clock.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var peak = Environment.WorkingSet / (1024.0 * 1024);
        TestContext.Out.WriteLine(
            $"{Path.GetFileName(path)}: {new FileInfo(path).Length:N0} bytes, {profile.Samples.Count:N0} stacks; "
            + $"read median {Median(read):F1} ms, tree median {Median(build):F1} ms, "
            + $"{allocated / (1024.0 * 1024):F1} MiB allocated per read+tree, working set {peak:F0} MiB");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
