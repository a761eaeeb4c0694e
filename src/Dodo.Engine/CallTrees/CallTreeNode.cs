namespace Dodo.Engine.CallTrees;

/// <summary>
/// One canonical frame on a call path below the target: the time spent in it (self) and in
/// it plus its callees (total), in the profile's unit and in samples.
/// </summary>
public sealed class CallTreeNode
{
    private readonly Dictionary<string, CallTreeNode> _children = new(StringComparer.Ordinal);

    internal CallTreeNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public long Self { get; private set; }

    public long Total { get; private set; }

    public long SelfCount { get; private set; }

    public long TotalCount { get; private set; }

    public IReadOnlyDictionary<string, CallTreeNode> Children => _children;

    internal CallTreeNode Child(string name)
    {
        if (!_children.TryGetValue(name, out var child))
        {
            child = new CallTreeNode(name);
            _children.Add(name, child);
        }

        return child;
    }

    internal void AddTotal(long value, long count)
    {
        Total = checked(Total + value);
        TotalCount = checked(TotalCount + count);
    }

    internal void AddSelf(long value, long count)
    {
        Self = checked(Self + value);
        SelfCount = checked(SelfCount + count);
    }
}
