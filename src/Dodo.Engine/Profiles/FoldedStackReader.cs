using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Reads folded (collapsed) stacks, pprof-format.md §10: one stack per line, frames root first
/// joined by <c>;</c>, whitespace, then the count. Frames are split only at bracket depth 0
/// because Go generic shapes contain <c>;</c>; an optional pprofutils header names several
/// value columns; malformed lines are skipped, counted and reported.
/// </summary>
internal static partial class FoldedStackReader
{
    private const int ReportedLineNumbers = 5;
    private const string HeaderColumn = @"[A-Za-z_][\w.\-]*/[A-Za-z_][\w.\-]*";

    public static StackProfile Read(TextReader text, string source, ProfileReadOptions options,
        DiagnosticLog? log)
    {
        var lines = new BoundedLineReader(text, options.MaxFoldedLineLength);
        var accumulator = new StackAccumulator(source);
        var malformed = new List<long>();
        var malformedCount = 0L;
        ValueColumn? column = null;
        var columnCount = 1;
        var stacks = 0L;
        var frames = new List<string>();
        var values = new long[1];

        while (lines.Next(out var line, out var tooLong))
        {
            var content = line.AsSpan().TrimEnd();
            if (!tooLong && content.IsWhiteSpace())
            {
                continue;
            }

            if (!tooLong && column is null && stacks == 0 && malformedCount == 0
                && TryReadHeader(content.ToString(), options, source, log, out column, out columnCount))
            {
                values = new long[columnCount];
                continue;
            }

            if (tooLong || !TryParse(content, columnCount, options.MaxStackDepth, frames, values))
            {
                malformedCount++;
                if (malformed.Count < ReportedLineNumbers)
                {
                    malformed.Add(lines.LineNumber);
                }

                continue;
            }

            column ??= new ValueColumn(0, "samples", "count", ScaleByPeriod: false, 0, false);
            var stack = new int[frames.Count];
            for (var i = 0; i < stack.Length; i++)
            {
                stack[i] = accumulator.Intern(new RawFrame(frames[i], null));
            }

            var value = column.ValueOf(values, 0);
            accumulator.Add(stack, value, column.CountOf(values, value, 0));
            stacks++;
        }

        if (malformedCount > 0)
        {
            log?.Warning(DiagnosticCodes.FoldedMalformedLines,
                $"{source}: skipped {malformedCount} malformed line(s) (line "
                + $"{string.Join(", ", malformed)}{(malformedCount > malformed.Count ? ", …" : "")}); "
                + "a folded line is 'frame;frame;… count'.", source);
        }

        if (stacks == 0)
        {
            throw new DodoException(DiagnosticCodes.FoldedNoStacks,
                $"{source}: neither a pprof profile nor folded stacks: no line has the form "
                + "'frame;frame;… count'.", source);
        }

        column ??= new ValueColumn(0, "samples", "count", ScaleByPeriod: false, 0, false);
        return new StackProfile(accumulator.ToSamples(), column.ValueType, column.ValueUnit, 0, null,
            [source]);
    }

    /// <summary>
    /// Splits at top-level semicolons: brackets of any kind nest, so
    /// <c>(*Pointer[go.shape.struct { a int; b int }]).Load</c> stays one frame.
    /// </summary>
    public static bool TrySplitFrames(ReadOnlySpan<char> stack, int maxDepth, List<string> frames)
    {
        frames.Clear();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= stack.Length; i++)
        {
            var c = i < stack.Length ? stack[i] : ';';
            switch (c)
            {
                case '[' or '{' or '(':
                    depth++;
                    break;
                case ']' or '}' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ';' when depth == 0 || i == stack.Length:
                    var frame = stack[start..i];
                    if (frame.IsWhiteSpace() || frames.Count == maxDepth)
                    {
                        return false;
                    }

                    frames.Add(frame.ToString());
                    start = i + 1;
                    break;
            }
        }

        return true;
    }

    private static bool TryParse(ReadOnlySpan<char> line, int columnCount, int maxDepth,
        List<string> frames, long[] values)
    {
        // Values are taken from the end: the last whitespace separates each one, so frame names
        // may themselves contain spaces ("interface {}", "fib(unsigned long)").
        for (var i = columnCount - 1; i >= 0; i--)
        {
            var split = line.LastIndexOfAny(' ', '\t');
            if (split < 0 || !TryParseCount(line[(split + 1)..], out values[i]))
            {
                return false;
            }

            line = line[..split].TrimEnd();
        }

        // pprof writes a sample without frames (Go's lone runtime.goexit) as " <count>": it
        // carries time but can never hold the target.
        if (line.Length == 0)
        {
            frames.Clear();
            return true;
        }

        return TrySplitFrames(line, maxDepth, frames);
    }

    private static bool TryParseCount(ReadOnlySpan<char> token, out long count)
    {
        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        // flamegraph.pl accepts decimals (\d+(\.\d*)?); weights are rounded to whole units.
        if (DecimalCount().IsMatch(token)
            && double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out var fractional)
            && fractional < long.MaxValue)
        {
            count = (long)Math.Round(fractional, MidpointRounding.AwayFromZero);
            return true;
        }

        return false;
    }

    private static bool TryReadHeader(string line, ProfileReadOptions options, string source,
        DiagnosticLog? log, out ValueColumn? column, out int columnCount)
    {
        column = null;
        columnCount = 1;
        var match = HeaderLine().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var columns = match.Groups["column"].Captures
            .Select(c => c.Value.Split('/'))
            .Select(parts => new SampleColumn(parts[0], parts[1]))
            .ToList();
        columnCount = columns.Count;
        column = ValueColumnSelector.Select(columns, new SampleColumn("", ""), 0, "",
            options.ValueColumn, source, log);
        return true;
    }

    [GeneratedRegex(@"^\d+\.\d*$")]
    private static partial Regex DecimalCount();

    // pprofutils names its columns "type/unit", e.g. "samples/count cpu/nanoseconds".
    // Tokens cannot contain whitespace or a second '/', so matching stays linear on long lines.
    [GeneratedRegex(@"^\s*(?<column>" + HeaderColumn + @")(?:\s+(?<column>" + HeaderColumn + @"))*\s*$")]
    private static partial Regex HeaderLine();
}
