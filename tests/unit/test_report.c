/* The JSON report: exact shape, nulls for the unknown, valid JSON always. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_json.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* A hand-built analysis, so the report is pinned apart from the stages. */
typedef struct sg_test_fixture {
    sg_analysis a;
    sg_block blocks[8];
    sg_skip skipped[4];
    sg_flag flags[4];
    sg_character people[2];
    char *genres[2];
} sg_test_fixture;

static void sg_test_fixture_init(sg_test_fixture *fx, const char *src, sg_format fmt)
{
    memset(fx, 0, sizeof *fx);
    fx->a.doc.src = src;
    fx->a.doc.len = strlen(src);
    fx->a.doc.format = fmt;
    fx->a.doc.blocks = fx->blocks;
    fx->a.doc.skipped = fx->skipped;
    fx->a.flags = fx->flags;
    fx->a.cast.people = fx->people;
    fx->a.meta.genres = fx->genres;
}

static void sg_test_block(sg_test_fixture *fx, size_t start, size_t end, sg_why why)
{
    sg_block *b = &fx->blocks[fx->a.doc.nblocks++];
    b->start = start;
    b->end = end;
    b->why = why;
}

/* The report must be one valid JSON object: the batch reader checks the
 * whole syntax of an object whatever its keys. */
static void sg_test_assert_valid_json(const char *json, size_t len)
{
    sg_json_line line;
    char msg[256];
    int rc = sg_json_parse_line(json, len, 0, &line, msg, sizeof msg);
    if (rc != 0)
        print_error("invalid JSON (%s): %.300s\n", msg, json);
    assert_int_equal(rc, 0);
    sg_json_line_free(&line);
    assert_null(memchr(json, '\n', len));
}

static char *sg_test_report(const sg_analysis *a, const char *id)
{
    size_t len = 0;
    char *json = sg_report_json(a, id, id ? strlen(id) : 0, &len);
    assert_non_null(json);
    assert_int_equal(strlen(json), len);
    sg_test_assert_valid_json(json, len);
    return json;
}

static void empty_analysis_reports_nulls_and_empty_lists(void **state)
{
    (void)state;
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, "", SG_FORMAT_PLAIN);
    char *json = sg_test_report(&fx.a, NULL);
    assert_string_equal(
        json,
        "{\"format\":\"plain\",\"style\":\"plain\",\"meta\":{\"title\":null,\"work\":null,"
        "\"year\":null,"
        "\"genres\":[],\"author\":null,\"date\":null,\"excerpt\":null},"
        "\"rating\":null,\"characters\":[],\"skipped\":[],\"spoilers\":[]}");
    free(json);
}

static void full_analysis_reports_every_field_in_order(void **state)
{
    (void)state;
    const char *src = "Ballerina review. Rating - 7/10. Jang kills her father.";
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, src, SG_FORMAT_MARKDOWN);
    fx.a.meta.title = (char *)"Ballerina review";
    fx.a.meta.work = (char *)"Ballerina";
    fx.a.meta.year = (char *)"2023";
    fx.genres[0] = (char *)"action";
    fx.genres[1] = (char *)"thriller";
    fx.a.meta.ngenres = 2;
    fx.a.meta.excerpt = (char *)"Ballerina review.";
    fx.a.rating = (sg_rating_out){1, 18, 31, (char *)"7/10", 7, 10, 0.7, NULL};
    fx.people[0] = (sg_character){(char *)"Jang Ok-ju", (char *)"Jeon Jong-seo", 2};
    fx.people[1] = (sg_character){(char *)"Choi", NULL, 1};
    fx.a.cast.n = 2;
    fx.flags[0] =
        (sg_flag){33,  55,  38,      43,           "death", SG_MAJOR, "death.kills",
                  0.9, NAN, "kills", "Jang Ok-ju", 0};
    fx.a.nflags = 1;
    char *json = sg_test_report(&fx.a, NULL);
    assert_string_equal(
        json,
        "{\"format\":\"markdown\",\"style\":\"md-html\",\"meta\":{\"title\":\"Ballerina "
        "review\",\"work\":\"Ballerina\","
        "\"year\":\"2023\",\"genres\":[\"action\",\"thriller\"],\"author\":null,\"date\":"
        "null,"
        "\"excerpt\":\"Ballerina review.\"},"
        "\"rating\":{\"text\":\"7/10\",\"value\":7,\"scale\":10,\"normalized\":0.7,"
        "\"verdict\":null,\"start\":18,\"end\":31},"
        "\"characters\":[{\"name\":\"Jang Ok-ju\",\"actor\":\"Jeon Jong-seo\"},"
        "{\"name\":\"Choi\",\"actor\":null}],\"skipped\":[],"
        "\"spoilers\":[{\"start\":33,\"end\":55,\"text\":\"Jang kills her father.\","
        "\"kind\":\"death\",\"severity\":\"major\",\"rule\":\"death.kills\","
        "\"confidence\":0.900,"
        "\"evidence\":{\"start\":38,\"end\":43},\"marked\":false,\"cue\":\"kills\","
        "\"character\":\"Jang Ok-ju\",\"model\":null}]}");
    free(json);
}

