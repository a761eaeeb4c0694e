using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// Every real profile with an expected folded file (written by google/pprof's parser) must read
/// to exactly those stacks: same frames, inline expansion and order, same weights.
/// </summary>
public class PprofFixtureTests
{
    private static readonly string[] CpuProfiles =
    [
        "9seconds-mtg__default.linux-amd64.go126.pgo",
        "arnonrgo-immutable__default.darwin-arm64.gotest.pgo",
        "dundee-gdu__default.linux-amd64.pgo",
        "google-pprof__sample.cpu.pb.gz",
        "parca__fib.pb.gz",
        "parca__labels.darwin-arm64.pb.gz",
        "pprofutils__pprof.lines.pb.gz",
        "pprofutils__pprof.samples.cpu.001.pb.gz",
    ];

    private static readonly string[] ProfilesWithSampleCounts =
    [
        "pprofutils__pprof.lines.pb.gz",
        "pprofutils__pprof.samples.cpu.001.pb.gz",
    ];

    [TestCaseSource(nameof(CpuProfiles))]
    public void ValuesMatchTheFoldedStacksGooglePprofWrote(string name)
    {
        var expected = ReadLines(TestPaths.PprofFixture(name + ".expected.folded.txt"));

        var profile = ProfileReader.Read(TestPaths.PprofFixture(name));

        Assert.That(SplitLines(FoldedStackWriter.Format(profile)), Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(ProfilesWithSampleCounts))]
    public void SampleCountsMatchTheFoldedStacksGooglePprofWrote(string name)
    {
        var expected = ReadLines(TestPaths.PprofFixture(name + ".expected.samples.folded.txt"));

        var profile = ProfileReader.Read(TestPaths.PprofFixture(name));

        Assert.That(SplitLines(FoldedStackWriter.Format(profile, FoldedColumn.Count)),
            Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(CpuProfiles))]
    public void TotalsAreTheSumOfTheExpectedLines(string name)
    {
        var expectedTotal = ReadLines(TestPaths.PprofFixture(name + ".expected.folded.txt"))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..]));

        var profile = ProfileReader.Read(TestPaths.PprofFixture(name));

        Assert.That(profile.TotalValue, Is.EqualTo(expectedTotal));
    }

    internal static List<string> ReadLines(string path) =>
        SplitLines(File.ReadAllText(path));

    internal static List<string> SplitLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
