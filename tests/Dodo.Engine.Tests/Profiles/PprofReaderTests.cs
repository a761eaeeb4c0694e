using Dodo.Engine.Diagnostics;
using Dodo.Engine.Profiles;
using Dodo.Engine.Profiles.Proto;

namespace Dodo.Engine.Tests.Profiles;

/// <summary>Decoding rules of pprof-format.md §3–§5 on small, exactly built messages.</summary>
public class PprofReaderTests
{
    [Test]
    public void InlinedFramesExpandCallerBeforeCallee()
    {
        // One location whose lines are [inlined callee, physical caller] (line[0] is innermost).
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        var caller = builder.Location("app.Caller");
        var callee = builder.Location("app.inlinedCallee");
        builder.Profile.Location[(int)caller - 1].Line.Insert(0, builder.Profile.Location[(int)callee - 1].Line[0]);
        builder.Sample([1, 10_000_000], caller, main);

        var profile = builder.Read();

        Assert.That(profile.Samples.Single().Frames.Select(f => f.Name),
            Is.EqualTo(new[] { "main.main", "app.Caller", "app.inlinedCallee" }));
    }

    [Test]
    public void SamplesThatDifferOnlyByLabelsAreSummedIntoOneStack()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        var work = builder.Location("app.work");
        var first = builder.Sample([2, 20_000_000], work, main);
        var second = builder.Sample([3, 30_000_000], work, main);
        first.Label.Add(new Label { Key = builder.String("span id"), Str = builder.String("1") });
        second.Label.Add(new Label { Key = builder.String("span id"), Str = builder.String("2") });

        var profile = builder.Read();

