/*
 * test_threads.c -- one large article analysed by several threads
 * (sg_options.threads) gives the report and the output one thread gives, and
 * a failure in any thread is the analysis' failure.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "spoilerguard.h"
#include "sg_internal.h"
#include "sg_test_util.h"

/* An article of about `want` bytes: paragraphs of opinion, deaths, twists,
 * an ending and a rating, with names that recur so that characters are
 * learnt and found in every part. */
static char *big_article(size_t want, size_t *len)
{
    static const char *const names[] = {"Mara", "Ilse Brandt", "Tomas", "Jang Ok-ju",
                                        "Dr. Vale", "Rook"};
    static const char *const lines[] = {
        "%s kills the guard in the second act. ",
        "The cinematography is lush and the score swells at all the right moments. ",
        "It turns out that %s was the informant all along. ",
        "In the end, %s dies in the fire at the harbour. ",
        "The pacing sags a little in the middle, but the cast keeps it afloat. ",
        "%s's sister reveals she staged the kidnapping herself. ",
        "A killer performance from everyone, and the ending feels rushed. ",
        "%s and her best friend finally break up after the wedding. ",
    };
    size_t cap = want + 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    n += (size_t)snprintf(buf, cap, "Harbour Lights review: a thriller\n\n");
    for (size_t k = 0; n + 1024 < want; k++) {
        for (size_t j = 0; j < 5; j++) {
            const char *fmt = lines[(k * 5 + j) % (sizeof lines / sizeof *lines)];
            n += (size_t)snprintf(buf + n, cap - n, fmt,
                                  names[(k + j) % (sizeof names / sizeof *names)]);
        }
        n += (size_t)snprintf(buf + n, cap - n, "\n\n");
    }
    n += (size_t)snprintf(buf + n, cap - n, "Rating: 7/10\n");
    *len = n;
    return buf;
}

/* The report and the annotated article of `text` analysed with `threads`. */
static void analyse(sg_engine *e, const char *text, size_t len, int threads,
                    char **report, char **out, size_t *nflags)
{
    sg_options o;
    sg_options_init(&o);
    o.threads = threads;
    sg_error err;
    sg_analysis *a = NULL;
    if (sg_analyze(e, text, len, &o, &a, &err) != SG_OK)
        fail_msg("threads %d: %s", threads, err.message);
    size_t rl, ol;
    *report = sg_analysis_report(a, "x", 1, &rl);
    *out = sg_render(a, &ol, &err);
    assert_non_null(*report);
    assert_non_null(*out);
    sg_analysis_flags(a, nflags);
    sg_analysis_free(a);
}

static void threads_give_what_one_thread_gives(void **state)
{
    (void)state;
    size_t len;
    char *text = big_article((size_t)3 << 20, &len); /* 3 MiB: up to 12 parts */
    assert_non_null(text);
    char *r1, *o1;
    size_t f1;
    analyse(sg_t_engine(), text, len, 1, &r1, &o1, &f1);
    assert_true(f1 > 1000); /* deaths, twists and the ending in every part */
    static const int counts[] = {2, 3, 7, 64, 1000};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
        char *r, *o;
        size_t f;
        analyse(sg_t_engine(), text, len, counts[i], &r, &o, &f);
        if (f != f1 || strcmp(r, r1) != 0 || strcmp(o, o1) != 0)
            fail_msg("threads %d: %zu flags, report %s, output %s (one thread: %zu flags)",
                     counts[i], f, strcmp(r, r1) ? "differs" : "same",
                     strcmp(o, o1) ? "differs" : "same", f1);
        free(r);
        free(o);
    }
    free(r1);
    free(o1);
    free(text);
}

static void small_article_with_threads_is_analysed_once(void **state)
{
    (void)state;
    static const char text[] = "In the end, Mara dies. The music is lovely.";
    char *r1, *o1, *r8, *o8;
    size_t f1, f8;
    analyse(sg_t_engine(), text, sizeof text - 1, 1, &r1, &o1, &f1);
    analyse(sg_t_engine(), text, sizeof text - 1, 8, &r8, &o8, &f8);
    assert_true(f1 >= 1); /* the death */
    assert_int_equal(f8, f1);
    assert_string_equal(r8, r1);
    assert_string_equal(o8, o1);
    free(r1);
    free(o1);
    free(r8);
    free(o8);
}

/* A catastrophic user pattern fails in whichever thread meets it first; the
 * analysis fails with the rule's error and leaks nothing (under ASan). */
static void a_failing_thread_fails_the_analysis(void **state)
{
    (void)state;
    sg_error err;
    sg_engine *e = sg_t_engine_with_bad_rule();
    assert_non_null(e);
    /* calm text, then one sentence of a's near the end: only the last
     * thread meets it */
    size_t len;
    char *calm = big_article((size_t)1 << 20, &len);
    assert_non_null(calm);
    static const char tail[] = "\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";
    char *text = malloc(len + sizeof tail);
    assert_non_null(text);
    memcpy(text, calm, len);
    memcpy(text + len, tail, sizeof tail);
    sg_options o;
    sg_options_init(&o);
    o.threads = 4;
    sg_analysis *a = NULL;
    sg_status st = sg_analyze(e, text, len + sizeof tail - 1, &o, &a, &err);
    if (st != SG_ERR_RULE || !strstr(err.message, "'bad'"))
        fail_msg("want a rule error naming 'bad', got %s '%s'", sg_status_name(st),
                 err.message);
    assert_null(a);
    free(text);
    free(calm);
    sg_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_give_what_one_thread_gives),
        cmocka_unit_test(small_article_with_threads_is_analysed_once),
        cmocka_unit_test(a_failing_thread_fails_the_analysis),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
