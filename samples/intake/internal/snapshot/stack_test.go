package snapshot

import (
	"runtime"
	"strings"
	"testing"
)

func TestStackFramesListsTheInnermostFrameFirstWithImportPaths(t *testing.T) {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs)

	frames := StackFrames(pcs[:n], "")

	first := frames[0]
	if first.Function != "intake/internal/snapshot."+
		"TestStackFramesListsTheInnermostFrameFirstWithImportPaths" {
		t.Errorf("first frame is %s", first.Function)
	}
	if first.FileName != "intake/internal/snapshot/stack_test.go" || first.LineNumber == 0 {
		t.Errorf("first frame at %s:%d", first.FileName, first.LineNumber)
	}
	last := frames[len(frames)-1]
	if last.Function != "runtime.goexit" || !strings.HasPrefix(last.FileName, "runtime/asm_") {
		t.Errorf("last frame is %s in %s", last.Function, last.FileName)
	}
}

func TestImportPathOfSymbols(t *testing.T) {
	cases := []struct{ symbol, want string }{
		{"intake/tags.(*Filter).Apply", "intake/tags"},
		{"runtime.goexit", "runtime"},
		{"regexp/syntax.(*parser).push", "regexp/syntax"},
		{"gopkg.in/yaml%2ev3.(*parser).parse", "gopkg.in/yaml.v3"},
		{"main.(*worker).run", "intake/cmd/production"},
	}
	for _, c := range cases {
		got := importPathOf(c.symbol, "intake/cmd/production")

		if got != c.want {
			t.Errorf("importPathOf(%q) = %q, want %q", c.symbol, got, c.want)
		}
	}
}

func TestFuncFrameNamesTheFunctionAtItsDeclaration(t *testing.T) {
	pc, _, _, _ := runtime.Caller(0)

	frame, ok := FuncFrame(pc, "")

	want := "intake/internal/snapshot.TestFuncFrameNamesTheFunctionAtItsDeclaration"
	if !ok || frame.Function != want {
		t.Fatalf("frame = %+v", frame)
	}
	_, _, declLine, _ := runtime.Caller(0)
	if frame.LineNumber != declLine-9 {
		t.Errorf("line = %d, want the func line %d", frame.LineNumber, declLine-9)
	}
}
