using Dodo.Engine.Diagnostics;
using Dodo.Engine.Toolchain;

namespace Dodo.Engine.Tests.Toolchain;

public class GoToolchainTests
{
    [Test]
    public async Task LocateReportsVersionAndArchitectureOfTheInstalledGo()
    {
        using var temp = new TemporaryDirectory();

        var go = await GoToolchain.LocateAsync(null, temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(go.Version, Does.StartWith("go1."));
            Assert.That(go.GoArch, Is.Not.Empty);
            Assert.That(File.Exists(go.GofmtPath), Is.True, go.GofmtPath);
        });
    }

    [Test]
    public async Task LocateWithAMissingPathFailsWithTheGoNotFoundCode()
    {
        using var temp = new TemporaryDirectory();

        var error = await Assert.ThrowsAsync<DodoException>(
            () => GoToolchain.LocateAsync(temp.Combine("no-such-go"), temp.Path));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.GoNotFound));
    }

    [Test]
    public async Task FormatAsyncGofmtsSource()
    {
        using var temp = new TemporaryDirectory();
        var go = await GoToolchain.LocateAsync(null, temp.Path);

        var formatted = await go.FormatAsync("package p\nfunc  F( )  int {return 1}\n", "p.go");

        Assert.That(formatted, Is.EqualTo("package p\n\nfunc F() int { return 1 }\n"));
    }
}
