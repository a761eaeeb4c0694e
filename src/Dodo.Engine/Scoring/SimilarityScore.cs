using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Scoring;

/// <summary>
/// Scores a benchmark's call tree against production's (similarity-score.md): histogram
/// intersection of self-time shares per call path after union pruning, the divergences that
/// account for every lost point, and the sampling-noise floor.
/// </summary>
public static class SimilarityScore
{
    // Shares are ratios of integers; differences below this are rounding, not divergence.
    private const double Epsilon = 1e-12;

    public static SimilarityResult Compare(CallTree production, CallTree benchmark, double prunePercent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(benchmark);
        CallTree.RequirePercent(prunePercent);
        RequireTime(production, "production");
        RequireTime(benchmark, "benchmark");

        var union = UnionTree.Build(production, benchmark, prunePercent);
        var nodes = union.Nodes().ToList();
        var similarity = nodes.Sum(n => Math.Min(n.ProductionSelf, n.BenchmarkSelf));
        var divergences = new List<Divergence>();
        Diverge(union, [], divergences);
        divergences.Sort((x, y) => y.Gap != x.Gap ? y.Gap.CompareTo(x.Gap) : string.CompareOrdinal(x.Path, y.Path));

        var noise = SamplingNoise.ExpectedLoss(nodes.Select(n => n.ProductionSelf),
            production.TargetCount, benchmark.TargetCount);
        var paths = nodes.Count(n => n.ProductionSelf > 0 || n.BenchmarkSelf > 0);
        return new SimilarityResult(Math.Clamp(100 * similarity, 0, 100), noise, divergences,
            production.TargetCount, benchmark.TargetCount, paths);
    }

    /// <summary>
    /// Walks from the target down (§3): a subtree one side lacks is one missing or extra
    /// divergence and is not descended; elsewhere the self shares are compared.
    /// </summary>
    private static void Diverge(UnionTree node, List<string> path, List<Divergence> divergences)
    {
        path.Add(node.Name);
        var (a, b) = (node.Production, node.Benchmark);
        if (a > 0 && b == 0)
        {
            divergences.Add(Create(path, node, a, DivergenceKind.Missing));
        }
        else if (a == 0 && b > 0)
        {
            divergences.Add(Create(path, node, b, DivergenceKind.Extra));
        }
        else if (a > 0 || b > 0)
        {
            var difference = node.BenchmarkSelf - node.ProductionSelf;
            if (Math.Abs(difference) > Epsilon)
            {
                var kind = difference > 0 ? DivergenceKind.Over : DivergenceKind.Under;
                divergences.Add(Create(path, node, Math.Abs(difference), kind));
            }

            foreach (var child in node.Children)
            {
                Diverge(child, path, divergences);
            }
        }

        path.RemoveAt(path.Count - 1);
    }

    private static Divergence Create(List<string> path, UnionTree node, double gap, DivergenceKind kind) =>
        new([.. path], 100 * node.Production, 100 * node.Benchmark, 100 * gap, kind);

    private static void RequireTime(CallTree tree, string side)
    {
        if (tree.TargetValue <= 0)
        {
            var source = tree.Sources.Count > 0 ? string.Join(", ", tree.Sources) : null;
            throw new DodoException(DiagnosticCodes.ScoreEmptySide,
                $"The {side} profile spends no time in '{tree.Target}', so there is nothing to compare"
                + (source is null ? "." : $" ({source})."), source);
        }
    }
}
