package snapshot

import (
	"reflect"
	"strconv"
	"strings"
)

// TypeName spells t the way Go's DWARF debug information names it, which is
// what the agent reports: named types carry their full import path
// ("*intake/tags.Filter", "regexp/syntax.InstOp"), byte and rune are uint8
// and int32, and the empty struct is "struct {}".
func TypeName(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name()
		}
		return t.PkgPath() + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + TypeName(t.Elem())
	case reflect.Slice:
		return "[]" + TypeName(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + TypeName(t.Elem())
	case reflect.Map:
		return "map[" + TypeName(t.Key()) + "]" + TypeName(t.Elem())
	case reflect.Chan:
		return chanPrefix(t.ChanDir()) + TypeName(t.Elem())
	case reflect.Struct:
		return structName(t)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "interface {}"
		}
	}
	return t.String()
}

func chanPrefix(dir reflect.ChanDir) string {
	switch dir {
	case reflect.RecvDir:
		return "<-chan "
	case reflect.SendDir:
		return "chan<- "
	default:
		return "chan "
	}
}

func structName(t reflect.Type) string {
	if t.NumField() == 0 {
		return "struct {}"
	}
	fields := make([]string, t.NumField())
	for i := range fields {
		f := t.Field(i)
		if f.Anonymous {
			fields[i] = TypeName(f.Type)
			continue
		}
		fields[i] = f.Name + " " + TypeName(f.Type)
	}
	return "struct { " + strings.Join(fields, "; ") + " }"
}
