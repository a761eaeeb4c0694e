using Dodo.Engine.Diagnostics;
using Dodo.Engine.Snapshots;

namespace Dodo.Engine.Tests.GoCodegen;

public class BenchmarkEndToEndTests
{
    private const string FilterSource = """
        package tags

        import (
        	"regexp"
        	"strings"
        )

        // Filter decides which tags a span keeps.
        type Filter struct {
        	literals map[string]struct{}
        	prefixes []string
        	patterns []*regexp.Regexp
        	name     string
        }

        // Apply reports whether any tag is kept.
        func (f *Filter) Apply(tags []string) bool {
        	for _, t := range tags {
        		if _, ok := f.literals[t]; ok {
        			return true
        		}
        		for _, p := range f.prefixes {
        			if strings.HasPrefix(t, p) {
        				return true
        			}
        		}
        		for _, r := range f.patterns {
        			if r.MatchString(t) {
        				return true
        			}
        		}
        	}
        	return false
        }
        """;

    [Test]
    public async Task FilterApplyOnAPointerReceiverWithAMapASliceOfRegexpsAndUnexportedFieldsRuns()
    {
        using var go = new GoWorkspace("intake");
        go.Write("tags", "filter.go", FilterSource);
        var snapshots = go.WriteFile("snapshots.json", """
            [{"debugger": {"snapshot": {"id": "s1", "probe": {"location": {"method": "intake/tags.(*Filter).Apply"}},
              "captures": {"entry": {"arguments": {
                "f": {"type": "*intake/tags.Filter", "address": "0xc000010000", "fields": {
                  "literals": {"type": "map[string]struct {}", "size": "2", "entries": [
                     [{"type": "string", "value": "env:prod"}, {"type": "struct {}", "fields": {}}],
                     [{"type": "string", "value": "db:main"}, {"type": "struct {}", "fields": {}}]]},
                  "prefixes": {"type": "[]string", "size": "1", "elements": [{"type": "string", "value": "team:"}]},
                  "patterns": {"type": "[]*regexp.Regexp", "size": "1", "elements": [
                     {"type": "*regexp.Regexp", "address": "0xc000020000", "fields": {
                        "expr": {"type": "string", "value": "^ver:[0-9]+$"}, "longest": {"type": "bool", "value": "false"}}}]},
                  "name": {"type": "string", "value": "default"}}},
                "tags": {"type": "[]string", "size": "2", "elements": [
                  {"type": "string", "value": "ver:12"}, {"type": "string", "value": "host:a"}]}}}}}}}]
            """);
        var log = new DiagnosticLog();

        var (benchmark, formatted) = await go.GenerateAsync("tags", "intake/tags.(*Filter).Apply",
            SnapshotReader.Read(snapshots, log), log);
        var vet = await go.VetAsync("tags");
        var run = await go.BenchAsync("tags", benchmark.BenchmarkName);

        Assert.Multiple(() =>
        {
            Assert.That(benchmark.BenchmarkName, Is.EqualTo("BenchmarkDodoFilterApply"));
            Assert.That(benchmark.FileName, Is.EqualTo("dodo_filter_apply_test.go"));
            Assert.That(vet.Succeeded, Is.True, vet.StandardError + "\n" + formatted);
            Assert.That(run.Succeeded, Is.True, run.StandardOutput + run.StandardError + "\n" + formatted);
            Assert.That(log.HasErrors, Is.False);
        });
        TestContext.Out.WriteLine(formatted);
    }
}
