package main

import (
	"fmt"
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"
)

func uniformPool(rng *rand.Rand, tags []string) pool {
	return pool{lower: tags, cased: casedVariants(rng, tags)}
}

// zipfPool weights the i-th tag by 1/(i+1): a few services, teams and
// endpoints carry most of the traffic.
func zipfPool(rng *rand.Rand, tags []string) pool {
	p := uniformPool(rng, tags)
	total := 0
	for i := range tags {
		total += 1000 / (i + 1)
		p.cumulative = append(p.cumulative, total)
	}
	return p
}

func weightedPool(rng *rand.Rand, key string, values []weighted) pool {
	tags := make([]string, len(values))
	p := pool{}
	total := 0
	for i, v := range values {
		tags[i] = key + ":" + v.value
		total += v.weight
		p.cumulative = append(p.cumulative, total)
	}
	p.lower, p.cased = tags, casedVariants(rng, tags)
	return p
}

// casedVariants spells each tag the ways clients get case wrong: a
// capitalized key, an uppercase value, or all of it uppercase.
func casedVariants(rng *rand.Rand, tags []string) []string {
	out := make([]string, len(tags))
	for i, tag := range tags {
		key, value, _ := strings.Cut(tag, ":")
		var v string
		switch rng.Intn(3) {
		case 0:
			v = capitalize(key) + ":" + value
		case 1:
			v = key + ":" + strings.ToUpper(value)
		default:
			v = strings.ToUpper(tag)
		}
		if v == tag { // a value without letters cannot change case
			v = strings.ToUpper(key) + ":" + value
		}
		out[i] = v
	}
	return out
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func prefixed(prefix string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = prefix + v
	}
	return out
}

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return out
}

func versions(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		v := fmt.Sprintf("version:%d.%d.%d", 1+rng.Intn(3), rng.Intn(40), rng.Intn(12))
		if rng.Intn(6) == 0 {
			v += fmt.Sprintf("-rc%d", 1+rng.Intn(4))
		}
		out[i] = v
	}
	return out
}

// hostNames mixes the naming schemes of EC2, GKE node pools and a data center.
func hostNames(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		switch rng.Intn(3) {
		case 0:
			out[i] = fmt.Sprintf("host:ip-10-%d-%d-%d.ec2.internal",
				rng.Intn(32), rng.Intn(256), 1+rng.Intn(254))
		case 1:
			out[i] = fmt.Sprintf("host:gke-%s-pool-%d-%08x-%04x",
				clusters[rng.Intn(len(clusters))], 1+rng.Intn(4), rng.Uint32(), rng.Intn(1<<16))
		default:
			out[i] = fmt.Sprintf("host:web-%04d.dc%d.example.net", i, 1+rng.Intn(3))
		}
	}
	return out
}

func zones() []string {
	var out []string
	for _, r := range regions {
		for _, z := range "abc" {
			out = append(out, "availability-zone:"+r+string(z))
		}
	}
	return out
}

const alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789"

// podNames follows Kubernetes: deployment, replica-set hash, pod suffix.
func podNames(rng *rand.Rand, key string, n int, withSuffix bool) []string {
	out := make([]string, n)
	for i := range out {
		name := fmt.Sprintf("%s%s-%010x", key, services[rng.Intn(len(services))],
			rng.Int63n(1<<40))
		if withSuffix {
			suffix := make([]byte, 5)
			for j := range suffix {
				suffix[j] = alphanumeric[rng.Intn(len(alphanumeric))]
			}
			name += "-" + string(suffix)
		}
		out[i] = name
	}
	return out
}

func containerIDs(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("container_id:%016x%016x%016x%016x",
			rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64())
	}
	return out
}

func imageTags(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("image_tag:v%d.%d.%d", 1+rng.Intn(3), rng.Intn(40), rng.Intn(12))
	}
	return out
}

func endpoints() []string {
	var out []string
	for _, r := range resources {
		for _, v := range []string{"v1", "v2"} {
			out = append(out, "endpoint:/api/"+v+"/"+r, "endpoint:/api/"+v+"/"+r+"/{id}")
		}
	}
	return out
}

// longTags are the rare tags longer than the snapshot string limit: queries,
// URLs, user agents and stack traces with a varying tail.
func longTags(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		b.WriteString(longPrefixes[i%len(longPrefixes)])
		for b.Len() < stringLimit+8+rng.Intn(300) {
			fmt.Fprintf(&b, "%x", rng.Uint64())
		}
		out[i] = b.String()
	}
	return out
}
