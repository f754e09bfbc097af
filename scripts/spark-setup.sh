#!/usr/bin/env bash
# Make the Spark runner (python -m armsledger.spark_job) usable on this machine.
#
#   bash scripts/spark-setup.sh [VENV]      VENV defaults to .venv
#
# 1. Java: PySpark 4 runs its engine on a Java 17+ runtime. When no `java` is on PATH (and
#    JAVA_HOME has none), installs Debian's openjdk-17-jre-headless (needs root and apt-get).
# 2. PySpark: installs the version pinned in requirements.txt into VENV when it is missing.
# Running it again changes nothing. Progress goes to stderr; exits non-zero with a reason on failure.
set -euo pipefail

log() { printf 'spark-setup: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

cd "$(dirname "$0")/.."
VENV="${1:-.venv}"

java_bin() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; return 0; fi
    command -v java 2>/dev/null
}

java_major() {
    # `java -version` prints e.g. 'openjdk version "17.0.15" 2025-04-15' (or "1.8.0_392" for Java 8)
    local v
    v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    [[ "$v" == 1.* ]] && v="${v#1.}"
    echo "${v%%[.+-]*}"
}

JAVA="$(java_bin || true)"
if [[ -z "$JAVA" ]]; then
    command -v apt-get >/dev/null 2>&1 || die "no Java found and no apt-get to install it; install a Java 17+ runtime and set JAVA_HOME"
    [[ "$(id -u)" == 0 ]] || die "no Java found; installing openjdk-17-jre-headless needs root (rerun with sudo)"
    log "no Java found: installing openjdk-17-jre-headless"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >&2
    JAVA="$(java_bin)" || die "openjdk-17-jre-headless installed but no java on PATH"
fi
MAJOR="$(java_major "$JAVA")"
[[ "$MAJOR" =~ ^[0-9]+$ && "$MAJOR" -ge 17 ]] || die "$JAVA is Java ${MAJOR:-?}; Spark 4 needs 17 or newer (apt-get install openjdk-17-jre-headless)"
log "Java $MAJOR at $JAVA"

PY="$VENV/bin/python"
[[ -x "$PY" ]] || die "no virtualenv at $VENV; create it first with 'make venv'"
if ! "$PY" -c 'import pyspark' >/dev/null 2>&1; then
    PIN="$(grep -iE '^pyspark==' requirements.txt || true)"
    [[ -n "$PIN" ]] || PIN="pyspark"
    log "installing $PIN into $VENV"
    "$VENV/bin/pip" install --quiet "$PIN" >&2
fi
log "PySpark $("$PY" -c 'import pyspark; print(pyspark.__version__)') ready"
