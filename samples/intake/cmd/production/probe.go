package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"runtime"
	"strconv"
	"time"

	"intake/internal/snapshot"
	"intake/tags"
)

// probeSite describes the probed method the way the agent reports it.
type probeSite struct {
	service, probeID string
	method           string         // Go symbol of the target
	entry            snapshot.Frame // the target's own frame, at its entry
	caller           string         // symbol of the function calling the target
	mainPath         string
}

func newProbeSite(service, probeID, mainPath string) (probeSite, error) {
	entry, ok := snapshot.FuncFrame(reflect.ValueOf((*tags.Filter).Apply).Pointer(), mainPath)
	if !ok || entry.Function != targetSymbol {
		return probeSite{}, fmt.Errorf("target symbol is %q, want %q", entry.Function, targetSymbol)
	}
	caller := runtime.FuncForPC(reflect.ValueOf((*worker).call).Pointer())
	return probeSite{
		service: service, probeID: probeID, method: targetSymbol, entry: entry,
		caller: caller.Name(), mainPath: mainPath,
	}, nil
}

// targetSymbol is the target's Go symbol, as in profiles and snapshots.
const targetSymbol = "intake/tags.(*Filter).Apply"

// record is one snapshot: filled at entry, completed at return, and then
// kept only as its JSON encoding. The agent captures out of process; holding
// the captured value trees in this heap would give the GC work inside the
// target that the real service does not have.
type record struct {
	envelope  snapshot.Envelope // until the call returns
	encoded   []byte            // the envelope's JSON, once the call returned
	timestamp int64
	stats     snapshot.Stats
	mix       tagStats // the captured batch, as the README states the mix
	call      int64    // the call's number in its worker, from 1
}

// probe plays the agent's part for one worker: it decides at each entry
// whether the call is sampled, and if so captures the arguments and stack
// before the call and the result after it. Its time is spent outside the
// target: the worker starts the target's clock only when entry returns.
type probe struct {
	site      probeSite
	limits    snapshot.Limits
	reservoir *reservoir
	ids       *rand.Rand

	pending *record
	start   time.Time
}

func newProbe(site probeSite, k int, samplingSeed int64) *probe {
	rng := rand.New(rand.NewSource(samplingSeed))
	return &probe{
		site:      site,
		limits:    snapshot.DefaultLimits,
		reservoir: newReservoir(k, rng),
		ids:       rng,
	}
}

// entry runs as the argument list of the target's call is evaluated, so the
// stack it records is the call site's. It returns batch unchanged.
func (p *probe) entry(f *tags.Filter, batch []string) []string {
	p.pending = nil
	if slot := p.reservoir.offer(); slot >= 0 {
		p.pending = p.capture(f, batch)
		p.reservoir.slots[slot] = p.pending
	}
	p.start = time.Now()
	return batch
}

// exit completes a sampled call with its result and duration.
func (p *probe) exit(elapsed time.Duration, result tags.Result) {
	r := p.pending
	if r == nil {
		return
	}
	p.pending = nil
	ret, stats := snapshot.CaptureValue(reflect.ValueOf(result), p.limits)
	r.stats.Add(stats)
	r.envelope.Debugger.Snapshot.Captures.Return = &snapshot.Event{
		Locals: snapshot.Fields{{Name: "@return", Value: ret}},
	}
	d := uint64(elapsed)
	r.envelope.Duration = &d
	r.seal()
}

// seal encodes the completed envelope and lets go of its value trees.
func (r *record) seal() {
	encoded, err := json.Marshal(r.envelope)
	if err != nil {
		panic(fmt.Sprintf("encoding a snapshot: %v", err)) // the types are ours; this cannot fail
	}
	r.mix.addCapturedBatch(&r.envelope)
	r.encoded, r.timestamp, r.envelope = encoded, r.envelope.Timestamp, snapshot.Envelope{}
}

func (p *probe) capture(f *tags.Filter, batch []string) *record {
	now := time.Now()
	receiver, rs := snapshot.CaptureValue(reflect.ValueOf(f), p.limits)
	args, as := snapshot.CaptureValue(reflect.ValueOf(detach(batch)), p.limits)
	r := &record{stats: rs, call: p.reservoir.calls}
	r.stats.Add(as)
	r.envelope = snapshot.Envelope{
		Service:  p.site.service,
		DDSource: snapshot.Source,
		Logger: snapshot.Logger{
			Method: p.site.method, ThreadID: goroutineID(),
		},
		Debugger: snapshot.Debugger{
			Type: "snapshot",
			Snapshot: snapshot.Snapshot{
				ID:        uuid4(p.ids),
				Timestamp: now.UnixMilli(),
				Language:  "go",
				Stack:     p.stack(),
				Probe: snapshot.Probe{
					ID: p.site.probeID, Location: snapshot.Location{Method: p.site.method},
				},
				Captures: snapshot.Captures{Entry: &snapshot.Event{
					Arguments: snapshot.Fields{
						{Name: "f", Value: receiver},
						{Name: "tags", Value: args},
					},
				}},
			},
		},
		Timestamp: now.UnixMilli(),
	}
	return r
}

// stack is the target's frame followed by its caller's stack, from the call
// site down to runtime.goexit.
func (p *probe) stack() []snapshot.Frame {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := snapshot.StackFrames(pcs[:n], p.site.mainPath)
	for i, f := range frames {
		if f.Function == p.site.caller {
			return append([]snapshot.Frame{p.site.entry}, frames[i:]...)
		}
	}
	return append([]snapshot.Frame{p.site.entry}, frames...)
}

// goroutineID reads the current goroutine's id from its stack header
// ("goroutine 7 [running]:"), the thread id the Go agent reports.
func goroutineID() int64 {
	var buf [64]byte
	header := buf[:runtime.Stack(buf[:], false)]
	header = bytes.TrimPrefix(header, []byte("goroutine "))
	if i := bytes.IndexByte(header, ' '); i > 0 {
		id, err := strconv.ParseInt(string(header[:i]), 10, 64)
		if err == nil {
			return id
		}
	}
	return 0
}

// uuid4 draws a random (version 4) UUID from rng, so ids follow the seed.
func uuid4(rng *rand.Rand) string {
	var b [16]byte
	rng.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// detach copies the tags out of the worker's request buffer, which the
// next call overwrites, as the agent copies captured memory out of the
// process.
func detach(batch []string) []string {
	out := make([]string, len(batch))
	for i, tag := range batch {
		out[i] = string([]byte(tag))
	}
	return out
}
