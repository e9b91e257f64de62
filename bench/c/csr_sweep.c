/* One Jacobi sweep over CSR with row groups, doing the work of the runtime's sweep: the greedy action per state
 * (lowest index on ties) and the min and max of TV - V (the MacQueen bracket behind the certified bound).
 * Reads the arrays bench/RlSpec.Benchmarks exports (csr-sweeps ... EXPORT.bin) and prints the median
 * milliseconds per sweep, wall clock and this thread's CPU time (as the C# side measures them).
 *   gcc -O3 -march=native -o /tmp/csr_sweep bench/c/csr_sweep.c && /tmp/csr_sweep forest.bin 50
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <math.h>
#include <time.h>

static void *read_array(FILE *f, size_t count, size_t size) {
    void *p = malloc(count * size);
    if (!p || fread(p, size, count, f) != count) { fprintf(stderr, "short file\n"); exit(1); }
    return p;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE.bin [SWEEPS]\n", argv[0]); return 2; }
    int sweeps = argc > 2 ? atoi(argv[2]) : 50;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    int32_t n, rows, entries; double gamma;
    if (fread(&n, 4, 1, f) != 1 || fread(&rows, 4, 1, f) != 1 || fread(&entries, 4, 1, f) != 1 || fread(&gamma, 8, 1, f) != 1) return 1;
    int32_t *groups = read_array(f, n + 1, 4), *row_start = read_array(f, rows + 1, 4), *columns = read_array(f, entries, 4);
    double *probabilities = read_array(f, entries, 8), *rewards = read_array(f, rows, 8);
    fclose(f);
    int32_t *actions = malloc(sizeof(int32_t) * rows); /* row index within its group: the action of a dense model */
    for (int s = 0; s < n; s++) for (int r = groups[s]; r < groups[s + 1]; r++) actions[r] = r - groups[s];
    double *values = malloc(8 * (size_t)n), *next = malloc(8 * (size_t)n);
    int32_t *policy = malloc(4 * (size_t)n);
    for (int s = 0; s < n; s++) values[s] = 0.001 * (s % 1000);
    double *ms = malloc(8 * (size_t)sweeps), *cpu = malloc(8 * (size_t)sweeps), sink = 0;
    for (int i = -3; i < sweeps; i++) {
        struct timespec t0, t1, c0, c1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        double lo = INFINITY, hi = -INFINITY;
        for (int s = 0; s < n; s++) {
            double best = -INFINITY; int best_action = -1;
            for (int r = groups[s]; r < groups[s + 1]; r++) {
                double q = 0;
                for (int k = row_start[r]; k < row_start[r + 1]; k++) q += probabilities[k] * values[columns[k]];
                q = rewards[r] + gamma * q;
                if (q > best) { best = q; best_action = actions[r]; }
            }
            next[s] = best;
            policy[s] = best_action;
            double d = best - values[s];
            if (d < lo) lo = d;
            if (d > hi) hi = d;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        sink += hi - lo + policy[n / 2];
        if (i >= 0) {
            ms[i] = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
            cpu[i] = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
        }
    }
    qsort(ms, sweeps, sizeof(double), cmp);
    qsort(cpu, sweeps, sizeof(double), cmp);
    printf("%d states, %d rows, %d entries; median of %d sweeps: C %.3f ms (cpu %.3f) (V[n/2] after = %.17g, check %g)\n",
           n, rows, entries, sweeps, ms[sweeps / 2], cpu[sweeps / 2], next[n / 2], sink);
    return 0;
}
