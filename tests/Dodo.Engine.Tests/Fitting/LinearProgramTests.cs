using Dodo.Engine.Fitting;

namespace Dodo.Engine.Tests.Fitting;

public class LinearProgramTests
{
    [Test]
    public void ATextbookProgramReachesItsKnownOptimum()
    {
        // max 3x + 5y  s.t.  x ≤ 4,  2y ≤ 12,  3x + 2y ≤ 18: the optimum is x = 2, y = 6, worth 36.
        var solution = LinearProgram.Maximize([3, 5], new double[,] { { 1, 0 }, { 0, 2 }, { 3, 2 } }, [4, 12, 18]);

        Assert.Multiple(() =>
        {
            Assert.That(solution.Objective, Is.EqualTo(36).Within(1e-9));
            Assert.That(solution.Values, Is.EqualTo(new[] { 2.0, 6.0 }).Within(1e-9));
        });
    }

    [Test]
    public void BealesDegenerateProgramOnWhichTheLargestCoefficientRuleCyclesTerminates()
    {
        // Beale (1955): Dantzig's rule cycles here forever; the optimum is 5/4 at x1 = x3 = 1.
        var constraints = new double[,]
        {
            { 0.25, -8, -1, 9 },
            { 0.5, -12, -0.5, 3 },
            { 0, 0, 1, 0 },
        };

        var solution = LinearProgram.Maximize([0.75, -20, 0.5, -6], constraints, [0, 0, 1]);

        Assert.That(solution.Objective, Is.EqualTo(1.25).Within(1e-9));
    }

    [Test]
    public void AnUnboundedProgramIsRefused()
    {
        Assert.That(() => LinearProgram.Maximize([1, 0], new double[,] { { -1, 1 } }, [1]),
            Throws.InvalidOperationException.With.Message.Contains("unbounded"));
    }

    [Test]
    public void ANegativeBoundIsRefusedBecauseTheOriginWouldBeInfeasible()
    {
        Assert.That(() => LinearProgram.Maximize([1], new double[,] { { 1 } }, [-1]), Throws.ArgumentException);
    }
}
