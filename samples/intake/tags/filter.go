package tags

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// RuleKind tells how a Rule matches a normalized tag.
type RuleKind int

const (
	// Literal rules match a whole tag ("env:dev") or every tag of a key ("pod_name").
	Literal RuleKind = iota
	// Prefix rules match tags starting with the pattern ("kube_").
	Prefix
	// Regexp rules match tags for which the regular expression finds a match.
	Regexp
)

// String returns the kind's name as used in error messages.
func (k RuleKind) String() string {
	switch k {
	case Literal:
		return "literal"
	case Prefix:
		return "prefix"
	case Regexp:
		return "regexp"
	default:
		return fmt.Sprintf("RuleKind(%d)", int(k))
	}
}

// Rule is one tag-dropping rule of a tenant's filter.
type Rule struct {
	Kind    RuleKind
	Pattern string
}

// LiteralRule drops the tag equal to pattern, or every tag whose key is pattern.
func LiteralRule(pattern string) Rule { return Rule{Kind: Literal, Pattern: pattern} }

// PrefixRule drops the tags starting with pattern.
func PrefixRule(pattern string) Rule { return Rule{Kind: Prefix, Pattern: pattern} }

// RegexpRule drops the tags matched by the regular expression expr.
func RegexpRule(expr string) Rule { return Rule{Kind: Regexp, Pattern: expr} }

// Filter drops the tags a tenant does not want to keep and fingerprints the rest.
//
// A Filter is immutable once built and safe for concurrent use.
type Filter struct {
	literals map[string]struct{}
	prefixes []string
	patterns []*regexp.Regexp
}

// NewFilter builds a Filter from rules; literal patterns are normalized and
// prefixes lowercased, so rules may be written in any case.
func NewFilter(rules ...Rule) (*Filter, error) {
	f := &Filter{literals: make(map[string]struct{})}
	var errs []error
	for i, rule := range rules {
		if err := f.add(rule); err != nil {
			errs = append(errs, fmt.Errorf("tags: rule %d (%s %q): %w", i, rule.Kind, rule.Pattern, err))
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return f, nil
}

func (f *Filter) add(rule Rule) error {
	if strings.TrimSpace(rule.Pattern) == "" {
		return errors.New("empty pattern")
	}
	switch rule.Kind {
	case Literal:
		literal := Normalize(rule.Pattern)
		if literal == "" {
			return errors.New("pattern normalizes to an empty tag")
		}
		f.literals[literal] = struct{}{}
	case Prefix:
		f.prefixes = append(f.prefixes, strings.ToLower(rule.Pattern))
	case Regexp:
		re, err := regexp.Compile(rule.Pattern)
		if err != nil {
			return err
		}
		f.patterns = append(f.patterns, re)
	default:
		return fmt.Errorf("unknown rule kind %d", int(rule.Kind))
	}
	return nil
}

// keptOnStack is the batch size up to which Apply needs no heap allocation
// for the tags it keeps.
const keptOnStack = 64

// Result summarises one Apply call.
type Result struct {
	// Key fingerprints the kept tag set (FNV-1a 64 over the sorted, distinct tags).
	Key uint64
	// Kept is the number of distinct tags kept.
	Kept int
	// Dropped counts the input tags removed by a rule or normalized to nothing.
	Dropped int
}

// Apply normalizes tags, drops those the rules match, and returns the
// fingerprint of the distinct remaining tags. It does not modify tags.
func (f *Filter) Apply(tags []string) Result {
	// Most batches fit this buffer on the stack: no allocation per call, and
	// no write barriers while the GC runs.
	var buf [keptOnStack]string
	kept := buf[:0]
	if len(tags) > len(buf) {
		kept = make([]string, 0, len(tags))
	}
	dropped := 0
	for _, tag := range tags {
		normalized := Normalize(tag)
		if normalized == "" || f.matches(normalized) {
			dropped++
			continue
		}
		kept = append(kept, normalized)
	}
	kept = sortedSet(kept)
	return Result{Key: fingerprint(kept), Kept: len(kept), Dropped: dropped}
}

// matches tries the cheapest rules first: most tags are decided by a map
// lookup before any regular expression runs.
func (f *Filter) matches(tag string) bool {
	if _, ok := f.literals[tag]; ok {
		return true
	}
	if colon := strings.IndexByte(tag, ':'); colon >= 0 {
		if _, ok := f.literals[tag[:colon]]; ok {
			return true
		}
	}
	for _, prefix := range f.prefixes {
		if len(tag) >= len(prefix) && tag[:len(prefix)] == prefix {
			return true
		}
	}
	for _, re := range f.patterns {
		if re.MatchString(tag) {
			return true
		}
	}
	return false
}

// joinErrors stands in for errors.Join, which needs Go 1.20.
func joinErrors(errs []error) error {
	messages := make([]string, len(errs))
	for i, err := range errs {
		messages[i] = err.Error()
	}
	return errors.New(strings.Join(messages, "\n"))
}
