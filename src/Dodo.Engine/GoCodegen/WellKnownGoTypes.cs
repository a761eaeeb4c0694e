namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Standard library types the generator knows without reading their source: defined types whose
/// underlying type the Go 1 promise fixes, types whose zero value is the faithful replay, and
/// aliases under which the agent reports a type.
/// </summary>
internal static class WellKnownGoTypes
{
    private static readonly GoNamedType Byte = new("", "byte");
    private static readonly GoType StringHeader = new GoMapType(new GoNamedType("", "string"),
        new GoSliceType(new GoNamedType("", "string")));

    private static readonly Dictionary<string, GoType> Underlying = new(StringComparer.Ordinal)
    {
        ["time.Duration"] = new GoNamedType("", "int64"),
        ["time.Month"] = new GoNamedType("", "int"),
        ["time.Weekday"] = new GoNamedType("", "int"),
        ["net.IP"] = new GoSliceType(Byte),
        ["net.IPMask"] = new GoSliceType(Byte),
        ["net.HardwareAddr"] = new GoSliceType(Byte),
        ["encoding/json.RawMessage"] = new GoSliceType(Byte),
        ["encoding/json.Number"] = new GoNamedType("", "string"),
        ["net/http.Header"] = StringHeader,
        ["net/url.Values"] = StringHeader,
        ["net/textproto.MIMEHeader"] = StringHeader,
        ["io/fs.FileMode"] = new GoNamedType("", "uint32"),
        ["os.FileMode"] = new GoNamedType("", "uint32"),
        ["reflect.Kind"] = new GoNamedType("", "uint"),
        ["log/slog.Level"] = new GoNamedType("", "int"),
        ["sort.StringSlice"] = new GoSliceType(new GoNamedType("", "string")),
        ["sort.IntSlice"] = new GoSliceType(new GoNamedType("", "int")),
        ["sort.Float64Slice"] = new GoSliceType(new GoNamedType("", "float64")),
    };

    /// <summary>A fresh lock or once is what a benchmark wants; a captured, held lock would deadlock it.</summary>
    private static readonly HashSet<string> ZeroIsFaithful = new(StringComparer.Ordinal)
    {
        "sync.Mutex", "sync.RWMutex", "sync.WaitGroup", "sync.Once",
    };

    /// <summary>Aliases the agent resolves: source says the left, DWARF says the right.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["os.FileMode"] = "io/fs.FileMode",
        ["os.FileInfo"] = "io/fs.FileInfo",
        ["os.DirEntry"] = "io/fs.DirEntry",
        ["os.PathError"] = "io/fs.PathError",
    };

    public static GoType? UnderlyingOf(GoNamedType type) =>
        type.TypeArguments.Count == 0 && Underlying.TryGetValue(Key(type), out var underlying) ? underlying : null;

    public static bool HasFaithfulZero(GoNamedType type) => ZeroIsFaithful.Contains(Key(type));

    public static bool IsContext(GoType type) => type is GoNamedType { PackagePath: "context", Name: "Context" };

    public static bool IsRegexp(GoType type) => type is GoNamedType { PackagePath: "regexp", Name: "Regexp" };

    public static bool IsTime(GoType type) => type is GoNamedType { PackagePath: "time", Name: "Time" };

    /// <summary>The dynamic type behind <c>errors.New</c>.</summary>
    public static bool IsErrorString(GoType type) =>
        type is GoPointerType { Element: GoNamedType { PackagePath: "errors", Name: "errorString" } };

    /// <summary>The canonical spelling with standard aliases resolved, for comparing source and agent types.</summary>
    public static string ResolveAliases(string canonical)
    {
        foreach (var (alias, target) in Aliases)
        {
            canonical = canonical.Replace(alias, target, StringComparison.Ordinal);
        }

        return canonical;
    }

    private static string Key(GoNamedType type) => $"{type.PackagePath}.{type.Name}";
}
