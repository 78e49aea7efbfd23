#!/usr/bin/env bash
# bench/run.sh [N] — end-to-end performance of `starrating batch` and of the tool's cold start.
#
# On N generated audits (default 10000; fixed seed, so every run reads the same bytes) it measures, RUNS times
# each (default 5), in this order:
#   floor  the parse floor: read + decode every file and run YamlDotNet's parser (Newtonsoft for .json) over all
#          events, on all cores (bench/StarRating.Bench.Floor)
#   script the same job as a plain Python script (bench/compare/batch.py: PyYAML's libyaml loader, exact
#          scoring with fractions, a one-table Jinja2 page per audit, a JSON summary; one core)
#   none   starrating batch DIR --reports none   (parse + check + score + portfolio.csv/json)
#   html   starrating batch DIR --reports html   (the same plus one full HTML report per audit)
# and prints min/median/max of wall time, CPU time (user+sys), cores used ((user+sys)/wall), peak RSS, the
# ratios to the floor and to the script (issue 14: html at most the script's time, none at least 3x faster),
# the HTML time per report, and the cold start of `starrating score SAMPLE` against an empty console app
# (hyperfine). The script's scores are checked against StarRating's, file by file, so both did the same sums.
# PYTHON picks the interpreter (default: python3 on PATH; it needs PyYAML built with libyaml, and Jinja2). Everything is built in Release; the tool is packed and installed exactly as a
# user installs it (dotnet pack + dotnet tool install --tool-path).
#
# Environment: RUNS (default 5), JOBS (batch --jobs and floor threads; default: all cores),
# COLD_RUNS (hyperfine runs, default 30), BENCH_DIR (work folder, default bench/results/work).
set -euo pipefail

N="${1:-10000}"
RUNS="${RUNS:-5}"
COLD_RUNS="${COLD_RUNS:-30}"
JOBS="${JOBS:-$(nproc)}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-$ROOT/bench/results/work}"
DATA="$ROOT/bench/data/n$N"
SAMPLE="$ROOT/samples/01-five-star-appliance-maker.yaml"
PYTHON="${PYTHON:-python3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '%s\n' "$*" >&2; }

# --- tools this script needs (Debian packages) -------------------------------------------------------------
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} (Debian)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

"$PYTHON" -c 'import yaml, jinja2; yaml.CSafeLoader' 2>/dev/null || {
  say "$PYTHON lacks PyYAML with libyaml (yaml.CSafeLoader) or Jinja2: pip install pyyaml jinja2, or set PYTHON"; exit 1; }

# --- build (Release) --------------------------------------------------------------------------------------
mkdir -p "$WORK"
say "building (Release)"
dotnet build "$ROOT/bench/StarRating.Bench.Generator" -c Release -v q -nologo -o "$WORK/generator" >/dev/null
dotnet build "$ROOT/bench/StarRating.Bench.Floor" -c Release -v q -nologo -o "$WORK/floor" >/dev/null
dotnet publish "$ROOT/bench/StarRating.Bench.Empty" -c Release -v q -nologo -o "$WORK/empty" >/dev/null
rm -rf "$WORK/artifacts" "$WORK/tools" "$WORK/nuget"
dotnet pack "$ROOT/src/StarRating.Cli" -c Release -v q -nologo -o "$WORK/artifacts" -p:IncludeSymbols=false >/dev/null
# A private package folder, so a re-run installs the tool just packed, not an older build cached under the same version.
NUGET_PACKAGES="$WORK/nuget" dotnet tool install StarRating.Tool --tool-path "$WORK/tools" \
  --add-source "$WORK/artifacts" --version "$(ls "$WORK/artifacts" | sed -n 's/^StarRating\.Tool\.\([0-9].*\)\.nupkg$/\1/p' | head -1)" >/dev/null
TOOL="$WORK/tools/starrating"
# Which package `dotnet tool install` chose: starrating.tool.linux-x64 (Native AOT) or starrating.tool.any (JIT).
PACKAGE="$(find "$WORK/tools/.store" -maxdepth 3 -type d -name 'starrating.tool.*' -printf '%f\n' | head -1)"
EMPTY="$WORK/empty/StarRating.Bench.Empty"
FLOOR="$WORK/floor/StarRating.Bench.Floor"

# --- data --------------------------------------------------------------------------------------------------
if [ ! -f "$DATA/.complete" ]; then
  rm -rf "$DATA"
  "$WORK/generator/StarRating.Bench.Generator" --count "$N" --out "$DATA" >&2
  touch "$DATA/.complete"
fi

# --- measurements ------------------------------------------------------------------------------------------
RAW="$WORK/raw-$N.tsv"
: >"$RAW"
measure() { # step command...
  local step="$1"; shift
  local stats="$WORK/time.txt"
  /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >"$WORK/$step.out" 2>"$WORK/$step.err" || {
    say "$step failed:"; tail -5 "$WORK/$step.err" >&2; exit 1; }
  printf '%s\t%s\n' "$step" "$(tail -1 "$stats" | tr ' ' '\t')" >>"$RAW"
}

