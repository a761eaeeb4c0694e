package tags

// sortedSet sorts tags in place and removes repeated tags, merging the
// copies that normalization made equal ("ENV:prod" and "env:prod").
//
// Tag sets are small (tens of tags) and agents send them mostly sorted, so
// an insertion sort beats a general-purpose sort here: no recursion, and
// close to one comparison per tag on sorted input.
func sortedSet(tags []string) []string {
	for i := 1; i < len(tags); i++ {
		tag := tags[i]
		j := i
		for j > 0 && tags[j-1] > tag {
			tags[j] = tags[j-1]
			j--
		}
		tags[j] = tag
	}
	n := 0
	for i, tag := range tags {
		if i > 0 && tag == tags[n-1] {
			continue
		}
		tags[n] = tag
		n++
	}
	return tags[:n]
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// fingerprint hashes a sorted tag set with FNV-1a; a zero byte after each
// tag keeps {"ab", "c"} and {"a", "bc"} apart.
func fingerprint(sorted []string) uint64 {
	h := uint64(fnvOffset64)
	for _, tag := range sorted {
		for i := 0; i < len(tag); i++ {
			h ^= uint64(tag[i])
			h *= fnvPrime64
		}
		h *= fnvPrime64 // a zero byte: xor with 0 is a no-op
	}
	return h
}
