#!/usr/bin/env bash
# Compile translations/*.ts into .qm files next to them (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
for ts in translations/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