static void bare_verdict_rating_writes_nan_as_null(void **state)
{
    (void)state;
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, "Verdict: Average", SG_FORMAT_PLAIN);
    fx.a.rating =
        (sg_rating_out){1, 9, 16, (char *)"Average", NAN, NAN, 0.5, (char *)"Average"};
    char *json = sg_test_report(&fx.a, NULL);
    assert_non_null(strstr(
        json, "\"rating\":{\"text\":\"Average\",\"value\":null,\"scale\":null,"
              "\"normalized\":0.5,\"verdict\":\"Average\",\"start\":9,\"end\":16}"));
    free(json);
}

static void id_comes_first_and_is_escaped(void **state)
{
    (void)state;
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, "x", SG_FORMAT_HTML);
    char *json = sg_test_report(&fx.a, "a\"b\\c\n");
    assert_true(strncmp(json, "{\"id\":\"a\\\"b\\\\c\\n\",\"format\":\"html\",", 34) ==
                0);
    free(json);
}

static void spoiler_text_with_invalid_utf8_and_controls_stays_valid_json(void **state)
{
    (void)state;
    const char src[] = "He dies\xFF\x01 \"here\" </script>\xE2\x80\xA8.";
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, src, SG_FORMAT_PLAIN);
    fx.flags[0] =
        (sg_flag){0,       sizeof src - 1, 3,      7,    "death", SG_MINOR, "death.dies",
                  0.61234, 0.25,           "dies", NULL, 1};
    fx.a.nflags = 1;
    char *json = sg_test_report(&fx.a, NULL);
    assert_non_null(strstr(
        json, "\"text\":\"He dies\\u00ff\\u0001 \\\"here\\\" <\\/script>\\u2028.\""));
    assert_non_null(strstr(json, "\"severity\":\"minor\""));
    assert_non_null(strstr(json, "\"confidence\":0.612"));
    assert_non_null(strstr(json, "\"marked\":true"));
    assert_non_null(strstr(json, "\"character\":null,\"model\":0.250}"));
    free(json);
}

