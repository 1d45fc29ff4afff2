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
    png_set_write_fn(png, out, folio_png_write, folio_png_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 channels == 4 ? PNG_COLOR_TYPE_RGBA : channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_uint_32 ppm = (png_uint_32)(dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    png_set_compression_level(png, zlib_level);
    png_set_filter(png, 0, unfiltered ? PNG_FILTER_NONE : (PNG_FILTER_SUB | PNG_FILTER_UP));
    png_write_info(png, info);
    for (int y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)width * (size_t)channels));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}
