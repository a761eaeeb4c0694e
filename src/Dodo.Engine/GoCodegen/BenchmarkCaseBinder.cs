using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

/// <summary>One field of the generated case struct: the receiver or one parameter.</summary>
internal sealed record CaseField(string Name, GoType Type, bool IsReceiver);

/// <summary>
/// A snapshot (at <paramref name="Position"/> in its set) bound to the case fields: one captured value
/// (or null for "use zero") per field.
/// </summary>
internal sealed record BoundCase(Snapshot Snapshot, int Position, int Weight, IReadOnlyList<CapturedValue?> Values);

/// <summary>The cases a snapshot set yields for the target, and how many snapshots it had to drop.</summary>
internal sealed record CaseBinding(IReadOnlyList<CaseField> Fields, IReadOnlyList<BoundCase> Cases, int Dropped,
    IReadOnlyDictionary<string, GoType> TypeArguments);

/// <summary>
/// Matches snapshots to the target: keeps those that probed the target function, finds each
/// parameter's captured argument (by name, or by position for unnamed parameters), and fixes the
/// type arguments of a generic target from the first usable snapshot.
/// </summary>
internal sealed class BenchmarkCaseBinder(GoPackageInfo package, DiagnosticLog log,
    Func<GoType, string?> whyNotRenderable)
{
    private readonly Dictionary<string, int> _otherMethods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _missingArguments = new(StringComparer.Ordinal);
    private int _otherInstantiations;
    private Dictionary<string, GoType>? _typeArguments;

    public CaseBinding Bind(SnapshotSet snapshots, IReadOnlyList<int> weights)
    {
        var declared = DeclaredFields();
        var parameters = new HashSet<string>(package.Target.TypeParameters
            .Concat(package.Target.Receiver?.TypeParameters ?? []), StringComparer.Ordinal);
        _typeArguments = parameters.Count == 0 ? [] : null;
        var cases = new List<BoundCase>();
        var dropped = 0;
        for (var i = 0; i < snapshots.Snapshots.Count; i++)
        {
            var snapshot = snapshots.Snapshots[i];
            var values = Matches(snapshot) ? BindValues(snapshot, declared) : null;
            if (values is not null && parameters.Count > 0 && !Instantiate(declared, values, parameters))
            {
                values = null;
            }

            if (values is null)
            {
                dropped++;
            }
            else if (weights[i] > 0)
            {
                cases.Add(new BoundCase(snapshot, i, weights[i], values));
            }
        }

        ReportDrops();
        var arguments = _typeArguments ?? [];
        var fields = declared.Select(f => f with { Type = f.Type.Substitute(arguments) }).ToList();
        return new CaseBinding(fields, cases, dropped, arguments);
    }

    private List<CaseField> DeclaredFields()
    {
        var target = package.Target;
        var fields = new List<CaseField>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (target.Receiver is { } receiver)
        {
            fields.Add(new CaseField(FieldName(receiver.Name, "recv", used), receiver.Type, true));
        }

        for (var i = 0; i < target.Parameters.Count; i++)
        {
            var parameter = target.Parameters[i];
            fields.Add(new CaseField(FieldName(parameter.Name, $"arg{i}", used), parameter.Type, false));
        }

        return fields;
    }

    private static string FieldName(string name, string fallback, HashSet<string> used)
    {
        var chosen = GoIdentifiers.IsValid(name) && name != "_" ? name : fallback;
        while (!used.Add(chosen))
        {
            chosen += "_";
        }

        return chosen;
    }

    private bool Matches(Snapshot snapshot)
    {
        if (snapshot.Method is null)
        {
            return true;
        }

        var target = package.Target.Symbol;
        var matches = GoSymbol.TryParse(snapshot.Method, out var probed, out _)
            && package.OwnPaths.Contains(probed!.PackagePath)
            && probed.ReceiverType == target.ReceiverType
            && probed.Name == target.Name;
        if (!matches)
        {
            var key = snapshot.Method.Length <= 120 ? snapshot.Method : snapshot.Method[..120] + "…";
            _otherMethods[key] = _otherMethods.GetValueOrDefault(key) + 1;
        }

        return matches;
    }

    /// <summary>The captured value for each field, or null when a required argument is missing.</summary>
    private List<CapturedValue?>? BindValues(Snapshot snapshot, List<CaseField> fields)
    {
        var target = package.Target;
        var declaredNames = new HashSet<string>(fields.Select((f, i) => SourceName(target, i)), StringComparer.Ordinal);
        var values = new List<CapturedValue?>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = SourceName(target, i);
            var named = GoIdentifiers.IsValid(name) && name != "_";
            var value = named ? snapshot.Argument(name) : ByPosition(snapshot, i, declaredNames);

            // A blank parameter cannot matter to the call, and a context is always replaced.
            if (value is null && named && !WellKnownGoTypes.IsContext(fields[i].Type))
            {
                _missingArguments[name] = _missingArguments.GetValueOrDefault(name) + 1;
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    private static string SourceName(GoFunction target, int field)
    {
        if (target.Receiver is { } receiver)
        {
            return field == 0 ? receiver.Name : target.Parameters[field - 1].Name;
        }

        return target.Parameters[field].Name;
    }

    /// <summary>An unnamed parameter's argument: the one at its position, unless a named parameter claims it.</summary>
    private static CapturedValue? ByPosition(Snapshot snapshot, int index, HashSet<string> declaredNames) =>
        index < snapshot.Arguments.Count && !declaredNames.Contains(snapshot.Arguments[index].Key)
            ? snapshot.Arguments[index].Value
            : null;

    private bool Instantiate(List<CaseField> fields, List<CapturedValue?> values, IReadOnlySet<string> parameters)
    {
        var bindings = new Dictionary<string, GoType>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (package.ParseCapturedType(values[i]?.Type) is { } captured
                && !GoTypeUnifier.Unify(fields[i].Type, captured, parameters, bindings))
            {
                _otherInstantiations++;
                return false;
            }
        }

        // Type arguments come from snapshot data: only plain type names may reach the source.
        var unusable = bindings.Values.Any(t => GoTypeRenderer.CarriesText(t) || whyNotRenderable(t) is not null);
        if (!parameters.All(bindings.ContainsKey) || unusable)
        {
            _otherInstantiations++;
            return false;
        }

        if (_typeArguments is null)
        {
            _typeArguments = bindings;
            return true;
        }

        if (bindings.All(b => _typeArguments[b.Key].SameAs(b.Value)))
        {
            return true;
        }

        _otherInstantiations++;
        return false;
    }

    private void ReportDrops()
    {
        foreach (var (method, count) in _otherMethods.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            log.Warning(DiagnosticCodes.SnapshotMethodMismatch,
                $"Dropped {count} snapshot(s) of {method}: the target is {package.Target.Symbol}.");
        }

        foreach (var (argument, count) in _missingArguments.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            log.Warning(DiagnosticCodes.SnapshotArgumentMissing,
                $"Dropped {count} snapshot(s) without a captured '{argument}' argument; "
                + "the call needs it (was the probe placed on another version of the function?).");
        }

        if (_otherInstantiations > 0)
        {
            log.Warning(DiagnosticCodes.GenericInstantiationUnknown,
                $"Dropped {_otherInstantiations} snapshot(s) of the generic target whose type arguments are unknown "
                + "or differ from the first usable snapshot's.");
        }
    }
}
