#!/usr/bin/env bash
# Wine runs the win-x64 build of the Windows backend (tests/IpHelper.Tests/Windows, docs/windows.md).
# Debian's wine64 (8.0); the loader is /usr/lib/wine/wine64, not on PATH. About 1.5 min when missing.
set -euo pipefail
[ -x /usr/lib/wine/wine64 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends wine64 >/dev/null
[ -x /usr/lib/wine/wine64 ]
