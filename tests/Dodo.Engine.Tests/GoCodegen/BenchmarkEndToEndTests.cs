using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Fitting;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.Profiles;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Tests.GoCodegen;

public class BenchmarkEndToEndTests
{
    private const string FilterSource = """
        package tags

        import (
        	"fmt"
        	"regexp"
        	"strings"
        )

        // Filter decides which tags a span keeps.
        type Filter struct {
        	literals map[string]struct{}
        	prefixes []string
        	patterns []*regexp.Regexp
        	name     string
        }

        // Apply reports whether any tag is kept.
        func (f *Filter) Apply(tags []string) bool {
        	echo(f.describe(tags))
        	for _, t := range tags {
        		if _, ok := f.literals[t]; ok {
        			return true
        		}
        		for _, p := range f.prefixes {
        			if strings.HasPrefix(t, p) {
        				return true
        			}
        		}
        		for _, r := range f.patterns {
        			if r.MatchString(t) {
        				return true
        			}
        		}
        	}
        	return false
        }

        // Describe lets tests see which receivers and arguments arrive.
        func (f *Filter) describe(tags []string) string {
        	return fmt.Sprintf("%v %d %s", tags, len(f.literals), f.name)
        }
        """;

    private const string Echo = """

        var echoSeen sync.Map

        func echo(s string) {
        	if _, seen := echoSeen.LoadOrStore(s, true); !seen {
        		fmt.Println("ECHO " + s)
        	}
        }
        """;

