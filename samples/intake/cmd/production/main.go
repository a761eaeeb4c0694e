// Command production drives the intake/tags service the way production
// traffic does and records the telemetry Dodo.Build learns from: a CPU
// profile of the whole process and Datadog-shaped snapshots of calls to the
// target, intake/tags.(*Filter).Apply.
//
//	cd samples/intake && GOPROXY=off go run ./cmd/production -duration 3m
//
// The input stream of each worker is a function of -seed and the worker's
// index, and so is the choice of sampled calls given the number of calls each
// worker made; wall-clock values (timestamps, durations, addresses, goroutine
// ids) are those of the run.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"intake/internal/snapshot"
)

// stringLimit is the snapshot string limit the mix's long tags exceed.
var stringLimit = snapshot.DefaultLimits.MaxLength

type options struct {
	duration, maxDuration, targetCPU time.Duration
	profilePeriod                    time.Duration
	workers, snapshots               int
	seed                             int64
	out, service                     string
}

func main() {
	var o options
	flag.DurationVar(&o.duration, "duration", 3*time.Minute, "how long to drive the service at least")
	flag.DurationVar(&o.targetCPU, "target-cpu", 2000*time.Second,
		"after -duration, keep going until the target has used this much CPU (0: do not)")
	flag.DurationVar(&o.maxDuration, "max-duration", 45*time.Minute, "hard limit on the run's length")
	flag.DurationVar(&o.profilePeriod, "profile-period", time.Minute, "length of each CPU profile window")
	flag.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "request-handling goroutines")
	flag.IntVar(&o.snapshots, "snapshots", 280, "snapshots to keep, sampled uniformly over calls")
	flag.Int64Var(&o.seed, "seed", 1, "seed of the input stream and of the sampling")
	flag.StringVar(&o.out, "out", "production", "folder for the cpu-NNN.pprof windows and snapshots.json")
	flag.StringVar(&o.service, "service", "intake", "service name reported in snapshots")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "production:", err)
		os.Exit(1)
	}
}

func (o options) validate() error {
	switch {
	case o.duration <= 0:
		return errors.New("-duration must be positive")
	case o.maxDuration < o.duration:
		return errors.New("-max-duration must be at least -duration")
	case o.workers < 1:
		return errors.New("-workers must be at least 1")
	case o.snapshots < 1:
		return errors.New("-snapshots must be at least 1")
	case o.profilePeriod < time.Second:
		return errors.New("-profile-period must be at least 1s")
	case o.targetCPU < 0:
		return errors.New("-target-cpu must not be negative")
	}
	return nil
}

func run(o options) error {
	if err := o.validate(); err != nil {
		return err
	}
	tenants, err := newTenants()
	if err != nil {
		return err
	}
	m := newMix(defaultMix, o.seed)
	site, err := newProbeSite(o.service, uuid4(rand.New(rand.NewSource(o.seed))), mainPath())
	if err != nil {
		return err
	}
	workers := make([]*worker, o.workers)
	for i := range workers {
		workers[i] = &worker{
			mix:       m,
			picker:    newTenantPicker(tenants),
			inputs:    rand.New(rand.NewSource(o.seed*1_000_003 + int64(i))),
			probe:     newProbe(site, o.snapshots, o.seed*1_000_033+int64(i)),
			perTenant: make([]int64, len(tenants)),
		}
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}

	profiles := &profileRecorder{dir: o.out, period: o.profilePeriod}
	if err := profiles.removeStale(); err != nil {
		return err
	}
	if err := profiles.begin(); err != nil {
		return err
	}
	elapsed, cpu, err := drive(o, workers, profiles)
	if err != nil {
		return err
	}
	if err := profiles.end(); err != nil {
		return err
	}

	records := sampledRecords(workers, o)
	err = writeFileAtomic(filepath.Join(o.out, "snapshots.json"), func(w *bufio.Writer) error {
		return writeSnapshots(w, records)
	})
	if err != nil {
		return err
	}
	printSummary(os.Stdout, o, tenants, workers, records, elapsed, cpu, m, profiles.windows)
	return nil
}

// drive runs the workers until the run is long enough, rotating the profile
// windows; it returns the run's length and the estimated CPU time spent in
// the target.
func drive(o options, workers []*worker, profiles *profileRecorder) (time.Duration, time.Duration, error) {
	var stop atomic.Bool
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			w.run(&stop)
		}(w)
	}
	start := time.Now()
	lastReport := start
	meter := newCPUMeter(workers)
	for {
		time.Sleep(time.Second)
		elapsed := time.Since(start)
		cpu := meter.update()
		if err := profiles.rotate(); err != nil {
			stop.Store(true)
			wg.Wait()
			return 0, 0, err
		}
		if time.Since(lastReport) >= 30*time.Second {
			fmt.Fprintf(os.Stderr, "%4.0fs: target CPU %.0fs\n", elapsed.Seconds(), cpu.Seconds())
			lastReport = time.Now()
		}
		if elapsed >= o.maxDuration || elapsed >= o.duration && cpu >= o.targetCPU {
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	for _, w := range workers {
		w.published.Store(int64(w.inTarget))
	}
	return time.Since(start), meter.update(), nil
}

// sampledRecords merges the workers' reservoirs into one uniform sample,
// in the order the calls were made.
func sampledRecords(workers []*worker, o options) []*record {
	rs := make([]*reservoir, len(workers))
	for i, w := range workers {
		rs[i] = w.probe.reservoir
	}
	records := mergeReservoirs(rs, o.snapshots, rand.New(rand.NewSource(o.seed)))
	sort.SliceStable(records, func(i, j int) bool {
		return records[i].timestamp < records[j].timestamp
	})
	return records
}

// writeSnapshots writes the intake payload, a JSON array of envelopes, as
// the agent sends it: compact, with one envelope per line to keep it legible.
func writeSnapshots(w *bufio.Writer, records []*record) error {
	w.WriteString("[\n")
	for i, r := range records {
		w.Write(r.encoded)
		if i < len(records)-1 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
	}
	_, err := w.WriteString("]\n")
	return err
}

// mainPath is this command's import path, which stack frames report for
// functions of package main.
func mainPath() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Path != "" {
		return info.Path
	}
	return "intake/cmd/production"
}
