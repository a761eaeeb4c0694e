package tags

import (
	"hash/fnv"
	"reflect"
	"strings"
	"testing"
)

func TestApplyDropsTagsMatchedByEachKindOfRule(t *testing.T) {
	f := mustFilter(t,
		LiteralRule("pod_name"),
		LiteralRule("env:dev"),
		PrefixRule("Kube_"),
		RegexpRule(`^version:.*-rc[0-9]*$`),
	)
	in := []string{
		"pod_name:web-7d9f", "env:dev", "kube_namespace:default",
		"version:1.2.0-rc3", "env:prod", "version:1.2.0", "service:api",
	}

	got := f.Apply(in)

	want := Result{Key: fnvOf("env:prod", "service:api", "version:1.2.0"), Kept: 3, Dropped: 4}
	if got != want {
		t.Errorf("Apply = %+v, want %+v", got, want)
	}
}

func TestApplyMergesTagsThatNormalizeToTheSameTag(t *testing.T) {
	f := mustFilter(t)
	in := []string{"ENV:prod", "env:prod", "Env:Prod", "host:a", "host:a"}

	got := f.Apply(in)

	want := Result{Key: fnvOf("env:prod", "host:a"), Kept: 2, Dropped: 0}
	if got != want {
		t.Errorf("Apply = %+v, want %+v", got, want)
	}
}

func TestApplyCountsTagsThatNormalizeToNothingAsDropped(t *testing.T) {
	f := mustFilter(t)

	got := f.Apply([]string{"1234", "!!!", "env:prod"})

	want := Result{Key: fnvOf("env:prod"), Kept: 1, Dropped: 2}
	if got != want {
		t.Errorf("Apply = %+v, want %+v", got, want)
	}
}

func TestApplyKeyDoesNotDependOnInputOrder(t *testing.T) {
	f := mustFilter(t, PrefixRule("tmp"))

	a := f.Apply([]string{"b:2", "a:1", "tmp:x", "c:3"})
	b := f.Apply([]string{"c:3", "tmp:y", "a:1", "b:2"})

	if a.Key != b.Key {
		t.Errorf("keys differ: %x != %x", a.Key, b.Key)
	}
}

func TestApplyDoesNotModifyItsInput(t *testing.T) {
	f := mustFilter(t, LiteralRule("host"))
	in := []string{"Zone:B", "host:x", "ENV:prod", "zone:b"}
	before := append([]string(nil), in...)

	f.Apply(in)

	if !reflect.DeepEqual(in, before) {
		t.Errorf("input changed from %q to %q", before, in)
	}
}

func TestApplyOnEmptyInputFingerprintsTheEmptySet(t *testing.T) {
	f := mustFilter(t)

	got := f.Apply(nil)

	want := Result{Key: fnvOf(), Kept: 0, Dropped: 0}
	if got != want {
		t.Errorf("Apply(nil) = %+v, want %+v", got, want)
	}
}

func TestNewFilterNormalizesLiteralRules(t *testing.T) {
	f := mustFilter(t, LiteralRule("Pod Name"))

	got := f.Apply([]string{"pod_name:x", "other:y"})

	if got.Dropped != 1 || got.Kept != 1 {
		t.Errorf("Apply = %+v, want one kept and one dropped", got)
	}
}

func TestNewFilterReportsEveryBadRule(t *testing.T) {
	_, err := NewFilter(
		RegexpRule("("), LiteralRule("ok"), PrefixRule(" "), Rule{Kind: RuleKind(9), Pattern: "x"},
	)

	if err == nil {
		t.Fatal("NewFilter accepted bad rules")
	}
	for _, want := range []string{"rule 0 (regexp", "rule 2 (prefix", "rule 3 (RuleKind(9)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func mustFilter(t *testing.T, rules ...Rule) *Filter {
	t.Helper()
	f, err := NewFilter(rules...)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fnvOf computes the expected key with the standard library's FNV-1a, each
// tag followed by a zero byte, independently of the package's own loop.
func fnvOf(sorted ...string) uint64 {
	h := fnv.New64a()
	for _, tag := range sorted {
		h.Write([]byte(tag))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
