#!/bin/sh
# Rebuild src/pressroom/data/icc/pressroom-fogra39.icc from the FOGRA39L
# characterization data shipped by Debian's icc-profiles-free package.
#
# Needs (Debian/Ubuntu): apt-get install argyll icc-profiles-free
# Runtime: about 20 s.  The output differs byte-for-byte between runs only
# in the header creation date.
set -eu

REPO=$(cd "$(dirname "$0")/.." && pwd)
SRC_TI3=${SRC_TI3:-/usr/share/color/icc/FOGRA39L.ti3}
SRGB=${SRGB:-/usr/share/color/argyll/ref/sRGB.icm}
OUT=${OUT:-$REPO/src/pressroom/data/icc/pressroom-fogra39.icc}

for tool in colprof profcheck; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "error: $tool not found (apt-get install argyll)" >&2; exit 1; }
done
[ -r "$SRC_TI3" ] || { echo "error: $SRC_TI3 missing (apt-get install icc-profiles-free)" >&2; exit 1; }
[ -r "$SRGB" ] || { echo "error: $SRGB missing (apt-get install argyll)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# colprof takes the base name of a .ti3 file and writes <base>.icc
cp "$SRC_TI3" "$WORK/FOGRA39L.ti3"
cd "$WORK"

# -qm   medium quality A2B tables       -bl  low-resolution B2A tables (small file)
# -nc   don't embed the .ti3 in the profile
# -kr   black generation: ramp K (Argyll default)
# -l 300 -L 95   total ink limit 300 %, black limit 95 %
# -S sRGB.icm    gamut-map perceptual + saturation B2A tables from sRGB
# -cmt -dpp      viewing conditions: monitor source, practical reflection print
colprof -v -qm -bl -nc -kr -l 300 -L 95 \
    -S "$SRGB" -cmt -dpp \
    -D "pressroom FOGRA39 (ISO 12647-2 coated, TAC 300%)" \
    -C "Built from FOGRA39L.ti3 (icc-profiles-free, Zlib licence). No warranty." \
    -O pressroom-fogra39.icc FOGRA39L >colprof.log 2>&1 || { cat colprof.log >&2; exit 1; }

profcheck -k FOGRA39L.ti3 pressroom-fogra39.icc | tail -1
mkdir -p "$(dirname "$OUT")"
cp pressroom-fogra39.icc "$OUT"
echo "wrote $OUT ($(wc -c <"$OUT") bytes)"
