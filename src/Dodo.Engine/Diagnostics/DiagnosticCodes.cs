namespace Dodo.Engine.Diagnostics;

/// <summary>
/// Every DODO code, grouped by pipeline stage. The README's "Diagnostics" table lists them all;
/// each stage keeps its codes in its own part of this class.
/// 1xxx profiles, 2xxx snapshots, 3xxx Go code generation, 4xxx Go toolchain and benchmark runs,
/// 5xxx scoring and the gate, 9xxx usage.
/// </summary>
public static partial class DiagnosticCodes
{
}
