namespace Dodo.Engine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>The target is not spelled like a Go function or method symbol.</summary>
    public const string TargetSymbolInvalid = "DODO3001";

    /// <summary>
    /// The target function or method is not declared in the package; the message lists those that are.
    /// </summary>
    public const string TargetNotInPackage = "DODO3002";

    /// <summary>The package directory cannot be read as a Go package (missing, no Go files, syntax errors).</summary>
    public const string GoPackageUnreadable = "DODO3003";

    /// <summary>The embedded package inspector could not be built or run with the user's Go.</summary>
    public const string InspectorFailed = "DODO3004";

    /// <summary>A snapshot probed another function than the target; it is dropped.</summary>
    public const string SnapshotMethodMismatch = "DODO3005";

    /// <summary>A snapshot lacks an argument the call needs; it is dropped.</summary>
    public const string SnapshotArgumentMissing = "DODO3006";

    /// <summary>No snapshot could be turned into a benchmark case.</summary>
    public const string NoUsableCases = "DODO3007";

    /// <summary>A captured type disagrees with the declared type; the declared type is used.</summary>
    public const string CapturedTypeMismatch = "DODO3008";

    /// <summary>
    /// A value of another package's type cannot be rebuilt (unexported fields, unknown layout); the
    /// benchmark uses its zero value.
    /// </summary>
    public const string ForeignTypeZeroValue = "DODO3009";

    /// <summary>Some cases replay incomplete captures (not captured, truncated, redacted).</summary>
    public const string IncompleteCaptures = "DODO3010";

    /// <summary>The case weights do not match the snapshots or are negative or too large.</summary>
    public const string WeightsInvalid = "DODO3011";

    /// <summary>
    /// A generic target's type arguments cannot be told from the snapshots, or a snapshot was
    /// taken with other type arguments than the first one; such snapshots are dropped.
    /// </summary>
    public const string GenericInstantiationUnknown = "DODO3012";
}
