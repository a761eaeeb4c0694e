using Dodo.Engine.CallTrees;
using Dodo.Engine.Scoring;

namespace Dodo.Engine.Fitting;

/// <summary>
/// The call paths a fit works in, numbered: production's tree and a calibration run's tree
/// overlaid and pruned as the score prunes them, so a vector over these paths is exactly what
/// the score compares. Every node's self time is one path; pruned subtrees land in their
/// parent's <c>[other]</c> path.
/// </summary>
internal sealed class CallPathIndex
{
    private readonly Node _root;
    private readonly List<string> _paths = [];
    private readonly List<double> _production = [];

    private CallPathIndex(UnionTree union)
    {
        _root = Index(union, "");
    }

    /// <summary>How many paths there are.</summary>
    public int Count => _paths.Count;

    /// <summary>Each path's frames joined by <c>;</c>, for reports.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>P(p): production's self-time share of each path, summing to 1.</summary>
    public IReadOnlyList<double> Production => _production;

    public static CallPathIndex Build(CallTree production, CallTree calibration, double prunePercent) =>
        new(UnionTree.Build(production, calibration, prunePercent));

    /// <summary>
    /// The samples a tree spends on each path. A callee the index never saw (possible only for a
    /// tree that took no part in building it) counts towards its caller's <c>[other]</c>, or its
    /// caller's self time when nothing was pruned there.
    /// </summary>
    public long[] Project(CallTree tree)
    {
        var counts = new long[Count];
        Project(tree.Root, _root, counts);
        return counts;
    }

    private Node Index(UnionTree union, string parentPath)
    {
        var path = parentPath.Length == 0 ? union.Name : parentPath + ";" + union.Name;
        var node = new Node(_paths.Count);
        _paths.Add(path);
        _production.Add(union.ProductionSelf);
        foreach (var child in union.Children)
        {
            var indexed = Index(child, path);
            if (child.Name == PrunedNode.Other)
            {
                node.Other = indexed.Self;
            }
            else
            {
                node.Children.Add(child.Name, indexed);
            }
        }

        return node;
    }

    private static void Project(CallTreeNode tree, Node node, long[] counts)
    {
        counts[node.Self] += tree.SelfCount;
        foreach (var (name, child) in tree.Children)
        {
            if (node.Children.TryGetValue(name, out var indexed))
            {
                Project(child, indexed, counts);
            }
            else
            {
                counts[node.Other ?? node.Self] += child.TotalCount;
            }
        }
    }

    private sealed class Node(int self)
    {
        public int Self { get; } = self;

        public int? Other { get; set; }

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }
}
