using System.Text;
using System.Text.Json.Nodes;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Tests.Snapshots;

public class SnapshotReaderTests
{
    [Test]
    public void ReadsTheEntryArgumentOfASingleInvocation()
    {
        var path = TestPaths.SnapshotFixture("go-dyninst-sample-testReturnsInt.json");

        var set = SnapshotReader.Read(path);

        var snapshot = set.Snapshots.Single();
        var i = snapshot.Argument("i")!;
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Method, Is.EqualTo("main.testReturnsInt"));
            Assert.That(snapshot.ProbeId, Is.EqualTo("testReturnsInt"));
            Assert.That(snapshot.Arguments.Select(a => a.Key), Is.EqualTo(new[] { "i" }));
            Assert.That(i.Type, Is.EqualTo("int"));
            Assert.That(i.Value, Is.EqualTo("42"));
            Assert.That(snapshot.Id, Is.Null, "\"[id]\" is a placeholder, not an id");
            Assert.That(snapshot.TimestampMs, Is.Null, "\"[ts]\" is a placeholder, not a time");
            Assert.That(snapshot.SourceFile, Is.EqualTo(path));
            Assert.That(set.Sources, Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void ReadsAPointerArgumentWithItsPointeeInlinedAndFieldsInFileOrder()
    {
        var path = TestPaths.SnapshotFixture("go-dyninsttest-sample-testPointerToSimpleStruct.json");

        var a = SnapshotReader.Read(path).Snapshots.Single().Argument("a")!;

        Assert.Multiple(() =>
        {
            Assert.That(a.Type, Is.EqualTo("*main.structWithTwoValues"));
            Assert.That(a.Address, Is.Null, "\"[addr]\" is a placeholder");
            Assert.That(a.Fields!.Select(f => f.Key), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(a.Field("a")!.Type, Is.EqualTo("uint"));
            Assert.That(a.Field("a")!.Value, Is.EqualTo("9"));
            Assert.That(a.Field("b")!.Value, Is.EqualTo("true"));
        });
    }

    [Test]
    public void ReadsBothInvocationsOfAnEntryOnlyFileAndKeepsPlaceholderIdsApart()
    {
        var path = TestPaths.SnapshotFixture("go-dyninst-sample-testReturnsError.json");

        var set = SnapshotReader.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(set.Snapshots.Select(s => s.Argument("failed")!.Value), Is.EqualTo(new[] { "true", "false" }));
            Assert.That(set.Snapshots.Select(s => s.Index), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(set.DuplicatesDropped, Is.Zero);
        });
    }

    [Test]
    public void ReadsASliceWithItsSizeAndElements()
    {
        var path = TestPaths.SnapshotFixture("go-dyninst-sample-testStringSlice.json");

        var s = SnapshotReader.Read(path).Snapshots.Single().Argument("s")!;

        Assert.Multiple(() =>
        {
            Assert.That(s.Type, Is.EqualTo("[]string"));
            Assert.That(s.Size, Is.EqualTo(3));
            Assert.That(s.Elements!.Select(e => e.Value), Is.EqualTo(new[] { "abc", "xyz", "123" }));
        });
    }

    [TestCase("go-dyninst-sample-testReturnsInt.json")]
    [TestCase("go-dyninst-sample-testStringSlice.json")]
    [TestCase("go-dyninst-sample-testReturnsError.json")]
    [TestCase("go-dyninsttest-sample-testPointerToSimpleStruct.json")]
    public void ReadsTheSameSnapshotsFromALogsApiSearchResponse(string fixture)
    {
        using var temp = new TemporaryDirectory();
        var intake = TestPaths.SnapshotFixture(fixture);
        var response = temp.Combine("response.json");
        File.WriteAllText(response, WrapAsLogsApiResponse(File.ReadAllText(intake)));

        var expected = SnapshotReader.Read(intake).Snapshots;
        var actual = SnapshotReader.Read(response).Snapshots;

        Assert.Multiple(() =>
        {
            Assert.That(actual.Select(s => s.Method), Is.EqualTo(expected.Select(s => s.Method)));
            Assert.That(actual.Select(Describe), Is.EqualTo(expected.Select(Describe)));
            Assert.That(actual.Select(s => s.Id), Is.EqualTo(expected.Select((_, i) => $"log-{i}")),
                "without a snapshot id the log event's id identifies the snapshot");
        });
    }

    [Test]
    public void AcceptsTheDottedDebuggerSnapshotKey()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("dotted.json");
        File.WriteAllText(path, """
            [{"debugger.snapshot": {"id": "a1", "probe": {"location": {"method": "main.f"}},
              "captures": {"entry": {"arguments": {"x": {"type": "int", "value": "7"}}}}}}]
            """);

        var snapshot = SnapshotReader.Read(path).Snapshots.Single();

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Id, Is.EqualTo("a1"));
            Assert.That(snapshot.Method, Is.EqualTo("main.f"));
            Assert.That(snapshot.Argument("x")!.Value, Is.EqualTo("7"));
        });
    }

    [Test]
    public void DropsSnapshotsWhoseIdWasAlreadyReadInTheSameOrAnEarlierFile()
    {
        using var temp = new TemporaryDirectory();
        var first = temp.Combine("first.json");
        var second = temp.Combine("second.json");
        File.WriteAllText(first, $"[{Envelope("id-1", "1")}, {Envelope("id-2", "2")}, {Envelope("id-1", "3")}]");
        File.WriteAllText(second, $"[{Envelope("id-2", "4")}, {Envelope("id-3", "5")}]");

        var set = SnapshotReader.ReadAll([first, second]);

        Assert.Multiple(() =>
        {
            Assert.That(set.Snapshots.Select(s => s.Argument("x")!.Value), Is.EqualTo(new[] { "1", "2", "5" }));
            Assert.That(set.DuplicatesDropped, Is.EqualTo(2));
            Assert.That(set.Sources, Is.EqualTo(new[] { first, second }));
        });
    }

    [Test]
    public void CountsAndSkipsSnapshotsWithoutCaptures()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("log-probe.json");
        File.WriteAllText(path, """
            [{"debugger": {"snapshot": {"id": "n1", "probe": {"id": "p"}}}}, GOOD]
            """.Replace("GOOD", Envelope("n2", "1")));
        var log = new DiagnosticLog();

        var set = SnapshotReader.Read(path, log);

        Assert.Multiple(() =>
        {
            Assert.That(set.Snapshots, Has.Count.EqualTo(1));
            Assert.That(set.WithoutCaptures, Is.EqualTo(1));
            Assert.That(log.Diagnostics.Select(d => d.Code),
                Is.EqualTo(new[] { DiagnosticCodes.SnapshotWithoutCaptures }));
        });
    }

    [Test]
    public void ReadsEveryCapturedValueKeyInItsAlternativeSpellingsAndIgnoresUnknownKeys()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("values.json");
        File.WriteAllText(path, """
            [{"debugger": {"snapshot": {"id": "v", "future": {"x": 1}, "captures": {"entry": {"arguments": {
              "m": {"type": "map[string]int", "size": 3, "entries": [[{"type": "string", "value": "k"},
                    {"type": "int", "value": "1"}]], "notCapturedReason": "collectionSize", "novel": [1, 2]},
              "p": {"type": "*int", "isNull": "true"},
              "q": {"type": "*int", "isNull": true},
              "s": {"type": "string", "value": "abc", "size": "100000", "truncated": true},
              "r": {"type": "string", "notCapturedReason": "redactedIdent"},
              "big": {"type": "int", "value": 12}
            }}}}}}]
            """);

        var snapshot = SnapshotReader.Read(path).Snapshots.Single();

        var m = snapshot.Argument("m")!;
        var s = snapshot.Argument("s")!;
        Assert.Multiple(() =>
        {
            Assert.That(m.Size, Is.EqualTo(3));
            Assert.That(m.Entries!.Single().Key.Value, Is.EqualTo("k"));
            Assert.That(m.Entries!.Single().Value.Value, Is.EqualTo("1"));
            Assert.That(m.NotCapturedReason, Is.EqualTo("collectionSize"));
            Assert.That(snapshot.Argument("p")!.IsNull, Is.True);
            Assert.That(snapshot.Argument("q")!.IsNull, Is.True);
            Assert.That(s.Truncated, Is.True);
            Assert.That(s.Size, Is.EqualTo(100000));
            Assert.That(snapshot.Argument("r")!.IsRedacted, Is.True);
            Assert.That(snapshot.Argument("big")!.Value, Is.EqualTo("12"));
        });
    }

    [Test]
    public void KeepsBytesThatAreNotUtf8AsByteEscapes()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("bytes.json");
        var prefix = Encoding.ASCII.GetBytes(
            """[{"debugger":{"snapshot":{"captures":{"entry":{"arguments":{"s":{"type":"string","value":"a""");
        var suffix = Encoding.ASCII.GetBytes("\"}}}}}}}]");
        File.WriteAllBytes(path, [.. prefix, 0xFF, 0xC3, (byte)'z', .. suffix]);

        var value = SnapshotReader.Read(path).Snapshots.Single().Argument("s")!.Value;

        Assert.That(value, Is.EqualTo("a\uDCFF\uDCC3z"));
    }

    [Test]
    public void RejectsNestingDeeperThanTheLimitWithACodeAndTheFileName()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("deep.json");
        var nested = new StringBuilder();
        for (var level = 0; level < 10_000; level++)
        {
            nested.Append("""{"type":"*main.node","fields":{"next":""");
        }

        nested.Append("null");
        nested.Append('}', 20_000);
        File.WriteAllText(path, """[{"debugger":{"snapshot":{"captures":{"entry":{"arguments":{"n":NESTED}}}}}}]"""
            .Replace("NESTED", nested.ToString()));

        var error = Assert.Throws<DodoException>(() => SnapshotReader.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.SnapshotNestingTooDeep));
            Assert.That(error.File, Is.EqualTo(path));
        });
    }

    [Test]
    public void RejectsMalformedJsonWithACodeTheFileAndTheLine()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("broken.json");
        File.WriteAllText(path, "[\n  {\"debugger\": {\"snapshot\": {\"id\": \"x\",}}\n");

        var error = Assert.Throws<DodoException>(() => SnapshotReader.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.SnapshotJsonMalformed));
            Assert.That(error.File, Is.EqualTo(path));
            Assert.That(error.Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void RejectsJsonThatIsNotASnapshotContainer()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("number.json");
        File.WriteAllText(path, "{\"hello\": 1}");

        var error = Assert.Throws<DodoException>(() => SnapshotReader.Read(path));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.SnapshotShapeUnrecognized));
    }

    [Test]
    public void RejectsAMissingFileWithACode()
    {
        using var temp = new TemporaryDirectory();

        var error = Assert.Throws<DodoException>(() => SnapshotReader.Read(temp.Combine("absent.json")));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.SnapshotFileUnreadable));
    }

    [Test]
    public void RejectsAFileLargerThanTheCapWithoutReadingIt()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("huge.json");
        using (var stream = File.Create(path))
        {
            // Sparse on Linux: costs no disk and no time.
            stream.SetLength(SnapshotReader.MaxFileBytes + 1);
        }

        var error = Assert.Throws<DodoException>(() => SnapshotReader.Read(path));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.SnapshotFileTooLarge));
    }

    [Test]
    public void SkipsAnElementWithAWrongShapeAndReadsTheRest()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("mixed.json");
        File.WriteAllText(path, """
            [{"debugger": {"snapshot": {"id": "bad", "captures": "oops"}}}, GOOD]
            """.Replace("GOOD", Envelope("good", "1")));
        var log = new DiagnosticLog();

        var set = SnapshotReader.Read(path, log);

        Assert.Multiple(() =>
        {
            Assert.That(set.Snapshots.Select(s => s.Id), Is.EqualTo(new[] { "good" }));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.SnapshotEntrySkipped));
            Assert.That(log.Diagnostics.Single().Message, Does.Contain("#0"));
        });
    }

    private static string Envelope(string id, string x) => """
        {"debugger": {"snapshot": {"id": "ID", "probe": {"location": {"method": "main.f"}},
          "captures": {"entry": {"arguments": {"x": {"type": "int", "value": "X"}}}}}}}
        """.Replace("ID", id).Replace("X", x);

    /// <summary>Nests each intake envelope the way the Logs API returns it (spec §9.3).</summary>
    private static string WrapAsLogsApiResponse(string intakeJson)
    {
        var envelopes = JsonNode.Parse(intakeJson)!.AsArray();
        var data = new JsonArray();
        var index = 0;
        foreach (var envelope in envelopes)
        {
            data.Add(new JsonObject
            {
                ["id"] = $"log-{index++}",
                ["type"] = "log",
                ["attributes"] = new JsonObject
                {
                    ["timestamp"] = "2026-01-01T00:00:00.123Z",
                    ["service"] = "sample",
                    ["tags"] = new JsonArray("source:dd_debugger"),
                    ["attributes"] = envelope!.DeepClone(),
                },
            });
        }

        var response = new JsonObject
        {
            ["data"] = data,
            ["meta"] = new JsonObject { ["status"] = "done", ["page"] = new JsonObject { ["after"] = "cursor" } },
        };
        return response.ToJsonString();
    }

    private static string Describe(Snapshot snapshot) =>
        string.Join(";", snapshot.Arguments.Select(a => $"{a.Key}={Describe(a.Value)}"));

    private static string Describe(CapturedValue value)
    {
        var fields = value.Fields?.Select(f => f.Key + "=" + Describe(f.Value)) ?? [];
        var elements = value.Elements?.Select(Describe) ?? [];
        return $"{value.Type}:{value.Value}:{value.Address}:[{string.Join(",", fields)}][{string.Join(",", elements)}]";
    }
}
