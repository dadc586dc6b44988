#ifndef CJIGSAW_DICE_H
#define CJIGSAW_DICE_H

#include <stddef.h>
#include <stdint.h>

/* Popcount kernels for Dice similarity over bit-packed Bloom filters, with the instruction set chosen at
 * run time (AVX-512 VPOPCNTDQ, then POPCNT, then portable code), so one binary runs on any x86-64 CPU
 * and uses the fastest instructions the CPU has. Written in C because Swift cannot compile one function
 * for several target CPUs and choose between them at run time. */

/* Which kernel is in use: 2 AVX-512 VPOPCNTDQ, 1 POPCNT, 0 portable. */
int cjigsaw_dice_kernel(void);

/* Bits set in `words` 64-bit words at `a`. */
uint32_t cjigsaw_popcount(const uint64_t *a, size_t words);

/* For each of `count` filters stored one after another at `rows` (each `words` words long), writes
 * popcount(left AND row) to `out`. */
void cjigsaw_and_popcounts(const uint64_t *left, const uint64_t *rows, size_t words, size_t count, uint32_t *out);

/* Scans `count` rows (each `words` words, stored one after another at `rows`, with popcounts
 * `row_popcounts`) against `left`, and records the rows whose common bit count reaches
 * need[row_popcounts[r]]: their positions go to `out_rows`, their common counts to `out_common`.
 * Returns how many rows were recorded (at most `count`). */
size_t cjigsaw_dice_scan(const uint64_t *left, const uint64_t *rows, const uint32_t *row_popcounts,
                         size_t words, size_t count, const uint32_t *need,
                         uint32_t *out_rows, uint32_t *out_common);

#endif
