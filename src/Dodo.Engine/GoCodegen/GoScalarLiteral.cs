using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// A scalar captured as text turned into Go: the expression, the type it has when nothing gives it
/// one (<c>int</c> for <c>3</c>, <c>float64</c> for <c>math.NaN()</c>), and whether it is a constant.
/// </summary>
internal readonly record struct GoScalar(string Text, string NaturalType, bool IsConstant = true);

/// <summary>
/// Parses the agent's scalar spellings (decimal integers, <c>0x</c> uintptrs, shortest floats,
/// <c>NaN</c>/<c>±Inf</c>, <c>(1+2i)</c> complexes, <c>true</c>/<c>false</c>) and writes Go for
/// them, refusing values that do not fit the declared kind instead of letting the compiler fail.
/// </summary>
internal static partial class GoScalarLiteral
{
    private static readonly Dictionary<string, (BigInteger Min, BigInteger Max)> IntegerRanges =
        new(StringComparer.Ordinal)
    {
        ["int8"] = (sbyte.MinValue, sbyte.MaxValue),
        ["int16"] = (short.MinValue, short.MaxValue),
        ["int32"] = (int.MinValue, int.MaxValue),
        ["int64"] = (long.MinValue, long.MaxValue),
        ["int"] = (long.MinValue, long.MaxValue),
        ["uint8"] = (byte.MinValue, byte.MaxValue),
        ["uint16"] = (ushort.MinValue, ushort.MaxValue),
        ["uint32"] = (uint.MinValue, uint.MaxValue),
        ["uint64"] = (ulong.MinValue, ulong.MaxValue),
        ["uint"] = (ulong.MinValue, ulong.MaxValue),
        ["uintptr"] = (ulong.MinValue, ulong.MaxValue),
    };

    public static bool IsInteger(string basic) => IntegerRanges.ContainsKey(basic);

    public static bool IsFloat(string basic) => basic is "float32" or "float64";

    public static bool IsComplex(string basic) => basic is "complex64" or "complex128";

    public static GoScalar? Bool(string text) => text switch
    {
        "true" => new GoScalar("true", "bool"),
        "false" => new GoScalar("false", "bool"),
        _ => null,
    };

    /// <summary>An integer of the given kind; a value declared <c>rune</c> prints as a rune literal if plain.</summary>
    public static GoScalar? Integer(string basic, string text, bool spelledRune = false)
    {
        if (!TryParseInteger(text.Trim(), out var value, out var hex)
            || !IntegerRanges.TryGetValue(basic, out var range) || value < range.Min || value > range.Max)
        {
            return null;
        }

        if (spelledRune && value >= 0x20 && value <= 0x10FFFF && Rune.IsValid((int)value))
        {
            var rune = new Rune((int)value);
            var literal = GoStringLiteral.QuoteRune(rune);
            if (!literal.Contains('\\'))
            {
                return new GoScalar(literal, "int32");
            }
        }

        var digits = hex
            ? "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0')
            : value.ToString(CultureInfo.InvariantCulture);
        return new GoScalar(digits, "int");
    }

    /// <summary>A float; NaN, infinities and negative zero become calls, as Go has no such constants.</summary>
    /// <param name="math">The name the file imports package math under (imported on first call).</param>
    public static GoScalar? Float(string basic, string text, Func<string> math)
    {
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "nan":
                return new GoScalar($"{math()}.NaN()", "float64", IsConstant: false);
            case "inf" or "+inf" or "infinity" or "+infinity":
                return new GoScalar($"{math()}.Inf(1)", "float64", IsConstant: false);
            case "-inf" or "-infinity":
                return new GoScalar($"{math()}.Inf(-1)", "float64", IsConstant: false);
        }

        if (!FloatSyntax().IsMatch(trimmed)
            || !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (double.IsInfinity(value) || (basic == "float32" && Math.Abs(value) > float.MaxValue))
        {
            return new GoScalar(value > 0 ? $"{math()}.Inf(1)" : $"{math()}.Inf(-1)", "float64", IsConstant: false);
        }

        if (value == 0 && double.IsNegative(value))
        {
            return new GoScalar($"{math()}.Copysign(0, -1)", "float64", IsConstant: false);
        }

        // Canonical text, so equal map keys print equally (a duplicate constant key does not compile).
        var canonical = value.ToString("R", CultureInfo.InvariantCulture);
        if (!canonical.Contains('.') && !canonical.Contains('E'))
        {
            canonical += ".0";
        }

        return new GoScalar(canonical, "float64");
    }

    /// <summary>A complex number in Go's <c>(re+imi)</c> spelling, written as <c>complex(re, im)</c>.</summary>
    public static GoScalar? Complex(string basic, string text, Func<string> math)
    {
        var body = text.Trim();
        if (body.StartsWith('(') && body.EndsWith(')'))
        {
            body = body[1..^1].Trim();
        }

        if (!body.EndsWith('i'))
        {
            return null;
        }

        var split = SplitComplex(body[..^1]);
        var part = basic == "complex64" ? "float32" : "float64";
        if (split < 0 || Float(part, body[..split], math) is not { } real
            || Float(part, body[split..^1], math) is not { } imaginary)
        {
            return null;
        }

        return new GoScalar($"complex({real.Text}, {imaginary.Text})", "complex128",
            real.IsConstant && imaginary.IsConstant);
    }

    /// <summary>The index where the imaginary part's sign starts (not an exponent's sign).</summary>
    private static int SplitComplex(string body)
    {
        for (var i = body.Length - 1; i > 0; i--)
        {
            if (body[i] is '+' or '-' && body[i - 1] is not ('e' or 'E'))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParseInteger(string text, out BigInteger value, out bool hex)
    {
        value = default;
        var negative = text.StartsWith('-');
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var body = hex ? digits[2..] : digits;
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (body.Length == 0 || !body.All(hex ? char.IsAsciiHexDigit : char.IsAsciiDigit)
            || !BigInteger.TryParse(hex ? "0" + body : body, style, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        hex &= !negative;
        return true;
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatSyntax();
}
