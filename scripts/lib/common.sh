# SPDX-License-Identifier: Apache-2.0
# Shared by scripts/quorum and scripts/test. Source it; it defines functions only.

QUORUM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say()  { printf '%s\n' "$*"; }
warn() { printf 'quorum: %s\n' "$*" >&2; }
die()  { printf 'quorum: %s\n' "$*" >&2; exit 1; }

# Java 25: JAVA_HOME if it is 25 or newer, else /usr/lib/jvm/temurin-25*, else stop with advice.
find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "Java 25 is required. Install a JDK 25 (for example Temurin 25: apt-get install temurin-25-jdk from adoptium.net, or unpack it under /usr/lib/jvm) or point JAVA_HOME at one."
}

# The JVM flags the engine needs, from their one home: the quorum.jvm.flags property of pom.xml.
jvm_flags() {
  sed -n 's:.*<quorum.jvm.flags>\(.*\)</quorum.jvm.flags>.*:\1:p' "$QUORUM_ROOT/pom.xml"
}

am_root() { [ "$(id -u)" = 0 ]; }

# Installs Debian packages when missing: apt-get as root, otherwise stop with the command to run.
ensure_packages() {
  local missing=() bin pkg
  while [ $# -gt 0 ]; do
    bin=$1 pkg=$2; shift 2
    command -v "$bin" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if am_root && command -v apt-get >/dev/null 2>&1; then
    say "Installing ${missing[*]} with apt-get..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } \
      || die "apt-get could not install: ${missing[*]}"
  else
    die "Missing: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}"
  fi
}
