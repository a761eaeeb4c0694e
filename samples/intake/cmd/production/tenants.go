package main

import (
	"math/rand"
	"sort"

	"intake/tags"
)

// tenant is one customer of the intake with its own filter. Requests pick a
// tenant by weight, so the receiver of the target differs between calls.
type tenant struct {
	name   string
	weight int
	filter *tags.Filter
}

// tenantRules are the rule sets: one tenant with only literals, one with a
// couple of regular expressions, one with many prefixes, one with a mix.
var tenantRules = []struct {
	name   string
	weight int
	rules  []tags.Rule
}{
	{"acme", 50, literals(
		"pod_name", "container_id", "kube_replica_set", "image_id", "docker_image",
		"short_image", "image_tag", "kube_ownerref_name", "kube_ownerref_kind",
		"display_container_name", "container_name", "task_arn", "task_family",
		"ecs_container_name", "git.commit.sha", "git.repository_url", "runtime-id",
		"process_id", "thread_name", "shard", "env:dev", "env:qa", "cache:miss",
		"http.method:options", "customer_tier:free", "source:synthetics",
		"kube_cluster_name:dev-shared", "region:ap-southeast-2", "team:support-tools",
		"feature_flag:exp-1",
	)},
	{"initech", 25, prefixes(
		"kube_", "pod_", "container_", "docker_", "ecs_", "aws_", "git.", "image_",
		"short_image", "datadog.", "dd.", "_dd.", "runtime-", "process_", "k8s.", "eks_",
		"gke_", "orch_", "node_", "instance-type", "autoscaling", "cluster_",
		"availability-zone:ap", "region:ap", "host:gke-", "host:web-9", "customer_id:c-1",
		"customer_id:c-2", "endpoint:/internal", "endpoint:/health", "http.status_code:3",
		"http.status_code:4", "feature_flag:exp-3", "cache:", "shard:", "user_agent:",
		"sql.", "error.", "http.url:", "team:sre", "team:ml",
	)},
	{"globex", 18, []tags.Rule{
		tags.RegexpRule(`^(pod_name|kube_replica_set):[a-z-]+-[0-9a-f]+(-[a-z0-9]+)?$`),
		tags.RegexpRule(`^version:.+-(rc|beta)[0-9]*$`),
	}},
	{"umbrella", 7, append(append(
		literals("container_id", "image_tag", "shard", "env:staging", "cache:hit",
			"http.method:get", "source:web", "team:growth"),
		prefixes("kube_replica", "pod_", "host:ip-10-1", "endpoint:/api/v1", "feature_flag:",
			"customer_tier:", "sql.", "user_agent:")...),
		tags.RegexpRule(`^customer_id:c-[0-9]*7$`),
	)},
}

func literals(patterns ...string) []tags.Rule {
	rules := make([]tags.Rule, len(patterns))
	for i, p := range patterns {
		rules[i] = tags.LiteralRule(p)
	}
	return rules
}

func prefixes(patterns ...string) []tags.Rule {
	rules := make([]tags.Rule, len(patterns))
	for i, p := range patterns {
		rules[i] = tags.PrefixRule(p)
	}
	return rules
}

func newTenants() ([]tenant, error) {
	out := make([]tenant, len(tenantRules))
	for i, t := range tenantRules {
		f, err := tags.NewFilter(t.rules...)
		if err != nil {
			return nil, err
		}
		out[i] = tenant{name: t.name, weight: t.weight, filter: f}
	}
	return out, nil
}

// tenantPicker draws tenants by weight.
type tenantPicker struct {
	tenants    []tenant
	cumulative []int
}

func newTenantPicker(tenants []tenant) tenantPicker {
	p := tenantPicker{tenants: tenants}
	total := 0
	for _, t := range tenants {
		total += t.weight
		p.cumulative = append(p.cumulative, total)
	}
	return p
}

func (p tenantPicker) pick(rng *rand.Rand) int {
	w := rng.Intn(p.cumulative[len(p.cumulative)-1])
	return sort.SearchInts(p.cumulative, w+1)
}
