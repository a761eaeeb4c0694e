package main

import "math/rand"

// reservoir keeps a uniform sample of k of the calls one worker made
// (Vitter's algorithm R): call n replaces a random slot with probability k/n.
type reservoir struct {
	slots []*record
	calls int64
	rng   *rand.Rand
}

func newReservoir(k int, rng *rand.Rand) *reservoir {
	return &reservoir{slots: make([]*record, 0, k), rng: rng}
}

// offer counts one more call and tells which slot it takes, or -1.
func (r *reservoir) offer() int {
	r.calls++
	if len(r.slots) < cap(r.slots) {
		r.slots = append(r.slots, nil)
		return len(r.slots) - 1
	}
	if j := r.rng.Int63n(r.calls); j < int64(cap(r.slots)) {
		return int(j)
	}
	return -1
}

// mergeReservoirs draws k calls uniformly from all the workers' calls.
// Each draw picks a worker with probability proportional to its calls not
// yet drawn, then takes a random unused record of that worker's reservoir;
// a reservoir is a uniform sample of its worker's calls, so any subset of
// it drawn at random is too.
func mergeReservoirs(rs []*reservoir, k int, rng *rand.Rand) []*record {
	remaining := make([]int64, len(rs))
	pools := make([][]*record, len(rs))
	var total int64
	for i, r := range rs {
		remaining[i] = r.calls
		total += r.calls
		pools[i] = append([]*record(nil), r.slots...)
		rng.Shuffle(len(pools[i]), func(a, b int) {
			pools[i][a], pools[i][b] = pools[i][b], pools[i][a]
		})
	}
	var out []*record
	for len(out) < k && total > 0 {
		w := rng.Int63n(total)
		i := 0
		for w >= remaining[i] {
			w -= remaining[i]
			i++
		}
		remaining[i]--
		total--
		out = append(out, pools[i][0])
		pools[i] = pools[i][1:]
	}
	return out
}
