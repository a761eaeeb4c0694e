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

    [Test]
    public async Task AFencedOffOutputFolderIsNotPartOfTheUsersModule()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("go.mod"), "module example.com/svc\n\ngo 1.19\n");
        File.WriteAllText(temp.Combine("svc.go"), "package svc\n");
        var output = temp.Combine("obj", "dodo");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "broken_test.go"), "package svc\n\nfunc broken() { undefined() }\n");
        var go = await Dodo.Engine.Toolchain.GoToolchain.LocateAsync(null, temp.Path);

        GoModule.FenceOff(output);
        var vet = await go.RunAsync(["vet", "./..."], temp.Path);

        Assert.That(vet.Succeeded, Is.True, vet.StandardError);
    }
}
