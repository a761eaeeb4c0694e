using Dodo.Engine.Benchmarks;

namespace Dodo.Engine.Tests.Benchmarks;

public class SamplePlanTests
{
    [Test]
    public void TheFirstRunAssumesEveryCoreBusyInTheTarget()
    {
        var plan = new SamplePlan(wantedSamples: 12000, runs: 3, parallelism: 2, profileHz: 100);

        Assert.That(plan.NextBenchTime(0), Is.EqualTo("20.0s"));
    }

    [Test]
    public void TheFirstGuessAssumesATimerTickCapOfTwoHundredFiftyHertz()
    {
        var plan = new SamplePlan(wantedSamples: 15000, runs: 3, parallelism: 2, profileHz: 1000);

        Assert.That(plan.NextBenchTime(0), Is.EqualTo("10.0s"));
    }

    [Test]
    public void LaterRunsUseTheRateTheFirstRunMeasured()
    {
        var plan = new SamplePlan(wantedSamples: 12000, runs: 3, parallelism: 2, profileHz: 100);

        plan.Record("20.0s", targetSamples: 2000);

        // 100 samples per bench-second measured; 10 000 samples still wanted over two runs.
        Assert.That(plan.NextBenchTime(1), Is.EqualTo("50.0s"));
    }

    [Test]
    public void RunsNeverGetShorterThanOneSecond()
    {
        var plan = new SamplePlan(wantedSamples: 100, runs: 3, parallelism: 2, profileHz: 100);

        plan.Record("1.0s", targetSamples: 5000);

        Assert.That(plan.NextBenchTime(1), Is.EqualTo("1.0s"));
    }
}
