namespace Dodo.Engine.Diagnostics;

/// <summary>How a diagnostic affects the run: errors stop it, warnings and messages do not.</summary>
public enum DiagnosticSeverity
{
    Message,
    Warning,
    Error,
}
