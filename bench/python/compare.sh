#!/usr/bin/env bash
# Whole-process wall time of the built `rlspec solve examples/forest.rlspec` (first run with an empty cache
# directory, then a cached run) against bench/python/forest_pi.py (numpy policy iteration), alternating the three,
# ROUNDS rounds (default 5); prints every run and the medians. Run from the repository root after
#   dotnet build src/RlSpec.Cli -c Release
set -euo pipefail
ROUNDS=${1:-5}
RLSPEC="dotnet src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll"
declare -a first cached python
run() { # prints "wall user sys" of one command
  /usr/bin/time -f "%e %U %S" -o /tmp/compare-time.$$ "$@" > /dev/null
  cat /tmp/compare-time.$$
}
for i in $(seq 1 "$ROUNDS"); do
  cache=$(mktemp -d)
  a=$(RLSPEC_CACHE_DIR=$cache run $RLSPEC solve examples/forest.rlspec)
  b=$(RLSPEC_CACHE_DIR=$cache run $RLSPEC solve examples/forest.rlspec)
  c=$(run /usr/bin/python3 bench/python/forest_pi.py)
  rm -rf "$cache"
  echo "round $i: rlspec first (wall user sys) $a | rlspec cached $b | python $c"
  first+=("${a%% *}"); cached+=("${b%% *}"); python+=("${c%% *}")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "median wall: rlspec first $(median "${first[@]}") s, rlspec cached $(median "${cached[@]}") s, python $(median "${python[@]}") s"
