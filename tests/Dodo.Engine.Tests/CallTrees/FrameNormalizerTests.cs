using System.Text.RegularExpressions;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>Whole-stack normalization: rules N1, N5, N6, N8 and the worked examples of §7–§8.</summary>
public class FrameNormalizerTests
{
    [TestCase("runtime.goexit.abi0", "runtime.goexit")]
    [TestCase("main.main·dwrap·1", "main.main.dwrap.1")]
    [TestCase("  main.sqrt \t", "main.sqrt")]
    [TestCase("vfs_read_[k]", "vfs_read")]
    [TestCase("Interpreter_[j]", "Interpreter")]
    [TestCase("runtime·memmove", "runtime.memmove")]
    public void CleaningStripsAbiSuffixesPerfTagsAndTheAssemblerDot(string raw, string expected)
    {
        Assert.That(FrameNormalizer.Default.Canonicalize(new RawFrame(raw, null)).Name, Is.EqualTo(expected));
    }

    [Test]
    public void EbpfSymbolizedStacksLoseTheirAbiSuffix()
    {
        var frames = Frames("runtime.goexit.abi0;runtime.main;main.main;main.sqrt");

        var names = frames.Select(f => FrameNormalizer.Default.Canonicalize(f).Name);

        Assert.That(names, Is.EqualTo(new[] { "runtime.goexit", "runtime.main", "main.main", "main.sqrt" }));
    }

    [Test]
    public void AllocationWithGcAssistCollapsesIntoTheFirstRuntimeFrame()
    {
        var path = Normalize("app.Build;runtime.newobject;runtime.mallocgc;runtime.mallocgcSmallScanNoHeader;"
            + "runtime.gcAssistAlloc;runtime.systemstack;runtime.gcAssistAlloc.func1;runtime.gcAssistAlloc1;"
            + "runtime.gcDrainN;runtime.scanobject");

        Assert.That(path, Is.EqualTo("app.Build;runtime.newobject"));
    }

    [Test]
    public void AReflectionCallbackSurvivesTheRuntimeRunAboveIt()
    {
        var path = Normalize("app.Run;reflect.Value.Call;reflect.Value.call;runtime.reflectcall;runtime.call64;"
            + "app.handler;runtime.memmove");

        Assert.That(path, Is.EqualTo(
            "app.Run;reflect.Value.Call;reflect.Value.call;runtime.reflectcall;app.handler;runtime.memmove"));
    }

    [TestCase("strings.IndexByte;indexbytebody")]
    [TestCase("strings.IndexByte;internal/bytealg.IndexByteString")]
    public void IndexByteReadsTheSameOnBothArchitectures(string stack)
    {
        Assert.That(Normalize(stack), Is.EqualTo("strings.IndexByte;internal/bytealg.IndexByte"));
    }

    [TestCase("app.Parse;strings.Count;countbody")]
    [TestCase("app.Parse;strings.Count;internal/bytealg.CountString")]
    public void StringsCountReadsTheSameOnBothArchitectures(string stack)
    {
        Assert.That(Normalize(stack), Is.EqualTo("app.Parse;strings.Count;internal/bytealg.Count"));
    }

    [Test]
    public void AMapLookupHidesItsHashBody()
    {
        Assert.That(Normalize("app.Lookup;runtime.mapaccess2_faststr;aeshashbody"),
            Is.EqualTo("app.Lookup;runtime.mapaccess2_faststr"));
    }

    [Test]
    public void AnAliasCreatedDuplicateMergesIntoOneFrame()
    {
        Assert.That(Normalize("app.Hash;crypto/sha256.block;crypto/sha256.sha256block"),
            Is.EqualTo("app.Hash;crypto/sha256.block"));
    }

