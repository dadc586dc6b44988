#include "cjigsaw_dice.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/* Portable: compiled for the baseline target, where __builtin_popcountll is a table-free bit trick. */
static uint32_t popcount_portable(const uint64_t *a, size_t words) {
    uint32_t total = 0;
    for (size_t i = 0; i < words; i++) total += (uint32_t)__builtin_popcountll(a[i]);
    return total;
}

static void and_popcounts_portable(const uint64_t *left, const uint64_t *rows, size_t words, size_t count, uint32_t *out) {
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        uint32_t total = 0;
        for (size_t i = 0; i < words; i++) total += (uint32_t)__builtin_popcountll(left[i] & row[i]);
        out[r] = total;
    }
}

#if defined(__x86_64__)
__attribute__((target("popcnt")))
static uint32_t popcount_popcnt(const uint64_t *a, size_t words) {
    uint64_t total = 0;
    for (size_t i = 0; i < words; i++) total += (uint64_t)_mm_popcnt_u64(a[i]);
    return (uint32_t)total;
}

__attribute__((target("popcnt")))
static void and_popcounts_popcnt(const uint64_t *left, const uint64_t *rows, size_t words, size_t count, uint32_t *out) {
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        uint64_t total = 0;
        for (size_t i = 0; i < words; i++) total += (uint64_t)_mm_popcnt_u64(left[i] & row[i]);
        out[r] = (uint32_t)total;
    }
}

/* AVX-512: 8 words per step; rows whose length is not a multiple of 8 words finish with POPCNT. */
__attribute__((target("avx512f,avx512vpopcntdq,popcnt")))
static void and_popcounts_avx512(const uint64_t *left, const uint64_t *rows, size_t words, size_t count, uint32_t *out) {
    size_t vector_words = words & ~(size_t)7;
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        __m512i sum = _mm512_setzero_si512();
        for (size_t i = 0; i < vector_words; i += 8) {
            __m512i a = _mm512_loadu_si512((const void *)(left + i));
            __m512i b = _mm512_loadu_si512((const void *)(row + i));
            sum = _mm512_add_epi64(sum, _mm512_popcnt_epi64(_mm512_and_si512(a, b)));
        }
        uint64_t total = (uint64_t)_mm512_reduce_add_epi64(sum);
        for (size_t i = vector_words; i < words; i++) total += (uint64_t)_mm_popcnt_u64(left[i] & row[i]);
        out[r] = (uint32_t)total;
    }
}
#endif

static size_t dice_scan_portable(const uint64_t *left, const uint64_t *rows, const uint32_t *pops, size_t words,
                                 size_t count, const uint32_t *need, uint32_t *out_rows, uint32_t *out_common) {
    size_t found = 0;
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        uint32_t total = 0;
        for (size_t i = 0; i < words; i++) total += (uint32_t)__builtin_popcountll(left[i] & row[i]);
        if (total >= need[pops[r]]) { out_rows[found] = (uint32_t)r; out_common[found] = total; found++; }
    }
    return found;
}

#if defined(__x86_64__)
__attribute__((target("popcnt")))
static size_t dice_scan_popcnt(const uint64_t *left, const uint64_t *rows, const uint32_t *pops, size_t words,
                               size_t count, const uint32_t *need, uint32_t *out_rows, uint32_t *out_common) {
    size_t found = 0;
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        uint64_t total = 0;
        for (size_t i = 0; i < words; i++) total += (uint64_t)_mm_popcnt_u64(left[i] & row[i]);
        if ((uint32_t)total >= need[pops[r]]) { out_rows[found] = (uint32_t)r; out_common[found] = (uint32_t)total; found++; }
    }
    return found;
}

/* AVX-512 for 2048-bit filters (balanced 1024-bit filters, the default profile): the left filter stays
   in four registers. */
__attribute__((target("avx512f,avx512vpopcntdq,popcnt")))
static size_t dice_scan_avx512_2048(const uint64_t *left, const uint64_t *rows, const uint32_t *pops,
                                    size_t count, const uint32_t *need, uint32_t *out_rows, uint32_t *out_common) {
    size_t found = 0;
    __m512i a0 = _mm512_loadu_si512((const void *)left);
    __m512i a1 = _mm512_loadu_si512((const void *)(left + 8));
    __m512i a2 = _mm512_loadu_si512((const void *)(left + 16));
    __m512i a3 = _mm512_loadu_si512((const void *)(left + 24));
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * 32;
        __m512i c = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(a0, _mm512_loadu_si512((const void *)row))),
                                     _mm512_popcnt_epi64(_mm512_and_si512(a1, _mm512_loadu_si512((const void *)(row + 8)))));
        __m512i d = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(a2, _mm512_loadu_si512((const void *)(row + 16)))),
                                     _mm512_popcnt_epi64(_mm512_and_si512(a3, _mm512_loadu_si512((const void *)(row + 24)))));
        uint32_t total = (uint32_t)_mm512_reduce_add_epi64(_mm512_add_epi64(c, d));
        if (total >= need[pops[r]]) { out_rows[found] = (uint32_t)r; out_common[found] = total; found++; }
    }
    return found;
}

