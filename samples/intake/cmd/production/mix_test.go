package main

import (
	"math/rand"
	"reflect"
	"testing"
)

func TestMixHasTheStatedShape(t *testing.T) {
	m := newMix(defaultMix, 3)

	s := measureMix(m, 4, 50000)

	meanBatch := float64(s.Tags) / float64(s.Batches)
	checks := []struct {
		name     string
		got      float64
		low, top float64
	}{
		{"mean batch size", meanBatch, 15, 40},
		{"batches over 100 tags", float64(s.Over100) / float64(s.Batches), 0.005, 0.03},
		{"uppercase share", s.share(s.Uppercase), 0.20, 0.32},
		{"non-ASCII share", s.share(s.NonASCII), 0.02, 0.06},
		{"share over the string limit", s.share(s.OverLimit), 0.001, 0.01},
	}
	for _, c := range checks {
		if c.got < c.low || c.got > c.top {
			t.Errorf("%s = %.4f, want within [%.3f, %.3f]", c.name, c.got, c.low, c.top)
		}
	}
}

func TestMixIsDeterministicGivenTheSeeds(t *testing.T) {
	a, b := newMix(defaultMix, 9), newMix(defaultMix, 9)
	ra, rb := rand.New(rand.NewSource(5)), rand.New(rand.NewSource(5))

	for i := 0; i < 100; i++ {
		ba, bb := a.fill(nil, ra), b.fill(nil, rb)

		if !reflect.DeepEqual(ba, bb) {
			t.Fatalf("batch %d differs:\n%q\n%q", i, ba, bb)
		}
	}
}

func TestFillingABatchDoesNotAllocate(t *testing.T) {
	m := newMix(defaultMix, 1)
	rng := rand.New(rand.NewSource(1))
	batch := make([]string, 0, defaultMix.TailMax+1)

	allocs := testing.AllocsPerRun(1000, func() { batch = m.fill(batch, rng) })

	if allocs != 0 {
		t.Errorf("fill allocated %v times per batch", allocs)
	}
}

func TestTenantPickerFollowsTheWeights(t *testing.T) {
	tenants, err := newTenants()
	if err != nil {
		t.Fatal(err)
	}
	p := newTenantPicker(tenants)
	rng := rand.New(rand.NewSource(1))
	counts := make([]int, len(tenants))
	const draws = 100000

	for i := 0; i < draws; i++ {
		counts[p.pick(rng)]++
	}

	for i, tn := range tenants {
		want := float64(draws) * float64(tn.weight) / 100
		if d := float64(counts[i]) - want; d > 0.02*draws || d < -0.02*draws {
			t.Errorf("tenant %s drawn %d times, want about %.0f", tn.name, counts[i], want)
		}
	}
}
