#!/usr/bin/env bash
# sshd for the PowerShell remoting test (tests/IpHelper.Tests/PowerShell/SshRemotingTests.cs), which starts its own
# sshd in each of its network namespaces. Installed without starting the service: the host namespace gets no sshd.
# Idempotent: nothing happens when /usr/sbin/sshd exists. Cost: about 10 s with a warm apt cache.
set -euo pipefail
[ -x /usr/sbin/sshd ] && exit 0
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  made_policy=1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client
[ -n "$made_policy" ] && rm -f "$policy"
/usr/sbin/sshd -V 2>&1 | head -1 || true
