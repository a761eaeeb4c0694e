using System.Globalization;
using Dodo.Engine.Diagnostics;

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
        var content = PprofMessageReader.Read(data, source);
        return new PprofDecoder(source, options, log).Convert(content);
    }

    private StackProfile Convert(PprofContent content)
    {
        var strings = new PprofStringTable(content.Data, content.Strings, _source);
        CheckHeaderStrings(content, strings);
        CheckSampleShape(content, strings);
        var column = SelectColumn(content, strings);
        var mappings = ReadMappings(content, strings, out var mappingFiles);
        var functions = ReadFunctions(content, strings, out var sourceFiles);
        var locations = ReadLocations(content, mappings, functions);
        ReadSamples(content, column, locations);

        var architecture = ArchitectureDetector.Detect(sourceFiles, mappingFiles);
        return new StackProfile(_stacks.ToSamples(), column.ValueType, column.ValueUnit,
            content.Period, architecture, [_source]);
    }

    private void CheckHeaderStrings(PprofContent content, PprofStringTable strings)
    {
        strings.Check(content.DocUrl, "", 0, "doc_url");
        for (var i = 0; i < content.Comments.Count; i++)
        {
            strings.Check(content.Comments[i], "comment", (ulong)i, "text");
        }

        var drop = strings.Get(content.DropFrames, "", 0, "drop_frames");
        var keep = strings.Get(content.KeepFrames, "", 0, "keep_frames");
        if (drop.Length > 0 || keep.Length > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileDropFramesIgnored,
                $"{_source}: the profile asks to drop frames matching '{drop}' (keeping '{keep}'); "
                + "Dodo.Build keeps every frame, so its call tree may be deeper than pprof's.", _source);
        }
    }

    /// <summary>Value counts and label strings, recorded per sample while reading.</summary>
    private void CheckSampleShape(PprofContent content, PprofStringTable strings)
    {
        var samples = content.Samples;
        var types = content.SampleTypes.Count;
        if (samples.SampleCount > 0 && (samples.ValueCount != types || samples.InconsistentSample >= 0))
        {
            var index = samples.ValueCount != types ? 0 : samples.InconsistentSample;
            throw new DodoException(DiagnosticCodes.ProfileValueCountMismatch,
                $"{_source}: not a valid pprof profile: sample {index} has a different number of "
                + $"values than the {types} sample types the profile declares.", _source);
        }

        foreach (var (index, sample) in new[] { samples.LowestLabelString, samples.HighestLabelString })
        {
            strings.Check(index, "a label of sample", (ulong)Math.Max(sample, 0), "string");
        }
    }

    private ValueColumn SelectColumn(PprofContent content, PprofStringTable strings)
    {
        var columns = content.SampleTypes
            .Select((t, i) => new SampleColumn(strings.Get(t.Type, "sample type", (ulong)i, "type"),
                strings.Get(t.Unit, "sample type", (ulong)i, "unit")))
            .ToList();
        var periodType = content.PeriodType is { } p
            ? new SampleColumn(strings.Get(p.Type, "", 0, "period type"), strings.Get(p.Unit, "", 0, "period unit"))
            : new SampleColumn("", "");
        var preferred = strings.Get(content.DefaultSampleType, "", 0, "default_sample_type");
        return ValueColumnSelector.Select(columns, periodType, content.Period, preferred,
            _options.ValueColumn, _source, _log);
    }

    private HashSet<ulong> ReadMappings(PprofContent content, PprofStringTable strings,
        out List<string> files)
    {
        var ids = new HashSet<ulong>();
        files = [];
        foreach (var mapping in content.Mappings)
        {
            RequireNewId(mapping.Id, "mapping", ids.Add(mapping.Id));
            files.Add(strings.Get(mapping.Filename, "mapping", mapping.Id, "file name"));
            strings.Check(mapping.BuildId, "mapping", mapping.Id, "build id");
        }

        return ids;
    }

    /// <returns>Interned frame id per function id; -1 marks a function without any name.</returns>
    private Dictionary<ulong, int> ReadFunctions(PprofContent content, PprofStringTable strings,
        out HashSet<string> files)
    {
        var frames = new Dictionary<ulong, int>(content.Functions.Count);
        files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in content.Functions)
        {
            var name = strings.Get(function.Name, "function", function.Id, "name");
            var systemName = strings.Get(function.SystemName, "function", function.Id, "system name");
            var file = strings.Get(function.Filename, "function", function.Id, "file name");
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
    private Dictionary<ulong, int[]> ReadLocations(PprofContent content, HashSet<ulong> mappings,
        Dictionary<ulong, int> functions)
    {
        var locations = new Dictionary<ulong, int[]>(content.Locations.Count);
        var unknownMappings = 0;
        var unsymbolized = 0;
        foreach (var location in content.Locations)
        {
            if (location.MappingId != 0 && !mappings.Contains(location.MappingId))
            {
                unknownMappings++;
            }

            var lines = location.Line;
            var frames = new int[Math.Max(lines.Count, 1)];
            if (lines.Count == 0)
            {
                unsymbolized++;
                frames[0] = AddressFrame(location.Address);
            }

            // line[0] is the innermost inlined callee, so the last line is the outermost frame.
            for (var i = 0; i < lines.Count; i++)
            {
                if (!functions.TryGetValue(lines[i].FunctionId, out var frame))
                {
                    throw new DodoException(DiagnosticCodes.ProfileUnknownReference,
                        $"{_source}: not a valid pprof profile: location {location.Id} has a line "
                        + $"naming function {lines[i].FunctionId}, which does not exist.", _source);
                }

                frames[lines.Count - 1 - i] = frame >= 0 ? frame : AddressFrame(location.Address);
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

    private void ReadSamples(PprofContent content, ValueColumn column, Dictionary<ulong, int[]> locations)
    {
        var samples = content.Samples;
        CheckColumn(samples, column.ValueIndex, column.ValueType);
        if (column.CountIndex >= 0)
        {
            CheckColumn(samples, column.CountIndex, column.ValueType);
        }

        var truncated = 0L;
        var stack = new List<int>(64);
        for (var s = 0; s < samples.Stacks.Count; s++)
        {
            var leafFirst = samples.Stacks[s];
            stack.Clear();
            for (var i = leafFirst.Length - 1; i >= 0; i--)
            {
                if (!locations.TryGetValue(leafFirst[i], out var frames))
                {
                    throw new DodoException(DiagnosticCodes.ProfileUnknownReference,
                        $"{_source}: not a valid pprof profile: sample {samples.FirstSample[s]} refers "
                        + $"to location {leafFirst[i]}, which does not exist.", _source);
                }

                stack.AddRange(frames);
            }

            if (stack.Count > _options.MaxStackDepth)
            {
                throw new DodoException(DiagnosticCodes.ProfileLimitExceeded,
                    $"{_source}: refused because sample {samples.FirstSample[s]} is {stack.Count} frames "
                    + $"deep after inline expansion, more than the cap of {_options.MaxStackDepth}.", _source);
            }

            var (value, count) = Weigh(samples, s, column, content.Period);
            truncated += leafFirst.Length >= GoProfilerStackLimit ? count : 0;
            _stacks.Add([.. stack], value, count);
        }

        if (truncated > 0)
        {
            _log?.Warning(DiagnosticCodes.ProfileTruncatedStacks,
                $"{_source}: {truncated} sample(s) have {GoProfilerStackLimit} or more stack frames, "
                + "the Go profiler's limit, so their outermost callers may be cut off; a target above "
                + "the cut misses them.", _source);
        }
    }

    private (long Value, long Count) Weigh(LocationStackTable samples, int stack, ValueColumn column,
        long period)
    {
        var sums = samples.Sums(stack);
        try
        {
            var value = column.ValueOf(sums, period);
            var count = column.CountIndex >= 0 ? sums[column.CountIndex]
                : column.CountFromPeriod && period > 0 ? (value + (period / 2)) / period
                : value > 0 ? samples.Records[stack] : 0;
            return (value, count);
        }
        catch (OverflowException)
        {
            throw new DodoException(DiagnosticCodes.ProfileValueOverflow,
                $"{_source}: the values of sample {samples.FirstSample[stack]} times the period {period} "
                + "overflow a 64-bit integer.", _source);
        }
    }

    private void CheckColumn(LocationStackTable samples, int column, string type)
    {
        if (samples.NegativeSample(column) is var negative and >= 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileNegativeValue,
                $"{_source}: sample {negative} has a negative value in '{type}'; CPU time cannot be "
                + "negative (is this a diff profile?).", _source);
        }

        if (samples.Overflowed(column))
        {
            throw new DodoException(DiagnosticCodes.ProfileValueOverflow,
                $"{_source}: the summed sample values in '{type}' exceed a 64-bit integer.", _source);
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
