using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dodo.Build.Tasks;

/// <summary>
/// Runs one command of the <c>dodo</c> engine shipped in the package and turns its canonical
/// output lines (<c>file(line,col): error DODO1234: message</c>) into MSBuild errors and warnings.
/// </summary>
public abstract class DodoToolTask : ToolTask
{
    private const string DetailPrefix = "detail: ";

    /// <summary>Path of the packaged engine, <c>tools/net10.0/dodo.dll</c>.</summary>
    [Required]
    public string EnginePath { get; set; } = "";

    /// <summary>The engine command this task runs, for example <c>benchmark</c>.</summary>
    protected abstract string Command { get; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    // The engine writes its progress and result lines to standard error (standard output is kept
    // for --json answers); they are what a user waits on during a long benchmark run, so they
    // must show at the default (minimal) verbosity.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override Encoding StandardOutputEncoding => Encoding.UTF8;

    protected override Encoding StandardErrorEncoding => Encoding.UTF8;

    /// <summary>
    /// The same dotnet that runs this build runs the engine (the SDK publishes its path in
    /// DOTNET_HOST_PATH), so the engine's runtime is always one the SDK carries.
    /// </summary>
    protected override string GenerateFullPathToTool() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : ToolName;

    protected override bool ValidateParameters()
    {
        if (!File.Exists(EnginePath))
        {
            Log.LogError(null, "DODO9002", null, null, 0, 0, 0, 0,
                "The dodo engine was not found at '{0}'; the Dodo.Build package looks incomplete. "
                + "Restore it again or clear its folder in the NuGet cache.", EnginePath);
            return false;
        }

        return base.ValidateParameters();
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendSwitch("exec");
        builder.AppendFileNameIfNotNull(EnginePath);
        builder.AppendSwitch(Command);
        AppendArguments(builder);
        return builder.ToString();
    }

    /// <summary>Adds the command's options.</summary>
    protected abstract void AppendArguments(CommandLineBuilder builder);

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith(DetailPrefix, StringComparison.Ordinal))
        {
            Log.LogMessage(MessageImportance.Low, singleLine[DetailPrefix.Length..]);
            return;
        }

        // Canonical lines become errors and warnings with their code, file and line.
        Log.LogMessageFromText(singleLine, messageImportance);
    }

    protected override bool HandleTaskExecutionErrors()
    {
        // The engine has already said what went wrong, with a code; a generic
        // "exited with code 1" on top would only hide it.
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        return base.HandleTaskExecutionErrors();
    }
}
