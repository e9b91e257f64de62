#!/usr/bin/env bash
# The long job of issue 7's statistical claims (docs/experiments-claims.md): runs every experiment of
# bench/experiments/claims.rlspec at full size with `rlspec run` (Release build) into
# docs/experiments/claims/<name>/ (results.csv, summary.json), then checks the claims with the issue's
# margins by running RegretClaimsTests with RLSPEC_CLAIMS=full, which reads those outputs.
#   bash bench/experiments/regret-claims.sh
# Run counts can be lowered for a busy machine (the defaults are the declared ones):
#   LOG_RUNS=1000 ADV_RUNS=200 LIN_RUNS=100 SR_RUNS=20000 THREADS=2 bash bench/experiments/regret-claims.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=docs/experiments/claims
file=bench/experiments/claims.rlspec
threads=${THREADS:-$(nproc)}

dotnet build src/RlSpec.Cli -c Release -v q -nologo
rlspec() { dotnet src/RlSpec.Cli/bin/Release/net10.0/rlspec.dll "$@"; }

run() {   # run NAME FOLDER OVERRIDES...
  local name=$1 folder=$2; shift 2
  local start=$SECONDS
  rlspec run "$file" --experiment "$name" --threads "$threads" --out "$out/$folder" "$@"
  echo "$name -> $out/$folder: $((SECONDS - start)) s"
}

total=$SECONDS
for n in 2000 4000 8000; do
  run RejectsBudget "rejects-budget-$n" -p "T=$n" -p "R=${SR_RUNS:-20000}"
done
run LinearVersusIndependent linear-versus-independent -p "R=${LIN_RUNS:-100}"
run AdversarialSlope adversarial-slope -p "R=${ADV_RUNS:-200}"
run LogRegret log-regret -p "R=${LOG_RUNS:-1000}"
echo "all experiments: $((SECONDS - total)) s"

dotnet build tests/RlSpec.Tests -v q -nologo
RLSPEC_CLAIMS=full dotnet test tests/RlSpec.Tests --no-build --nologo \
  --filter "FullyQualifiedName~RegretClaimsTests" --logger "console;verbosity=detailed"
