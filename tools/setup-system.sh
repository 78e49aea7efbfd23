#!/usr/bin/env bash
# Installs the system programs that the real-part tests use, from Debian's packages, idempotently: a group whose
# programs are all present is left alone, and apt-get update runs only when an install fails without it. Several
# test processes may call this at once: a lock makes them take turns. Needs root (or sudo) and apt-get.
#
#   tools/setup-system.sh GROUP...      groups: browser, office, postgres, pdf
#
#   browser   chromium, chromium-driver, CJK fonts          (HTML/PDF rendering, end-to-end tests)
#   office    libreoffice-calc-nogui, libreoffice-writer-nogui, CJK fonts, poppler-utils (workbooks, Word files)
#   postgres  postgresql                                    (the service's PostgreSQL tests)
#   pdf       poppler-utils                                 (pdftoppm, pdftotext)
set -euo pipefail

declare -A programs=(
  [browser]="chromium chromedriver"
  [office]="soffice pdftoppm"
  [postgres]="pg_ctlcluster initdb-or-pg"
  [pdf]="pdftoppm pdftotext"
)
declare -A packages=(
  [browser]="chromium chromium-driver fonts-noto-cjk"
  [office]="libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk poppler-utils"
  [postgres]="postgresql"
  [pdf]="poppler-utils"
)

has_program() {
  case $1 in
    initdb-or-pg) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

has_cjk_font() { fc-list 2>/dev/null | grep -q "Noto Sans CJK\|Noto Serif CJK"; }

if [[ $# -eq 0 ]]; then
  echo "usage: $0 GROUP... (browser, office, postgres, pdf)" >&2
  exit 2
fi

need=()
for group in "$@"; do
  [[ -n ${packages[$group]:-} ]] || { echo "error: unknown group '$group' (browser, office, postgres, pdf)" >&2; exit 2; }
  missing=false
  for p in ${programs[$group]}; do has_program "$p" || missing=true; done
  if [[ $group == browser || $group == office ]] && ! has_cjk_font; then missing=true; fi
  $missing && need+=(${packages[$group]})
done
[[ ${#need[@]} -eq 0 ]] && exit 0

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || { echo "error: installing ${need[*]} needs root (or passwordless sudo)" >&2; exit 3; }
  sudo_cmd=(sudo -n)
fi
command -v apt-get >/dev/null 2>&1 || { echo "error: installing ${need[*]} needs apt-get (Debian or Ubuntu)" >&2; exit 3; }

export DEBIAN_FRONTEND=noninteractive
lock=/tmp/starrating-setup-system.lock
exec 9>"$lock"
flock 9
echo "installing: ${need[*]}" >&2
if ! "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >/tmp/starrating-apt.log 2>&1; then
  "${sudo_cmd[@]}" apt-get update -q >>/tmp/starrating-apt.log 2>&1
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >>/tmp/starrating-apt.log 2>&1 || {
    echo "error: apt-get could not install ${need[*]}; see /tmp/starrating-apt.log" >&2
    tail -20 /tmp/starrating-apt.log >&2
    exit 1
  }
fi
