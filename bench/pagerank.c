/* The C baseline of the PageRank benchmark: a straightforward CSR power iteration, the same pull
 * form, formula and stopping rule as lib/metrics/pagerank.ts, on the graph the bench exported.
 * Build: gcc -O3 -o bench/out/pagerank-c bench/pagerank.c (bench/pagerank.ts does it each run).
 * Usage: pagerank-c GRAPH.bin ALPHA TOL MAXITER OUT.f64 → one JSON line on stdout.
 * File layout (little-endian): int64 n, m, nDangling, descendingBelow (the engine's sweep order,
 * unused here); int32 inStart[n+1], inSrc[m]; f64 inProb[m],
 * seed[n]; int32 dangling[nDangling]. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static void *load(FILE *f, size_t count, size_t size) {
  void *p = malloc(count * size + 8);
  if (!p || fread(p, size, count, f) != count) {
    fprintf(stderr, "short read\n");
    exit(1);
  }
  return p;
}

/* VmHWM, this process's own peak: ru_maxrss would also count the parent's pages copied by fork. */
static long peak_rss_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
  if (f) fclose(f);
  if (kb < 0) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    kb = ru.ru_maxrss;
  }
  return kb;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s GRAPH.bin ALPHA TOL MAXITER OUT.f64\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) return perror(argv[1]), 1;
  int64_t head[4];
  if (fread(head, sizeof head, 1, f) != 1) return 1;
  const int64_t n = head[0], m = head[1], nd = head[2];
  int32_t *in_start = load(f, n + 1, 4), *in_src = load(f, m, 4);
  double *in_prob = load(f, m, 8), *seed = load(f, n, 8);
  int32_t *dangling = load(f, nd, 4);
  fclose(f);
  const double alpha = atof(argv[2]), tol = atof(argv[3]), damp = 1 - alpha;
  const int max_iter = atoi(argv[4]);
  double *x = malloc(n * 8), *next = malloc(n * 8);

  const double t0 = now();
  memcpy(x, seed, n * 8);
  int it = 0;
  double delta = INFINITY;
  while (it < max_iter) {
    double dm = 0;
    for (int64_t d = 0; d < nd; d++) dm += x[dangling[d]];
    const double to_seed = alpha + damp * dm;
    double err = 0;
    for (int64_t v = 0; v < n; v++) {
      double sum = 0;
      for (int32_t k = in_start[v], end = in_start[v + 1]; k < end; k++) sum += in_prob[k] * x[in_src[k]];
      const double y = damp * sum + to_seed * seed[v];
      err += fabs(y - x[v]);
      next[v] = y;
    }
    double *t = x;
    x = next;
    next = t;
    it++;
    delta = err;
    if (err < tol) break;
  }
  const double seconds = now() - t0;

  FILE *out = fopen(argv[5], "wb");
  if (!out || fwrite(x, 8, n, out) != (size_t)n) return perror(argv[5]), 1;
  fclose(out);
  printf("{\"iterations\":%d,\"delta\":%.17g,\"seconds\":%.6f,\"maxRssKb\":%ld}\n", it, delta, seconds, peak_rss_kb());
  return 0;
}
