namespace Dodo.Engine.Snapshots;

/// <summary>
/// One captured value of a Live Debugger snapshot: an argument, a struct field, an element or a
/// map key or value, in the shape the Datadog agent decoded it from the process's memory.
/// </summary>
/// <remarks>
/// Scalars arrive as strings (<see cref="Value"/>) whatever their Go kind. A Go string holding
/// bytes that are not UTF-8 keeps each such byte as the lone surrogate U+DC80 + (byte - 0x80),
/// so the code generator can write the exact bytes back.
/// </remarks>
public sealed class CapturedValue
{
    /// <summary>The Go type as the agent names it (DWARF spelling, full import paths).</summary>
    public string? Type { get; init; }

    public string? Value { get; init; }

    /// <summary>Struct fields (or the <c>data</c> of an interface) in the order of the file.</summary>
    public IReadOnlyList<KeyValuePair<string, CapturedValue>>? Fields { get; init; }

    public IReadOnlyList<CapturedValue>? Elements { get; init; }

    public IReadOnlyList<KeyValuePair<CapturedValue, CapturedValue>>? Entries { get; init; }

    /// <summary>The length production had: collection length or string byte length.</summary>
    public long? Size { get; init; }

    /// <summary>True when a string was clamped to the capture limit.</summary>
    public bool Truncated { get; init; }

    public bool IsNull { get; init; }

    /// <summary>Why the value (or part of it) is missing: depth, collectionSize, redactedIdent…</summary>
    public string? NotCapturedReason { get; init; }

    /// <summary>The pointer's address for a pointer captured with its pointee inlined.</summary>
    public string? Address { get; init; }

    /// <summary>True when the agent left out part or all of the value.</summary>
    public bool IsIncomplete => NotCapturedReason is not null || Truncated;

    /// <summary>True when redaction replaced the value by its type alone.</summary>
    public bool IsRedacted =>
        NotCapturedReason is "redactedIdent" or "redactedType";

    /// <summary>The first field with this name, or null.</summary>
    public CapturedValue? Field(string name)
    {
        if (Fields is null)
        {
            return null;
        }

        foreach (var (key, value) in Fields)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}
