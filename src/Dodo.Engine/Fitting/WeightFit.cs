namespace Dodo.Engine.Fitting;

/// <summary>
/// Chooses how often the benchmark calls each case, from one calibration run that told the cases
/// apart: cases are clustered by where their time goes, the groups' time shares are fitted to
/// production's tree (<see cref="MixtureFit"/>), and each case's calls are scaled by its group's
/// fitted share over the share it had in calibration.
/// </summary>
/// <remarks>
/// How many groups to fit is decided on held-out data: every case's samples are split at random
/// into two halves (each sample independently, which for a sampling profiler gives two independent
/// profiles of half the length); groups and shares fitted on one half are scored on the other.
/// More groups fit production better but also fit the calibration's noise; the held-out score
/// stops rising once they do. One group (the snapshots' own mix) is always a candidate, and more
/// groups are chosen only when they score clearly better, so the fit departs from the mix the
/// snapshots were captured in only where production's tree asks for it.
/// </remarks>
internal static class WeightFit
{
    private static readonly int[] GroupCounts = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128];

    // Each split into halves scores every candidate twice (fit on either half, score on the other).
    private const int Splits = 4;

    /// <summary>
    /// Cases beyond this many are pooled into atoms before they are clustered: the clustering keeps
    /// a distance between every two atoms (8 MB at this size) and takes time quadratic in their count.
    /// </summary>
    internal const int MaxAtoms = 1024;

    /// <param name="production">P(p) over the index's paths.</param>
    /// <param name="caseCounts">Each case's calibration samples per path.</param>
    /// <param name="seed">Seeds the splits into halves, so a fit is reproducible.</param>
    /// <param name="kinds">A grouping known before any sample was taken (for example the receiver each case
    /// was called on), tried beside the clusterings; null when there is none.</param>
    public static WeightFitResult Fit(IReadOnlyList<double> production, IReadOnlyList<long[]> caseCounts, int seed,
        IReadOnlyList<int>? kinds = null)
    {
        if (caseCounts.Count <= MaxAtoms)
        {
            return FitAtoms(production, caseCounts, seed, kinds);
        }

        var atomOf = Atoms(caseCounts, kinds);
        var atoms = atomOf.Max() + 1;
        var atomCounts = Enumerable.Range(0, atoms).Select(_ => new long[production.Count]).ToList();
        var atomKinds = new int[atoms];
        for (var c = 0; c < caseCounts.Count; c++)
        {
            for (var p = 0; p < production.Count; p++)
            {
                atomCounts[atomOf[c]][p] += caseCounts[c][p];
            }

            atomKinds[atomOf[c]] = kinds is { Count: > 0 } ? kinds[c] : 0;
        }

        var fit = FitAtoms(production, atomCounts, seed, kinds is { Count: > 0 } ? atomKinds : null);
        return fit with { Labels = atomOf.Select(a => fit.Labels[a]).ToArray() };
    }

    /// <summary>
    /// Pools the cases into at most about <see cref="MaxAtoms"/> atoms: within each kind, cases of alike
    /// cost (samples in calibration) are cut into runs of equal length.
    /// </summary>
    private static int[] Atoms(IReadOnlyList<long[]> caseCounts, IReadOnlyList<int>? kinds)
    {
        var atomOf = new int[caseCounts.Count];
        var next = 0;
        var byKind = Enumerable.Range(0, caseCounts.Count).GroupBy(c => kinds is { Count: > 0 } ? kinds[c] : 0);
        foreach (var kind in byKind)
        {
            var cases = kind.OrderBy(c => caseCounts[c].Sum()).ThenBy(c => c).ToArray();
            var atoms = Math.Max(1, (int)Math.Round((double)cases.Length * MaxAtoms / caseCounts.Count));
            for (var i = 0; i < cases.Length; i++)
            {
                atomOf[cases[i]] = next + (int)((long)i * atoms / cases.Length);
            }

            next += atoms;
        }

        return atomOf;
    }

    private static WeightFitResult FitAtoms(IReadOnlyList<double> production, IReadOnlyList<long[]> caseCounts,
        int seed, IReadOnlyList<int>? kinds)
    {
        var candidates = Candidates(caseCounts.Count, kinds);
        var scores = candidates.Select(_ => new List<double>()).ToList();
        var random = new Random(seed);
        for (var split = 0; split < Splits; split++)
        {
            var (first, second) = Split(caseCounts, random);
            var firstTree = CaseClustering.Build(first);
            var secondTree = CaseClustering.Build(second);
            for (var c = 0; c < candidates.Count; c++)
            {
                scores[c].Add(HeldOut(production, candidates[c].Labels(firstTree), first, second));
                scores[c].Add(HeldOut(production, candidates[c].Labels(secondTree), second, first));
            }
        }

        var chosen = Choose(scores);
        var labels = candidates[chosen].Labels(CaseClustering.Build(caseCounts));
        var shares = Groups(labels, caseCounts);
        var fit = MixtureFit.Fit(production, shares.Shares, shares.Prior);
        var ratios = shares.Prior.Select((u, g) => u > 0 ? fit.Weights[g] / u : 1).ToArray();
        var heldOut = candidates.Select((candidate, c) => (candidate.Name, scores[c].Average())).ToList();
        return new WeightFitResult(labels, shares.Prior, fit.Weights, ratios,
            MixtureFit.Similarity(production, shares.Shares, shares.Prior), fit.Similarity, heldOut[chosen].Item2,
            heldOut, candidates[chosen].Name);
    }

    /// <summary>Clusterings of every size up to the case count, and the known kinds, fewest groups first.</summary>
    private static List<Grouping> Candidates(int cases, IReadOnlyList<int>? kinds)
    {
        var candidates = GroupCounts.Where(k => k <= Math.Max(1, cases))
            .Select(k => new Grouping($"{k} cluster(s)", k, tree => tree.Cut(k)))
            .ToList();
        if (kinds is { Count: > 0 } && kinds.Count == cases && kinds.Distinct().Count() > 1)
        {
            var numbers = kinds.Distinct().Select((kind, n) => (kind, n)).ToDictionary(x => x.kind, x => x.n);
            var labels = kinds.Select(k => numbers[k]).ToArray();
            candidates.Add(new Grouping($"{numbers.Count} kind(s)", numbers.Count, _ => labels));
        }

        return candidates.OrderBy(c => c.Groups).ToList();
    }

    /// <summary>
    /// The fewest groups whose held-out score is not clearly below the best one's: every split and
    /// direction scores all candidates on the same halves, so the candidates' differences are
    /// paired, and a candidate stays in the running unless it trails the best by more than two
    /// standard errors of that difference. Picking the plain maximum would let the noise of the
    /// held-out halves choose many groups as often as few.
    /// </summary>
    private static int Choose(IReadOnlyList<List<double>> scores)
    {
        var best = Enumerable.Range(0, scores.Count).MaxBy(c => scores[c].Average());
        for (var c = 0; c < best; c++)
        {
            var differences = scores[c].Zip(scores[best], (x, y) => y - x).ToList();
            var mean = differences.Average();
            var variance = differences.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, differences.Count - 1);
            if (mean <= 2 * Math.Sqrt(variance / differences.Count))
            {
                return c;
            }
        }

        return best;
    }

    /// <summary>
    /// Fits the mix again after an evaluation of <paramref name="fit"/>'s weights measured
    /// <paramref name="measured"/> (samples per path). Where the benchmark spent more or less than
    /// the groups predicted, calling the cases at other rates changed what a path costs (shared
    /// caches, the GC's pace): each path's cost is scaled by measured over predicted, in every group
    /// alike, which changes both the groups' shapes and their cost per call, and the mix is fitted
    /// again on the corrected groups. Returns the new fit and the similarity it is expected to gain
    /// over the weights just measured.
    /// </summary>
    public static (WeightFitResult Fit, double ExpectedGain) Refit(WeightFitResult fit,
        IReadOnlyList<double> production, IReadOnlyList<long[]> caseCounts, long[] measured)
    {
        var groups = Groups([.. fit.Labels], caseCounts);
        var paths = production.Count;
        var predicted = new double[paths];
        for (var g = 0; g < groups.Shares.Count; g++)
        {
            for (var p = 0; p < paths; p++)
            {
                predicted[p] += fit.CallRatios[g] * groups.Prior[g] * groups.Shares[g][p];
            }
        }

        var predictedTotal = predicted.Sum();
        var measuredTotal = (double)measured.Sum();
        var cost = predicted.Select((y, p) => y > 0 && measuredTotal > 0
            ? measured[p] / measuredTotal / (y / predictedTotal)
            : 1).ToArray();

        // κ_g: how much dearer a call of group g got; the captured mix at corrected costs is the prior.
        var dearer = groups.Shares.Select(b => b.Select((v, p) => v * cost[p]).Sum()).ToArray();
        var corrected = groups.Shares.Select((b, g) => (IReadOnlyList<double>)b
            .Select((v, p) => dearer[g] > 0 ? v * cost[p] / dearer[g] : v).ToArray()).ToList();
        var prior = Normalize(groups.Prior.Select((u, g) => u * dearer[g]));
        var current = Normalize(prior.Select((u, g) => u * fit.CallRatios[g]));

        var refit = MixtureFit.Fit(production, corrected, prior);
        var ratios = prior.Select((u, g) => u > 0 ? refit.Weights[g] / u : 1).ToArray();
        var before = MixtureFit.Similarity(production, corrected, current);
        return (fit with { Weights = refit.Weights, CallRatios = ratios, FittedSimilarity = refit.Similarity },
            refit.Similarity - before);
    }

    private static double[] Normalize(IEnumerable<double> values)
    {
        var array = values.ToArray();
        var sum = array.Sum();
        return array.Select(v => sum > 0 ? v / sum : 1.0 / array.Length).ToArray();
    }

    /// <summary>The groups' shares fitted on one half, scored on the other half's groups.</summary>
    private static double HeldOut(IReadOnlyList<double> production, int[] labels, IReadOnlyList<long[]> fitOn,
        IReadOnlyList<long[]> scoreOn)
    {
        var train = Groups(labels, fitOn);
        var test = Groups(labels, scoreOn);
        var fit = MixtureFit.Fit(production, train.Shares, train.Prior);

        // A group's calls are scaled by its fitted share over its calibration share; on the other
        // half that scaling turns its own calibration share into a new one.
        var weights = test.Prior.Select((u, g) => train.Prior[g] > 0 ? u * fit.Weights[g] / train.Prior[g] : u)
            .ToArray();
        var sum = weights.Sum();
        return sum > 0 ? MixtureFit.Similarity(production, test.Shares, weights.Select(w => w / sum).ToArray()) : 0;
    }

    /// <summary>Each group's self-time shares per path, and its share of all samples (the prior).</summary>
    internal static (IReadOnlyList<IReadOnlyList<double>> Shares, IReadOnlyList<double> Prior) Groups(
        int[] labels, IReadOnlyList<long[]> counts)
    {
        var groupCount = labels.Length == 0 ? 0 : labels.Max() + 1;
        var paths = counts.Count == 0 ? 0 : counts[0].Length;
        var sums = new double[groupCount][];
        for (var g = 0; g < groupCount; g++)
        {
            sums[g] = new double[paths];
        }

        for (var c = 0; c < counts.Count; c++)
        {
            for (var p = 0; p < paths; p++)
            {
                sums[labels[c]][p] += counts[c][p];
            }
        }

        var totals = sums.Select(s => s.Sum()).ToArray();
        var all = totals.Sum();
        var shares = sums.Select((s, g) => (IReadOnlyList<double>)s.Select(v => totals[g] > 0 ? v / totals[g] : 0)
            .ToArray()).ToList();
        var prior = totals.Select(t => all > 0 ? t / all : 1.0 / groupCount).ToArray();
        return (shares, prior);
    }

    private static (List<long[]> First, List<long[]> Second) Split(IReadOnlyList<long[]> counts, Random random)
    {
        var first = new List<long[]>(counts.Count);
        var second = new List<long[]>(counts.Count);
        foreach (var vector in counts)
        {
            var a = new long[vector.Length];
            var b = new long[vector.Length];
            for (var p = 0; p < vector.Length; p++)
            {
                for (var s = 0L; s < vector[p]; s++)
                {
                    if (random.Next(2) == 0)
                    {
                        a[p]++;
                    }
                    else
                    {
                        b[p]++;
                    }
                }
            }

            first.Add(a);
            second.Add(b);
        }

        return (first, second);
    }
}

