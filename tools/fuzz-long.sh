#!/usr/bin/env bash
# A long coverage-guided fuzzing session: IpHelper.dll instrumented by SharpFuzz, driven by AFL++,
# over the decoders of tests/IpHelper.Tests/Reliability/Fuzzing/Shared/FuzzTargets.cs (the same
# registry the test suite's mutation fuzzer uses), seeded with the captured kernel replies.
#
#   tools/fuzz-long.sh [TARGET|all] [SECONDS_PER_TARGET]      defaults: all, 3600
#
# Installs what it needs (AFL++ from Debian, the sharpfuzz dotnet tool into the output folder).
# Output: $FUZZ_OUT (default /tmp/iphelper-fuzz)/TARGET/findings; every crash is replayed at the end
# and the script exits 1 if any input threw. Turn each one into a test in
# tests/IpHelper.Tests/Reliability/Fuzzing/Regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
seconds=${2:-3600}
out=${FUZZ_OUT:-/tmp/iphelper-fuzz}

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi
if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$out/tools" SharpFuzz.CommandLine --version 2.3.0
fi

# A fresh build every time: sharpfuzz instruments in place and refuses an instrumented assembly.
rm -rf "$out/bin"
dotnet build fuzz/IpHelper.Fuzz -c Release -o "$out/bin" -v q -nologo
"$out/tools/sharpfuzz" "$out/bin/IpHelper.dll"

fuzz=(dotnet "$out/bin/IpHelper.Fuzz.dll")
if [ "$target" = all ]; then mapfile -t targets < <("${fuzz[@]}" --list); else targets=("$target"); fi

# The target is `dotnet`, not an AFL-instrumented binary; crashes are exceptions reported by SharpFuzz.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=1

status=0
for t in "${targets[@]}"; do
  dir="$out/$t"
  rm -rf "$dir/findings"
  "${fuzz[@]}" --seeds "$t" "$dir/seeds"
  echo "== $t: afl-fuzz for $seconds s"
  afl-fuzz -V "$seconds" -i "$dir/seeds" -o "$dir/findings" -t 5000 -m none -- "${fuzz[@]}" "$t" > "$dir/afl.log" 2>&1 || {
    echo "afl-fuzz failed for $t, see $dir/afl.log"; tail -20 "$dir/afl.log"; status=1; continue; }
  stats="$dir/findings/default/fuzzer_stats"
  grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats" | sed "s/^/   /"
  mapfile -t crashes < <(find "$dir/findings/default/crashes" -name 'id:*' 2>/dev/null)
  if [ "${#crashes[@]}" -gt 0 ]; then
    echo "   replaying ${#crashes[@]} crashes:"
    "${fuzz[@]}" --replay "$t" "${crashes[@]}" || status=1
  fi
done
exit $status
