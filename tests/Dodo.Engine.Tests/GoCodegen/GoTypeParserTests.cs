using Dodo.Engine.GoCodegen;

namespace Dodo.Engine.Tests.GoCodegen;

public class GoTypeParserTests
{
    private static readonly Dictionary<string, string> Imports = new()
    {
        ["regexp"] = "regexp",
        ["rx"] = "regexp/syntax",
        ["yaml"] = "gopkg.in/yaml.v3",
        ["http"] = "net/http",
    };

    [TestCase("*intake/tags.Filter", "*Filter")]
    [TestCase("map[string]struct {}", "map[string]struct{}")]
    [TestCase("[]*regexp.Regexp", "[]*regexp.Regexp")]
    [TestCase("*****int", "*****int")]
    [TestCase("[]uint8", "[]byte")]
    [TestCase("int32", "rune")]
    [TestCase("interface {}", "any")]
    [TestCase("*gopkg.in/yaml%2ev3.Node", "*yaml.Node")]
    [TestCase("intake/tags.Cache[string,*net/http.Request]", "Cache[string, *http.Request]")]
    [TestCase("struct { a int; b []regexp/syntax.Op }", "struct{a int; b []rx.Op}")]
    [TestCase("[4]uint8", "[4]byte")]
    [TestCase("map[intake/tags.key][]*intake/tags.Filter", "map[key][]*Filter")]
    public void AgentTypeNamesEqualTheSameTypeSpelledInSource(string dwarf, string source)
    {
        var fromAgent = GoTypeParser.ParseDwarf(dwarf);
        var fromSource = GoTypeParser.ParseSource(source, "intake/tags", Imports);

        Assert.That(fromAgent.Canonical, Is.EqualTo(fromSource.Canonical));
    }

    [Test]
    public void MapsTheOwnPackageSpellingsOntoOnePath()
    {
        var type = GoTypeParser.ParseDwarf("*main.structWithTwoValues", p => p == "main" ? "example.com/app" : p);

        Assert.That(type, Is.InstanceOf<GoPointerType>());
        var named = (GoNamedType)((GoPointerType)type).Element;
        Assert.Multiple(() =>
        {
            Assert.That(named.PackagePath, Is.EqualTo("example.com/app"));
            Assert.That(named.Name, Is.EqualTo("structWithTwoValues"));
        });
    }

    [Test]
    public void ReadsStructFieldsEmbeddedFieldsAndTags()
    {
        var type = GoTypeParser.ParseSource("struct{a, b int; Base; *rx.Regexp; List[int] `json:\"l\"`; c [4]int}",
            "p", Imports, null);

        var fields = ((GoStructType)type).Fields;
        Assert.That(fields.Select(f => (f.Name, f.Embedded, f.Tag)), Is.EqualTo(new (string, bool, string?)[]
        {
            ("a", false, null), ("b", false, null), ("Base", true, null), ("Regexp", true, null),
            ("List", true, "`json:\"l\"`"), ("c", false, null),
        }));
    }

    [Test]
    public void ReadsTypeParametersInScopeAsParameters()
    {
        var type = GoTypeParser.ParseSource("map[K][]V", "p", Imports, new HashSet<string> { "K", "V" });

        var substituted = type.Substitute(new Dictionary<string, GoType>
        {
            ["K"] = new GoNamedType("", "string"),
            ["V"] = new GoPointerType(new GoNamedType("p", "T")),
        });

        Assert.That(substituted.Canonical, Is.EqualTo("map[string][]*p.T"));
    }

    [TestCase("func(x int, ys ...string) (int, error)")]
    [TestCase("chan<- *http.Request")]
    [TestCase("<-chan struct{}")]
    [TestCase("func() func() int")]
    [TestCase("interface{String() string}")]
    public void KeepsFunctionChannelAndInterfaceTypesWhole(string source)
    {
        var type = GoTypeParser.ParseSource(source, "p", Imports);

        Assert.That(type, Is.InstanceOf<GoOpaqueType>().Or.InstanceOf<GoInterfaceType>());
    }

    [Test]
    public void AnArrayLengthNamedByAConstantKeepsItsSpelling()
    {
        var imports = new Dictionary<string, string> { ["sha"] = "crypto/sha256" };

        var type = (GoArrayType)GoTypeParser.ParseSource("[sha.Size]byte", "p", imports);

        Assert.Multiple(() =>
        {
            Assert.That(type.Count, Is.Null);
            Assert.That(type.Length.Single().Path, Is.EqualTo("crypto/sha256"));
        });
    }

    [TestCase("map[string")]
    [TestCase("*")]
    [TestCase("struct { a int")]
    [TestCase("func(")]
    [TestCase("int int")]
    [TestCase("\"unterminated")]
    public void RejectsTextThatIsNotAType(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoTypeParser.TryParseDwarf(text), Is.Null);
            Assert.Throws<FormatException>(() => GoTypeParser.ParseSource(text, "p", Imports));
        });
    }

    [Test]
    public void RejectsAQualifierTheFileDoesNotImport()
    {
        Assert.Throws<FormatException>(() => GoTypeParser.ParseSource("*unknown.T", "p", Imports));
    }
}
