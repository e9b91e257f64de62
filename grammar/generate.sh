#!/usr/bin/env bash
# Regenerates the committed C# lexer/parser from RlSpec.g4 with the pinned antlr-ng.
#   bash grammar/generate.sh            # writes src/RlSpec.Compiler/Syntax/Generated
#   bash grammar/generate.sh OUT_DIR    # writes elsewhere (used by .ci/run to compare)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../src/RlSpec.Compiler/Syntax/Generated}"
cd "$here"
if [ ! -x node_modules/.bin/antlr-ng ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node_modules/.bin/antlr-ng -Dlanguage=CSharp --generate-visitor true --generate-listener false \
  --package RlSpec.Compiler.Syntax.Generated -o "$tmp" RlSpec.g4 >/dev/null
mkdir -p "$out"
rm -f "$out"/*.cs "$out"/*.interp "$out"/*.tokens
# Keep only the C# sources; the .interp/.tokens files are tool artifacts.
find "$tmp" -name '*.cs' -exec cp {} "$out"/ \;
