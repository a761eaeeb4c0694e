using System.Text;

namespace Dodo.Engine.GoCodegen;

/// <summary>
/// Spells a <see cref="GoType"/> as Go source inside the target's package: its own types
/// unqualified, other packages' types through the file's <see cref="GoImportSet"/>.
/// </summary>
internal sealed class GoTypeRenderer(GoImportSet imports, Func<string, bool> isOwnTypeName)
{
    public GoImportSet Imports { get; } = imports;

    public string Render(GoType type)
    {
        var text = new StringBuilder();
        Write(text, type);
        return text.ToString();
    }

    /// <summary>The name of a package-qualified identifier, importing its package when needed.</summary>
    public string Qualify(string packagePath, string name) =>
        Imports.IsOwn(packagePath) ? name : $"{Imports.Use(packagePath)}.{name}";

    /// <summary>
    /// Why the type cannot be written in the target's package (an unexported type of another
    /// package, a package that cannot be imported, a local type), or null when it can.
    /// </summary>
    public string? WhyNotRenderable(GoType type) => type switch
    {
        GoNamedType named => WhyNot(named),
        GoTypeParameter parameter => $"type parameter {parameter.Name} has no type argument",
        GoPointerType pointer => WhyNotRenderable(pointer.Element),
        GoSliceType slice => WhyNotRenderable(slice.Element),
        GoArrayType array => WhyNot(array.Length) ?? WhyNotRenderable(array.Element),
        GoMapType map => WhyNotRenderable(map.Key) ?? WhyNotRenderable(map.Value),
        GoStructType structType =>
            structType.Fields.Select(f => WhyNotRenderable(f.Type)).FirstOrDefault(w => w is not null),
        GoInterfaceType iface => WhyNot(iface.Body),
        GoOpaqueType opaque => WhyNot(opaque.Tokens),
        _ => $"unknown type kind {type.GetType().Name}",
    };

    /// <summary>
    /// True when a type carries text besides names and brackets: function, channel or interface
    /// bodies, struct tags, array lengths that are expressions. Types read from snapshot data are
    /// only written into the benchmark when they carry none, so the data can never add source text.
    /// </summary>
    public static bool CarriesText(GoType type) => type switch
    {
        GoNamedType named => named.TypeArguments.Any(CarriesText),
        GoPointerType pointer => CarriesText(pointer.Element),
        GoSliceType slice => CarriesText(slice.Element),
        GoArrayType array => array.Count is null || CarriesText(array.Element),
        GoMapType map => CarriesText(map.Key) || CarriesText(map.Value),
        GoStructType structType => structType.Fields.Any(f => f.Tag is not null || CarriesText(f.Type)),
        GoInterfaceType iface => !iface.IsEmpty,
        _ => true,
    };

    private string? WhyNot(GoNamedType named)
    {
        if (named.IsPredeclared)
        {
            return GoIdentifiers.PredeclaredTypes.Contains(named.Name) ? null : $"'{named.Name}' is not a Go type name";
        }

        if (Imports.IsOwn(named.PackagePath))
        {
            if (!GoIdentifiers.IsValid(named.Name) || !isOwnTypeName(named.Name))
            {
                return $"'{named.Name}' is not a package-level type of the target's package";
            }
        }
        else if (!GoIdentifiers.IsValid(named.Name) || !GoIdentifiers.IsExported(named.Name))
        {
            return $"{named.PackagePath}.{named.Name} is not exported";
        }
        else if (!Imports.IsImportable(named.PackagePath))
        {
            return $"package {named.PackagePath} cannot be imported from the target's package";
        }

        return named.TypeArguments.Select(WhyNotRenderable).FirstOrDefault(w => w is not null);
    }

    private string? WhyNot(IEnumerable<GoToken> tokens) =>
        tokens.Where(t => t.Kind == GoTokenKind.Qualified)
            .Select(t => WhyNot(new GoNamedType(t.Path!, t.Text)))
            .FirstOrDefault(w => w is not null);

    private void Write(StringBuilder text, GoType type)
    {
        switch (type)
        {
            case GoNamedType named:
                text.Append(named.IsPredeclared ? named.Name : Qualify(named.PackagePath, named.Name));
                if (named.TypeArguments.Count > 0)
                {
                    text.Append('[');
                    for (var i = 0; i < named.TypeArguments.Count; i++)
                    {
                        text.Append(i > 0 ? ", " : "");
                        Write(text, named.TypeArguments[i]);
                    }

                    text.Append(']');
                }

                break;
            case GoTypeParameter parameter:
                text.Append(parameter.Name);
                break;
            case GoPointerType pointer:
                text.Append('*');
                Write(text, pointer.Element);
                break;
            case GoSliceType slice:
                text.Append("[]");
                Write(text, slice.Element);
                break;
            case GoArrayType array:
                text.Append('[').Append(Spell(array.Length)).Append(']');
                Write(text, array.Element);
                break;
            case GoMapType map:
                text.Append("map[");
                Write(text, map.Key);
                text.Append(']');
                Write(text, map.Value);
                break;
            case GoStructType structType:
                WriteStruct(text, structType);
                break;
            case GoInterfaceType iface:
                text.Append("interface{").Append(Spell(iface.Body)).Append('}');
                break;
            case GoOpaqueType opaque:
                text.Append(Spell(opaque.Tokens));
                break;
        }
    }

    private void WriteStruct(StringBuilder text, GoStructType structType)
    {
        text.Append("struct{");
        for (var i = 0; i < structType.Fields.Count; i++)
        {
            var field = structType.Fields[i];
            text.Append(i > 0 ? "; " : "");
            if (!field.Embedded)
            {
                text.Append(field.Name).Append(' ');
            }

            Write(text, field.Type);
            if (field.Tag is not null)
            {
                text.Append(' ').Append(field.Tag);
            }
        }

        text.Append('}');
    }

    private string Spell(IEnumerable<GoToken> tokens) =>
        GoToken.Join(tokens, t => t.Kind == GoTokenKind.Qualified ? Qualify(t.Path!, t.Text) : t.Text);
}
