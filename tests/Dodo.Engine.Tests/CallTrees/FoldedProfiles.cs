using System.Text;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.CallTrees;

/// <summary>Small profiles written as folded text, for tests that need an exact, readable input.</summary>
internal static class FoldedProfiles
{
    /// <param name="lines">Folded lines, e.g. "main;X;Y 60"; the count doubles as sample count.</param>
    public static StackProfile Parse(params string[] lines) =>
        ProfileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "test.folded");
}
