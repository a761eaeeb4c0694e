using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>Merging profiles and the facts a profile reports about itself.</summary>
public class StackProfileTests
{
    [Test]
    public void MergingSumsValuesAndCountsPerStack()
    {
        var first = FoldedStackReaderTests.ReadText("a;b 2\na;c 1\n");
        var second = FoldedStackReaderTests.ReadText("a;b 5\nx 4\n");

        var merged = StackProfile.Merge([first, second]);

        Assert.Multiple(() =>
        {
            Assert.That(FoldedStackWriter.Format(merged), Is.EqualTo("a;b 7\nx 4\na;c 1\n"));
            Assert.That(merged.TotalCount, Is.EqualTo(12));
            Assert.That(merged.Sources, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void ReadAllOfTheSameFileTwiceDoublesEveryStack()
    {
        var path = TestPaths.PprofFixture("google-pprof__sample.cpu.pb.gz");
        var single = ProfileReader.Read(path);

        var merged = ProfileReader.ReadAll([path, path]);

        Assert.Multiple(() =>
        {
            Assert.That(merged.TotalValue, Is.EqualTo(2 * single.TotalValue));
            Assert.That(merged.Samples, Has.Count.EqualTo(single.Samples.Count));
            Assert.That(merged.Architecture, Is.EqualTo("amd64"));
        });
    }

    [Test]
    public void ProfilesOfDifferentQuantitiesAreNotMerged()
    {
        var cpu = ProfileReader.Read(TestPaths.PprofFixture("parca__fib.pb.gz"));
        var counts = FoldedStackReaderTests.ReadText("a;b 2\n");

        var error = Assert.Throws<DodoException>(() => StackProfile.Merge([cpu, counts]));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfilesNotMergeable));
    }

    [TestCase("dundee-gdu__default.linux-amd64.pgo", "amd64")]
    [TestCase("9seconds-mtg__default.linux-amd64.go126.pgo", "amd64")]
    [TestCase("arnonrgo-immutable__default.darwin-arm64.gotest.pgo", "arm64")]
    [TestCase("parca__labels.darwin-arm64.pb.gz", "arm64")]
    [TestCase("pprofutils__folded.in.txt", null)]
    public void ArchitectureIsReportedWhenFileNamesShowIt(string name, string? architecture)
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture(name));

        Assert.That(profile.Architecture, Is.EqualTo(architecture));
    }

    [Test]
    public void AMissingFileIsTheInputNotFoundError()
    {
        var error = Assert.Throws<DodoException>(() => ProfileReader.Read("/no/such/profile.pprof"));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.InputNotFound));
    }

    [Test]
    public void AFrameNameWithAControlCharacterIsNotWrittenAsFoldedText()
    {
        var sample = new StackSample([new RawFrame("main", null), new RawFrame("evil\nx 1", null)], 1, 1);
        var profile = new StackProfile([sample], "samples", "count", 0, null, ["crafted"]);

        var error = Assert.Throws<DodoException>(() => FoldedStackWriter.Format(profile));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.FrameNameNotWritable));
    }
}
