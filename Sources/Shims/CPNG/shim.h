#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* libpng reports errors by longjmp, which Swift cannot catch: the encoder lives here, in C,
   and hands back a status code. Output grows in a malloc'd buffer the caller frees. */
typedef struct { unsigned char *data; size_t size, capacity; } folio_png_buffer;

static void folio_png_write(png_structp png, png_bytep bytes, png_size_t n) {
    folio_png_buffer *b = (folio_png_buffer *)png_get_io_ptr(png);
    if (b->size + n > b->capacity) {
        size_t c = b->capacity ? b->capacity : 65536;
        while (c < b->size + n) c *= 2;
        unsigned char *grown = (unsigned char *)realloc(b->data, c);
        if (!grown) png_error(png, "out of memory");
        b->data = grown;
        b->capacity = c;
    }
    memcpy(b->data + b->size, bytes, n);
    b->size += n;
}

static void folio_png_flush(png_structp png) { (void)png; }

/* Starts a PNG of 8-bit `color_type` rows with dpi in pHYs, the given zlib level and row filters
   (a PNG_FILTER_* mask). On a libpng error it longjmps to the caller's setjmp. */
static inline void folio_png_begin(png_structp png, png_infop info, folio_png_buffer *out, int width, int height,
                                   int color_type, int zlib_level, int filters, double dpi) {
    png_set_write_fn(png, out, folio_png_write, folio_png_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, color_type,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_uint_32 ppm = (png_uint_32)(dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    png_set_compression_level(png, zlib_level);
    png_set_filter(png, 0, filters);
    png_write_info(png, info);
}

/* Encodes 8-bit grey (channels 1), RGB (channels 3) or RGBA (channels 4) rows; records dpi in pHYs.
   `unfiltered` stores rows as they are (for bytes that are not pixels, e.g. PDF content).
   Returns 0 on success. */
static inline int folio_png_encode(const unsigned char *pixels, int width, int height, int channels,
                                   int zlib_level, double dpi, int unfiltered, folio_png_buffer *out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 1;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 1; }
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return 2; }
    folio_png_begin(png, info, out, width, height,
                    channels == 4 ? PNG_COLOR_TYPE_RGBA : channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY,
                    zlib_level, unfiltered ? PNG_FILTER_NONE : (PNG_FILTER_SUB | PNG_FILTER_UP), dpi);
    for (int y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)width * (size_t)channels));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}

/* Encodes opaque rows in Cairo's little-endian ARGB32/RGB24 layout (B, G, R, X in memory, `stride`
   bytes apart) as an RGB PNG: libpng swaps to RGB and drops the fourth byte as it reads each row,
   so no converted copy of the image is made. `filters` is a PNG_FILTER_* mask. Returns 0 on success. */
static inline int folio_png_encode_bgrx(const unsigned char *rows, int width, int height, int stride,
                                        int zlib_level, int filters, double dpi, folio_png_buffer *out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 1;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 1; }
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return 2; }
    folio_png_begin(png, info, out, width, height, PNG_COLOR_TYPE_RGB, zlib_level, filters, dpi);
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    for (int y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(rows + (size_t)y * (size_t)stride));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}

/* Filter masks for Swift (the PNG_FILTER_* macros are not imported). */
static const int folio_png_filter_none = PNG_FILTER_NONE;
static const int folio_png_filter_sub_up = PNG_FILTER_SUB | PNG_FILTER_UP;
