using Dodo.Engine.Diagnostics;
using Dodo.Engine.GoCodegen;

namespace Dodo.Engine.Tests.GoCodegen;

public class GoPackageInspectorTests
{
    private const string Source = """
        package cache

        import (
        	"regexp"
        	rx "regexp/syntax"
        	"strings"
        )

        type Cache[K comparable, V any] struct {
        	items map[K]entry[V]
        	Stats
        	*base
        	pattern *regexp.Regexp `json:"p"`
        	ops     []rx.Op
        }

        type entry[V any] struct{ value V }

        type Stats struct{ Hits, Misses int }

        type base struct{ name string }

        type unrelated struct{ x chan int }

        type Mode = int

        func (c *Cache[K, V]) Get(key K) (V, bool) {
        	e, ok := c.items[key]
        	return e.value, ok
        }

        func Join(sep string, _ int, parts ...string) string { return strings.Join(parts, sep) }

        func (Stats) Total() int { return 0 }
        """;

    [Test]
    public async Task DescribesAGenericMethodItsReachableTypesAndTheirImports()
    {
        using var go = new GoWorkspace();
        go.Write("cache", "cache.go", Source);

        var package = await go.InspectAsync("cache", "example.com/svc/cache.(*Cache[...]).Get");

        var target = package.Target;
        var cache = (GoStructType)package.Types["Cache"].Type;
        Assert.Multiple(() =>
        {
            Assert.That(package.PackageName, Is.EqualTo("cache"));
            Assert.That(package.ImportPath, Is.EqualTo("example.com/svc/cache"));
            Assert.That(target.Receiver!.Name, Is.EqualTo("c"));
            Assert.That(target.Receiver.IsPointer, Is.True);
            Assert.That(target.Receiver.TypeParameters, Is.EqualTo(new[] { "K", "V" }));
            Assert.That(target.Receiver.Type.Canonical, Is.EqualTo("*example.com/svc/cache.Cache[$K,$V]"));
            Assert.That(target.Parameters.Select(p => (p.Name, p.Type.Canonical)), Is.EqualTo(new[] { ("key", "$K") }));
            Assert.That(target.Results.Select(r => r.Canonical), Is.EqualTo(new[] { "$V", "bool" }));
            Assert.That(cache.Fields.Select(f => (f.Name, f.Embedded)), Is.EqualTo(new[]
            {
                ("items", false), ("Stats", true), ("base", true), ("pattern", false), ("ops", false),
            }));
            Assert.That(cache.Fields[3].Tag, Is.EqualTo("`json:\"p\"`"));
            Assert.That(cache.Fields[4].Type.Canonical, Is.EqualTo("[]regexp/syntax.Op"));
            Assert.That(package.Types.Values.Where(t => t.Reachable).Select(t => t.Name).Order(StringComparer.Ordinal),
                Is.EqualTo(new[] { "Cache", "Stats", "base", "entry" }));
            Assert.That(package.Types["Mode"].IsAlias, Is.True);
            Assert.That(package.Imports, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["regexp"] = "regexp", ["rx"] = "regexp/syntax",
            }));
            Assert.That(package.DeclaredNames, Does.Contain("Join").And.Contain("unrelated"));
        });
    }

    [Test]
    public async Task DescribesAVariadicFunctionWithAnUnnamedParameter()
    {
        using var go = new GoWorkspace();
        go.Write("cache", "cache.go", Source);

        var target = (await go.InspectAsync("cache", "example.com/svc/cache.Join")).Target;

        Assert.Multiple(() =>
        {
            Assert.That(target.Receiver, Is.Null);
            Assert.That(target.Variadic, Is.True);
            Assert.That(target.Parameters.Select(p => (p.Name, p.Type.Canonical)),
                Is.EqualTo(new[] { ("sep", "string"), ("_", "int"), ("parts", "[]string") }));
        });
    }

    [Test]
    public async Task AMissingTargetIsACodedErrorListingWhatThePackageDeclares()
    {
        using var go = new GoWorkspace();
        go.Write("cache", "cache.go", Source);

        var error = await Assert.ThrowsAsync<DodoException>(
            () => go.InspectAsync("cache", "example.com/svc/cache.(*Cache).Put"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.TargetNotInPackage));
            Assert.That(error.Message, Does.Contain("(*Cache).Get").And.Contain("Join").And.Contain("Stats.Total"));
        });
    }

    [Test]
    public async Task AnUnreadablePackageAndAnInvalidSymbolAreCodedErrors()
    {
        using var go = new GoWorkspace();
        go.Write("broken", "broken.go", "package broken\n\nfunc F( {\n");

        var syntax = await Assert.ThrowsAsync<DodoException>(
            () => go.InspectAsync("broken", "example.com/svc/broken.F"));
        var missing = await Assert.ThrowsAsync<DodoException>(
            () => go.InspectAsync("absent", "example.com/svc/absent.F"));
        var symbol = await Assert.ThrowsAsync<DodoException>(() => go.InspectAsync("broken", "not a symbol"));

        Assert.Multiple(() =>
        {
            Assert.That(syntax!.Code, Is.EqualTo(DiagnosticCodes.GoPackageUnreadable));
            Assert.That(syntax.Message, Does.Contain("broken.go"));
            Assert.That(missing!.Code, Is.EqualTo(DiagnosticCodes.GoPackageUnreadable));
            Assert.That(symbol!.Code, Is.EqualTo(DiagnosticCodes.TargetSymbolInvalid));
        });
    }

    [Test]
    public async Task TheInspectorIsBuiltOnceAndThenReusedFromTheCache()
    {
        using var go = new GoWorkspace();
        using var cache = new TemporaryDirectory();
        go.Write("cache", "cache.go", Source);
        var toolchain = await GoWorkspace.GoAsync();
        var first = new List<string>();
        var second = new List<string>();

        await GoPackageInspector.InspectAsync(toolchain, Path.Combine(go.Root, "cache"), "example.com/svc/cache.Join",
            cache.Path, new DiagnosticLog(onText: (text, _) => first.Add(text)));
        await GoPackageInspector.InspectAsync(toolchain, Path.Combine(go.Root, "cache"), "example.com/svc/cache.Join",
            cache.Path, new DiagnosticLog(onText: (text, _) => second.Add(text)));

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Some.StartsWith("Building the Go package inspector"));
            Assert.That(second, Has.None.StartsWith("Building"));
            Assert.That(second, Has.Some.StartsWith("Package inspector: cached build"));
            Assert.That(Directory.GetDirectories(Path.Combine(cache.Path, "inspector")), Has.Length.EqualTo(1),
                "no staging folder is left behind");
        });
    }
}
