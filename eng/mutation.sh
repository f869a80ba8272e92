#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of the code that decides money and customer contact:
#   boleto   - src/Cobranca.Connectors.Boleto (barcode / linha digitável codec, due-date factor, late fees)
#   brcode   - src/Cobranca.Connectors.Pix/BrCode (BR Code parser, writer, key rules, CRC)
#   planner  - the Workflows dunning planner (DunningPlanner, DunningSchedule, DunningStep, QuietHours, HolidayCalendar)
# Usage: eng/mutation.sh [boleto|brcode|planner ...]   (default: all three)
# Env:   STRYKER_CONCURRENCY (default 2), STRYKER_OUTPUT (default artifacts/mutation)
# Prints one line per target: "<target>: score S % (killed K, timeout T, survived S, no coverage N, ignored I)".
# Slow: minutes per target on two cores. Not part of CI; its last results go into docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

concurrency="${STRYKER_CONCURRENCY:-2}"
output_root="${STRYKER_OUTPUT:-artifacts/mutation}"
mkdir -p "$output_root"
output_root="$(cd "$output_root" && pwd)"

dotnet tool restore >/dev/null

run() {
  local name="$1" tests="$2" project="$3"; shift 3
  local out="$output_root/$name"
  rm -rf "$out"
  echo "::: stryker $name (concurrency $concurrency)" >&2
  local mutate=()
  for m in "$@"; do mutate+=(--mutate "$m"); done
  (cd "$tests" && dotnet tool run dotnet-stryker \
      --project "$project" \
      "${mutate[@]}" \
      --concurrency "$concurrency" \
      --reporter json --reporter html --reporter progress \
      --output "$out" \
      --break-at 0) >&2
  python3 - "$name" "$out" <<'PY'
import json, glob, sys
name, out = sys.argv[1], sys.argv[2]
reports = glob.glob(out + "/**/mutation-report.json", recursive=True)
if not reports:
    print(f"{name}: no report (stryker failed)"); sys.exit(1)
counts = {}
for f in json.load(open(reports[0]))["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
k, t = counts.get("Killed", 0), counts.get("Timeout", 0)
s, n = counts.get("Survived", 0), counts.get("NoCoverage", 0)
ign = counts.get("Ignored", 0)
valid = k + t + s + n
score = 100.0 * (k + t) / valid if valid else 0.0
print(f"{name}: score {score:.2f} % (killed {k}, timeout {t}, survived {s}, no coverage {n}, ignored {ign}; "
      f"compile errors {counts.get('CompileError', 0)}) -> {reports[0]}")
PY
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(boleto brcode planner)
for target in "${targets[@]}"; do
  case "$target" in
    boleto)  run boleto tests/Cobranca.Connectors.Boleto.Tests Cobranca.Connectors.Boleto.csproj "**/*.cs" ;;
    brcode)  run brcode tests/Cobranca.Connectors.Pix.Tests Cobranca.Connectors.Pix.csproj "**/BrCode/*.cs" ;;
    planner) run planner tests/Cobranca.Connectors.Workflows.Tests Cobranca.Connectors.Workflows.csproj \
               "**/DunningPlanner.cs" "**/DunningSchedule.cs" "**/DunningStep.cs" "**/QuietHours.cs" "**/HolidayCalendar.cs" ;;
    *) echo "unknown target: $target (boleto, brcode, planner)" >&2; exit 2 ;;
  esac
done
