using System.Diagnostics;
using Dodo.Engine.Reports;

namespace Dodo.Engine.Pipeline;

/// <summary>Measures the wall time of each stage of a job, in order.</summary>
public sealed class StageClock
{
    private readonly List<StageTiming> _stages = [];

    public IReadOnlyList<StageTiming> Stages => _stages;

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            _stages.Add(new StageTiming(stage, Math.Round(stopwatch.Elapsed.TotalSeconds, 3)));
        }
    }

    public T Time<T>(string stage, Func<T> work) =>
        TimeAsync(stage, () => Task.FromResult(work())).GetAwaiter().GetResult();
}
