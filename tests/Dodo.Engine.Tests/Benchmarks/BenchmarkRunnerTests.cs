using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Tests.Benchmarks;

public class BenchmarkRunnerTests
{
    private const string Library = """
        package fib

        func Fib(n int) int {
        	if n < 2 {
        		return n
        	}
        	return Fib(n-1) + Fib(n-2)
        }
        """;

    private const string Benchmark = """
        package fib

        import "testing"

        var sink int

        func BenchmarkFib(b *testing.B) {
        	for i := 0; i < b.N; i++ {
        		sink = Fib(20)
        	}
        }
        """;

    [Test]
    public async Task ARunLeavesNoBinaryOrProfileInThePackageFolder()
    {
        using var temp = new TemporaryDirectory();
        var package = WritePackage(temp, Benchmark);
        var go = await GoToolchain.LocateAsync(null, temp.Path);
        var runner = new BenchmarkRunner(go, new DiagnosticLog());
        var binary = temp.Combine("obj", "fib.test");

        await runner.CompileAsync(package, binary);
        var run = await runner.RunAsync(1, binary, package, "BenchmarkFib", "200x", temp.Combine("obj", "run1.pprof"));

        Assert.Multiple(() =>
        {
            Assert.That(run.Iterations, Is.EqualTo(200));
            Assert.That(run.NanosecondsPerOp, Is.GreaterThan(0));
            Assert.That(File.Exists(run.ProfilePath), Is.True);
            Assert.That(Directory.GetFiles(package), Is.EquivalentTo(new[]
            {
                Path.Combine(package, "go.mod"), Path.Combine(package, "fib.go"), Path.Combine(package, "fib_test.go"),
            }));
        });
    }

    [Test]
    public async Task ACompileErrorIsReportedWithItsFileAndLine()
    {
        using var temp = new TemporaryDirectory();
        var package = WritePackage(temp, "package fib\n\nfunc broken() int { return \"x\" }\n");
        var go = await GoToolchain.LocateAsync(null, temp.Path);
        var log = new DiagnosticLog();

        var error = await Assert.ThrowsAsync<DodoException>(
            () => new BenchmarkRunner(go, log).CompileAsync(package, temp.Combine("obj", "fib.test")));

        var reported = log.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.BenchmarkCompileFailed));
            Assert.That(reported.File, Is.EqualTo(Path.Combine(package, "fib_test.go")));
            Assert.That(reported.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task ABenchmarkThatPanicsFailsWithThePanicMessageNotOnlyItsStack()
    {
        using var temp = new TemporaryDirectory();
        var package = WritePackage(temp, """
            package fib

            import "testing"

            func deep(n int) int {
            	if n == 0 {
            		panic("boom: the captured input was not what the code expects")
            	}
            	return deep(n-1) + 1
            }

            func BenchmarkFib(b *testing.B) {
            	for i := 0; i < b.N; i++ {
            		deep(40)
            	}
            }
            """);
        var go = await GoToolchain.LocateAsync(null, temp.Path);
        var runner = new BenchmarkRunner(go, new DiagnosticLog());
        var binary = temp.Combine("obj", "fib.test");
        await runner.CompileAsync(package, binary);

        var error = await Assert.ThrowsAsync<DodoException>(() => runner.RunAsync(1, binary, package, "BenchmarkFib",
            "10x", temp.Combine("obj", "run1.pprof")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.BenchmarkRunFailed));
            Assert.That(error.Message, Does.Contain("panic: boom: the captured input was not what the code expects"));
        });
    }

    private static string WritePackage(TemporaryDirectory temp, string testSource)
    {
        var package = temp.Combine("fib");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "go.mod"), "module fib\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(package, "fib.go"), Library.Replace("\r\n", "\n"));
        File.WriteAllText(Path.Combine(package, "fib_test.go"), testSource.Replace("\r\n", "\n"));
        return package;
    }
}
