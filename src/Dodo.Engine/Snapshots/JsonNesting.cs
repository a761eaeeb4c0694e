namespace Dodo.Engine.Snapshots;

/// <summary>
/// Measures JSON nesting without building anything, to tell "too deep" apart from other syntax
/// errors after the parser gave up.
/// </summary>
internal static class JsonNesting
{
    public static bool Exceeds(ReadOnlySpan<byte> json, int maxDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'[' or (byte)'{':
                    if (++depth > maxDepth)
                    {
                        return true;
                    }

                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
            }
        }

        return false;
    }
}
