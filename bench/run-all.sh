#!/usr/bin/env bash
# The whole benchmark report in one command (as root):  sudo bench/run-all.sh [options]
# Installs the peers' Debian packages when missing, runs every workload in throw-away network
# namespaces, and rewrites docs/performance.md (below its marker line) and docs/performance-routes.png.
# Options (all optional): --sizes 10000,30000,100000,300000,1000000  --runs 5  --insert 100000
#   --flood 1000000  --calls 20000  --only dump,interfaces,insert,flood,coldstart  --out FILE
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
