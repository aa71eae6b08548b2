"""Python solvers of the PageRank benchmark, on the graph file bench/pagerank.ts exported (layout in
bench/pagerank.c): python3 bench/pagerank_py.py scipy|igraph|networkx GRAPH.bin ALPHA TOL MAXITER OUT.f64

Each prints one JSON line: iterations (null when the library does not say), seconds to solution
from the graph already built in the library's own structure (building it is reported apart as
setupSeconds), peak resident memory. The problem is the engine's: teleport alpha to the seed, dangling
nodes to the seed, edge weights already normalised per source node.
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
        n, m, nd, _ = np.fromfile(f, dtype="<i8", count=4)
        in_start = np.fromfile(f, dtype="<i4", count=n + 1)
        in_src = np.fromfile(f, dtype="<i4", count=m)
        in_prob = np.fromfile(f, dtype="<f8", count=m)
        seed = np.fromfile(f, dtype="<f8", count=n)
        dangling = np.fromfile(f, dtype="<i4", count=nd)
    return int(n), in_start, in_src, in_prob, seed, dangling


def solve_scipy(g, alpha, tol, max_iter):
    """Sparse matrix power iteration: y = (1 - alpha) P x + (alpha + (1 - alpha) x[dangling].sum()) s."""
    from scipy.sparse import csr_matrix

    n, in_start, in_src, in_prob, seed, dangling = g
    t = time.perf_counter()
    P = csr_matrix((in_prob, in_src, in_start), shape=(n, n))
    setup = time.perf_counter() - t
    damp = 1 - alpha
    t = time.perf_counter()
    x = seed.copy()
    it = 0
    delta = float("inf")
    while it < max_iter:
        y = P @ x
        y *= damp
        y += (alpha + damp * x[dangling].sum()) * seed
        delta = float(np.abs(y - x).sum())
        x = y
        it += 1
        if delta < tol:
            break
    return x, it, delta, setup, time.perf_counter() - t


def edge_list(g):
    n, in_start, in_src, in_prob, _, _ = g
    dst = np.repeat(np.arange(n, dtype=np.int64), np.diff(in_start))
    return in_src.astype(np.int64), dst


def solve_igraph(g, alpha, tol, max_iter):
    """PRPACK through igraph, which picks its own solver and stopping rule (tolerance 1e-10)."""
    import igraph

    n, _, _, in_prob, seed, _ = g
    src, dst = edge_list(g)
    t = time.perf_counter()
    G = igraph.Graph(n=n, edges=np.column_stack((src, dst)), directed=True)
    G.es["weight"] = in_prob.tolist()
    reset = seed.tolist()
    setup = time.perf_counter() - t
    t = time.perf_counter()
    x = G.personalized_pagerank(directed=True, damping=1 - alpha, reset=reset, weights="weight", implementation="prpack")
    seconds = time.perf_counter() - t
    return np.asarray(x), None, None, setup, seconds


def solve_networkx(g, alpha, tol, max_iter):
    """networkx.pagerank; its stopping rule is err < N * tol on the L1 change, hence tol / N."""
    import networkx as nx

    n, _, _, in_prob, seed, _ = g
    src, dst = edge_list(g)
    t = time.perf_counter()
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), in_prob.tolist()))
    s = {v: float(seed[v]) for v in np.flatnonzero(seed).tolist()}
    setup = time.perf_counter() - t
    t = time.perf_counter()
    pr = nx.pagerank(G, alpha=1 - alpha, personalization=s, dangling=s, tol=tol / n, max_iter=max_iter, weight="weight")
    seconds = time.perf_counter() - t
    return np.fromiter((pr[v] for v in range(n)), dtype=np.float64, count=n), None, None, setup, seconds


SOLVERS = {"scipy": solve_scipy, "igraph": solve_igraph, "networkx": solve_networkx}


def main():
    lib, path, alpha, tol, max_iter, out = sys.argv[1:7]
    g = load(path)
    x, it, delta, setup, seconds = SOLVERS[lib](g, float(alpha), float(tol), int(max_iter))
    x.astype("<f8").tofile(out)
    print(json.dumps({"iterations": it, "delta": delta, "seconds": seconds, "setupSeconds": setup, "maxRssKb": peak_rss_kb()}))


if __name__ == "__main__":
    main()
