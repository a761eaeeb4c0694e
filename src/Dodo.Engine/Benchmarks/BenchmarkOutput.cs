using System.Globalization;
using System.Text.RegularExpressions;

namespace Dodo.Engine.Benchmarks;

/// <summary>Reads the result line Go's testing package prints for one benchmark.</summary>
public static partial class BenchmarkOutput
{
    /// <summary>
    /// Finds the line of <paramref name="benchmarkName"/> in the output of a test binary, for example
    /// <c>BenchmarkDodoFilterApply-2  150000  7812 ns/op  96 B/op  2 allocs/op</c>.
    /// </summary>
    public static (long Iterations, double NsPerOp, double? BytesPerOp, double? AllocsPerOp)? Parse(
        string output, string benchmarkName)
    {
        foreach (var line in output.Split('\n'))
        {
            var match = ResultLine().Match(line.Trim());
            if (!match.Success || match.Groups["name"].Value != benchmarkName)
            {
                continue;
            }

            return (long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture),
                Number(match.Groups["ns"])!.Value,
                Number(match.Groups["bytes"]),
                Number(match.Groups["allocs"]));
        }

        return null;
    }

    private static double? Number(Group group) =>
        group.Success ? double.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<name>Benchmark[^\s-]*)(-\d+)?\s+(?<n>\d+)\s+(?<ns>[\d.]+) ns/op"
        + @"(\s+(?<bytes>[\d.]+) B/op)?(\s+(?<allocs>[\d.]+) allocs/op)?")]
    private static partial Regex ResultLine();
}
