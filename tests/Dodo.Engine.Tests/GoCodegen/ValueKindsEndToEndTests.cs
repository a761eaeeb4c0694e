using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Tests.GoCodegen;

/// <summary>
/// One captured receiver holding every value kind the writer supports, replayed with real Go;
/// the target prints what it received, so each kind is checked at run time, not by its text.
/// </summary>
public class ValueKindsEndToEndTests
{
    private const string Source = """
        package kinds

        import (
        	"context"
        	"fmt"
        	"math"
        	"net/http"
        	"regexp"
        	"sync"
        	"time"
        )

        type level int8

        type inner struct {
        	name string
        	next *inner
        }

        type kinds struct {
        	i8     int8
        	u64    uint64
        	f32    float32
        	nan    float64
        	c128   complex128
        	r      rune
        	b      []byte
        	arr    [3]int16
        	m      map[int]string
        	lvl    level
        	p      *int
        	pp     **int
        	d      time.Duration
        	when   time.Time
        	re     *regexp.Regexp
        	mu     sync.Mutex
        	in     *inner
        	cookie http.Cookie
        	dyn    interface{}
        }

        var echoSeen sync.Map

        func Inspect(ctx context.Context, k *kinds) string {
        	s := fmt.Sprintf("%d|%d|%g|%t|%v|%c|%x|%v|%v|%d|%d|%d|%s|%s|%s|%s/%s|%s|%v|%t",
        		k.i8, k.u64, k.f32, math.IsNaN(k.nan), k.c128, k.r, k.b, k.arr, k.m, k.lvl, *k.p, **k.pp, k.d,
        		k.when.UTC().Format(time.RFC3339Nano), k.re.String(), k.in.name, k.in.next.name, k.cookie.Name,
        		k.dyn, ctx != nil)
        	if _, seen := echoSeen.LoadOrStore(s, true); !seen {
        		fmt.Println("ECHO " + s)
        	}
        	return s
        }
        """;

    [Test]
    public async Task EveryValueKindArrivesAsCaptured()
    {
        using var go = new GoWorkspace();
        go.Write("kinds", "kinds.go", Source);
        var unix = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds();
        const long secondsFromYear1ToUnix = 62135596800;
        var snapshots = go.WriteFile("snapshots.json", """
            [{"debugger": {"snapshot": {"id": "k1", "probe": {"location": {"method": "example.com/svc/kinds.Inspect"}},
              "captures": {"entry": {"arguments": {
                "ctx": {"type": "context.Context", "trace_id": "123", "span_id": "456"},
                "k": {"type": "*example.com/svc/kinds.kinds", "address": "0xc000100000", "fields": {
                  "i8": {"type": "int8", "value": "-7"},
                  "u64": {"type": "uint64", "value": "18446744073709551615"},
                  "f32": {"type": "float32", "value": "1.5"},
                  "nan": {"type": "float64", "value": "NaN"},
                  "c128": {"type": "complex128", "value": "(1+2i)"},
                  "r": {"type": "int32", "value": "955"},
                  "b": {"type": "[]uint8", "size": "2", "elements": [{"type": "uint8", "value": "104"},
                        {"type": "uint8", "value": "105"}]},
                  "arr": {"type": "[3]int16", "size": "3", "elements": [{"type": "int16", "value": "1"},
                          {"type": "int16", "value": "-2"}, {"type": "int16", "value": "3"}]},
                  "m": {"type": "map[int]string", "size": "2", "entries": [
                          [{"type": "int", "value": "2"}, {"type": "string", "value": "b"}],
                          [{"type": "int", "value": "1"}, {"type": "string", "value": "a"}]]},
                  "lvl": {"type": "example.com/svc/kinds.level", "value": "3"},
                  "p": {"type": "*int", "address": "0xc1", "value": "5"},
                  "pp": {"type": "**int", "address": "0xc2", "value": "6"},
                  "d": {"type": "time.Duration", "value": "1500000000"},
                  "when": {"type": "time.Time", "fields": {"wall": {"type": "uint64", "value": "6"},
                          "ext": {"type": "int64", "value": "EXT"}, "loc": {"type": "*time.Location", "isNull": true}}},
                  "re": {"type": "*regexp.Regexp", "address": "0xc3",
                         "fields": {"expr": {"type": "string", "value": "a+b"}}},
                  "mu": {"type": "sync.Mutex", "fields": {"state": {"type": "int32", "value": "1"},
                         "sema": {"type": "uint32", "value": "0"}}},
                  "in": {"type": "*example.com/svc/kinds.inner", "address": "0xc4", "fields": {
                          "name": {"type": "string", "value": "x"},
                          "next": {"type": "*example.com/svc/kinds.inner", "address": "0xc5", "fields": {
                              "name": {"type": "string", "value": "y"},
                              "next": {"type": "*example.com/svc/kinds.inner", "isNull": true}}}}},
                  "cookie": {"type": "net/http.Cookie", "fields": {"Name": {"type": "string", "value": "sid"},
                          "Value": {"type": "string", "value": "1"}}},
                  "dyn": {"type": "interface {}", "fields": {"data": {"type": "string", "value": "hello"}}}
                }}}}}}}}]
            """.Replace("EXT", (unix + secondsFromYear1ToUnix).ToString()));
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("kinds", "example.com/svc/kinds.Inspect",
            SnapshotReader.Read(snapshots, log), log);
        var vet = await go.VetAsync("kinds");
        var run = await go.BenchAsync("kinds", benchmark.BenchmarkName);

        Assert.Multiple(() =>
        {
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(GoWorkspace.Echoes(run.StandardOutput), Is.EqualTo(new[]
            {
                "ECHO -7|18446744073709551615|1.5|true|(1+2i)|λ|6869|[1 -2 3]|map[1:a 2:b]|3|5|6|1.5s|"
                + "2024-01-02T03:04:05.000000006Z|a+b|x/y|sid|hello|true",
            }), formatted);
            Assert.That(benchmark.Losses, Is.Empty);
            Assert.That(log.Diagnostics, Is.Empty);
        });
    }
}
