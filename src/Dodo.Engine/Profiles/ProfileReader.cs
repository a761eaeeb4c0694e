using System.Buffers.Binary;
using System.Text;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Reads CPU profiles: pprof protobuf, gzipped or raw (told apart by magic bytes), or folded
/// stack text. Bad input fails with a coded <see cref="DodoException"/> naming the file;
/// warnings go to the optional log.
/// </summary>
public static class ProfileReader
{
    private const int TextSniffLength = 64 * 1024;

    public static StackProfile Read(string path, DiagnosticLog? log = null) =>
        Read(path, ProfileReadOptions.Default, log);

    public static StackProfile Read(string path, ProfileReadOptions options, DiagnosticLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DodoException(DiagnosticCodes.InputNotFound,
                $"{path}: the profile file does not exist.", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DodoException(DiagnosticCodes.ProfileUnreadable,
                $"{path}: the profile cannot be read: {e.Message}", path, e);
        }

        using (stream)
        {
            return Read(stream, path, options, log);
        }
    }

    /// <param name="sourceName">Names the input in diagnostics and in <see cref="StackProfile.Sources"/>.</param>
    public static StackProfile Read(Stream stream, string sourceName, ProfileReadOptions? options = null,
        DiagnosticLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ProfileReadOptions.Default;
        ArraySegment<byte> data;
        try
        {
            data = ProfileEnvelope.ReadRaw(stream, sourceName, options);
        }
        catch (IOException e)
        {
            throw new DodoException(DiagnosticCodes.ProfileUnreadable,
                $"{sourceName}: the profile cannot be read: {e.Message}", sourceName, e);
        }

        if (ProfileEnvelope.IsGzip(data))
        {
            data = ProfileEnvelope.Gunzip(data, sourceName, options);
        }

        return Decode(data, sourceName, options, log);
    }

    /// <summary>Reads every file and merges them stack by stack.</summary>
    public static StackProfile ReadAll(IReadOnlyList<string> paths, DiagnosticLog? log = null) =>
        ReadAll(paths, ProfileReadOptions.Default, log);

    public static StackProfile ReadAll(IReadOnlyList<string> paths, ProfileReadOptions options,
        DiagnosticLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.InvalidOption, "No profile file was given.");
        }

        return StackProfile.Merge(paths.Select(path => Read(path, options, log)).ToList());
    }

    private static StackProfile Decode(ArraySegment<byte> data, string source, ProfileReadOptions options,
        DiagnosticLog? log)
    {
        if (data.Count == 0)
        {
            throw new DodoException(DiagnosticCodes.ProfileEmpty,
                $"{source}: the profile is empty.", source);
        }

        if (IsLegacyCpuProfile(data))
        {
            throw NotPprof(source, "a legacy (pre-Go 1.8) binary CPU profile");
        }

        if (!LooksLikeText(data))
        {
            return PprofDecoder.Decode(data, source, options, log);
        }

        using var text = new StreamReader(new MemoryStream(data.Array!, data.Offset, data.Count, false),
            new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var firstLine = ReadFirstLine(data);
        if (IsLegacyTextProfile(firstLine))
        {
            throw NotPprof(source, $"a legacy text profile ('{firstLine}')");
        }

        return FoldedStackReader.Read(text, source, options, log);
    }

    /// <summary>
    /// gperftools' CPU header (pprof-format.md §1): the words 0, 3, 0 in 32- or 64-bit
    /// little-endian; a zero first byte is never a valid protobuf tag anyway.
    /// </summary>
    private static bool IsLegacyCpuProfile(ReadOnlySpan<byte> data) =>
        (data.Length >= 24 && BinaryPrimitives.ReadUInt64LittleEndian(data) == 0
            && BinaryPrimitives.ReadUInt64LittleEndian(data[8..]) == 3
            && BinaryPrimitives.ReadUInt64LittleEndian(data[16..]) == 0)
        || (data.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(data) == 0
            && BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) == 3
            && BinaryPrimitives.ReadUInt32LittleEndian(data[8..]) == 0);

    /// <summary>
    /// Protobuf always holds small length and tag bytes below 0x09 within its first bytes;
    /// text (UTF-8, any language) never holds C0 control characters other than tab and newlines.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        foreach (var b in data[..Math.Min(data.Length, TextSniffLength)])
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLegacyTextProfile(string firstLine) =>
        firstLine.StartsWith("--- ", StringComparison.Ordinal)
        || firstLine.StartsWith("heap profile:", StringComparison.Ordinal)
        || firstLine.StartsWith("heap_v2/", StringComparison.Ordinal)
        || firstLine.StartsWith("goroutine profile:", StringComparison.Ordinal)
        || firstLine.StartsWith("threadcreate profile:", StringComparison.Ordinal);

    private static string ReadFirstLine(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 200)];
        var end = head.IndexOfAny((byte)'\n', (byte)'\r');
        return Encoding.UTF8.GetString(end >= 0 ? head[..end] : head).Trim();
    }

    private static DodoException NotPprof(string source, string what) =>
        new(DiagnosticCodes.ProfileNotPprof,
            $"{source}: not a pprof profile: this is {what}. Convert it with "
            + "'go tool pprof -proto' first.", source);
}
