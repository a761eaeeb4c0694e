using System.Globalization;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Fitting;

/// <summary>
/// Splits a calibration run's profile by benchmark case. The calibration build calls case k
/// through a function of its own (<c>…CallK</c>, never inlined), so the frame above the target
/// names the case every sample belongs to, at no cost inside the target.
/// </summary>
internal static class CaseAttribution
{
    /// <summary>
    /// One call tree per case (null for a case that got no sample in the target), and the tree of
    /// all cases together.
    /// </summary>
    /// <param name="callPrefix">The calibration functions' name without the case number, for example
    /// <c>dodoFilterApplyCall</c>.</param>
    public static (IReadOnlyList<CallTree?> Cases, CallTree All) Split(StackProfile profile, string target,
        string callPrefix, int caseCount)
    {
        var samples = new List<StackSample>?[caseCount];
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in profile.Samples)
        {
            var k = CaseOf(sample, callPrefix, caseCount, cases);
            if (k >= 0)
            {
                (samples[k] ??= []).Add(sample);
            }
        }

        var trees = new CallTree?[caseCount];
        for (var k = 0; k < caseCount; k++)
        {
            if (samples[k] is { } own)
            {
                trees[k] = TreeOrNull(new StackProfile(own, profile.ValueType, profile.ValueUnit, profile.Period,
                    profile.Architecture, profile.Sources), target);
            }
        }

        return (trees, CallTree.Build(profile, target));
    }

    private static int CaseOf(StackSample sample, string callPrefix, int caseCount, Dictionary<string, int> cases)
    {
        foreach (var frame in sample.Frames)
        {
            if (cases.TryGetValue(frame.Name, out var known))
            {
                return known;
            }

            // The frame is "<package path>.<prefix><k>"; the prefix is unique to generated code.
            var at = frame.Name.LastIndexOf("." + callPrefix, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var digits = frame.Name.AsSpan(at + 1 + callPrefix.Length);
            if (digits.Length is > 0 and < 10 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture,
                    out var k) && k < caseCount)
            {
                cases[frame.Name] = k;
                return k;
            }
        }

        return -1;
    }

    private static CallTree? TreeOrNull(StackProfile profile, string target)
    {
        try
        {
            var tree = CallTree.Build(profile, target);
            return tree.TargetCount > 0 ? tree : null;
        }
        catch (DodoException)
        {
            // The case's samples all fell outside the target (in its calibration function).
            return null;
        }
    }
}
