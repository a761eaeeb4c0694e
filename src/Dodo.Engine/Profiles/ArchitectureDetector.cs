using System.Text.RegularExpressions;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Infers the CPU architecture a profile was taken on from the names it carries: Go source
/// files with a GOARCH suffix (<c>asm_amd64.s</c>, <c>memmove_arm64.s</c>) are only compiled
/// for that architecture, and mapped libraries often sit in a multiarch folder.
/// </summary>
internal static partial class ArchitectureDetector
{
    /// <summary>The most frequent architecture named, or null when none is named or it is a tie.</summary>
    public static string? Detect(IEnumerable<string> sourceFiles, IEnumerable<string> mappingFiles)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in sourceFiles)
        {
            var match = GoArchSuffix().Match(file);
            if (match.Success)
            {
                Vote(votes, match.Groups["arch"].Value);
            }
        }

        foreach (var file in mappingFiles)
        {
            var match = MultiarchFolder().Match(file);
            if (match.Success)
            {
                Vote(votes, match.Groups["arch"].Value switch
                {
                    "x86_64" => "amd64",
                    "aarch64" => "arm64",
                    var other => other,
                });
            }
        }

        if (votes.Count == 0)
        {
            return null;
        }

        var ranked = votes.OrderByDescending(v => v.Value).ToList();
        return ranked.Count > 1 && ranked[0].Value == ranked[1].Value ? null : ranked[0].Key;
    }

    private static void Vote(Dictionary<string, int> votes, string architecture) =>
        votes[architecture] = votes.GetValueOrDefault(architecture) + 1;

    private const string GoArches =
        "amd64|arm64|386|arm|ppc64le|ppc64|s390x|riscv64|loong64|mips64le|mips64|mipsle|mips|wasm";

    [GeneratedRegex(@"_(?<arch>" + GoArches + @")(_test)?\.(s|go)$")]
    private static partial Regex GoArchSuffix();

    [GeneratedRegex(@"(^|/)(?<arch>x86_64|aarch64)-linux-gnu/")]
    private static partial Regex MultiarchFolder();
}
