using Dodo.Engine.CallTrees;

namespace Dodo.Engine.Scoring;

/// <summary>
/// Production's and the benchmark's call trees overlaid and pruned together
/// (similarity-score.md §2): a node stays when its inclusive share reaches the threshold on
/// either side, so 1.2 % vs 0.8 % stays a comparison instead of a spurious "missing"; pruned
/// siblings' time goes to an <c>[other]</c> child on both sides, so each side still sums to 1.
/// </summary>
internal sealed class UnionTree
{
    private UnionTree(string name, double production, double benchmark, double productionSelf,
        double benchmarkSelf, List<UnionTree> children)
    {
        Name = name;
        Production = production;
        Benchmark = benchmark;
        ProductionSelf = productionSelf;
        BenchmarkSelf = benchmarkSelf;
        Children = children;
    }

    public string Name { get; }

    /// <summary>Inclusive share of production's target time, 0–1.</summary>
    public double Production { get; }

    public double Benchmark { get; }

    /// <summary>Self share of production's target time, 0–1: this node's path weight q_A(p).</summary>
    public double ProductionSelf { get; }

    public double BenchmarkSelf { get; }

    public IReadOnlyList<UnionTree> Children { get; }

    public static UnionTree Build(CallTree production, CallTree benchmark, double prunePercent) =>
        Build(production.Root, benchmark.Root, production.TargetValue, benchmark.TargetValue,
            prunePercent, production.Target);

    /// <summary>Every node, parents before children.</summary>
    public IEnumerable<UnionTree> Nodes() => Children.SelectMany(c => c.Nodes()).Prepend(this);

    private static UnionTree Build(CallTreeNode? production, CallTreeNode? benchmark, long productionTotal,
        long benchmarkTotal, double percent, string name)
    {
        var children = new List<UnionTree>();
        var prunedProduction = 0L;
        var prunedBenchmark = 0L;
        foreach (var childName in ChildNames(production, benchmark))
        {
            CallTreeNode? a = null;
            CallTreeNode? b = null;
            production?.Children.TryGetValue(childName, out a);
            benchmark?.Children.TryGetValue(childName, out b);
            var totalA = a?.Total ?? 0;
            var totalB = b?.Total ?? 0;
            if (Percent(totalA, productionTotal) >= percent || Percent(totalB, benchmarkTotal) >= percent)
            {
                children.Add(Build(a, b, productionTotal, benchmarkTotal, percent, childName));
            }
            else
            {
                prunedProduction += totalA;
                prunedBenchmark += totalB;
            }
        }

        if (prunedProduction > 0 || prunedBenchmark > 0)
        {
            var a = Share(prunedProduction, productionTotal);
            var b = Share(prunedBenchmark, benchmarkTotal);
            children.Add(new UnionTree(PrunedNode.Other, a, b, a, b, []));
        }

        return new UnionTree(name,
            Share(production?.Total ?? 0, productionTotal), Share(benchmark?.Total ?? 0, benchmarkTotal),
            Share(production?.Self ?? 0, productionTotal), Share(benchmark?.Self ?? 0, benchmarkTotal),
            children);
    }

    private static IEnumerable<string> ChildNames(CallTreeNode? production, CallTreeNode? benchmark)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(production?.Children.Keys ?? []);
        names.UnionWith(benchmark?.Children.Keys ?? []);
        return names;
    }

    private static double Share(long value, long total) => total > 0 ? (double)value / total : 0;

    private static double Percent(long value, long total) => 100 * Share(value, total);
}
