#!/usr/bin/env bash
# Install Vigie with its test dependencies, then run the linters, the type checker and the tests.
# Usage: ./scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
echo "== ruff"
python3 -m ruff check src tests bench
python3 -m ruff format --check src tests bench
echo "== mypy --strict"
python3 -m mypy src/vigie
echo "== pytest (tests and doctests)"
python3 -m pytest "$@"