for run in $(seq 1 "$RUNS"); do
  say "run $run/$RUNS: floor, script, batch --reports none, batch --reports html ($N audits)"
  measure floor "$FLOOR" "$DATA" "$JOBS"
  rm -rf "$WORK/out-script"
  measure script "$PYTHON" "$ROOT/bench/compare/batch.py" "$ROOT/rules/gbt27922-2011.yaml" "$DATA" "$WORK/out-script"
  rm -rf "$WORK/out-none"
  LC_ALL=en_US.UTF-8 measure none "$TOOL" batch "$DATA" --reports none --jobs "$JOBS" -o "$WORK/out-none"
  rm -rf "$WORK/out-html"
  LC_ALL=en_US.UTF-8 measure html "$TOOL" batch "$DATA" --reports html --jobs "$JOBS" -o "$WORK/out-html"
done
grep -q "^$N audits: $N scored" "$WORK/html.out" || { say "not every audit scored:"; tail -2 "$WORK/html.out" >&2; exit 1; }
"$PYTHON" - "$WORK/out-script/portfolio.json" "$WORK/out-html/portfolio.json" <<'PY' || exit 1
import json, sys
script = {a["file"]: a["score"] for a in json.load(open(sys.argv[1], encoding="utf-8"))["audits"]}
tool = {a["file"].rsplit("/", 1)[-1]: a["score"] for a in json.load(open(sys.argv[2], encoding="utf-8"))["audits"]}
differ = [f for f in tool if f not in script or float(script[f]) != tool[f]]
if differ or len(script) != len(tool):
    sys.exit(f"the script and starrating disagree on {len(differ)} scores, e.g. {differ[:3]}")
PY

say "cold start: hyperfine, $COLD_RUNS runs each"
hyperfine -N --warmup 3 --runs "$COLD_RUNS" --export-json "$WORK/cold.json" \
  -n "empty console app" "$EMPTY" \
  -n "starrating score sample" "$TOOL score $SAMPLE" >"$WORK/hyperfine.out" 2>&1 || { cat "$WORK/hyperfine.out" >&2; exit 1; }

# --- report ------------------------------------------------------------------------------------------------
python3 - "$RAW" "$WORK/cold.json" "$N" "$RUNS" "$JOBS" "${PACKAGE:-unknown}" <<'PY'
import json, statistics, sys
raw, cold, n, runs, jobs, package = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
rows = {}
for line in open(raw):
    step, wall, user, sys_, rss = line.split("\t")
    rows.setdefault(step, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
def mmm(values, fmt="{:.2f}"):
    return "/".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))
med = {s: statistics.median(w for w, _, _ in r) for s, r in rows.items()}
cpu = {s: statistics.median(c for _, c, _ in r) for s, r in rows.items()}
names = {"floor": "parse floor (YamlDotNet events)", "script": "Python script (compare/batch.py)", "none": "batch --reports none", "html": "batch --reports html"}
print(f"{n} audits, {runs} runs, {jobs} jobs, tool package {package}; min/median/max")
print(f"{'step':34} {'wall s':>20} {'cpu s (user+sys)':>20} {'cores used':>16} {'peak RSS MiB':>20} {'wall/floor':>11}")
for s in ("floor", "script", "none", "html"):
    r = rows[s]
    print(f"{names[s]:34} {mmm([w for w,_,_ in r]):>20} {mmm([c for _,c,_ in r]):>20} {mmm([c/w for w,c,_ in r]):>16} "
          f"{mmm([m for _,_,m in r], '{:.0f}'):>20} {med[s]/med['floor']:>10.2f}x")
print(f"cpu/floor: none {cpu['none']/cpu['floor']:.2f}x, html {cpu['html']/cpu['floor']:.2f}x")
print(f"script/html (wall medians; goal >= 1): {med['script']/med['html']:.2f}x; script/none (goal >= 3): {med['script']/med['none']:.2f}x")
print(f"script/html per run: {', '.join(f'{s[0]/h[0]:.2f}' for s, h in zip(rows['script'], rows['html']))}")
per_wall = [(h[0] - no[0]) / n * 1000 for h, no in zip(rows["html"], rows["none"])]
per_cpu = [(h[1] - no[1]) / n * 1000 for h, no in zip(rows["html"], rows["none"])]
print(f"HTML per report (html minus none, over {n}): wall {mmm(per_wall, '{:.3f}')} ms, cpu {mmm(per_cpu, '{:.3f}')} ms")
results = {r["command"]: r for r in json.load(open(cold))["results"]}
e, t = results["empty console app"], results["starrating score sample"]
ms = lambda r: "/".join(f"{v*1000:.0f}" for v in (r["min"], r["median"], r["max"]))
print(f"cold start min/median/max ms: empty app {ms(e)}, starrating score {ms(t)}; ratio of medians {t['median']/e['median']:.2f}x")
PY
