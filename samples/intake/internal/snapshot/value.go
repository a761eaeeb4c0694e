package snapshot

import "unicode/utf8"

// Value is one captured value (Datadog's "CapturedValue"). Its JSON keys are
// written in the order the agent writes them; absent keys are omitted.
type Value struct {
	// Type is the static type name; empty only on a multi-result wrapper.
	Type   string
	IsNull bool
	// Address is the hex address of a pointer's target ("0xc000124000").
	Address string
	// Size is the original length of a collection or of a truncated string.
	Size      string
	Truncated bool
	// Value holds scalars and strings, always as a string.
	Value *string
	// Fields, Elements and Entries are written when non-nil, even if empty.
	Fields            []Field
	Elements          []Value
	Entries           []Entry
	NotCapturedReason string
}

// Field is a named captured value: a struct field, an argument or a local.
type Field struct {
	Name  string
	Value Value
}

// Entry is one captured map entry.
type Entry struct {
	Key, Value Value
}

// Reasons for a value, or part of it, not being captured.
const (
	ReasonDepth          = "depth"
	ReasonCollectionSize = "collectionSize"
	ReasonCycle          = "circular reference"
	ReasonUnimplemented  = "unimplemented"
	ReasonNestingTooDeep = "captureNestingTooDeep"
)

// MarshalJSON writes v compactly.
func (v Value) MarshalJSON() ([]byte, error) {
	return v.appendJSON(make([]byte, 0, 128)), nil
}

func (v Value) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	key := func(name string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, name)
		b = append(b, ':')
	}
	if v.Type != "" {
		key("type")
		b = appendString(b, v.Type)
	}
	if v.IsNull {
		key("isNull")
		b = append(b, "true"...)
	}
	if v.Address != "" {
		key("address")
		b = appendString(b, v.Address)
	}
	if v.Size != "" {
		key("size")
		b = appendString(b, v.Size)
	}
	if v.Truncated {
		key("truncated")
		b = append(b, "true"...)
	}
	if v.Value != nil {
		key("value")
		b = appendString(b, *v.Value)
	}
	if v.Fields != nil {
		key("fields")
		b = appendFields(b, v.Fields)
	}
	if v.Elements != nil {
		key("elements")
		b = append(b, '[')
		for i, e := range v.Elements {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendJSON(b)
		}
		b = append(b, ']')
	}
	if v.Entries != nil {
		key("entries")
		b = append(b, '[')
		for i, e := range v.Entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = e.Key.appendJSON(b)
			b = append(b, ',')
			b = e.Value.appendJSON(b)
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	if v.NotCapturedReason != "" {
		key("notCapturedReason")
		b = appendString(b, v.NotCapturedReason)
	}
	return append(b, '}')
}

// Fields is an ordered JSON object of captured values, such as a capture's
// "arguments" or "locals".
type Fields []Field

// MarshalJSON writes the fields as one object, keeping their order.
func (fs Fields) MarshalJSON() ([]byte, error) {
	return appendFields(make([]byte, 0, 256), fs), nil
}

func appendFields(b []byte, fs []Field) []byte {
	b = append(b, '{')
	for i, f := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, f.Name)
		b = append(b, ':')
		b = f.Value.appendJSON(b)
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Like the agent's encoder it does
// not escape HTML characters, and it replaces bytes that are not UTF-8 (a
// string truncated inside a character ends with some) by U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			// Valid JSON, but not valid JavaScript; encoding/json escapes them too.
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
