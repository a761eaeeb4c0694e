using System.Globalization;
using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Names for one target's benchmark: the function (<c>BenchmarkDodoFilterApply</c>), the prefix of
/// every other generated identifier (<c>dodoFilterApply</c>) and the file
/// (<c>dodo_filter_apply_test.go</c>), chosen so none clashes with the package's own names.
/// </summary>
internal sealed record BenchmarkNaming(string BenchmarkName, string Prefix, string FileName)
{
    // A file named *_linux_test.go or *_arm64_test.go only builds on that system: avoid the suffix.
    private static readonly HashSet<string> BuildConstraintWords = new(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
        "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos", "386", "amd64", "amd64p32", "arm",
        "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32",
        "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    };

    public static BenchmarkNaming For(GoFunction target, IReadOnlySet<string> declaredNames)
    {
        var receiver = target.Receiver is { } r ? GoIdentifiers.Pascal(r.TypeName) : "";
        var stem = receiver + GoIdentifiers.Pascal(target.Name);
        if (stem.Length == 0)
        {
            stem = "Target";
        }

        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : n.ToString(CultureInfo.InvariantCulture);
            var benchmark = $"BenchmarkDodo{stem}{suffix}";
            var prefix = $"dodo{stem}{suffix}";
            if (!declaredNames.Contains(benchmark)
                && !declaredNames.Any(d => d.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return new BenchmarkNaming(benchmark, prefix, FileNameFor(target, suffix));
            }
        }
    }

    private static string FileNameFor(GoFunction target, string suffix)
    {
        var parts = new List<string> { "dodo" };
        if (target.Receiver is { } receiver)
        {
            parts.Add(Snake(receiver.TypeName));
        }

        parts.Add(Snake(target.Name));
        if (suffix.Length > 0)
        {
            parts.Add(suffix);
        }

        var words = string.Join('_', parts.Where(p => p.Length > 0)).Split('_');
        if (BuildConstraintWords.Contains(words[^1]))
        {
            return string.Join('_', words) + "_bench_test.go";
        }

        return string.Join('_', words) + "_test.go";
    }

    /// <summary>FilterApply → filter_apply; characters outside [a-z0-9] are dropped.</summary>
    private static string Snake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var wordStart = i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]));
            if (char.IsAsciiLetterUpper(c) && wordStart)
            {
                text.Append('_');
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (c == '_' && text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString().Trim('_');
    }
}