        Assert.Multiple(() =>
        {
            Assert.That(profile.Samples, Has.Count.EqualTo(1));
            Assert.That(profile.Samples[0].Value, Is.EqualTo(50_000_000));
            Assert.That(profile.Samples[0].Count, Is.EqualTo(5));
        });
    }

    [Test]
    public void ALabelNamingAMissingStringIsRefused()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        builder.Sample([1, 10_000_000], main).Label.Add(new Label { Key = 4_000 });

        var error = Assert.Throws<DodoException>(() => builder.Read());

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileBadStringIndex));
    }

    [Test]
    public void CommentsAreValidatedLikeEveryOtherStringReference()
    {
        var builder = new PprofMessageBuilder();
        builder.Sample([1, 10_000_000], builder.Location("main.main"));
        builder.Profile.Comment.AddRange([builder.String("note"), builder.String("more"), 9_999]);

        var error = Assert.Throws<DodoException>(() => builder.Read());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileBadStringIndex));
            Assert.That(error.Message, Does.Contain("comment 2"));
        });
    }

    [Test]
    public void AFunctionWithoutANameFallsBackToItsSystemNameThenToTheAddress()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        var system = builder.Location("app.system");
        var anonymous = builder.Location("app.anonymous");
        builder.Profile.Function[1].Name = 0;
        builder.Profile.Function[2].Name = 0;
        builder.Profile.Function[2].SystemName = 0;
        builder.Profile.Location[2].Address = 0x4a3f2c;
        builder.Sample([1, 10_000_000], anonymous, system, main);

        var profile = builder.Read();

        Assert.That(profile.Samples.Single().Frames.Select(f => f.Name),
            Is.EqualTo(new[] { "main.main", "app.system", "0x4a3f2c" }));
    }

    [Test]
    public void AnUnsymbolizedLocationBecomesItsAddressWithAWarning()
    {
        var log = new DiagnosticLog();
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        builder.Profile.Location.Add(new Location { Id = 99, Address = 0xdead });
        builder.Sample([1, 10_000_000], 99, main);

        var profile = builder.Read(log: log);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Samples.Single().Frames[^1].Name, Is.EqualTo("0xdead"));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProfileUnsymbolized));
        });
    }

    [Test]
    public void StacksAtTheGoProfilerDepthLimitAreReportedAsPossiblyTruncated()
    {
        var log = new DiagnosticLog();
        var builder = new PprofMessageBuilder();
        var frames = Enumerable.Range(0, 64).Select(i => builder.Location($"app.f{i}")).Reverse().ToArray();
        builder.Sample([3, 30_000_000], frames);

        builder.Read(log: log);

        Assert.Multiple(() =>
        {
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProfileTruncatedStacks));
            Assert.That(log.Diagnostics.Single().Message, Does.Contain("3 sample(s)"));
        });
    }

    [Test]
    public void AStackDeeperThanTheCapAfterInliningIsRefused()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        var work = builder.Location("app.work");
        builder.Profile.Location[1].Line.Add(builder.Profile.Location[0].Line[0]);
        builder.Sample([1, 10_000_000], work, main);
        var options = new ProfileReadOptions { MaxStackDepth = 2 };

        var error = Assert.Throws<DodoException>(() => builder.Read(options));

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileLimitExceeded));
    }

    [Test]
    public void SamplesWhoseValueCountsDisagreeAreRefused()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        builder.Sample([1, 10_000_000], main);
        builder.Sample([1, 10_000_000, 5], main);

        var error = Assert.Throws<DodoException>(() => builder.Read());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileValueCountMismatch));
            Assert.That(error.Message, Does.Contain("sample 1"));
        });
    }

    [Test]
    public void ASumBeyondALongIsAnOverflowErrorNotAWrappedValue()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        builder.Sample([1, long.MaxValue - 5], main);
        builder.Sample([1, 10], main);

        var error = Assert.Throws<DodoException>(() => builder.Read());

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.ProfileValueOverflow));
    }

    [Test]
    public void SampleCountsAloneAreScaledByTheCpuPeriod()
    {
        var log = new DiagnosticLog();
        var builder = new PprofMessageBuilder(("samples", "count"));
        builder.Sample([7], builder.Location("main.main"));

        var profile = builder.Read(log: log);

        Assert.Multiple(() =>
        {
            Assert.That(profile.ValueType, Is.EqualTo("cpu"));
            Assert.That(profile.TotalValue, Is.EqualTo(70_000_000));
            Assert.That(profile.TotalCount, Is.EqualTo(7));
            Assert.That(log.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProfileValueColumnFallback));
        });
    }

    [Test]
    public void AProfileWithOnlyACpuColumnCountsSamplesFromThePeriod()
    {
        var builder = new PprofMessageBuilder(("cpu", "nanoseconds"));
        builder.Sample([30_000_000], builder.Location("main.main"));

        var profile = builder.Read();

        Assert.That(profile.TotalCount, Is.EqualTo(3));
    }

    [Test]
    public void InvalidUtf8InANameBecomesReplacementCharacters()
    {
        var builder = new PprofMessageBuilder();
        var main = builder.Location("main.main");
        builder.Profile.StringTable[(int)builder.Profile.Function[0].Name] =
            Google.Protobuf.ByteString.CopyFrom(0x6D, 0xFF, 0x6E);
        builder.Sample([1, 10_000_000], main);

        var profile = builder.Read();

        Assert.That(profile.Samples.Single().Frames[0].Name, Is.EqualTo("m\uFFFDn"));
    }

    [Test]
    public void AMessageInTheMiddleOfABufferDecodesItsStringsFromTheRightPlace()
    {
        var builder = new PprofMessageBuilder();
        builder.Sample([1, 10_000_000], builder.Location("app.work"), builder.Location("main.main"));
        var message = Google.Protobuf.MessageExtensions.ToByteArray(builder.Profile);
        var buffer = new byte[message.Length + 7];
        message.CopyTo(buffer, 3);

        var profile = PprofDecoder.Decode(new ArraySegment<byte>(buffer, 3, message.Length), "segment",
            ProfileReadOptions.Default, null);

        Assert.That(profile.Samples.Single().Frames.Select(f => f.Name), Is.EqualTo(new[] { "main.main", "app.work" }));
    }
}
