package tags

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTagLength is the largest normalized tag, in bytes; longer tags are cut.
const MaxTagLength = 200

// Normalize returns the canonical spelling of a "key:value" tag.
//
// The canonical form is lowercase, keeps letters, digits and the punctuation
// '_', '-', ':', '.' and '/', and replaces every other character with '_'
// (a replacement never doubles an underscore). Characters before the first
// letter are dropped, trailing underscores are trimmed, and the result is
// cut to MaxTagLength bytes on a character boundary. A tag with no letter
// normalizes to "".
//
// Most tags arrive already canonical, so they are returned as they are,
// without allocating. ASCII tags are rewritten byte by byte; only tags with
// other characters pay for Unicode case mapping.
func Normalize(tag string) string {
	switch classify(tag) {
	case canonical:
		return tag
	case asciiOnly:
		return normalizeASCII(tag)
	default:
		return normalizeUnicode(tag)
	}
}

type tagClass int

const (
	canonical tagClass = iota
	asciiOnly
	nonASCII
)

// classify tells which normalization path a tag needs, scanning it once.
func classify(tag string) tagClass {
	if tag == "" {
		return asciiOnly
	}
	class := canonical
	if len(tag) > MaxTagLength || asciiClass[tag[0]]&lowerLetter == 0 || tag[len(tag)-1] == '_' {
		class = asciiOnly
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if c >= utf8.RuneSelf {
			return nonASCII
		}
		if class == canonical && asciiClass[c]&canonicalByte == 0 {
			class = asciiOnly
		}
	}
	return class
}

// asciiClass tells, for each byte, what normalization makes of it: the hot
// loops read this table instead of testing ranges, one load per byte.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = lowerLetter | canonicalByte
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = canonicalByte
	}
	for _, c := range "_-:./" {
		t[c] = canonicalByte
	}
	return t
}()

const (
	lowerLetter   = 1 << iota // 'a'..'z'
	canonicalByte             // kept as is by normalization
)

func isPunctuation(r rune) bool {
	return r == '_' || r == '-' || r == ':' || r == '.' || r == '/'
}

// normalizeASCII is the second ASCII loop: the tag has no multi-byte
// character, so every output character is exactly one byte.
func normalizeASCII(tag string) string {
	out := make([]byte, 0, minInt(len(tag), MaxTagLength))
	for i := 0; i < len(tag) && len(out) < MaxTagLength; i++ {
		c := tag[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if len(out) == 0 && asciiClass[c]&lowerLetter == 0 {
			continue
		}
		if asciiClass[c]&canonicalByte == 0 {
			if out[len(out)-1] == '_' {
				continue
			}
			c = '_'
		}
		out = append(out, c)
	}
	for len(out) > 0 && out[len(out)-1] == '_' {
		out = out[:len(out)-1]
	}
	return string(out)
}

// normalizeUnicode handles tags with non-ASCII characters; invalid UTF-8
// bytes count as characters to replace.
func normalizeUnicode(tag string) string {
	var b strings.Builder
	b.Grow(minInt(len(tag), MaxTagLength))
	lastUnderscore := false
	for i := 0; i < len(tag); {
		r, size := utf8.DecodeRuneInString(tag[i:])
		i += size
		if r != utf8.RuneError {
			r = unicode.ToLower(r)
		}
		keep := r != utf8.RuneError &&
			(unicode.IsLetter(r) || unicode.IsDigit(r) || isPunctuation(r))
		if b.Len() == 0 && (!keep || !unicode.IsLetter(r)) {
			continue
		}
		if !keep {
			if lastUnderscore {
				continue
			}
			r = '_'
		}
		if b.Len()+utf8.RuneLen(r) > MaxTagLength {
			break
		}
		b.WriteRune(r)
		lastUnderscore = r == '_'
	}
	return strings.TrimRight(b.String(), "_")
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
