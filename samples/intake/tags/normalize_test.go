package tags

import (
	"strings"
	"testing"
)

func TestNormalizeProducesCanonicalTags(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"canonical tag is kept", "env:prod", "env:prod"},
		{"uppercase is lowered", "Env:PROD", "env:prod"},
		{"invalid characters become one underscore", "team:Data Platform!!", "team:data_platform"},
		{"leading non-letters are dropped", "__9env:prod", "env:prod"},
		{"trailing underscores are trimmed", "env:prod__", "env:prod"},
		{"allowed punctuation is kept", "url:/api/v2/series-x.json", "url:/api/v2/series-x.json"},
		{"existing double underscores are kept", "a__b", "a__b"},
		{"tag without letters is empty", "1234:5678", ""},
		{"empty tag is empty", "", ""},
		{"accented letters are lowered", "city:São Paulo", "city:são_paulo"},
		{"accented initial letter is lowered", "région:Île-de-France", "région:île-de-france"},
		{"non-latin letters are kept", "city:東京", "city:東京"},
		{"cyrillic is lowered", "city:МОСКВА", "city:москва"},
		{"invalid utf-8 becomes an underscore", "bad:\xff\xfevalue", "bad:_value"},
		{"symbols outside ascii are replaced", "price:10€", "price:10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Normalize(c.in)

			if got != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNormalizeCutsLongASCIITagsToMaxLength(t *testing.T) {
	long := "query:" + strings.Repeat("SELECT", 60)
	want := "query:" + strings.Repeat("select", 60)[:MaxTagLength-len("query:")]

	got := Normalize(long)

	if got != want {
		t.Errorf("Normalize(long) = %q (%d bytes), want %q", got, len(got), want)
	}
}

func TestNormalizeCutsLongUnicodeTagsOnACharacterBoundary(t *testing.T) {
	// "é" is two bytes, so 6 + 97*2 = 200 bytes fit and the 98th does not.
	long := "place:" + strings.Repeat("é", 150)
	want := "place:" + strings.Repeat("é", 97)

	got := Normalize(long)

	if got != want {
		t.Errorf("Normalize(long) has %d bytes, want %d", len(got), len(want))
	}
}

func TestNormalizeReturnsCanonicalTagsWithoutAllocating(t *testing.T) {
	tag := "kube_namespace:payments-prod"

	allocs := testing.AllocsPerRun(100, func() { _ = Normalize(tag) })

	if allocs != 0 {
		t.Errorf("Normalize allocated %v times for a canonical tag", allocs)
	}
}

func TestNormalizeIsIdempotent(t *testing.T) {
	inputs := []string{
		"Env:PROD", "team:Data Platform!!", "city:São Paulo", "région:Île-de-France",
		"bad:\xff\xfevalue", "query:" + strings.Repeat("Ab ", 100), "__x__",
	}
	for _, in := range inputs {
		once := Normalize(in)

		twice := Normalize(once)

		if twice != once {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", in, twice, once)
		}
	}
}
