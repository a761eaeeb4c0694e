// Reading the package: its files, imports, module path and package-level names.

package main

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type pkgSource struct {
	fset    *token.FileSet
	files   []*ast.File
	imports []map[string]string // per file: qualifier -> import path
	unnamed []map[string]string // per file: guessed qualifier -> path, for imports without a name
	types   map[string]*ast.TypeSpec
	typeAt  map[string]int
}

func (s *pkgSource) add(f *ast.File) {
	index := len(s.files)
	s.files = append(s.files, f)
	named, unnamed := map[string]string{}, map[string]string{}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		switch {
		case spec.Name == nil:
			unnamed[guessName(path)] = path
		case spec.Name.Name != "_" && spec.Name.Name != ".":
			named[spec.Name.Name] = path
		}
	}
	for q, p := range unnamed {
		if _, taken := named[q]; !taken {
			named[q] = p
		}
	}
	s.imports = append(s.imports, named)
	s.unnamed = append(s.unnamed, unnamed)

	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.TYPE {
			continue
		}
		for _, spec := range gen.Specs {
			ts := spec.(*ast.TypeSpec)
			s.types[ts.Name.Name] = ts
			s.typeAt[ts.Name.Name] = index
		}
	}
}

// guessName predicts the package name of an import without an explicit name the way
// goimports does; resolveQualifiers checks the guess when a qualifier stays unexplained.
func guessName(path string) string {
	parts := strings.Split(path, "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && isMajorVersion(last) {
		last = parts[len(parts)-2]
	}
	if i := strings.Index(last, ".v"); i > 0 && isMajorVersion(last[i+1:]) {
		last = last[:i]
	}
	last = strings.TrimPrefix(last, "go-")
	last = strings.TrimSuffix(last, "-go")
	last = strings.TrimSuffix(last, ".go")
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return r
		}
		return -1
	}, last)
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// importPathOf derives the package's import path from the nearest go.mod; without one the
// path stays empty and the caller relies on the target symbol's package path.
func importPathOf(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if module := modulePath(filepath.Join(d, "go.mod")); module != "" {
			rel, err := filepath.Rel(d, dir)
			if err != nil || rel == "." {
				return module
			}
			return module + "/" + filepath.ToSlash(rel)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func modulePath(gomod string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return ""
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if !strings.HasPrefix(line, "module") {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(line, "module"))
		if unquoted, err := strconv.Unquote(rest); err == nil {
			rest = unquoted
		}
		return rest
	}
	return ""
}

// testFiles lists the package's own _test.go files (same package clause), which share its
// package scope, so their names are taken too.
func testFiles(dir string, bp *build.Package) []*ast.File {
	var files []*ast.File
	fset := token.NewFileSet()
	for _, n := range bp.TestGoFiles {
		content, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || bytes.HasPrefix(content, []byte(generatedHeader)) {
			continue
		}
		f, err := parser.ParseFile(fset, n, content, parser.SkipObjectResolution)
		if err == nil {
			files = append(files, f)
		}
	}
	return files
}

func declaredNames(files, tests []*ast.File, pkgName string) []string {
	seen := map[string]bool{}
	for _, f := range append(append([]*ast.File{}, files...), tests...) {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					seen[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch sp := spec.(type) {
					case *ast.TypeSpec:
						seen[sp.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							seen[n.Name] = true
						}
					}
				}
			}
		}
	}
	delete(seen, "_")
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func functionList(files []*ast.File) []string {
	var list []string
	for _, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Name.Name == "_" || (fn.Recv == nil && fn.Name.Name == "init") {
				continue
			}
			if fn.Recv == nil || len(fn.Recv.List) == 0 {
				list = append(list, fn.Name.Name)
				continue
			}
			name, pointer := receiverTypeName(fn.Recv.List[0].Type)
			if pointer {
				list = append(list, "(*"+name+")."+fn.Name.Name)
			} else {
				list = append(list, name+"."+fn.Name.Name)
			}
		}
	}
	sort.Strings(list)
	return list
}
