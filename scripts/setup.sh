#!/usr/bin/env bash
# Sets up a Debian machine for pressroom: system libraries and fonts, then .venv with the package.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pango for layout, harfbuzz-subset for font subsetting, the fonts the styles use,
# poppler/qpdf/ghostscript/mupdf to read PDFs back, chromium for the preview test.
PACKAGES=(
  python3 python3-venv
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
  fonts-sil-charis fonts-noto-core fonts-noto-mono fonts-noto-cjk
  poppler-utils qpdf ghostscript mupdf-tools
  chromium
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# pressroom's own modules compiled once: where PYTHONDONTWRITEBYTECODE is set, every command
# (and each of its worker processes) compiled them again, 0.06 s of each build.
.venv/bin/python -m compileall -q src
