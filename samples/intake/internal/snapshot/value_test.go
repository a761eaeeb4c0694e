package snapshot

import (
	"encoding/json"
	"testing"
)

func TestValueMarshalsKeysInTheAgentsOrder(t *testing.T) {
	s := "abc"
	v := Value{
		Type: "T", Address: "0x1", Size: "9", Truncated: true, Value: &s,
		NotCapturedReason: "x",
	}

	got := marshal(t, v)

	want := `{"type":"T","address":"0x1","size":"9","truncated":true,"value":"abc",` +
		`"notCapturedReason":"x"}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestValueMarshalsStringsAsValidJSON(t *testing.T) {
	in := "tab\t nl\n quote\" back\\ ctl\x01 <&> \u2028 bad\xff é"
	v := Value{Type: "string", Value: &in}

	b, _ := v.MarshalJSON()

	var back struct{ Value string }
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	want := "tab\t nl\n quote\" back\\ ctl\x01 <&> \u2028 bad\ufffd é"
	if back.Value != want {
		t.Errorf("round trip = %q, want %q", back.Value, want)
	}
}

func TestFieldsMarshalAsOneObjectInOrder(t *testing.T) {
	one, two := "1", "2"
	fs := Fields{{Name: "z", Value: Value{Type: "int", Value: &one}},
		{Name: "a", Value: Value{Type: "int", Value: &two}}}

	b, _ := fs.MarshalJSON()

	want := `{"z":{"type":"int","value":"1"},"a":{"type":"int","value":"2"}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
