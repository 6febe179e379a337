// Raw deflate (RFC 1951) of one block of a longer stream, and CRC-32, through the system zlib:
// the Office packages' large parts are deflated as independent blocks on every core and the
// blocks joined, as pigz does.
#ifndef NASTAVNIK_CDEFLATE_H
#define NASTAVNIK_CDEFLATE_H

#include <stddef.h>
#include <stdint.h>

/// The most bytes `nastavnik_deflate_block` writes for `length` bytes of input.
size_t nastavnik_deflate_bound(size_t length);

/// Deflates `input` as one block of a raw deflate stream at `level` (0–9, or -1 for zlib's
/// default), primed with `dictionary` (the up to 32 KiB of input before the block). A block that
/// is not `last` ends on a byte boundary (a sync flush), so the blocks' outputs, concatenated in
/// order, are one stream. Returns the bytes written to `output`, or -1.
long nastavnik_deflate_block(const unsigned char *dictionary, size_t dictionary_length, const unsigned char *input,
                             size_t input_length, int last, int level, unsigned char *output, size_t output_capacity);

/// CRC-32 (the ZIP format's) of `data`, continuing `crc` (0 to start).
uint32_t nastavnik_crc32(uint32_t crc, const unsigned char *data, size_t length);

/// The CRC-32 of two pieces joined, from each piece's CRC-32 and the second's length.
uint32_t nastavnik_crc32_combine(uint32_t first, uint32_t second, int64_t second_length);

#endif