static void skipped_blocks_merge_when_only_chrome_lies_between(void **state)
{
    (void)state;
    /* nav nav | article | share share, with an inline code span inside the
     * article and front matter kept as a span. */
    const char *src =
        "0123456789012345678901234567890123456789012345678901234567890123456789";
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, src, SG_FORMAT_HTML);
    sg_test_block(&fx, 0, 5, SG_WHY_NAVIGATION);
    sg_test_block(&fx, 7, 12, SG_WHY_NAVIGATION);
    sg_test_block(&fx, 14, 40, SG_WHY_ARTICLE);
    sg_test_block(&fx, 42, 50, SG_WHY_SHARE);
    sg_test_block(&fx, 50, 60, SG_WHY_SHARE);
    fx.skipped[0] = (sg_skip){20, 24, SG_WHY_CODE};
    fx.skipped[1] = (sg_skip){30, 34, SG_WHY_CODE};
    fx.a.doc.nskipped = 2;
    char *json = sg_test_report(&fx.a, NULL);
    assert_non_null(strstr(json,
                           "\"skipped\":[{\"start\":0,\"end\":12,\"why\":\"navigation\"},"
                           "{\"start\":20,\"end\":24,\"why\":\"code\"},{\"start\":30,"
                           "\"end\":34,\"why\":\"code\"},"
                           "{\"start\":42,\"end\":60,\"why\":\"share\"}]"));
    free(json);
}

static void skipped_blocks_of_different_reasons_stay_apart(void **state)
{
    (void)state;
    const char *src = "0123456789012345678901234567890";
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, src, SG_FORMAT_PLAIN);
    sg_test_block(&fx, 0, 5, SG_WHY_NAVIGATION);
    sg_test_block(&fx, 6, 10, SG_WHY_RELATED);
    sg_test_block(&fx, 11, 15, SG_WHY_NAVIGATION);
    sg_test_block(&fx, 16, 16, SG_WHY_FOOTER); /* empty: not listed */
    char *json = sg_test_report(&fx.a, NULL);
    assert_non_null(strstr(json,
                           "\"skipped\":[{\"start\":0,\"end\":5,\"why\":\"navigation\"},"
                           "{\"start\":6,\"end\":10,\"why\":\"related\"},"
                           "{\"start\":11,\"end\":15,\"why\":\"navigation\"}]"));
    free(json);
}

/* A visitor that writes the walk as one line of events: "{" and "}" for an
 * object, "[" "]" for a list, "key=" before a member, then s"..." o12 n7
 * c0.612345 (a score, %.9g) b1 or null, each followed by a space. */
typedef struct sg_test_events {
    char line[2048];
    size_t len;
    int stop_at; /* stop the walk (return 7) at this event, 0 never */
    int seen;
} sg_test_events;

static int sg_test_event(sg_test_events *ev, const sg_report_value *x, const char *what)
{
    int n = snprintf(ev->line + ev->len, sizeof ev->line - ev->len, "%s%s%s ",
                     x->key ? x->key : "", x->key ? "=" : "", what);
    if (n > 0 && (size_t)n < sizeof ev->line - ev->len)
        ev->len += (size_t)n;
    return ++ev->seen == ev->stop_at ? 7 : 0;
}

static int sg_test_enter(const sg_report_value *x, void *ud)
{
    return sg_test_event(ud, x, x->type == SG_REPORT_LIST ? "[" : "{");
}

static int sg_test_leave(const sg_report_value *x, void *ud)
{
    sg_report_value anon = *x;
    anon.key = NULL; /* a close names nothing new */
    return sg_test_event(ud, &anon, x->type == SG_REPORT_LIST ? "]" : "}");
}

static int sg_test_value(const sg_report_value *x, void *ud)
{
    char what[96];
    if (x->type == SG_REPORT_STRING)
        snprintf(what, sizeof what, "s\"%.*s\"", (int)x->len, x->string);
    else if (x->type == SG_REPORT_OFFSET)
        snprintf(what, sizeof what, "o%zu", x->offset);
    else if (x->type == SG_REPORT_NUMBER || x->type == SG_REPORT_SCORE)
        snprintf(what, sizeof what, "%c%.9g", x->type == SG_REPORT_SCORE ? 'c' : 'n',
                 x->number);
    else if (x->type == SG_REPORT_BOOL)
        snprintf(what, sizeof what, "b%d", x->boolean);
    else
        snprintf(what, sizeof what, "null");
    return sg_test_event(ud, x, what);
}

static const sg_report_visitor sg_test_visitor = {sg_test_enter, sg_test_leave,
                                                  sg_test_value};

