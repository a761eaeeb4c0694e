package main

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mixConfig is the shape of the input mix: batch sizes and what share of
// tags arrive cased, non-ASCII or oversized.
type mixConfig struct {
	MinBatch, MaxBatch int     // the body of the batch-size distribution
	TailShare          float64 // share of batches drawn from (MaxBatch, TailMax]
	TailMax            int
	UppercaseShare     float64 // share of pooled tags sent with uppercase letters
	PlaceShare         float64 // share of user tags that are non-ASCII place names
	LongShare          float64 // share of user tags longer than the string limit
	DuplicateShare     float64 // share of batches that repeat one of their tags
	KubeShare          float64 // share of batches sent from Kubernetes pods
	Hosts              int     // distinct hosts in the fleet
}

var defaultMix = mixConfig{
	MinBatch: 5, MaxBatch: 60, TailShare: 0.03, TailMax: 140,
	UppercaseShare: 0.25, PlaceShare: 0.06, LongShare: 0.006,
	DuplicateShare: 0.10, KubeShare: 0.60, Hosts: 5000,
}

// mix generates batches of tags. Every tag string is made once, up front,
// so that filling a batch allocates nothing: allocations in the harness
// would add GC assists inside the target that production would not have.
type mix struct {
	cfg mixConfig

	env, service, version, host, region, zone             pool
	cluster, namespace, pod, container, replicaSet, image pool
	user                                                  []pool
	places, long                                          []string
}

// pool holds one kind of tag, each with a cased variant, and a cumulative
// weight table when the kind is not uniform.
type pool struct {
	lower, cased []string
	cumulative   []int
}

func (p *pool) pick(rng *rand.Rand, uppercaseShare float64) string {
	i := 0
	if p.cumulative == nil {
		i = rng.Intn(len(p.lower))
	} else {
		w := rng.Intn(p.cumulative[len(p.cumulative)-1])
		i = sort.SearchInts(p.cumulative, w+1)
	}
	if rng.Float64() < uppercaseShare {
		return p.cased[i]
	}
	return p.lower[i]
}

func newMix(cfg mixConfig, seed int64) *mix {
	rng := rand.New(rand.NewSource(seed))
	m := &mix{cfg: cfg}
	m.env = weightedPool(rng, "env", environments)
	m.service = zipfPool(rng, prefixed("service:", services))
	m.version = uniformPool(rng, versions(rng, 30))
	m.host = uniformPool(rng, hostNames(rng, cfg.Hosts))
	m.region = uniformPool(rng, prefixed("region:", regions))
	m.zone = uniformPool(rng, zones())
	m.cluster = zipfPool(rng, prefixed("kube_cluster_name:", clusters))
	m.namespace = zipfPool(rng, prefixed("kube_namespace:", namespaces))
	m.pod = uniformPool(rng, podNames(rng, "pod_name:", 3000, true))
	m.replicaSet = uniformPool(rng, podNames(rng, "kube_replica_set:", 400, false))
	m.container = uniformPool(rng, containerIDs(rng, 2000))
	m.image = uniformPool(rng, imageTags(rng, 60))
	m.user = []pool{
		zipfPool(rng, prefixed("team:", teams)),
		zipfPool(rng, endpoints()),
		weightedPool(rng, "http.method", httpMethods),
		weightedPool(rng, "http.status_code", statusCodes),
		weightedPool(rng, "customer_tier", []weighted{{"free", 60}, {"pro", 30}, {"enterprise", 10}}),
		uniformPool(rng, numbered("customer_id:c-", 2000)),
		zipfPool(rng, numbered("feature_flag:exp-", 40)),
		weightedPool(rng, "cache", []weighted{{"hit", 85}, {"miss", 15}}),
		uniformPool(rng, numbered("shard:", 64)),
		weightedPool(rng, "source", []weighted{{"web", 55}, {"mobile", 35}, {"synthetics", 10}}),
	}
	m.places = places
	m.long = longTags(rng, 80)
	return m
}

