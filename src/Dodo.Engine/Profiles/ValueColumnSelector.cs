using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>One declared sample column, e.g. <c>cpu/nanoseconds</c>.</summary>
internal readonly record struct SampleColumn(string Type, string Unit)
{
    public override string ToString() => $"{Type}/{Unit}";
}

/// <summary>
/// Picks the column that measures CPU time (pprof-format.md §4): <c>cpu</c> by name, else
/// <c>samples/count</c> scaled by the period, else the default sample type, else the last
/// column, and refuses profiles that clearly measure something else unless the caller names a
/// column explicitly.
/// </summary>
internal static class ValueColumnSelector
{
    // Types that only ever describe contention, wall-clock, allocation or goroutine profiles.
    private static readonly HashSet<string> NonCpuTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "contentions", "delay", "wall", "alloc_space", "alloc_objects", "inuse_space",
        "inuse_objects", "space", "objects", "goroutine", "goroutines", "threadcreate", "lock",
        "lock_count", "lock_time", "block", "mutex",
    };

    public static ValueColumn Select(IReadOnlyList<SampleColumn> columns, SampleColumn periodType,
        long period, string defaultSampleType, string? requested, string source, DiagnosticLog? log)
    {
        if (columns.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileNotCpu,
                $"{source}: the profile declares no sample types, so it measures nothing.", source);
        }

        if (requested is { Length: > 0 })
        {
            var index = Find(columns, requested);
            if (index < 0)
            {
                throw new DodoException(DiagnosticCodes.ProfileValueColumnNotFound,
                    $"{source}: has no value column '{requested}'; it has "
                    + $"{string.Join(", ", columns)}.", source);
            }

            return ByIndex(columns, index, periodType, period);
        }

        var cpu = FindType(columns, "cpu");
        if (cpu >= 0)
        {
            log?.Detail($"{source}: weights from the '{columns[cpu]}' column.");
            var samples = FindType(columns, "samples");
            return new ValueColumn(cpu, columns[cpu].Type, columns[cpu].Unit, ScaleByPeriod: false,
                samples, CountFromPeriod: samples < 0);
        }

        if (columns.Append(periodType).Any(c => NonCpuTypes.Contains(c.Type)))
        {
            throw new DodoException(DiagnosticCodes.ProfileNotCpu,
                $"{source}: is not a CPU profile: it measures {string.Join(", ", columns)} "
                + $"(period type {periodType}). Give a CPU profile, or name the value column "
                + "explicitly to read it anyway.", source);
        }

        var chosen = Fallback(columns, periodType, period, defaultSampleType, out var why);
        log?.Warning(DiagnosticCodes.ProfileValueColumnFallback,
            $"{source}: has no 'cpu' column; using {columns[chosen.ValueIndex]} ({why}).", source);
        return chosen;
    }

    private static ValueColumn Fallback(IReadOnlyList<SampleColumn> columns, SampleColumn periodType,
        long period, string defaultSampleType, out string why)
    {
        var samples = FindType(columns, "samples");
        if (samples >= 0 && period > 0 && IsNanoseconds(periodType.Unit))
        {
            why = $"sample counts × period {period} {periodType.Unit}";
            var type = periodType.Type is { Length: > 0 } t ? t : "cpu";
            return new ValueColumn(samples, type, periodType.Unit, ScaleByPeriod: true, samples,
                CountFromPeriod: false);
        }

        if (samples >= 0)
        {
            why = "sample counts; no period turns them into time";
            return ByIndex(columns, samples, periodType, period);
        }

        var preferred = defaultSampleType.Length > 0 ? FindType(columns, defaultSampleType) : -1;
        if (preferred >= 0)
        {
            why = "the profile's default sample type";
            return ByIndex(columns, preferred, periodType, period);
        }

        why = "the last column, pprof's default";
        return ByIndex(columns, columns.Count - 1, periodType, period);
    }

    private static ValueColumn ByIndex(IReadOnlyList<SampleColumn> columns, int index,
        SampleColumn periodType, long period)
    {
        var column = columns[index];
        var countIndex = FindType(columns, "samples");
        if (countIndex < 0 || countIndex == index)
        {
            countIndex = IsCount(column.Unit) ? index : FindUnit(columns, "count", except: index);
        }

        var fromPeriod = countIndex < 0 && period > 0 && periodType.Unit == column.Unit;
        return new ValueColumn(index, column.Type, column.Unit, ScaleByPeriod: false, countIndex,
            fromPeriod);
    }

    private static int Find(IReadOnlyList<SampleColumn> columns, string requested)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].ToString(), requested, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return FindType(columns, requested);
    }

    private static int FindType(IReadOnlyList<SampleColumn> columns, string type)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindUnit(IReadOnlyList<SampleColumn> columns, string unit, int except)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i != except && string.Equals(columns[i].Unit, unit, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCount(string unit) =>
        string.Equals(unit, "count", StringComparison.OrdinalIgnoreCase);

    private static bool IsNanoseconds(string unit) =>
        string.Equals(unit, "nanoseconds", StringComparison.OrdinalIgnoreCase);
}
