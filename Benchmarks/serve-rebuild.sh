#!/usr/bin/env bash
# Measures `tabib serve` after one-article edits: starts the preview on a synthetic site of N
# articles (default 10,000), waits for the first build, then edits one article 5 times of each kind
# in EDITS (default "body title summary": append a sentence to the body, change the title, change
# the summary) and reads the rebuild time tabib prints ("Rebuilt in … s after … changed: …", with the
# time of each stage below it), and stops the server. The article is restored afterwards. Uses the
# release binary built by Benchmarks/build.sh.
#
#   bash Benchmarks/serve-rebuild.sh [N]
#
# Environment: SCRATCH, CORPORA, SEED as for Benchmarks/build.sh; PORT (default 48313); EDITS.
set -euo pipefail
source "$(dirname "$0")/common.sh"
port="${PORT:-48313}"
n="${1:-10000}"
[ -x "$tabib" ] || { echo "no release binary at $tabib; run Benchmarks/build.sh first" >&2; exit 1; }
site="$(corpus "$n")"
articles=("$site"/content/id/articles/*.md)
article="$(basename "${articles[0]}")"
file="$site/content/id/articles/$article"
cp "$file" "$file.orig"
log="$(mktemp)"
"$tabib" serve --root "$site" --port "$port" --timings >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    mv -f "$file.orig" "$file"
    rm -f "$log"
}
trap cleanup EXIT

wait_for() {   # pattern, timeout in seconds
    for _ in $(seq 1 $(($2 * 10))); do
        grep -q "$1" "$log" && return 0
        kill -0 "$server" 2>/dev/null || { echo "tabib serve stopped:"; cat "$log"; exit 1; }
        sleep 0.1
    done
    echo "timed out waiting for '$1':"; cat "$log"; exit 1
}
wait_for "^Serving" 600
grep -E "^Built " "$log" || true
peak_before=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
edits=0
for kind in ${EDITS:-body title summary}; do
    for run in 1 2 3 4 5; do
        case "$kind" in
        body) printf '\nKalimat tambahan %d untuk mengukur pembangunan ulang.\n' "$run" >>"$file" ;;
        # Written in place, as an editor saves: the file keeps its inode.
        title) sed "s/^title: .*/title: \"Judul Uji $run\"/" "$file" >"$log.new" && cat "$log.new" >"$file" ;;
        summary) sed "s/^summary: .*/summary: \"Ringkasan uji $run.\"/" "$file" >"$log.new" && cat "$log.new" >"$file" ;;
        *) echo "unknown edit kind $kind (body, title, summary)" >&2; exit 2 ;;
        esac
        rm -f "$log.new"
        edits=$((edits + 1))
        for _ in $(seq 1 600); do
            [ "$(grep -c "^Rebuilt in\|rebuild failed" "$log")" -ge "$edits" ] && break
            sleep 0.1
        done
        sleep 1
    done
    echo "== $kind edits"
    grep -E -A1 "^Rebuilt in|rebuild failed" "$log" | grep -v '^--$' | tail -n 10
done
rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
echo "N=$n: edited content/id/articles/$article; server memory: peak $((peak_before / 1024)) MiB after the first build, $((peak / 1024)) MiB after the rebuild, $((rss / 1024)) MiB resident now."
