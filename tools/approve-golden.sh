#!/usr/bin/env bash
# Approves golden files: copies every *.received.* file written by a failing golden test over its expected file
# (a.received.md -> a.expected.md, api.received.txt -> api.txt), after you have reviewed it. Refuses on CI.
#
#   tools/approve-golden.sh            list what would be approved (dry run)
#   tools/approve-golden.sh --yes      approve them all
#   tools/approve-golden.sh --yes F... approve only the named received files
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${CI:-}" == "true" ]]; then
  echo "error: golden files are never approved on CI; approve them locally after review" >&2
  exit 2
fi

apply=false
if [[ "${1:-}" == "--yes" ]]; then apply=true; shift; fi
if [[ $# -gt 0 ]]; then files=("$@"); else mapfile -t files < <(git ls-files --others --ignored --exclude-standard -- '*.received.*' | sort); fi
if [[ ${#files[@]} -eq 0 ]]; then echo "no received files"; exit 0; fi

for received in "${files[@]}"; do
  dir=$(dirname "$received"); name=$(basename "$received")
  # tests/Shared/Golden.cs puts ".received" before the last extension: remove it to get the expected file.
  case $name in
    *.received.*) expected="$dir/${name%.received.*}.${name##*.received.}" ;;
    *.received) expected="$dir/${name%.received}" ;;
    *) echo "skipping $received: not a received file" >&2; continue ;;
  esac
  if $apply; then mv "$received" "$expected"; echo "approved $expected"; else echo "would approve $received -> $expected"; fi
done
$apply || echo "(dry run: review the files, then run with --yes)"
