using System.Diagnostics.CodeAnalysis;

namespace Dodo.Engine.CallTrees;

/// <summary>
/// One canonical frame on a call path below the target: the time spent in it (self) and in
/// it plus its callees (total), in the profile's unit and in samples.
/// </summary>
public sealed class CallTreeNode
{
    // A wide profile has hundreds of thousands of nodes that nearly all survive until scoring;
    // children live in a sibling list (no allocation per node) and only a node with many
    // children gets a dictionary, which keeps tree building from being mostly garbage collection.
    private const int IndexedFrom = 8;

    private CallTreeNode? _firstChild;
    private CallTreeNode? _lastChild;
    private CallTreeNode? _nextSibling;
    private int _childCount;
    private Dictionary<string, CallTreeNode>? _index;
    private ChildView? _view;

    internal CallTreeNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public long Self { get; private set; }

    public long Total { get; private set; }

    public long SelfCount { get; private set; }

    public long TotalCount { get; private set; }

    /// <summary>The callees, by canonical name.</summary>
    public IReadOnlyDictionary<string, CallTreeNode> Children => _view ??= new ChildView(this);

    internal CallTreeNode Child(string name)
    {
        var child = Find(name);
        if (child is not null)
        {
            return child;
        }

        child = new CallTreeNode(name);
        if (_lastChild is null)
        {
            _firstChild = child;
        }
        else
        {
            _lastChild._nextSibling = child;
        }

        _lastChild = child;
        _childCount++;
        if (_index is not null)
        {
            _index.Add(name, child);
        }
        else if (_childCount >= IndexedFrom)
        {
            _index = new Dictionary<string, CallTreeNode>(StringComparer.Ordinal);
            for (var c = _firstChild; c is not null; c = c._nextSibling)
            {
                _index.Add(c.Name, c);
            }
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

    private CallTreeNode? Find(string name)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(name);
        }

        for (var child = _firstChild; child is not null; child = child._nextSibling)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>A read-only dictionary over the sibling list, in insertion order.</summary>
    private sealed class ChildView(CallTreeNode node) : IReadOnlyDictionary<string, CallTreeNode>
    {
        public int Count => node._childCount;

        public IEnumerable<string> Keys => this.Select(pair => pair.Key);

        public IEnumerable<CallTreeNode> Values => this.Select(pair => pair.Value);

        public CallTreeNode this[string key] =>
            node.Find(key) ?? throw new KeyNotFoundException($"'{key}' is not called from '{node.Name}'.");

        public bool ContainsKey(string key) => node.Find(key) is not null;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out CallTreeNode value)
        {
            value = node.Find(key);
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, CallTreeNode>> GetEnumerator()
        {
            for (var child = node._firstChild; child is not null; child = child._nextSibling)
            {
                yield return new KeyValuePair<string, CallTreeNode>(child.Name, child);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
