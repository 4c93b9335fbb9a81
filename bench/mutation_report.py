"""Score per module from mutmut's results: killed / (killed + survived), survivors listed."""
from __future__ import annotations

import subprocess
from collections import defaultdict

KILLED = {"killed", "timeout", "segfault", "suspicious"}


def main() -> None:
    out = subprocess.run(["mutmut", "results", "--all", "true"], capture_output=True, text=True).stdout
    by_module: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    survivors: list[str] = []
    for line in out.splitlines():
        name, _, status = line.strip().partition(": ")
        if not name or not status:
            continue
        module = name.split(".x")[0].split(".xǁ")[0]
        module = name.rsplit(".", 1)[0] if "__mutmut_" in name else module
        module = module.split(".x_")[0].split(".xǁ")[0]
        by_module[module][status] += 1
        if status == "survived":
            survivors.append(name)
    print(f"{'module':40} {'killed':>7} {'survived':>9} {'other':>6} {'score':>7}")
    total_k = total_s = 0
    for module in sorted(by_module):
        counts = by_module[module]
        killed = sum(v for k, v in counts.items() if k in KILLED)
        survived = counts.get("survived", 0)
        other = sum(v for k, v in counts.items() if k not in KILLED and k != "survived")
        total_k, total_s = total_k + killed, total_s + survived
        score = killed / (killed + survived) if killed + survived else 1.0
        print(f"{module:40} {killed:7} {survived:9} {other:6} {score:7.1%}")
    if total_k + total_s:
        print(f"{'all':40} {total_k:7} {total_s:9} {'':6} {total_k / (total_k + total_s):7.1%}")
    if survivors:
        print("\nsurvivors (show one with: mutmut show NAME):")
        for name in survivors:
            print(" ", name)


if __name__ == "__main__":
    main()
