#!/usr/bin/env bash
# Fuzzes one target with afl-fuzz (AFL++) through SharpFuzz, for a bounded time.
#   tests/fuzz/run-afl.sh json|xml|spec [SECONDS] [OUTPUT_DIR]
# Needs afl-fuzz (Debian: apt-get install afl++) and the sharpfuzz tool
# (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0). See README.md.
set -euo pipefail

target="${1:?usage: run-afl.sh json|xml|spec [SECONDS] [OUTPUT_DIR]}"
seconds="${2:-600}"
here="$(cd "$(dirname "$0")" && pwd)"
work="${3:-${TMPDIR:-/tmp}/bindings-fuzz}"
out="$work/bin"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
sharpfuzz="$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")"
[ -x "$sharpfuzz" ] || { echo "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

# A fresh build each time: sharpfuzz rewrites the assemblies in place, once.
rm -rf "$out"
dotnet build "$here/Bindings.Fuzz" -c Release -o "$out" -nologo -v quiet
for assembly in Bindings.Runtime.dll Bindings.Fuzz.Targets.dll Bindings.Generator.dll YamlDotNet.dll; do
  "$sharpfuzz" "$out/$assembly"
done

# The dotnet host is not instrumented (SharpFuzz reports coverage itself), the machine may be shared,
# and a container's core_pattern may pipe core dumps elsewhere.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI="${AFL_NO_UI:-1}"
timeout_ms=10000
[ "$target" = spec ] && timeout_ms=20000

afl-fuzz -V "$seconds" -i "$here/corpus/$target" -o "$work/findings-$target" -t "$timeout_ms" -m none \
  -- "$(command -v dotnet)" "$out/Bindings.Fuzz.dll" "$target"

grep -E 'execs_done|execs_per_sec|corpus_count|edges_found|saved_crashes|saved_hangs' "$work/findings-$target/default/fuzzer_stats"
crashes=("$work/findings-$target/default/crashes/"id*)
if [ -e "${crashes[0]}" ]; then
  echo "Crashes found; replay them with:"
  echo "  dotnet $out/Bindings.Fuzz.dll $target $work/findings-$target/default/crashes"
  exit 1
fi
