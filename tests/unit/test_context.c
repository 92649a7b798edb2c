/* The context stage (plugin/detect/sg_context.c): sections the author declares, the
 * voice of a sentence, and how the fitted model's probability decides the
 * flags of a whole post. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "sg_test_util.h"

/* A small review written for these tests: opinion, a premise, a section the
 * author declares as spoilers, a verdict. */
static const char sg_post[] =
    "---\n"
    "title: \"Harbour Lights review\"\n"
    "tags: [drama, thriller]\n"
    "---\n"
    "\n"
    "# Harbour Lights: a review\n"
    "\n"
    "I went into Harbour Lights knowing almost nothing, and I loved most of it.\n"
    "The acting is great, the score is lovely and the pacing rarely drags.\n"
    "Director Ana Ruiz shoots the old port town with real affection.\n"
    "\n"
    "Mara Quinn (Dita Vos) runs a bar by the docks with her brother Tom.\n"
    "When a stranger arrives with a map, the two of them start asking questions.\n"
    "\n"
    "## Spoilers ahead\n"
    "\n"
    "Tom is the one who sold the map in the first place.\n"
    "In the final scene, Mara shoots Tom on the pier and walks into the sea.\n"
    "The town never learns what happened to either of them.\n"
    "\n"
    "## Verdict\n"
    "\n"
    "It is a slow, handsome film and I would recommend it to anyone patient.\n";

static sg_analysis *sg_t_analyze(const char *text, sg_format fmt)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    sg_analysis *a = NULL;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), text, strlen(text), &o, &a, &err), SG_OK);
    return a;
}

/* The index of the sentence holding `needle`. */
static size_t sg_t_sentence(const sg_analysis *a, const char *text, const char *needle)
{
    size_t at = (size_t)(strstr(text, needle) - text);
    for (size_t i = 0; i < a->nsentences; i++)
        if (a->sentences[i].start <= at && at < a->sentences[i].end)
            return i;
    fail_msg("no sentence holds \"%s\"", needle);
    return 0;
}

static void sg_t_row(const sg_analysis *a, size_t si, double *x)
{
    sg_context cx;
    assert_true(sg_context_prepare(a, a->evidence, &cx));
    sg_context_row(a, a->evidence, &cx, si, x);
    sg_context_free(&cx);
}

static void test_a_spoiler_heading_opens_a_section_until_the_next_heading(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analyze(sg_post, SG_FORMAT_MARKDOWN);
    double x[SG_CTX_NFEAT];
    sg_t_row(a, sg_t_sentence(a, sg_post, "Tom is the one"), x);
    assert_true(x[SG_CTX_SECTION] == 1);
    assert_true(x[SG_CTX_DECLARED] == 1);
    sg_t_row(a, sg_t_sentence(a, sg_post, "The town never"), x);
    assert_true(x[SG_CTX_SECTION] == 1);
    /* before the heading, and after the next heading of its level */
    sg_t_row(a, sg_t_sentence(a, sg_post, "Mara Quinn (Dita"), x);
    assert_true(x[SG_CTX_SECTION] == 0);
    sg_t_row(a, sg_t_sentence(a, sg_post, "It is a slow"), x);
    assert_true(x[SG_CTX_SECTION] == 0);
    /* the announcing heading itself is no spoiler and not in its section */
    sg_t_row(a, sg_t_sentence(a, sg_post, "Spoilers ahead"), x);
    assert_true(x[SG_CTX_SECTION] == 0);
    assert_true(x[SG_CTX_HEADING] == 1);
    sg_analysis_free(a);
}

static void test_a_short_paragraph_declares_spoilers_and_another_ends_them(void **state)
{
    (void)state;
    static const char text[] =
        "The first half is a slow burn and the second half is a sprint.\n\n"
        "**Spoiler warning.**\n\n"
        "Nell takes the blame for the fire and leaves the island.\n\n"
        "(End of spoilers.)\n\n"
        "The photography alone is worth the ticket.\n\n"
        "It runs a little long.\n";
    sg_analysis *a = sg_t_analyze(text, SG_FORMAT_MARKDOWN);
    double x[SG_CTX_NFEAT];
    sg_t_row(a, sg_t_sentence(a, text, "Nell takes"), x);
    assert_true(x[SG_CTX_SECTION] == 1);
    sg_t_row(a, sg_t_sentence(a, text, "The photography"), x);
    assert_true(x[SG_CTX_SECTION] == 0);
    assert_true(x[SG_CTX_SPOILER_FREE] == 0);
    sg_analysis_free(a);
}

