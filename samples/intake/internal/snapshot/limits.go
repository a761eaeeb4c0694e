package snapshot

// Limits are the capture limits of a snapshot probe ("capture" in the probe
// definition). A limit of zero or less means "no limit", as in the agent.
type Limits struct {
	// MaxReferenceDepth is how many references may be followed from an
	// argument. Dereferencing a pointer, entering a map or following an
	// interface to its dynamic value each cost one; struct fields, array and
	// slice elements and string bytes cost nothing.
	MaxReferenceDepth int
	// MaxCollectionSize is how many slice elements or map entries are kept.
	MaxCollectionSize int
	// MaxLength is how many bytes of a string are kept.
	MaxLength int
	// MaxFieldCount is carried for completeness: the Go agent defines the
	// "fieldCount" reason but does not apply it, so neither does this package.
	MaxFieldCount int
}

// DefaultLimits are the limits Datadog applies when a probe sets none
// (the "cross-tracer defaults": depth 3, 100 elements, 255 bytes, 20 fields).
var DefaultLimits = Limits{
	MaxReferenceDepth: 3,
	MaxCollectionSize: 100,
	MaxLength:         255,
	MaxFieldCount:     20,
}

// maxNesting bounds how deep values nest in one capture, like the agent's
// 32-entry capture stack; it also stops self-referencing slices, which cost
// no reference depth.
const maxNesting = 32

func unlimited(limit int) int {
	if limit <= 0 {
		return int(^uint(0) >> 1)
	}
	return limit
}
