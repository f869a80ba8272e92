#!/usr/bin/env bash
# Installs the packages the way a user does and runs two apps on them; any failure exits non-zero.
#   1. packs every packable project of the solution (src/*: IsPackable) into a temporary folder;
#   2. copies the app templates (eng/consumer/quickstart: the README quickstarts on the simulators; eng/consumer/di:
#      generic host + appsettings.json + keyed services) OUTSIDE the repository, each next to a nuget.config whose
#      only added source is that folder (the registry comes from the machine's own NuGet configuration);
#   3. restores them into a private package folder (so a package from an earlier run is never reused), builds, runs.
# Expects a Release build of the solution first (as .ci/run does); pass --build to build it here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"

pack_args=(--no-build)
if [ "${1:-}" = "--build" ]; then pack_args=(); fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
started=$SECONDS

# Every project under src/ is a package (src/Directory.Build.props): a solution filter of them, so packages added
# later are packed without touching this script.
projects="$(cd "$repo" && ls src/*/*.csproj | sed 's/.*/"&"/' | paste -sd, -)"
printf '{"solution":{"path":"%s","projects":[%s]}}\n' "$repo/Cobranca.Connectors.sln" "$projects" > "$work/packable.slnf"
echo "::: consumer: pack"
dotnet pack "$work/packable.slnf" -c Release "${pack_args[@]}" -o "$feed" -warnaserror -warnnotaserror:NU1900 --nologo -v:q
nupkg="$(ls "$feed"/Cobranca.Connectors.Abstractions.*.nupkg | grep -v '\.snupkg$' | head -n 1)"
version="$(basename "$nupkg" .nupkg)"; version="${version#Cobranca.Connectors.Abstractions.}"
echo "::: consumer: $(ls "$feed"/*.nupkg | wc -l) packages, version $version"
# COBRANCA_PACKAGES_OUT=DIR keeps a copy of the packages (e.g. for python3 eng/package/report.py DIR).
if [ -n "${COBRANCA_PACKAGES_OUT:-}" ]; then mkdir -p "$COBRANCA_PACKAGES_OUT" && cp "$feed"/*.nupkg "$COBRANCA_PACKAGES_OUT"/; fi

# The normal package cache serves third-party packages read-only (fallback folder), unless it holds a Cobranca
# package of this version (installed by hand): then everything is restored into the private folder.
user_cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
fallback=""
if [ -d "$user_cache" ] && ! ls -d "$user_cache"/cobranca.connectors.*/"$version" >/dev/null 2>&1; then
  fallback="<fallbackPackageFolders><add key=\"user-cache\" value=\"$user_cache\" /></fallbackPackageFolders>"
fi
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="packages" /></config>
  <packageSources><add key="cobranca-local" value="feed" /></packageSources>
  $fallback
</configuration>
XML
# Nothing from the repository's build files may leak in.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"

run_app() {
  local name="$1"
  cp -r "$repo/eng/consumer/$name" "$work/$name"
  echo "::: consumer: $name"
  dotnet build "$work/$name" -c Release -p:CobrancaVersion="$version" --nologo -v:q
  local app; app="$(basename "$(ls "$work/$name"/*.csproj)" .csproj)"
  # From its output folder, as a deployed app runs (the host finds appsettings.json in its content root).
  if ! (cd "$work/$name/bin/Release/net10.0" && timeout 120 dotnet "$app.dll"); then
    echo "ci: consumer app $name failed" >&2
    return 1
  fi
}
run_app quickstart
run_app di
echo "::: consumer: ok ($((SECONDS - started)) s)"
