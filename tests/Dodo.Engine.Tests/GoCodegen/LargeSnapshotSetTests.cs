using System.Diagnostics;
using System.Text;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;
using Dodo.Engine.Snapshots;
using static Dodo.Engine.Tests.GoCodegen.TestPackages;

namespace Dodo.Engine.Tests.GoCodegen;

public class LargeSnapshotSetTests
{
    private const int Snapshots = 2000;
    private const int CollectionSize = 100;

    /// <summary>
    /// 2 000 snapshots of 200+ values each (about 20 MB). The bounds are far above the measured
    /// times (≈0.7 s to read, ≈0.3 s to generate in Release); they catch quadratic regressions.
    /// </summary>
    [Test]
    public void TwoThousandSnapshotsAreReadAndGeneratedInSeconds()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("large.json");
        File.WriteAllText(path, LargeFile());
        var package = Create(
            new Dictionary<string, string> { ["Filter"] = "struct{names []string; limit int; m map[string]int}" },
            new GoFunction(GoSymbol.Parse("example.com/app.(*Filter).Apply"), "Apply",
                new GoReceiver("f", Type("*Filter"), "Filter", true, []), [],
                [new GoParameter("tags", Type("[]string"))], false, [Type("bool")]));
        var provenance = new BenchmarkProvenance([], [path], "t", null, "uniform", null, 98);

        var clock = Stopwatch.StartNew();
        var set = SnapshotReader.Read(path);
        var read = clock.Elapsed;
        clock.Restart();
        var benchmark = BenchmarkFileWriter.Generate(package, set, provenance, new DiagnosticLog());
        var generate = clock.Elapsed;
        TestContext.Out.WriteLine($"{new FileInfo(path).Length / 1e6:F1} MB, {Snapshots} snapshots: "
            + $"read {read.TotalMilliseconds:F0} ms, generate {generate.TotalMilliseconds:F0} ms");

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.CaseCount, Is.EqualTo(Snapshots));
            Assert.That(benchmark.Source, Does.Contain("var dodoFilterApplyReceiver0 = &Filter{"));
            Assert.That(read, Is.LessThan(TimeSpan.FromSeconds(15)));
            Assert.That(generate, Is.LessThan(TimeSpan.FromSeconds(15)));
        });
    }

    private static string LargeFile()
    {
        var json = new StringBuilder("[");
        for (var s = 0; s < Snapshots; s++)
        {
            var names = string.Join(",", Enumerable.Range(0, CollectionSize)
                .Select(i => $$"""{"type":"string","value":"name-{{i}}"}"""));
            var entries = string.Join(",", Enumerable.Range(0, CollectionSize)
                .Select(i => $$"""[{"type":"string","value":"k{{i}}"},{"type":"int","value":"{{i}}"}]"""));
            json.Append(s > 0 ? "," : "").Append("""
                {"debugger":{"snapshot":{"id":"idINDEX",
                 "probe":{"location":{"method":"example.com/app.(*Filter).Apply"}},
                 "captures":{"entry":{"arguments":{
                  "f":{"type":"*example.com/app.Filter","address":"0xc0001","fields":{
                    "limit":{"type":"int","value":"3"},
                    "names":{"type":"[]string","size":"SIZE","elements":[NAMES]},
                    "m":{"type":"map[string]int","size":"SIZE","entries":[ENTRIES]}}},
                  "tags":{"type":"[]string","size":"1","elements":[{"type":"string","value":"tINDEX"}]}}}}}}}
                """.Replace("INDEX", s.ToString()).Replace("SIZE", CollectionSize.ToString())
                .Replace("NAMES", names).Replace("ENTRIES", entries));
        }

        return json.Append(']').ToString();
    }
}
