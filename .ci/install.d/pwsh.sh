#!/usr/bin/env bash
# pwsh 7.6.10 for the PowerShell module's end-to-end and packaging tests (tests/IpHelper.Tests/PowerShell).
# Installed as the PowerShell dotnet tool (the NuGet package; 7.7.0 does not run on .NET 10) into a tool path,
# linked as /usr/local/bin/pwsh. Idempotent: nothing happens when pwsh 7.6.x is already on PATH.
# Cost: about 60 MB download and 1 minute on a fresh machine.
set -euo pipefail
version=7.6.10
if command -v pwsh >/dev/null 2>&1 && pwsh -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -q '^7\.6\.'; then
  exit 0
fi
tool_path=/usr/local/lib/pwsh-$version
if [ ! -x "$tool_path/pwsh" ]; then
  dotnet tool install --tool-path "$tool_path" PowerShell --version "$version"
fi
ln -sf "$tool_path/pwsh" /usr/local/bin/pwsh
pwsh -NoProfile -NonInteractive -Command '"pwsh " + $PSVersionTable.PSVersion.ToString()'
