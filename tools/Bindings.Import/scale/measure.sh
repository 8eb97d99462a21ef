#!/usr/bin/env bash
# Imports a whole product and builds every operation in one project with this repository's generator
# and runtime, warnings as errors, at C# 8 and at latest; prints the figures the importer's README
# reports (the "Scale" section). Alibaba's files are not in this repository: pass them in.
#
#   bash tools/Bindings.Import/scale/measure.sh <work folder> <source>...
#   e.g. bash tools/Bindings.Import/scale/measure.sh /tmp/rds-scale \
#          alibabacloud-sdk/rds-20140815/async/main.dara alibabacloud-sdk/rds-20140815/main.tea \
#          alibabacloud-sdk/rds-20140815/api-info.json acs-metadata/en_us/rds/2014-08-15/api-docs.json
#
# BINDINGS_SCALE_LANG="8.0 latest" (the default) chooses the language versions built.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  sed -n '2,11p' "$0" >&2
  exit 64
fi
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mkdir -p "$1" && cd "$1" && pwd)
shift
langs=${BINDINGS_SCALE_LANG:-8.0 latest}

rm -rf "$work/specs" "$work/bin" "$work/obj"
mkdir -p "$work/specs"
dotnet build "$repo/tools/Bindings.Import" -c Release -v q -nologo > "$work/import-build.log"
importer="$repo/tools/Bindings.Import/bin/Release/net10.0/Bindings.Import"

start=$(date +%s.%N)
"$importer" import "$@" --out "$work/specs" --notes > "$work/import.log"
end=$(date +%s.%N)
echo "import: $(tail -1 "$work/import.log")"
printf 'import wall time: %.1f s\n' "$(echo "$end - $start" | bc)"
echo "specs: $(find "$work/specs" -name '*.yaml' | wc -l) files, $(du -cb "$work/specs"/*.yaml | tail -1 | cut -f1) bytes"

cat > "$work/Scale.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Written by tools/Bindings.Import/scale/measure.sh: every imported operation in one project. -->
  <Import Project="$repo/generator/build/Bindings.Generator.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>\$(ScaleLangVersion)</LangVersion>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/Bindings.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/Bindings.Runtime.csproj" />
  </ItemGroup>
</Project>
EOF

# The generator and the runtime first, so that the timed builds compile only the product.
dotnet build "$repo/generator" -c Release -v q -nologo > "$work/generator-build.log"
dotnet build "$repo/runtime" -c Release -v q -nologo > "$work/runtime-build.log"

status=0
for lang in $langs; do
  log="$work/build-$lang.log"
  rm -rf "$work/obj/Release/net10.0/generated" "$work/obj/Release/net10.0/Scale.dll" "$work/bin"
  start=$(date +%s.%N)
  # The compiler in the build's own process (no shared compiler server), so that its CPU time and
  # memory are the build's: on a shared machine CPU time is the figure that load does not inflate.
  /usr/bin/time -f '%U %S %M' -o "$work/time-$lang.txt" \
    dotnet build "$work/Scale.csproj" -c Release -p:ScaleLangVersion="$lang" -p:UseSharedCompilation=false \
      -nodeReuse:false -clp:PerformanceSummary -nologo > "$log" 2>&1 || status=1
  end=$(date +%s.%N)
  read -r user system peak < <(tail -1 "$work/time-$lang.txt") || true
  generated=$(find "$work/obj/Release/net10.0/generated" -name '*.cs' 2>/dev/null)
  echo "C# $lang: $(grep -Eo '[0-9]+ Warning\(s\)' "$log" | tail -1), $(grep -Eo '[0-9]+ Error\(s\)' "$log" | tail -1)"
  printf '  build: %.0f s wall, %.0f s CPU, %d MB peak memory; Csc task: %s ms wall\n' "$(echo "$end - $start" | bc)" \
      "$(echo "$user + $system" | bc)" "$((peak / 1024))" "$(grep -E '^ +[0-9]+ ms +Csc ' "$log" | awk '{ print $1 }' | head -1)"
  if [ -n "$generated" ]; then
    echo "  generated: $(echo "$generated" | wc -l) files, $(cat $generated | wc -l) lines, $(cat $generated | wc -c) bytes"
  fi
  if [ -f "$work/bin/Release/net10.0/Scale.dll" ]; then
    echo "  assembly: $(stat -c %s "$work/bin/Release/net10.0/Scale.dll") bytes"
  fi
  # MSBuild prints each diagnostic twice (as it happens and in the summary): count distinct lines.
  grep -E ': (error|warning) [A-Z]+[0-9]+' "$log" | sort -u | grep -Eo '(error|warning) [A-Z]+[0-9]+' \
      | sort | uniq -c | sort -rn | head -20 | sed 's/^/  /' || true
done
exit $status
