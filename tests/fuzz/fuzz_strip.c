/*
 * fuzz_strip.c -- sg_strip on arbitrary bytes.
 *
 * Input: byte 0 picks the format (auto, plain, Markdown, HTML); the rest is
 * the text.
 *
 * Properties: strip always returns a buffer; it only removes, so what comes
 * back is a subsequence of the text (never longer, never a byte the text did
 * not hold, order kept) and NUL-terminated at its length.  Asked what it
 * left, it strips the same and says so in lines "line N: ...", N a line of
 * the text.
 */
#include "sg_fuzz.h"

static const sg_format sg_fz_formats[] = {SG_FORMAT_AUTO, SG_FORMAT_PLAIN,
                                          SG_FORMAT_MARKDOWN, SG_FORMAT_HTML};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sg_format fmt = sg_fz_formats[data[0] % 4];
    const char *src = (const char *)data + 1;
    size_t len = size - 1;
    sg_error err;
    size_t olen = 0;
    char *out = sg_strip(src, len, fmt, &olen, &err);
    SG_FUZZ_CHECK(out || err.status == SG_ERR_MEMORY, "strip (%s) failed: %s",
                  sg_format_name(fmt), err.message);
    if (!out)
        return 0;
    SG_FUZZ_CHECK(olen <= len, "strip (%s) made %zu bytes of %zu", sg_format_name(fmt),
                  olen, len);
    SG_FUZZ_CHECK(out[olen] == '\0', "strip output is not NUL-terminated");
    size_t j = 0;
    for (size_t i = 0; i < olen; i++) {
        while (j < len && src[j] != out[i])
            j++;
        if (j == len) {
            sg_fuzz_dump("input", src, len);
            sg_fuzz_dump("stripped", out, olen);
        }
        SG_FUZZ_CHECK(j < len, "strip (%s): output byte %zu is not from the input in order",
                      sg_format_name(fmt), i);
        j++;
    }
    size_t nlen = 0, lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += src[i] == '\n';
    char *notes = NULL;
    char *again = sg_strip_with_notes(src, len, fmt, &nlen, &notes, &err);
    SG_FUZZ_CHECK(again || err.status == SG_ERR_MEMORY,
                  "strip with notes (%s) failed: %s", sg_format_name(fmt), err.message);
    if (again) {
        SG_FUZZ_CHECK(nlen == olen && !memcmp(again, out, olen),
                      "strip with notes (%s) strips otherwise", sg_format_name(fmt));
        for (const char *p = notes; p && *p;) {
            unsigned long n = 0;
            const char *nl = strchr(p, '\n');
            SG_FUZZ_CHECK(
                nl && sscanf(p, "line %lu: ", &n) == 1 && n >= 1 && n <= lines,
                "a note is not \"line N: ...\" with N a line of the text: %.80s", p);
            p = nl + 1;
        }
    }
    sg_free(notes);
    sg_free(again);
    sg_free(out);
    return 0;
}
