#!/usr/bin/env bash
# Whole-process time of the built `rlspec solve examples/forest.rlspec` against bench/python/forest_pi.py (numpy policy
# iteration), alternating in each of ROUNDS rounds (default 5): the default engine (forest is small: interpreted, no C#
# compiler), the compiled engine with an empty cache directory (Roslyn), the compiled engine again (cached), and the
# Python script. Prints every run's wall, user and sys seconds, the medians, and the load average before and after.
# RLSPEC names the tool (default: the ReadyToRun publish of .ci/publish, else the IL build). Run from the root after
#   bash .ci/publish                      # artifacts/rlspec/rlspec, ahead-of-time compiled
#   dotnet build src/RlSpec.Cli -c Release   # or: RLSPEC="dotnet src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll"
set -euo pipefail
ROUNDS=${1:-5}
if [ -z "${RLSPEC:-}" ]; then
  if [ -x artifacts/rlspec/rlspec ]; then RLSPEC=artifacts/rlspec/rlspec; else RLSPEC="dotnet src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll"; fi
fi
echo "tool: $RLSPEC; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a interpreted first cached python
run() { # prints "wall user sys" of one command
  /usr/bin/time -f "%e %U %S" -o /tmp/compare-time.$$ "$@" > /dev/null
  cat /tmp/compare-time.$$
}
for i in $(seq 1 "$ROUNDS"); do
  cache=$(mktemp -d)
  a=$(run $RLSPEC solve examples/forest.rlspec)
  b=$(RLSPEC_CACHE_DIR=$cache run $RLSPEC solve examples/forest.rlspec --engine compiled)
  c=$(RLSPEC_CACHE_DIR=$cache run $RLSPEC solve examples/forest.rlspec --engine compiled)
  d=$(run /usr/bin/python3 bench/python/forest_pi.py)
  rm -rf "$cache"
  echo "round $i (wall user sys): rlspec default $a | compiled, empty cache $b | compiled, cached $c | python $d"
  interpreted+=("$a"); first+=("$b"); cached+=("$c"); python+=("$d")
done
rm -f /tmp/compare-time.$$
# The median of one column (1 wall, 2 user, 3 sys, 4 user + sys) over the rounds.
median() { local column=$1; shift; printf '%s\n' "$@" | awk -v c="$column" '{print (c == 4 ? $2 + $3 : $c)}' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for name in interpreted first cached python; do
  declare -n runs=$name
  printf '%-12s median wall %s s, user + sys %s s\n' "$name" "$(median 1 "${runs[@]}")" "$(median 4 "${runs[@]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
