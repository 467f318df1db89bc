#!/usr/bin/env bash
# The iphelper command line at scale, against ip in the same run (as root):
#   sudo bench/cli/cli-bench.sh [--runs N] [--routes N] [--interfaces N] [--binary PATH]
# Builds the native binary (NativeAOT; --binary takes one already built), fills throw-away namespaces
# (1,000,000 IPv4 routes; 2,000 ifb interfaces), then times whole processes, output to /dev/null,
# alternating peer and iphelper (A/B/A/B ...), and prints the median wall time, CPU time (user +
# system) and peak RSS of each with the ratios to its peer and whether the target of
# docs/performance.md ("The command line at scale") is met: the wall-time ratio and the RSS decide;
# the CPU-time ratio, which moves far less with the machine's load, is printed beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5 routes=1000000 interfaces=2000 binary=
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --routes) routes=$2; shift 2 ;;
        --interfaces) interfaces=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        *) echo "cli-bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "cli-bench.sh: needs root (network namespaces)" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
routes_ns="iph-bench-cli-$$-r" links_ns="iph-bench-cli-$$-l"
cleanup() { ip netns del "$routes_ns" 2>/dev/null || true; ip netns del "$links_ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ -n "$binary" ]; then
    iphelper=$(realpath "$binary")
else
    echo "cli-bench: building the native binary" >&2
    dotnet publish src/IpHelper.Cli -c Release -r linux-x64 -o "$work/bin" >/dev/null
    iphelper="$work/bin/iphelper"
fi

echo "cli-bench: $routes IPv4 routes in $routes_ns" >&2
ip netns add "$routes_ns"
ip -n "$routes_ns" link set lo up
ip -n "$routes_ns" link add v0 type veth peer name v1
ip -n "$routes_ns" link set v0 up; ip -n "$routes_ns" link set v1 up
ip -n "$routes_ns" address add 192.0.2.1/24 dev v0
awk -v n="$routes" 'BEGIN { for (i = 0; i < n; i++) printf "route add 10.%d.%d.%d/32 via 192.0.2.9\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$work/routes.batch"
ip -n "$routes_ns" -batch "$work/routes.batch"

echo "cli-bench: $interfaces ifb interfaces in $links_ns" >&2
ip netns add "$links_ns"
awk -v n="$interfaces" 'BEGIN { for (i = 0; i < n; i++) printf "link add ifb%d type ifb\n", i }' > "$work/links.batch"
ip -n "$links_ns" -batch "$work/links.batch"

# One measurement: "wall-seconds kilobytes cpu-seconds" of a whole process, its stdout discarded. With
# batch > 1 the process runs that many times in a row under one /usr/bin/time (whose clock has a 10 ms
# resolution: a 20 ms process would read 0.02 or 0.03 s) and the figures are per run; the RSS is the largest run's.
batch=1
measure() {
    if [ "$batch" -eq 1 ]; then /usr/bin/time -f "%e %M %U %S" -o "$work/one" "$@" > /dev/null || true
    else /usr/bin/time -f "%e %M %U %S" -o "$work/one" sh -c 'n=$1; shift; i=0; while [ $i -lt "$n" ]; do "$@" > /dev/null; i=$((i + 1)); done' sh "$batch" "$@" || true
    fi
    awk -v b="$batch" '{ printf "%.4f %s %.4f\n", $1 / b, $2, ($3 + $4) / b }' "$work/one"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# pair NAME TARGET_RATIO TARGET_MB -- PEER... -- IPHELPER...
pair() {
    local name=$1 target=$2 target_mb=$3; shift 4
    local peer=() ours=()
    while [ "$1" != "--" ]; do peer+=("$1"); shift; done; shift
    ours=("$@")
    : > "$work/peer"; : > "$work/ours"
    measure "${peer[@]}" > /dev/null; measure "${ours[@]}" > /dev/null   # warm-up: page cache, kernel caches
    for _ in $(seq "$runs"); do
        measure "${peer[@]}" >> "$work/peer"
        measure "${ours[@]}" >> "$work/ours"
    done
    local peer_s ours_s peer_kb ours_kb peer_cpu ours_cpu
    peer_s=$(cut -d' ' -f1 "$work/peer" | median); ours_s=$(cut -d' ' -f1 "$work/ours" | median)
    peer_kb=$(cut -d' ' -f2 "$work/peer" | median); ours_kb=$(cut -d' ' -f2 "$work/ours" | median)
    peer_cpu=$(cut -d' ' -f3 "$work/peer" | median); ours_cpu=$(cut -d' ' -f3 "$work/ours" | median)
    awk -v n="$name" -v ps="$peer_s" -v os="$ours_s" -v pk="$peer_kb" -v ok="$ours_kb" -v pc="$peer_cpu" -v oc="$ours_cpu" -v t="$target" -v tm="$target_mb" 'BEGIN {
        ratio = os / ps; cpu = (pc > 0) ? oc / pc : 0; mb = ok / 1024
        met = (ratio <= t && (tm == 0 || mb <= tm)) ? "met" : "NOT met"
        f = (ps < 0.1) ? "%.1f ms" : "%.2f s"; k = (ps < 0.1) ? 1000 : 1
        printf "| %s | " f " (" f " CPU) | %.0f MB | " f " (" f " CPU) | %.0f MB | %.2fx (CPU %.2fx) | <= %.1fx%s | %s |\n", n, ps * k, pc * k, pk / 1024, os * k, oc * k, mb, ratio, cpu, t, (tm > 0 ? sprintf(", <= %d MB", tm) : ""), met
    }'
}

echo
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $runs runs each, medians; peer and iphelper alternate."
echo
echo "| command (peer / iphelper) | peer wall (CPU) | peer RSS | iphelper wall (CPU) | iphelper RSS | ratio wall (CPU) | target | |"
echo "|---|---|---|---|---|---|---|---|"
pair "$routes routes, text: ip route show / iphelper route list -4" 0.6 64 -- \
    ip -n "$routes_ns" route show -- "$iphelper" route list -4 -n "$routes_ns"
pair "$routes routes, JSON: ip -j route show / iphelper route list -4 --json" 0.8 64 -- \
    ip -j -n "$routes_ns" route show -- "$iphelper" route list -4 --json -n "$routes_ns"
batch=20
pair "$interfaces interfaces, JSON: ip -j -s link / iphelper interface list --json ($batch runs per sample)" 1.2 0 -- \
    ip -j -s -n "$links_ns" link -- "$iphelper" interface list --json -n "$links_ns"
batch=1
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
