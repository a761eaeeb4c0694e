using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Walks the protobuf wire structure of a pprof message before it is decoded, rejecting what a
/// lenient decoder would accept or mask: varints over 10 bytes or past 64 bits, groups,
/// lengths past the end, wrong wire types on known fields, a second copy of a singular header
/// field (two concatenated profiles), and counts beyond the caps. Errors carry the byte offset.
/// </summary>
internal sealed class PprofWireScanner
{
    private const int MaxFieldNumber = (1 << 29) - 1;

    private readonly string _source;
    private readonly ProfileReadOptions _options;
    private readonly int[] _profileFieldCounts = new int[16];

    private PprofWireScanner(string source, ProfileReadOptions options)
    {
        _source = source;
        _options = options;
    }

    private enum Kind
    {
        Profile,
        ValueType,
        Sample,
        Label,
        Mapping,
        Location,
        Line,
        Function,
    }

    /// <summary>What a known field must look like on the wire.</summary>
    private enum Shape
    {
        Unknown,
        Varint,
        Bytes,
        Packable,
        ValueTypeMessage,
        SampleMessage,
        LabelMessage,
        MappingMessage,
        LocationMessage,
        LineMessage,
        FunctionMessage,
    }

    public static void Scan(ReadOnlySpan<byte> data, string source, ProfileReadOptions options)
    {
        var scanner = new PprofWireScanner(source, options);
        scanner.ScanMessage(data, 0, Kind.Profile);
        scanner.CheckProfileCounts();
    }

    private void ScanMessage(ReadOnlySpan<byte> data, long baseOffset, Kind kind)
    {
        var position = 0;
        var locationIds = 0;
        var lines = 0;
        while (position < data.Length)
        {
            var tagOffset = baseOffset + position;
            var tag = ReadVarint(data, ref position, baseOffset, kind, 0);
            var field = tag >> 3;
            if (field == 0 || field > MaxFieldNumber)
            {
                throw Malformed(tagOffset, kind, 0, $"invalid field number {field}");
            }

            var number = (int)field;
            var shape = ShapeOf(kind, number);
            var wireType = (int)(tag & 7);
            if (kind == Kind.Profile && number < _profileFieldCounts.Length)
            {
                _profileFieldCounts[number]++;
            }

            switch (wireType)
            {
                case 0:
                    RequireShape(shape is Shape.Varint or Shape.Packable or Shape.Unknown, tagOffset,
                        kind, number, wireType);
                    ReadVarint(data, ref position, baseOffset, kind, number);
                    locationIds += kind == Kind.Sample && number == 1 ? 1 : 0;
                    break;
                case 1:
                case 5:
                    RequireShape(shape == Shape.Unknown, tagOffset, kind, number, wireType);
                    var size = wireType == 1 ? 8 : 4;
                    if (data.Length - position < size)
                    {
                        throw Malformed(tagOffset, kind, number, $"a {size}-byte field runs past the end");
                    }

                    position += size;
                    break;
                case 2:
                    RequireShape(shape != Shape.Varint, tagOffset, kind, number, wireType);
                    var lengthOffset = baseOffset + position;
                    var length = ReadVarint(data, ref position, baseOffset, kind, number);
                    if (length > (ulong)(data.Length - position))
                    {
                        // Checked before anything is allocated for the payload.
                        throw Malformed(lengthOffset, kind, number,
                            $"length {length} exceeds the {data.Length - position} bytes left");
                    }

                    var payload = data.Slice(position, (int)length);
                    var payloadOffset = baseOffset + position;
                    position += (int)length;
                    var elements = ScanPayload(payload, payloadOffset, kind, number, shape);
                    locationIds += kind == Kind.Sample && number == 1 ? elements : 0;
                    lines += shape == Shape.LineMessage ? 1 : 0;
                    break;
                default:
                    throw Malformed(tagOffset, kind, number,
                        $"wire type {wireType} is not used by pprof (groups and types 6/7 are invalid)");
            }

            CheckDepth(locationIds, lines, tagOffset, kind);
        }
    }

    private int ScanPayload(ReadOnlySpan<byte> payload, long offset, Kind kind, int number, Shape shape)
    {
        switch (shape)
        {
            case Shape.Packable:
                var count = 0;
                var position = 0;
                while (position < payload.Length)
                {
                    ReadVarint(payload, ref position, offset, kind, number);
                    count++;
                }

                return count;
            case Shape.Bytes when payload.Length > _options.MaxStringBytes:
                throw Limit($"a string of {payload.Length:N0} bytes at byte {offset} exceeds the "
                    + $"{_options.MaxStringBytes:N0}-byte cap");
            case Shape.ValueTypeMessage:
                ScanMessage(payload, offset, Kind.ValueType);
                break;
            case Shape.SampleMessage:
                ScanMessage(payload, offset, Kind.Sample);
                break;
            case Shape.LabelMessage:
                ScanMessage(payload, offset, Kind.Label);
                break;
            case Shape.MappingMessage:
                ScanMessage(payload, offset, Kind.Mapping);
                break;
            case Shape.LocationMessage:
                ScanMessage(payload, offset, Kind.Location);
                break;
            case Shape.LineMessage:
                ScanMessage(payload, offset, Kind.Line);
                break;
            case Shape.FunctionMessage:
                ScanMessage(payload, offset, Kind.Function);
                break;
        }

        return 0;
    }

