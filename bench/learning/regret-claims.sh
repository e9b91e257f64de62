#!/usr/bin/env bash
# The long job of issue 8's online RL claims (docs/learning.md, "Episodic experiments" and "Continuing
# experiments"): runs both experiments of examples/learning/river-swim-ucbvi.rlspec, the one of deep-sea.rlspec
# and UCRL2's of river-swim-ucrl2.rlspec at full size (the declared K episodes or T steps, and R runs)
# with `rlspec run --shard 0/1` (Release build), which keeps every run's values in
# docs/learning/claims/<name>/shard-0-of-1.rlshard, merges each into results.csv, summary.json and the plots,
# then checks the claims with the issue's margins by running LearningClaimsTests with RLSPEC_CLAIMS=full.
#   bash bench/learning/regret-claims.sh
# Sizes can be lowered for a busy machine (defaults: the declared K = 20000, T = 10^7, R = 50):
#   K=10000 T=1000000 R=20 THREADS=2 bash bench/learning/regret-claims.sh
# ONLY=RiverSwimUcrl2 runs one experiment (the others' committed outputs stay and are checked too).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=docs/learning/claims
file=examples/learning/river-swim-ucbvi.rlspec
threads=${THREADS:-$(nproc)}
sizes=()
[[ -n "${K:-}" ]] && sizes+=(-p "K=$K")
[[ -n "${R:-}" ]] && sizes+=(-p "R=$R")
steps=()   # the episodic examples declare K, the continuing one T
[[ -n "${T:-}" ]] && steps+=(-p "T=$T")

dotnet build src/RlSpec.Cli -c Release -v q -nologo
rlspec() { dotnet src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll "$@"; }

run() {   # run NAME FOLDER [FILE]
  local name=$1 folder=$2 file=${3:-$file}
  [[ -n "${ONLY:-}" && "$ONLY" != "$name" ]] && return 0
  local start=$SECONDS
  local length=("${sizes[@]}")
  if [[ "$name" == RiverSwimUcrl2 ]]; then length=(); [[ -n "${R:-}" ]] && length+=(-p "R=$R"); length+=("${steps[@]}"); fi
  rm -rf "$out/$folder"
  rlspec run "$file" --experiment "$name" --threads "$threads" --shard 0/1 --out "$out/$folder" "${length[@]}"
  rlspec merge "$out/$folder" --out "$out/$folder"
  echo "$name -> $out/$folder: $((SECONDS - start)) s"
}

total=$SECONDS
run RiverSwimRegret river-swim
run DiscountedRiverSwimRegret river-swim-discounted
run DeepSeaRegret deep-sea examples/learning/deep-sea.rlspec
run RiverSwimUcrl2 river-swim-ucrl2 examples/learning/river-swim-ucrl2.rlspec
echo "all experiments: $((SECONDS - total)) s"

dotnet build tests/RlSpec.Tests -v q -nologo
RLSPEC_CLAIMS=full dotnet test tests/RlSpec.Tests --no-build --nologo \
  --filter "FullyQualifiedName~LearningClaimsTests" --logger "console;verbosity=detailed"
