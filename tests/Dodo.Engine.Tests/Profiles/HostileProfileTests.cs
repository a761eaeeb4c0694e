using System.Diagnostics;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// The synthetic malformed inputs of fixtures/pprof/hostile: each is accepted or refused as
/// the README's "Dodo" column says, refusals carry the right code and the file name, and none
/// crashes, hangs or spends the memory a gzip bomb asks for.
/// </summary>
public class HostileProfileTests
{
    private static readonly object[] Refused =
    [
        new object[] { "bad_string_index.pb.gz", DiagnosticCodes.ProfileBadStringIndex },
        new object[] { "bad_negative_string_index.pb.gz", DiagnosticCodes.ProfileBadStringIndex },
        new object[] { "bad_string0_not_empty.pb.gz", DiagnosticCodes.ProfileBadStringIndex },
        new object[] { "bad_location_id_zero.pb.gz", DiagnosticCodes.ProfileBadId },
        new object[] { "bad_sample_unknown_location.pb.gz", DiagnosticCodes.ProfileUnknownReference },
        new object[] { "bad_duplicate_function_id.pb.gz", DiagnosticCodes.ProfileBadId },
        new object[] { "bad_line_function_zero.pb.gz", DiagnosticCodes.ProfileUnknownReference },
        new object[] { "bad_value_count.pb.gz", DiagnosticCodes.ProfileValueCountMismatch },
        new object[] { "bad_varint_11_bytes.pb.gz", DiagnosticCodes.ProfileMalformedProtobuf },
        new object[] { "bad_truncated_length.pb.gz", DiagnosticCodes.ProfileMalformedProtobuf },
        new object[] { "bad_group_wiretype.pb.gz", DiagnosticCodes.ProfileMalformedProtobuf },
        new object[] { "concatenated_two_profiles.pb.gz", DiagnosticCodes.ProfileConcatenated },
        new object[] { "two_gzip_members.pb.gz", DiagnosticCodes.ProfileConcatenated },
        new object[] { "truncated_gzip.pb.gz", DiagnosticCodes.ProfileGzipCorrupt },
        new object[] { "empty.pb.gz", DiagnosticCodes.ProfileEmpty },
        new object[] { "zeros_1MiB.pb.gz", DiagnosticCodes.ProfileMalformedProtobuf },
        new object[] { "gzip_bomb_256MiB_zeros.pb.gz", DiagnosticCodes.ProfileTooLarge },
        new object[] { "negative_cpu_value.pb.gz", DiagnosticCodes.ProfileNegativeValue },
    ];

    private static readonly string[] Accepted =
    [
        "ok_minimal.pb.gz",
        "ok_minimal_unpacked.pb.gz",
        "unknown_fields_ignored.pb.gz",
        "sparse_huge_ids.pb.gz",
    ];

    [TestCaseSource(nameof(Refused))]
    public void MalformedInputIsRefusedWithItsCodeAndTheFileName(string name, string code)
    {
        var path = TestPaths.HostileFixture(name);

        var error = Assert.Throws<DodoException>(() => ProfileReader.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(code), error.Message);
            Assert.That(error.Message, Does.Contain(name));
            Assert.That(error.File, Is.EqualTo(path));
        });
    }

    [TestCaseSource(nameof(Accepted))]
    public void ValidVariantsReadAsTheThreeFrameBaseline(string name)
    {
        var log = new DiagnosticLog();

        var profile = ProfileReader.Read(TestPaths.HostileFixture(name), log);

        Assert.Multiple(() =>
        {
            Assert.That(FoldedStackWriter.Format(profile),
                Is.EqualTo("runtime.main;main.main;main.leaf 10000000\n"));
            Assert.That(profile.TotalCount, Is.EqualTo(1));
            Assert.That(log.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void AMissingMappingIsAcceptedWithAWarning()
    {
        var log = new DiagnosticLog();

        var profile = ProfileReader.Read(TestPaths.HostileFixture("bad_mapping_missing.pb.gz"), log);

        Assert.Multiple(() =>
        {
            Assert.That(profile.TotalValue, Is.EqualTo(10_000_000));
            Assert.That(log.Diagnostics.Select(d => d.Code),
                Is.EqualTo(new[] { DiagnosticCodes.ProfileMappingMissing }));
        });
    }

    [Test]
    public void ASampleWithoutLocationsIsKeptAsAnEmptyStack()
    {
        var profile = ProfileReader.Read(TestPaths.HostileFixture("sample_no_locations.pb.gz"));

        Assert.That(profile.Samples.Select(s => s.Frames.Count), Is.EquivalentTo(new[] { 0, 3 }));
    }

    [Test]
    public void TheGzipBombIsRefusedQuicklyWithoutInflatingIt()
    {
        var path = TestPaths.HostileFixture("gzip_bomb_256MiB_zeros.pb.gz");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        Assert.Throws<DodoException>(() => ProfileReader.Read(path));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "bytes allocated");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void TheSizeCapAppliesToUncompressedInputToo()
    {
        var options = new ProfileReadOptions { MaxDecompressedBytes = 10_000 };
        var path = TestPaths.PprofFixture("pprofutils__avg.in.uncompressed.pprof");

        var error = Assert.Throws<DodoException>(() => ProfileReader.Read(path, options));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileTooLarge));
    }
}