static void test_a_post_that_says_it_is_spoiler_free_is_read_as_such(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "This review is spoiler-free.\n\nThe film is long.\n\nIt looks great.\n\nGo and see it.\n",
        "No spoilers here, I promise.\n\nThe film is long.\n\nIt looks great.\n\nGo and see it.\n",
        "A spoiler free review.\n\nThe film is long.\n\nIt looks great.\n\nGo and see it.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        sg_analysis *a = sg_t_analyze(texts[i], SG_FORMAT_MARKDOWN);
        double x[SG_CTX_NFEAT];
        sg_t_row(a, sg_t_sentence(a, texts[i], "It looks"), x);
        if (x[SG_CTX_SPOILER_FREE] != 1 || x[SG_CTX_SECTION] != 0)
            fail_msg("not read as spoiler-free: %s", texts[i]);
        sg_analysis_free(a);
    }
}

static void test_the_storys_events_and_the_heading_over_them_are_seen(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analyze(sg_post, SG_FORMAT_MARKDOWN);
    double x[SG_CTX_NFEAT];
    sg_t_row(a, sg_t_sentence(a, sg_post, "The town never learns"), x);
    assert_true(x[SG_CTX_EVENTS] > 0);
    assert_true(x[SG_CTX_HEAD_PLOT] == 1);
    sg_t_row(a, sg_t_sentence(a, sg_post, "The acting is great"), x);
    assert_true(x[SG_CTX_EVENTS] == 0);
    assert_true(x[SG_CTX_HEAD_PLOT] == 0);
    sg_t_row(a, sg_t_sentence(a, sg_post, "It is a slow"), x);
    assert_true(x[SG_CTX_HEAD_VERDICT] == 1);
    sg_analysis_free(a);
    assert_int_equal(sg_context_heading_class("The ending (spoilers)", 21), 1);
    assert_int_equal(sg_context_heading_class("Final thoughts", 14), -1);
    assert_int_equal(sg_context_heading_class("Cast and crew", 13), 0);
    static const char quoted[] = "He finally \xe2\x80\x9c" "escapes\xe2\x80\x9d, she\xe2\x80\x99s free.";
    sg_plot_words w;
    sg_context_read_sentence(quoted, strlen(quoted), &w);
    assert_int_equal(w.events, 2);
}

static void test_the_reviewers_voice_and_judging_words_are_seen(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analyze(sg_post, SG_FORMAT_MARKDOWN);
    double x[SG_CTX_NFEAT];
    sg_t_row(a, sg_t_sentence(a, sg_post, "I went into"), x);
    assert_true(x[SG_CTX_FIRST_PERSON] == 1);
    sg_t_row(a, sg_t_sentence(a, sg_post, "The acting is great"), x);
    assert_true(x[SG_CTX_FIRST_PERSON] == 0);
    assert_true(x[SG_CTX_JUDGING] > 0);
    sg_t_row(a, sg_t_sentence(a, sg_post, "In the final scene"), x);
    assert_true(x[SG_CTX_JUDGING] == 0);
    assert_true(x[SG_CTX_CHARACTER] == 1); /* Mara, learnt from "Mara Quinn (Dita Vos)" */
    assert_true(x[SG_CTX_RULE] > 0);
    sg_analysis_free(a);
}

static void test_the_ending_in_a_declared_section_is_a_major_flag_and_opinion_is_not(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analyze(sg_post, SG_FORMAT_MARKDOWN);
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(a, &n);
    size_t end = sg_t_sentence(a, sg_post, "In the final scene");
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t = sg_post + f[i].start;
        if (f[i].start == a->sentences[end].start) {
            found = 1;
            assert_int_equal(f[i].severity, SG_MAJOR);
        }
        if (!strncmp(t, "I went into", 11) || !strncmp(t, "The acting", 10) ||
            !strncmp(t, "It is a slow", 12) || !strncmp(t, "Spoilers ahead", 14))
            fail_msg("opinion flagged: %.40s (%s)", t, f[i].rule);
    }
    assert_true(found);
    sg_analysis_free(a);
}

