package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The recorded outputs in ../../production are committed; these tests check
// that they are what the README says they are.

const recordedDir = "../../production/"

// envelope is the part of a snapshot envelope these checks read, decoded
// independently of package snapshot's types.
type envelope struct {
	Service  string `json:"service"`
	DDSource string `json:"ddsource"`
	Logger   struct {
		Method   string `json:"method"`
		ThreadID int64  `json:"thread_id"`
	} `json:"logger"`
	Debugger struct {
		Type     string `json:"type"`
		Snapshot struct {
			ID        string `json:"id"`
			Timestamp int64  `json:"timestamp"`
			Language  string `json:"language"`
			Stack     []struct {
				Function   string `json:"function"`
				FileName   string `json:"fileName"`
				LineNumber int    `json:"lineNumber"`
			} `json:"stack"`
			Probe struct {
				ID       string `json:"id"`
				Location struct {
					Method string `json:"method"`
				} `json:"location"`
			} `json:"probe"`
			Captures struct {
				Entry struct {
					Arguments map[string]capturedValue `json:"arguments"`
				} `json:"entry"`
				Return struct {
					Locals map[string]capturedValue `json:"locals"`
				} `json:"return"`
			} `json:"captures"`
		} `json:"snapshot"`
	} `json:"debugger"`
	Timestamp int64   `json:"timestamp"`
	Duration  *uint64 `json:"duration"`
}

type capturedValue struct {
	Type              string                   `json:"type"`
	Value             *string                  `json:"value"`
	Size              string                   `json:"size"`
	Truncated         bool                     `json:"truncated"`
	IsNull            bool                     `json:"isNull"`
	Fields            map[string]capturedValue `json:"fields"`
	Elements          []capturedValue          `json:"elements"`
	Entries           [][]capturedValue        `json:"entries"`
	NotCapturedReason string                   `json:"notCapturedReason"`
}

func TestRecordedSnapshotsAreDatadogGoSnapshotsOfTheTarget(t *testing.T) {
	envelopes := readRecordedSnapshots(t)

	if n := len(envelopes); n < 250 || n > 300 {
		t.Errorf("%d snapshots, want 250 to 300", n)
	}
	ids := map[string]bool{}
	for i, e := range envelopes {
		s := e.Debugger.Snapshot
		problems := []string{}
		check := func(ok bool, what string) {
			if !ok {
				problems = append(problems, what)
			}
		}
		check(e.DDSource == "dd_debugger" && e.Service == "intake", "service/ddsource")
		check(e.Logger.Method == targetSymbol && s.Probe.Location.Method == targetSymbol, "method")
		check(e.Debugger.Type == "snapshot" && s.Language == "go", "type/language")
		check(len(s.ID) == 36 && !ids[s.ID], "unique UUID id")
		check(e.Timestamp == s.Timestamp && e.Timestamp > 1.5e12, "timestamp in ms")
		check(e.Duration != nil && *e.Duration > 0, "duration")
		check(len(s.Stack) >= 3 && s.Stack[0].Function == targetSymbol &&
			s.Stack[len(s.Stack)-1].Function == "runtime.goexit", "stack")
		f, tags := s.Captures.Entry.Arguments["f"], s.Captures.Entry.Arguments["tags"]
		check(f.Type == "*intake/tags.Filter" && f.Fields != nil, "receiver f")
		check(tags.Type == "[]string" && tags.Size != "", "argument tags")
		check(s.Captures.Return.Locals["@return"].Type == "intake/tags.Result", "@return")
		if len(problems) > 0 {
			t.Errorf("snapshot %d (%s): bad %s", i, s.ID, strings.Join(problems, ", "))
		}
		ids[s.ID] = true
	}
}

func TestRecordedReceiversKeepEveryRegexpSource(t *testing.T) {
	envelopes := readRecordedSnapshots(t)
	known := map[string]bool{}
	for _, tr := range tenantRules {
		for _, r := range tr.rules {
			known[r.Pattern] = true
		}
	}

	for i, e := range envelopes {
		patterns := e.Debugger.Snapshot.Captures.Entry.Arguments["f"].Fields["patterns"]

		for _, re := range patterns.Elements {
			expr := re.Fields["expr"].Value
			if re.Type != "*regexp.Regexp" || expr == nil || !known[*expr] {
				t.Errorf("snapshot %d: pattern %s has no known expr", i, re.Type)
			}
		}
	}
}

func TestRecordedTagMixMatchesTheConfiguredMix(t *testing.T) {
	envelopes := readRecordedSnapshots(t)
	want := measureMix(newMix(defaultMix, 1), 1, 200000)

	var got tagStats
	for _, e := range envelopes {
		tags := e.Debugger.Snapshot.Captures.Entry.Arguments["tags"]
		got.Batches++
		if size, _ := strconv.Atoi(tags.Size); size > 100 {
			got.Over100++
		}
		for _, tag := range tags.Elements {
			size, err := strconv.Atoi(tag.Size)
			if err != nil {
				size = len(*tag.Value)
			}
			got.addTag(*tag.Value, size)
		}
	}

	t.Logf("configured: %s", want)
	t.Logf("recorded:   %s", got)
	// Tolerances are several standard errors of a sample of this size.
	compare := func(name string, got, want, tolerance float64) {
		if math.Abs(got-want) > tolerance {
			t.Errorf("%s = %.4f, configured %.4f (± %.4f)", name, got, want, tolerance)
		}
	}
	compare("tags per batch", float64(got.Tags)/float64(got.Batches),
		float64(want.Tags)/float64(want.Batches), 4)
	compare("uppercase share", got.share(got.Uppercase), want.share(want.Uppercase), 0.04)
	compare("non-ASCII share", got.share(got.NonASCII), want.share(want.NonASCII), 0.015)
	compare("share over the string limit", got.share(got.OverLimit), want.share(want.OverLimit), 0.005)
	compare("batches over 100 tags", float64(got.Over100)/float64(got.Batches),
		float64(want.Over100)/float64(want.Batches), 0.03)
}

func TestRecordedProfilesAreGzippedProfiles(t *testing.T) {
	paths, err := filepath.Glob(recordedDir + profilePattern)
	if err != nil {
		t.Fatal(err)
	}

	if len(paths) < 2 {
		t.Errorf("found %d profile windows, want several", len(paths))
	}
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			t.Errorf("%s does not start with the gzip magic", path)
		}
	}
}

func readRecordedSnapshots(t *testing.T) []envelope {
	t.Helper()
	b, err := os.ReadFile(recordedDir + "snapshots.json")
	if err != nil {
		t.Fatal(err)
	}
	var envelopes []envelope
	if err := json.Unmarshal(b, &envelopes); err != nil {
		t.Fatalf("snapshots.json is not a JSON array of envelopes: %v", err)
	}
	return envelopes
}
