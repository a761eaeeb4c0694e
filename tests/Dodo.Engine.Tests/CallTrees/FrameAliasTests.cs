using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>
/// Rule N3: every row of go-frame-normalization.md §3 (and §4), the amd64 and the arm64 name,
/// lands on the canonical name the spec's tables give.
/// </summary>
public class FrameAliasTests
{
    // §3.1 internal/bytealg
    [TestCase("indexbytebody", "internal/bytealg.IndexByte")]
    [TestCase("internal/bytealg.IndexByteString", "internal/bytealg.IndexByte")]
    [TestCase("internal/bytealg.IndexByte", "internal/bytealg.IndexByte")]
    [TestCase("indexbody", "internal/bytealg.Index")]
    [TestCase("internal/bytealg.IndexString", "internal/bytealg.Index")]
    [TestCase("countbody", "internal/bytealg.Count")]
    [TestCase("countbytebody", "internal/bytealg.Count")]
    [TestCase("internal/bytealg.CountString", "internal/bytealg.Count")]
    [TestCase("internal/bytealg.countGeneric", "internal/bytealg.Count")]
    [TestCase("internal/bytealg.countGenericString", "internal/bytealg.Count")]
    [TestCase("cmpbody", "internal/bytealg.Compare")]
    [TestCase("runtime.cmpstring", "internal/bytealg.Compare")]
    [TestCase("memeqbody", "runtime.memequal")]
    [TestCase("runtime.memequal", "runtime.memequal")]
    [TestCase("runtime.memequal_varlen", "runtime.memequal")]
    [TestCase("runtime.memequal64", "runtime.memequal64")]
    // §3.2 hashing
    [TestCase("aeshashbody", "runtime.memhash")]
    [TestCase("runtime.memhashFallback", "runtime.memhash")]
    [TestCase("runtime.strhashFallback", "runtime.memhash")]
    [TestCase("runtime.memhash32Fallback", "runtime.memhash32")]
    [TestCase("runtime.memhash64Fallback", "runtime.memhash64")]
    [TestCase("runtime.aeshash", "runtime.memhash")]
    [TestCase("runtime.aeshashstr", "runtime.memhash")]
    [TestCase("runtime.aeshash32", "runtime.memhash32")]
    [TestCase("runtime.aeshash64", "runtime.memhash64")]
    // §3.3 memory movement
    [TestCase("runtime.duffcopy", "runtime.memmove")]
    [TestCase("runtime.duffzero", "runtime.memclrNoHeapPointers")]
    [TestCase("runtime.memmove", "runtime.memmove")]
    // §3.4 write barriers, stack growth, cgo
    [TestCase("runtime.gcWriteBarrierCX", "runtime.gcWriteBarrier")]
    [TestCase("runtime.gcWriteBarrierR9", "runtime.gcWriteBarrier")]
    [TestCase("runtime.gcWriteBarrier2", "runtime.gcWriteBarrier")]
    [TestCase("runtime.gcWriteBarrier8", "runtime.gcWriteBarrier")]
    [TestCase("gcWriteBarrier", "runtime.gcWriteBarrier")]
    [TestCase("runtime.morestack_noctxt", "runtime.morestack")]
    [TestCase("runtime.newstack", "runtime.morestack")]
    [TestCase("runtime.asmcgocall", "runtime.cgocall")]
    [TestCase("runtime.asmcgocall.abi0", "runtime.cgocall")]
    // §3.5 crypto and checksums
    [TestCase("crypto/sha256.block", "crypto/sha256.block")]
    [TestCase("crypto/sha256.sha256block", "crypto/sha256.block")]
    [TestCase("crypto/sha256.blockGeneric", "crypto/sha256.block")]
    [TestCase("crypto/internal/fips140/sha256.blockAVX2", "crypto/internal/fips140/sha256.block")]
    [TestCase("crypto/internal/fips140/sha256.blockSHANI", "crypto/internal/fips140/sha256.block")]
    [TestCase("crypto/internal/fips140/sha256.blockSHA2", "crypto/internal/fips140/sha256.block")]
    [TestCase("crypto/sha512.blockAVX2", "crypto/sha512.block")]
    [TestCase("crypto/sha1.blockAVX2", "crypto/sha1.block")]
    [TestCase("crypto/md5.blockGeneric", "crypto/md5.block")]
    [TestCase("hash/crc32.castagnoliSSE42", "hash/crc32.archUpdateCastagnoli")]
    [TestCase("hash/crc32.castagnoliSSE42Triple", "hash/crc32.archUpdateCastagnoli")]
    [TestCase("hash/crc32.castagnoliUpdate", "hash/crc32.archUpdateCastagnoli")]
    [TestCase("hash/crc32.ieeeCLMUL", "hash/crc32.archUpdateIEEE")]
    [TestCase("hash/crc32.ieeeUpdate", "hash/crc32.archUpdateIEEE")]
    [TestCase("math/big.addVV", "math/big.addVV")]
    // §4 system-call entries
    [TestCase("syscall.Syscall6", "syscall.Syscall")]
    [TestCase("syscall.RawSyscall6", "syscall.Syscall")]
    [TestCase("internal/runtime/syscall.Syscall6", "syscall.Syscall")]
    [TestCase("syscall.syscall6X", "syscall.Syscall")]
    [TestCase("syscall.rawSyscall", "syscall.Syscall")]
    public void ArchitectureAndOsNamesMapToTheCanonicalName(string raw, string canonical)
    {
        var frame = FrameNormalizer.Default.Canonicalize(new RawFrame(raw, null));

        Assert.Multiple(() =>
        {
            Assert.That(frame.Name, Is.EqualTo(canonical));
            Assert.That(frame.Aliased, Is.EqualTo(canonical != raw.Replace(".abi0", "")));
        });
    }

