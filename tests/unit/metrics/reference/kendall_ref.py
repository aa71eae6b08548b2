"""Reference Kendall tau-b for tests/unit/metrics/kendall.test.ts.

Input (JSON file, argv[1]): a list of cases {"x": [...], "y": [...]}, batched so scipy is imported
once. Output (stdout): JSON list, per case scipy.stats.kendalltau(x, y).statistic (variant "b", the
default), or null where scipy returns NaN (a constant sample).
"""
import json
import math
import sys

from scipy.stats import kendalltau


def solve(data: dict):
    tau = kendalltau(data["x"], data["y"]).statistic
    return None if math.isnan(tau) else float(tau)


def main() -> None:
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump([solve(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