/// <summary>
/// A weight fit: each case's group, each group's calibration and fitted time share, the factor its
/// cases' calls are scaled by, and the similarity of the calibration mix, of the fitted mix on the
/// calibration data, and held out (all 0–1), with the held-out score of every grouping tried and the
/// name of the one chosen.
/// </summary>
internal sealed record WeightFitResult(
    IReadOnlyList<int> Labels,
    IReadOnlyList<double> Prior,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> CallRatios,
    double PriorSimilarity,
    double FittedSimilarity,
    double HeldOutSimilarity,
    IReadOnlyList<(string Grouping, double Similarity)> HeldOutByGrouping,
    string Grouping)
{
    // Enough schedule entries per case that rounding moves no group's share by more than a few
    // per cent, few enough that the schedule stays a readable table.
    private const int EntriesPerCase = 32;
    private const int MinimumEntries = 4096;
    private const int MaximumEntries = 65_536;

    public int GroupCount => Weights.Count;

    /// <summary>
    /// The integer case weights of the fitted schedule: each case's calibration weight scaled by
    /// its group's call ratio, rounded on a scale fine enough for the ratios to survive. A case
    /// of a group fitted to nothing gets weight 0 and leaves the schedule.
    /// </summary>
    public int[] ScaleWeights(IReadOnlyList<int> calibrationWeights)
    {
        var scaled = calibrationWeights.Select((w, k) => w * CallRatios[Labels[k]]).ToArray();
        var sum = scaled.Sum();
        if (!(sum > 0))
        {
            return [.. calibrationWeights];
        }

        var entries = Math.Clamp(EntriesPerCase * scaled.Length, MinimumEntries, MaximumEntries);
        var factor = entries / sum;
        return scaled.Select(w => w > 0 ? Math.Max(1, (int)Math.Round(w * factor)) : 0).ToArray();
    }
}

/// <summary>One way to group the cases: a name for reports, its group count, its labels given a clustering.</summary>
internal sealed record Grouping(string Name, int Groups, Func<Dendrogram, int[]> Labels);
