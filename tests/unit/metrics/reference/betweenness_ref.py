"""Reference betweenness for tests/unit/metrics/hubs-networkx.test.ts.

Input (JSON file, argv[1]): a list of cases {"nodes": [id, ...], "edges": [[src, dst, dist], ...]}
with dist = 1/weight, batched so networkx is imported once.
Output (stdout): JSON list, per case an object {node id: betweenness}: networkx's normalized
directed betweenness with endpoints excluded, i.e. divided by (n-1)(n-2).
"""
import json
import sys

import networkx as nx


def solve(data: dict) -> dict:
    g = nx.DiGraph()
    g.add_nodes_from(data["nodes"])
    for src, dst, dist in data["edges"]:
        g.add_edge(src, dst, dist=dist)
    bc = nx.betweenness_centrality(g, weight="dist", normalized=True)
    return {str(k): v for k, v in bc.items()}


def main() -> None:
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump([solve(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
