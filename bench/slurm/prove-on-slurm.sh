#!/usr/bin/env bash
# Proves that a cluster job array runs one experiment exactly: on a real single-node Slurm (started by
# start-single-node.sh), it runs an example experiment once in a single process, then as a 3-task job
# array (one shard per task), merges the shards with `rlspec merge`, and compares: results.csv must be
# byte-identical and summary.json identical apart from its wall_time_seconds line.
#   bash bench/slurm/prove-on-slurm.sh [LOG]      # LOG: also write the transcript there (docs/slurm-run.log)
# Exit 0: identical. Exit 1: a difference or a failure. Exit 3: Slurm cannot run on this machine (not
# root, or no apt to install it); the reason is printed, nothing was compared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
log="${1:-}"
if [ -n "$log" ]; then exec > >(tee "$log") 2>&1; fi

file=examples/bandits/bernoulli9.rlspec
experiment=Regret
run_args=(--runs 60 --seed 2026)
shards=3

echo "== Slurm proof: $file, experiment $experiment, ${run_args[*]}, $shards shards ($(date -u +%Y-%m-%dT%H:%MZ))"
set +e
bash bench/slurm/start-single-node.sh
status=$?
set -e
if [ "$status" -eq 3 ]; then exit 3; fi
if [ "$status" -ne 0 ]; then exit 1; fi
sinfo

echo "== build the rlspec command (Release)"
dotnet build src/RlSpec.Cli -c Release --nologo -v q >/dev/null
cli="$(pwd)/src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll"
export RLSPEC="dotnet $cli"

work="$(mktemp -d /tmp/rlspec-slurm.XXXXXX)"
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"

echo "== one process"
dotnet "$cli" run "$file" --experiment "$experiment" "${run_args[@]}" --out "$work/single" --threads 2 > "$work/single.txt"
tail -n +1 "$work/single.txt"

echo "== job array: sbatch --wait --array=0-$((shards - 1))"
set +e
timeout 600 sbatch --wait --time=10 --array=0-$((shards - 1)) --chdir="$(pwd)" --output="$work/slurm-%A_%a.out" \
  bench/slurm/experiment-array.sbatch "$file" "$experiment" "$work/array" "${run_args[@]}"
status=$?
set -e
if [ "$status" -eq 124 ]; then
  echo "prove-on-slurm: the job array did not finish within 10 minutes (queue: $(squeue -h | wc -l) jobs); Slurm does not schedule here"
  scancel --user="$(id -un)" 2>/dev/null || true
  exit 3
fi
if [ "$status" -ne 0 ]; then
  for f in "$work"/slurm-*.out; do echo "-- $(basename "$f")"; cat "$f"; done
  echo "prove-on-slurm: a task of the job array failed (sbatch exit $status)"
  exit 1
fi
for f in "$work"/slurm-*.out; do echo "-- $(basename "$f")"; cat "$f"; done
ls "$work/array"

echo "== merge"
dotnet "$cli" merge "$work"/array/shard-* --out "$work/merged"

echo "== compare"
cmp "$work/single/results.csv" "$work/merged/results.csv"
echo "results.csv: byte-identical ($(wc -l < "$work/single/results.csv") lines, sha256 $(sha256sum < "$work/single/results.csv" | cut -c1-16))"
diff <(grep -v '"wall_time_seconds"' "$work/single/summary.json") <(grep -v '"wall_time_seconds"' "$work/merged/summary.json")
echo "summary.json: identical apart from wall_time_seconds"
echo "== Slurm proof passed"
