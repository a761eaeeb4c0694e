using System.Globalization;
using System.Text;
using Dodo.Engine.GoCodegen;

namespace Dodo.Engine.Tests.GoCodegen;

public class GoStringLiteralTests
{
    /// <summary>Hostile captured strings and the exact bytes Go must see at run time.</summary>
    private static readonly (string Captured, byte[] Bytes)[] Hostile =
    [
        ("\"; os.Exit(3) //", Encoding.UTF8.GetBytes("\"; os.Exit(3) //")),
        ("*/ panic(1) /*", Encoding.UTF8.GetBytes("*/ panic(1) /*")),
        ("line1\nline2\r\n\tend", Encoding.UTF8.GetBytes("line1\nline2\r\n\tend")),
        ("nul\0byte", [(byte)'n', (byte)'u', (byte)'l', 0, (byte)'b', (byte)'y', (byte)'t', (byte)'e']),
        ("`raw` \\ and '", Encoding.UTF8.GetBytes("`raw` \\ and '")),
        ("\u202Eevil\u202C \u2066x\u2069", Encoding.UTF8.GetBytes("\u202Eevil\u202C \u2066x\u2069")),
        ("\uFEFFbom \u2028 \u00A0", Encoding.UTF8.GetBytes("\uFEFFbom \u2028 \u00A0")),
        ("emoji \U0001F600 é 中", Encoding.UTF8.GetBytes("emoji \U0001F600 é 中")),
        ("\u007f\u0001\u001b[31m", [0x7F, 0x01, 0x1B, (byte)'[', (byte)'3', (byte)'1', (byte)'m']),
        ("bad \uDCFF\uDCC3(", [(byte)'b', (byte)'a', (byte)'d', (byte)' ', 0xFF, 0xC3, (byte)'(']),
        ("\uDCED\uDCA0\uDC80", [0xED, 0xA0, 0x80]),
        ("", []),
    ];

    [TestCase("plain", "\"plain\"")]
    [TestCase("\"; os.Exit(3) //", "\"\\\"; os.Exit(3) //\"")]
    [TestCase("a\nb\0c", "\"a\\nb\\x00c\"")]
    [TestCase("\u202E", "\"\\u202e\"")]
    [TestCase("\uFEFF", "\"\\ufeff\"")]
    [TestCase("é", "\"é\"")]
    public void QuotesToTheExpectedGoLiteral(string captured, string literal)
    {
        Assert.That(GoStringLiteral.Quote(captured), Is.EqualTo(literal));
    }

    [Test]
    public void WritesBytesThatAreNotUtf8AsHexEscapes()
    {
        // Built at run time: attribute arguments cannot hold lone surrogates.
        var captured = new string(['a', (char)0xDCFF, (char)0xDC80]);

        Assert.That(GoStringLiteral.Quote(captured), Is.EqualTo("\"a\\xff\\x80\""));
    }

    [Test]
    public void NoLiteralHoldsAControlFormatOrSeparatorCharacter()
    {
        var literals = string.Concat(Hostile.Select(h => GoStringLiteral.Quote(h.Captured)));

        var invisible = literals.EnumerateRunes().Where(r => r.Value != ' ' && Rune.GetUnicodeCategory(r) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
        Assert.That(invisible, Is.Empty);
    }

    [Test]
    public async Task HostileStringsCompileAndCarryTheirExactBytesAtRunTime()
    {
        using var go = new GoWorkspace();
        var literals = string.Join(",\n\t", Hostile.Select(h => GoStringLiteral.Quote(h.Captured)));
        go.Write("echo", "main.go", $$"""
            package main

            import "fmt"

            var values = []string{
            	{{literals}},
            }

            func main() {
            	for _, v := range values {
            		fmt.Printf("%x\n", v)
            	}
            }
            """);

        var run = await go.GoAsync("echo", "run", ".");

        var expected = Hostile.Select(h => Convert.ToHexStringLower(h.Bytes));
        Assert.That(run.StandardOutput.Split('\n', StringSplitOptions.None).Take(Hostile.Length), Is.EqualTo(expected),
            run.StandardError);
    }

    [Test]
    public void RuneLiteralsEscapeQuotesAndInvisibleRunes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoStringLiteral.QuoteRune(new Rune('\'')), Is.EqualTo("'\\''"));
            Assert.That(GoStringLiteral.QuoteRune(new Rune('x')), Is.EqualTo("'x'"));
            Assert.That(GoStringLiteral.QuoteRune(new Rune(0x202E)), Is.EqualTo("'\\u202e'"));
            Assert.That(GoStringLiteral.QuoteRune(new Rune(0x1F600)), Is.EqualTo("'\U0001F600'"));
        });
    }
}
