using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Tests.Benchmarks;

public class GoModuleTests
{
    [Test]
    public void FindWalksUpToGoModAndMapsImportPathsToFolders()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("go.mod"), "// comment\nmodule \"example.com/svc\" // trailing\n\ngo 1.19\n");
        Directory.CreateDirectory(temp.Combine("internal", "tags"));

        var module = GoModule.Find(temp.Combine("internal", "tags"));

        Assert.Multiple(() =>
        {
            Assert.That(module.ModulePath, Is.EqualTo("example.com/svc"));
            Assert.That(module.PackageDirectory("example.com/svc/internal/tags"),
                Is.EqualTo(temp.Combine("internal", "tags")));
            Assert.That(module.PackageDirectory("example.com/svc"), Is.EqualTo(temp.Path));
        });
    }

    [Test]
    public void APackageOutsideTheModuleIsACodedError()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("go.mod"), "module example.com/svc\n");

        var error = Assert.Throws<DodoException>(() => GoModule.Find(temp.Path).PackageDirectory("example.com/other"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.GoModuleNotFound));
            Assert.That(error.Message, Does.Contain("example.com/other"));
        });
    }

    [Test]
    public void AnImportPathCannotEscapeTheModuleFolder()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.Combine("m"));
        File.WriteAllText(temp.Combine("m", "go.mod"), "module m\n");

        var error = Assert.Throws<DodoException>(() => GoModule.Find(temp.Combine("m")).PackageDirectory("m/../.."));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.GoModuleNotFound));
    }
}
