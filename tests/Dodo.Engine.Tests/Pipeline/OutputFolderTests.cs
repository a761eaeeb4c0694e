using Dodo.Engine.Benchmarks;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Pipeline;

namespace Dodo.Engine.Tests.Pipeline;

public class OutputFolderTests
{
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("tags")]
    [TestCase("other")]
    public void AFolderThatHoldsOrEnclosesGoSourceIsRefused(string output)
    {
        using var temp = Module();

        var error = Assert.Throws<DodoException>(
            () => OutputFolder.Check(temp.Combine("svc", output), temp.Combine("svc")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.InvalidOption));
            Assert.That(error.Message, Does.Contain("DodoOutputDirectory"));
        });
    }

    [TestCase("obj/dodo")]
    [TestCase("tags/obj/dodo")]
    public void ANewFolderOrOneDodoFencedOffIsAccepted(string output)
    {
        using var temp = Module();
        var folder = temp.Combine("svc", output);

        OutputFolder.Check(folder, temp.Combine("svc"));
        Directory.CreateDirectory(folder);
        GoModule.FenceOff(folder);

        Assert.That(() => OutputFolder.Check(folder, temp.Combine("svc")), Throws.Nothing);
    }

    // svc/ is a module with the package tags/; svc/other/ is a module of its own.
    private static TemporaryDirectory Module()
    {
        var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.Combine("svc", "tags"));
        Directory.CreateDirectory(temp.Combine("svc", "other"));
        File.WriteAllText(temp.Combine("svc", "go.mod"), "module example.com/svc\n\ngo 1.19\n");
        File.WriteAllText(temp.Combine("svc", "tags", "tags.go"), "package tags\n");
        File.WriteAllText(temp.Combine("svc", "other", "go.mod"), "module example.com/other\n");
        return temp;
    }
}
