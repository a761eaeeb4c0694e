namespace Dodo.Cli;

/// <summary>The process exit codes every dodo command uses.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The similarity is below the threshold.</summary>
    public const int GateFailed = 1;

    /// <summary>Bad input, a bad option, or a failure that stopped the command (always with a DODO code).</summary>
    public const int Error = 2;
}
