#!/usr/bin/env bash
# Install Vigie with its test and Spark dependencies (and PostgreSQL's server binaries, for the store
# tests, Chromium, for the dashboard's browser tests, Pango, for the PDF reports, and Java, for the
# Spark job's test), then run the linters, the type checker and the tests.
# Usage: ./scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing PostgreSQL server binaries (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "== PostgreSQL is not installed: the PostgreSQL store tests will be skipped (sudo apt-get install postgresql)"
  fi
fi
if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # the dashboard's browser tests drive Debian's Chromium with Playwright (no browser download)
    echo "== installing Chromium (apt-get install chromium chromium-driver)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "== Chromium is not installed: the browser tests will be skipped (sudo apt-get install chromium chromium-driver)"
  fi
fi
if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # PDF situation reports: WeasyPrint (PyPI) draws text with Debian's Pango
    echo "== installing Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null
  else
    echo "== Pango is not installed: the PDF report tests will be skipped (sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
  fi
fi
if ! java -version >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # the Spark job's test runs PySpark in local mode, which needs a Java runtime (17 or newer)
    echo "== installing Java (apt-get install openjdk-17-jre-headless)"
    export DEBIAN_FRONTEND=noninteractive
    mkdir -p /usr/share/man/man1  # slim images lack it, and the JRE's post-install step fails without it
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "== Java is not installed: the Spark test will be skipped (sudo apt-get install openjdk-17-jre-headless)"
  fi
fi
python3 -m pip install --quiet --disable-pip-version-check -e ".[test,spark]"
echo "== ruff"
python3 -m ruff check src tests bench
python3 -m ruff format --check src tests bench
echo "== mypy --strict"
python3 -m mypy src/vigie
echo "== pytest (tests and doctests)"
python3 -m pytest "$@"
