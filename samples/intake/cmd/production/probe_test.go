package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"strings"
	"testing"

	"intake/internal/snapshot"
	"intake/tags"
)

func TestSampledCallIsCapturedAtItsCallSite(t *testing.T) {
	w := testWorker(t, 10)

	w.call()

	stack := sealed(t, w.probe.reservoir.slots[0]).Debugger.Snapshot.Stack
	if stack[0].Function != targetSymbol || stack[0].FileName != "intake/tags/filter.go" {
		t.Errorf("first frame = %+v, want the target", stack[0])
	}
	wantLine := lineContaining(t, "worker.go", "f.Apply(")
	// Package main's symbols start with "main." in a command and with the
	// import path in its test binary.
	if !strings.HasSuffix(stack[1].Function, ".(*worker).call") || stack[1].LineNumber != wantLine ||
		stack[1].FileName != "intake/cmd/production/worker.go" {
		t.Errorf("second frame = %+v, want the call at worker.go:%d", stack[1], wantLine)
	}
	if last := stack[len(stack)-1]; last.Function != "runtime.goexit" {
		t.Errorf("last frame = %+v, want runtime.goexit", last)
	}
}

func TestSampledCallCapturesReceiverArgumentsResultAndDuration(t *testing.T) {
	w := testWorker(t, 10)

	w.call()

	rec := w.probe.reservoir.slots[0]
	env := sealed(t, rec)
	args := env.Debugger.Snapshot.Captures.Entry.Arguments
	if len(args) != 2 || args["f"].Type != "*intake/tags.Filter" || args["tags"].Type != "[]string" ||
		bytes.Index(rec.encoded, []byte(`"f":`)) > bytes.Index(rec.encoded, []byte(`"tags":`)) {
		t.Errorf("arguments = %+v, want f then tags", args)
	}
	if ret := env.Debugger.Snapshot.Captures.Return.Locals["@return"]; ret.Type != "intake/tags.Result" {
		t.Errorf("return capture = %+v", ret)
	}
	if env.Duration == nil || *env.Duration == 0 {
		t.Error("duration missing")
	}
	if env.Logger.Method != targetSymbol || env.Logger.ThreadID == 0 {
		t.Errorf("logger = %+v", env.Logger)
	}
}

// sealed decodes a completed record's JSON, independently of package
// snapshot's types.
func sealed(t *testing.T, rec *record) envelope {
	t.Helper()
	if rec.envelope.Debugger.Snapshot.ID != "" {
		t.Error("the record still holds its value trees after the call returned")
	}
	var env envelope
	if err := json.Unmarshal(rec.encoded, &env); err != nil {
		t.Fatalf("record JSON: %v", err)
	}
	return env
}

func TestUnsampledCallsLeaveNoPendingCapture(t *testing.T) {
	w := testWorker(t, 1)
	w.call()

	w.call()
	w.call()

	if w.probe.pending != nil {
		t.Error("a capture is still pending after the call returned")
	}
	if w.probe.reservoir.calls != 3 {
		t.Errorf("reservoir counted %d calls, want 3", w.probe.reservoir.calls)
	}
}

func TestEveryTenantReceiverKeepsItsRegexpSourcesUnderDefaultLimits(t *testing.T) {
	tenants, err := newTenants()
	if err != nil {
		t.Fatal(err)
	}
	for i, tn := range tenants {
		var want []string
		for _, r := range tenantRules[i].rules {
			if r.Kind == tags.Regexp {
				want = append(want, r.Pattern)
			}
		}

		got := capturedRegexpSources(t, tn)

		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("tenant %s: captured sources %q, want %q", tn.name, got, want)
		}
	}
}

func capturedRegexpSources(t *testing.T, tn tenant) []string {
	t.Helper()
	site, err := newProbeSite("intake", "probe", "intake/cmd/production")
	if err != nil {
		t.Fatal(err)
	}
	p := newProbe(site, 1, 1)
	rec := p.capture(tn.filter, nil)
	f := rec.envelope.Debugger.Snapshot.Captures.Entry.Arguments[0].Value
	var sources []string
	for _, field := range f.Fields {
		if field.Name != "patterns" {
			continue
		}
		for _, re := range field.Value.Elements {
			sources = append(sources, fieldValue(re, "expr"))
		}
	}
	return sources
}

func fieldValue(v snapshot.Value, name string) string {
	for _, f := range v.Fields {
		if f.Name == name && f.Value.Value != nil {
			return *f.Value.Value
		}
	}
	return "<not captured>"
}

func testWorker(t *testing.T, k int) *worker {
	t.Helper()
	tenants, err := newTenants()
	if err != nil {
		t.Fatal(err)
	}
	site, err := newProbeSite("intake", "probe", "intake/cmd/production")
	if err != nil {
		t.Fatal(err)
	}
	w := &worker{
		mix:       newMix(defaultMix, 1),
		picker:    newTenantPicker(tenants),
		inputs:    rand.New(rand.NewSource(1)),
		probe:     newProbe(site, k, 2),
		perTenant: make([]int64, len(tenants)),
	}
	w.fillSeries()
	return w
}

func TestAWorkerFiltersOneOfItsActiveSeries(t *testing.T) {
	w := testWorker(t, 1)

	w.call()

	captured := sealed(t, w.probe.reservoir.slots[0]).Debugger.Snapshot.Captures.Entry.Arguments["tags"]
	found := false
	for _, r := range w.series {
		found = found || equalTags(capturedTags(captured), r.tags)
	}
	if !found {
		t.Errorf("the captured batch is none of the worker's series: %v", capturedTags(captured))
	}
}

func capturedTags(v capturedValue) []string {
	var tags []string
	for _, e := range v.Elements {
		if e.Value != nil {
			tags = append(tags, *e.Value)
		}
	}
	return tags
}

func equalTags(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lineContaining finds the line of a source file that contains text, to
// know independently where the target is called from.
func lineContaining(t *testing.T, file, text string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for line := 1; s.Scan(); line++ {
		if strings.Contains(s.Text(), text) {
			return line
		}
	}
	t.Fatalf("%s has no line containing %q", file, text)
	return 0
}
