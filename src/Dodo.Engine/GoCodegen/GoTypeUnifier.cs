namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Infers a generic target's type arguments by matching its declared parameter types against the
/// concrete types the agent captured (<c>*Cache[K, V]</c> against <c>*main.Cache[string,int]</c>).
/// </summary>
internal static class GoTypeUnifier
{
    /// <summary>
    /// Adds what <paramref name="captured"/> tells about the type parameters; false on a contradiction.
    /// </summary>
    public static bool Unify(GoType declared, GoType captured, IReadOnlySet<string> parameters,
        Dictionary<string, GoType> bindings)
    {
        switch (declared, captured)
        {
            case (GoTypeParameter parameter, _) when parameters.Contains(parameter.Name):
                if (bindings.TryGetValue(parameter.Name, out var bound))
                {
                    return bound.SameAs(captured);
                }

                bindings[parameter.Name] = captured;
                return true;
            case (GoNamedType a, GoNamedType b) when a.PackagePath == b.PackagePath && a.Name == b.Name
                                                     && a.TypeArguments.Count == b.TypeArguments.Count:
                for (var i = 0; i < a.TypeArguments.Count; i++)
                {
                    if (!Unify(a.TypeArguments[i], b.TypeArguments[i], parameters, bindings))
                    {
                        return false;
                    }
                }

                return true;
            case (GoPointerType a, GoPointerType b):
                return Unify(a.Element, b.Element, parameters, bindings);
            case (GoSliceType a, GoSliceType b):
                return Unify(a.Element, b.Element, parameters, bindings);
            case (GoArrayType a, GoArrayType b):
                return Unify(a.Element, b.Element, parameters, bindings);
            case (GoMapType a, GoMapType b):
                return Unify(a.Key, b.Key, parameters, bindings) && Unify(a.Value, b.Value, parameters, bindings);
            default:
                // Shapes that do not line up say nothing about the parameters.
                return true;
        }
    }
}
