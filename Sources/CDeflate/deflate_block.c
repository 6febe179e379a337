#include "CDeflate.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

size_t nastavnik_deflate_bound(size_t length) {
    // compressBound's margin for zlib's worst case, and room for the sync flush's empty stored block.
    return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + 16;
}

long nastavnik_deflate_block(const unsigned char *dictionary, size_t dictionary_length, const unsigned char *input,
                             size_t input_length, int last, int level, unsigned char *output, size_t output_capacity) {
    if (input_length > UINT_MAX || output_capacity > UINT_MAX || dictionary_length > 32768) return -1;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // -15: a raw stream (no zlib header), as a ZIP entry holds it.
    if (deflateInit2(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    if (dictionary_length > 0 && deflateSetDictionary(&stream, dictionary, (uInt)dictionary_length) != Z_OK) {
        deflateEnd(&stream);
        return -1;
    }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)input_length;
    stream.next_out = output;
    stream.avail_out = (uInt)output_capacity;
    int rc = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
    long written = (long)(output_capacity - stream.avail_out);
    int complete = last ? rc == Z_STREAM_END : (rc == Z_OK && stream.avail_in == 0 && stream.avail_out > 0);
    deflateEnd(&stream);
    return complete ? written : -1;
}

uint32_t nastavnik_crc32(uint32_t crc, const unsigned char *data, size_t length) {
    return (uint32_t)crc32_z(crc, data, length);
}

uint32_t nastavnik_crc32_combine(uint32_t first, uint32_t second, int64_t second_length) {
    // z_off_t is 64 bits wide on the 64-bit systems this runs on; a part over 2 GiB is refused before.
    return (uint32_t)crc32_combine(first, second, (z_off_t)second_length);
}
