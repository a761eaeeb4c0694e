using System.Globalization;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Puts the benchmark's captured strings on the heap, as production's inputs are. A string
/// literal lives in the binary's read-only data, where the linker keeps one copy of each distinct
/// string, packed and sorted: a working set far smaller and warmer than decoded input ever is, so
/// the code that reads input first would look cheaper in the benchmark than in production. The
/// copies are made when the case table is built, in case order, like payloads decoded one by one.
/// </summary>
internal sealed class GoHeapStrings(string prefix, Func<string, bool> isTaken, Func<string> stringsPackage)
{
    private string? _name;

    /// <summary>A call that copies the quoted literal to the heap.</summary>
    public string Call(string quoted) => $"{Name()}({quoted})";

    /// <summary>The helper's declaration, when a call was written.</summary>
    public IEnumerable<string> Declarations()
    {
        if (_name is null)
        {
            yield break;
        }

        var builder = stringsPackage() + ".Builder";
        yield return $"// {_name} copies a captured string to the heap, where production's input lives.\n"
            + $"func {_name}(s string) string {{\n\tvar b {builder}\n\tb.Grow(len(s))\n\tb.WriteString(s)\n"
            + "\treturn b.String()\n}\n";
    }

    private string Name()
    {
        if (_name is not null)
        {
            return _name;
        }

        var candidate = prefix + "OnHeap";
        for (var n = 2; isTaken(candidate); n++)
        {
            candidate = prefix + "OnHeap" + n.ToString(CultureInfo.InvariantCulture);
        }

        return _name = candidate;
    }
}
