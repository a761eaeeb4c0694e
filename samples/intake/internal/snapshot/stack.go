package snapshot

import (
	"path"
	"runtime"
	"strings"
)

// StackFrames symbolizes program counters from runtime.Callers into frames,
// innermost first, with the file names the agent reports: the package's
// import path and the file's base name ("runtime/proc.go"), as a binary
// built with -trimpath records them. Functions of package main belong to
// mainPath, the main package's import path.
func StackFrames(pcs []uintptr, mainPath string) []Frame {
	frames := runtime.CallersFrames(pcs)
	var out []Frame
	for {
		f, more := frames.Next()
		if f.Function != "" {
			out = append(out, Frame{
				Function:   f.Function,
				FileName:   importPathOf(f.Function, mainPath) + "/" + path.Base(f.File),
				LineNumber: f.Line,
			})
		}
		if !more {
			return out
		}
	}
}

// importPathOf extracts the package from a symbol: everything up to the
// first dot after the last slash ("intake/tags.(*Filter).Apply" gives
// "intake/tags"). Symbols escape dots in the last path element as "%2e".
func importPathOf(function, mainPath string) string {
	slash := strings.LastIndexByte(function, '/')
	dot := strings.IndexByte(function[slash+1:], '.')
	if dot < 0 {
		return function
	}
	pkg := strings.ReplaceAll(function[:slash+1+dot], "%2e", ".")
	if pkg == "main" && mainPath != "" {
		return mainPath
	}
	return pkg
}

// FuncFrame is the frame of a function's entry, where an entry probe sits:
// pc is any program counter inside the function.
func FuncFrame(pc uintptr, mainPath string) (Frame, bool) {
	fn := runtime.FuncForPC(pc)
	if fn == nil {
		return Frame{}, false
	}
	file, line := fn.FileLine(fn.Entry())
	return Frame{
		Function:   fn.Name(),
		FileName:   importPathOf(fn.Name(), mainPath) + "/" + path.Base(file),
		LineNumber: line,
	}, true
}
