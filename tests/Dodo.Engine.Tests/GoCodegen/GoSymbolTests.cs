using Dodo.Engine.GoCodegen;

namespace Dodo.Engine.Tests.GoCodegen;

public class GoSymbolTests
{
    [TestCase("intake/tags.(*Filter).Apply", "intake/tags", "Filter", true, "Apply")]
    [TestCase("example.com/x.Parse", "example.com/x", null, false, "Parse")]
    [TestCase("main.testPointerToSimpleStruct", "main", null, false, "testPointerToSimpleStruct")]
    [TestCase("main.T.String", "main", "T", false, "String")]
    [TestCase("github.com/a/b.v2/c.(*Cache[...]).Get", "github.com/a/b.v2/c", "Cache", true, "Get")]
    [TestCase("gopkg.in/yaml%2ev3.(*decoder).unmarshal", "gopkg.in/yaml.v3", "decoder", true, "unmarshal")]
    [TestCase("example.com/x.Map[go.shape.string,net/http.Header]", "example.com/x", null, false, "Map")]
    [TestCase("example.com/x.(*Tree[go.shape.*uint8]).Walk", "example.com/x", "Tree", true, "Walk")]
    [TestCase("runtime.goexit.abi0", "runtime", null, false, "goexit")]
    [TestCase("example.com/x.(*Server).Serve-fm", "example.com/x", "Server", true, "Serve")]
    public void ParsesThePackagePathReceiverAndName(string text, string path, string? receiver, bool pointer,
        string name)
    {
        var symbol = GoSymbol.Parse(text);

        Assert.That((symbol.PackagePath, symbol.ReceiverType, symbol.PointerReceiver, symbol.Name),
            Is.EqualTo((path, receiver, pointer, name)));
    }

    [Test]
    public void KeepsTheTypeArgumentsAsWritten()
    {
        var symbol = GoSymbol.Parse("pkg.(*Cache[K,V]).Get");

        Assert.Multiple(() =>
        {
            Assert.That(symbol.TypeArguments, Is.EqualTo("[K,V]"));
            Assert.That(symbol.Spelling, Is.EqualTo("pkg.(*Cache).Get"));
        });
    }

    [TestCase("")]
    [TestCase("NoPackage")]
    [TestCase("main.F.func1")]
    [TestCase("main.(*T)")]
    [TestCase("main.(*T).")]
    [TestCase("a/b/c")]
    public void RejectsTextThatNamesNoCallableFunction(string text)
    {
        var parsed = GoSymbol.TryParse(text, out _, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(problem, Is.Not.Empty);
        });
    }
}
