using Dodo.Engine.Benchmarks;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Pipeline;
using Dodo.Engine.Tests.CallTrees;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Tests.Pipeline;

public class BenchmarkSeriesTests
{
    // The first run's process finds the marker, removes it and does twice the work per iteration,
    // as a run sharing the machine with a neighbour's burst would take twice as long.
    private const string Benchmark = """
        package fib

        import (
        	"os"
        	"testing"
        )

        var sink int

        var rounds = func() int {
        	if os.Remove("disturbed-once") == nil {
        		return 2
        	}
        	return 1
        }()

        func BenchmarkFib(b *testing.B) {
        	for i := 0; i < b.N; i++ {
        		for r := 0; r < rounds; r++ {
        			sink = Fib(20)
        		}
        	}
        }
        """;

    [Test]
    public async Task ARunMuchSlowerThanTheOthersIsRunAgainWithACodedWarning()
    {
        using var temp = new TemporaryDirectory();
        var package = temp.Combine("fib");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "go.mod"), "module fib\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(package, "fib.go"),
            "package fib\n\nfunc Fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn Fib(n-1) + Fib(n-2)\n}\n");
        File.WriteAllText(Path.Combine(package, "fib_test.go"), Benchmark.Replace("\r\n", "\n"));
        File.WriteAllText(Path.Combine(package, "disturbed-once"), "");
        var go = await GoToolchain.LocateAsync(null, temp.Path);
        var log = new DiagnosticLog();
        var runner = new BenchmarkRunner(go, log);
        var binary = temp.Combine("obj", "fib.test");
        await runner.CompileAsync(package, binary);
        var options = new BenchmarkJobOptions
        {
            Target = "fib.Fib", ProductionProfiles = [], SnapshotFiles = [], ModuleDirectory = package,
            OutputDirectory = temp.Combine("obj"), BenchTime = "20000x", ProfileHz = 100,
        };
        var production = CallTree.Build(FoldedProfiles.Parse("main;fib.Fib 10"), "fib.Fib");

        var runs = await new BenchmarkSeries(runner, options, log).RunAsync(binary, package, "BenchmarkFib",
            "evaluation1", production, new SamplePlan(1, 3, 2, 100), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.Run.Number), Is.EqualTo(new[] { 4, 2, 3 }), "run 1 was replaced by run 4");
            Assert.That(runs.Max(r => r.Run.NanosecondsPerOp),
                Is.LessThan(BenchmarkSeries.DisturbedSlowdown * runs.Min(r => r.Run.NanosecondsPerOp)));
            Assert.That(log.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.RunDisturbed }));
            Assert.That(log.Diagnostics.Single().Message, Does.StartWith("Benchmark run 1 took "));
        });
    }
}
