/* Custom rules and hooks as C callbacks: the stage order, what each may
 * change, and errors that stop the article naming the hook. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spoilerguard.h"

static const char REVIEW[] = "Okju is a contract killer.\n\n"
                             "In the end, Okju dies.\n\n"
                             "Rating: 7/10\n";

/* What the callbacks of one test share: a log of the calls, one word each,
 * and what they should do. */
typedef struct sg_test_log {
    char text[4096];
    size_t len;
} sg_test_log;

typedef struct sg_test_hooks {
    sg_test_log *log;
    const char *name; /* "A", "B": which set logged */
    int edit;         /* change things (else only log) */
} sg_test_hooks;

static void sg_test_say(sg_test_log *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sg_test_say(sg_test_log *log, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(log->text + log->len, sizeof log->text - log->len, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof log->text - log->len)
        log->len += (size_t)n;
}

static int sg_test_document(const sg_analysis *a, sg_document *doc, sg_error *err,
                            void *ud)
{
    sg_test_hooks *h = ud;
    (void)a, (void)err;
    sg_test_say(h->log, "%s:document ", h->name);
    if (!h->edit)
        return SG_HOOK_KEEP;
    assert_int_equal(doc->format, SG_FORMAT_PLAIN);
    assert_int_equal(doc->len, sizeof REVIEW - 1);
    doc->work = "Ballerina";
    doc->genres = "action, thriller";
    return SG_HOOK_SET;
}

static int sg_test_sentence(const sg_analysis *a, const sg_sentence_info *s,
                            sg_flag_edit *flag, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    (void)a, (void)err;
    sg_test_say(h->log, "%s:sentence%zu.%u ", h->name, s->index, s->repeat);
    if (!h->edit || !memmem(s->text, s->end - s->start, "the end", 7))
        return SG_HOOK_KEEP;
    /* two flags on the sentence: the second call gives the second */
    assert_null(flag->kind);
    assert_string_equal(flag->rule, "hook.sentence");
    flag->kind = s->repeat == 0 ? "ending" : "fate";
    flag->severity = SG_MAJOR;
    flag->confidence = 0.875;
    flag->rule = "c.sentence";
    return s->repeat == 0 ? SG_HOOK_MORE : SG_HOOK_SET;
}

static int sg_test_rule(const sg_analysis *a, const sg_sentence_info *s,
                        sg_flag_edit *flag, sg_error *err, void *ud)
{
    sg_test_log *log = ud;
    (void)a, (void)err;
    sg_test_say(log, "rule%zu ", s->index);
    assert_string_equal(flag->kind, "plot");
    assert_string_equal(flag->rule, "c.contract");
    assert_true(flag->confidence == SG_HOOK_DEFAULT_CONFIDENCE);
    return memmem(s->text, s->end - s->start, "contract", 8) ? SG_HOOK_SET : SG_HOOK_KEEP;
}

static int sg_test_flag(const sg_analysis *a, const sg_flag *f, size_t index,
                        sg_flag_edit *edit, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    size_t n = 0;
    const sg_flag *all = sg_analysis_all_flags(a, &n);
    (void)err;
    assert_true(index < n && f == &all[index]);
    sg_test_say(h->log, "%s:flag:%s:%s ", h->name, f->rule, edit->kind);
    if (!h->edit)
        return SG_HOOK_KEEP;
    if (!strcmp(f->rule, "c.contract"))
        return SG_HOOK_DROP;
    if (!strcmp(f->rule, "death.dies")) {
        edit->kind = "fate";
        edit->confidence = 0.625;
        return SG_HOOK_SET;
    }
    return SG_HOOK_KEEP;
}

static int sg_test_rating(const sg_analysis *a, const sg_rating *current,
                          sg_rating *rating, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    (void)a, (void)err;
    sg_test_say(h->log, "%s:rating:%s ", h->name, current ? current->text : "none");
    if (!h->edit)
        return SG_HOOK_KEEP;
    rating->text = "4/5";
    rating->value = 4;
    rating->scale = 5;
    rating->normalized = NAN; /* the engine computes it */
    return SG_HOOK_SET;
}

static int sg_test_warning(const sg_analysis *a, sg_markup *m, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    (void)a, (void)err;
    sg_test_say(h->log, "%s:warning ", h->name);
    if (!h->edit)
        return SG_HOOK_KEEP;
    assert_true(m->len > 0);
    m->text = "HOUSE WARNING";
    m->len = 13;
    return SG_HOOK_SET;
}

static int sg_test_badge(const sg_analysis *a, sg_markup *m, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    (void)a, (void)err;
    sg_test_say(h->log, "%s:badge ", h->name);
    if (!h->edit)
        return SG_HOOK_KEEP;
    m->text = "house badge";
    m->len = 11;
    return SG_HOOK_SET;
}

static int sg_test_publish(const sg_analysis *a, sg_markup *out, sg_error *err, void *ud)
{
    sg_test_hooks *h = ud;
    static char buf[1024];
    (void)a, (void)err;
    sg_test_say(h->log, "%s:publish ", h->name);
    if (!h->edit)
        return SG_HOOK_KEEP;
    assert_true(out->len + 8 < sizeof buf);
    memcpy(buf, out->text, out->len);
    memcpy(buf + out->len, "-- done\n", 8);
    out->text = buf;
    out->len += 8;
    return SG_HOOK_SET;
}

static const sg_hooks sg_test_all = {
    sg_test_document, sg_test_sentence, sg_test_flag, sg_test_rating, sg_test_warning,
    sg_test_badge,    sg_test_publish,  NULL,         "test.c:1"};

/* An engine with no scorer, one pattern rule (death.dies) and the custom
 * rule c.contract logging to `log`. */
static sg_engine *sg_test_engine(sg_test_log *log)
{
    static const char *const dies[] = {"\\bdies\\b", NULL};
    sg_error err;
    sg_engine *e = sg_engine_new_empty(&err);
    assert_non_null(e);
    sg_rule_def pattern = {.id = "death.dies", .kind = "death", .patterns = dies};
    assert_int_equal(sg_engine_add_rule(e, &pattern, &err), SG_OK);
    sg_rule_def custom = {.id = "c.contract",
                          .kind = "plot",
                          .source = "rules.c:2",
                          .match = sg_test_rule,
                          .userdata = log};
    assert_int_equal(sg_engine_add_rule(e, &custom, &err), SG_OK);
    return e;
}

/* REVIEW (plain) analysed by an engine of sg_test_engine with the hook sets
 * `a` then `b`; *e gets the engine (free both). */
static sg_analysis *sg_test_analyze(sg_test_log *log, sg_test_hooks *a, sg_test_hooks *b,
                                    sg_engine **e)
{
    *e = sg_test_engine(log);
    sg_hooks ha = sg_test_all, hb = sg_test_all;
    ha.userdata = a;
    hb.userdata = b;
    sg_error err;
    assert_int_equal(sg_engine_add_hooks(*e, &ha, &err), SG_OK);
    assert_int_equal(sg_engine_add_hooks(*e, &hb, &err), SG_OK);
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_PLAIN;
    sg_analysis *an = NULL;
    assert_int_equal(sg_analyze(*e, REVIEW, sizeof REVIEW - 1, &o, &an, &err), SG_OK);
    return an;
}

static void hooks_run_in_stage_order_rules_before_sentence_hooks(void **state)
{
    (void)state;
    sg_test_log log = {{0}, 0};
    sg_test_hooks a = {&log, "A", 0}, b = {&log, "B", 0};
    sg_engine *e;
    sg_analysis *an = sg_test_analyze(&log, &a, &b, &e);
    sg_error err;
    char *out = sg_annotate(an, NULL, &err);
    assert_non_null(out);
    assert_string_equal(
        log.text, "A:document B:document "
                  "rule0 A:sentence0.0 B:sentence0.0 rule1 A:sentence1.0 B:sentence1.0 "
                  "rule2 A:sentence2.0 B:sentence2.0 "
                  /* the engine's candidates, then those the sentence stage raised */
                  "A:flag:death.dies:death B:flag:death.dies:death "
                  "A:flag:c.contract:plot B:flag:c.contract:plot "
                  "A:rating:7/10 B:rating:7/10 "
                  "A:warning B:warning A:badge B:badge A:publish B:publish ");
    sg_free(out);
    sg_analysis_free(an);
    sg_engine_free(e);
}

static void hooks_change_metadata_flags_rating_markup_and_output(void **state)
{
    (void)state;
    sg_test_log log = {{0}, 0};
    sg_test_hooks a = {&log, "A", 1}, b = {&log, "B", 0};
    sg_engine *e;
    sg_analysis *an = sg_test_analyze(&log, &a, &b, &e);
    sg_error err;
    assert_int_equal(sg_engine_rule_count(e), 2);

    /* document */
    assert_string_equal(sg_analysis_meta(an, "work"), "Ballerina");
    size_t ng = 0;
    const char *const *genres = sg_analysis_genres(an, &ng);
    assert_int_equal(ng, 2);
    assert_string_equal(genres[0], "action");
    assert_string_equal(genres[1], "thriller");
    /* sentence hook: two flags; flag hook: c.contract vetoed, death.dies
     * edited; B, after A, saw the edit */
    assert_non_null(strstr(log.text, "B:flag:death.dies:fate "));
    assert_null(strstr(log.text, "B:flag:c.contract"));
    assert_non_null(strstr(log.text, "A:sentence1.0 A:sentence1.1 B:sentence1.0"));
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(an, &n);
    assert_int_equal(n, 3);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        assert_string_not_equal(f[i].rule, "c.contract");
        if (!strcmp(f[i].rule, "death.dies")) {
            assert_string_equal(f[i].kind, "fate");
            assert_true(f[i].confidence == 0.625);
            seen |= 1;
        } else {
            assert_string_equal(f[i].rule, "c.sentence");
            assert_int_equal(f[i].severity, SG_MAJOR);
            assert_true(f[i].confidence == 0.875);
            seen |= !strcmp(f[i].kind, "ending") ? 2 : !strcmp(f[i].kind, "fate") ? 4 : 0;
        }
    }
    assert_int_equal(seen, 7);
    /* rating: B saw A's; normalized follows value and scale */
    assert_non_null(strstr(log.text, "B:rating:4/5 "));
    const sg_rating *r = sg_analysis_rating(an);
    assert_non_null(r);
    assert_string_equal(r->text, "4/5");
    assert_true(fabs(r->normalized - 0.8) < 1e-12);

    /* warning and badge replaced, output published */
    size_t len = 0;
    char *out = sg_annotate(an, &len, &err);
    if (!out)
        print_error("sg_annotate: %s\n", err.message);
    assert_non_null(out);
    assert_non_null(strstr(out, "HOUSE WARNING"));
    assert_non_null(strstr(out, "house badge"));
    assert_null(strstr(out, "\xE2\x98\x85")); /* the stars of spoilerguard's badge */
    assert_true(len > 8 && !strcmp(out + len - 8, "-- done\n"));
    char *stripped = sg_strip(out, len - 8, SG_FORMAT_PLAIN, NULL, &err);
    assert_string_equal(stripped, REVIEW);
    sg_free(stripped);
    sg_free(out);
    sg_analysis_free(an);
    sg_engine_free(e);
}

