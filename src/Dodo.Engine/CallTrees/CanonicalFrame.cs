namespace Dodo.Engine.CallTrees;

/// <summary>What rule N4 (and the perf suffixes) say about a frame.</summary>
public enum FrameClass
{
    /// <summary>Program or library code: always kept.</summary>
    User,

    /// <summary>Go runtime internals (set R): a run of them collapses to its first frame.</summary>
    Runtime,

    /// <summary>Kernel code (perf <c>_[k]</c>): collapses like the runtime.</summary>
    Kernel,

    /// <summary><c>runtime.asyncPreempt</c>: preemption noise, removed with what lies below it.</summary>
    AsyncPreempt,

    /// <summary>A bare address: cannot match across builds.</summary>
    Unsymbolized,
}

/// <summary>A frame after rules N1–N4: its canonical name, whether an alias rewrote it, its class.</summary>
public readonly record struct CanonicalFrame(string Name, bool Aliased, FrameClass Class)
{
    /// <summary>Runtime, kernel and preemption frames form the runs rule N5 collapses.</summary>
    public bool IsCollapsible => Class is FrameClass.Runtime or FrameClass.Kernel or FrameClass.AsyncPreempt;
}
