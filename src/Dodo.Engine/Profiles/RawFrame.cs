namespace Dodo.Engine.Profiles;

/// <summary>
/// One frame of a stack as the profile names it, before any normalization: the function name
/// and, when the profile records it, the source file (used to recognise runtime code).
/// </summary>
public readonly record struct RawFrame(string Name, string? File);
