namespace Dodo.Engine.Diagnostics;

/// <summary>
/// A failure the user can act on: bad input, a missing tool, a failed gate. It always carries a
/// DODO code and, when known, the file it is about.
/// </summary>
public sealed class DodoException : Exception
{
    public DodoException(string code, string message, string? file = null, int? line = null)
        : base(message)
    {
        Code = code;
        File = file;
        Line = line;
    }

    public DodoException(string code, string message, string? file, Exception inner)
        : base(message, inner)
    {
        Code = code;
        File = file;
    }

    public string Code { get; }

    public string? File { get; }

    public int? Line { get; }

    public Diagnostic ToDiagnostic() => new(DiagnosticSeverity.Error, Code, Message, File, Line);
}