/* ---- failures ------------------------------------------------------------------ */

static int sg_test_refuse(const sg_analysis *a, const sg_flag *f, size_t index,
                          sg_flag_edit *edit, sg_error *err, void *ud)
{
    (void)a, (void)f, (void)index, (void)edit, (void)ud;
    snprintf(err->message, sizeof err->message, "house.c:12: refused");
    return SG_HOOK_FAIL;
}

static int sg_test_bad_severity(const sg_analysis *a, const sg_sentence_info *s,
                                sg_flag_edit *flag, sg_error *err, void *ud)
{
    (void)a, (void)s, (void)err, (void)ud;
    flag->severity = 7;
    return SG_HOOK_SET;
}

static int sg_test_drop_sentence(const sg_analysis *a, const sg_sentence_info *s,
                                 sg_flag_edit *flag, sg_error *err, void *ud)
{
    (void)a, (void)s, (void)flag, (void)err, (void)ud;
    return SG_HOOK_DROP; /* not a sentence hook's answer */
}

static int sg_test_rating_without_text(const sg_analysis *a, const sg_rating *current,
                                       sg_rating *rating, sg_error *err, void *ud)
{
    (void)a, (void)current, (void)err, (void)ud;
    rating->text = NULL;
    return SG_HOOK_SET;
}

