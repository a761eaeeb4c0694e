namespace Dodo.Engine.Fitting;

/// <summary>
/// The mix of benchmark groups whose call tree is most similar to production's. A benchmark that
/// spends the share w_g of its time in group g has the self-time shares Σ_g w_g·B_g(p) per call
/// path p, so its similarity Σ_p min(P(p), Σ_g w_g·B_g(p)) is a concave, piecewise-linear function
/// of the weights, maximized exactly by a linear program with one auxiliary t_p ≤ both terms.
/// </summary>
/// <remarks>
/// Many mixes often reach the same score (two groups alike on the paths that matter); the prior
/// breaks the tie: weights are written as prior + up − down, and each unit moved away from the
/// prior costs <see cref="TieBreak"/>, far below any gain a path can bring. The prior is the mix
/// the snapshots were sampled in, so the fit leaves it only where production asks it to, and it
/// is the program's feasible starting point (up = down = 0).
/// </remarks>
public static class MixtureFit
{
    /// <summary>Score given up per unit of weight moved away from the prior: a tie-breaker only.</summary>
    public const double TieBreak = 1e-4;

    /// <summary>Fits the time shares of the groups.</summary>
    /// <param name="production">P(p): production's self-time share per path, summing to at most 1.</param>
    /// <param name="groups">B_g(p): each group's self-time shares per path (in the same order), each summing
    /// to 1.</param>
    /// <param name="prior">The starting mix, one non-negative weight per group, summing to 1.</param>
    public static MixtureFitResult Fit(IReadOnlyList<double> production, IReadOnlyList<IReadOnlyList<double>> groups,
        IReadOnlyList<double> prior)
    {
        Validate(production, groups, prior);
        var paths = Enumerable.Range(0, production.Count)
            .Where(p => production[p] > 0 && groups.Any(g => g[p] > 0))
            .ToArray();
        var g = groups.Count;

        // Variables: up_g (0..g-1), down_g (g..2g-1), t_p (2g..). Rows: t_p ≤ P(p); the mix
        // bounds t_p from above; down_g ≤ prior_g keeps every weight non-negative; Σ up ≤ Σ down
        // keeps the weights' sum at most 1 (scaled to exactly 1 afterwards, which loses nothing).
        var variables = (2 * g) + paths.Length;
        var rows = (2 * paths.Length) + g + 1;
        var a = new double[rows, variables];
        var b = new double[rows];
        var c = new double[variables];
        for (var k = 0; k < paths.Length; k++)
        {
            var p = paths[k];
            var t = (2 * g) + k;
            c[t] = 1;
            a[k, t] = 1;
            b[k] = production[p];

            var row = paths.Length + k;
            a[row, t] = 1;
            for (var j = 0; j < g; j++)
            {
                a[row, j] = -groups[j][p];
                a[row, g + j] = groups[j][p];
                b[row] += groups[j][p] * prior[j];
            }
        }

        for (var j = 0; j < g; j++)
        {
            c[j] = c[g + j] = -TieBreak;
            a[(2 * paths.Length) + j, g + j] = 1;
            b[(2 * paths.Length) + j] = prior[j];
            a[rows - 1, j] = 1;
            a[rows - 1, g + j] = -1;
        }

        var solution = LinearProgram.Maximize(c, a, b);
        var weights = new double[g];
        for (var j = 0; j < g; j++)
        {
            weights[j] = Math.Max(0, prior[j] + solution.Values[j] - solution.Values[g + j]);
        }

        var sum = weights.Sum();
        for (var j = 0; j < g; j++)
        {
            weights[j] /= sum;
        }

        return new MixtureFitResult(weights, Similarity(production, groups, weights));
    }

    /// <summary>Σ_p min(P(p), Σ_g w_g·B_g(p)): the score of a mix, 0–1.</summary>
    public static double Similarity(IReadOnlyList<double> production, IReadOnlyList<IReadOnlyList<double>> groups,
        IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var p = 0; p < production.Count; p++)
        {
            var mixed = 0.0;
            for (var j = 0; j < groups.Count; j++)
            {
                mixed += weights[j] * groups[j][p];
            }

            total += Math.Min(production[p], mixed);
        }

        return total;
    }

    private static void Validate(IReadOnlyList<double> production, IReadOnlyList<IReadOnlyList<double>> groups,
        IReadOnlyList<double> prior)
    {
        if (groups.Count == 0 || prior.Count != groups.Count)
        {
            throw new ArgumentException($"{groups.Count} group(s) and {prior.Count} prior weight(s) given.");
        }

        if (groups.Any(group => group.Count != production.Count))
        {
            throw new ArgumentException("Every group must have one share per production path.");
        }

        if (prior.Any(w => !(w >= 0)) || Math.Abs(prior.Sum() - 1) > 1e-6)
        {
            throw new ArgumentException("The prior weights must be non-negative and sum to 1.", nameof(prior));
        }

        if (production.Any(v => !(v >= 0) || double.IsInfinity(v)) || groups.Any(x => x.Any(v => !(v >= 0))))
        {
            throw new ArgumentException("Shares must be finite and non-negative.");
        }
    }
}

/// <summary>The fitted time share of each group (summing to 1) and the similarity it reaches, 0–1.</summary>
public sealed record MixtureFitResult(IReadOnlyList<double> Weights, double Similarity);
