package main

import (
	"math"
	"math/rand"
	"testing"
)

func TestReservoirKeepsEachCallWithEqualProbability(t *testing.T) {
	const calls, k, trials = 40, 5, 20000
	rng := rand.New(rand.NewSource(7))
	kept := make([]int, calls)

	for trial := 0; trial < trials; trial++ {
		r := newReservoir(k, rng)
		for call := 0; call < calls; call++ {
			if slot := r.offer(); slot >= 0 {
				r.slots[slot] = &record{call: int64(call)}
			}
		}
		for _, rec := range r.slots {
			kept[callOf(rec)]++
		}
	}

	assertUniform(t, kept, float64(trials)*k/calls)
}

func TestMergeReservoirsSamplesUniformlyAcrossUnevenWorkers(t *testing.T) {
	const k, trials = 4, 20000
	perWorker := []int{30, 10, 2}
	rng := rand.New(rand.NewSource(11))
	total := 0
	for _, n := range perWorker {
		total += n
	}
	kept := make([]int, total)

	for trial := 0; trial < trials; trial++ {
		var rs []*reservoir
		first := 0
		for _, n := range perWorker {
			r := newReservoir(k, rng)
			for call := first; call < first+n; call++ {
				if slot := r.offer(); slot >= 0 {
					r.slots[slot] = &record{call: int64(call)}
				}
			}
			rs = append(rs, r)
			first += n
		}
		merged := mergeReservoirs(rs, k, rng)
		if len(merged) != k {
			t.Fatalf("merged %d records, want %d", len(merged), k)
		}
		for _, rec := range merged {
			kept[callOf(rec)]++
		}
	}

	assertUniform(t, kept, float64(trials)*k/float64(total))
}

func TestMergeReservoirsReturnsEveryCallWhenThereAreFewerThanK(t *testing.T) {
	r := newReservoir(10, rand.New(rand.NewSource(1)))
	for call := 0; call < 3; call++ {
		r.slots[r.offer()] = &record{call: int64(call)}
	}

	merged := mergeReservoirs([]*reservoir{r}, 10, rand.New(rand.NewSource(2)))

	if len(merged) != 3 {
		t.Errorf("merged %d records, want all 3", len(merged))
	}
}

func callOf(r *record) int { return int(r.call) }

// assertUniform checks every count against the expected mean, allowing five
// binomial standard deviations.
func assertUniform(t *testing.T, counts []int, mean float64) {
	t.Helper()
	tolerance := 5 * math.Sqrt(mean)
	for i, c := range counts {
		if math.Abs(float64(c)-mean) > tolerance {
			t.Errorf("call %d kept %d times, want %.0f ± %.0f", i, c, mean, tolerance)
		}
	}
}
