using System.CommandLine;
using Dodo.Cli.Commands;

namespace Dodo.Cli;

/// <summary>The <c>dodo</c> command line: every command, and the exit code for bad usage.</summary>
public static class DodoCommandLine
{
    public static RootCommand Create(TextWriter output, TextWriter error) =>
        new("dodo: grounds a Go micro-benchmark in production telemetry and gates it on call-tree similarity.")
        {
            BenchmarkCommand.Create(output, error),
            TreeCommand.Create(output, error),
            ScoreCommand.Create(output, error),
        };

    /// <summary>Parses and runs; bad usage is reported with a DODO code and exit code 2.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"dodo: error DODO9001: {parseError.Message}");
            }

            error.WriteLine("Run 'dodo --help' to see every command and option.");
            return ExitCodes.Error;
        }

        // dodo handles stopping itself (Cancellation), so that it can kill the Go processes it started.
        using var cancellation = new Cancellation();
        var configuration = new InvocationConfiguration
        {
            Output = output, Error = error, ProcessTerminationTimeout = null,
        };
        return parsed.InvokeAsync(configuration, cancellation.Token).GetAwaiter().GetResult();
    }
}
