namespace Dodo.Engine.Fitting;

/// <summary>
/// Maximizes cᵀx subject to Ax ≤ b and x ≥ 0, where every b is non-negative so that the origin
/// is a feasible start: the dense tableau simplex method. The weight fit's programs have a few
/// hundred rows at most, where a dense tableau is both the simplest and the fastest choice.
/// </summary>
internal static class LinearProgram
{
    // Reduced costs and ratios within this of zero are rounding, not progress.
    private const double Tolerance = 1e-10;

    // Dantzig's rule (largest reduced cost) converges fast but can cycle on degenerate vertices;
    // after this many pivots in a row that gain nothing, Bland's rule takes over, which cannot.
    private const int DegeneratePivotsBeforeBland = 50;

    /// <summary>Solves the program; throws when it is unbounded or the input is malformed.</summary>
    /// <param name="objective">c, one coefficient per variable.</param>
    /// <param name="constraints">A, one row per constraint, one column per variable.</param>
    /// <param name="bounds">b, one non-negative bound per row.</param>
    public static LinearProgramSolution Maximize(double[] objective, double[,] constraints, double[] bounds)
    {
        var rows = constraints.GetLength(0);
        var columns = constraints.GetLength(1);
        if (objective.Length != columns || bounds.Length != rows)
        {
            throw new ArgumentException($"A is {rows}×{columns}, c has {objective.Length} and b {bounds.Length}.");
        }

        if (bounds.Any(v => !(v >= 0) || double.IsInfinity(v)))
        {
            throw new ArgumentException("Every bound must be a finite, non-negative number.", nameof(bounds));
        }

        var tableau = new Tableau(objective, constraints, bounds);
        var degenerate = 0;
        var limit = 50 * (rows + columns) + 1000;
        for (var iteration = 0; iteration < limit; iteration++)
        {
            var entering = degenerate < DegeneratePivotsBeforeBland ? tableau.LargestGain() : tableau.FirstGain();
            if (entering < 0)
            {
                return tableau.Solution(iteration);
            }

            var leaving = tableau.RatioTest(entering);
            if (leaving < 0)
            {
                throw new InvalidOperationException("The linear program is unbounded.");
            }

            degenerate = tableau.Pivot(leaving, entering) ? 0 : degenerate + 1;
        }

        throw new InvalidOperationException($"The simplex method did not converge in {limit} pivots.");
    }

    /// <summary>
    /// Row r &lt; m holds constraint r with its slack; row m holds the negated objective. The last
    /// column is the right-hand side, so the objective row's last cell is the objective value.
    /// </summary>
    private sealed class Tableau
    {
        private readonly int _rows;
        private readonly int _variables;
        private readonly int _width;
        private readonly double[] _cells;
        private readonly int[] _basis;

        public Tableau(double[] objective, double[,] constraints, double[] bounds)
        {
            _rows = bounds.Length;
            _variables = objective.Length;
            _width = _variables + _rows + 1;
            _cells = new double[(_rows + 1) * _width];
            _basis = new int[_rows];
            for (var r = 0; r < _rows; r++)
            {
                for (var j = 0; j < _variables; j++)
                {
                    _cells[(r * _width) + j] = constraints[r, j];
                }

                _cells[(r * _width) + _variables + r] = 1;
                _cells[(r * _width) + _width - 1] = bounds[r];
                _basis[r] = _variables + r;
            }

            for (var j = 0; j < _variables; j++)
            {
                _cells[(_rows * _width) + j] = -objective[j];
            }
        }

        /// <summary>The column whose increase gains most, or -1 at the optimum.</summary>
        public int LargestGain()
        {
            var best = -1;
            var most = -Tolerance;
            var row = _rows * _width;
            for (var j = 0; j < _width - 1; j++)
            {
                if (_cells[row + j] < most)
                {
                    most = _cells[row + j];
                    best = j;
                }
            }

            return best;
        }

        /// <summary>Bland's rule: the lowest-numbered column that gains at all.</summary>
        public int FirstGain()
        {
            var row = _rows * _width;
            for (var j = 0; j < _width - 1; j++)
            {
                if (_cells[row + j] < -Tolerance)
                {
                    return j;
                }
            }

            return -1;
        }

        /// <summary>The row that limits the entering column first; ties go to the lowest basic variable.</summary>
        public int RatioTest(int entering)
        {
            var leaving = -1;
            var smallest = double.PositiveInfinity;
            for (var r = 0; r < _rows; r++)
            {
                var coefficient = _cells[(r * _width) + entering];
                if (coefficient <= Tolerance)
                {
                    continue;
                }

                var ratio = _cells[(r * _width) + _width - 1] / coefficient;
                if (ratio < smallest - Tolerance
                    || (ratio <= smallest + Tolerance && leaving >= 0 && _basis[r] < _basis[leaving]))
                {
                    smallest = Math.Min(smallest, ratio);
                    leaving = r;
                }
            }

            return leaving;
        }

        /// <summary>Pivots on the cell; returns whether the objective moved.</summary>
        public bool Pivot(int leaving, int entering)
        {
            var pivotRow = leaving * _width;
            var pivot = _cells[pivotRow + entering];
            for (var j = 0; j < _width; j++)
            {
                _cells[pivotRow + j] /= pivot;
            }

            var before = _cells[(_rows * _width) + _width - 1];
            for (var r = 0; r <= _rows; r++)
            {
                var factor = _cells[(r * _width) + entering];
                if (r == leaving || factor == 0)
                {
                    continue;
                }

                var offset = r * _width;
                for (var j = 0; j < _width; j++)
                {
                    _cells[offset + j] -= factor * _cells[pivotRow + j];
                }
            }

            _basis[leaving] = entering;
            return Math.Abs(_cells[(_rows * _width) + _width - 1] - before) > Tolerance;
        }

        public LinearProgramSolution Solution(int pivots)
        {
            var values = new double[_variables];
            for (var r = 0; r < _rows; r++)
            {
                if (_basis[r] < _variables)
                {
                    values[_basis[r]] = Math.Max(0, _cells[(r * _width) + _width - 1]);
                }
            }

            return new LinearProgramSolution(values, _cells[(_rows * _width) + _width - 1], pivots);
        }
    }
}

/// <summary>An optimal point of a linear program, its objective value and the pivots it took.</summary>
internal sealed record LinearProgramSolution(IReadOnlyList<double> Values, double Objective, int Pivots);
