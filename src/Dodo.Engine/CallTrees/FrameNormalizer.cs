using System.Buffers;
using System.Collections.Concurrent;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// Turns raw frames into canonical call paths (go-frame-normalization.md N1–N8), so that the
/// same Go code profiled on another architecture, OS or Go version yields the same path.
/// </summary>
public sealed class FrameNormalizer
{
    private const int MaxCachedFrames = 1 << 18;

    private static readonly string[] PerfSuffixes = ["_[k]", "_[j]", "_[i]", "_[w]"];

    private static readonly string[] SimdSuffixes =
    [
        "AVX512", "AVX2", "AVX", "SSE41", "SSE42", "SSE4", "SSSE3", "SSE2", "SHANI", "NEON", "ASIMD",
        "SVE", "Amd64", "AMD64", "Arm64", "ARM64", "Asm",
    ];

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly FrameAliasTable _aliases;
    private readonly FrameNormalizerOptions _options;
    private readonly ConcurrentDictionary<RawFrame, CanonicalFrame> _cache = new();
    private int _cached;

    public FrameNormalizer(FrameAliasTable aliases, FrameNormalizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        _aliases = aliases;
        _options = options ?? new FrameNormalizerOptions();
    }

    public FrameNormalizer(FrameNormalizerOptions options)
        : this(FrameAliasTable.BuiltIn(options.AliasSets), options)
    {
    }

    /// <summary>The built-in alias catalog with the default options.</summary>
    public static FrameNormalizer Default { get; } = new(new FrameNormalizerOptions());

    public FrameNormalizerOptions Options => _options;

    /// <summary>A whole stack, root first, to its canonical path (N1–N8).</summary>
    public IReadOnlyList<string> Normalize(IReadOnlyList<RawFrame> rootFirst)
    {
        ArgumentNullException.ThrowIfNull(rootFirst);
        var frames = new CanonicalFrame[rootFirst.Count];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = Canonicalize(rootFirst[i]);
        }

        var path = new List<string>(frames.Length);
        Collapse(frames, collapseRuntime: true, path);
        return path;
    }

    /// <summary>
    /// A user's target symbol through N1–N3, so <c>pkg.(*Cache[K,V]).Get</c> and the profile's
    /// <c>pkg.(*Cache[go.shape.string,go.shape.int]).Get</c> meet at <c>pkg.(*Cache[...]).Get</c>.
    /// </summary>
    public string NormalizeSymbol(string userSymbol)
    {
        ArgumentNullException.ThrowIfNull(userSymbol);
        return _aliases.Apply(TypeArgumentEraser.Erase(Clean(userSymbol, out _)));
    }

    /// <summary>Rules N1–N4 for one frame; cached, since the same frames recur in every sample.</summary>
    public CanonicalFrame Canonicalize(RawFrame frame)
    {
        if (_cache.TryGetValue(frame, out var canonical))
        {
            return canonical;
        }

        canonical = Compute(frame);
        if (_cached >= MaxCachedFrames)
        {
            // Bounded, because Default lives as long as the process and profiles keep coming.
            // (ConcurrentDictionary.Count takes every lock, so the size is tracked here.)
            _cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }

        if (_cache.TryAdd(frame, canonical))
        {
            Interlocked.Increment(ref _cached);
        }

        return canonical;
    }

    /// <summary>
    /// Rules N5, N6 and N8 over canonical frames, root first. With
    /// <paramref name="collapseRuntime"/> false runtime runs stay whole: used below a target
    /// that is itself runtime code, where the user asked to see inside.
    /// </summary>
    internal void Collapse(ReadOnlySpan<CanonicalFrame> frames, bool collapseRuntime, List<string> path)
    {
        var lastAliased = false;
        var i = 0;
        while (i < frames.Length)
        {
            var frame = frames[i++];
            if (frame.Class == FrameClass.AsyncPreempt && _options.DropAsyncPreempt)
            {
                // Everything below a preemption is the scheduler's; the time stays with the parent.
                return;
            }

            if (collapseRuntime && frame.IsCollapsible)
            {
                while (i < frames.Length && frames[i].IsCollapsible)
                {
                    i++;
                }
            }

            if (path.Count > 0 && path[^1] == frame.Name && (lastAliased || frame.Aliased))
            {
                // N6: an alias turned a kernel and its wrapper into X -> X; genuine recursion
                // (both names untouched) stays.
                lastAliased = true;
                continue;
            }

            path.Add(frame.Name);
            lastAliased = frame.Aliased;
        }
    }

    private CanonicalFrame Compute(RawFrame frame)
    {
        var name = TypeArgumentEraser.Erase(Clean(frame.Name, out var kernel));
        var canonical = _aliases.Apply(name);
        if (_options.StripSimdSuffixes && frame.File is { } file && IsArchitectureFile(file))
        {
            var stripped = StripSimdSuffix(canonical);
            canonical = stripped == canonical ? canonical : _aliases.Apply(stripped);
        }

        return new CanonicalFrame(canonical, canonical != name, Classify(canonical, frame.File, kernel));
    }

    private static FrameClass Classify(string name, string? file, bool kernel)
    {
        if (name is "runtime.asyncPreempt" or "runtime.asyncPreempt2")
        {
            return FrameClass.AsyncPreempt;
        }

        if (kernel)
        {
            return FrameClass.Kernel;
        }

        if (IsAddress(name))
        {
            return FrameClass.Unsymbolized;
        }

        return RuntimeFrames.Contains(name, file) ? FrameClass.Runtime : FrameClass.User;
    }

    /// <summary>
    /// N1: whitespace, perf's <c>_[k]</c>-style tags, the ELF <c>.abi0</c> suffix and the
    /// assembler's <c>·</c> separator.
    /// </summary>
    private static string Clean(string raw, out bool kernel)
    {
        var name = raw.Trim();
        kernel = false;
        foreach (var suffix in PerfSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                kernel = suffix == "_[k]";
                name = name[..^suffix.Length];
                break;
            }
        }

        if (name.Length > 5 && char.IsAsciiDigit(name[^1])
            && name.AsSpan(0, name.Length - 1).EndsWith(".abi", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        return name.Replace('·', '.').Trim();
    }

    private static bool IsArchitectureFile(string file) =>
        file.EndsWith("_amd64.s", StringComparison.Ordinal)
        || file.EndsWith("_arm64.s", StringComparison.Ordinal)
        || file.EndsWith("_amd64.go", StringComparison.Ordinal)
        || file.EndsWith("_arm64.go", StringComparison.Ordinal)
        || file.Contains("_avx2", StringComparison.OrdinalIgnoreCase)
        || file.Contains("_avx512", StringComparison.OrdinalIgnoreCase)
        || file.Contains("_neon", StringComparison.OrdinalIgnoreCase);

    private static string StripSimdSuffix(string name)
    {
        foreach (var suffix in SimdSuffixes)
        {
            // Only a suffix glued to an identifier: "pkg.AVX2" or "pkg.Asm" name whole functions.
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)
                && IsIdentifier(name[^(suffix.Length + 1)]))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static bool IsAddress(string name) =>
        name.Length > 2 && name.StartsWith("0x", StringComparison.Ordinal)
        && !name.AsSpan(2).ContainsAnyExcept(HexDigits);

    private static bool IsIdentifier(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