/* Every sentence of `text` is flagged exactly when the model's probability
 * reaches the threshold, or the lower one with a rule hit; a flag only the
 * context raised names the feature that raised it most.  Returns the number
 * of flags the context alone raised. */
static size_t sg_t_flags_follow_the_model(const char *text, size_t len, sg_format fmt)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    sg_analysis *a = NULL;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), text, len, &o, &a, &err), SG_OK);
    sg_context cx;
    assert_true(sg_context_prepare(a, a->evidence, &cx));
    size_t n = 0, raised = 0;
    const sg_flag *f = sg_analysis_all_flags(a, &n);
    for (size_t si = 0; si < a->nsentences; si++) {
        double x[SG_CTX_NFEAT];
        sg_context_row(a, a->evidence, &cx, si, x);
        double p = sg_context_score(x);
        assert_true(p >= 0 && p <= 1);
        int rule = a->evidence[si].rule >= SG_CONTEXT_RULE_SURE;
        int want = p >= sg_context_threshold || (rule && p >= sg_context_rule_threshold);
        int got = 0;
        for (size_t i = 0; i < n; i++) {
            if (f[i].start != a->sentences[si].start || f[i].confidence < 0.5)
                continue;
            got = 1;
            if (!strncmp(f[i].rule, "context.", 8)) {
                int named = 0;
                for (int k = 0; k < SG_CTX_NFEAT; k++)
                    named |= !strcmp(f[i].rule + 8, sg_context_feature_names[k]);
                assert_true(named);
                assert_false(a->evidence[si].rule > 0);
                raised++;
            }
        }
        if (want != got)
            fail_msg("sentence %zu: p %.3f rule %d: flagged %d, want %d", si, p, rule, got, want);
    }
    sg_context_free(&cx);
    sg_analysis_free(a);
    return raised;
}

static void test_flags_follow_the_context_model_sentence_by_sentence(void **state)
{
    (void)state;
    sg_t_flags_follow_the_model(sg_post, strlen(sg_post), SG_FORMAT_MARKDOWN);
    /* and on the seed reviews, where the context raises flags of its own */
    static const char *const seeds[] = {"ballerina-411mania.txt", "ballerina-butwhytho.txt",
                                        "ballerina-user-review.txt", "ballerina-scmp.txt"};
    size_t raised = 0, read = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        size_t len = 0;
        char *text = sg_t_slurp_seed(seeds[i], &len);
        if (!text)
            continue;
        read++;
        raised += sg_t_flags_follow_the_model(text, len, SG_FORMAT_PLAIN);
        free(text);
    }
    if (!read)
        printf("test_context: no seed reviews under %s: checked the built-in post only\n",
               SG_CORPUS_DIR);
    else
        assert_true(raised > 0);
}

static void test_a_lone_sentence_keeps_what_its_words_raised(void **state)
{
    (void)state;
    static const char text[] = "In the end Mara shoots Tom on the pier.";
    sg_analysis *a = sg_t_analyze(text, SG_FORMAT_PLAIN);
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(a, &n);
    assert_true(n >= 1);
    int context = 0;
    for (size_t i = 0; i < n; i++)
        context |= !strncmp(f[i].rule, "context.", 8);
    assert_false(context);
    sg_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_spoiler_heading_opens_a_section_until_the_next_heading),
        cmocka_unit_test(test_a_short_paragraph_declares_spoilers_and_another_ends_them),
        cmocka_unit_test(test_a_post_that_says_it_is_spoiler_free_is_read_as_such),
        cmocka_unit_test(test_the_reviewers_voice_and_judging_words_are_seen),
        cmocka_unit_test(test_the_storys_events_and_the_heading_over_them_are_seen),
        cmocka_unit_test(test_the_ending_in_a_declared_section_is_a_major_flag_and_opinion_is_not),
        cmocka_unit_test(test_flags_follow_the_context_model_sentence_by_sentence),
        cmocka_unit_test(test_a_lone_sentence_keeps_what_its_words_raised),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
