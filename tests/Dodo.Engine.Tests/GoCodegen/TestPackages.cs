using Dodo.Engine.GoCodegen;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Tests.GoCodegen;

/// <summary>Builds <see cref="GoPackageInfo"/>s by hand for tests that need no Go toolchain.</summary>
internal static class TestPackages
{
    public const string Path = "example.com/app";

    public static readonly Dictionary<string, string> Imports = new()
    {
        ["regexp"] = "regexp",
        ["time"] = "time",
        ["http"] = "net/http",
        ["context"] = "context",
        ["sync"] = "sync",
        ["yaml"] = "gopkg.in/yaml.v3",
        ["fs"] = "io/fs",
    };

    /// <summary>A package declaring the given types (name → Go source of the type; "= T" for an alias).</summary>
    public static GoPackageInfo Create(IReadOnlyDictionary<string, string>? types = null,
        GoFunction? target = null, IEnumerable<string>? declaredNames = null)
    {
        var declarations = new Dictionary<string, GoTypeDeclaration>();
        foreach (var (name, source) in types ?? new Dictionary<string, string>())
        {
            var alias = source.StartsWith("= ", StringComparison.Ordinal);
            declarations[name] = new GoTypeDeclaration(name, [], Type(alias ? source[2..] : source), alias, true);
        }

        return new GoPackageInfo
        {
            Directory = "/nowhere",
            PackageName = "app",
            ImportPath = Path,
            PackagePath = Path,
            Target = target ?? Function("app.F"),
            Types = declarations,
            Imports = Imports,
            DeclaredNames = new HashSet<string>(declarations.Keys.Concat(declaredNames ?? [])),
            Functions = ["F"],
        };
    }

    public static GoFunction Function(string symbol, GoReceiver? receiver = null, params GoParameter[] parameters) =>
        new(GoSymbol.Parse(symbol), GoSymbol.Parse(symbol).Name, receiver, [], parameters, false, []);

    public static GoType Type(string source, params string[] typeParameters) =>
        GoTypeParser.ParseSource(source, Path, Imports, new HashSet<string>(typeParameters));

    public static CapturedValue Scalar(string type, string value) => new() { Type = type, Value = value };

    public static CapturedValue Struct(string type, params (string Name, CapturedValue Value)[] fields) =>
        new() { Type = type, Fields = [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))] };

    public static CapturedValue List(string type, params CapturedValue[] elements) =>
        new() { Type = type, Size = elements.Length, Elements = elements };
}
