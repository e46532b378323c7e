# Shared by the benchmark scripts (sourced): where things are, and the synthetic site of N articles.
# Environment: SCRATCH (the swift build folder, default .build), CORPORA (where the sites are written,
# default /tmp/tabib-bench), SEED (default 7), IMAGES (1: one image per article, make-corpus.py --images),
# SEARCH (1: search on, so every build runs Pagefind; off otherwise, make-corpus.py --search),
# TABIB (a tabib binary to time instead of the release build, such as a copy of an earlier version's,
# for before-and-after figures).
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="${SCRATCH:-$repo/.build}"
corpora="${CORPORA:-/tmp/tabib-bench}"
seed="${SEED:-7}"
tabib="${TABIB:-$scratch/release/tabib}"

# Prints the folder of the synthetic site of $1 articles, writing it first when it is missing or other.
corpus() {
    local site="$corpora/n$1-seed$seed" marker="articles=$1 seed=$seed" flags=()
    if [ -n "${IMAGES:-}" ]; then site="$site-images"; marker="$marker images=1"; flags=(--images); fi
    if [ -n "${SEARCH:-}" ]; then site="$site-search"; marker="$marker search=1"; flags+=(--search); fi
    if [ "$(cat "$site/.tabib-corpus" 2>/dev/null)" != "$marker" ]; then
        python3 "$repo/Benchmarks/make-corpus.py" --articles "$1" --seed "$seed" --out "$site" "${flags[@]}" >/dev/null
    fi
    echo "$site"
}
