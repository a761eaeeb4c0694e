using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.GoCodegen;

// Agreement between captured and declared types, and warnings given once each.
public sealed partial class GoLiteralWriter
{
    private void CheckType(GoType declared, CapturedValue value, ValueSite site)
    {
        if (value.Type is null || _scope.IsInterface(declared) || _scope.Underlying(declared) is GoOpaqueType)
        {
            return;
        }

        var captured = _scope.Package.ParseCapturedType(value.Type);
        if (captured is null)
        {
            return;
        }

        var expected = ResolveAlias(declared).Canonical;
        if (expected == captured.Canonical)
        {
            return;
        }

        var actual = WellKnownGoTypes.ResolveAliases(captured.Canonical);
        // Shape names are the compiler's stand-ins for type arguments, not a disagreement.
        var shape = actual.Contains("go.shape.", StringComparison.Ordinal);
        if (WellKnownGoTypes.ResolveAliases(expected) != actual && !shape)
        {
            Mismatch(site, declared, $"type {captured.Canonical}");
        }
    }

    private GoType ResolveAlias(GoType type)
    {
        for (var i = 0; i < 16; i++)
        {
            if (type is not GoNamedType named || _scope.Declaration(named) is not { IsAlias: true } alias)
            {
                break;
            }

            type = alias.Type;
        }

        return type;
    }

    /// <summary>Warns once per field and pair of types that the capture disagrees with the code.</summary>
    private void Mismatch(ValueSite site, GoType declared, string captured)
    {
        if (_warned.Add($"mismatch|{site.FieldKey}|{declared.Canonical}|{captured}"))
        {
            _log.Warning(DiagnosticCodes.CapturedTypeMismatch,
                $"{site.FieldKey}: the snapshot holds {captured} where the code declares {declared.Canonical}; "
                + "the declared type is used (was the snapshot taken from another version of the code?).",
                site.Losses.SourceFile);
        }
    }

    private void WarnForeign(string type, string why)
    {
        if (_warned.Add($"foreign|{type}"))
        {
            _log.Warning(DiagnosticCodes.ForeignTypeZeroValue,
                $"Values of {type} cannot be rebuilt ({why}); the benchmark uses its zero value instead.");
        }
    }
}
