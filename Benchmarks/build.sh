#!/usr/bin/env bash
# Builds synthetic sites of N = 1,000 and N = 10,000 Indonesian articles (half translated to English)
# with the release binary and prints wall time, CPU time (user + sys), pages written, files changed,
# pages per second and peak memory, and below each run how long each stage took (tabib build
# --timings). Three kinds of build per size, RUNS times each:
#   new       into an output folder that does not exist yet: every file is created;
#   unchanged into the output of the previous build, nothing edited: every page is rendered and
#             compared, no file is written;
#   template  into that output after an edit to templates/layout.mustache that changes every page:
#             every file is staged and renamed over the old one;
#   cold      like new, with the image cache (.tabib-cache/images/ in the site) emptied first: every
#             image is resized (only with IMAGES=1; not in the default KINDS);
#   unparsed  like unchanged, with .tabib-cache/parsed removed first: every content file is parsed
#             again, as before the loader's cache was kept (not in the default KINDS).
# Figures are printed, not judged: compare them with the targets in README.md.
#
#   bash Benchmarks/build.sh              # N = 1000 and 10000
#   bash Benchmarks/build.sh 2000 5000    # other sizes
#
# Environment: SCRATCH (the swift build folder, default .build), CORPORA (where the sites are
# written, default /tmp/tabib-bench), SEED (default 7), RUNS (timed builds per kind and size,
# default 3), KINDS (default "new unchanged template"), IMAGES (1: a corpus with one image per article),
# TABIB (a binary to time instead of building the release binary).
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs="${RUNS:-3}"
kinds=(${KINDS:-new unchanged template})
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if [ ! -x /usr/bin/time ]; then
    echo "Installing GNU time (for peak memory)…"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

if [ -z "${TABIB:-}" ]; then
    echo "Building the release binary…"
    (cd "$repo" && swift build -c release --product tabib --scratch-path "$scratch" 2>&1 | grep -E "error|Compiling tabib|Build complete" || true)
fi
[ -x "$tabib" ] || { echo "no release binary at $tabib" >&2; exit 1; }

# One timed build of $1 into $2, printed as a row of the table, kind $3.
timed() {
    local site="$1" output="$2" kind="$3" run="$4" log
    log="$(mktemp)"
    /usr/bin/time -v "$tabib" build --root "$site" --output "$output" --timings >"$log.out" 2>"$log"
    pages=$(sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$log.out")
    files=$(sed -n 's/^Built [0-9]* pages (\([0-9]*\) files).*/\1/p' "$log.out")
    changed=$(sed -n 's/.*; \([0-9]*\) files\{0,1\} changed.*/\1/p' "$log.out")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    user=$(awk -F': ' '/User time/ {print $2}' "$log")
    sys=$(awk -F': ' '/System time/ {print $2}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    awk -v n="$n" -v k="$kind" -v r="$run" -v w="$wall" -v u="$user" -v s="$sys" -v p="$pages" -v c="${changed:-$files}" -v m="$rss" \
        'BEGIN { printf "%7d %-10s %3d %8.2f %8.2f %8.2f %8d %8d %8.0f %9.0f\n", n, k, r, w, u, s, p, c, p / w, m / 1024 }'
    sed -n 's/^  \(load .*\)/                   stages: \1/p' "$log.out"
    rm -f "$log" "$log.out"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), output on $(df -T "$corpora" 2>/dev/null | awk 'NR == 2 {print $2}' || echo '?')"
printf "\n%7s %-10s %3s %8s %8s %8s %8s %8s %8s %9s\n" "N" "build" "run" "wall s" "user s" "sys s" "pages" "changed" "pages/s" "peak MiB"
for n in "${sizes[@]}"; do
    site="$(corpus "$n")"
    # Templates follow the repository's, so the corpus builds with today's templates.
    rm -rf "$site/templates" && cp -a "$repo/templates" "$site/templates"
    layout="$site/templates/layout.mustache"
    for kind in "${kinds[@]}"; do
        case "$kind" in
        new)
            # Fresh folders, removed only after the timed runs: on ext4 a folder of files deleted just
            # before makes creating files slow for a while, which would be measured instead.
            for run in $(seq 1 "$runs"); do timed "$site" "$site/public-new-$run" new "$run"; done
            rm -rf "$site"/public-new-*
            ;;
        cold)
            for run in $(seq 1 "$runs"); do rm -rf "$site/.tabib-cache"; timed "$site" "$site/public-cold-$run" cold "$run"; done
            rm -rf "$site"/public-cold-*
            ;;
        unchanged)
            "$tabib" build --root "$site" --output "$site/public" >/dev/null 2>&1   # the previous build
            for run in $(seq 1 "$runs"); do timed "$site" "$site/public" unchanged "$run"; done
            ;;
        unparsed)
            "$tabib" build --root "$site" --output "$site/public" >/dev/null 2>&1
            for run in $(seq 1 "$runs"); do rm -f "$site/.tabib-cache/parsed"; timed "$site" "$site/public" unparsed "$run"; done
            ;;
        template)
            "$tabib" build --root "$site" --output "$site/public" >/dev/null 2>&1
            for run in $(seq 1 "$runs"); do
                printf '<!-- benchmark edit %s -->\n' "$run" >>"$layout"
                timed "$site" "$site/public" template "$run"
            done
            cp "$repo/templates/layout.mustache" "$layout"
            ;;
        *) echo "unknown build kind $kind (new, unchanged, template, cold, unparsed)" >&2; exit 2 ;;
        esac
    done
done
