"""networkx side of the betweenness benchmark, on the contributor projection it exported:
python3 bench/betweenness_py.py networkx GRAPH.bin K OUT.f64

Computes the raw pair-dependency sums from the first K of the engine's pivots to every node
(networkx.betweenness_centrality_subset), edge length 1/weight, the quantity the engine scales by n/k. Prints one JSON line: seconds, pivots, peak RSS.
File layout (little-endian): int32 n, m; int32 src[m], dst[m]; f64 length[m]; int32 k; int32 pivots[k].
"""
import json
import resource
import sys
import time

import numpy as np


def peak_rss_kb():
    """VmHWM, this process's own peak (ru_maxrss would also count pages fork copied from the parent)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load(path):
    with open(path, "rb") as f:
        n, m = np.fromfile(f, dtype="<i4", count=2)
        src = np.fromfile(f, dtype="<i4", count=m)
        dst = np.fromfile(f, dtype="<i4", count=m)
        length = np.fromfile(f, dtype="<f8", count=m)
        (k,) = np.fromfile(f, dtype="<i4", count=1)
        pivots = np.fromfile(f, dtype="<i4", count=k)
    return int(n), src, dst, length, pivots


def run_networkx(n, src, dst, length, sources):
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), length.tolist()), weight="dist")
    t = time.perf_counter()
    bc = nx.betweenness_centrality_subset(G, sources=sources, targets=list(range(n)), normalized=False, weight="dist")
    return np.fromiter((bc[v] for v in range(n)), dtype=np.float64, count=n), time.perf_counter() - t


def main():
    lib, path, k, out = sys.argv[1:5]
    n, src, dst, length, pivots = load(path)
    sources = pivots[: int(k)].tolist()
    bc, seconds = {"networkx": run_networkx}[lib](n, src, dst, length, sources)
    bc.astype("<f8").tofile(out)
    print(json.dumps({"seconds": seconds, "pivots": len(sources), "maxRssKb": peak_rss_kb()}))


if __name__ == "__main__":
    main()