/* An engine of sg_test_engine given the hooks `h` or the rule `rule` fails on
 * REVIEW with SG_ERR_HOOK and exactly `want`. */
static void sg_test_fails_with(const sg_hooks *h, const sg_rule_def *rule,
                               const char *want)
{
    sg_test_log log = {{0}, 0};
    sg_engine *e = sg_test_engine(&log);
    sg_analysis *an = (sg_analysis *)1;
    sg_error err;
    if (h)
        assert_int_equal(sg_engine_add_hooks(e, h, &err), SG_OK);
    if (rule)
        assert_int_equal(sg_engine_add_rule(e, rule, &err), SG_OK);
    assert_int_equal(sg_analyze(e, REVIEW, sizeof REVIEW - 1, NULL, &an, &err),
                     SG_ERR_HOOK);
    assert_null(an);
    assert_int_equal(err.status, SG_ERR_HOOK);
    assert_string_equal(err.message, want);
    sg_engine_free(e);
}

static void failing_hook_stops_the_article_naming_hook_and_source(void **state)
{
    (void)state;
    sg_hooks refuse = {.flag = sg_test_refuse, .source = "house.c:10"};
    sg_test_fails_with(&refuse, NULL, "hook 'flag' failed: house.c:12: refused");
    sg_rule_def bad = {.id = "c.bad",
                       .kind = "twist",
                       .source = "rules.c:3",
                       .match = sg_test_bad_severity};
    sg_test_fails_with(NULL, &bad,
                       "rule 'c.bad' (rules.c:3) failed: severity must be "
                       "\"minor\" or \"major\"");
    sg_hooks drop = {.sentence = sg_test_drop_sentence, .source = "house.c:20"};
    sg_test_fails_with(&drop, NULL,
                       "hook 'sentence' failed: house.c:20: returned 2, which "
                       "this stage does not take");
    sg_hooks textless = {.rating = sg_test_rating_without_text, .source = "house.c:30"};
    sg_test_fails_with(&textless, NULL,
                       "hook 'rating' failed: house.c:30: a rating needs text (a "
                       "string such as \"7/10\")");
}

