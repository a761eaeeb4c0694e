using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// The canonical call tree below one target function (rule N9): every sample that reaches the
/// target contributes the normalized path from the target's outermost occurrence, so recursion
/// is never counted twice; samples that never reach it are excluded and counted.
/// </summary>
public sealed class CallTree
{
    /// <summary>Deeper paths are refused: tree walks recurse once per level.</summary>
    public const int MaxDepth = 2048;

    private CallTree(string target, CallTreeNode root, StackProfile profile, long excludedValue,
        long excludedCount)
    {
        Target = target;
        Root = root;
        ProfileValue = profile.TotalValue;
        ValueUnit = profile.ValueUnit;
        Architecture = profile.Architecture;
        Sources = profile.Sources;
        ExcludedValue = excludedValue;
        ExcludedCount = excludedCount;
    }

    /// <summary>The canonical name of the target function.</summary>
    public string Target { get; }

    public CallTreeNode Root { get; }

    /// <summary>The target's inclusive time.</summary>
    public long TargetValue => Root.Total;

    /// <summary>Profiler samples inside the target: what the sampling noise depends on.</summary>
    public long TargetCount => Root.TotalCount;

    /// <summary>The whole profile's time, target or not.</summary>
    public long ProfileValue { get; }

    /// <summary>The target's inclusive time as a fraction (0–1) of the whole profile.</summary>
    public double TargetShare => ProfileValue > 0 ? (double)TargetValue / ProfileValue : 0;

    /// <summary>Samples whose stack never reaches the target.</summary>
    public long ExcludedCount { get; }

    public long ExcludedValue { get; }

    public string ValueUnit { get; }

    public string? Architecture { get; }

    public IReadOnlyList<string> Sources { get; }

    public static CallTree Build(StackProfile profile, string target, DiagnosticLog? log = null) =>
        Build(profile, target, FrameNormalizer.Default, log);

    public static CallTree Build(StackProfile profile, string target, FrameNormalizer normalizer,
        DiagnosticLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(normalizer);
        var source = profile.Sources.Count > 0 ? string.Join(", ", profile.Sources) : "profile";
        var canonicalTarget = CanonicalTarget(target, normalizer);

        // Two passes: every name must be known to resolve the target before any path is rooted.
        var cache = new CanonicalFrameCache(normalizer);
        var deepest = profile.Samples.Count == 0 ? 0 : profile.Samples.Max(s => s.Frames.Count);
        var buffer = new CanonicalFrame[deepest];
        foreach (var sample in profile.Samples)
        {
            cache.Fill(sample.Frames, buffer);
        }

        var resolved = TargetResolver.Resolve(target, canonicalTarget, cache.Names, source);
        var builder = new Builder(resolved, normalizer);
        foreach (var sample in profile.Samples)
        {
            var frames = buffer.AsSpan(0, sample.Frames.Count);
            cache.Fill(sample.Frames, frames);
            builder.Add(frames, sample, source);
        }

        if (builder.UnsymbolizedCount > 0)
        {
            log?.Warning(DiagnosticCodes.TargetUnsymbolizedDropped,
                $"{source}: left out {builder.UnsymbolizedCount} sample(s) ({builder.UnsymbolizedValue} "
                + $"{profile.ValueUnit}) below '{resolved}' whose frames include bare addresses, which "
                + "cannot match across builds. Symbolize the profile to keep them.", source);
        }

        var tree = new CallTree(resolved, builder.Root, profile, builder.ExcludedValue, builder.ExcludedCount);
        log?.Detail($"{source}: '{resolved}' holds {tree.TargetShare:P1} of the profile "
            + $"({tree.TargetCount} samples); {tree.ExcludedCount} samples never reach it.");
        return tree;
    }

    /// <summary>
    /// The tree with every node under <paramref name="percent"/> % of the target's time folded
    /// into an <c>[other]</c> child of its parent; for showing one side alone.
    /// </summary>
    public PrunedNode Prune(double percent)
    {
        RequirePercent(percent);
        return Prune(Root, TargetValue, percent);
    }

