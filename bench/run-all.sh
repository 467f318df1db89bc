#!/usr/bin/env bash
# The whole benchmark report in one command (as root):  sudo bench/run-all.sh [options]
# Installs the peers' Debian packages when missing, runs every workload in throw-away network
# namespaces, and rewrites docs/performance.md (below its marker line) and docs/performance-routes.png.
# About 30 minutes on a quiet 2-CPU machine (the report prints its estimate per workload first, and what
# each took), plus 3-4 minutes for the command line benchmark.
# `dotnet run -c Release --project bench/IpHelper.Bench -- report --estimate [options]` prints the estimate alone (no root).
# Options (all optional): --sizes 10000,30000,100000,300000,1000000  --runs 5  --insert 100000
#   --flood 1000000  --calls 20000  --rounds 5  --ipv6-size 220000  --shapes sequential,bgp,ipv6
#   --only shapes,dump,interfaces,insert,flood,mirror,coldstart  --out FILE
# Every figure is the median of --rounds alternating rounds (A B, B A, ...) with min and max; the few very
# slow peers that take part in fewer rounds or smaller tables are named in their sections.
# Headline figures (docs/performance-headline.json and the README block) are written only by a full run
# of at least 5 rounds that starts at a 1-minute load average of at most 1 and during which other processes
# use at most 0.25 CPUs on average (the benchmark itself counts in the load average); any other run is
# marked NOT HEADLINE.
#   sudo bench/run-all.sh --check [--force]   reruns the headline rows with the committed sizes and exits 1
#   when a ratio moved more than 15% from docs/performance-headline.json (3 when the machine is busy).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "run-all.sh: needs root (network namespaces, route tables of a million entries)" >&2
    exit 2
fi

packages=(gcc golang-go golang-github-vishvananda-netlink-dev python3-pyroute2 python3-matplotlib)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "run-all.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The report deletes its namespaces itself; this catches the ones a killed run would leave behind.
before=$(ip netns list | awk '{print $1}')
cleanup() {
    for ns in $(ip netns list | awk '{print $1}' | grep '^iph-bench-' || true); do
        grep -qx "$ns" <<<"$before" || ip netns del "$ns" 2>/dev/null || true
    done
}
trap cleanup EXIT

dotnet run -c Release --project bench/IpHelper.Bench -- report "$@"

# --- The command line at scale (bench/cli/cli-bench.sh, owned with src/IpHelper.Cli): the native
# iphelper against ip, in its own namespaces; prints its table for docs/performance.md's CLI section.
# SKIP_CLI_BENCH=1 leaves it out.
if [ "${SKIP_CLI_BENCH:-0}" != 1 ]; then
    bench/cli/cli-bench.sh
fi
