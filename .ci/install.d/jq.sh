#!/usr/bin/env bash
# jq: the CLI tests pipe `iphelper ... --json` through Debian's jq (1.6, which keeps 53 bits of a
# number) and back into the CLI (tests/IpHelper.Tests/Cli/CliJsonRoundTripTests.cs). About 1 MB.
set -euo pipefail
command -v jq >/dev/null 2>&1 && exit 0
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null