    private static string CanonicalTarget(string target, FrameNormalizer normalizer)
    {
        var canonical = normalizer.NormalizeSymbol(target);
        if (canonical.Length == 0 || canonical.Any(char.IsControl))
        {
            throw new DodoException(DiagnosticCodes.TargetInvalid,
                $"The target '{target}' is not a function name; give one such as "
                + "'github.com/org/app/pkg.(*Type).Method'.");
        }

        return canonical;
    }

    internal static void RequirePercent(double percent)
    {
        if (!(percent >= 0 && percent <= 100))
        {
            throw new DodoException(DiagnosticCodes.PrunePercentInvalid,
                $"The prune threshold {percent} is not a percentage between 0 and 100.");
        }
    }

    private static PrunedNode Prune(CallTreeNode node, long total, double percent)
    {
        var children = new List<PrunedNode>();
        var pruned = 0L;
        foreach (var child in node.Children.Values)
        {
            if (Percent(child.Total, total) >= percent)
            {
                children.Add(Prune(child, total, percent));
            }
            else
            {
                pruned += child.Total;
            }
        }

        children.Sort((a, b) => b.Inclusive != a.Inclusive
            ? b.Inclusive.CompareTo(a.Inclusive)
            : string.CompareOrdinal(a.Name, b.Name));
        if (pruned > 0)
        {
            var share = Percent(pruned, total);
            children.Add(new PrunedNode(PrunedNode.Other, share, share, []));
        }

        return new PrunedNode(node.Name, Percent(node.Total, total), Percent(node.Self, total), children);
    }

    private static double Percent(long value, long total) => total > 0 ? 100.0 * value / total : 0;

    /// <summary>Accumulates rooted, normalized paths into the tree.</summary>
    private sealed class Builder(string target, FrameNormalizer normalizer)
    {
        private readonly List<string> _path = [];

        public CallTreeNode Root { get; } = new(target);

        public long ExcludedValue { get; private set; }

        public long ExcludedCount { get; private set; }

        public long UnsymbolizedValue { get; private set; }

        public long UnsymbolizedCount { get; private set; }

        public void Add(ReadOnlySpan<CanonicalFrame> frames, StackSample sample, string source)
        {
            var start = IndexOfTarget(frames);
            if (start < 0)
            {
                ExcludedValue = checked(ExcludedValue + sample.Value);
                ExcludedCount = checked(ExcludedCount + sample.Count);
                return;
            }

            var below = frames[start..];
            if (HasUnsymbolized(below))
            {
                UnsymbolizedValue = checked(UnsymbolizedValue + sample.Value);
                UnsymbolizedCount = checked(UnsymbolizedCount + sample.Count);
                return;
            }

            // A runtime target keeps its runtime callees: the user asked to look inside it.
            _path.Clear();
            normalizer.Collapse(below, collapseRuntime: !frames[start].IsCollapsible, _path);
            if (_path.Count > MaxDepth)
            {
                throw new DodoException(DiagnosticCodes.CallPathTooDeep,
                    $"{source}: a call path below '{target}' is {_path.Count} frames deep, more than "
                    + $"the {MaxDepth} a call tree accepts.", source);
            }

            Insert(sample);
        }

        private void Insert(StackSample sample)
        {
            var node = Root;
            node.AddTotal(sample.Value, sample.Count);
            for (var i = 1; i < _path.Count; i++)
            {
                node = node.Child(_path[i]);
                node.AddTotal(sample.Value, sample.Count);
            }

            node.AddSelf(sample.Value, sample.Count);
        }

        private int IndexOfTarget(ReadOnlySpan<CanonicalFrame> frames)
        {
            for (var i = 0; i < frames.Length; i++)
            {
                if (frames[i].Name == target)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool HasUnsymbolized(ReadOnlySpan<CanonicalFrame> frames)
        {
            foreach (var frame in frames)
            {
                if (frame.Class == FrameClass.Unsymbolized)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
