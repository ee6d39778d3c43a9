#ifndef HEAPSIGHT_CZLIB_SHIM_H
#define HEAPSIGHT_CZLIB_SHIM_H
#include <zlib.h>

/// Non-macro wrapper: inflateInit2 is a macro and does not import into Swift.
static inline int heapsight_inflate_init2(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
