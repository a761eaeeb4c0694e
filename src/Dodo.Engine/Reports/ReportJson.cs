using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dodo.Engine.Reports;

/// <summary>The one JSON spelling of every report and CLI answer: camelCase, indented.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Frame names hold '<', '>' and '&'; reports are read by people and tools, not browsers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// report.json: the score's fields at the top level (target, similarity, threshold, passed,
    /// noiseFloor, divergences …), followed by what the job did.
    /// </summary>
    public static string Serialize(GateReport report)
    {
        var root = JsonSerializer.SerializeToNode(report.Score, Options)!.AsObject();
        var rest = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        rest.Remove("score");
        foreach (var (name, value) in rest.ToList())
        {
            rest.Remove(name);
            root[name] = value;
        }

        return root.ToJsonString(Options);
    }
}
