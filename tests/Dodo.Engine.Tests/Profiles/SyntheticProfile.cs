using System.Globalization;
using System.IO.Compression;
using Dodo.Engine.Profiles.Proto;
using Google.Protobuf;
using ProtoValueType = Dodo.Engine.Profiles.Proto.ValueType;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// Writes a large, valid Go-style CPU profile for measurements. Stacks of 8–40 locations grow
/// from one another (a call tree, as real programs have), all rooted at <c>main.main</c>; one
/// location in ten inlines a second function; with labels on, every sample carries its own
/// span id, so stacks repeat across samples as in a Datadog profile.
/// </summary>
internal static class SyntheticProfile
{
    public static void Write(string path, int samples, int distinctStacks, int locations, int functions,
        bool labels, int seed)
    {
        var random = new Random(seed);
        var profile = new Profile { Period = 10_000_000, TimeNanos = 1, DurationNanos = 60_000_000_000 };
        profile.StringTable.Add(ByteString.Empty);
        var cpu = Intern(profile, "cpu");
        var nanoseconds = Intern(profile, "nanoseconds");
        var samplesType = new ProtoValueType { Type = Intern(profile, "samples"), Unit = Intern(profile, "count") };
        profile.SampleType.Add(samplesType);
        profile.SampleType.Add(new ProtoValueType { Type = cpu, Unit = nanoseconds });
        profile.PeriodType = new ProtoValueType { Type = cpu, Unit = nanoseconds };
        profile.Mapping.Add(new Mapping { Id = 1, Filename = Intern(profile, "/app/server") });
        AddFunctions(profile, functions);
        AddLocations(profile, locations, functions, random);

        var stacks = GrowStacks(distinctStacks, locations, random);
        var spanKey = Intern(profile, "span id");
        for (var s = 0; s < samples; s++)
        {
            // Squaring skews the choice: a few stacks are hot, most are rare.
            var stack = stacks[(int)(Math.Pow(random.NextDouble(), 2) * stacks.Count)];
            var sample = new Sample();
            for (var d = stack.Length - 1; d >= 0; d--)
            {
                sample.LocationId.Add(stack[d]);
            }

            var count = random.Next(1, 4);
            sample.Value.Add(count);
            sample.Value.Add(count * profile.Period);
            if (labels)
            {
                var span = Intern(profile, (1_000_000_000_000L + s).ToString(CultureInfo.InvariantCulture));
                sample.Label.Add(new Label { Key = spanKey, Str = span });
            }

            profile.Sample.Add(sample);
        }

        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        profile.WriteTo(gzip);
    }

    private static void AddFunctions(Profile profile, int functions)
    {
        for (var f = 1; f <= functions; f++)
        {
            var name = f == 1 ? "main.main" : $"example.com/service/pkg{f % 97}.(*Type{f % 13}).Method{f}";
            var nameIndex = Intern(profile, name);
            profile.Function.Add(new Function
            {
                Id = (ulong)f,
                Name = nameIndex,
                SystemName = nameIndex,
                Filename = Intern(profile, $"/src/service/pkg{f % 97}/file{f}.go"),
            });
        }
    }

    private static void AddLocations(Profile profile, int locations, int functions, Random random)
    {
        for (var id = 1UL; id <= (ulong)locations; id++)
        {
            // Location 1 is main.main, the root of every stack.
            var location = new Location { Id = id, MappingId = 1, Address = 0x400000 + id };
            var function = id == 1 ? 1UL : (ulong)random.Next(2, functions + 1);
            location.Line.Add(new Line { FunctionId = function, Line_ = random.Next(1, 500) });
            if (id > 1 && random.Next(10) == 0)
            {
                location.Line.Insert(0, new Line { FunctionId = (ulong)random.Next(2, functions + 1), Line_ = 1 });
            }

            profile.Location.Add(location);
        }
    }

    /// <summary>Root-first location ids; each new stack extends a prefix of an earlier one.</summary>
    private static List<ulong[]> GrowStacks(int count, int locations, Random random)
    {
        var stacks = new List<ulong[]> { new ulong[] { 1 } };
        while (stacks.Count < count)
        {
            var parent = stacks[random.Next(stacks.Count)];
            var keep = random.Next(1, parent.Length + 1);
            var depth = Math.Max(keep + 1, random.Next(8, 41));
            var stack = new ulong[depth];
            Array.Copy(parent, stack, keep);
            for (var d = keep; d < depth; d++)
            {
                stack[d] = (ulong)random.Next(2, locations + 1);
            }

            stacks.Add(stack);
        }

        return stacks;
    }

    private static long Intern(Profile profile, string text)
    {
        profile.StringTable.Add(ByteString.CopyFromUtf8(text));
        return profile.StringTable.Count - 1;
    }
}
