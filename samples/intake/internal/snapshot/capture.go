package snapshot

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
)

// Stats counts the places where the limits cut a capture short.
type Stats struct {
	TruncatedStrings   int
	ClampedCollections int
	DepthCuts          int
}

// Add accumulates other into s.
func (s *Stats) Add(other Stats) {
	s.TruncatedStrings += other.TruncatedStrings
	s.ClampedCollections += other.ClampedCollections
	s.DepthCuts += other.DepthCuts
}

// CaptureValue renders v within limits as the agent renders an argument.
// The static type is v's type: to capture a variable of interface type,
// pass reflect.ValueOf(&variable).Elem().
//
// Depth is counted as the agent's pointer chasing counts it: an argument
// starts with MaxReferenceDepth, each pointer, map or interface costs one to
// enter, and a reference met with nothing left is reported as "depth".
// Strings and slice contents are read at no cost, so they are captured even
// where no depth is left.
func CaptureValue(v reflect.Value, limits Limits) (Value, Stats) {
	e := encoder{
		depth:      unlimited(limits.MaxReferenceDepth),
		collection: unlimited(limits.MaxCollectionSize),
		length:     unlimited(limits.MaxLength),
		visiting:   make(map[visit]bool),
	}
	if !v.IsValid() {
		return Value{Type: "interface {}", IsNull: true}, e.stats
	}
	return e.value(v, e.depth, 0), e.stats
}

type encoder struct {
	depth, collection, length int
	stats                     Stats
	visiting                  map[visit]bool
}

// visit identifies a pointer being expanded, to report cycles.
type visit struct {
	t    reflect.Type
	addr uintptr
}

func (e *encoder) value(v reflect.Value, depth, nesting int) Value {
	node := Value{Type: TypeName(v.Type())}
	e.fill(&node, v, depth, nesting)
	return node
}