// fill appends one batch to batch[:0]'s storage and returns it.
func (m *mix) fill(batch []string, rng *rand.Rand) []string {
	size := m.batchSize(rng)
	u := m.cfg.UppercaseShare
	batch = append(batch[:0],
		m.env.pick(rng, u), m.service.pick(rng, u), m.version.pick(rng, u),
		m.host.pick(rng, u), m.region.pick(rng, u), m.zone.pick(rng, u))
	if rng.Float64() < m.cfg.KubeShare {
		batch = append(batch,
			m.cluster.pick(rng, u), m.namespace.pick(rng, u), m.pod.pick(rng, u),
			m.replicaSet.pick(rng, u), m.container.pick(rng, u), m.image.pick(rng, u))
	}
	for len(batch) < size {
		batch = append(batch, m.userTag(rng))
	}
	batch = batch[:size]
	if size > 1 && rng.Float64() < m.cfg.DuplicateShare {
		batch = append(batch, batch[rng.Intn(size)])
	}
	return batch
}

// batchSize is skewed towards small batches (u² on the body) with a thin
// tail past MaxBatch.
func (m *mix) batchSize(rng *rand.Rand) int {
	if rng.Float64() < m.cfg.TailShare {
		return m.cfg.MaxBatch + 1 + rng.Intn(m.cfg.TailMax-m.cfg.MaxBatch)
	}
	u := rng.Float64()
	return m.cfg.MinBatch + int(float64(m.cfg.MaxBatch-m.cfg.MinBatch+1)*u*u)
}

func (m *mix) userTag(rng *rand.Rand) string {
	switch r := rng.Float64(); {
	case r < m.cfg.LongShare:
		return m.long[rng.Intn(len(m.long))]
	case r < m.cfg.LongShare+m.cfg.PlaceShare:
		return m.places[rng.Intn(len(m.places))]
	default:
		p := &m.user[rng.Intn(len(m.user))]
		return p.pick(rng, m.cfg.UppercaseShare)
	}
}

// tagStats describes a set of tags the way the README states the mix.
type tagStats struct {
	Batches, Tags, Over100         int
	Uppercase, NonASCII, OverLimit int
}

func (s *tagStats) addBatch(batch []string) {
	s.Batches++
	if len(batch) > 100 {
		s.Over100++
	}
	for _, tag := range batch {
		s.addTag(tag, len(tag))
	}
}

// addTag counts a tag whose original length is size (a captured tag may be
// a truncated prefix).
func (s *tagStats) addTag(tag string, size int) {
	s.Tags++
	if strings.IndexFunc(tag, unicode.IsUpper) >= 0 {
		s.Uppercase++
	}
	if !isASCII(tag) {
		s.NonASCII++
	}
	if size > stringLimit {
		s.OverLimit++
	}
}

func (s tagStats) share(n int) float64 { return float64(n) / float64(s.Tags) }

func (s tagStats) String() string {
	return fmt.Sprintf("%d batches, %.1f tags/batch, %.2f%% batches > 100 tags; "+
		"tags: %.1f%% uppercase, %.2f%% non-ASCII, %.2f%% > %d bytes",
		s.Batches, float64(s.Tags)/float64(s.Batches), 100*float64(s.Over100)/float64(s.Batches),
		100*s.share(s.Uppercase), 100*s.share(s.NonASCII), 100*s.share(s.OverLimit), stringLimit)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// measureMix draws batches from a copy of the stream to state the mix that
// the harness is configured to send.
func measureMix(m *mix, seed int64, batches int) tagStats {
	rng := rand.New(rand.NewSource(seed))
	var stats tagStats
	var batch []string
	for i := 0; i < batches; i++ {
		batch = m.fill(batch, rng)
		stats.addBatch(batch)
	}
	return stats
}