    private void CheckDepth(int locationIds, int lines, long offset, Kind kind)
    {
        // A stack or inline chain deeper than the expanded-depth cap is over it before expansion.
        if ((kind == Kind.Sample && locationIds > _options.MaxStackDepth)
            || (kind == Kind.Location && lines > _options.MaxStackDepth))
        {
            throw Limit($"the {kind.ToString().ToLowerInvariant()} ending near byte {offset} is "
                + $"deeper than the {_options.MaxStackDepth}-frame cap");
        }
    }

    private void CheckProfileCounts()
    {
        // Go writes each header field once; a second copy means two messages were concatenated.
        int[] singular = [7, 8, 9, 10, 11, 12, 14, 15];
        foreach (var number in singular)
        {
            if (_profileFieldCounts[number] > 1)
            {
                throw new DodoException(DiagnosticCodes.ProfileConcatenated,
                    $"{_source}: holds {_profileFieldCounts[number]} copies of the header field "
                    + $"'{FieldName(Kind.Profile, number)}': several profiles were concatenated "
                    + "(or stored as several gzip members). Give each profile as its own file.",
                    _source);
            }
        }

        CheckCount(2, _options.MaxSamples, "samples");
        CheckCount(3, _options.MaxLocations, "mappings");
        CheckCount(4, _options.MaxLocations, "locations");
        CheckCount(5, _options.MaxFunctions, "functions");
        CheckCount(6, _options.MaxStrings, "strings");
    }

    private void CheckCount(int field, int cap, string what)
    {
        if (_profileFieldCounts[field] > cap)
        {
            throw Limit($"it has {_profileFieldCounts[field]:N0} {what}, more than the cap of {cap:N0}");
        }
    }

    private ulong ReadVarint(ReadOnlySpan<byte> data, ref int position, long baseOffset, Kind kind,
        int number)
    {
        var start = position;
        ulong value = 0;
        for (var i = 0; i < 10; i++)
        {
            if (position >= data.Length)
            {
                throw Malformed(baseOffset + start, kind, number, "a varint runs past the end");
            }

            var b = data[position++];
            if (i == 9 && b > 1)
            {
                throw Malformed(baseOffset + start, kind, number, (b & 0x80) != 0
                    ? "a varint is longer than 10 bytes"
                    : "a varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed(baseOffset + start, kind, number, "a varint is longer than 10 bytes");
    }

    private void RequireShape(bool allowed, long offset, Kind kind, int number, int wireType)
    {
        if (!allowed)
        {
            throw Malformed(offset, kind, number, $"wire type {wireType} does not fit this field");
        }
    }

    private DodoException Malformed(long offset, Kind kind, int number, string what)
    {
        var field = number == 0 ? "" : $", field '{FieldName(kind, number)}'";
        return new DodoException(DiagnosticCodes.ProfileMalformedProtobuf,
            $"{_source}: not a valid pprof profile: {what} at byte {offset} of the protobuf data "
            + $"(in a {kind}{field}).", _source);
    }

    private DodoException Limit(string what) =>
        new(DiagnosticCodes.ProfileLimitExceeded, $"{_source}: refused because {what}.", _source);

    private static Shape ShapeOf(Kind kind, int number) => (kind, number) switch
    {
        (Kind.Profile, 1 or 11) => Shape.ValueTypeMessage,
        (Kind.Profile, 2) => Shape.SampleMessage,
        (Kind.Profile, 3) => Shape.MappingMessage,
        (Kind.Profile, 4) => Shape.LocationMessage,
        (Kind.Profile, 5) => Shape.FunctionMessage,
        (Kind.Profile, 6) => Shape.Bytes,
        (Kind.Profile, 13) => Shape.Packable,
        (Kind.Profile, >= 7 and <= 15) => Shape.Varint,
        (Kind.ValueType, 1 or 2) => Shape.Varint,
        (Kind.Sample, 1 or 2) => Shape.Packable,
        (Kind.Sample, 3) => Shape.LabelMessage,
        (Kind.Label, >= 1 and <= 4) => Shape.Varint,
        (Kind.Mapping, >= 1 and <= 10) => Shape.Varint,
        (Kind.Location, 4) => Shape.LineMessage,
        (Kind.Location, >= 1 and <= 5) => Shape.Varint,
        (Kind.Line, >= 1 and <= 3) => Shape.Varint,
        (Kind.Function, >= 1 and <= 5) => Shape.Varint,
        _ => Shape.Unknown,
    };

    private static string FieldName(Kind kind, int number) => (kind, number) switch
    {
        (Kind.Profile, 1) => "sample_type",
        (Kind.Profile, 2) => "sample",
        (Kind.Profile, 3) => "mapping",
        (Kind.Profile, 4) => "location",
        (Kind.Profile, 5) => "function",
        (Kind.Profile, 6) => "string_table",
        (Kind.Profile, 7) => "drop_frames",
        (Kind.Profile, 8) => "keep_frames",
        (Kind.Profile, 9) => "time_nanos",
        (Kind.Profile, 10) => "duration_nanos",
        (Kind.Profile, 11) => "period_type",
        (Kind.Profile, 12) => "period",
        (Kind.Profile, 13) => "comment",
        (Kind.Profile, 14) => "default_sample_type",
        (Kind.Profile, 15) => "doc_url",
        (Kind.Sample, 1) => "location_id",
        (Kind.Sample, 2) => "value",
        (Kind.Sample, 3) => "label",
        (Kind.Location, 4) => "line",
        _ => $"#{number}",
    };
}
