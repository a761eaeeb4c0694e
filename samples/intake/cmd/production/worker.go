package main

import (
	"math/rand"
	"sync/atomic"
	"time"
	"unsafe"
)

// activeSeries is how many distinct tag batches a worker serves at a time.
// A metrics intake sees the same series again and again (every host resends
// its series every interval), so what the target reads is a bounded, warm
// population of batches, renewed slowly as pods and hosts come and go.
const activeSeries = 16

// churn is the chance, per call, that one series is replaced by a new one.
const churn = 0.001

// request is one decoded batch: its tenant, its payload bytes, and the tags,
// which are views of the payload.
type request struct {
	tenant  int
	payload []byte
	tags    []string
}

// worker is one request-handling goroutine: each call filters one of its
// active series, drawn at random, through the probe.
type worker struct {
	mix    *mix
	picker tenantPicker
	inputs *rand.Rand
	probe  *probe
	batch  []string

	series [activeSeries]request

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
	w.fillSeries()
	for !stop.Load() {
		for i := 0; i < callsPerCheck; i++ {
			w.call()
		}
		w.published.Store(int64(w.inTarget))
	}
}

// fillSeries decodes the worker's first population of series.
func (w *worker) fillSeries() {
	for i := range w.series {
		w.decode(&w.series[i])
	}
}

func (w *worker) call() {
	if w.inputs.Float64() < churn {
		w.decode(&w.series[w.inputs.Intn(activeSeries)])
	}
	r := &w.series[w.inputs.Intn(activeSeries)]
	f := w.picker.tenants[r.tenant].filter
	result := f.Apply(w.probe.entry(f, r.tags))
	elapsed := time.Since(w.probe.start)
	w.probe.exit(elapsed, result)

	w.calls++
	w.perTenant[r.tenant]++
	w.inTarget += elapsed
	w.keys ^= result.Key
}

// decode plays the intake's decoder for a new series: its batch arrives as
// one payload, read into the slot's buffer, and each tag is a view of its
// bytes. Buffers are reused, so churn allocates nothing that would change
// the GC's work inside the target. A view is valid until its slot is
// decoded again; Apply keeps none.
func (w *worker) decode(r *request) {
	r.tenant = w.picker.pick(w.inputs)
	w.batch = w.mix.fill(w.batch, w.inputs)
	size := 0
	for _, tag := range w.batch {
		size += len(tag)
	}
	if cap(r.payload) < size {
		r.payload = make([]byte, 0, 2*size)
	}
	r.payload = r.payload[:0]
	for _, tag := range w.batch {
		r.payload = append(r.payload, tag...)
	}
	r.tags = r.tags[:0]
	start := 0
	for _, tag := range w.batch {
		end := start + len(tag)
		r.tags = append(r.tags, view(r.payload[start:end]))
		start = end
	}
}

// view is a string sharing b's bytes.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return *(*string)(unsafe.Pointer(&b))
}
