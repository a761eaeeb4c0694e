using Dodo.Engine.Profiles.Proto;
using ProtoValueType = Dodo.Engine.Profiles.Proto.ValueType;

namespace Dodo.Engine.Profiles;

/// <summary>
/// A pprof message as read, before any reference is resolved: the header fields, the symbol
/// tables as Google.Protobuf messages, the raw string table, and the samples summed per stack.
/// </summary>
internal sealed class PprofContent(ArraySegment<byte> data)
{
    /// <summary>The uncompressed message; <see cref="Strings"/> point into it.</summary>
    public ArraySegment<byte> Data { get; } = data;

    public List<ProtoValueType> SampleTypes { get; } = [];

    public ProtoValueType? PeriodType { get; set; }

    public long Period { get; set; }

    public long DropFrames { get; set; }

    public long KeepFrames { get; set; }

    public long DefaultSampleType { get; set; }

    public long DocUrl { get; set; }

    public List<long> Comments { get; } = [];

    public List<Mapping> Mappings { get; } = [];

    public List<Location> Locations { get; } = [];

    public List<Function> Functions { get; } = [];

    public List<StringSlice> Strings { get; } = [];

    public LocationStackTable Samples { get; } = new();
}

/// <summary>A string-table entry: its UTF-8 bytes' position in the input array and length.</summary>
internal readonly record struct StringSlice(int Offset, int Length);
