namespace Dodo.Engine.Diagnostics;

// Profiles (reading pprof and folded stacks), frame normalization, call trees and scoring.
// 10xx reading errors, 11xx reading warnings, 12xx folded text, 13xx call trees and targets,
// 14xx normalization tables, 15xx similarity scoring.
public static partial class DiagnosticCodes
{
    /// <summary>The profile file (or the gzip stream inside it) holds no bytes at all.</summary>
    public const string ProfileEmpty = "DODO1001";

    /// <summary>
    /// The input is neither a pprof protobuf nor folded stacks: a legacy pre-Go-1.8 profile, a
    /// text report, or something else entirely.
    /// </summary>
    public const string ProfileNotPprof = "DODO1002";

    /// <summary>The gzip envelope is corrupt, truncated or followed by garbage.</summary>
    public const string ProfileGzipCorrupt = "DODO1003";

    /// <summary>
    /// The file, or its decompressed content, exceeds the size cap or an implausible
    /// compression ratio (a gzip bomb); reading stops before the memory is spent.
    /// </summary>
    public const string ProfileTooLarge = "DODO1004";

    /// <summary>The protobuf encoding is invalid; the message names the byte offset.</summary>
    public const string ProfileMalformedProtobuf = "DODO1005";

    /// <summary>Two profiles were concatenated into one file (or one per gzip member).</summary>
    public const string ProfileConcatenated = "DODO1006";

    /// <summary>
    /// A string index is negative or past the string table, the table is missing, or its first
    /// entry is not the empty string.
    /// </summary>
    public const string ProfileBadStringIndex = "DODO1007";

    /// <summary>A mapping, location or function has id 0 or shares its id with another.</summary>
    public const string ProfileBadId = "DODO1008";

    /// <summary>A sample names an unknown location, or a line names an unknown function.</summary>
    public const string ProfileUnknownReference = "DODO1009";

    /// <summary>A sample's number of values differs from the number of sample types.</summary>
    public const string ProfileValueCountMismatch = "DODO1010";

    /// <summary>A sample carries a negative value (a diff profile is not a valid input).</summary>
    public const string ProfileNegativeValue = "DODO1011";

    /// <summary>
    /// The profile measures something other than CPU time (contentions, wall time,
    /// allocations) and no value column was named explicitly.
    /// </summary>
    public const string ProfileNotCpu = "DODO1012";

    /// <summary>The value column the caller named does not exist in the profile.</summary>
    public const string ProfileValueColumnNotFound = "DODO1013";

    /// <summary>
    /// A structural cap is exceeded: samples, locations, functions, strings, string length or
    /// stack depth.
    /// </summary>
    public const string ProfileLimitExceeded = "DODO1014";

    /// <summary>Summing sample values overflowed a 64-bit integer.</summary>
    public const string ProfileValueOverflow = "DODO1015";

    /// <summary>Profiles measuring different quantities cannot be merged.</summary>
    public const string ProfilesNotMergeable = "DODO1016";

    /// <summary>The profile file could not be read from disk.</summary>
    public const string ProfileUnreadable = "DODO1017";

    /// <summary>A frame name contains a control character and cannot be written as folded text.</summary>
    public const string FrameNameNotWritable = "DODO1018";

    /// <summary>Warning: a location refers to a mapping the profile does not contain.</summary>
    public const string ProfileMappingMissing = "DODO1101";

    /// <summary>
    /// Warning: some locations carry no symbol, so their frames are shown as addresses and can
    /// never match a function name.
    /// </summary>
    public const string ProfileUnsymbolized = "DODO1102";

    /// <summary>
    /// Warning: some stacks reach 64 frames, the Go profiler's limit, so their outermost
    /// callers were cut; a target above the cut misses those samples.
    /// </summary>
    public const string ProfileTruncatedStacks = "DODO1103";

    /// <summary>Warning: the profile has no CPU column; another column was used, as named.</summary>
    public const string ProfileValueColumnFallback = "DODO1104";

    /// <summary>Warning: the profile asks for drop_frames/keep_frames, which are not applied.</summary>
    public const string ProfileDropFramesIgnored = "DODO1105";

    /// <summary>Warning: some lines of a folded-stack file were malformed and skipped.</summary>
    public const string FoldedMalformedLines = "DODO1201";

    /// <summary>A folded-stack file has no usable stack line at all.</summary>
    public const string FoldedNoStacks = "DODO1202";

    /// <summary>The target symbol is empty or cannot be a Go function name.</summary>
    public const string TargetInvalid = "DODO1301";

    /// <summary>The target function occurs in no sample; the message names close matches.</summary>
    public const string TargetNotFound = "DODO1302";

    /// <summary>The target matches only by suffix, in several packages; the message lists them.</summary>
    public const string TargetAmbiguous = "DODO1303";

    /// <summary>
    /// Warning: samples under the target hold unsymbolized frames (bare addresses), which cannot
    /// match across builds; they were left out and their time is reported.
    /// </summary>
    public const string TargetUnsymbolizedDropped = "DODO1304";

    /// <summary>A call path below the target is deeper than the call tree accepts.</summary>
    public const string CallPathTooDeep = "DODO1305";

    /// <summary>A prune threshold is not a percentage between 0 and 100.</summary>
    public const string PrunePercentInvalid = "DODO1306";

    /// <summary>A frame alias table has a malformed row or an invalid regular expression.</summary>
    public const string AliasTableInvalid = "DODO1401";

    /// <summary>
    /// One side of a comparison spends no time in the target, so no similarity can be computed.
    /// </summary>
    public const string ScoreEmptySide = "DODO1501";
}
