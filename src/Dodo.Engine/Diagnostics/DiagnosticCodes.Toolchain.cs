namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>No Go toolchain was found on PATH or at the configured path.</summary>
    public const string GoNotFound = "DODO4001";

    /// <summary>A Go command (env, build, vet, gofmt) failed or timed out.</summary>
    public const string GoCommandFailed = "DODO4002";
}
