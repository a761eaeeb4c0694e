// Printing type expressions on one line, the way the generator reads them back.

package main

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"strings"
)

// exprString prints a type expression on one line, keeping struct tags (they are part of
// the type's identity) so the generator can spell the same type again.
func exprString(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e ast.Expr) {
	switch x := e.(type) {
	case *ast.Ident:
		b.WriteString(x.Name)
	case *ast.SelectorExpr:
		writeExpr(b, x.X)
		b.WriteByte('.')
		b.WriteString(x.Sel.Name)
	case *ast.StarExpr:
		b.WriteByte('*')
		writeExpr(b, x.X)
	case *ast.ParenExpr:
		b.WriteByte('(')
		writeExpr(b, x.X)
		b.WriteByte(')')
	case *ast.Ellipsis:
		b.WriteString("...")
		writeExpr(b, x.Elt)
	case *ast.ArrayType:
		b.WriteByte('[')
		if x.Len != nil {
			writeExpr(b, x.Len)
		}
		b.WriteByte(']')
		writeExpr(b, x.Elt)
	case *ast.MapType:
		b.WriteString("map[")
		writeExpr(b, x.Key)
		b.WriteByte(']')
		writeExpr(b, x.Value)
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND:
			b.WriteString("chan<- ")
		case ast.RECV:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		writeExpr(b, x.Value)
	case *ast.FuncType:
		b.WriteString("func")
		writeSignature(b, x)
	case *ast.StructType:
		b.WriteString("struct{")
		for i, f := range x.Fields.List {
			if i > 0 {
				b.WriteString("; ")
			}
			writeNames(b, f.Names)
			writeExpr(b, f.Type)
			if f.Tag != nil {
				b.WriteByte(' ')
				b.WriteString(f.Tag.Value)
			}
		}
		b.WriteByte('}')
	case *ast.InterfaceType:
		b.WriteString("interface{")
		for i, f := range x.Methods.List {
			if i > 0 {
				b.WriteString("; ")
			}
			if ft, ok := f.Type.(*ast.FuncType); ok && len(f.Names) == 1 {
				b.WriteString(f.Names[0].Name)
				writeSignature(b, ft)
				continue
			}
			writeExpr(b, f.Type)
		}
		b.WriteByte('}')
	case *ast.IndexExpr:
		writeExpr(b, x.X)
		b.WriteByte('[')
		writeExpr(b, x.Index)
		b.WriteByte(']')
	case *ast.IndexListExpr:
		writeExpr(b, x.X)
		b.WriteByte('[')
		for i, index := range x.Indices {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, index)
		}
		b.WriteByte(']')
	default:
		// Array lengths and constraint unions (~int | ~string) are expressions; the printer
		// keeps those on one line.
		var buf bytes.Buffer
		if err := printer.Fprint(&buf, token.NewFileSet(), e); err == nil {
			b.WriteString(strings.Join(strings.Fields(buf.String()), " "))
		}
	}
}

func writeNames(b *strings.Builder, names []*ast.Ident) {
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n.Name)
	}
	if len(names) > 0 {
		b.WriteByte(' ')
	}
}

func writeSignature(b *strings.Builder, f *ast.FuncType) {
	writeFieldList(b, f.Params)
	if f.Results == nil || len(f.Results.List) == 0 {
		return
	}
	b.WriteByte(' ')
	if len(f.Results.List) == 1 && len(f.Results.List[0].Names) == 0 {
		writeExpr(b, f.Results.List[0].Type)
		return
	}
	writeFieldList(b, f.Results)
}

func writeFieldList(b *strings.Builder, list *ast.FieldList) {
	b.WriteByte('(')
	if list != nil {
		for i, f := range list.List {
			if i > 0 {
				b.WriteString(", ")
			}
			writeNames(b, f.Names)
			writeExpr(b, f.Type)
		}
	}
	b.WriteByte(')')
}
