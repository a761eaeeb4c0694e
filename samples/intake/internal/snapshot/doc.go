// Package snapshot renders Go values and call stacks in the JSON shape of
// Datadog Dynamic Instrumentation snapshots for Go, as emitted by the
// Datadog Agent's out-of-process capture (pkg/dyninst in datadog-agent).
//
// The agent reads a process's memory guided by DWARF; this package reads the
// same values with reflection and applies the same capture limits, counted
// the same way, so that a harness can record snapshots that a consumer of
// real Datadog data must be able to read.
package snapshot
