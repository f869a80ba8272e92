#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of the code that decides money and customer contact:
#   boleto   - src/Cobranca.Connectors.Boleto (barcode / linha digitável codec, due-date factor, late fees; not yet the
#              CNAB retorno parser in Cnab/, which arrived after the 2026-11-30 measurement)
#   brcode   - src/Cobranca.Connectors.Pix/BrCode (BR Code parser, writer, key rules, CRC, URL and text rules)
#   planner  - the Workflows dunning planner: DunningPlanner and what it uses for day offsets, quiet hours, holidays and
#              the 15-day suspension rule (DunningSchedule, DunningStep, QuietHours, HolidayCalendar)
# Usage: eng/mutation.sh [boleto|brcode|planner ...]   (default: all three)
# Env:   STRYKER_CONCURRENCY (default 1: the machine is usually shared), STRYKER_OUTPUT (default artifacts/mutation),
#        STRYKER_MUTATE (optional glob replacing a target's file list, e.g. "**/BrCode/BrCodeUrl.cs" to re-run one file)
# Prints one line per target: "<target>: score S % (killed K, timeout T, survived S, no coverage N, ignored I ...)",
# then the survivors (file:line mutator -> replacement) and, at the end, the scores again together.
# Score = (killed + timeout) / (killed + timeout + survived + no coverage); mutants marked equivalent in the code
# (`// Stryker disable once ... : reason`, listed in docs/quality.md) are Ignored and not counted.
# Each target runs only the tests about it (--test-case-filter), which keeps a run to minutes on two cores:
#   brcode leaves out the exhaustive "every single-character substitution" property test (≈ 17 s a run), so its score is
#   a lower bound. Slow; not part of CI; its last results go into docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

concurrency="${STRYKER_CONCURRENCY:-1}"
output_root="${STRYKER_OUTPUT:-artifacts/mutation}"
mkdir -p "$output_root"
output_root="$(cd "$output_root" && pwd)"
summary=()

dotnet tool restore >/dev/null

run() {
  local name="$1" tests="$2" project="$3" filter="$4"; shift 4
  local out="$output_root/$name"
  rm -rf "$out"
  echo "::: stryker $name (concurrency $concurrency)" >&2
  local mutate=()
  if [ -n "${STRYKER_MUTATE:-}" ]; then mutate=(--mutate "$STRYKER_MUTATE"); else for m in "$@"; do mutate+=(--mutate "$m"); done; fi
  local progress=progress
  [ -t 2 ] || progress=dots   # one character per mutant when the output is a file (. killed, S survived, T timeout)
  local filter_args=()
  [ -n "$filter" ] && filter_args=(--test-case-filter "$filter")
  (cd "$tests" && dotnet tool run dotnet-stryker \
      --project "$project" \
      "${mutate[@]}" \
      "${filter_args[@]}" \
      --concurrency "$concurrency" \
      --reporter json --reporter html --reporter "$progress" \
      --output "$out" \
      --break-at 0) >&2
  local line
  line="$(python3 - "$name" "$out" <<'PY'
import json, glob, sys
name, out = sys.argv[1], sys.argv[2]
reports = glob.glob(out + "/**/mutation-report.json", recursive=True)
if not reports:
    print(f"{name}: no report (stryker failed)"); sys.exit(0)
counts, survivors = {}, []
for path, f in json.load(open(reports[0]))["files"].items():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            survivors.append(f"  {m['status']}: {path.split('/src/')[-1]}:{m['location']['start']['line']} "
                             f"{m['mutatorName']} -> {m.get('replacement', '')[:80]!r}")
k, t = counts.get("Killed", 0), counts.get("Timeout", 0)
s, n = counts.get("Survived", 0), counts.get("NoCoverage", 0)
valid = k + t + s + n
score = 100.0 * (k + t) / valid if valid else 0.0
print(f"{name}: score {score:.2f} % (killed {k}, timeout {t}, survived {s}, no coverage {n}, "
      f"ignored {counts.get('Ignored', 0)}, compile errors {counts.get('CompileError', 0)}) -> {reports[0]}")
for line in survivors: print(line)
PY
)"
  echo "$line"
  summary+=("$(echo "$line" | head -n 1)")
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(boleto brcode planner)
for target in "${targets[@]}"; do
  case "$target" in
    boleto)  run boleto tests/Cobranca.Connectors.Boleto.Tests Cobranca.Connectors.Boleto.csproj "" "**/*.cs" "!**/Cnab/*.cs" ;;
    brcode)  run brcode tests/Cobranca.Connectors.Pix.Tests Cobranca.Connectors.Pix.csproj \
               "(FullyQualifiedName~.BrCode|FullyQualifiedName~.PixQrCodeTests)&FullyQualifiedName!~Every_single_character_substitution" "**/BrCode/*.cs" ;;
    planner) run planner tests/Cobranca.Connectors.Workflows.Tests Cobranca.Connectors.Workflows.csproj \
               "FullyQualifiedName~.DunningPlanner|FullyQualifiedName~.DunningSchedule|FullyQualifiedName~.HolidayCalendar" \
               "**/DunningPlanner.cs" "**/DunningSchedule.cs" "**/DunningStep.cs" "**/QuietHours.cs" "**/HolidayCalendar.cs" ;;
    *) echo "unknown target: $target (boleto, brcode, planner)" >&2; exit 2 ;;
  esac
done
echo "--- mutation scores"
printf '%s\n' "${summary[@]}"
