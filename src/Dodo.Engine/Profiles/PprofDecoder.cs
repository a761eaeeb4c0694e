using System.Globalization;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles.Proto;
using Google.Protobuf;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Decodes an uncompressed pprof message into a <see cref="StackProfile"/>: wire checks, then
/// Google.Protobuf, then the reference checks google/pprof makes (ids, strings, value counts)
/// and the ones it does not (negative CPU, caps), then inline expansion root first.
/// </summary>
internal sealed class PprofDecoder
{
    // runtime/cpuprof.go keeps at most 64 PCs per sample and drops the outermost callers.
    private const int GoProfilerStackLimit = 64;

    private static readonly MessageParser<Profile> Parser = Profile.Parser.WithDiscardUnknownFields(true);

    private readonly string _source;
    private readonly ProfileReadOptions _options;
    private readonly DiagnosticLog? _log;
    private readonly StackAccumulator _stacks;

    private PprofDecoder(string source, ProfileReadOptions options, DiagnosticLog? log)
    {
        _source = source;
        _options = options;
        _log = log;
        _stacks = new StackAccumulator(source);
    }

    public static StackProfile Decode(ArraySegment<byte> data, string source, ProfileReadOptions options,
        DiagnosticLog? log)
    {
        PprofWireScanner.Scan(data, source, options);
        Profile profile;
        try
        {
            profile = Parser.ParseFrom(data.Array, data.Offset, data.Count);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new DodoException(DiagnosticCodes.ProfileMalformedProtobuf,
                $"{source}: not a valid pprof profile: {e.Message}", source, e);
        }

        return new PprofDecoder(source, options, log).Convert(profile);
    }

    private StackProfile Convert(Profile profile)
    {
        var strings = new PprofStringTable(profile.StringTable, _source);
        CheckHeaderStrings(profile, strings);
        var column = SelectColumn(profile, strings);
        var mappings = ReadMappings(profile, strings, out var mappingFiles);
        var functions = ReadFunctions(profile, strings, out var sourceFiles);
        var locations = ReadLocations(profile, mappings, functions);
        ReadSamples(profile, strings, column, locations);

        var architecture = ArchitectureDetector.Detect(sourceFiles, mappingFiles);
        return new StackProfile(_stacks.ToSamples(), column.ValueType, column.ValueUnit,
            profile.Period, architecture, [_source]);
    }

