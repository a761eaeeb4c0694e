using System.Runtime.InteropServices;

namespace Dodo.Cli;

/// <summary>
/// Cancels the running command when the process is asked to stop (Ctrl-C, SIGTERM from a CI
/// timeout, SIGHUP) or when the process that started it goes away (an MSBuild node killed without
/// stopping its tools). Cancelling kills the Go processes the command started and stops it before
/// it writes a benchmark into the user's package.
/// </summary>
internal sealed partial class Cancellation : IDisposable
{
    private static readonly TimeSpan ParentCheckPeriod = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly Timer? _parentWatch;

    public Cancellation()
    {
        foreach (var signal in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP])
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive until the command has killed its children and returned.
                context.Cancel = true;
                _source.Cancel();
            }));
        }

        if (!OperatingSystem.IsWindows())
        {
            var parent = ParentProcessId();
            _parentWatch = new Timer(_ =>
            {
                if (ParentProcessId() != parent)
                {
                    _source.Cancel();
                }
            }, null, ParentCheckPeriod, ParentCheckPeriod);
        }
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _parentWatch?.Dispose();
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        _source.Dispose();
    }

    // A process whose parent exits is adopted by init or a subreaper: its parent id changes.
    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int ParentProcessId();
}
