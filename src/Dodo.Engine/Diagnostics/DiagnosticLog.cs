namespace Dodo.Engine.Diagnostics;

/// <summary>
/// Collects what the engine has to say while it works: coded warnings and errors for the user,
/// progress lines a user waits on, and detail lines only a curious user wants.
/// </summary>
public sealed class DiagnosticLog
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Action<Diagnostic>? _onDiagnostic;
    private readonly Action<string, bool>? _onText;

    /// <param name="onDiagnostic">Called for every coded diagnostic as it is reported.</param>
    /// <param name="onText">Called for progress (<c>true</c>) and detail (<c>false</c>) lines.</param>
    public DiagnosticLog(Action<Diagnostic>? onDiagnostic = null, Action<string, bool>? onText = null)
    {
        _onDiagnostic = onDiagnostic;
        _onText = onText;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Report(Diagnostic diagnostic)
    {
        lock (_diagnostics)
        {
            _diagnostics.Add(diagnostic);
        }

        _onDiagnostic?.Invoke(diagnostic);
    }

    public void Warning(string code, string message, string? file = null, int? line = null) =>
        Report(new Diagnostic(DiagnosticSeverity.Warning, code, message, file, line));

    public void Error(string code, string message, string? file = null, int? line = null) =>
        Report(new Diagnostic(DiagnosticSeverity.Error, code, message, file, line));

    /// <summary>A line about progress the user is waiting on.</summary>
    public void Progress(string text) => _onText?.Invoke(text, true);

    /// <summary>A line about internals (cache hits, exact commands); hidden unless verbose.</summary>
    public void Detail(string text) => _onText?.Invoke(text, false);
}
