using System.IO.Compression;
using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>
/// Hostile input beyond the hand-made fixtures: real profiles with bytes flipped, dropped or
/// cut at random (seeded, so a failure reproduces). Every outcome must be a profile or a coded
/// <see cref="DodoException"/> — never another exception, never a hang.
/// </summary>
public class MutatedProfileTests
{
    private const int Mutations = 400;

    [TestCase("pprofutils__pprof.samples.cpu.001.pb.gz", 1)]
    [TestCase("google-pprof__sample.cpu.pb.gz", 2)]
    [TestCase("parca__labels.darwin-arm64.pb.gz", 3)]
    public void MutatedProtobufIsReadOrRefusedWithACode(string fixture, int seed)
    {
        var message = Gunzip(File.ReadAllBytes(TestPaths.PprofFixture(fixture)));
        var random = new Random(seed);

        var unexpected = Enumerable.Range(0, Mutations)
            .Select(_ => Outcome(Mutate(message, random)))
            .OfType<Exception>()
            .Where(e => e is not DodoException)
            .Select(e => e.GetType().Name + ": " + e.Message)
            .ToList();

        Assert.That(unexpected, Is.Empty);
    }

    [Test]
    public void MutatedGzipIsReadOrRefusedWithACode()
    {
        var compressed = File.ReadAllBytes(TestPaths.PprofFixture("google-pprof__sample.cpu.pb.gz"));
        var random = new Random(4);

        var unexpected = Enumerable.Range(0, Mutations)
            .Select(_ => Outcome(Mutate(compressed, random, keepMagic: true)))
            .OfType<Exception>()
            .Where(e => e is not DodoException)
            .Select(e => e.GetType().Name + ": " + e.Message)
            .ToList();

        Assert.That(unexpected, Is.Empty);
    }

    private static object Outcome(byte[] data)
    {
        try
        {
            return ProfileReader.Read(new MemoryStream(data), "mutated", log: new DiagnosticLog());
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static byte[] Mutate(byte[] original, Random random, bool keepMagic = false)
    {
        var data = (byte[])original.Clone();
        var start = keepMagic ? 2 : 0;
        switch (random.Next(3))
        {
            case 0:
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    data[random.Next(start, data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 1:
                var cut = random.Next(start, data.Length);
                return [.. data[..cut], .. data[Math.Min(data.Length, cut + random.Next(1, 16))..]];
            default:
                return data[..random.Next(start, data.Length)];
        }
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