    [Test]
    public async Task FilterApplyWithWeightsAndASharedReceiverRunsAndSeesEveryCase()
    {
        using var go = new GoWorkspace("intake");
        var snapshots = WriteFilterPackage(go, echoes: true);
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("tags", "intake/tags.(*Filter).Apply",
            SnapshotReader.Read(snapshots, log), log, weights: [3, 1, 2]);
        var vet = await go.VetAsync("tags");
        var run = await go.BenchAsync("tags", benchmark.BenchmarkName);

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.BenchmarkName, Is.EqualTo("BenchmarkDodoFilterApply"));
            Assert.That(benchmark.FileName, Is.EqualTo("dodo_filter_apply_test.go"));
            Assert.That(formatted, Does.Contain("var dodoFilterApplyReceiver0 = &Filter{"));
            Assert.That(formatted, Does.Contain("regexp.MustCompile(\"^ver:[0-9]+$\")"));
            Assert.That(formatted, Does.Contain("dodoFilterApplySchedule"));
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(new[]
            {
                "ECHO [host:a] 2 default", "ECHO [team:core] 2 default", "ECHO [ver:12] 2 default",
            }));
            Assert.That(log.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public async Task TheCalibrationBuildCallsEveryCaseThroughItsOwnFrameAndLeavesThePackageAlone()
    {
        using var go = new GoWorkspace("intake");
        // A silent target: the runner reads the benchmark's result line, which an echo would split.
        var snapshots = WriteFilterPackage(go, echoes: false);
        var package = Path.Combine(go.Root, "tags");
        var log = new DiagnosticLog();
        var info = await go.InspectAsync("tags", "intake/tags.(*Filter).Apply", log);
        var provenance = new BenchmarkProvenance(["prod.pprof"], ["snapshots.json"], "intake/tags.(*Filter).Apply",
            "linux/amd64", "uniform", null, 98);
        var benchmark = BenchmarkFileWriter.Generate(info, SnapshotReader.Read(snapshots, log), provenance, log,
            machine: new MachineState(2, 5, 3, 1 << 20, 150));
        var toolchain = await GoWorkspace.GoAsync();
        var overlay = new Dictionary<string, string>
        {
            [benchmark.FileName] = await toolchain.FormatAsync(benchmark.Source, benchmark.FileName),
            [benchmark.CalibrationFileName] = await toolchain.FormatAsync(benchmark.CalibrationSource,
                benchmark.CalibrationFileName),
        };
        var runner = new BenchmarkRunner(toolchain, log);
        var binary = Path.Combine(go.Root, "obj", "tags.calibration.test");
        var profilePath = Path.Combine(go.Root, "obj", "calibration.pprof");

        await runner.CompileAsync(package, binary, overlay);
        var run = await runner.RunAsync(1, binary, package, benchmark.BenchmarkName, "1s", profilePath, 1000,
            new Dictionary<string, string?> { [MachineState.Variable] = "0 0 2 0 0" });
        var (cases, all) = CaseAttribution.Split(ProfileReader.Read(profilePath), "intake/tags.(*Filter).Apply",
            benchmark.CalibrationCallPrefix, benchmark.CaseCount);

        Assert.Multiple(() =>
        {
            Assert.That(run.Iterations, Is.GreaterThan(0));
            Assert.That(benchmark.CalibrationCallPrefix, Is.EqualTo("dodoFilterApplyCall"));
            Assert.That(cases, Has.Count.EqualTo(3).And.All.Not.Null, "every case got samples of its own");
            Assert.That(cases.Sum(c => c!.TargetCount), Is.EqualTo(all.TargetCount));
            Assert.That(Directory.GetFiles(package).Select(Path.GetFileName), Is.EquivalentTo(new[]
            {
                "filter.go", "echo.go",
            }), "the benchmark and its calibration file reach go through -overlay only");
            Assert.That(overlay[benchmark.FileName], Does.Contain(
                "var dodoFilterApplyFitted = dodoFilterApplyMachine{"
                + "window: 2, repeats: 5, copies: 3, ballast: 1048576, gogc: 150}"));
            Assert.That(overlay[benchmark.CalibrationFileName], Does.Not.Contain("import"));
        });
    }

    [Test]
    public async Task AWindowedWorkingSetOverCopiesOfTheCasesStillCallsEveryCase()
    {
        using var go = new GoWorkspace("intake");
        var snapshots = WriteFilterPackage(go, echoes: true);
        var log = new DiagnosticLog();

        var (_, formatted) = await go.GenerateAsync("tags", "intake/tags.(*Filter).Apply",
            SnapshotReader.Read(snapshots, log), log, machine: new MachineState(4, 3, 2, 4096, 0));
        var vet = await go.VetAsync("tags");
        var run = await go.BenchAsync("tags", "BenchmarkDodoFilterApply");

        Assert.Multiple(() =>
        {
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(new[]
            {
                "ECHO [host:a] 2 default", "ECHO [team:core] 2 default", "ECHO [ver:12] 2 default",
            }));
        });
    }

    [Test]
    public async Task AVariadicFunctionWithInterfaceAndErrorArgumentsIsCalledAsProductionCalledIt()
    {
        using var go = new GoWorkspace();
        go.Write("text", "text.go", """
            package text

            import (
            	"fmt"
            	"strings"
            	"sync"
            )

            type Shape interface{ Area() float64 }

            type square struct{ side float64 }

            func (s square) Area() float64 { return s.side * s.side }

            func Describe(s Shape, err error, extra any, sep string, parts ...string) string {
            	out := fmt.Sprintf("%.1f|%v|%v|%T|%s", s.Area(), err, extra, extra, strings.Join(parts, sep))
            	echo(out)
            	return out
            }
            """ + Echo);
        var snapshots = go.WriteFile("snapshots.json", """
            [{"debugger": {"snapshot": {"id": "v1", "probe": {"location": {"method": "example.com/svc/text.Describe"}},
              "captures": {"entry": {"arguments": {
                "s": {"type": "example.com/svc/text.Shape", "fields": {"data": {"type": "example.com/svc/text.square",
                      "fields": {"side": {"type": "float64", "value": "2"}}}}},
                "err": {"type": "error", "fields": {"data": {"type": "*errors.errorString", "address": "0xc1",
                      "fields": {"s": {"type": "string", "value": "boom"}}}}},
                "extra": {"type": "interface {}", "fields": {"data": {"type": "int64", "value": "7"}}},
                "sep": {"type": "string", "value": ","},
                "parts": {"type": "[]string", "size": "2", "elements": [{"type": "string", "value": "a"},
                      {"type": "string", "value": "b"}]}}}}}}}]
            """);
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("text", "example.com/svc/text.Describe",
            SnapshotReader.Read(snapshots, log), log);
        var vet = await go.VetAsync("text");
        var run = await go.BenchAsync("text", benchmark.BenchmarkName);

        Assert.Multiple(() =>
        {
            Assert.That(formatted, Does.Contain("c.parts...)"));
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(new[] { "ECHO 4.0|boom|7|int64|a,b" }));
            Assert.That(benchmark.Losses, Is.Empty);
        });
    }

    [Test]
    public async Task HostileCapturedStringsCompileAndArriveByteForByte()
    {
        using var go = new GoWorkspace();
        go.Write("echo", "echo.go", """
            package echo

            import (
            	"fmt"
            	"sync"
            )

            func Echo(s string) int {
            	echo(fmt.Sprintf("%x", s))
            	return len(s)
            }
            """ + Echo);
        (string Json, byte[] Bytes)[] hostile =
        [
            ("\\\"; os.Exit(3) //", "\"; os.Exit(3) //"u8.ToArray()),
            ("*/ panic(1) /*", "*/ panic(1) /*"u8.ToArray()),
            ("line\\nbreak\\r\\n", "line\nbreak\r\n"u8.ToArray()),
            ("nul\\u0000byte", "nul\0byte"u8.ToArray()),
            ("`back` \\\\ slash", "`back` \\ slash"u8.ToArray()),
            ("\\u202eevil", "\u202Eevil"u8.ToArray()),
            ("\\udc80", "\uFFFD"u8.ToArray()),
        ];
        var calls = hostile.Select((h, i) => Call("h" + i, h.Json)).Append(Call("raw", "RAW"));
        var json = "[" + string.Join(",", calls) + "]";

        // Bytes that are not UTF-8 at all, as an agent that does not validate would write them.
        var text = System.Text.Encoding.UTF8.GetBytes(json);
        var at = json.LastIndexOf("RAW", StringComparison.Ordinal);
        var path = go.WriteFile("hostile.json", "");
        File.WriteAllBytes(path, [.. text[..at], 0xFF, 0xFE, (byte)'!', .. text[(at + 3)..]]);
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("echo", "example.com/svc/echo.Echo",
            SnapshotReader.Read(path, log), log);
        var vet = await go.VetAsync("echo");
        var run = await go.BenchAsync("echo", benchmark.BenchmarkName);

        var expected = hostile.Select(h => "ECHO " + Convert.ToHexStringLower(h.Bytes))
            .Append("ECHO " + Convert.ToHexStringLower([0xFF, 0xFE, (byte)'!']))
            .Order(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(benchmark.CaseCount, Is.EqualTo(hostile.Length + 1));
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(expected), formatted);
            Assert.That(formatted.Split('\n').Where(l => l.TrimStart().StartsWith("os.Exit")), Is.Empty);
        });
    }

    [Test]
    public async Task AMethodOfAGenericTypeIsInstantiatedWithTheCapturedTypeArguments()
    {
        using var go = new GoWorkspace();
        go.Write("cache", "cache.go", """
            package cache

            import (
            	"fmt"
            	"sync"
            )

            type entry[V any] struct{ value V }

            type Cache[K comparable, V any] struct {
            	items map[K]entry[V]
            }

            func (c *Cache[K, V]) Get(key K) (V, bool) {
            	e, ok := c.items[key]
            	echo(fmt.Sprintf("%v=%v/%t", key, e.value, ok))
            	return e.value, ok
            }
            """ + Echo);
        var snapshots = go.WriteFile("snapshots.json", """
            [{"debugger": {"snapshot": {"id": "g1",
              "probe": {"location": {"method": "example.com/svc/cache.(*Cache[go.shape.string,go.shape.int]).Get"}},
              "captures": {"entry": {"arguments": {
                "c": {"type": "*example.com/svc/cache.Cache[string,int]", "address": "0xc2", "fields": {
                  "items": {"type": "map[string]example.com/svc/cache.entry[int]", "size": "1", "entries": [
                    [{"type": "string", "value": "k"}, {"type": "example.com/svc/cache.entry[int]",
                      "fields": {"value": {"type": "int", "value": "5"}}}]]}}},
                "key": {"type": "string", "value": "k"}}}}}}}]
            """);
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("cache", "example.com/svc/cache.(*Cache[...]).Get",
            SnapshotReader.Read(snapshots, log), log);
        var vet = await go.VetAsync("cache");
        var run = await go.BenchAsync("cache", benchmark.BenchmarkName);

        Assert.Multiple(() =>
        {
            Assert.That(formatted, Does.Contain("&Cache[string, int]{items: map[string]entry[int]{"));
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(new[] { "ECHO k=5/true" }));
            Assert.That(log.Diagnostics, Is.Empty);
        });
    }

    /// <summary>The filter package and three snapshots of Apply, two of them on one shared receiver.</summary>
    private static string WriteFilterPackage(GoWorkspace go, bool echoes)
    {
        go.Write("tags", "filter.go", FilterSource);
        go.Write("tags", "echo.go", echoes
            ? "package tags\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n" + Echo
            : "package tags\n\nfunc echo(string) {}\n");
        return go.WriteFile("snapshots.json", "[" + string.Join(",",
            FilterCall("s1", "0xc000010000", "ver:12"), FilterCall("s2", "0xc000010000", "host:a"),
            FilterCall("s3", "0xc000090000", "team:core")) + "]");
    }

    private static string Call(string id, string value) => """
        {"debugger": {"snapshot": {"id": "ID", "probe": {"location": {"method": "example.com/svc/echo.Echo"}},
          "captures": {"entry": {"arguments": {"s": {"type": "string", "value": "VALUE"}}}}}}}
        """.Replace("ID", id).Replace("VALUE", value);

    private static string FilterCall(string id, string address, string tag) => """
        {"debugger": {"snapshot": {"id": "ID", "probe": {"location": {"method": "intake/tags.(*Filter).Apply"}},
          "captures": {"entry": {"arguments": {
            "f": {"type": "*intake/tags.Filter", "address": "ADDRESS", "fields": {
              "literals": {"type": "map[string]struct {}", "size": "2", "entries": [
                 [{"type": "string", "value": "env:prod"}, {"type": "struct {}", "fields": {}}],
                 [{"type": "string", "value": "db:main"}, {"type": "struct {}", "fields": {}}]]},
              "prefixes": {"type": "[]string", "size": "1", "elements": [{"type": "string", "value": "team:"}]},
              "patterns": {"type": "[]*regexp.Regexp", "size": "1", "elements": [
                 {"type": "*regexp.Regexp", "address": "0xc000020000", "fields": {
                    "expr": {"type": "string", "value": "^ver:[0-9]+$"},
                    "longest": {"type": "bool", "value": "false"}}}]},
              "name": {"type": "string", "value": "default"}}},
            "tags": {"type": "[]string", "size": "1", "elements": [{"type": "string", "value": "TAG"}]}}}}}}}
        """.Replace("ID", id).Replace("ADDRESS", address).Replace("TAG", tag);
}
