using System.Text.Json;
using System.Text.Json.Serialization;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// The JSON the embedded Go inspector prints, and its translation into a <see cref="GoPackageInfo"/>
/// with every type expression parsed against the imports of the file that declares it.
/// </summary>
internal sealed class InspectorReport
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public string PackageName { get; set; } = "";

    public string ImportPath { get; set; } = "";

    public List<FileReport> Files { get; set; } = [];

    public TargetReport? Target { get; set; }

    public List<TypeReport> Types { get; set; } = [];

    public List<string> Functions { get; set; } = [];

    public List<string> DeclaredNames { get; set; } = [];

    public ErrorReport? Error { get; set; }

    public static InspectorReport Parse(string json) =>
        JsonSerializer.Deserialize<InspectorReport>(json, Options) ?? throw new JsonException("empty output");

    public GoPackageInfo ToPackageInfo(string directory, GoSymbol symbol, DiagnosticLog log)
    {
        var target = Target ?? throw new InvalidOperationException("The inspector reported no target.");
        var ownPath = ImportPath.Length > 0 ? ImportPath : symbol.PackagePath;
        var types = new Dictionary<string, GoTypeDeclaration>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            try
            {
                types[type.Name] = type.ToDeclaration(ownPath, ImportsOf(type.File));
            }
            catch (FormatException e) when (!type.Reachable)
            {
                // Only needed if a snapshot's interface holds this type; the writer then zeroes it.
                log.Detail($"Type {type.Name} is not usable for dynamic values: {e.Message}");
            }
        }

        var imports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (qualifier, path) in Files.SelectMany(f => f.Imports))
        {
            imports.TryAdd(qualifier, path);
        }

        return new GoPackageInfo
        {
            Directory = directory,
            PackageName = PackageName,
            ImportPath = ImportPath.Length > 0 ? ImportPath : null,
            PackagePath = ownPath,
            Target = target.ToFunction(symbol, ownPath, ImportsOf(target.File)),
            Types = types,
            Imports = imports,
            DeclaredNames = new HashSet<string>(DeclaredNames, StringComparer.Ordinal),
            Functions = Functions,
        };
    }

    private IReadOnlyDictionary<string, string> ImportsOf(int file) =>
        file >= 0 && file < Files.Count ? Files[file].Imports : new Dictionary<string, string>();

    internal sealed class FileReport
    {
        public string Name { get; set; } = "";

        public Dictionary<string, string> Imports { get; set; } = [];
    }

    internal sealed class TargetReport
    {
        public string Name { get; set; } = "";

        public int File { get; set; }

        public ReceiverReport? Receiver { get; set; }

        public List<TypeParameterReport> TypeParams { get; set; } = [];

        public List<ParameterReport> Params { get; set; } = [];

        public bool Variadic { get; set; }

        public List<string> Results { get; set; } = [];

        public GoFunction ToFunction(GoSymbol symbol, string ownPath, IReadOnlyDictionary<string, string> imports)
        {
            var scope = new HashSet<string>(TypeParams.Select(p => p.Name).Concat(Receiver?.TypeParams ?? []),
                StringComparer.Ordinal);
            GoType Parse(string text) => GoTypeParser.ParseSource(text, ownPath, imports, scope);

            var receiver = Receiver is { } r
                ? new GoReceiver(r.Name, Parse(r.Type), r.TypeName, r.Pointer, r.TypeParams)
                : null;
            return new GoFunction(symbol, Name, receiver, [.. TypeParams.Select(p => p.Name)],
                [.. Params.Select(p => new GoParameter(p.Name, Parse(p.Type)))], Variadic, [.. Results.Select(Parse)]);
        }
    }

    internal sealed class ReceiverReport
    {
        public string Name { get; set; } = "";

        public string Type { get; set; } = "";

        public string TypeName { get; set; } = "";

        public bool Pointer { get; set; }

        public List<string> TypeParams { get; set; } = [];
    }

    internal sealed class TypeParameterReport
    {
        public string Name { get; set; } = "";

        public string Constraint { get; set; } = "";
    }

    internal sealed class ParameterReport
    {
        public string Name { get; set; } = "";

        public string Type { get; set; } = "";
    }

    internal sealed class TypeReport
    {
        public string Name { get; set; } = "";

        public int File { get; set; }

        public List<TypeParameterReport> TypeParams { get; set; } = [];

        public bool Alias { get; set; }

        public bool Struct { get; set; }

        public List<FieldReport> Fields { get; set; } = [];

        public string Underlying { get; set; } = "";

        public bool Reachable { get; set; }

        public GoTypeDeclaration ToDeclaration(string ownPath, IReadOnlyDictionary<string, string> imports)
        {
            var parameters = TypeParams.Select(p => p.Name).ToList();
            var scope = new HashSet<string>(parameters, StringComparer.Ordinal);
            GoType Parse(string text) => GoTypeParser.ParseSource(text, ownPath, imports, scope);

            var type = Struct
                ? new GoStructType([.. Fields.Select(f =>
                    new GoStructField(f.Name, Parse(f.Type), f.Embedded, NullIfEmpty(f.Tag)))])
                : Parse(Underlying);
            return new GoTypeDeclaration(Name, parameters, type, Alias, Reachable);
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }

    internal sealed class FieldReport
    {
        public string Name { get; set; } = "";

        public string Type { get; set; } = "";

        public string? Tag { get; set; }

        public bool Embedded { get; set; }
    }

    internal sealed class ErrorReport
    {
        /// <summary><c>package</c> or <c>target</c>.</summary>
        public string Kind { get; set; } = "";

        public string Message { get; set; } = "";
    }

    [JsonIgnore]
    public bool TargetMissing => Error is { Kind: "target" };
}
