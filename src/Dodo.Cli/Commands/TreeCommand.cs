using System.CommandLine;
using System.Globalization;
using System.Text;
using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;
using Dodo.Engine.Reports;

namespace Dodo.Cli.Commands;

/// <summary><c>dodo tree</c>: the call tree of one or more profiles, rooted at the target and pruned.</summary>
public static class TreeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profiles = new Argument<string[]>("profile")
        {
            Description = "pprof files (gzipped or raw) or folded-stack text files; several are merged.",
            Arity = ArgumentArity.OneOrMore,
        };
        var target = CommonOptions.Target();
        var prune = CommonOptions.Prune();
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose();
        var command = new Command("tree", "Print the call tree rooted at the target, pruned, with each node's "
            + "inclusive and self share of the target's time.") { profiles, target, prune, json, verbose };

        command.SetAction((result, cancellationToken) =>
        {
            var console = new CliConsole(output, error, result.GetValue(verbose));
            return console.RunAsync(() =>
            {
                var profile = ProfileReader.ReadAll(result.GetValue(profiles)!, console.Log);
                var tree = CallTree.Build(profile, result.GetValue(target)!, console.Log);
                var pruned = tree.Prune(result.GetValue(prune));
                console.WriteResult(result.GetValue(json)
                    ? ReportJson.Serialize(TreeReport.From(tree, profile, pruned, result.GetValue(prune)))
                    : RenderText(tree, pruned, result.GetValue(prune)));
                return Task.FromResult(ExitCodes.Success);
            });
        });
        return command;
    }

    private static string RenderText(CallTree tree, PrunedNode root, double prunePercent)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{tree.Target}: {tree.TargetShare * 100:0.0} % of the profile, {tree.TargetCount:N0} samples "
            + $"in the target; subtrees under {prunePercent:0.##} % pruned.");
        text.AppendLine("  incl %   self %  function");
        Append(text, root, depth: 0);
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, PrunedNode node, int depth)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{node.Inclusive,8:0.00} {node.Self,8:0.00}  {new string(' ', depth * 2)}{node.Name}");
        foreach (var child in node.Children)
        {
            Append(text, child, depth + 1);
        }
    }
}

/// <summary>The JSON answer of <c>dodo tree --json</c>; shares are percentages from 0 to 100.</summary>
public sealed record TreeReport(string Target, double TargetShare, long TargetSamples, long ProfileSamples,
    long ExcludedSamples, double PrunePercent, string? Architecture, PrunedNode Root)
{
    public static TreeReport From(CallTree tree, StackProfile profile, PrunedNode root, double prunePercent) =>
        new(tree.Target, Math.Round(tree.TargetShare * 100, 3), tree.TargetCount, profile.TotalCount,
            tree.ExcludedCount, prunePercent, profile.Architecture, root);
}
