using Dodo.Engine.Fitting;
using Dodo.Engine.Tests.CallTrees;

namespace Dodo.Engine.Tests.Fitting;

public class CaseAttributionTests
{
    [Test]
    public void EverySampleGoesToTheCaseWhoseCalibrationFunctionCalledTheTarget()
    {
        var profile = FoldedProfiles.Parse(
            "testing.(*B).run;example.com/app.dodoFooCall0;example.com/app.Foo;example.com/app.a 7",
            "testing.(*B).run;example.com/app.dodoFooCall2;example.com/app.Foo;example.com/app.b 5",
            "testing.(*B).run;example.com/app.dodoFooCall2;example.com/app.Foo 1",
            "testing.(*B).run;example.com/app.dodoFooCall2 4",
            "testing.(*B).run;example.com/app.dodoFooCall17;example.com/app.Foo 3",
            "runtime.gcBgMarkWorker 9");

        var (cases, all) = CaseAttribution.Split(profile, "example.com/app.Foo", "dodoFooCall", caseCount: 3);

        Assert.Multiple(() =>
        {
            Assert.That(cases[0]!.TargetCount, Is.EqualTo(7));
            Assert.That(cases[1], Is.Null, "case 1 got no sample");
            Assert.That(cases[2]!.TargetCount, Is.EqualTo(6), "its own frame's samples are outside the target");
            Assert.That(all.TargetCount, Is.EqualTo(16), "case 17 is no case of the table but is the target's");
        });
    }

    [Test]
    public void AFrameThatOnlyStartsLikeACalibrationFunctionIsNoCase()
    {
        var profile = FoldedProfiles.Parse("example.com/app.dodoFooCall1x;example.com/app.Foo 2",
            "example.com/app.notdodoFooCall1;example.com/app.Foo 3");

        var (cases, _) = CaseAttribution.Split(profile, "example.com/app.Foo", "dodoFooCall", caseCount: 2);

        Assert.That(cases, Is.All.Null);
    }
}
