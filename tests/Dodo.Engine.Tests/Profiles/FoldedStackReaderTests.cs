using System.Text;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>Folded (collapsed) stack text as the second input format, pprof-format.md §10.</summary>
public class FoldedStackReaderTests
{
    [Test]
    public void PprofutilsFileWithoutTrailingNewlineReadsAllThreeLines()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("pprofutils__folded.in.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(Lines(profile), Is.EquivalentTo(new[] { "main;foo 5", "main;foo;bar 3", "main;foobar 4" }));
            Assert.That(profile.ValueType, Is.EqualTo("samples"));
            Assert.That(profile.TotalCount, Is.EqualTo(12));
        });
    }

    [Test]
    public void PerfKernelStacksKeepTheirRawSuffixesAndLargeCounts()
    {
        // awk '{s+=$NF} END {print s, NR}' on the file: 101010100 over 9 lines.
        var profile = ProfileReader.Read(TestPaths.PprofFixture("flamegraph__perf-dd-stacks-01-collapsed-kernel.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.TotalValue, Is.EqualTo(101_010_100));
            Assert.That(profile.Samples, Has.Count.EqualTo(9));
            Assert.That(profile.Samples.SelectMany(s => s.Frames).Select(f => f.Name),
                Has.Some.EqualTo("sys_write_[k]"));
        });
    }

    [Test]
    public void PerfJavaStacksSplitIntoTheSameFramesAsTheFile()
    {
        // This file has no ';' inside brackets, so a plain split gives the expected frames.
        var path = TestPaths.PprofFixture("flamegraph__perf-java-stacks-01-collapsed-jit.txt");
        var expected = File.ReadAllLines(path)
            .Select(l => (Frames: l[..l.LastIndexOf(' ')].Split(';'), Count: long.Parse(l[(l.LastIndexOf(' ') + 1)..])))
            .ToList();

        var profile = ProfileReader.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(profile.TotalValue, Is.EqualTo(expected.Sum(e => e.Count)));
            Assert.That(profile.Samples.Select(s => s.Frames.Count).Order(),
                Is.EqualTo(expected.Select(e => e.Frames.Length).Order()));
        });
    }

    [Test]
    public void GoGenericShapesWithSemicolonsStayOneFrame()
    {
        var binary = ProfileReader.Read(TestPaths.PprofFixture("9seconds-mtg__default.linux-amd64.go126.pgo"));

        var folded = ProfileReader.Read(
            TestPaths.PprofFixture("9seconds-mtg__default.linux-amd64.go126.pgo.expected.folded.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(Stacks(folded), Is.EquivalentTo(Stacks(binary)));
            Assert.That(folded.Samples.SelectMany(s => s.Frames).Select(f => f.Name),
                Has.Some.Contains("go.shape.struct { runtime.spanSetBlockHeader2; runtime.spans"));
        });
    }

    [Test]
    public void AStackWithoutFramesAsPprofWritesItCarriesTimeButNoFrames()
    {
        var profile = ReadText(" 7\na;b 3\n");

        Assert.Multiple(() =>
        {
            Assert.That(profile.TotalValue, Is.EqualTo(10));
            Assert.That(profile.Samples.Select(s => s.Frames.Count), Is.EquivalentTo(new[] { 0, 2 }));
        });
    }

    [Test]
    public void GooglePprofsFoldedRenderingOfGduReadsWhole()
    {
        var log = new DiagnosticLog();
        var binary = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        var folded = ProfileReader.Read(
            TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo.expected.folded.txt"), log);

        Assert.Multiple(() =>
        {
            Assert.That(log.Diagnostics, Is.Empty, "its empty-stack line is not malformed");
            Assert.That(folded.TotalValue, Is.EqualTo(binary.TotalValue));
        });
    }

    [Test]
    public void CrlfLineEndingsAndAMissingFinalNewlineAreAccepted()
    {
        var profile = ReadText("a;b 2\r\na;c 3\r\n\r\na;b 1");

        Assert.That(Lines(profile), Is.EquivalentTo(new[] { "a;b 3", "a;c 3" }));
    }

    [Test]
    public void FrameNamesMayContainSpacesBecauseTheLastWhitespaceSeparatesTheCount()
    {
        var profile = ReadText("main;fib(unsigned long);interface {} 7\n");

        Assert.That(profile.Samples.Single().Frames.Select(f => f.Name),
            Is.EqualTo(new[] { "main", "fib(unsigned long)", "interface {}" }));
    }

    [Test]
    public void MalformedLinesAreSkippedCountedAndReportedOnce()
    {
        var log = new DiagnosticLog();
        const string text = "a;b 1\na;;b 2\nno-count\na;b -5\na;b NaN\na;b 99999999999999999999\n a 3\n;x 1\n";

        var profile = ReadText(text, log: log);

        Assert.Multiple(() =>
        {
            Assert.That(Lines(profile), Is.EquivalentTo(new[] { "a;b 1", " a 3" }));
            Assert.That(log.Diagnostics, Has.Count.EqualTo(1));
            Assert.That(log.Diagnostics[0].Code, Is.EqualTo(DiagnosticCodes.FoldedMalformedLines));
            Assert.That(log.Diagnostics[0].Message,
                Does.Contain("skipped 6 malformed line(s) (line 2, 3, 4, 5, 6, …)"));
        });
    }

    [Test]
    public void DecimalCountsAreRoundedToWholeUnits()
    {
        var profile = ReadText("a;b 2.5\na;c 1.\n");

        Assert.That(Lines(profile), Is.EquivalentTo(new[] { "a;b 3", "a;c 1" }));
    }

    [Test]
    public void APprofutilsHeaderNamesTheColumnsAndTheCpuColumnIsUsed()
    {
        var profile = ReadText("samples/count cpu/nanoseconds\nmain;foo 5 50000000\nmain;bar 1 10000000\n");

        Assert.Multiple(() =>
        {
            Assert.That(profile.ValueType, Is.EqualTo("cpu"));
            Assert.That(profile.ValueUnit, Is.EqualTo("nanoseconds"));
            Assert.That(profile.TotalValue, Is.EqualTo(60_000_000));
            Assert.That(profile.TotalCount, Is.EqualTo(6));
        });
    }

    [Test]
    public void AnOverlongLineIsSkippedWithoutBeingStored()
    {
        var log = new DiagnosticLog();
        var options = new ProfileReadOptions { MaxFoldedLineLength = 100 };
        var text = "a;b 1\n" + string.Join(';', Enumerable.Repeat("frame", 1000)) + " 1\na;c 2";

        var profile = ReadText(text, options, log);

        Assert.Multiple(() =>
        {
            Assert.That(Lines(profile), Is.EquivalentTo(new[] { "a;b 1", "a;c 2" }));
            Assert.That(log.Diagnostics.Single().Message, Does.Contain("(line 2)"));
        });
    }

    [Test]
    public void AStackDeeperThanTheCapIsMalformed()
    {
        var log = new DiagnosticLog();
        var options = new ProfileReadOptions { MaxStackDepth = 3 };

        var profile = ReadText("a;b;c 1\na;b;c;d 1\n", options, log);

        Assert.Multiple(() =>
        {
            Assert.That(Lines(profile), Is.EqualTo(new[] { "a;b;c 1" }));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FoldedMalformedLines));
        });
    }

    [Test]
    public void TextWithoutAnyStackLineIsRefused()
    {
        var error = Assert.Throws<DodoException>(() => ReadText("hello world\nthis is not a profile\n"));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.FoldedNoStacks));
    }

    [Test]
    public void ALegacyTextProfileIsRefusedAsNotPprof()
    {
        var error = Assert.Throws<DodoException>(
            () => ReadText("--- contention:\ncycles/second=3000000000\n123 4 @ 0x1 0x2\n"));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileNotPprof));
    }

    [Test]
    public void ALegacyBinaryCpuProfileIsRefusedAsNotPprof()
    {
        // gperftools header: 64-bit words 0 (header count), 3 (header words), 0 (version), period.
        var legacy = new byte[48];
        legacy[8] = 3;
        legacy[24] = 0x10;

        var error = Assert.Throws<DodoException>(
            () => ProfileReader.Read(new MemoryStream(legacy), "gobench.cpu"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileNotPprof));
            Assert.That(error.Message, Does.Contain("gobench.cpu").And.Contain("legacy"));
        });
    }

    internal static StackProfile ReadText(string text, ProfileReadOptions? options = null,
        DiagnosticLog? log = null) =>
        ProfileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.folded", options, log);

    private static List<string> Lines(StackProfile profile) =>
        PprofFixtureTests.SplitLines(FoldedStackWriter.Format(profile));

    private static List<string> Stacks(StackProfile profile) =>
        profile.Samples.Select(s => string.Join(" | ", s.Frames.Select(f => f.Name)) + " = " + s.Value).ToList();
}
