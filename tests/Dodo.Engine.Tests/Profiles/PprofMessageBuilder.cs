using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;
using Dodo.Engine.Profiles.Proto;
using Google.Protobuf;
using ProtoValueType = Dodo.Engine.Profiles.Proto.ValueType;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// Writes small pprof messages for tests that need one precise shape: a Go-style CPU profile
/// header, then functions, locations and samples added by name.
/// </summary>
internal sealed class PprofMessageBuilder
{
    private readonly Dictionary<string, long> _strings = [];

    public PprofMessageBuilder(params (string Type, string Unit)[] sampleTypes)
    {
        Profile.StringTable.Add(ByteString.Empty);
        _strings[""] = 0;
        (string, string)[] goCpu = [("samples", "count"), ("cpu", "nanoseconds")];
        foreach (var (type, unit) in sampleTypes.Length > 0 ? sampleTypes : goCpu)
        {
            Profile.SampleType.Add(new ProtoValueType { Type = String(type), Unit = String(unit) });
        }

        Profile.PeriodType = new ProtoValueType { Type = String("cpu"), Unit = String("nanoseconds") };
        Profile.Period = 10_000_000;
    }

    public Profile Profile { get; } = new();

    public long String(string text)
    {
        if (!_strings.TryGetValue(text, out var index))
        {
            index = Profile.StringTable.Count;
            Profile.StringTable.Add(ByteString.CopyFromUtf8(text));
            _strings[text] = index;
        }

        return index;
    }

    /// <summary>Adds a function and a location holding it; returns the location id.</summary>
    public ulong Location(string function, string file = "/src/app/app.go")
    {
        var id = (ulong)Profile.Function.Count + 1;
        Profile.Function.Add(new Function
        {
            Id = id,
            Name = String(function),
            SystemName = String(function),
            Filename = String(file),
        });
        Profile.Location.Add(new Location { Id = id, Line = { new Line { FunctionId = id, Line_ = 1 } } });
        return id;
    }

    /// <param name="leafFirst">Location ids, innermost first, as pprof stores them.</param>
    public Sample Sample(long[] values, params ulong[] leafFirst)
    {
        var sample = new Sample();
        sample.LocationId.AddRange(leafFirst);
        sample.Value.AddRange(values);
        Profile.Sample.Add(sample);
        return sample;
    }

    public StackProfile Read(ProfileReadOptions? options = null, DiagnosticLog? log = null) =>
        ProfileReader.Read(new MemoryStream(Profile.ToByteArray()), "built.pprof", options, log);
}
