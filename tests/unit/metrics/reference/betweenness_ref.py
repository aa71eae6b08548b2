"""Reference betweenness for tests/unit/metrics/hubs-networkx.test.ts.

Input (JSON file, argv[1]): {"nodes": [id, ...], "edges": [[src, dst, dist], ...]} with dist = 1/weight.
Output (stdout): JSON object {node id: betweenness}, networkx's normalized directed betweenness with
endpoints excluded, i.e. divided by (n-1)(n-2).
"""
import json
import sys

import networkx as nx


def main() -> None:
    with open(sys.argv[1]) as f:
        data = json.load(f)
    g = nx.DiGraph()
    g.add_nodes_from(data["nodes"])
    for src, dst, dist in data["edges"]:
        g.add_edge(src, dst, dist=dist)
    bc = nx.betweenness_centrality(g, weight="dist", normalized=True)
    json.dump({str(k): v for k, v in bc.items()}, sys.stdout)


if __name__ == "__main__":
    main()
