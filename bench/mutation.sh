#!/usr/bin/env bash
# Mutation testing of the policy modules (security, workflow tables, scoped queries, audit, the
# candidate confidentiality rule) with mutmut; configuration in pyproject.toml [tool.mutmut].
# Not part of CI (it takes long on 2 cores); run it after changing those modules:
#   bench/mutation.sh            # run (resumes where it stopped), then print the score per module
#   bench/mutation.sh report     # only print the score per module and the survivors
# The report is written to artifacts/mutation.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
pip install -q "mutmut>=3.8,<4" >/dev/null 2>&1 || true
if [ "${1:-run}" = "run" ]; then
  mutmut run --max-children "${MUTMUT_CHILDREN:-2}" || true
fi
mkdir -p artifacts
python bench/mutation_report.py | tee artifacts/mutation.txt