static void walk_tells_every_value_in_report_order_with_exact_scores(void **state)
{
    (void)state;
    const char *src = "Jang kills her father. Rating: 7/10";
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, src, SG_FORMAT_PLAIN);
    fx.a.rating = (sg_rating_out){1, 31, 35, (char *)"7/10", 7, 10, 0.7, NULL};
    fx.flags[0] = (sg_flag){0,   22,          5,      10,      "death", SG_MAJOR,
                            "r", 0.612345678, 0.4321, "kills", NULL,    0};
    fx.a.nflags = 1;
    sg_test_events ev;
    memset(&ev, 0, sizeof ev);
    assert_int_equal(sg_report_walk(&fx.a, &sg_test_visitor, &ev), 0);
    assert_string_equal(
        ev.line,
        "{ format=s\"plain\" style=s\"plain\" meta={ title=null work=null year=null "
        "genres=[ ] "
        "author=null date=null excerpt=null } rating={ text=s\"7/10\" value=n7 "
        "scale=n10 normalized=n0.7 verdict=null start=o31 end=o35 } characters=[ ] "
        "skipped=[ ] spoilers=[ { start=o0 end=o22 text=s\"Jang kills her father.\" "
        "kind=s\"death\" severity=s\"major\" rule=s\"r\" confidence=c0.612345678 "
        "evidence={ start=o5 end=o10 } marked=b0 cue=s\"kills\" character=null "
        "model=c0.4321 } ] } ");
    /* the JSON text is the same walk, its scores rounded */
    char *json = sg_test_report(&fx.a, NULL);
    assert_non_null(strstr(json, "\"confidence\":0.612,"));
    assert_non_null(strstr(json, "\"model\":0.432}"));
    free(json);
}

static void walk_stops_where_a_callback_says_and_returns_its_value(void **state)
{
    (void)state;
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, "", SG_FORMAT_PLAIN);
    sg_test_events ev;
    memset(&ev, 0, sizeof ev);
    ev.stop_at = 4; /* {, format, style, meta's { */
    assert_int_equal(sg_report_walk(&fx.a, &sg_test_visitor, &ev), 7);
    assert_string_equal(ev.line, "{ format=s\"plain\" style=s\"plain\" meta={ ");
}

static void walks_of_one_flag_rating_and_meta_are_the_report_s_objects(void **state)
{
    (void)state;
    sg_test_fixture fx;
    sg_test_fixture_init(&fx, "Okju dies.", SG_FORMAT_PLAIN);
    fx.a.meta.title = (char *)"T";
    sg_flag f = {0, 10, 5, 9, "death", SG_MINOR, "d", 0.5, NAN, "dies", "Okju", 1};
    sg_test_events ev;
    memset(&ev, 0, sizeof ev);
    assert_int_equal(sg_report_walk_flag(&fx.a, &f, &sg_test_visitor, &ev), 0);
    assert_string_equal(ev.line,
                        "{ start=o0 end=o10 text=s\"Okju dies.\" kind=s\"death\" "
                        "severity=s\"minor\" rule=s\"d\" confidence=c0.5 "
                        "evidence={ start=o5 end=o9 } marked=b1 cue=s\"dies\" "
                        "character=s\"Okju\" model=null } ");
    memset(&ev, 0, sizeof ev);
    sg_rating r = {0, 0, "B+", NAN, NAN, 0.85, "B+"};
    assert_int_equal(sg_report_walk_rating(&r, &sg_test_visitor, &ev), 0);
    assert_string_equal(ev.line, "{ text=s\"B+\" value=null scale=null normalized=n0.85 "
                                 "verdict=s\"B+\" start=o0 end=o0 } ");
    memset(&ev, 0, sizeof ev);
    assert_int_equal(sg_report_walk_meta(&fx.a, &sg_test_visitor, &ev), 0);
    assert_string_equal(ev.line, "{ title=s\"T\" work=null year=null genres=[ ] "
                                 "author=null date=null excerpt=null } ");
}

