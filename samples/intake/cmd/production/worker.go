package main

import (
	"math/rand"
	"sync/atomic"
	"time"
)

// worker is one request-handling goroutine: it draws a tenant and a batch,
// and calls the target through the probe.
type worker struct {
	mix    *mix
	picker tenantPicker
	inputs *rand.Rand
	probe  *probe
	batch  []string

	calls     int64
	perTenant []int64
	inTarget  time.Duration
	keys      uint64 // keeps the results alive

	// published is inTarget, readable while the worker runs.
	published atomic.Int64
}

// callsPerCheck bounds how long a worker runs before it publishes its
// time in the target and looks at the stop flag.
const callsPerCheck = 256

func (w *worker) run(stop *atomic.Bool) {
	for !stop.Load() {
		for i := 0; i < callsPerCheck; i++ {
			w.call()
		}
		w.published.Store(int64(w.inTarget))
	}
}

func (w *worker) call() {
	t := w.picker.pick(w.inputs)
	w.batch = w.mix.fill(w.batch, w.inputs)
	f := w.picker.tenants[t].filter
	result := f.Apply(w.probe.entry(f, w.batch))
	elapsed := time.Since(w.probe.start)
	w.probe.exit(elapsed, result)

	w.calls++
	w.perTenant[t]++
	w.inTarget += elapsed
	w.keys ^= result.Key
}