// fill sets node's shape from v. A pointer inlines its target into the same
// node, so fill is called again on the target with one less depth.
func (e *encoder) fill(node *Value, v reflect.Value, depth, nesting int) {
	if nesting >= maxNesting {
		node.NotCapturedReason = ReasonNestingTooDeep
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		node.Value = text(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		node.Value = text(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		node.Value = text(strconv.FormatUint(v.Uint(), 10))
	case reflect.Uintptr:
		node.Value = text("0x" + strconv.FormatUint(v.Uint(), 16))
	case reflect.Float32, reflect.Float64:
		node.Value = text(strconv.FormatFloat(v.Float(), 'f', -1, 64))
	case reflect.Complex64:
		node.Value = text(strconv.FormatComplex(v.Complex(), 'f', -1, 64))
	case reflect.Complex128:
		node.Value = text(strconv.FormatComplex(v.Complex(), 'f', -1, 128))
	case reflect.String:
		e.fillString(node, v.String())
	case reflect.Pointer:
		e.fillPointer(node, v, depth, nesting)
	case reflect.Struct:
		e.fillStruct(node, v, depth, nesting)
	case reflect.Array:
		e.fillArray(node, v, depth, nesting)
	case reflect.Slice:
		e.fillSlice(node, v, depth, nesting)
	case reflect.Map:
		e.fillMap(node, v, depth, nesting)
	case reflect.Interface:
		e.fillInterface(node, v, depth, nesting)
	case reflect.UnsafePointer:
		node.Address = address(v.Pointer())
	default: // channels and functions, which the agent does not decode
		node.NotCapturedReason = ReasonUnimplemented
	}
}

func text(s string) *string { return &s }

func address(p uintptr) string { return "0x" + strconv.FormatUint(uint64(p), 16) }

func (e *encoder) fillString(node *Value, s string) {
	if len(s) > e.length {
		node.Size = strconv.Itoa(len(s))
		node.Truncated = true
		s = s[:e.length]
		e.stats.TruncatedStrings++
	}
	node.Value = &s
}

func (e *encoder) fillPointer(node *Value, v reflect.Value, depth, nesting int) {
	if v.IsNil() {
		node.IsNull = true
		return
	}
	target := v.Type().Elem()
	// A zero-size target has no bytes to read, so the agent never misses it.
	if depth <= 0 && target.Size() != 0 {
		node.NotCapturedReason = ReasonDepth
		e.stats.DepthCuts++
		return
	}
	// Only the pointer nearest the data reports an address, so that a
	// pointer to a pointer does not write the key twice.
	if target.Kind() != reflect.Pointer {
		node.Address = address(v.Pointer())
	}
	key := visit{t: target, addr: v.Pointer()}
	if e.visiting[key] {
		node.NotCapturedReason = ReasonCycle
		return
	}
	e.visiting[key] = true
	e.fill(node, v.Elem(), depth-1, nesting+1)
	delete(e.visiting, key)
}

func (e *encoder) fillStruct(node *Value, v reflect.Value, depth, nesting int) {
	node.Fields = make([]Field, v.NumField())
	for i := range node.Fields {
		node.Fields[i] = Field{
			Name:  v.Type().Field(i).Name,
			Value: e.value(v.Field(i), depth, nesting+1),
		}
	}
}

// fillArray keeps every element: an array is part of the value holding it,
// and the agent reads it whole.
func (e *encoder) fillArray(node *Value, v reflect.Value, depth, nesting int) {
	node.Size = strconv.Itoa(v.Len())
	node.Elements = make([]Value, v.Len())
	for i := range node.Elements {
		node.Elements[i] = e.value(v.Index(i), depth, nesting+1)
	}
}

func (e *encoder) fillSlice(node *Value, v reflect.Value, depth, nesting int) {
	if v.IsNil() {
		node.IsNull = true
		return
	}
	node.Size = strconv.Itoa(v.Len())
	n := v.Len()
	if n > e.collection {
		n = e.collection
		node.NotCapturedReason = ReasonCollectionSize
		e.stats.ClampedCollections++
	}
	node.Elements = make([]Value, n)
	for i := range node.Elements {
		node.Elements[i] = e.value(v.Index(i), depth, nesting+1)
	}
}

// fillMap reads a map through its header pointer, which costs one depth.
// Entries are sorted by key so that equal maps render equally; Go's own
// iteration order, which the agent follows, is arbitrary anyway.
func (e *encoder) fillMap(node *Value, v reflect.Value, depth, nesting int) {
	if v.IsNil() {
		node.IsNull = true
		return
	}
	if depth <= 0 {
		node.NotCapturedReason = ReasonDepth
		e.stats.DepthCuts++
		return
	}
	e.fillMapEntries(node, v, depth-1, nesting)
}

func (e *encoder) fillMapEntries(node *Value, v reflect.Value, depth, nesting int) {
	keys := v.MapKeys()
	sortKeys(keys)
	node.Size = strconv.Itoa(len(keys))
	if len(keys) > e.collection {
		keys = keys[:e.collection]
		node.NotCapturedReason = ReasonCollectionSize
		e.stats.ClampedCollections++
	}
	node.Entries = make([]Entry, len(keys))
	for i, k := range keys {
		node.Entries[i] = Entry{
			Key:   e.value(k, depth, nesting+1),
			Value: e.value(v.MapIndex(k), depth, nesting+1),
		}
	}
}

// fillInterface reports the dynamic value under "fields.data", typed with
// its concrete type. Reaching it costs one depth, whatever its kind.
func (e *encoder) fillInterface(node *Value, v reflect.Value, depth, nesting int) {
	if v.IsNil() {
		node.IsNull = true
		return
	}
	concrete := v.Elem()
	data := Value{Type: TypeName(concrete.Type())}
	switch {
	case concrete.Kind() == reflect.Pointer:
		// The data word is the pointer itself: one hop, not two.
		e.fillPointer(&data, concrete, depth, nesting+1)
	case concrete.Kind() == reflect.Map && concrete.IsNil():
		data.IsNull = true
	case depth <= 0:
		data.NotCapturedReason = ReasonDepth
		e.stats.DepthCuts++
	case concrete.Kind() == reflect.Map:
		// The data word points at the map header directly.
		e.fillMapEntries(&data, concrete, depth-1, nesting+1)
	default:
		e.fill(&data, concrete, depth-1, nesting+1)
	}
	node.Fields = []Field{{Name: "data", Value: data}}
}

func sortKeys(keys []reflect.Value) {
	if len(keys) == 0 {
		return
	}
	var less func(a, b reflect.Value) bool
	switch keys[0].Kind() {
	case reflect.String:
		less = func(a, b reflect.Value) bool { return a.String() < b.String() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(a, b reflect.Value) bool { return a.Int() < b.Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Uintptr:
		less = func(a, b reflect.Value) bool { return a.Uint() < b.Uint() }
	case reflect.Float32, reflect.Float64:
		less = func(a, b reflect.Value) bool { return a.Float() < b.Float() }
	default:
		less = func(a, b reflect.Value) bool { return describe(a) < describe(b) }
	}
	sort.SliceStable(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
}

// describe gives keys of other kinds (structs, arrays, bools) a stable order.
// fmt reads unexported fields without calling methods on them.
func describe(v reflect.Value) string { return fmt.Sprintf("%#v", v) }
