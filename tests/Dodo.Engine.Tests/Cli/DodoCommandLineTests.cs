using System.Text.Json;
using Dodo.Cli;

namespace Dodo.Engine.Tests.Cli;

public class DodoCommandLineTests
{
    private const string GduTarget = "github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir.func1";

    [Test]
    public void HelpListsEveryCommand()
    {
        var (exit, output, _) = Run("--help");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("benchmark").And.Contain("tree").And.Contain("score"));
        });
    }

    [Test]
    public void TreeJsonGivesTheTargetsShareOfTheProfile()
    {
        var profile = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo");

        var (exit, output, error) = Run("tree", profile, "--target", GduTarget, "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            // go tool pprof -top -cum -focus='processDir\.func1$': 100.32 s of 134 s.
            Assert.That(root.GetProperty("targetShare").GetDouble(), Is.EqualTo(74.87).Within(0.01));
            Assert.That(root.GetProperty("root").GetProperty("inclusive").GetDouble(), Is.EqualTo(100));
            Assert.That(root.GetProperty("root").GetProperty("name").GetString(), Is.EqualTo(GduTarget));
        });
    }

    [Test]
    public void AProfileScoredAgainstItselfIsIdentical()
    {
        var profile = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo");

        var (exit, output, error) = Run("score", "--production", profile, "--benchmark", profile,
            "--target", GduTarget, "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(json.RootElement.GetProperty("similarity").GetDouble(), Is.EqualTo(100));
            Assert.That(json.RootElement.GetProperty("divergences").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void FoldedStacksScoreAgainstPprofDifferingOnlyWhereFileNamesDecideTheRuntimeSet()
    {
        // google/pprof's folded rendering of the same profile: the same stacks, without the file
        // names that put internal/poll.runtime_pollOpen (implemented in runtime/) into set R.
        var profile = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo");
        var folded = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo.expected.folded.txt");

        var (exit, output, error) = Run("score", "--production", profile, "--benchmark", folded,
            "--target", GduTarget, "--json");

        using var json = JsonDocument.Parse(output);
        var paths = json.RootElement.GetProperty("divergences").EnumerateArray()
            .Select(d => d.GetProperty("path").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(json.RootElement.GetProperty("similarity").GetDouble(), Is.GreaterThan(99));
            Assert.That(paths, Has.All.Contains("internal/poll.runtime_pollOpen"));
        });
    }

    [Test]
    public void ScoreBelowTheThresholdExitsWithOneAndListsTheDivergences()
    {
        var gdu = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo");
        var immutable = TestPaths.PprofFixture("arnonrgo-immutable__default.darwin-arm64.gotest.pgo");

        var (exit, output, error) = Run("score", "--production", gdu, "--benchmark", immutable,
            "--target", "runtime.mallocgc", "--json");

        using var json = JsonDocument.Parse(output);
        var divergences = json.RootElement.GetProperty("divergences").EnumerateArray().ToList();
        var similarity = json.RootElement.GetProperty("similarity").GetDouble();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.GateFailed), error);
            Assert.That(json.RootElement.GetProperty("passed").GetBoolean(), Is.False);
            Assert.That(divergences, Is.Not.Empty);
            Assert.That(divergences.Sum(d => d.GetProperty("gap").GetDouble()),
                Is.EqualTo(2 * (100 - similarity)).Within(0.05), "the gaps account for every lost point");
            Assert.That(divergences.Select(d => d.GetProperty("kind").GetString()),
                Has.All.AnyOf("missing", "extra", "over", "under"));
        });
    }

    [Test]
    public void AFileThatIsNotAProfileExitsWithTwoAndACodedErrorNamingIt()
    {
        using var temp = new TemporaryDirectory();
        var bogus = temp.Combine("bogus.pprof");
        File.WriteAllBytes(bogus, [0x00, 0x01, 0x02, 0xff, 0xfe]);

        var (exit, _, error) = Run("tree", bogus, "--target", "main.main");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Error));
            Assert.That(error, Does.Match(@"bogus\.pprof.*: error DODO1\d{3}: "));
        });
    }

    [Test]
    public void AMissingRequiredOptionExitsWithTwo()
    {
        var (exit, _, error) = Run("score", "--production", "a.pprof");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Error));
            Assert.That(error, Does.Contain("error DODO9001"));
        });
    }

    [Test]
    public void APrunePercentOutsideZeroToHundredIsRefused()
    {
        var profile = TestPaths.PprofFixture("dundee-gdu__default.linux-amd64.pgo");

        var (exit, _, error) = Run("tree", profile, "--target", GduTarget, "--prune", "150");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Error));
            Assert.That(error, Does.Contain("--prune must be a percentage from 0 to 100"));
        });
    }

    [TestCase("--max-evaluations", "abc")]
    [TestCase("--threshold", "abc")]
    [TestCase("--runs", "1.5")]
    [TestCase("--min-samples", "many")]
    [TestCase("--bench-time", "0x")]
    [TestCase("--bench-time", "0.0s")]
    public void AValueThatIsNotOfTheOptionsKindExitsWithTwoAndACodedError(string option, string value)
    {
        var (exit, _, error) = Run("benchmark", "--target", "example.com/a.F", "--production", "p.pprof",
            "--snapshots", "s.json", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Error));
            Assert.That(error, Does.Contain("error DODO9001").And.Contain(option));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = DodoCommandLine.Run(args, output, error);

        return (exit, output.ToString(), error.ToString());
    }
}
