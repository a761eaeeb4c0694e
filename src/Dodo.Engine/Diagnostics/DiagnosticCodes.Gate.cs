namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>The benchmark's similarity to production is below the threshold: the gate failed.</summary>
    public const string GateFailed = "DODO5001";

    /// <summary>Sampling noise alone would keep the similarity near or below the threshold.</summary>
    public const string NoiseFloorTooHigh = "DODO5002";

    /// <summary>The benchmark ran but its profile never reached the target function.</summary>
    public const string TargetNotInBenchmark = "DODO5003";
}
