#!/usr/bin/env bash
# The consumer test: packs Bindings.Generator and Bindings.Runtime into a local folder feed, checks the
# packages' layout, then restores and builds fresh consumers copied from the templates beside this file
# into a temporary folder outside the repository:
#   app/      net10.0 program with nothing but the two PackageReferences and the shipped specs/;
#             it must build with the trim and AOT analyzers on (warnings as errors) and its run must
#             parse the documented JSON and XML examples to the documented values;
#   broken    the same program with one spec line broken: the build must fail with BND003 at that
#             YAML file and line; with BindingsIncludeDefaultSpecs=false the spec is not read at all;
#   library/  netstandard2.0 library at LangVersion 8, specs in another folder, namespace overrides;
#   app.tests/ the program's xunit test project: references the program and the Bindings.StandIn
#             package and runs the program's code against the stand-in (an operation of the
#             program's own specs included); the program's output must not see the stand-in;
#   aot       (BINDINGS_CONSUMER_AOT=1, or =auto when the NativeAOT compiler restores) the program
#             published with PublishAot=true; prints its size and start time; the test project then
#             runs the native executable against the stand-in;
#   tool      the importer (tools/Bindings.Import) packed as a .NET tool, installed from the feed, run
#             on its test fixture: it writes the specs, and --check finds no drift in them.
# Prints one line per check and ends with 'N passed, N failed'; exits non-zero on any failure.
#
# Environment: BINDINGS_CONSUMER_AOT=0|1|auto (default auto), BINDINGS_CONSUMER_KEEP=1 keeps the
# temporary folder, BINDINGS_CONSUMER_PACKAGES=dir the NuGet packages folder (default
# ~/.nuget/bindings-consumer-packages), BINDINGS_CONSUMER_SKIP=1 skips everything (exits 0).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="$repo/artifacts"
feed="$artifacts/feed"
# A NuGet packages folder of the consumers' own, outside the clone so that the large NativeAOT packs
# are downloaded once per machine (about 300 MB); the Bindings.* packages are deleted from it before
# each restore, so a re-run always takes the packages just packed, never a cached 0.1.0.
packages="${BINDINGS_CONSUMER_PACKAGES:-$HOME/.nuget/bindings-consumer-packages}"
aot="${BINDINGS_CONSUMER_AOT:-auto}"

if [[ "${BINDINGS_CONSUMER_SKIP:-0}" == 1 ]]; then
  echo "consumer: skipped (BINDINGS_CONSUMER_SKIP=1)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Runs from other clones on this machine share the packages folder: one at a time.
