using Dodo.Engine.CallTrees;
using Dodo.Engine.Profiles;
using Dodo.Engine.Scoring;

namespace Dodo.Engine.Tests.Scoring;

/// <summary>
/// Scoring real profiles: the decomposition stays exact (Σ gaps = 2·(100 − S)) and the
/// numbers agree with the real-data check of similarity-score.md §4.
/// </summary>
public class RealProfileScoringTests
{
    private const string Gdu = "dundee-gdu__default.linux-amd64.pgo";
    private const string Immutable = "arnonrgo-immutable__default.darwin-arm64.gotest.pgo";
    private const string GduTarget = "github.com/dundee/gdu/v5/pkg/analyze.(*ParallelAnalyzer).processDir.func1";

    [Test]
    public void GduAgainstItselfResampledLosesAboutWhatTheSpecMeasured()
    {
        // §4 real-data table: n_B = 10 000 gave a mean S of 97.5 % (minimum 97.3 %) over 10 trials.
        var profile = ProfileReader.Read(TestPaths.PprofFixture(Gdu));
        var production = CallTree.Build(profile, GduTarget);
        var benchmark = CallTree.Build(ProfileResampler.Resample(profile, 13_340, seed: 1), GduTarget);

        var result = SimilarityScore.Compare(production, benchmark);

        Assert.Multiple(() =>
        {
            Assert.That(result.BenchmarkSamples, Is.InRange(9_500, 10_500));
            Assert.That(result.Similarity, Is.InRange(96.5, 98.5));
            Assert.That(result.Divergences.Sum(d => d.Gap), Is.EqualTo(2 * (100 - result.Similarity)).Within(1e-9));
        });
    }

    [Test]
    public void TwoDifferentProgramsDecomposeExactlyForASharedRuntimeTarget()
    {
        var production = CallTree.Build(ProfileReader.Read(TestPaths.PprofFixture(Gdu)), "runtime.mallocgc");
        var benchmark = CallTree.Build(ProfileReader.Read(TestPaths.PprofFixture(Immutable)), "runtime.mallocgc");

        var result = SimilarityScore.Compare(production, benchmark);

        var kinds = result.Divergences.ToLookup(d => d.Kind, d => d.Gap);
        Assert.Multiple(() =>
        {
            Assert.That(result.Similarity, Is.LessThan(90), "Go 1.24 split mallocgc; gdu's Go did not");
            Assert.That(result.Divergences.Sum(d => d.Gap), Is.EqualTo(2 * (100 - result.Similarity)).Within(1e-9));
            Assert.That(kinds[DivergenceKind.Over].Sum() + kinds[DivergenceKind.Extra].Sum(),
                Is.EqualTo(kinds[DivergenceKind.Under].Sum() + kinds[DivergenceKind.Missing].Sum()).Within(1e-9));
            Assert.That(result.Divergences.Select(d => d.Gap), Is.Ordered.Descending);
        });
    }

    [Test]
    public void GduUnionPrunedAtOnePercentHasTheSpecsNinetyNinePaths()
    {
        // §4: "224 paths -> 99 paths incl. [other]", normalized with the architecture aliases.
        // The spec's 224 unpruned paths are 223 here: runtime.newstack is aliased to
        // runtime.morestack (§3.4), which merges two of them.
        var normalizer = new FrameNormalizer(new FrameNormalizerOptions { AliasSets = FrameAliasSet.Architecture });
        var tree = CallTree.Build(ProfileReader.Read(TestPaths.PprofFixture(Gdu)), GduTarget, normalizer);

        var pruned = SimilarityScore.Compare(tree, tree, prunePercent: 1);
        var unpruned = SimilarityScore.Compare(tree, tree, prunePercent: 0);

        Assert.Multiple(() =>
        {
            Assert.That(pruned.Paths, Is.EqualTo(99));
            Assert.That(unpruned.Paths, Is.EqualTo(223));
        });
    }
}
