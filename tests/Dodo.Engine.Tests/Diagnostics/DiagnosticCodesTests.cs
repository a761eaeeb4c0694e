using System.Reflection;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Tests.Diagnostics;

public class DiagnosticCodesTests
{
    private static readonly IReadOnlyList<(string Name, string Code)> Codes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToList();

    [Test]
    public void EveryCodeIsUnique()
    {
        Assert.That(Codes.Select(c => c.Code), Is.Unique);
    }

    [Test]
    public void EveryCodeIsDodoFollowedByFourDigits()
    {
        Assert.That(Codes.Select(c => c.Code), Has.All.Match(@"^DODO\d{4}$"));
    }

    [Test]
    public void TheReadmeListsEveryCode()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

        var missing = Codes.Where(c => !readme.Contains($"| {c.Code} |", StringComparison.Ordinal)).ToList();

        Assert.That(missing, Is.Empty, "add these to the README's Diagnostics table");
    }
}
