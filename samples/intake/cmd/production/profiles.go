package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"
)

// profileRecorder records the CPU profile in back-to-back windows, one file
// each (cpu-001.pprof, cpu-002.pprof, …), the way Datadog's Go profiler
// uploads a 60-second profile every minute; a production window is many
// such profiles, merged by whoever reads them.
type profileRecorder struct {
	dir    string
	period time.Duration

	windows []string
	window  *pendingFile
	started time.Time
}

// profilePattern names the windows; removeStale and the README use it too.
const profilePattern = "cpu-*.pprof"

// removeStale deletes the windows of an earlier run, which a reader that
// merges every cpu-*.pprof would otherwise mix into this one.
func (r *profileRecorder) removeStale() error {
	stale, err := filepath.Glob(filepath.Join(r.dir, profilePattern))
	if err != nil {
		return err
	}
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}

// begin opens the next window.
func (r *profileRecorder) begin() error {
	window, err := createPending(r.dir, ".cpu-window.*")
	if err != nil {
		return err
	}
	r.window, r.started = window, time.Now()
	if err := pprof.StartCPUProfile(window); err != nil {
		window.discard()
		return err
	}
	return nil
}

// rotate closes the open window and opens the next once the window is
// period long.
func (r *profileRecorder) rotate() error {
	if time.Since(r.started) < r.period {
		return nil
	}
	if err := r.end(); err != nil {
		return err
	}
	return r.begin()
}

// end closes the open window and renames it into place.
func (r *profileRecorder) end() error {
	pprof.StopCPUProfile()
	path := filepath.Join(r.dir, fmt.Sprintf("cpu-%03d.pprof", len(r.windows)+1))
	if err := r.window.commit(path); err != nil {
		return err
	}
	r.windows = append(r.windows, path)
	return nil
}