    private void CheckHeaderStrings(Profile profile, PprofStringTable strings)
    {
        strings.Check(profile.DocUrl, "doc_url");
        foreach (var comment in profile.Comment)
        {
            strings.Check(comment, "a comment");
        }

        var drop = strings.Get(profile.DropFrames, "drop_frames");
        var keep = strings.Get(profile.KeepFrames, "keep_frames");
        if (drop.Length > 0 || keep.Length > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileDropFramesIgnored,
                $"{_source}: the profile asks to drop frames matching '{drop}' (keeping '{keep}'); "
                + "Dodo.Build keeps every frame, so its call tree may be deeper than pprof's.", _source);
        }
    }

    private ValueColumn SelectColumn(Profile profile, PprofStringTable strings)
    {
        var columns = profile.SampleType
            .Select((t, i) => new SampleColumn(strings.Get(t.Type, $"sample type {i}"),
                strings.Get(t.Unit, $"sample type {i} unit")))
            .ToList();
        var periodType = profile.PeriodType is { } p
            ? new SampleColumn(strings.Get(p.Type, "period type"), strings.Get(p.Unit, "period unit"))
            : new SampleColumn("", "");
        var preferred = strings.Get(profile.DefaultSampleType, "default_sample_type");
        return ValueColumnSelector.Select(columns, periodType, profile.Period, preferred,
            _options.ValueColumn, _source, _log);
    }

    private HashSet<ulong> ReadMappings(Profile profile, PprofStringTable strings,
        out List<string> files)
    {
        var ids = new HashSet<ulong>();
        files = [];
        foreach (var mapping in profile.Mapping)
        {
            RequireNewId(mapping.Id, "mapping", ids.Add(mapping.Id));
            files.Add(strings.Get(mapping.Filename, $"mapping {mapping.Id} file name"));
            strings.Check(mapping.BuildId, $"mapping {mapping.Id} build id");
        }

        return ids;
    }

    /// <returns>Interned frame id per function id; -1 marks a function without any name.</returns>
    private Dictionary<ulong, int> ReadFunctions(Profile profile, PprofStringTable strings,
        out HashSet<string> files)
    {
        var frames = new Dictionary<ulong, int>(profile.Function.Count);
        files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in profile.Function)
        {
            var what = $"function {function.Id}";
            var name = strings.Get(function.Name, what + " name");
            var systemName = strings.Get(function.SystemName, what + " system name");
            var file = strings.Get(function.Filename, what + " file name");
            var frame = name.Length > 0 || systemName.Length > 0
                ? _stacks.Intern(new RawFrame(name.Length > 0 ? name : systemName,
                    file.Length > 0 ? file : null))
                : -1;
            RequireNewId(function.Id, "function", frames.TryAdd(function.Id, frame));
            files.Add(file);
        }

        return frames;
    }

    /// <returns>Per location id, its frames root first (inline callers before callees).</returns>
    private Dictionary<ulong, int[]> ReadLocations(Profile profile, HashSet<ulong> mappings,
        Dictionary<ulong, int> functions)
    {
        var locations = new Dictionary<ulong, int[]>(profile.Location.Count);
        var unknownMappings = 0;
        var unsymbolized = 0;
        foreach (var location in profile.Location)
        {
            if (location.MappingId != 0 && !mappings.Contains(location.MappingId))
            {
                unknownMappings++;
            }

            var frames = new int[Math.Max(location.Line.Count, 1)];
            if (location.Line.Count == 0)
            {
                unsymbolized++;
                frames[0] = AddressFrame(location.Address);
            }

            // line[0] is the innermost inlined callee, so the last line is the outermost frame.
            for (var i = 0; i < location.Line.Count; i++)
            {
                var functionId = location.Line[i].FunctionId;
                if (!functions.TryGetValue(functionId, out var frame))
                {
                    throw new DodoException(DiagnosticCodes.ProfileUnknownReference,
                        $"{_source}: not a valid pprof profile: location {location.Id} has a line "
                        + $"naming function {functionId}, which does not exist.", _source);
                }

                frames[location.Line.Count - 1 - i] = frame >= 0 ? frame : AddressFrame(location.Address);
            }

            RequireNewId(location.Id, "location", locations.TryAdd(location.Id, frames));
        }

        if (unknownMappings > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileMappingMissing,
                $"{_source}: {unknownMappings} location(s) refer to a mapping the profile does not "
                + "contain; the mapping is not needed, so reading goes on.", _source);
        }

        if (unsymbolized > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileUnsymbolized,
                $"{_source}: {unsymbolized} location(s) have no symbol and appear as addresses; "
                + "they cannot match a function. Symbolize the profile (go tool pprof -symbolize).",
                _source);
        }

        return locations;
    }

    private void ReadSamples(Profile profile, PprofStringTable strings, ValueColumn column,
        Dictionary<ulong, int[]> locations)
    {
        var columns = profile.SampleType.Count;
        var truncated = 0L;
        var stack = new List<int>(64);
        var index = 0;
        foreach (var sample in profile.Sample)
        {
            if (sample.Value.Count != columns)
            {
                throw new DodoException(DiagnosticCodes.ProfileValueCountMismatch,
                    $"{_source}: not a valid pprof profile: sample {index} has {sample.Value.Count} "
                    + $"values but the profile declares {columns} sample types.", _source);
            }

            long value;
            try
            {
                value = column.ValueOf(sample.Value, profile.Period);
            }
            catch (OverflowException)
            {
                throw new DodoException(DiagnosticCodes.ProfileValueOverflow,
                    $"{_source}: sample {index} times the period {profile.Period} overflows a 64-bit "
                    + "integer.", _source);
            }

            var count = column.CountOf(sample.Value, value, profile.Period);
            if (value < 0 || count < 0)
            {
                throw new DodoException(DiagnosticCodes.ProfileNegativeValue,
                    $"{_source}: sample {index} has the negative value {Math.Min(value, count)} in "
                    + $"'{column.ValueType}'; CPU time cannot be negative (is this a diff profile?).",
                    _source);
            }

            foreach (var label in sample.Label)
            {
                strings.Check(label.Key, $"a label of sample {index}");
                strings.Check(label.Str, $"a label of sample {index}");
                strings.Check(label.NumUnit, $"a label of sample {index}");
            }

            stack.Clear();
            for (var i = sample.LocationId.Count - 1; i >= 0; i--)
            {
                if (!locations.TryGetValue(sample.LocationId[i], out var frames))
                {
                    throw new DodoException(DiagnosticCodes.ProfileUnknownReference,
                        $"{_source}: not a valid pprof profile: sample {index} refers to location "
                        + $"{sample.LocationId[i]}, which does not exist.", _source);
                }

                stack.AddRange(frames);
            }

            if (stack.Count > _options.MaxStackDepth)
            {
                throw new DodoException(DiagnosticCodes.ProfileLimitExceeded,
                    $"{_source}: refused because sample {index} is {stack.Count} frames deep after "
                    + $"inline expansion, more than the cap of {_options.MaxStackDepth}.", _source);
            }

            truncated += sample.LocationId.Count >= GoProfilerStackLimit ? count : 0;
            _stacks.Add([.. stack], value, count);
            index++;
        }

        if (truncated > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileTruncatedStacks,
                $"{_source}: {truncated} sample(s) have {GoProfilerStackLimit} or more stack frames, "
                + "the Go profiler's limit, so their outermost callers may be cut off; a target above "
                + "the cut misses them.", _source);
        }
    }

    private int AddressFrame(ulong address) =>
        _stacks.Intern(new RawFrame("0x" + address.ToString("x", CultureInfo.InvariantCulture), null));

    private void RequireNewId(ulong id, string what, bool isNew)
    {
        if (id == 0 || !isNew)
        {
            throw new DodoException(DiagnosticCodes.ProfileBadId,
                $"{_source}: not a valid pprof profile: "
                + (id == 0 ? $"a {what} has id 0, which is reserved." : $"two {what}s share the id {id}."),
                _source);
        }
    }
}
