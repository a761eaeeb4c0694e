using System.Globalization;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

// Standard library types rebuilt from what they hold, and redacted values.
public sealed partial class GoLiteralWriter
{
    private const int MaxPlaceholderBytes = 1 << 20;
    private const int InlinePlaceholderBytes = 64;

    // Seconds from year 1 to 1970 and to 1885: the epochs of time.Time's two encodings.
    private const long UnixToInternal = 62135596800;
    private const long WallToInternal = 59453308800;

    /// <summary>A character class with no member: a regexp that compiles and never matches.</summary>
    private const string NeverMatches = @"[^\x00-\x{10FFFF}]";

    private GoLiteral? WellKnown(GoNamedType named, CapturedValue value, ValueSite site)
    {
        if (WellKnownGoTypes.HasFaithfulZero(named))
        {
            return GoLiteral.Zero(RenderType(named) + "{}", isComposite: true);
        }

        if (WellKnownGoTypes.IsRegexp(named))
        {
            return new GoLiteral("*" + Regexp(value, site));
        }

        return WellKnownGoTypes.IsTime(named) ? Time(value, site) : null;
    }

    /// <summary>A <c>*regexp.Regexp</c> compiled again from the pattern production compiled.</summary>
    private string Regexp(CapturedValue value, ValueSite site)
    {
        var compile = Qualify("regexp", "MustCompile");
        var expr = value.Field("expr");
        if (expr?.Value is not { } pattern || expr.IsIncomplete || expr.IsRedacted)
        {
            // A clipped pattern may not compile, and a panic at init would lose every case.
            var detail = expr is null ? value.NotCapturedReason ?? "pattern not captured" : "pattern incomplete";
            site.Field("expr").Loss(expr?.Truncated == true ? LossKind.Truncated : LossKind.NotCaptured, detail);
            return $"{compile}({GoStringLiteral.Quote(NeverMatches)})";
        }

        var call = $"{compile}({GoStringLiteral.Quote(pattern)})";
        if (value.Field("longest")?.Value != "true")
        {
            return call;
        }

        var type = Qualify("regexp", "Regexp");
        return $"func() *{type} {{ r := {call}; r.Longest(); return r }}()";
    }

    /// <summary>A <c>time.Time</c> rebuilt from its wall and ext words (see time.Time's encoding).</summary>
    private GoLiteral Time(CapturedValue value, ValueSite site)
    {
        var wallText = value.Field("wall")?.Value;
        var extText = value.Field("ext")?.Value;
        if (!ulong.TryParse(wallText, NumberStyles.None, CultureInfo.InvariantCulture, out var wall)
            || !long.TryParse(extText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ext))
        {
            site.Loss(LossKind.NotCaptured, value.NotCapturedReason ?? "time.Time's wall and ext not captured");
            return GoLiteral.Zero(Qualify("time", "Time") + "{}", isComposite: true);
        }

        const ulong hasMonotonic = 1UL << 63;
        const ulong nanosecondMask = (1UL << 30) - 1;
        var seconds = (wall & hasMonotonic) != 0 ? WallToInternal + (long)((wall << 1) >> 31) : ext;
        var nanoseconds = (long)(wall & nanosecondMask);
        var location = value.Field("loc");
        var utc = location is null || location.IsNull ? ".UTC()" : "";
        var unix = (seconds - UnixToInternal).ToString(CultureInfo.InvariantCulture);
        return new GoLiteral($"{Qualify("time", "Unix")}({unix}, {nanoseconds}){utc}");
    }

    private GoLiteral Redacted(GoType declared, CapturedValue value, ValueSite site)
    {
        site.Loss(LossKind.Redacted, value.NotCapturedReason!);
        if (_scope.BasicName(declared) != "string" || value.Size is not > 0)
        {
            return Zero(declared, site.Typed);
        }

        // A placeholder of the same length keeps length-dependent work (hashing, copying) realistic.
        var length = Math.Min(value.Size.Value, MaxPlaceholderBytes);
        var text = length <= InlinePlaceholderBytes
            ? GoStringLiteral.Quote(new string('x', (int)length))
            : $"{Qualify("strings", "Repeat")}(\"x\", {length.ToString(CultureInfo.InvariantCulture)})";
        return Scalar(declared, new GoScalar(text, "string", IsConstant: length <= InlinePlaceholderBytes), site.Typed);
    }
}
