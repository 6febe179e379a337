#ifndef NASTAVNIK_CSHA256_H
#define NASTAVNIK_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (x86-64 SHA-NI) that
/// `nastavnik_sha256_blocks` uses.
int nastavnik_sha256_accelerated(void);

/// Runs SHA-256's compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (the eight working words, host order). Call only when
/// `nastavnik_sha256_accelerated()` is true.
void nastavnik_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
