package tags

import (
	"math/rand"
	"sort"
	"testing"
)

func TestSortedSetAgreesWithSortAndDedup(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	words := []string{"env:prod", "env:qa", "host:a", "host:b", "team:x", "", "z", "a:b"}
	for trial := 0; trial < 500; trial++ {
		tags := make([]string, rng.Intn(40))
		for i := range tags {
			tags[i] = words[rng.Intn(len(words))]
		}
		want := append([]string(nil), tags...)
		sort.Strings(want)
		want = dedup(want)

		got := sortedSet(append([]string(nil), tags...))

		if len(got) != len(want) {
			t.Fatalf("sortedSet(%q) = %q, want %q", tags, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("sortedSet(%q) = %q, want %q", tags, got, want)
			}
		}
	}
}

func dedup(sorted []string) []string {
	var out []string
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}
