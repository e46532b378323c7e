#!/usr/bin/env bash
# The plain output folder against `tabib build --releases` on the synthetic site of N articles: a new
# output, an unchanged rebuild and a one-article edit in each layout, then in the releases layout a
# one-article edit that removes an old release. Prints wall time, user and system CPU, the load
# average before each build, the commit and old-release stages (--timings), and the disk a release
# takes (du, files shared with the previous release counted once) with its files and folders.
#
#   bash Benchmarks/releases.sh           # N = 10000
#   bash Benchmarks/releases.sh 2000
#
# Environment: as Benchmarks/common.sh (SCRATCH, CORPORA, SEED, TABIB), and OUT (where the outputs go,
# default $CORPORA/releases-out; removed at the start and the end).
set -euo pipefail
source "$(dirname "$0")/common.sh"
n="${1:-10000}"
out="${OUT:-$corpora/releases-out}"

if [ -z "${TABIB:-}" ]; then
    echo "Building the release binary…"
    (cd "$repo" && swift build -c release --product tabib --scratch-path "$scratch" 2>&1 | grep -E "error|Build complete" || true)
fi
[ -x "$tabib" ] || { echo "no release binary at $tabib" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

site="$(corpus "$n")"
rm -rf "$site/templates" && cp -a "$repo/templates" "$site/templates"
article="$(find "$site/content/id/articles" -name '*.md' | sort | sed -n 1p)"
original="$(mktemp)"
cp "$article" "$original"
rm -rf "$out" && mkdir -p "$out"
trap 'cp "$original" "$article"; rm -f "$original"; rm -rf "$out"' EXIT

edit() { printf '\nKalimat tambahan untuk uji penyuntingan %s.\n' "$1" >>"$article"; }

# One timed build, labelled $1, with the rest as tabib's options.
timed() {
    local label="$1" log
    shift
    log="$(mktemp)"
    local load
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -v "$tabib" build --root "$site" --timings "$@" >"$log.out" 2>"$log"
    awk -F': ' -v label="$label" -v load="$load" '
        /Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]}
        /User time/ {u = $2} /System time/ {s = $2}
        END {printf "%-58s %8.1f %8.1f %8.1f   %s\n", label, w, u, s, load}' "$log"
    sed -n 's/.*\(commit [0-9.]* s\)\( · old releases [0-9.]* s\)\{0,1\}.*/    \1\2/p' "$log.out"
    sed -n 's/^Built [0-9]* pages ([0-9]* files) into [^ ]* in [0-9.]* s; \(.*\)$/    \1/p' "$log.out"
    rm -f "$log" "$log.out"
}

echo "N = $n: $site, $(nproc) cores, output on $(df -T "$out" | awk 'NR == 2 {print $2 " (" $7 ")"}'), mount options: $(findmnt -no OPTIONS -T "$out" 2>/dev/null || echo '?')"
printf "\n%-58s %8s %8s %8s   %s\n" "build" "wall s" "user s" "sys s" "load average before"
timed "plain: new output" --output "$out/plain"
timed "plain: unchanged" --output "$out/plain"
edit 1; timed "plain: one-article edit" --output "$out/plain"
cp "$original" "$article"
timed "releases: first release" --output "$out/site" --releases
timed "releases: unchanged, nothing removed" --output "$out/site" --releases --keep-releases 9
edit 1; timed "releases: one-article edit, nothing removed" --output "$out/site" --releases --keep-releases 9
edit 2; timed "releases: one-article edit, one old release removed" --output "$out/site" --releases --keep-releases 3

echo
echo "Disk (one du for all releases: a file they share counts once, in the first one listed):"
du -sh "$out/plain"
(cd "$out/site.releases" && du -sh $(ls | sort -n))
for release in $(ls "$out/site.releases" | sort -n); do
    echo "release $release: $(find "$out/site.releases/$release" -type f | wc -l) files, $(find "$out/site.releases/$release" -type d | wc -l) folders"
done
echo "files of the release in place written anew (one link): $(find -L "$out/site" -type f -links 1 | wc -l)"
