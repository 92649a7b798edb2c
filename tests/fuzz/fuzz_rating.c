/*
 * fuzz_rating.c -- the rating extractor and the metadata stage, through
 * sg_analyze with the format detected from the content (so every reader
 * feeds it).  An engine with no rules and no scorer keeps each run fast.
 *
 * Properties: analysis succeeds or gives a clear input error; a rating lies
 * inside the input and has text; its normalized value is unknown (NaN) or in
 * [0, 1] and its scale unknown or positive; the JSON report parses as JSON.
 */
#include "sg_fuzz.h"
#include "sg_internal.h"
#include "sg_json.h"

#include <math.h>

static sg_engine *sg_fz_engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sg_fz_engine) {
        sg_error e;
        sg_fz_engine = sg_engine_new_empty(&e);
        SG_FUZZ_CHECK(sg_fz_engine, "no engine: %s", e.message);
    }
    const char *src = (const char *)data;
    sg_analysis *a = NULL;
    sg_error err;
    sg_status st = sg_analyze(sg_fz_engine, src, size, NULL, &a, &err);
    if (st != SG_OK) {
        SG_FUZZ_CHECK(!a && (st == SG_ERR_INPUT || st == SG_ERR_MEMORY) && err.message[0],
                      "analysis failed with status %d: %s", (int)st, err.message);
        return 0;
    }
    const sg_rating *r = sg_analysis_rating(a);
    if (r) {
        SG_FUZZ_CHECK(r->start <= r->end && r->end <= size,
                      "rating span [%zu, %zu) outside %zu bytes", r->start, r->end, size);
        SG_FUZZ_CHECK(r->text != NULL, "rating without text");
        SG_FUZZ_CHECK(isnan(r->normalized) || (r->normalized >= 0 && r->normalized <= 1),
                      "rating '%s' normalized to %g", r->text, r->normalized);
        SG_FUZZ_CHECK(isnan(r->scale) || r->scale > 0, "rating '%s' on a scale of %g",
                      r->text, r->scale);
        SG_FUZZ_CHECK(!isinf(r->value), "rating '%s' has an infinite value", r->text);
    }
    sg_fuzz_check_report(a, NULL, 0);
    sg_analysis_free(a);
    return 0;
}
