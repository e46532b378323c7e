#!/usr/bin/env bash
# Builds synthetic sites of N = 1,000 and N = 10,000 Indonesian articles (half translated to English)
# with the release binary and prints wall time, CPU time (user + sys), pages written, pages per second
# and peak memory, and below each run how long each stage took (tabib build --timings). Figures are
# printed, not judged: compare them with the targets in README.md.
#
#   bash Benchmarks/build.sh              # N = 1000 and 10000
#   bash Benchmarks/build.sh 2000 5000    # other sizes
#
# Environment: SCRATCH (the swift build folder, default .build), CORPORA (where the sites are
# written, default /tmp/tabib-bench), SEED (default 7), RUNS (timed builds per size, default 3).
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if [ ! -x /usr/bin/time ]; then
    echo "Installing GNU time (for peak memory)…"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

echo "Building the release binary…"
(cd "$repo" && swift build -c release --product tabib --scratch-path "$scratch" 2>&1 | grep -E "error|Compiling tabib|Build complete" || true)
[ -x "$tabib" ] || { echo "no release binary at $tabib" >&2; exit 1; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
printf "\n%7s %7s %9s %9s %8s %8s %10s\n" "N" "run" "wall s" "CPU s" "pages" "pages/s" "peak MiB"
for n in "${sizes[@]}"; do
    site="$(corpus "$n")"
    # Templates and site.yaml follow the repository's, so the corpus builds with today's templates.
    rm -rf "$site/templates" && cp -a "$repo/templates" "$site/templates"
    "$tabib" build --root "$site" --output "$site/public" >/dev/null 2>&1   # warm the page cache
    for run in $(seq 1 "$runs"); do
        log="$(mktemp)"
        /usr/bin/time -v "$tabib" build --root "$site" --output "$site/public" --timings >"$log.out" 2>"$log"
        pages=$(sed -n 's/^Wrote \([0-9]*\) pages.*/\1/p' "$log.out")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
        user=$(awk -F': ' '/User time/ {print $2}' "$log")
        sys=$(awk -F': ' '/System time/ {print $2}' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
        awk -v n="$n" -v r="$run" -v w="$wall" -v u="$user" -v s="$sys" -v p="$pages" -v m="$rss" \
            'BEGIN { printf "%7d %7d %9.2f %9.2f %8d %8.0f %10.0f\n", n, r, w, u + s, p, p / w, m / 1024 }'
        sed -n 's/^  \(load .*\)/          stages: \1/p' "$log.out"
        rm -f "$log" "$log.out"
    done
done
