using Dodo.Engine.Benchmarks;

namespace Dodo.Engine.Tests.Benchmarks;

public class BenchmarkOutputTests
{
    [Test]
    public void ParseReadsIterationsTimeBytesAndAllocations()
    {
        const string output = "goos: linux\ngoarch: amd64\npkg: intake/tags\ncpu: Some CPU\n"
            + "BenchmarkDodoFilterApply-2   \t  150000\t      7812 ns/op\t      96 B/op\t       2 allocs/op\n"
            + "PASS\n";

        var result = BenchmarkOutput.Parse(output, "BenchmarkDodoFilterApply");

        Assert.That(result, Is.EqualTo((150000L, 7812.0, (double?)96, (double?)2)));
    }

    [Test]
    public void ParseIgnoresOtherBenchmarksAndAcceptsFractionalTimes()
    {
        const string output = "BenchmarkOther-8 10 5 ns/op\nBenchmarkDodoF 1000000000 0.2510 ns/op\n";

        var result = BenchmarkOutput.Parse(output, "BenchmarkDodoF");

        Assert.That(result, Is.EqualTo((1000000000L, 0.251, (double?)null, (double?)null)));
    }

    [Test]
    public void ParseReturnsNullWhenTheBenchmarkDidNotReport()
    {
        Assert.That(BenchmarkOutput.Parse("--- FAIL: BenchmarkDodoF\npanic: boom\n", "BenchmarkDodoF"), Is.Null);
    }
}
