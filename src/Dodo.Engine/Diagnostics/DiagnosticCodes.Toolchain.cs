namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>No Go toolchain was found on PATH or at the configured path.</summary>
    public const string GoNotFound = "DODO4001";

    /// <summary>A Go command (env, build, vet, gofmt) failed or timed out.</summary>
    public const string GoCommandFailed = "DODO4002";

    /// <summary>No go.mod was found, or the target's package is not inside the module.</summary>
    public const string GoModuleNotFound = "DODO4003";

    /// <summary>The generated benchmark did not compile (the compiler's messages follow).</summary>
    public const string BenchmarkCompileFailed = "DODO4004";

    /// <summary>A benchmark run failed, timed out, or printed no result.</summary>
    public const string BenchmarkRunFailed = "DODO4005";

    /// <summary>The runs gave fewer samples inside the target than asked for; the noise floor is higher.</summary>
    public const string TooFewSamples = "DODO4006";

    /// <summary>The production profile was taken on another architecture than the benchmark runs on.</summary>
    public const string ArchitectureMismatch = "DODO4007";

    /// <summary>A run was much slower per iteration than the others: other work disturbed it; it is repeated.</summary>
    public const string RunDisturbed = "DODO4008";
}
