/*
 * fuzz_roundtrip.c -- the render/strip contract as an oracle, with the
 * default rules and the learned scorer.
 *
 * Input: byte 0 picks the format (plain, Markdown, HTML, fixed) and a style
 * that fits it; byte 1 picks the badge form, the warning placement, JSON-LD
 * and the confidence bar; the rest is the article.
 *
 * Properties: the article is analysed or refused with a clear input error;
 * flags lie inside the input; the report is valid JSON; the render succeeds;
 * sg_strip of the render is the article byte for byte (or, when the article
 * already carries spoilerguard's signatures, what sg_strip makes of the
 * article); for an article with no signature, analysing and rendering the
 * render again gives the same bytes (nothing inserted twice).
 */
#include "sg_fuzz.h"
#include "sg_internal.h"
#include "sg_json.h"

static sg_engine *sg_fz_engine;

static const sg_style sg_fz_plain_styles[] = {SG_STYLE_AUTO, SG_STYLE_MD_DISCORD,
                                              SG_STYLE_MD_REDDIT, SG_STYLE_MD_PANDOC,
                                              SG_STYLE_PLAIN};
static const sg_style sg_fz_md_styles[] = {
    SG_STYLE_AUTO,      SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS, SG_STYLE_MD_DISCORD,
    SG_STYLE_MD_REDDIT, SG_STYLE_MD_PANDOC, SG_STYLE_MD_HTML,      SG_STYLE_PLAIN,
    SG_STYLE_MD_HUGO,   SG_STYLE_MD_OBSIDIAN};
static const sg_style sg_fz_html_styles[] = {SG_STYLE_AUTO, SG_STYLE_HTML_SPAN,
                                             SG_STYLE_HTML_DETAILS, SG_STYLE_MD_HTML};
static const sg_badge sg_fz_plain_badges[] = {SG_BADGE_AUTO, SG_BADGE_NONE, SG_BADGE_TEXT};
static const sg_badge sg_fz_badges[] = {SG_BADGE_AUTO, SG_BADGE_NONE, SG_BADGE_TEXT,
                                        SG_BADGE_HTML, SG_BADGE_SVG,  SG_BADGE_IMAGE};

#define SG_FZ_COUNT(a) (sizeof(a) / sizeof *(a))

/* The options bytes 0 and 1 choose. */
static void sg_fz_options(uint8_t b0, uint8_t b1, sg_options *o)
{
    sg_options_init(o);
    switch (b0 % 3) {
    case 0:
        o->format = SG_FORMAT_PLAIN;
        o->style = sg_fz_plain_styles[(b0 / 3) % SG_FZ_COUNT(sg_fz_plain_styles)];
        o->badge = sg_fz_plain_badges[b1 % SG_FZ_COUNT(sg_fz_plain_badges)];
        break;
    case 1:
        o->format = SG_FORMAT_MARKDOWN;
        o->style = sg_fz_md_styles[(b0 / 3) % SG_FZ_COUNT(sg_fz_md_styles)];
        /* Discord and Reddit show HTML as text: their badge is text */
        if (o->style == SG_STYLE_MD_DISCORD || o->style == SG_STYLE_MD_REDDIT)
            o->badge = sg_fz_plain_badges[b1 % SG_FZ_COUNT(sg_fz_plain_badges)];
        else
            o->badge = sg_fz_badges[b1 % SG_FZ_COUNT(sg_fz_badges)];
        break;
    default:
        o->format = SG_FORMAT_HTML;
        o->style = sg_fz_html_styles[(b0 / 3) % SG_FZ_COUNT(sg_fz_html_styles)];
        o->badge = sg_fz_badges[b1 % SG_FZ_COUNT(sg_fz_badges)];
        break;
    }
    o->warning = (b1 / 6) % 3;
    o->jsonld = (b1 / 18) % 2;
    o->min_confidence = (b1 / 36) % 2 ? 0.3 : SG_DEFAULT_MIN_CONFIDENCE;
}

