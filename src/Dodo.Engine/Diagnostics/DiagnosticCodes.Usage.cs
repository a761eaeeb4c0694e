namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A required option or MSBuild property is missing or has an invalid value.</summary>
    public const string InvalidOption = "DODO9001";

    /// <summary>An input file named on the command line or in a property does not exist.</summary>
    public const string InputNotFound = "DODO9002";

    /// <summary>An output file could not be written.</summary>
    public const string OutputNotWritable = "DODO9003";

    /// <summary>The run was stopped (Ctrl-C, SIGTERM, or the process that started it went away).</summary>
    public const string Cancelled = "DODO9004";

    /// <summary>An unexpected internal failure; the message carries the exception.</summary>
    public const string InternalError = "DODO9999";
}