mkdir -p "$packages"
exec 9>"$packages/.bindings-consumer.lock"
if ! flock -w 900 9; then
  echo "FAIL  another consumer test holds $packages/.bindings-consumer.lock"
  echo "0 passed, 1 failed"
  exit 1
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/bindings-consumer.XXXXXX")"
logs="$work/logs"
mkdir -p "$logs"
cleanup() {
  if [[ "${BINDINGS_CONSUMER_KEEP:-0}" == 1 ]]; then
    echo "consumer: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

passed=0
failed=0
started=$SECONDS
pass() { passed=$((passed + 1)); echo "PASS  $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; }
check() { # check "description" command...
  local what="$1"
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
show_log() { echo "----- last lines of $1"; tail -n "${2:-40}" "$1" | sed 's/^/    /'; echo "-----"; }
summary() {
  echo "consumer test took $((SECONDS - started)) s"
  echo "$passed passed, $failed failed"
  if [[ $failed -eq 0 ]]; then exit 0; else exit 1; fi
}
fatal() { fail "$1"; [[ -n "${2:-}" ]] && show_log "$2"; summary; }

# --- 1. pack ------------------------------------------------------------------------------------
rm -rf "$feed"
mkdir -p "$feed"
for project in generator/Bindings.Generator.csproj runtime/Bindings.Runtime.csproj samples/Bindings.StandIn/Bindings.StandIn.csproj; do
  log="$logs/pack-$(basename "$project" .csproj).log"
  if dotnet pack "$repo/$project" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true >"$log" 2>&1; then
    pass "dotnet pack $project"
  else
    fatal "dotnet pack $project" "$log"
  fi
done
# The same stand-in as a .NET tool (Bindings.StandIn.Tool), for running it outside the repository.
log="$logs/pack-Bindings.StandIn.Tool.log"
if dotnet pack "$repo/samples/Bindings.StandIn/Bindings.StandIn.csproj" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true -p:PackAsTool=true >"$log" 2>&1; then
  pass "dotnet pack samples/Bindings.StandIn/Bindings.StandIn.csproj -p:PackAsTool=true"
else
  fatal "dotnet pack samples/Bindings.StandIn/Bindings.StandIn.csproj -p:PackAsTool=true" "$log"
fi
# The trim and AOT analyzers run on the runtime's net10.0 build with warnings as errors; none may report.
check "runtime pack reports no trim/AOT warning (IL2xxx/IL3xxx)" \
  bash -c "! grep -E 'warning IL[23][0-9]{3}' '$logs/pack-Bindings.Runtime.log'"

generator_pkg="$(ls "$feed"/Bindings.Generator.*.nupkg 2>/dev/null | head -n 1)"
runtime_pkg="$(ls "$feed"/Bindings.Runtime.*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -n 1)"
standin_pkg="$(ls "$feed"/Bindings.StandIn.*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -n 1)"
[[ -f "$generator_pkg" && -f "$runtime_pkg" && -f "$standin_pkg" ]] || fatal "the three packages are in $feed"
version="$(basename "$runtime_pkg" .nupkg)"
version="${version#Bindings.Runtime.}"
echo "consumer: packages $(basename "$generator_pkg") $(basename "$runtime_pkg") $(basename "$standin_pkg")"

# --- 2. package layout --------------------------------------------------------------------------
unzip -Z1 "$generator_pkg" | sort >"$work/generator.files"
unzip -Z1 "$runtime_pkg" | sort >"$work/runtime.files"
unzip -p "$generator_pkg" Bindings.Generator.nuspec >"$work/generator.nuspec"
unzip -p "$runtime_pkg" Bindings.Runtime.nuspec >"$work/runtime.nuspec"
unzip -Z1 "$standin_pkg" | sort >"$work/standin.files"
unzip -p "$standin_pkg" Bindings.StandIn.nuspec >"$work/standin.nuspec"
has() { grep -qxF "$2" "$1"; }
none() { ! grep -qE "$2" "$1"; }
contains() { grep -qE "$2" "$1"; }

check "generator package: analyzers/dotnet/cs/Bindings.Generator.dll" has "$work/generator.files" analyzers/dotnet/cs/Bindings.Generator.dll
check "generator package: analyzers/dotnet/cs/YamlDotNet.dll" has "$work/generator.files" analyzers/dotnet/cs/YamlDotNet.dll
check "generator package: build/Bindings.Generator.props" has "$work/generator.files" build/Bindings.Generator.props
check "generator package: README and third-party notices" bash -c "grep -qxF PACKAGE.md '$work/generator.files' && grep -qxF THIRD-PARTY-NOTICES.txt '$work/generator.files'"
check "generator package: nothing else under analyzers/ (no other language, no satellite)" \
  bash -c "[[ \$(grep -c '^analyzers/' '$work/generator.files') -eq 2 ]]"
check "generator package: no lib/, ref/ or runtimes/ (nothing reaches the consumer's output)" none "$work/generator.files" '^(lib|ref|runtimes|contentFiles)/'
check "generator package: no dependencies" none "$work/generator.nuspec" '<dependenc'
check "generator package: developmentDependency" contains "$work/generator.nuspec" '<developmentDependency>true</developmentDependency>'
check "runtime package: lib/netstandard2.0/Bindings.Runtime.dll (+ xml docs)" \
  bash -c "grep -qxF lib/netstandard2.0/Bindings.Runtime.dll '$work/runtime.files' && grep -qxF lib/netstandard2.0/Bindings.Runtime.xml '$work/runtime.files'"
check "runtime package: lib/net10.0/Bindings.Runtime.dll (+ xml docs)" \
  bash -c "grep -qxF lib/net10.0/Bindings.Runtime.dll '$work/runtime.files' && grep -qxF lib/net10.0/Bindings.Runtime.xml '$work/runtime.files'"
check "runtime package: lib/ holds exactly netstandard2.0 and net10.0" \
  bash -c "[[ \"\$(grep '^lib/' '$work/runtime.files' | cut -d/ -f2 | sort -u | tr '\n' ' ')\" == 'net10.0 netstandard2.0 ' ]]"
check "runtime package: no analyzers/ or build/" none "$work/runtime.files" '^(analyzers|build|buildTransitive)/'
check "runtime package: System.Text.Json for netstandard2.0 only" \
  bash -c "tr -d '\n' <'$work/runtime.nuspec' | grep -qE '<group targetFramework=\".NETStandard2.0\">([^<]|<dependency[^>]*>)*<dependency id=\"System.Text.Json\"' && ! tr -d '\n' <'$work/runtime.nuspec' | grep -qE '<group targetFramework=\"net10.0\">([^<]|<dependency[^>]*>)*<dependency id=\"System.Text.Json\"'"
check "runtime symbols package (snupkg) with both pdbs" \
  bash -c "unzip -Z1 '${runtime_pkg%.nupkg}.snupkg' | grep -qxF lib/netstandard2.0/Bindings.Runtime.pdb && unzip -Z1 '${runtime_pkg%.nupkg}.snupkg' | grep -qxF lib/net10.0/Bindings.Runtime.pdb"
# The stand-in: a library for test projects, with ASP.NET Core as a framework reference and the same
# Bindings.Runtime as a dependency (never a copy of it inside), and nothing of a program in lib/.
check "stand-in package: lib/net10.0/Bindings.StandIn.dll (+ xml docs), nothing else in lib/" \
  bash -c "[[ \"\$(grep '^lib/' '$work/standin.files' | tr '\n' ' ')\" == 'lib/net10.0/Bindings.StandIn.dll lib/net10.0/Bindings.StandIn.xml ' ]]"
check "stand-in package: no copy of Bindings.Runtime, no analyzers/ or build/" \
  bash -c "! grep -qE 'Bindings\.Runtime\.dll|^(analyzers|build|buildTransitive)/' '$work/standin.files'"
check "stand-in package: depends on Bindings.Runtime $version and references Microsoft.AspNetCore.App" \
  bash -c "grep -qE '<dependency id=\"Bindings.Runtime\" version=\"\\[?$version' '$work/standin.nuspec' && grep -q '<frameworkReference name=\"Microsoft.AspNetCore.App\"' '$work/standin.nuspec'"
for nuspec in "$work/generator.nuspec" "$work/runtime.nuspec" "$work/standin.nuspec"; do
  name="$(basename "$nuspec" .nuspec)"
  check "$name package: version $version, MIT, readme, description, tags, repository" \
    bash -c "grep -q '<version>$version</version>' '$nuspec' && grep -q '<license type=\"expression\">MIT</license>' '$nuspec' && grep -q '<readme>PACKAGE.md</readme>' '$nuspec' && grep -q '<description>..*</description>' '$nuspec' && grep -q '<tags>..*</tags>' '$nuspec' && grep -q '<repository type=\"git\"' '$nuspec'"
done

# --- 3. a feed and packages folder of the consumers' own -----------------------------------------
# The machine's enabled sources (as `dotnet nuget list source` shows them) plus the local feed; the
# Bindings.* IDs may come from the local feed only.
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <config><add key="globalPackagesFolder" value="'"$packages"'" /></config>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo '    <add key="bindings-local" value="'"$feed"'" />'
  n=0
  while read -r state url; do
    [[ "$state" == E* && -n "$url" ]] || continue
    n=$((n + 1))
    echo '    <add key="upstream'"$n"'" value="'"$url"'" />'
  done < <(dotnet nuget list source --format short 2>/dev/null)
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="bindings-local"><package pattern="Bindings.Generator" /><package pattern="Bindings.Runtime" /><package pattern="Bindings.StandIn" /><package pattern="Bindings.StandIn.Tool" /><package pattern="Bindings.Import" /></packageSource>'
  for i in $(seq 1 "$n"); do
    echo '    <packageSource key="upstream'"$i"'"><package pattern="*" /></packageSource>'
  done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$work/nuget.config"
rm -rf "$packages/bindings.generator" "$packages/bindings.runtime" "$packages/bindings.standin" "$packages/bindings.standin.tool" "$packages/bindings.import"

copy_template() { # copy_template template destination
  mkdir -p "$2"
  (cd "$here/$1" && tar --exclude=bin --exclude=obj -cf - .) | (cd "$2" && tar -xf -)
  sed -i -E 's/(Include="Bindings\.(Generator|Runtime|StandIn)" Version=")[^"]*"/\1'"$version"'"/' "$2"/*.csproj
}

# Strict: the trim, AOT and single-file analyzers on, every warning an error.
strict=(-p:TreatWarningsAsErrors=true -p:EnableTrimAnalyzer=true -p:EnableAotAnalyzer=true -p:EnableSingleFileAnalyzer=true)

# --- 4. the program ------------------------------------------------------------------------------
app="$work/app"
copy_template app "$app"
cp -R "$repo/specs" "$app/specs"
log="$logs/app-build.log"
if dotnet build "$app" -c Release "${strict[@]}" -p:EmitCompilerGeneratedFiles=true >"$log" 2>&1; then
  pass "consumer program builds from the packages (trim/AOT analyzers on, warnings as errors)"
else
  fail "consumer program builds from the packages (trim/AOT analyzers on, warnings as errors)"
  show_log "$log"
fi
check "the package's props makes CS8784, CS8785 and CS9057 errors in the consumer" \
  bash -c "dotnet msbuild '$app' -getProperty:WarningsAsErrors -p:Configuration=Release 2>&1 | grep -q 'CS8784;CS8785;CS9057'"
generated="$app/obj/Release/net10.0/generated/Bindings.Generator/Bindings.Generator.BindingsGenerator"
check "EmitCompilerGeneratedFiles writes the generated code under obj/" test -f "$generated/Bindings.Rds.DescribeBackupTasks.g.cs"
check "the generator and YamlDotNet stay out of the program's output" \
  bash -c "[[ -f '$app/bin/Release/net10.0/Bindings.Runtime.dll' && ! -e '$app/bin/Release/net10.0/Bindings.Generator.dll' && ! -e '$app/bin/Release/net10.0/YamlDotNet.dll' ]]"
log="$logs/app-run.log"
if dotnet "$app/bin/Release/net10.0/Consumer.App.dll" >"$log" 2>&1 && grep -q ' 0 failed' "$log"; then
  pass "consumer program parses the documented JSON and XML examples ($(grep -c '^ok' "$log") checks)"
else
  fail "consumer program parses the documented JSON and XML examples"
  show_log "$log"
fi

# --- 5. a broken spec ----------------------------------------------------------------------------
broken="$work/broken"
copy_template app "$broken"
cp -R "$repo/specs" "$broken/specs"
spec="$broken/specs/rds/DescribeBackupTasks.yaml"
line="$(grep -n -m 1 -E '^ +type: BackupMode *$' "$spec" | cut -d: -f1)"
if [[ -z "$line" ]]; then
  fail "the shipped spec has a 'type: BackupMode' line to break"
else
  column="$(sed -n "${line}p" "$spec" | awk '{ print index($0, "BackupMode") }')"
  sed -i "${line}s/type: BackupMode/type: BackupModeTypo/" "$spec"
  log="$logs/broken-build.log"
  if dotnet build "$broken" -c Release >"$log" 2>&1; then
    fail "a broken spec fails the build"
  else
    pass "a broken spec fails the build"
  fi
  if grep -qE "specs/rds/DescribeBackupTasks\.yaml\($line,$column(,[0-9]+,[0-9]+)?\): error BND003" "$log"; then
    pass "the build reports error BND003 at DescribeBackupTasks.yaml($line,$column)"
  else
    fail "the build reports error BND003 at DescribeBackupTasks.yaml($line,$column)"
    grep -E 'error|warning' "$log" | sort -u | head -n 20 | sed 's/^/    /'
  fi
  log="$logs/broken-nodefault-build.log"
  dotnet build "$broken" -c Release -p:BindingsIncludeDefaultSpecs=false >"$log" 2>&1
  if ! grep -q 'BND003' "$log" && grep -qE "error CS0(234|246): The type or namespace name '(Rds|DescribeBackupTasksResponse)'" "$log"; then
    pass "BindingsIncludeDefaultSpecs=false: specs/ is not read (no BND003, no generated types)"
  else
    fail "BindingsIncludeDefaultSpecs=false: specs/ is not read (no BND003, no generated types)"
    grep -E 'error|warning' "$log" | sort -u | head -n 20 | sed 's/^/    /'
  fi
fi

# --- 6. the netstandard2.0 library at C# 8 ------------------------------------------------------
library="$work/library"
copy_template library "$library"
cp -R "$repo/specs/." "$library/api-specs/"
log="$logs/library-build.log"
if dotnet build "$library" -c Release -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true >"$log" 2>&1; then
  pass "netstandard2.0 library at LangVersion 8 builds (api-specs/, BindingsNamespace, per-file metadata)"
else
  fail "netstandard2.0 library at LangVersion 8 builds (api-specs/, BindingsNamespace, per-file metadata)"
  show_log "$log"
fi
generated="$library/obj/Release/netstandard2.0/generated/Bindings.Generator/Bindings.Generator.BindingsGenerator"
check "library: rds types in the project's namespace, Ping in the file's own, notes.yaml skipped" \
  bash -c "[[ -f '$generated/Contoso.Backups.DescribeBackupTasks.g.cs' && -f '$generated/Contoso.Health.Ping.g.cs' ]] && [[ -z \"\$(ls '$generated' | grep -v -E '^Contoso\.(Backups|Health)\.')\" ]]"

# --- 7. the program's test project, with the stand-in ---------------------------------------------
tests="$work/app.tests"
copy_template app.tests "$tests"
log="$logs/app-tests.log"
if dotnet test "$tests" -c Release -p:TreatWarningsAsErrors=true --filter 'FullyQualifiedName!~NativeAOT' >"$log" 2>&1 \
    && grep -qE 'Passed!.*Failed: +0, Passed: +[1-9]' "$log"; then
  pass "the program's test project runs its code against the Bindings.StandIn package ($(grep -oE 'Passed: +[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+') tests)"
else
  fail "the program's test project runs its code against the Bindings.StandIn package"
  show_log "$log"
fi
# The stand-in and ASP.NET Core reach the test project only: not the program's output, packages or runtime config.
check "the program's output has no stand-in, no ASP.NET Core, one Bindings.Runtime" \
  bash -c "cd '$app/bin/Release/net10.0' && [[ ! -e Bindings.StandIn.dll ]] && ! ls | grep -q '^Microsoft\.AspNetCore' && ! grep -q 'Microsoft.AspNetCore' Consumer.App.runtimeconfig.json && ! grep -qi 'standin' Consumer.App.deps.json"
check "the program's packages (transitive) do not include Bindings.StandIn" \
  bash -c "dotnet list '$app' package --include-transitive 2>&1 | grep -q 'Bindings.Runtime' && ! dotnet list '$app' package --include-transitive 2>&1 | grep -qi 'Bindings.StandIn'"
check "the test project has exactly one Bindings.Runtime.dll, the package's" \
  bash -c "[[ \$(find '$tests/bin/Release' -name Bindings.Runtime.dll | wc -l) -eq 1 ]] && cmp -s \"\$(find '$tests/bin/Release' -name Bindings.Runtime.dll)\" \"\$(find '$packages/bindings.runtime' -path '*lib/net10.0/Bindings.Runtime.dll' | head -n 1)\""

# The stand-in as a tool: installed from the feed, run on its own, called by the program over HTTP
# with the AccessKey it printed, stopped with SIGTERM (exit code 0).
log="$logs/tool-install.log"
if dotnet tool install Bindings.StandIn.Tool --version "$version" --tool-path "$work/tool" --configfile "$work/nuget.config" >"$log" 2>&1; then
  pass "dotnet tool install Bindings.StandIn.Tool from the feed"
  "$work/tool/bindings-rds-standin" --port 0 --quiet >"$logs/tool-run.log" 2>&1 &
  tool_pid=$!
  for _ in $(seq 1 120); do grep -q 'Ctrl+C stops.' "$logs/tool-run.log" && break; sleep 0.5; done
  endpoint="$(awk '$1 == "Endpoint" { print $2 }' "$logs/tool-run.log")"
  key_id="$(awk '$1 == "AccessKey" && $2 == "ID" { print $3 }' "$logs/tool-run.log")"
  key_secret="$(awk '$1 == "AccessKey" && $2 == "secret" { print $3 }' "$logs/tool-run.log")"
  log="$logs/tool-client.log"
  if [[ -n "$endpoint" ]] && ALIBABA_CLOUD_ACCESS_KEY_ID="$key_id" ALIBABA_CLOUD_ACCESS_KEY_SECRET="$key_secret" \
      dotnet "$app/bin/Release/net10.0/Consumer.App.dll" --endpoint "$endpoint" >"$log" 2>&1 && grep -q 'rm-uf6wjk5xxxxxxx: 4 tasks' "$log" \
      && grep -q 'regions: not answered (InvalidAction.NotFound)' "$log"; then
    pass "bindings-rds-standin answers the program at the endpoint and AccessKey it printed"
  else
    fail "bindings-rds-standin answers the program at the endpoint and AccessKey it printed"
    show_log "$logs/tool-run.log"
    show_log "$log"
  fi
  kill -TERM "$tool_pid" 2>/dev/null
  if wait "$tool_pid" && grep -q '^Stopped after requests' "$logs/tool-run.log"; then
    pass "bindings-rds-standin stops on SIGTERM with exit code 0"
  else
    fail "bindings-rds-standin stops on SIGTERM with exit code 0"
    show_log "$logs/tool-run.log"
  fi
else
  fail "dotnet tool install Bindings.StandIn.Tool from the feed"
  show_log "$log"
fi

# --- 8. NativeAOT --------------------------------------------------------------------------------
if [[ "$aot" == 0 ]]; then
  echo "SKIP  NativeAOT publish: off (BINDINGS_CONSUMER_AOT=0, as in .ci/run; BINDINGS_CONSUMER_AOT=1 runs it)"
else
  log="$logs/aot-publish.log"
  out="$work/aot"
  aot_started=$SECONDS
  if dotnet publish "$app" -c Release -r linux-x64 -p:PublishAot=true -p:DisableTransitiveFrameworkReferenceDownloads=true \
      "${strict[@]}" -o "$out" >"$log" 2>&1 && ! grep -qE 'warning IL[23][0-9]{3}' "$log"; then
    pass "consumer program publishes with NativeAOT, no trim/AOT warning ($((SECONDS - aot_started)) s)"
    exe="$out/Consumer.App"
    if "$exe" >"$logs/aot-run.log" 2>&1 && grep -q ' 0 failed' "$logs/aot-run.log"; then
      pass "the NativeAOT program parses the documented examples"
      size=$(stat -c %s "$exe")
      runs=20
      t0=$(date +%s%N)
      for _ in $(seq 1 $runs); do "$exe" >/dev/null; done
      t1=$(date +%s%N)
      echo "consumer: NativeAOT executable $((size / 1024)) KiB; start to exit $(((t1 - t0) / runs / 1000)) us on average over $runs runs"
      check "the NativeAOT program has no stand-in or ASP.NET Core in its publish folder" \
        bash -c "! ls '$out' | grep -qiE 'standin|AspNetCore'"
      log="$logs/aot-tests.log"
      if CONSUMER_AOT_EXE="$exe" dotnet test "$tests" -c Release --no-build --filter 'FullyQualifiedName~NativeAOT' >"$log" 2>&1 \
          && grep -qE 'Passed!.*Failed: +0, Passed: +1,' "$log"; then
        pass "the test project runs the NativeAOT program against the stand-in"
      else
        fail "the test project runs the NativeAOT program against the stand-in"
        show_log "$log"
      fi
    else
      fail "the NativeAOT program parses the documented examples"
      show_log "$logs/aot-run.log"
    fi
  elif [[ "$aot" == auto ]] && grep -qE 'NU1101|NU1102|NETSDK1183|Platform linker|clang|objcopy' "$log"; then
    echo "SKIP  NativeAOT publish: the AOT compiler or native toolchain is not available here (BINDINGS_CONSUMER_AOT=1 makes this a failure)"
    grep -E 'error' "$log" | sort -u | head -n 5 | sed 's/^/    /'
  else
    fail "consumer program publishes with NativeAOT, no trim/AOT warning"
    show_log "$log"
  fi
fi

# --- 8. the importer as a .NET tool --------------------------------------------------------------
log="$logs/tool.log"
fixture="$repo/tests/Bindings.Import.Tests/Fixtures/backup-tasks"
imported="$work/imported"
if dotnet pack "$repo/tools/Bindings.Import/Bindings.Import.csproj" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true >"$log" 2>&1 \
    && dotnet tool install Bindings.Import --version "$version" --tool-path "$work/tool" --configfile "$work/nuget.config" >>"$log" 2>&1; then
  pass "the importer packs as a .NET tool and installs from the feed"
  if "$work/tool/bindings" import "$fixture/main.dara" "$fixture/api-docs.json" "$fixture/api-info.json" --out "$imported" --overlay "$fixture/import-overlay.yaml" >>"$log" 2>&1 \
      && [[ -f "$imported/DescribeBackupTasks.yaml" && -f "$imported/rds-2014-08-15.yaml" ]] \
      && "$work/tool/bindings" import "$fixture/main.dara" "$fixture/api-docs.json" "$fixture/api-info.json" --out "$imported" --overlay "$fixture/import-overlay.yaml" --check >>"$log" 2>&1; then
    pass "the installed 'bindings import' writes the fixture's specs and --check finds no drift"
  else
    fail "the installed 'bindings import' writes the fixture's specs and --check finds no drift"
    show_log "$log"
  fi
else
  fail "the importer packs as a .NET tool and installs from the feed"
  show_log "$log"
fi

summary