static void public_report_of_a_real_analysis_is_valid_json(void **state)
{
    (void)state;
    const char *text = "Ballerina (2023) review.\n\nJang Ok-ju (Jeon Jong-seo) hunts the "
                       "man who drove her "
                       "friend to suicide. In the end, she kills him and dies in the "
                       "fire.\n\nRating: 7/10\n";
    sg_error err;
    memset(&err, 0, sizeof err);
    sg_engine *engine = sg_engine_new(&err);
    if (!engine)
        print_error("sg_engine_new: %s\n", err.message);
    assert_non_null(engine);
    sg_analysis *a = NULL;
    assert_int_equal(sg_analyze(engine, text, strlen(text), NULL, &a, &err), SG_OK);
    size_t len = 0;
    char *json = sg_analysis_report(a, "r1", 2, &len);
    assert_non_null(json);
    sg_test_assert_valid_json(json, len);
    assert_true(strncmp(json, "{\"id\":\"r1\",\"format\":\"plain\",\"style\":\"plain\",\"meta\":{",
                        52) == 0);
    assert_non_null(strstr(json, "\"spoilers\":["));
    sg_free(json);
    sg_analysis_free(a);
    sg_engine_free(engine);
}

/* Every seed review gives a valid report whose spans lie inside the input. */
static void seed_reports_are_valid_and_in_bounds(void **state)
{
    (void)state;
    static const char *const seeds[] = {"ballerina-411mania.txt",
                                        "ballerina-butwhytho.txt", "ballerina-scmp.txt",
                                        "ballerina-user-review.txt"};
    sg_error err;
    memset(&err, 0, sizeof err);
    sg_engine *engine = sg_engine_new(&err);
    assert_non_null(engine);
    int found = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/seeds/%s", SG_CORPUS_DIR, seeds[i]);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        found++;
        char *text = malloc(1 << 20);
        assert_non_null(text);
        size_t n = fread(text, 1, 1 << 20, f);
        fclose(f);
        sg_analysis *a = NULL;
        assert_int_equal(sg_analyze(engine, text, n, NULL, &a, &err), SG_OK);
        size_t len = 0;
        char *json = sg_report_json(a, NULL, 0, &len);
        assert_non_null(json);
        sg_test_assert_valid_json(json, len);
        size_t nf = 0;
        const sg_flag *flags = sg_analysis_flags(a, &nf);
        for (size_t k = 0; k < nf; k++) {
            if (!(flags[k].start < flags[k].end && flags[k].end <= n))
                print_error("%s: flag %zu spans %zu..%zu of %zu\n", seeds[i], k,
                            flags[k].start, flags[k].end, n);
            assert_true(flags[k].start < flags[k].end && flags[k].end <= n);
        }
        sg_free(json);
        sg_analysis_free(a);
        free(text);
    }
    sg_engine_free(engine);
    if (!found)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_analysis_reports_nulls_and_empty_lists),
        cmocka_unit_test(full_analysis_reports_every_field_in_order),
        cmocka_unit_test(bare_verdict_rating_writes_nan_as_null),
        cmocka_unit_test(id_comes_first_and_is_escaped),
        cmocka_unit_test(spoiler_text_with_invalid_utf8_and_controls_stays_valid_json),
        cmocka_unit_test(skipped_blocks_merge_when_only_chrome_lies_between),
        cmocka_unit_test(skipped_blocks_of_different_reasons_stay_apart),
        cmocka_unit_test(walk_tells_every_value_in_report_order_with_exact_scores),
        cmocka_unit_test(walk_stops_where_a_callback_says_and_returns_its_value),
        cmocka_unit_test(walks_of_one_flag_rating_and_meta_are_the_report_s_objects),
        cmocka_unit_test(public_report_of_a_real_analysis_is_valid_json),
        cmocka_unit_test(seed_reports_are_valid_and_in_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
