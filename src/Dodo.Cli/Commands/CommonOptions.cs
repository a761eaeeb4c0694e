using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dodo.Cli.Commands;

/// <summary>Options several commands share, with their validation.</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON." };

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Also print detail lines (exact commands, cache use) to standard error.",
    };

    public static Option<string> Target() => new("--target")
    {
        Description = "The Go function or method, as pprof names it, e.g. example.com/svc/tags.(*Filter).Apply.",
        Required = true,
    };

    public static Option<double> Prune() => Percent("--prune", 1,
        "Prune subtrees under this share of the target's time, in percent (their time stays as [other]).");

    public static Option<double> Threshold() => Percent("--threshold", 98,
        "The similarity, in percent, at or above which the gate passes.");

    public static Option<string[]> Files(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<double> Percent(string name, double defaultValue, string description)
    {
        var option = new Option<double>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        Check(option, value => double.IsNaN(value) || value < 0 || value > 100
            ? string.Create(CultureInfo.InvariantCulture, $"{name} must be a percentage from 0 to 100, not {value}.")
            : null);
        return option;
    }

    /// <summary>
    /// Adds a check of the option's value, which returns what is wrong with it or null. A value that
    /// does not parse at all ("abc" for a number) never reaches the check: the parser reports it.
    /// </summary>
    public static void Check<T>(Option<T> option, Func<T, string?> problem)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>()!;
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (problem(value) is { } message)
            {
                result.AddError(message);
            }
        });
    }
}
