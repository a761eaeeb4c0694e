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
    public void OnceARunIsMeasuredLaterRunsAskForIterations()
    {
        var plan = new SamplePlan(wantedSamples: 12000, runs: 3, parallelism: 2, profileHz: 100);

        plan.Record(Run(iterations: 1_000_000, nanosecondsPerOp: 2000), targetSamples: 2000);

        // 1 sample per 500 iterations; 10 000 samples still wanted over two runs: 5 000 each.
        Assert.That(plan.NextBenchTime(1), Is.EqualTo("2500000x"));
    }

    [Test]
    public void RunsNeverGetShorterThanOneSecond()
    {
        var plan = new SamplePlan(wantedSamples: 100, runs: 3, parallelism: 2, profileHz: 100);

        plan.Record(Run(iterations: 1_000_000, nanosecondsPerOp: 1000), targetSamples: 5000);

        Assert.That(plan.NextBenchTime(1), Is.EqualTo("1000000x"), "a second at 1 µs per iteration");
    }

    [Test]
    public void ARunOutsideTheSeriesTeachesTheRateButCountsNoSamples()
    {
        var plan = new SamplePlan(wantedSamples: 9000, runs: 3, parallelism: 2, profileHz: 100);

        plan.Learn(Run(iterations: 300_000, nanosecondsPerOp: 10_000), targetSamples: 3000);

        Assert.Multiple(() =>
        {
            Assert.That(plan.SamplesSoFar, Is.Zero);
            Assert.That(plan.NextBenchTime(0), Is.EqualTo("300000x"));
        });
    }

    [Test]
    public void ARunNeverHasFewerIterationsThanOneCycleOfTheSchedule()
    {
        // One iteration of a rare, costly case gave all the samples: planning by samples alone would
        // ask for a fraction of an iteration, and a run that never reaches the costly case.
        var plan = new SamplePlan(wantedSamples: 300, runs: 3, parallelism: 2, profileHz: 100)
        {
            MinimumIterations = 10,
        };

        plan.Record(Run(iterations: 10, nanosecondsPerOp: 2_500_000_000), targetSamples: 9000);

        Assert.That(plan.NextBenchTime(1), Is.EqualTo("10x"));
    }

    private static BenchmarkRun Run(long iterations, double nanosecondsPerOp) =>
        new(1, "run.pprof", "1s", iterations, nanosecondsPerOp, null, null, TimeSpan.FromSeconds(1));
}
