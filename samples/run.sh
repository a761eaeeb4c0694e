#!/usr/bin/env bash
# The main job, end to end, on the bundled sample: packs Dodo.Build into the local feed
# (artifacts/packages), installs Go when missing, and runs
#   dotnet build samples/intake/dodo.proj -t:DodoBenchmark
# Extra arguments go to dotnet build (for example -bl or -p:DodoMinSamples=30000).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/go-env.sh"
ensure_go

version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/Directory.Build.props")
dotnet pack "$repo/src/Dodo.Build.Tasks/Dodo.Build.Tasks.csproj" -c Release -o "$repo/artifacts/packages" -nologo

# A re-packed package keeps its version, and NuGet would serve the cached copy: drop that entry.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
rm -rf "$cache/dodo.build/$version"

dotnet build "$repo/samples/intake/dodo.proj" -t:DodoBenchmark "$@"
