namespace Dodo.Engine.CallTrees;

/// <summary>
/// A call-tree node after pruning, for display: inclusive and self shares in percent (0–100)
/// of the target's time. Pruned children's time sits in a child named <see cref="Other"/>.
/// </summary>
public sealed record PrunedNode(string Name, double Inclusive, double Self, IReadOnlyList<PrunedNode> Children)
{
    /// <summary>The synthetic child holding the time of the children pruned away.</summary>
    public const string Other = "[other]";
}
