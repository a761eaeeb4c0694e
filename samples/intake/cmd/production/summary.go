package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"intake/internal/snapshot"
)

// printSummary reports what was recorded and how it compares with the mix
// the harness was configured to send.
func printSummary(out io.Writer, o options, tenants []tenant, workers []*worker,
	records []*record, elapsed, cpu time.Duration, m *mix, windows []string) {
	var calls int64
	perTenant := make([]int64, len(tenants))
	var inTarget time.Duration
	for _, w := range workers {
		calls += w.calls
		inTarget += w.inTarget
		for i, n := range w.perTenant {
			perTenant[i] += n
		}
	}
	fmt.Fprintf(out, "ran %s with %d workers: %d calls of %s (%.1f µs each)\n",
		elapsed.Round(time.Second), len(workers), calls, targetSymbol,
		float64(inTarget.Microseconds())/float64(calls))
	for i, t := range tenants {
		share := 100 * float64(perTenant[i]) / float64(calls)
		fmt.Fprintf(out, "  tenant %-9s %5.1f%% of calls\n", t.name, share)
	}
	fmt.Fprintf(out, "target CPU estimate: %.0f s (≈ %.0f samples at 100 Hz); process CPU: %s\n",
		cpu.Seconds(), cpu.Seconds()*100, processCPU().Round(time.Second))

	var truncations snapshot.Stats
	var sampled tagStats
	for _, r := range records {
		truncations.Add(r.stats)
		sampled.add(r.mix)
	}
	fmt.Fprintf(out, "snapshots: %d (%s); truncations: %d strings, %d collections, %d depth\n",
		len(records), fileSize(filepath.Join(o.out, "snapshots.json")),
		truncations.TruncatedStrings, truncations.ClampedCollections, truncations.DepthCuts)
	fmt.Fprintf(out, "configured mix: %s\n", measureMix(m, o.seed, 200000))
	fmt.Fprintf(out, "snapshot mix:   %s\n", sampled)
	size := int64(0)
	for _, path := range windows {
		if info, err := os.Stat(path); err == nil {
			size += info.Size()
		}
	}
	fmt.Fprintf(out, "cpu profiles: %d windows of %s, %.2f MB\n", len(windows), o.profilePeriod, float64(size)/1e6)
}

// addCapturedBatch counts the tags of a snapshot's "tags" argument, using
// the original length of truncated strings.
func (s *tagStats) addCapturedBatch(e *snapshot.Envelope) {
	args := e.Debugger.Snapshot.Captures.Entry.Arguments
	for _, a := range args {
		if a.Name != "tags" {
			continue
		}
		s.Batches++
		if n := atoiOr(a.Value.Size, len(a.Value.Elements)); n > 100 {
			s.Over100++
		}
		for _, e := range a.Value.Elements {
			if e.Value != nil {
				s.addTag(*e.Value, atoiOr(e.Size, len(*e.Value)))
			}
		}
	}
}

func (s *tagStats) add(o tagStats) {
	s.Batches += o.Batches
	s.Tags += o.Tags
	s.Over100 += o.Over100
	s.Uppercase += o.Uppercase
	s.NonASCII += o.NonASCII
	s.OverLimit += o.OverLimit
}

func atoiOr(s string, fallback int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fallback
	}
	return n
}

func fileSize(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%.2f MB", float64(fi.Size())/1e6)
}
