using Dodo.Engine.Diagnostics;

namespace Dodo.Cli;

/// <summary>
/// Where a command writes: its answer (text or JSON) to standard output; diagnostics, progress and,
/// with --verbose, detail lines to standard error, so that --json output stays machine-readable.
/// </summary>
public sealed class CliConsole
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public CliConsole(TextWriter output, TextWriter error, bool verbose)
    {
        _out = output;
        _error = error;
        Log = new DiagnosticLog(
            diagnostic => _error.WriteLine(diagnostic.ToCanonicalString()),
            (text, isProgress) =>
            {
                if (isProgress)
                {
                    _error.WriteLine(text);
                }
                else if (verbose)
                {
                    // The MSBuild task logs lines with this prefix at low importance.
                    _error.WriteLine("detail: " + text);
                }
            });
    }

    public DiagnosticLog Log { get; }

    public void WriteResult(string text) => _out.WriteLine(text);

    /// <summary>Runs a command body, turning coded failures into diagnostics and exit code 2.</summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DodoException e)
        {
            Log.Report(e.ToDiagnostic());
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            Log.Error(DiagnosticCodes.Cancelled, "Stopped before the end: nothing was written into the Go package, "
                + "and the Go processes dodo started were stopped.");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Error(DiagnosticCodes.OutputNotWritable, e.Message);
            return ExitCodes.Error;
        }
        catch (Exception e)
        {
            Log.Error(DiagnosticCodes.InternalError, $"Unexpected failure, please report it: {e}");
            return ExitCodes.Error;
        }
    }
}