    [TestCase("runtime/internal/atomic.Load64", "internal/runtime/atomic.Load64")]
    [TestCase("type..eq.main.Key", "type:.eq.main.Key")]
    [TestCase("runtime.findrunnable", "runtime.findRunnable")]
    [TestCase("math/big.shlVU", "math/big.lshVU")]
    [TestCase("math/big.addMulVVW", "math/big.addMulVVWW")]
    [TestCase("crypto/internal/fips140/sha256.blockAVX2", "crypto/sha256.block")]
    public void GoVersionRenamesApplyOnlyWhenEnabled(string raw, string canonical)
    {
        var options = new FrameNormalizerOptions { AliasSets = FrameAliasSet.Architecture | FrameAliasSet.GoVersion };
        var withVersions = new FrameNormalizer(options);

        Assert.Multiple(() =>
        {
            Assert.That(withVersions.Canonicalize(new RawFrame(raw, null)).Name, Is.EqualTo(canonical));
            Assert.That(FrameNormalizer.Default.Canonicalize(new RawFrame(raw, null)).Name, Is.Not.EqualTo(canonical));
        });
    }

    [TestCase("github.com/parquet-go/parquet-go/internal/bytealg.broadcastAVX2",
        "/src/parquet-go/internal/bytealg/broadcast_amd64.s",
        "github.com/parquet-go/parquet-go/internal/bytealg.broadcast")]
    [TestCase("example.com/simd.sumNEON", "/src/simd/sum_arm64.s", "example.com/simd.sum")]
    [TestCase("example.com/app.ParseAsm", "/src/app/parse.go", "example.com/app.ParseAsm")]
    [TestCase("example.com/simd.AVX2", "/src/simd/cpu_amd64.go", "example.com/simd.AVX2")]
    public void SimdSuffixesAreStrippedOnlyInArchitectureSpecificFiles(string raw, string file, string canonical)
    {
        var frame = FrameNormalizer.Default.Canonicalize(new RawFrame(raw, file));

        Assert.That(frame.Name, Is.EqualTo(canonical));
    }

    [Test]
    public void AUserTableInTheSameFormatAddsRowsWithoutCode()
    {
        const string text = """
            # extra rows
            arch example.com/x.fooAVX2 example.com/x.foo
            arch ^example\.com/y\.(\w+)_v2$ example.com/y.$1
            """;
        var normalizer = new FrameNormalizer(FrameAliasTable.Parse(text, "aliases.txt", FrameAliasSet.Architecture));

        var names = new[] { "example.com/x.fooAVX2", "example.com/y.bar_v2" }
            .Select(n => normalizer.Canonicalize(new RawFrame(n, null)).Name);

        Assert.That(names, Is.EqualTo(new[] { "example.com/x.foo", "example.com/y.bar" }));
    }

    [TestCase("arch only-two-columns")]
    [TestCase("planet a b")]
    [TestCase("arch ^(unclosed b")]
    public void AMalformedTableRowIsACodedErrorWithItsLine(string row)
    {
        var error = Assert.Throws<DodoException>(
            () => FrameAliasTable.Parse("# header\n" + row, "aliases.txt", FrameAliasSet.Architecture));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.AliasTableInvalid));
            Assert.That(error.Message, Does.StartWith("aliases.txt(2)"));
        });
    }
}
