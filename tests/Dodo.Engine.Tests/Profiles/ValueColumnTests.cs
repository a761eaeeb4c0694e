using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>Which sample column is read, and refusing profiles that are not CPU profiles.</summary>
public class ValueColumnTests
{
    private const string Contention = "pprofutils__avg.in.uncompressed.pprof";

    [Test]
    public void AContentionProfileIsRefusedByDefault()
    {
        var path = TestPaths.PprofFixture(Contention);

        var error = Assert.Throws<DodoException>(() => ProfileReader.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileNotCpu));
            Assert.That(error.Message, Does.Contain(Contention).And.Contain("contentions"));
        });
    }

    [Test]
    public void AContentionProfileReadsWhenTheCallerNamesTheValueColumn()
    {
        var expected = PprofFixtureTests.ReadLines(TestPaths.PprofFixture(Contention + ".expected.folded.txt"));
        var options = new ProfileReadOptions { ValueColumn = "delay/nanoseconds" };

        var profile = ProfileReader.Read(TestPaths.PprofFixture(Contention), options);

        Assert.Multiple(() =>
        {
            Assert.That(PprofFixtureTests.SplitLines(FoldedStackWriter.Format(profile)), Is.EquivalentTo(expected));
            Assert.That(profile.ValueType, Is.EqualTo("delay"));
            Assert.That(profile.TotalCount, Is.EqualTo(387_153_502), "contentions/count column");
        });
    }

    [Test]
    public void ANamedColumnThatDoesNotExistIsACodedError()
    {
        var options = new ProfileReadOptions { ValueColumn = "alloc_space" };

        var error = Assert.Throws<DodoException>(
            () => ProfileReader.Read(TestPaths.PprofFixture("parca__fib.pb.gz"), options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileValueColumnNotFound));
            Assert.That(error.Message, Does.Contain("samples/count, cpu/nanoseconds"));
        });
    }

    [Test]
    public void SampleCountsComeFromTheSamplesColumnOfAGoCpuProfile()
    {
        // README table: gdu totals are 13,400 samples and 134,000,000,000 ns.
        var profile = ProfileReader.Read(TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.TotalCount, Is.EqualTo(13_400));
            Assert.That(profile.TotalValue, Is.EqualTo(134_000_000_000));
            Assert.That(profile.Period, Is.EqualTo(10_000_000));
        });
    }

    [Test]
    public void WithoutACpuColumnSampleCountsAreScaledByTheCpuPeriodAndAWarningSaysSo()
    {
        var log = new DiagnosticLog();

        var profile = FoldedStackReaderTests.ReadText("samples/count\nmain;foo 5\n", log: log);

        Assert.Multiple(() =>
        {
            Assert.That(profile.ValueType, Is.EqualTo("samples"));
            Assert.That(profile.TotalValue, Is.EqualTo(5));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProfileValueColumnFallback));
        });
    }

    [Test]
    public void AWallClockProfileIsRefused()
    {
        var error = Assert.Throws<DodoException>(
            () => FoldedStackReaderTests.ReadText("samples/count wall/nanoseconds\nmain;foo 5 50\n"));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileNotCpu));
    }
}
