#!/usr/bin/env bash
# Fuzzes one StarRating target with afl-fuzz and SharpFuzz. See docs/fuzzing.md.
#
#   fuzz/run.sh TARGET [SECONDS]      TARGET: rubric | evidence | template | workbook; SECONDS defaults to 600
#
# On a clean clone it installs what it needs (Debian's afl++, and the SharpFuzz.CommandLine tool into
# fuzz/.tools), builds the harness in Release, instruments the assemblies that matter for the target, seeds a
# corpus from the repository, runs afl-fuzz for SECONDS and prints executions, paths, crashes and hangs.
# Everything it writes goes under fuzz/work/ (build, seeds) and fuzz/findings/TARGET/ (afl-fuzz output); both
# are ignored by git. A previous run's output is moved aside to fuzz/findings/TARGET.N, never deleted.
set -euo pipefail

usage() { echo "usage: fuzz/run.sh {rubric|evidence|template|workbook} [SECONDS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
target=$1
seconds=${2:-600}
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz=$root/fuzz
work=$fuzz/work
tools=$fuzz/.tools
sharpfuzz_version=2.3.0

# Per target: the assemblies to instrument, afl-fuzz's timeout per input (ms), and the seed files.
case $target in
  rubric)
    assemblies=(StarRating.Rules.dll StarRating.Engine.dll YamlDotNet.dll Newtonsoft.Json.dll)
    timeout_ms=3000
    seed_globs=("rules/*.yaml" "tests/*/Golden/rubric/*.yaml" "tests/*/Golden/rubric/*.json" "tests/StarRating.Rules.Tests/Golden/fuzz/*")
    ;;
  evidence)
    assemblies=(StarRating.Rules.dll StarRating.Engine.dll StarRating.Reports.dll YamlDotNet.dll Newtonsoft.Json.dll Scriban.Signed.dll)
    timeout_ms=5000
    seed_globs=("samples/*.yaml" "tests/*/Golden/evidence/*.yaml" "tests/*/Golden/evidence/*.json"
                "tests/*/Golden/reports/*.yaml" "tests/StarRating.Engine.Tests/Golden/fuzz/*")
    ;;
  template)
    # The sandbox stops a render after 1 s (FuzzTargets.TemplateLimits); afl-fuzz calls an input a hang after 5 s.
    assemblies=(StarRating.Reports.dll Scriban.Signed.dll)
    timeout_ms=5000
    seed_globs=("src/StarRating.Reports/Templates/*.sbn" "tests/StarRating.Reports.Tests/Golden/fuzz/*.sbn")
    ;;
  workbook)
    # An input is one part of a real workbook (its first byte picks which) or, with 255 first, a whole file.
    assemblies=(StarRating.Rules.dll StarRating.Engine.dll StarRating.Workbook.dll)
    timeout_ms=5000
    seed_globs=("tests/StarRating.Workbook.Tests/Golden/fuzz/*.part")
    ;;
  *) usage ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s\n' "$*"; }

# --- 1. Tools --------------------------------------------------------------------------------------------------
if ! command -v afl-fuzz >/dev/null; then
  step "installing afl++ (Debian package)"
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq afl++ >/dev/null
fi

if [[ ! -x $tools/sharpfuzz ]]; then
  step "installing SharpFuzz.CommandLine $sharpfuzz_version into fuzz/.tools"
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version "$sharpfuzz_version"
fi

# --- 2. Build and instrument -------------------------------------------------------------------------------------
step "building the harness (Release)"
rm -rf "$work/build"
dotnet publish "$fuzz/StarRating.Fuzz/StarRating.Fuzz.csproj" -c Release -o "$work/build" -nologo -v quiet

bin=$work/$target/bin
rm -rf "$bin"
mkdir -p "$bin"
cp -r "$work/build/." "$bin/"
step "instrumenting ${assemblies[*]}"
for assembly in "${assemblies[@]}"; do
  "$tools/sharpfuzz" "$bin/$assembly" >/dev/null
done

# --- 3. Seeds -----------------------------------------------------------------------------------------------------
seeds=$work/$target/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
shopt -s nullglob
count=0
for pattern in "${seed_globs[@]}"; do
  for file in $root/$pattern; do
    [[ -f $file && $file != *.expected.* && $(stat -c %s "$file") -le 1048576 ]] || continue
    rel=${file#"$root"/}
    cp "$file" "$seeds/${rel//\//_}"
    count=$((count + 1))
  done
done
shopt -u nullglob
echo "$count seed files in ${seeds#"$root"/}"

# --- 4. Fuzz ------------------------------------------------------------------------------------------------------
out=$fuzz/findings/$target
if [[ -e $out ]]; then
  n=1
  while [[ -e $out.$n ]]; do n=$((n + 1)); done
  mv "$out" "$out.$n"
  echo "the previous run's output was moved to ${out#"$root"/}.$n"
fi
mkdir -p "$(dirname "$out")"

step "afl-fuzz: $target for $seconds s (timeout ${timeout_ms} ms per input)"
# afl-fuzz runs `dotnet`, which carries no afl instrumentation of its own (SharpFuzz's fork server speaks for it).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_SKIP_CRASHES=1
afl-fuzz -i "$seeds" -o "$out" -t "$timeout_ms" -m none -V "$seconds" -x "$fuzz/dict/$target.dict" \
  -- "$(command -v dotnet)" "$bin/StarRating.Fuzz.dll" "$target" > "$work/$target/afl.log" 2>&1 || {
  echo "afl-fuzz failed; the end of its log (${work#"$root"/}/$target/afl.log):" >&2
  tail -n 30 "$work/$target/afl.log" >&2
  exit 1
}

# --- 5. Report ----------------------------------------------------------------------------------------------------
stats=$out/default/fuzzer_stats
afl_stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(find "$out/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$out/default/hangs" -type f -name 'id:*' | wc -l)
step "results: $target"
printf '%-16s %s\n' \
  "run time (s)" "$(afl_stat run_time)" \
  "executions" "$(afl_stat execs_done)" \
  "exec/s" "$(afl_stat execs_per_sec)" \
  "paths (corpus)" "$(afl_stat corpus_count)" \
  "paths found" "$(afl_stat corpus_found)" \
  "edges" "$(afl_stat edges_found)" \
  "map density" "$(afl_stat bitmap_cvg)" \
  "stability" "$(afl_stat stability)" \
  "crashes" "$crashes" \
  "hangs" "$hangs" \
  "output" "${out#"$root"/}"
if [[ $crashes -gt 0 || $hangs -gt 0 ]]; then
  echo
  echo "Reproduce (uninstrumented build): dotnet fuzz/work/build/StarRating.Fuzz.dll $target --repro FILE..."
  find "$out/default/crashes" "$out/default/hangs" -type f -name 'id:*' | sed "s#^$root/##"
fi
