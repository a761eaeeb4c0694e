using System.Globalization;

namespace Dodo.Engine.GoCodegen;

/// <summary>What Go accepts as an identifier, and the names generated code must not take.</summary>
internal static class GoIdentifiers
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
        "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
        "struct", "switch", "type", "var",
    };

    /// <summary>Predeclared type names; <c>any</c> and <c>comparable</c> since Go 1.18.</summary>
    public static readonly IReadOnlySet<string> PredeclaredTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16",
        "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any",
        "comparable",
    };

    private static readonly HashSet<string> PredeclaredValues = new(StringComparer.Ordinal)
    {
        "true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy", "delete",
        "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover",
    };

    public static bool IsValid(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var digit = char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
            var ok = c == '_' || char.IsLetter(c) || (i > 0 && digit);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for names a file must not redeclare or shadow (keywords and predeclared names).</summary>
    public static bool IsReserved(string name) =>
        Keywords.Contains(name) || PredeclaredTypes.Contains(name) || PredeclaredValues.Contains(name);

    public static bool IsExported(string name) => name.Length > 0 && char.IsUpper(name[0]);

    /// <summary>Upper-cases the first letter and drops characters Go does not accept in names.</summary>
    public static string Pascal(string name)
    {
        var kept = new string(name.Where(c => c == '_' || char.IsLetterOrDigit(c)).ToArray()).TrimStart('_');
        return kept.Length == 0 ? "" : char.ToUpperInvariant(kept[0]) + kept[1..];
    }
}