/* AVX-512 for any length that is a whole number of 512-bit vectors. */
__attribute__((target("avx512f,avx512vpopcntdq,popcnt")))
static size_t dice_scan_avx512_vectors(const uint64_t *left, const uint64_t *rows, const uint32_t *pops, size_t words,
                                       size_t count, const uint32_t *need, uint32_t *out_rows, uint32_t *out_common) {
    size_t found = 0;
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * words;
        __m512i sum = _mm512_setzero_si512();
        for (size_t i = 0; i < words; i += 8) {
            sum = _mm512_add_epi64(sum, _mm512_popcnt_epi64(_mm512_and_si512(_mm512_loadu_si512((const void *)(left + i)),
                                                                              _mm512_loadu_si512((const void *)(row + i)))));
        }
        uint32_t total = (uint32_t)_mm512_reduce_add_epi64(sum);
        if (total >= need[pops[r]]) { out_rows[found] = (uint32_t)r; out_common[found] = total; found++; }
    }
    return found;
}

/* AVX-512 for 1024-bit filters (the clkhash size): the left filter stays in two registers. Other lengths
   go to the 2048-bit or whole-vector loops, and lengths that are not whole vectors to POPCNT. */
__attribute__((target("avx512f,avx512vpopcntdq,popcnt")))
static size_t dice_scan_avx512(const uint64_t *left, const uint64_t *rows, const uint32_t *pops, size_t words,
                               size_t count, const uint32_t *need, uint32_t *out_rows, uint32_t *out_common) {
    if (words == 32) return dice_scan_avx512_2048(left, rows, pops, count, need, out_rows, out_common);
    if (words != 16 && words % 8 == 0) return dice_scan_avx512_vectors(left, rows, pops, words, count, need, out_rows, out_common);
    if (words != 16) return dice_scan_popcnt(left, rows, pops, words, count, need, out_rows, out_common);
    size_t found = 0;
    __m512i a0 = _mm512_loadu_si512((const void *)left);
    __m512i a1 = _mm512_loadu_si512((const void *)(left + 8));
    for (size_t r = 0; r < count; r++) {
        const uint64_t *row = rows + r * 16;
        __m512i c = _mm512_add_epi64(_mm512_popcnt_epi64(_mm512_and_si512(a0, _mm512_loadu_si512((const void *)row))),
                                     _mm512_popcnt_epi64(_mm512_and_si512(a1, _mm512_loadu_si512((const void *)(row + 8)))));
        uint32_t total = (uint32_t)_mm512_reduce_add_epi64(c);
        if (total >= need[pops[r]]) { out_rows[found] = (uint32_t)r; out_common[found] = total; found++; }
    }
    return found;
}
#endif

typedef size_t (*dice_scan_fn)(const uint64_t *, const uint64_t *, const uint32_t *, size_t, size_t, const uint32_t *, uint32_t *, uint32_t *);
static dice_scan_fn dice_scan_impl = dice_scan_portable;

typedef void (*and_popcounts_fn)(const uint64_t *, const uint64_t *, size_t, size_t, uint32_t *);
typedef uint32_t (*popcount_fn)(const uint64_t *, size_t);

static int chosen = -1;
static and_popcounts_fn and_popcounts_impl = and_popcounts_portable;
static popcount_fn popcount_impl = popcount_portable;

static void choose(void) {
    if (chosen >= 0) return;
    int kernel = 0;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("popcnt")) {
        kernel = 1;
        and_popcounts_impl = and_popcounts_popcnt;
        popcount_impl = popcount_popcnt;
        dice_scan_impl = dice_scan_popcnt;
    }
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq")) {
        kernel = 2;
        and_popcounts_impl = and_popcounts_avx512;
        dice_scan_impl = dice_scan_avx512;
    }
#endif
    /* Benign race: every thread computes the same choice. */
    chosen = kernel;
}

int cjigsaw_dice_kernel(void) {
    choose();
    return chosen;
}

uint32_t cjigsaw_popcount(const uint64_t *a, size_t words) {
    choose();
    return popcount_impl(a, words);
}

void cjigsaw_and_popcounts(const uint64_t *left, const uint64_t *rows, size_t words, size_t count, uint32_t *out) {
    choose();
    and_popcounts_impl(left, rows, words, count, out);
}

size_t cjigsaw_dice_scan(const uint64_t *left, const uint64_t *rows, const uint32_t *row_popcounts,
                         size_t words, size_t count, const uint32_t *need,
                         uint32_t *out_rows, uint32_t *out_common) {
    choose();
    return dice_scan_impl(left, rows, row_popcounts, words, count, need, out_rows, out_common);
}