static void sg_fz_describe(const sg_options *o)
{
    fprintf(stderr, "sg_fuzz: format %s, style %s, badge %s, warning %d, jsonld %d, "
                    "min-confidence %g\n",
            sg_format_name(o->format), sg_style_name(o->style), sg_badge_name(o->badge),
            o->warning, o->jsonld, o->min_confidence);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    if (!sg_fz_engine) {
        sg_error e;
        sg_fz_engine = sg_engine_new(&e);
        SG_FUZZ_CHECK(sg_fz_engine, "no engine: %s", e.message);
    }
    sg_options o;
    sg_fz_options(data[0], data[1], &o);
    const char *src = (const char *)data + 2;
    size_t len = size - 2;

    sg_analysis *a = NULL;
    sg_error err;
    sg_status st = sg_analyze(sg_fz_engine, src, len, &o, &a, &err);
    if (st != SG_OK) {
        if (st != SG_ERR_INPUT && st != SG_ERR_MEMORY)
            sg_fz_describe(&o);
        SG_FUZZ_CHECK(!a && (st == SG_ERR_INPUT || st == SG_ERR_MEMORY) && err.message[0],
                      "analysis failed with status %d: %s", (int)st, err.message);
        return 0;
    }
    size_t nflags = 0;
    const sg_flag *flags = sg_analysis_flags(a, &nflags);
    for (size_t i = 0; i < nflags; i++)
        SG_FUZZ_CHECK(flags[i].start <= flags[i].end && flags[i].end <= len &&
                          flags[i].evidence_start <= flags[i].evidence_end &&
                          flags[i].evidence_end <= len,
                      "flag %zu [%zu, %zu) evidence [%zu, %zu) outside %zu bytes", i,
                      flags[i].start, flags[i].end, flags[i].evidence_start,
                      flags[i].evidence_end, len);

    sg_fuzz_check_report(a, "fz", 2);

    size_t olen = 0;
    char *out = sg_render(a, &olen, &err);
    if (!out)
        sg_fz_describe(&o);
    SG_FUZZ_CHECK(out || err.status == SG_ERR_MEMORY, "render failed: %s", err.message);
    if (!out) {
        sg_analysis_free(a);
        return 0;
    }

    /* text that already carries signatures is an earlier run's output: its
     * chunks are stripped too, so the render strips to what the input does */
    size_t wlen = 0;
    char *want = sg_strip(src, len, o.format, &wlen, &err);
    SG_FUZZ_CHECK(want, "strip of the input failed: %s", err.message);
    size_t slen = 0;
    char *back = sg_strip(out, olen, o.format, &slen, &err);
    SG_FUZZ_CHECK(back, "strip failed: %s", err.message);
    if (slen != wlen || memcmp(back, want, wlen)) {
        sg_fz_describe(&o);
        sg_fuzz_dump("input", src, len);
        sg_fuzz_dump("rendered", out, olen);
        sg_fuzz_dump_diff("input, stripped", want, wlen, "render, stripped", back, slen);
        SG_FUZZ_CHECK(0, "strip(render(x)) != strip(x) (%zu bytes in, %zu back, %s)", wlen,
                      slen, wlen == len && !memcmp(want, src, len) ? "x has no signature"
                                                                   : "x has signatures");
    }
    int signed_input = wlen != len || memcmp(want, src, len);
    sg_free(back);
    sg_free(want);
    if (signed_input) {
        /* signatures typed by hand (or garbled) may pair up differently with
         * new marks: only an unsigned text promises an unchanged second pass */
        sg_free(out);
        sg_analysis_free(a);
        return 0;
    }

    sg_analysis *a2 = NULL;
    st = sg_analyze(sg_fz_engine, out, olen, &o, &a2, &err);
    if (st != SG_OK)
        sg_fz_describe(&o);
    SG_FUZZ_CHECK(st == SG_OK || st == SG_ERR_MEMORY,
                  "the render cannot be analysed again: %s", err.message);
    if (a2) {
        size_t o2len = 0;
        char *out2 = sg_render(a2, &o2len, &err);
        SG_FUZZ_CHECK(out2 || err.status == SG_ERR_MEMORY, "second render failed: %s",
                      err.message);
        if (out2 && (o2len != olen || memcmp(out2, out, olen))) {
            sg_fz_describe(&o);
            sg_fuzz_dump("input", src, len);
            sg_fuzz_dump_diff("first render", out, olen, "second render", out2, o2len);
            SG_FUZZ_CHECK(0, "a second pass changed the output (%zu -> %zu bytes)", olen,
                          o2len);
        }
        sg_free(out2);
        sg_analysis_free(a2);
    }
    sg_free(out);
    sg_analysis_free(a);
    return 0;
}
