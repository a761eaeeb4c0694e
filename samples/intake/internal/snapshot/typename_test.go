package snapshot

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
)

func TestTypeNameSpellsTypesAsDWARFDoes(t *testing.T) {
	cases := []struct {
		t    reflect.Type
		want string
	}{
		{reflect.TypeOf(&regexp.Regexp{}), "*regexp.Regexp"},
		{reflect.TypeOf([]*regexp.Regexp{}), "[]*regexp.Regexp"},
		{reflect.TypeOf(&syntax.Prog{}), "*regexp/syntax.Prog"},
		{reflect.TypeOf(map[string]struct{}{}), "map[string]struct {}"},
		{reflect.TypeOf([]byte{}), "[]uint8"},
		{reflect.TypeOf([]rune{}), "[]int32"},
		{reflect.TypeOf([4]byte{}), "[4]uint8"},
		{reflect.TypeOf(struct {
			A int
			B string
		}{}), "struct { A int; B string }"},
		{reflect.TypeOf((*interface{})(nil)).Elem(), "interface {}"},
		{reflect.TypeOf((*error)(nil)).Elem(), "error"},
		{reflect.TypeOf(make(<-chan int)), "<-chan int"},
		{reflect.TypeOf(map[int][]*node{}), "map[int][]*intake/internal/snapshot.node"},
	}
	for _, c := range cases {
		got := TypeName(c.t)

		if got != c.want {
			t.Errorf("TypeName(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}
