#!/usr/bin/env bash
# Renders a StarRating HTML report with headless Chromium: a screenshot (PNG, tall window) and a printed PDF (A4),
# and fails when the page logs a console error or a Content-Security-Policy violation.
#
#   tools/render-html.sh <report.html> <out-prefix>     writes <out-prefix>.png and <out-prefix>.pdf
#
# Installs what it needs from Debian when missing (chromium, fonts-noto-cjk, poppler-utils); runs apt-get update
# only when a package cannot be found without it. Environment: SCREEN_WIDTH (default 1000), SCREEN_HEIGHT
# (default 12000) for the screenshot window.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 <report.html> <out-prefix>" >&2
  exit 2
fi

html=$1
prefix=$2
if [[ ! -f $html ]]; then
  echo "error: $html not found" >&2
  exit 2
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[[ $(fc-list 2>/dev/null | grep -c "Noto Sans CJK" || true) -gt 0 ]] || need+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing: ${need[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null 2>&1; then
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi

abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$prefix")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_chromium() {
  local name=$1
  shift
  local profile="$work/profile-$name"
  mkdir -p "$profile"
  # A fresh profile per run; no network features, no first-run work, logs on stderr for the console check.
  timeout 120 chromium \
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 \
    "$@" "file://$abs" >"$work/$name.out" 2>"$work/$name.log" || {
      echo "error: chromium failed ($name):" >&2
      cat "$work/$name.log" >&2
      return 1
    }
}

run_chromium screenshot --window-size="${SCREEN_WIDTH:-1000},${SCREEN_HEIGHT:-12000}" --screenshot="$prefix.png"
run_chromium pdf --no-pdf-header-footer --print-to-pdf="$prefix.pdf"

# Console messages come out as ...:CONSOLE(n)] "text"; CSP violations as console errors ("Refused to ...").
problems=$(cat "$work/screenshot.log" "$work/pdf.log" | grep -E ':CONSOLE|Content Security Policy|Refused to' || true)
if [[ -n $problems ]]; then
  echo "error: the page logged console errors or CSP violations:" >&2
  echo "$problems" >&2
  exit 1
fi

for f in "$prefix.png" "$prefix.pdf"; do
  [[ -s $f ]] || { echo "error: $f was not written" >&2; exit 1; }
done
echo "$prefix.png"
echo "$prefix.pdf"
