// Describing the target's signature and the types it reaches.

package main

import (
	"go/ast"
	"go/build"
	"sort"
)

func receiverTypeName(e ast.Expr) (string, bool) {
	pointer := false
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			pointer = true
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name, pointer
		default:
			return exprString(e), pointer
		}
	}
}

func receiverTypeParams(e ast.Expr) []string {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			return []string{exprString(x.Index)}
		case *ast.IndexListExpr:
			names := []string{}
			for _, i := range x.Indices {
				names = append(names, exprString(i))
			}
			return names
		default:
			return []string{}
		}
	}
}

func findTarget(files []*ast.File, name, recv string) (*ast.FuncDecl, int) {
	for i, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Name.Name != name {
				continue
			}
			if recv == "" && fn.Recv == nil {
				return fn, i
			}
			if recv != "" && fn.Recv != nil && len(fn.Recv.List) == 1 {
				if rn, _ := receiverTypeName(fn.Recv.List[0].Type); rn == recv {
					return fn, i
				}
			}
		}
	}
	return nil, -1
}

func describeTarget(fn *ast.FuncDecl, file int) *target {
	t := &target{Name: fn.Name.Name, File: file, TypeParams: typeParams(fn.Type.TypeParams),
		Params: []param{}, Results: []string{}}
	if fn.Recv != nil && len(fn.Recv.List) == 1 {
		r := fn.Recv.List[0]
		typeName, pointer := receiverTypeName(r.Type)
		t.Receiver = &receiver{Type: exprString(r.Type), TypeName: typeName, Pointer: pointer,
			TypeParams: receiverTypeParams(r.Type)}
		if len(r.Names) == 1 {
			t.Receiver.Name = r.Names[0].Name
		}
	}
	for _, f := range fn.Type.Params.List {
		typ := f.Type
		if ell, ok := typ.(*ast.Ellipsis); ok {
			t.Variadic = true
			typ = &ast.ArrayType{Elt: ell.Elt}
		}
		text := exprString(typ)
		if len(f.Names) == 0 {
			t.Params = append(t.Params, param{Type: text})
		}
		for _, n := range f.Names {
			t.Params = append(t.Params, param{Name: n.Name, Type: text})
		}
	}
	if fn.Type.Results != nil {
		for _, f := range fn.Type.Results.List {
			count := len(f.Names)
			if count == 0 {
				count = 1
			}
			for i := 0; i < count; i++ {
				t.Results = append(t.Results, exprString(f.Type))
			}
		}
	}
	return t
}

func typeParams(list *ast.FieldList) []typeParam {
	params := []typeParam{}
	if list == nil {
		return params
	}
	for _, f := range list.List {
		for _, n := range f.Names {
			params = append(params, typeParam{Name: n.Name, Constraint: exprString(f.Type)})
		}
	}
	return params
}

// describeTypes lists every type declared in the package, marking those the target's inputs
// and results reach; unreachable ones are still needed for dynamic values behind interfaces.
func (s *pkgSource) describeTypes(fn *ast.FuncDecl) []typeDecl {
	reachable := map[string]bool{}
	var queue []ast.Expr
	if fn.Recv != nil {
		for _, f := range fn.Recv.List {
			queue = append(queue, f.Type)
		}
	}
	for _, list := range []*ast.FieldList{fn.Type.Params, fn.Type.Results} {
		if list != nil {
			for _, f := range list.List {
				queue = append(queue, f.Type)
			}
		}
	}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				return false
			case *ast.Ident:
				if ts, ok := s.types[x.Name]; ok && !reachable[x.Name] {
					reachable[x.Name] = true
					queue = append(queue, ts.Type)
				}
			}
			return true
		})
	}

	names := make([]string, 0, len(s.types))
	for n := range s.types {
		names = append(names, n)
	}
	sort.Strings(names)
	decls := make([]typeDecl, 0, len(names))
	for _, n := range names {
		ts := s.types[n]
		d := typeDecl{Name: n, File: s.typeAt[n], TypeParams: typeParams(ts.TypeParams),
			Alias: ts.Assign.IsValid(), Fields: []field{}, Reachable: reachable[n]}
		if st, ok := ts.Type.(*ast.StructType); ok && !d.Alias {
			d.Struct = true
			d.Fields = structFields(st)
		}
		d.Underlying = exprString(ts.Type)
		decls = append(decls, d)
	}
	return decls
}

func structFields(st *ast.StructType) []field {
	fields := []field{}
	for _, f := range st.Fields.List {
		tag := ""
		if f.Tag != nil {
			tag = f.Tag.Value
		}
		text := exprString(f.Type)
		if len(f.Names) == 0 {
			name, _ := receiverTypeName(f.Type)
			if sel, ok := unstar(f.Type).(*ast.SelectorExpr); ok {
				name = sel.Sel.Name
			}
			fields = append(fields, field{Name: name, Type: text, Tag: tag, Embedded: true})
			continue
		}
		for _, n := range f.Names {
			fields = append(fields, field{Name: n.Name, Type: text, Tag: tag})
		}
	}
	return fields
}

func unstar(e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		default:
			return e
		}
	}
}

// resolveQualifiers keeps in each file's import map only the qualifiers the described
// expressions use, replacing a wrong name guess by the package's real name when needed.
func (s *pkgSource) resolveQualifiers(dir string, fn *ast.FuncDecl, fnFile int, out *output) {
	used := make([]map[string]bool, len(s.files))
	for i := range used {
		used[i] = map[string]bool{}
	}
	mark := func(file int, node ast.Node) {
		if node == nil {
			return
		}
		ast.Inspect(node, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[file][id.Name] = true
				}
			}
			return true
		})
	}
	if fn.Recv != nil {
		mark(fnFile, fn.Recv)
	}
	mark(fnFile, fn.Type)
	for name, ts := range s.types {
		mark(s.typeAt[name], ts.Type)
	}

	for i := range s.files {
		imports := map[string]string{}
		for q := range used[i] {
			if path, ok := s.imports[i][q]; ok {
				imports[q] = path
				continue
			}
			if path := s.findByRealName(dir, i, q); path != "" {
				imports[q] = path
			}
		}
		out.Files[i].Imports = imports
	}
}

func (s *pkgSource) findByRealName(dir string, file int, qualifier string) string {
	for _, path := range s.unnamed[file] {
		if p, err := build.Default.Import(path, dir, 0); err == nil && p.Name == qualifier {
			return path
		}
	}
	return ""
}
