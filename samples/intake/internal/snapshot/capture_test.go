package snapshot

import (
	"errors"
	"reflect"
	"regexp"
	"testing"
)

type node struct {
	Val  int
	Next *node
}

type holder struct {
	Err error
	Any interface{}
}

func TestCaptureValueRendersScalarsAsStrings(t *testing.T) {
	cases := []struct {
		name string
		in   interface{}
		want string
	}{
		{"bool", true, `{"type":"bool","value":"true"}`},
		{"negative int", int64(-42), `{"type":"int64","value":"-42"}`},
		{"byte is uint8", byte(200), `{"type":"uint8","value":"200"}`},
		{"rune is int32", 'é', `{"type":"int32","value":"233"}`},
		{"uintptr is hex", uintptr(255), `{"type":"uintptr","value":"0xff"}`},
		{"float64 without exponent", 1e21, `{"type":"float64","value":"1000000000000000000000"}`},
		{"float32 widened", float32(0.1), `{"type":"float32","value":"0.10000000149011612"}`},
		{"complex64", complex64(1 + 2i), `{"type":"complex64","value":"(1+2i)"}`},
		{"string", "a\"b<c>", `{"type":"string","value":"a\"b<c>"}`},
		{"empty string", "", `{"type":"string","value":""}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := capture(t, reflect.ValueOf(c.in), DefaultLimits)

			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestCaptureValueTruncatesLongStringsWithSizeAndFlag(t *testing.T) {
	limits := Limits{MaxLength: 4}

	got, stats := CaptureValue(reflect.ValueOf("abcdef"), limits)

	want := `{"type":"string","size":"6","truncated":true,"value":"abcd"}`
	if s := marshal(t, got); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
	if stats.TruncatedStrings != 1 {
		t.Errorf("TruncatedStrings = %d, want 1", stats.TruncatedStrings)
	}
}

func TestCaptureValueReplacesACharacterSplitByTheLengthLimit(t *testing.T) {
	limits := Limits{MaxLength: 4} // "日本" is 6 bytes: 3 + 3

	got := capture(t, reflect.ValueOf("日本"), limits)

	want := `{"type":"string","size":"6","truncated":true,"value":"日\ufffd"}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueClampsSlicesToTheCollectionSize(t *testing.T) {
	limits := Limits{MaxCollectionSize: 2}

	got := capture(t, reflect.ValueOf([]int{1, 2, 3}), limits)

	want := `{"type":"[]int","size":"3","elements":[{"type":"int","value":"1"},` +
		`{"type":"int","value":"2"}],"notCapturedReason":"collectionSize"}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueKeepsASliceOfExactlyTheCollectionSize(t *testing.T) {
	limits := Limits{MaxCollectionSize: 2}

	got := capture(t, reflect.ValueOf([]int{1, 2}), limits)

	want := `{"type":"[]int","size":"2","elements":[{"type":"int","value":"1"},` +
		`{"type":"int","value":"2"}]}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueMarksNilAndEmptyCollectionsDifferently(t *testing.T) {
	var nilSlice []string
	var nilMap map[string]int

	gotNilSlice := capture(t, reflect.ValueOf(nilSlice), DefaultLimits)
	gotEmpty := capture(t, reflect.ValueOf([]string{}), DefaultLimits)
	gotNilMap := capture(t, reflect.ValueOf(nilMap), DefaultLimits)

	for _, c := range []struct{ got, want string }{
		{gotNilSlice, `{"type":"[]string","isNull":true}`},
		{gotEmpty, `{"type":"[]string","size":"0","elements":[]}`},
		{gotNilMap, `{"type":"map[string]int","isNull":true}`},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

func TestCaptureValueInlinesPointersUntilTheDepthRunsOut(t *testing.T) {
	list := node{Val: 1, Next: &node{Val: 2, Next: &node{Val: 3, Next: &node{Val: 4}}}}
	limits := Limits{MaxReferenceDepth: 2}

	got, stats := CaptureValue(reflect.ValueOf(list), limits)

	nodeType := "intake/internal/snapshot.node"
	want := `{"type":"` + nodeType + `","fields":{` +
		`"Val":{"type":"int","value":"1"},` +
		`"Next":{"type":"*` + nodeType + `","address":"[addr]","fields":{` +
		`"Val":{"type":"int","value":"2"},` +
		`"Next":{"type":"*` + nodeType + `","address":"[addr]","fields":{` +
		`"Val":{"type":"int","value":"3"},` +
		`"Next":{"type":"*` + nodeType + `","notCapturedReason":"depth"}}}}}}}`
	if s := withoutAddresses(marshal(t, got)); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
	if stats.DepthCuts != 1 {
		t.Errorf("DepthCuts = %d, want 1", stats.DepthCuts)
	}
}

func TestCaptureValueReportsAddressOnlyOnThePointerNearestTheData(t *testing.T) {
	n := 7
	p := &n

	got := capture(t, reflect.ValueOf(&p), DefaultLimits)

	want := `{"type":"**int","address":"[addr]","value":"7"}`
	if withoutAddresses(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueChargesOneDepthToEnterAMap(t *testing.T) {
	m := map[string]struct{}{"b": {}, "a": {}}

	atOne := capture(t, reflect.ValueOf(m), Limits{MaxReferenceDepth: 1})
	behindPointer := capture(t, reflect.ValueOf(&m), Limits{MaxReferenceDepth: 1})

	wantOne := `{"type":"map[string]struct {}","size":"2","entries":[` +
		`[{"type":"string","value":"a"},{"type":"struct {}","fields":{}}],` +
		`[{"type":"string","value":"b"},{"type":"struct {}","fields":{}}]]}`
	if atOne != wantOne {
		t.Errorf("got  %s\nwant %s", atOne, wantOne)
	}
	wantCut := `{"type":"*map[string]struct {}","address":"[addr]",` +
		`"notCapturedReason":"depth"}`
	if withoutAddresses(behindPointer) != wantCut {
		t.Errorf("got  %s\nwant %s", behindPointer, wantCut)
	}
}

func TestCaptureValueReadsStringsAndSlicesWhereNoDepthIsLeft(t *testing.T) {
	type leaf struct {
		Name string
		IDs  []int
	}
	v := &leaf{Name: "x", IDs: []int{5}}

	got := capture(t, reflect.ValueOf(v), Limits{MaxReferenceDepth: 1})

	want := `{"type":"*intake/internal/snapshot.leaf","address":"[addr]","fields":{` +
		`"Name":{"type":"string","value":"x"},` +
		`"IDs":{"type":"[]int","size":"1","elements":[{"type":"int","value":"5"}]}}}`
	if withoutAddresses(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueWrapsInterfacesInADataField(t *testing.T) {
	h := holder{Err: errors.New("boom"), Any: 12}

	got := capture(t, reflect.ValueOf(h), DefaultLimits)

	want := `{"type":"intake/internal/snapshot.holder","fields":{` +
		`"Err":{"type":"error","fields":{"data":{"type":"*errors.errorString",` +
		`"address":"[addr]","fields":{"s":{"type":"string","value":"boom"}}}}},` +
		`"Any":{"type":"interface {}","fields":{"data":{"type":"int","value":"12"}}}}}`
	if withoutAddresses(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueChargesOneDepthToFollowAnInterface(t *testing.T) {
	h := &holder{Any: "deep"}

	got := capture(t, reflect.ValueOf(h), Limits{MaxReferenceDepth: 1})

	want := `{"type":"*intake/internal/snapshot.holder","address":"[addr]","fields":{` +
		`"Err":{"type":"error","isNull":true},` +
		`"Any":{"type":"interface {}","fields":{"data":{"type":"string",` +
		`"notCapturedReason":"depth"}}}}}`
	if withoutAddresses(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueReportsCyclesWhenDepthIsUnlimited(t *testing.T) {
	loop := &node{Val: 1}
	loop.Next = loop

	got := capture(t, reflect.ValueOf(loop), Limits{})

	want := `{"type":"*intake/internal/snapshot.node","address":"[addr]","fields":{` +
		`"Val":{"type":"int","value":"1"},` +
		`"Next":{"type":"*intake/internal/snapshot.node","address":"[addr]",` +
		`"notCapturedReason":"circular reference"}}}`
	if withoutAddresses(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCaptureValueStopsSelfReferencingSlices(t *testing.T) {
	type nested []nested
	s := nested{nil}
	s[0] = s

	got, _ := CaptureValue(reflect.ValueOf(s), DefaultLimits)

	depth := 0
	for v := got; v.NotCapturedReason == ""; v = v.Elements[0] {
		depth++
	}
	if depth != maxNesting {
		t.Errorf("stopped after %d levels, want %d", depth, maxNesting)
	}
}

func TestCaptureValueDoesNotDecodeChannelsOrFunctions(t *testing.T) {
	ch := make(chan int)
	fn := func() {}

	gotChan := capture(t, reflect.ValueOf(ch), DefaultLimits)
	gotFunc := capture(t, reflect.ValueOf(fn), DefaultLimits)

	if want := `{"type":"chan int","notCapturedReason":"unimplemented"}`; gotChan != want {
		t.Errorf("got  %s\nwant %s", gotChan, want)
	}
	if want := `{"type":"func()","notCapturedReason":"unimplemented"}`; gotFunc != want {
		t.Errorf("got  %s\nwant %s", gotFunc, want)
	}
}

func TestCaptureValueKeepsTheRegexpSourceOfAReceiverUnderDefaultLimits(t *testing.T) {
	type receiver struct{ patterns []*regexp.Regexp }
	r := &receiver{patterns: []*regexp.Regexp{regexp.MustCompile(`^a+b$`)}}

	got, _ := CaptureValue(reflect.ValueOf(r), DefaultLimits)

	re := got.Fields[0].Value.Elements[0]
	if re.Type != "*regexp.Regexp" || re.Fields == nil {
		t.Fatalf("regexp not captured: %s", marshal(t, re))
	}
	expr := re.Fields[0]
	if expr.Name != "expr" || expr.Value.Value == nil || *expr.Value.Value != `^a+b$` {
		t.Errorf("expr field = %s", marshal(t, expr.Value))
	}
}

func capture(t *testing.T, v reflect.Value, limits Limits) string {
	t.Helper()
	got, _ := CaptureValue(v, limits)
	return marshal(t, got)
}

func marshal(t *testing.T, v Value) string {
	t.Helper()
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var addressPattern = regexp.MustCompile(`"address":"0x[0-9a-f]+"`)

func withoutAddresses(s string) string {
	return addressPattern.ReplaceAllString(s, `"address":"[addr]"`)
}