    [Test]
    public void GenuineRecursionInParcaFibIsKept()
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture("parca__fib.pb.gz"));

        var paths = profile.Samples.Select(s => string.Join(';', FrameNormalizer.Default.Normalize(s.Frames)));

        Assert.That(paths, Has.Some.Contains("math/big.nat.add;math/big.nat.add"));
    }

    [Test]
    public void AsyncPreemptionIsRemovedAndItsTimeStaysWithTheCaller()
    {
        Assert.That(Normalize("main.run.func2;main.computeSum;runtime.asyncPreempt;runtime.asyncPreempt2;"
            + "runtime.mcall;runtime.gopreempt_m"), Is.EqualTo("main.run.func2;main.computeSum"));
    }

    [Test]
    public void AsyncPreemptionIsKeptWhenTheOptionIsOff()
    {
        var normalizer = new FrameNormalizer(new FrameNormalizerOptions { DropAsyncPreempt = false });

        var path = normalizer.Normalize(Frames("main.computeSum;runtime.asyncPreempt"));

        Assert.That(path, Is.EqualTo(new[] { "main.computeSum", "runtime.asyncPreempt" }));
    }

    [Test]
    public void FunctionsTheRuntimeImplementsForOtherPackagesCollapseByTheirSourceFile()
    {
        RawFrame[] frames =
        [
            new("app.Stamp", "/src/app/stamp.go"),
            new("time.Now", "/usr/local/go/src/time/time.go"),
            new("time.now", "/usr/local/go/src/runtime/timestub.go"),
            new("runtime.walltime", "/usr/local/go/src/runtime/sys_darwin.go"),
        ];

        var path = FrameNormalizer.Default.Normalize(frames);

        Assert.That(path, Is.EqualTo(new[] { "app.Stamp", "time.Now", "time.now" }));
    }

    [TestCase("runtime/pprof.(*profileBuilder).build", "/usr/local/go/src/runtime/pprof/proto.go", FrameClass.User)]
    [TestCase("runtime/trace.Start", null, FrameClass.User)]
    [TestCase("runtime/cgo.Handle.Value", null, FrameClass.Runtime)]
    [TestCase("internal/runtime/atomic.(*Pointer[...]).Load", null, FrameClass.Runtime)]
    [TestCase("runtime/internal/syscall.EpollWait", null, FrameClass.Runtime)]
    [TestCase("internal/abi.FuncPCABI0", null, FrameClass.Runtime)]
    [TestCase("sync.runtime_Semacquire", "runtime/sema.go", FrameClass.Runtime)]
    [TestCase("gopkg.in/yaml%2ev3.(*decoder).unmarshal", null, FrameClass.User)]
    [TestCase("0x4a3f2c", null, FrameClass.Unsymbolized)]
    [TestCase("sys_write_[k]", null, FrameClass.Kernel)]
    public void FramesAreClassifiedByPackageBodyNameAndSourceFile(string name, string? file, FrameClass expected)
    {
        Assert.That(FrameNormalizer.Default.Canonicalize(new RawFrame(name, file)).Class, Is.EqualTo(expected));
    }

    [Test]
    public void KernelRunsCollapseToTheirEntryFrame()
    {
        Assert.That(Normalize("dd;[unknown];read;system_call_[k];sys_read_[k];vfs_read_[k];fsnotify_[k]"),
            Is.EqualTo("dd;[unknown];read;system_call"));
    }

    [TestCase("pkg.(*Cache[K,V]).Get", "pkg.(*Cache[...]).Get")]
    [TestCase("pkg.(*Cache[go.shape.string,go.shape.*uint8]).Get", "pkg.(*Cache[...]).Get")]
    [TestCase(" main.sqrt.abi0 ", "main.sqrt")]
    [TestCase("indexbytebody", "internal/bytealg.IndexByte")]
    public void TargetSymbolsGoThroughTheSameCleaningErasureAndAliases(string symbol, string expected)
    {
        Assert.That(FrameNormalizer.Default.NormalizeSymbol(symbol), Is.EqualTo(expected));
    }

    [TestCase("dundee-gdu__default.linux-amd64.pgo")]
    [TestCase("arnonrgo-immutable__default.darwin-arm64.gotest.pgo")]
    public void NoArchitectureSpecificNameSurvivesNormalization(string fixture)
    {
        var profile = ProfileReader.Read(TestPaths.PprofFixture(fixture));
        var archSpecific = new Regex(@"(body|AVX2|SHANI|SSE42|Fallback|\.abi0|go\.shape\.)$");

        var names = profile.Samples.SelectMany(s => FrameNormalizer.Default.Normalize(s.Frames)).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names.Where(n => archSpecific.IsMatch(n)), Is.Empty);
            Assert.That(names.Where(n => n.Contains("go.shape.")), Is.Empty);
        });
    }

    private static string Normalize(string folded) =>
        string.Join(';', FrameNormalizer.Default.Normalize(Frames(folded)));

    private static RawFrame[] Frames(string folded) =>
        folded.Split(';').Select(name => new RawFrame(name, null)).ToArray();
}
