namespace Dodo.Engine.Fitting;

/// <summary>
/// Groups benchmark cases whose time falls on the same call paths in the same proportions:
/// agglomerative clustering that always merges the two clusters whose union loses the least
/// information about which path a sample hit (the likelihood-ratio statistic of "same
/// distribution", half the G-test). Cases with few samples cost little to merge, so noise
/// never splits a group; cases that load different branches cost a lot, so they stay apart
/// until few groups remain.
/// </summary>
internal static class CaseClustering
{
    /// <summary>Clusters the cases, each given as its samples per call path.</summary>
    public static Dendrogram Build(IReadOnlyList<long[]> counts)
    {
        var n = counts.Count;
        var vectors = counts.Select(c => c.Select(v => (double)v).ToArray()).ToArray();
        var totals = vectors.Select(v => v.Sum()).ToArray();
        var entropy = vectors.Select(SumXLogX).ToArray();
        var alive = Enumerable.Repeat(true, n).ToArray();
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distance[i, j] = distance[j, i] = Loss(vectors, totals, entropy, i, j);
            }
        }

        var nearest = new int[n];
        for (var i = 0; i < n; i++)
        {
            nearest[i] = Nearest(distance, alive, i);
        }

        var merges = new List<(int Kept, int Absorbed)>(Math.Max(0, n - 1));
        for (var step = 0; step < n - 1; step++)
        {
            var (a, b) = Closest(distance, alive, nearest);
            for (var p = 0; p < vectors[a].Length; p++)
            {
                vectors[a][p] += vectors[b][p];
            }

            totals[a] += totals[b];
            entropy[a] = SumXLogX(vectors[a]);
            alive[b] = false;
            merges.Add((a, b));
            for (var k = 0; k < n; k++)
            {
                if (alive[k] && k != a)
                {
                    distance[a, k] = distance[k, a] = Loss(vectors, totals, entropy, a, k);
                }
            }

            for (var k = 0; k < n; k++)
            {
                if (!alive[k])
                {
                    continue;
                }

                if (k == a || nearest[k] == a || nearest[k] == b)
                {
                    nearest[k] = Nearest(distance, alive, k);
                }
                else if (distance[k, a] < distance[k, nearest[k]])
                {
                    nearest[k] = a;
                }
            }
        }

        return new Dendrogram(n, merges);
    }

    /// <summary>
    /// Σ_p [f(a_p) + f(b_p) − f(a_p + b_p)] − [f(A) + f(B) − f(A + B)] with f(x) = x·ln x: the
    /// information lost by describing both clusters with their pooled distribution.
    /// </summary>
    private static double Loss(double[][] vectors, double[] totals, double[] entropy, int a, int b)
    {
        var pooled = 0.0;
        var x = vectors[a];
        var y = vectors[b];
        for (var p = 0; p < x.Length; p++)
        {
            pooled += XLogX(x[p] + y[p]);
        }

        var paths = entropy[a] + entropy[b] - pooled;
        var sizes = XLogX(totals[a]) + XLogX(totals[b]) - XLogX(totals[a] + totals[b]);
        return Math.Max(0, paths - sizes);
    }

    private static int Nearest(double[,] distance, bool[] alive, int i)
    {
        var best = -1;
        for (var k = 0; k < alive.Length; k++)
        {
            if (k != i && alive[k] && (best < 0 || distance[i, k] < distance[i, best]))
            {
                best = k;
            }
        }

        return best;
    }

    private static (int Kept, int Absorbed) Closest(double[,] distance, bool[] alive, int[] nearest)
    {
        var best = -1;
        for (var i = 0; i < alive.Length; i++)
        {
            if (alive[i] && nearest[i] >= 0 && (best < 0 || distance[i, nearest[i]] < distance[best, nearest[best]]))
            {
                best = i;
            }
        }

        var other = nearest[best];
        return (Math.Min(best, other), Math.Max(best, other));
    }

    private static double SumXLogX(double[] vector) => vector.Sum(XLogX);

    private static double XLogX(double x) => x > 0 ? x * Math.Log(x) : 0;
}

/// <summary>
/// The merge order of a clustering: cutting it at k groups replays merges until k remain. Group
/// numbers follow the first case of each group, so a cut is deterministic.
/// </summary>
internal sealed class Dendrogram(int leaves, IReadOnlyList<(int Kept, int Absorbed)> merges)
{
    public int Leaves => leaves;

    /// <summary>The group (0 … k−1) of every case when the cases form <paramref name="groups"/> groups.</summary>
    public int[] Cut(int groups)
    {
        var k = Math.Clamp(groups, 1, Math.Max(1, leaves));
        var parent = Enumerable.Range(0, leaves).ToArray();
        for (var m = 0; m < leaves - k; m++)
        {
            parent[merges[m].Absorbed] = merges[m].Kept;
        }

        var labels = new int[leaves];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < leaves; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            if (!numbers.TryGetValue(root, out var number))
            {
                number = numbers.Count;
                numbers.Add(root, number);
            }

            labels[i] = number;
        }

        return labels;
    }
}
