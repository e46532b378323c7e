// libvips, from Debian's libvips-dev. Swift cannot call C's variadic functions, so the few calls
// tabib makes with named options are spelled out here as fixed-argument inline functions.
#include <vips/vips.h>

static void tabib_vips_ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

/// Keeps libvips' warnings off stderr: a damaged file is reported once, as an error of the build,
/// instead of as a warning per row of pixels.
static inline void tabib_vips_quiet(void) {
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, tabib_vips_ignore, NULL);
}

/// Opens an image from memory, reading only its header; fails on truncated data rather than warning.
static inline VipsImage *tabib_vips_open(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
}

/// Decodes an image from memory at `width` pixels wide (shrinking on load where the format allows),
/// never wider than the original, turned upright by its EXIF orientation, in sRGB.
static inline int tabib_vips_thumbnail(const void *bytes, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)bytes, length, out, width, "height", VIPS_MAX_COORD,
                                 "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL);
}

static inline int tabib_vips_webp(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
}

static inline int tabib_vips_jpeg(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}

static inline int tabib_vips_png(VipsImage *image, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, "compression", 9, NULL);
}
