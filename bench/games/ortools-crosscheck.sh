#!/usr/bin/env bash
# The OR-Tools cross-check of our dense simplex (a separate job: restoring Google.OrTools pulls ~440 MB of native
# runtimes, too much for the README's test command). Prints how long restore, build and test took.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
dotnet restore tests/RlSpec.OrTools.Tests -v q
restored=$(date +%s)
dotnet test tests/RlSpec.OrTools.Tests -v q --nologo
done_=$(date +%s)
echo "restore: $((restored - start)) s, build and test: $((done_ - restored)) s"
