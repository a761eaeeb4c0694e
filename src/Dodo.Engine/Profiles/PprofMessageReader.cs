using System.Runtime.InteropServices;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles.Proto;
using Google.Protobuf;
using ProtoValueType = Dodo.Engine.Profiles.Proto.ValueType;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Reads the top-level <c>Profile</c> message field by field with Google.Protobuf's
/// <see cref="CodedInputStream"/>. Mappings, locations and functions become messages; samples
/// are read field by field straight into their stack's sums and strings stay slices of the
/// input, so a profile of a million labelled samples costs memory in proportion to its
/// distinct stacks, not its samples. The wire structure was already checked by
/// <see cref="PprofWireScanner"/>, so every length and tag here is known to be sound.
/// </summary>
internal static class PprofMessageReader
{
    public static PprofContent Read(ArraySegment<byte> data, string source)
    {
        var content = new PprofContent(data);
        var sample = new SampleFields();
        try
        {
            using var input = new CodedInputStream(data.Array!, data.Offset, data.Count);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (tag >> 3)
                {
                    case 1:
                        content.SampleTypes.Add(ReadMessage<ProtoValueType>(input));
                        break;
                    case 2:
                        ReadSample(input, sample, content.Samples);
                        break;
                    case 3:
                        content.Mappings.Add(ReadMessage<Mapping>(input));
                        break;
                    case 4:
                        content.Locations.Add(ReadMessage<Location>(input));
                        break;
                    case 5:
                        content.Functions.Add(ReadMessage<Function>(input));
                        break;
                    case 6:
                        content.Strings.Add(ReadStringSlice(input, data));
                        break;
                    case 11:
                        content.PeriodType = ReadMessage<ProtoValueType>(input);
                        break;
                    case 13:
                        ReadComments(input, tag, content.Comments);
                        break;
                    default:
                        ReadScalar(input, tag, content);
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new DodoException(DiagnosticCodes.ProfileMalformedProtobuf,
                $"{source}: not a valid pprof profile: {e.Message}", source, e);
        }

        return content;
    }

    /// <summary>Reusable buffers for the sample being read.</summary>
    private sealed class SampleFields
    {
        public List<ulong> LocationIds { get; } = new(64);

        public List<long> Values { get; } = new(4);

        public List<long> LabelStrings { get; } = [];
    }

    private static T ReadMessage<T>(CodedInputStream input)
        where T : IMessage, new()
    {
        var message = new T();
        input.ReadMessage(message);
        return message;
    }

    private static void ReadSample(CodedInputStream input, SampleFields sample, LocationStackTable samples)
    {
        var end = EndOfPayload(input);
        sample.LocationIds.Clear();
        sample.Values.Clear();
        sample.LabelStrings.Clear();
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            switch (tag)
            {
                case (1 << 3) | 0:
                    sample.LocationIds.Add(input.ReadUInt64());
                    break;
                case (1 << 3) | 2:
                    for (var packedEnd = EndOfPayload(input); input.Position < packedEnd;)
                    {
                        sample.LocationIds.Add(input.ReadUInt64());
                    }

                    break;
                case (2 << 3) | 0:
                    sample.Values.Add(input.ReadInt64());
                    break;
                case (2 << 3) | 2:
                    for (var packedEnd = EndOfPayload(input); input.Position < packedEnd;)
                    {
                        sample.Values.Add(input.ReadInt64());
                    }

                    break;
                case (3 << 3) | 2:
                    ReadLabel(input, sample.LabelStrings);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        samples.Add(CollectionsMarshal.AsSpan(sample.LocationIds), sample.Values);
        foreach (var index in sample.LabelStrings)
        {
            samples.AddLabelString(index);
        }
    }

    /// <summary>Labels are never used, but their string indexes must still be valid.</summary>
    private static void ReadLabel(CodedInputStream input, List<long> strings)
    {
        var end = EndOfPayload(input);
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            if (tag is (1 << 3) or (2 << 3) or (4 << 3))
            {
                strings.Add(input.ReadInt64());
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    /// <summary>Reads a length prefix; the payload ends that many bytes after it.</summary>
    private static long EndOfPayload(CodedInputStream input)
    {
        var length = input.ReadLength();
        return input.Position + length;
    }

    /// <summary>
    /// Where a string's bytes lie in the input array (the stream's positions count from the
    /// array's start, not the segment's); decoded only if someone asks for it.
    /// </summary>
    private static StringSlice ReadStringSlice(CodedInputStream input, ArraySegment<byte> data)
    {
        var position = (int)input.Position;
        var bytes = data.Array!;
        input.SkipLastField();
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return new StringSlice(position, length);
    }

    private static void ReadComments(CodedInputStream input, uint tag, List<long> comments)
    {
        if ((tag & 7) == 0)
        {
            comments.Add(input.ReadInt64());
            return;
        }

        var end = EndOfPayload(input);
        while (input.Position < end)
        {
            comments.Add(input.ReadInt64());
        }
    }

    private static void ReadScalar(CodedInputStream input, uint tag, PprofContent content)
    {
        switch (tag >> 3)
        {
            case 7:
                content.DropFrames = input.ReadInt64();
                break;
            case 8:
                content.KeepFrames = input.ReadInt64();
                break;
            case 12:
                content.Period = input.ReadInt64();
                break;
            case 14:
                content.DefaultSampleType = input.ReadInt64();
                break;
            case 15:
                content.DocUrl = input.ReadInt64();
                break;
            default:
                // time_nanos, duration_nanos and unknown fields carry nothing the reader uses.
                input.SkipLastField();
                break;
        }
    }
}
