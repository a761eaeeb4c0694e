using System.Buffers.Binary;
using System.IO.Compression;
using Dodo.Engine.Diagnostics;

namespace Dodo.Engine.Profiles;

/// <summary>
/// Turns a profile file into the bytes of its content: gzip (one or several members) is
/// detected by its magic bytes and inflated under a size and ratio cap, anything else is taken
/// as it is.
/// </summary>
internal static class ProfileEnvelope
{
    private const int GzipTrailerLength = 8;
    private const int MinimalGzipLength = 18;
    private const int ChunkSize = 64 * 1024;

    public static bool IsGzip(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B;

    /// <summary>Reads the whole stream, refusing more than the decompressed cap.</summary>
    public static ArraySegment<byte> ReadRaw(Stream stream, string source, ProfileReadOptions options)
    {
        var cap = options.MaxDecompressedBytes;
        if (stream.CanSeek && stream.Length - stream.Position > cap)
        {
            throw TooLarge(source, $"the file is larger than the {Megabytes(cap)} cap");
        }

        var initial = stream.CanSeek ? stream.Length - stream.Position + 1 : ChunkSize;
        var buffer = new byte[Math.Clamp(initial, 1, Array.MaxLength)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                buffer = Grow(buffer, cap);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return new ArraySegment<byte>(buffer, 0, length);
            }

            length += read;
            if (length > cap)
            {
                throw TooLarge(source, $"the file is larger than the {Megabytes(cap)} cap");
            }
        }
    }

    /// <summary>
    /// Inflates a gzip file. Stops as soon as the output passes the cap or an implausible
    /// compression ratio, so a gzip bomb costs a few megabytes, not its full size.
    /// </summary>
    public static ArraySegment<byte> Gunzip(ArraySegment<byte> compressed, string source,
        ProfileReadOptions options)
    {
        var cap = options.MaxDecompressedBytes;
        var ratioLimit = Math.Max(options.RatioCheckThresholdBytes,
            options.MaxCompressionRatio * compressed.Count);
        var buffer = new byte[InitialSize(compressed, cap, ratioLimit)];
        var length = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed.Array!, compressed.Offset,
                compressed.Count, writable: false), CompressionMode.Decompress);
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, cap);
                }

                var read = gzip.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > cap)
                {
                    throw TooLarge(source, $"it inflates to more than the {Megabytes(cap)} cap");
                }

                if (length > ratioLimit)
                {
                    throw TooLarge(source, $"{compressed.Count:N0} compressed bytes inflate past "
                        + $"{Megabytes(length)}, a ratio above {options.MaxCompressionRatio:0} "
                        + "(real profiles shrink 2–3×; this looks like a gzip bomb)");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DodoException(DiagnosticCodes.ProfileGzipCorrupt,
                $"{source}: the gzip data is corrupt ({e.Message}).", source, e);
        }

        VerifyTrailer(compressed, buffer.AsSpan(0, length), source);
        return new ArraySegment<byte>(buffer, 0, length);
    }

    /// <summary>
    /// .NET's inflater treats a stream that ends early as complete, so completeness is checked
    /// here: the file must end with the last member's trailer, whose CRC and size match the
    /// tail of the output.
    /// </summary>
    private static void VerifyTrailer(ArraySegment<byte> compressed, ReadOnlySpan<byte> output,
        string source)
    {
        var data = compressed.AsSpan();
        var complete = false;
        if (data.Length >= MinimalGzipLength)
        {
            var trailer = data[^GzipTrailerLength..];
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
            complete = size <= output.Length && Crc32.Compute(output[^(int)size..]) == crc;
        }

        if (!complete)
        {
            throw new DodoException(DiagnosticCodes.ProfileGzipCorrupt,
                $"{source}: the gzip data is truncated or followed by garbage (the last member's "
                + "checksum does not match). Download or copy the profile again.", source);
        }
    }

    /// <summary>
    /// The trailer's size field (the last member's size, mod 4 GiB) is a hint, never trusted:
    /// it only pre-sizes the buffer within the cap and the ratio limit, saving the copies of
    /// repeated doubling on a large profile. A wrong hint just means growing as usual.
    /// </summary>
    private static int InitialSize(ArraySegment<byte> compressed, long cap, double ratioLimit)
    {
        var hint = compressed.Count >= MinimalGzipLength
            ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan()[^4..]) + 1L
            : ChunkSize;
        var limit = Math.Min(cap + 1, (long)Math.Min(ratioLimit + 1, Array.MaxLength));
        return (int)Math.Clamp(Math.Max(hint, compressed.Count * 2L), ChunkSize, Math.Max(limit, ChunkSize));
    }

    private static byte[] Grow(byte[] buffer, long cap)
    {
        // One byte past the cap is enough to notice the cap was exceeded.
        var size = Math.Min(Math.Max(buffer.Length * 2L, ChunkSize), Math.Min(cap + 1, Array.MaxLength));
        if (size <= buffer.Length)
        {
            size = buffer.Length + 1;
        }

        var grown = new byte[size];
        buffer.CopyTo(grown, 0);
        return grown;
    }

    private static DodoException TooLarge(string source, string why) =>
        new(DiagnosticCodes.ProfileTooLarge,
            $"{source}: refused because {why}. Raise the cap only for a profile you trust.", source);

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";
}
