# Sourced by the scripts in .ci/ and samples/: makes sure Go is on PATH (Debian's golang-go,
# installed with apt-get when missing) and that Go can run (it needs HOME or GOCACHE).
ensure_go() {
  if ! command -v go >/dev/null 2>&1; then
    if [ -x /usr/lib/go/bin/go ]; then
      export PATH="/usr/lib/go/bin:$PATH"
    else
      local sudo=""
      [ "$(id -u)" -ne 0 ] && sudo="sudo"
      echo "Go is missing: installing Debian's golang-go." >&2
      $sudo apt-get update
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y golang-go
    fi
  fi
  if [ -z "${HOME:-}" ] && [ -z "${GOCACHE:-}" ]; then
    export GOCACHE="${TMPDIR:-/tmp}/dodo-gocache"
  fi
  # The sample and the test packages use the standard library only; never reach for a proxy.
  export GOPROXY="${GOPROXY:-off}"
  go version >&2
}
