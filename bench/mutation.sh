#!/usr/bin/env bash
# Mutation testing of the policy modules (security, workflow tables, scoped queries, audit, the
# candidate confidentiality rule) with mutmut 3.8; configuration in pyproject.toml [tool.mutmut].
# Not part of CI (about an hour on 2 cores); run it by hand after changing those modules:
#   bench/mutation.sh              # run (resumes where it stopped), then print the score per module
#   bench/mutation.sh survivors    # test again only the mutants that survived or had no test
#                                  # (after adding tests: mutmut keeps earlier verdicts otherwise)
#   bench/mutation.sh report       # only print the score per module and the survivors
# MUTMUT_CHILDREN (default 2) sets how many mutants are tested at once. mutmut works in
# mutants/ (ignored by git); delete it to start from scratch. The report is written to
# artifacts/mutation.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python -c 'import mutmut' 2>/dev/null; then
  pip install "mutmut>=3.8.1,<3.9"
fi
mode="${1:-run}"
start=$SECONDS
case "$mode" in
  run)
    mutmut run --max-children "${MUTMUT_CHILDREN:-2}" ;;
  survivors)
    mapfile -t names < <(mutmut results --all true | sed -n 's/^ *\(.*\): \(survived\|no tests\)$/\1/p')
    if [ "${#names[@]}" -gt 0 ]; then
      mutmut run --max-children "${MUTMUT_CHILDREN:-2}" "${names[@]}"
    fi ;;
  report) ;;
  *) echo "usage: $0 [run|survivors|report]" >&2; exit 2 ;;
esac
if [ "$mode" != report ]; then
  echo "mutmut took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
fi
mkdir -p artifacts
python bench/mutation_report.py | tee artifacts/mutation.txt
