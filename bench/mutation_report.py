"""Score per module from `mutmut results --all true` (mutmut 3.8): killed, timeout, survived,
no tests, other; then the mutants no test killed (survived or reached by no test).

mutmut 3.8 prints one line per mutant, `    portal.jobs.queries.x_own_postings__mutmut_3: killed`,
or for a method `    portal.workflow.xǁWorkflowǁcheck__mutmut_7: survived`; the module is
everything before the mangled function name (`x_…` or `xǁ…`). The score counts timeouts as
killed (the mutant made the tests hang) and "no tests" as not killed; mutants not checked yet,
skipped, suspicious or caught by a type check are "other" and left out of the score.
"""
from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict

COLUMNS = ("killed", "timeout", "survived", "no tests", "other")
NOT_KILLED = ("survived", "no tests")


def module_of(name: str) -> str:
    """`portal.jobs.queries` from `portal.jobs.queries.x_own_postings__mutmut_3`."""
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        if parts[i].startswith(("x_", "xǁ")):
            return ".".join(parts[:i])
    raise ValueError(f"not a mutmut 3 mutant name: {name!r}")


def parse(output: str) -> list[tuple[str, str]]:
    """(mutant name, status) for each line of `mutmut results --all true`."""
    rows = []
    for line in output.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            rows.append((name, status))
    return rows


def column(status: str) -> str:
    if status in ("killed", "timeout", "survived", "no tests"):
        return status
    return "other"  # not checked, skipped, suspicious, segfault, caught by type check, …


def score(counts: Counter) -> str:
    killed = counts["killed"] + counts["timeout"]
    judged = killed + sum(counts[c] for c in NOT_KILLED)
    return f"{killed / judged:.1%}" if judged else "n/a"


def report(rows: list[tuple[str, str]]) -> str:
    by_module: dict[str, Counter] = defaultdict(Counter)
    for name, status in rows:
        by_module[module_of(name)][column(status)] += 1
    total: Counter = sum(by_module.values(), Counter())
    lines = [f"{'module':32}" + "".join(f"{c:>10}" for c in COLUMNS) + f"{'score':>9}"]
    for module in sorted(by_module) + ["all"]:
        counts = total if module == "all" else by_module[module]
        lines.append(f"{module:32}" + "".join(f"{counts[c]:10}" for c in COLUMNS)
                     + f"{score(counts):>9}")
    unchecked = [name for name, status in rows if status == "not checked"]
    if unchecked:
        lines.append(f"\n{len(unchecked)} mutants not checked yet: run bench/mutation.sh again.")
    for status in NOT_KILLED:
        names = [name for name, s in rows if s == status]
        if names:
            lines.append(f"\n{status} ({len(names)}; show one with: mutmut show NAME):")
            lines += [f"  {name}" for name in names]
    return "\n".join(lines)


def main() -> int:
    result = subprocess.run(["mutmut", "results", "--all", "true"], capture_output=True, text=True)
    rows = parse(result.stdout)
    if result.returncode != 0 or not rows:
        print("No mutmut results here: run bench/mutation.sh first.\n" + result.stderr,
              file=sys.stderr)
        return 1
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
