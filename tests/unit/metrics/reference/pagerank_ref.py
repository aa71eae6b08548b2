"""Reference PageRank for tests/unit/metrics/pagerank-networkx.test.ts.

Input (JSON file, argv[1]): a list of cases {"n": int, "edges": [[src, dst, weight], ...],
"seed": [s_0 .. s_{n-1}], "damping": float}, batched so networkx is imported once. Duplicate
(src, dst) pairs must already be summed: a DiGraph keeps one edge.
Output (stdout): JSON list, per case the list of the n scores. networkx's `alpha` is the damping,
1 - teleport.
"""
import json
import sys

import networkx as nx


def solve(data: dict) -> list:
    g = nx.DiGraph()
    g.add_nodes_from(range(data["n"]))
    for src, dst, w in data["edges"]:
        g.add_edge(src, dst, weight=w)
    seed = {i: s for i, s in enumerate(data["seed"])}
    pr = nx.pagerank(g, alpha=data["damping"], personalization=seed, dangling=seed,
                     tol=1e-13, max_iter=100000, weight="weight")
    return [pr[i] for i in range(data["n"])]


def main() -> None:
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump([solve(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
