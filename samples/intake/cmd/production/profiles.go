package main

import (
	"bufio"
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
	tmp     *os.File
	buf     *bufio.Writer
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
	tmp, err := os.CreateTemp(r.dir, ".cpu-window.*")
	if err != nil {
		return err
	}
	r.tmp, r.buf, r.started = tmp, bufio.NewWriterSize(tmp, 1<<20), time.Now()
	if err := pprof.StartCPUProfile(r.buf); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
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
	tmp := r.tmp
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := r.buf.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	path := filepath.Join(r.dir, fmt.Sprintf("cpu-%03d.pprof", len(r.windows)+1))
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	r.windows = append(r.windows, path)
	return nil
}
