package snapshot

// Envelope is one element of the JSON array that the agent posts to the
// logs intake for a snapshot.
type Envelope struct {
	Service   string   `json:"service"`
	DDSource  string   `json:"ddsource"`
	Logger    Logger   `json:"logger"`
	Debugger  Debugger `json:"debugger"`
	Timestamp int64    `json:"timestamp"`
	// Duration is the call's duration in nanoseconds, when its return was seen.
	Duration *uint64 `json:"duration,omitempty"`
}

// Source is the "ddsource" of every Dynamic Instrumentation event.
const Source = "dd_debugger"

// Logger names the probed method; for Go, ThreadID is the goroutine id.
type Logger struct {
	Name       string `json:"name"`
	Method     string `json:"method"`
	Version    int    `json:"version"`
	ThreadID   int64  `json:"thread_id"`
	ThreadName string `json:"thread_name"`
}

// Debugger wraps the snapshot; Type is always "snapshot".
type Debugger struct {
	Snapshot Snapshot `json:"snapshot"`
	Type     string   `json:"type"`
}

// Snapshot is one captured invocation of the probed method.
type Snapshot struct {
	ID        string   `json:"id"`
	Timestamp int64    `json:"timestamp"`
	Language  string   `json:"language"`
	Stack     []Frame  `json:"stack"`
	Probe     Probe    `json:"probe"`
	Captures  Captures `json:"captures"`
}

// Frame is one stack frame; stacks list the innermost frame first.
type Frame struct {
	Function   string `json:"function"`
	FileName   string `json:"fileName"`
	LineNumber int    `json:"lineNumber"`
}

// Probe identifies the probe that took the snapshot.
type Probe struct {
	ID       string   `json:"id"`
	Location Location `json:"location"`
}

// Location is a method probe's location: the Go symbol of the method.
type Location struct {
	Method string `json:"method"`
}

// Captures holds what was read at entry and, if seen, at return.
type Captures struct {
	Entry  *Event `json:"entry,omitempty"`
	Return *Event `json:"return,omitempty"`
}

// Event is the capture of one side of the call. At entry it holds the
// arguments (a Go receiver is an argument like any other); at return the
// single result is the local "@return".
type Event struct {
	Arguments Fields `json:"arguments,omitempty"`
	Locals    Fields `json:"locals,omitempty"`
}
