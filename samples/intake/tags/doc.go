// Package tags is the tag pipeline of a telemetry intake: it normalizes the
// "key:value" tags sent with every metric point, drops the ones a tenant's
// rules exclude, and fingerprints the remaining set so that points with the
// same tags land in the same context.
package tags
