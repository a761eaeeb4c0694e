package main

import (
	"syscall"
	"time"
)

// cpuMeter estimates the CPU time spent in the target, which is what the
// profile samples: the workers' wall time in the target, scaled by the share
// of the workers' wall time the process was running on a CPU. The share
// counts the runtime's own work (GC) as the workers', so the estimate leans
// high by a few percent.
type cpuMeter struct {
	workers  []*worker
	lastWall time.Time
	lastCPU  time.Duration
	lastIn   time.Duration
	estimate time.Duration
}

func newCPUMeter(workers []*worker) *cpuMeter {
	return &cpuMeter{workers: workers, lastWall: time.Now(), lastCPU: processCPU()}
}

// update adds the time since the last update and returns the estimate.
func (m *cpuMeter) update() time.Duration {
	now, cpu, in := time.Now(), processCPU(), m.inTarget()
	share := 1.0
	if wall := now.Sub(m.lastWall) * time.Duration(len(m.workers)); wall > 0 && cpu >= 0 {
		share = float64(cpu-m.lastCPU) / float64(wall)
	}
	if share > 1 {
		share = 1
	}
	m.estimate += time.Duration(float64(in-m.lastIn) * share)
	m.lastWall, m.lastCPU, m.lastIn = now, cpu, in
	return m.estimate
}

func (m *cpuMeter) inTarget() time.Duration {
	var total time.Duration
	for _, w := range m.workers {
		total += time.Duration(w.published.Load())
	}
	return total
}

// processCPU is the CPU time the process has used, or -1 if unknown.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