static void custom_rules_are_checked_like_pattern_rules(void **state)
{
    (void)state;
    sg_test_log log = {{0}, 0};
    sg_error err;
    sg_engine *e = sg_test_engine(&log);
    static const char *const pats[] = {"x", NULL};
    sg_rule_def twice = {.id = "death.dies", .kind = "death", .match = sg_test_rule};
    assert_int_equal(sg_engine_add_rule(e, &twice, &err), SG_ERR_RULE);
    assert_non_null(strstr(err.message, "rule 'death.dies' is defined twice"));
    sg_rule_def again = {.id = "c.contract", .kind = "plot", .patterns = pats};
    assert_int_equal(sg_engine_add_rule(e, &again, &err), SG_ERR_RULE);
    assert_non_null(strstr(err.message, "rule 'c.contract' is defined twice"));
    sg_rule_def both = {
        .id = "c.both", .kind = "plot", .patterns = pats, .match = sg_test_rule};
    assert_int_equal(sg_engine_add_rule(e, &both, &err), SG_ERR_RULE);
    assert_non_null(strstr(err.message, "c.both"));
    sg_rule_def nokind = {.id = "c.nokind", .source = "r.c:9", .match = sg_test_rule};
    assert_int_equal(sg_engine_add_rule(e, &nokind, &err), SG_ERR_RULE);
    assert_string_equal(err.message, "r.c:9: rule 'c.nokind' needs a kind");
    assert_int_equal(sg_engine_rule_count(e), 2);
    assert_int_equal(sg_engine_add_hooks(NULL, &sg_test_all, &err), SG_ERR_USAGE);
    sg_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hooks_run_in_stage_order_rules_before_sentence_hooks),
        cmocka_unit_test(hooks_change_metadata_flags_rating_markup_and_output),
        cmocka_unit_test(failing_hook_stops_the_article_naming_hook_and_source),
        cmocka_unit_test(custom_rules_are_checked_like_pattern_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
