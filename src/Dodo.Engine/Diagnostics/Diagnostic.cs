using System.Globalization;

namespace Dodo.Engine.Diagnostics;

/// <summary>One coded error, warning or message, with the place it refers to when known.</summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null)
{
    /// <summary>
    /// The canonical line MSBuild understands (<c>file(line,col): error DODO1234: message</c>),
    /// so the MSBuild task can forward it without knowing anything about the engine.
    /// </summary>
    public string ToCanonicalString()
    {
        var origin = File ?? "dodo";
        if (File is not null && Line is int line)
        {
            origin += Column is int column
                ? string.Create(CultureInfo.InvariantCulture, $"({line},{column})")
                : string.Create(CultureInfo.InvariantCulture, $"({line})");
        }

        var category = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "message",
        };

        // Newlines would split one diagnostic into several MSBuild events.
        var text = Message.ReplaceLineEndings(" ");
        return $"{origin}: {category} {Code}: {text}";
    }
}
