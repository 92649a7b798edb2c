/* Characters learnt from the article: actor pairs, recurring subjects and
 * possessives; titles, credits and actors' own names left out; role words
 * and parts of names found in a sentence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"

static sg_engine *sg_t_engine;

static int sg_t_setup(void **state)
{
    (void)state;
    sg_error err;
    sg_t_engine = sg_engine_new(&err);
    if (!sg_t_engine)
        return -1;
    sg_engine_use_model(sg_t_engine, 0);
    return 0;
}

static int sg_t_teardown(void **state)
{
    (void)state;
    sg_engine_free(sg_t_engine);
    return 0;
}

static sg_analysis *sg_t_analyze(const char *text)
{
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_PLAIN;
    sg_analysis *a = NULL;
    sg_error err;
    if (sg_analyze(sg_t_engine, text, strlen(text), &o, &a, &err) != SG_OK)
        print_error("sg_analyze: %s\n", err.message);
    assert_non_null(a);
    return a;
}

static void sg_t_print_cast(const char *text, const sg_analysis *a)
{
    const char *const *names, *const *actors;
    size_t n = sg_analysis_characters(a, &names, &actors);
    print_error("input: \"%s\"\nlearnt %zu:", text, n);
    for (size_t i = 0; i < n; i++)
        print_error(" [%s%s%s]", names[i], actors[i] ? " / " : "", actors[i] ? actors[i] : "");
    print_error("\n");
}

/* Is `name` learnt (with `actor`, or with none when actor is NULL and
 * `any_actor` is 0)? */
static int sg_t_has(const sg_analysis *a, const char *name, const char *actor)
{
    const char *const *names, *const *actors;
    size_t n = sg_analysis_characters(a, &names, &actors);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return actor ? actors[i] && !strcmp(actors[i], actor) : 1;
    return 0;
}

static void sg_t_expect(const char *text, const char *const *want, const char *const *actors,
                        const char *const *not_want)
{
    sg_analysis *a = sg_t_analyze(text);
    int bad = 0;
    for (size_t i = 0; want && want[i]; i++)
        if (!sg_t_has(a, want[i], actors ? actors[i] : NULL)) {
            print_error("missing: %s%s%s\n", want[i], actors && actors[i] ? " played by " : "",
                        actors && actors[i] ? actors[i] : "");
            bad++;
        }
    for (size_t i = 0; not_want && not_want[i]; i++)
        if (sg_t_has(a, not_want[i], NULL)) {
            print_error("should not be a character: %s\n", not_want[i]);
            bad++;
        }
    if (bad)
        sg_t_print_cast(text, a);
    sg_analysis_free(a);
    assert_int_equal(bad, 0);
}

static void test_name_with_actor_in_parentheses_is_a_character(void **state)
{
    (void)state;
    const char *want[] = {"Jang Ok-ju", "Choi Min-hee", NULL};
    const char *actors[] = {"Jeon Jong-seo", "Park Yu-rim", NULL};
    const char *no[] = {"Jeon Jong-seo", "Park Yu-rim", "Burning", NULL};
    sg_t_expect("The film follows Jang Ok-ju (Jeon Jong-seo), a retired bodyguard, and "
                "her friend Choi Min-hee ( Park Yu-rim ). Jeon was great in Burning (2018).",
                want, actors, no);
    const char *want2[] = {"Ok-ju", NULL};
    const char *actors2[] = {"Jeon Jong-seo", NULL};
    sg_t_expect("Ok-ju (played by Jeon Jong-seo) is a loner.", want2, actors2, NULL);
}

static void test_actor_as_name_and_actor_plays_name_are_pairs(void **state)
{
    (void)state;
    const char *want[] = {"Ok-ju", "Choi", "Min-hee", NULL};
    const char *actors[] = {"Jeon", "Kim Ji-hoon", "Park Yu-rim", NULL};
    const char *no[] = {"Jeon", "Kim", NULL};
    sg_t_expect("Jeon stars as Ok-ju. Kim Ji-hoon plays Choi with relish. Park Yu-rim as "
                "Min-hee is luminous. Jeon is terrific. Jeon carries the film.",
                want, actors, no);
}

static void test_recurring_subjects_and_possessives_are_characters(void **state)
{
    (void)state;
    const char *want[] = {"Min-hee", "Marcus", NULL};
    sg_t_expect("Min-hee smiles at the camera. Later, Min-hee leaves a note. "
                "Marcus\xE2\x80\x99s boss is a brute. Marcus hates him.",
                want, NULL, NULL);
}

static void test_a_single_mention_is_not_enough(void **state)
{
    (void)state;
    const char *no[] = {"Min-hee", "Seoul", NULL};
    sg_t_expect("Min-hee smiles at the camera. The city is Seoul.", NULL, NULL, no);
}

static void test_the_title_and_the_credits_are_not_characters(void **state)
{
    (void)state;
    const char *want[] = {"Ok-ju", NULL};
    const char *no[] = {"Ballerina", "Lee Chung-hyun", "Lee", "Netflix", NULL};
    sg_t_expect("Ballerina Review\n\n"
                "Ballerina is the story of Ok-ju, a bodyguard. Ballerina\xE2\x80\x98s third act "
                "is wild. Ok-ju fights on. Lee Chung-hyun\xE2\x80\x99s Ballerina is a decent "
                "thriller. Lee\xE2\x80\x99s film owes a debt to John Wick. Lee keeps it moving, "
                "and Lee knows it. Ballerina struggles with momentum. Director Lee Chung-hyun "
                "shoots it well. Watch \xE2\x80\x98" "Ballerina\xE2\x80\x99 on Netflix. "
                "Ballerina (2023) is streaming now.",
                want, NULL, no);
}

static void test_unicode_spaces_and_quotes_end_names(void **state)
{
    (void)state;
    const char *text = "Lee\xE2\x80\x99s\xC2\xA0" "Ballerina\xC2\xA0is sleek. Ok-ju\xC2\xA0"
                       "runs. Ok-ju\xE2\x80\x94quiet\xE2\x80\x94waits.";
    sg_analysis *a = sg_t_analyze(text);
    const char *const *names, *const *actors;
    size_t n = sg_analysis_characters(a, &names, &actors);
    int bad = 0;
    for (size_t i = 0; i < n; i++)
        if (strstr(names[i], "\xC2\xA0") || strstr(names[i], "\xE2\x80")) {
            print_error("a name holds punctuation: [%s]\n", names[i]);
            bad++;
        }
    if (!sg_t_has(a, "Ok-ju", NULL)) {
        print_error("missing: Ok-ju\n");
        bad++;
    }
    if (bad)
        sg_t_print_cast(text, a);
    sg_analysis_free(a);
    assert_int_equal(bad, 0);
}

static void test_sentence_openers_are_not_names(void **state)
{
    (void)state;
    const char *no[] = {"The", "However", "Eventually", "Sadly", "Meanwhile", NULL};
    sg_t_expect("However, it works. However, it drags. Eventually, it ends. Eventually, "
                "it starts. Sadly, it sags. Sadly, it stops. Meanwhile, it rains. "
                "Meanwhile, it snows.",
                NULL, NULL, no);
}

static void test_find_gives_a_known_name_or_a_part_of_it(void **state)
{
    (void)state;
    sg_cast cast = {0};
    assert_true(sg_cast_add(&cast, "Jang Ok-ju", 10, "Jeon Jong-seo", 13));
    assert_true(sg_cast_add(&cast, "Choi Pil-ho", 11, NULL, 0));
    size_t at = 99;
    int role = -1;
    const char *t = "Later Ok-ju finds Choi.";
    const char *f = sg_cast_find(&cast, t, 0, strlen(t), &at, &role);
    assert_non_null(f);
    assert_string_equal(f, "Jang Ok-ju");
    assert_int_equal(at, 6);
    assert_int_equal(role, 0);
    t = "The choice is hers: Choi waits.";
    f = sg_cast_find(&cast, t, 0, strlen(t), &at, &role);
    assert_non_null(f);
    assert_string_equal(f, "Choi Pil-ho");
    assert_int_equal(at, 20);
    /* a part of a name counts only when written as a name */
    t = "the choi of it";
    assert_null(sg_cast_find(&cast, t, 0, strlen(t), &at, &role));
    /* "Ok-jung" is another word */
    t = "Ok-jung leaves.";
    assert_null(sg_cast_find(&cast, t, 0, strlen(t), &at, &role));
    sg_cast_free(&cast);
}

static void test_find_gives_role_words_after_a_determiner_or_a_possessive(void **state)
{
    (void)state;
    static const struct {
        const char *text, *role;
    } cases[] = {
        {"Then her best friend dies.", "best friend"},
        {"Choi\xE2\x80\x99s boss is dispatched.", "boss"},
        {"Choi's boss is dispatched.", "boss"},
        {"the villain falls", "villain"},
        {"his crime lord boss falls", "crime lord"},
        {"The dog dies.", "dog"},
        {"our main character is hell-bent on revenge", "main character"},
        {"The film is long.", NULL},
        {"A friendly neighbourhood thriller.", NULL},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t at = 0;
        int role = 0;
        const char *f =
            sg_cast_find(NULL, cases[i].text, 0, strlen(cases[i].text), &at, &role);
        int ok = cases[i].role ? f && role && !strcmp(f, cases[i].role) : f == NULL;
        if (!ok) {
            print_error("\"%s\": want %s, got %s\n", cases[i].text,
                        cases[i].role ? cases[i].role : "(none)", f ? f : "(none)");
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

static void test_a_users_characters_are_in_the_report(void **state)
{
    (void)state;
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    assert_non_null(e);
    static const char *const names[] = {"Choi Pil-ho", "", "Moon Min-hee", NULL};
    assert_int_equal(sg_engine_add_characters(e, names, &err), SG_OK);
    sg_analysis *a = NULL;
    const char *text = "A short review.";
    assert_int_equal(sg_analyze(e, text, strlen(text), NULL, &a, &err), SG_OK);
    const char *const *got, *const *actors;
    size_t n = sg_analysis_characters(a, &got, &actors);
    assert_int_equal(n, 2);
    assert_string_equal(got[0], "Choi Pil-ho");
    assert_string_equal(got[1], "Moon Min-hee");
    sg_analysis_free(a);
    sg_engine_free(e);
}

/* Odd bytes never crash the learner and never make empty names. */
static void test_odd_bytes_make_no_empty_names(void **state)
{
    (void)state;
    static const char text[] = "A\xC2 B\xE2\x80 Ok-\xFF" "ju Ok-\xFF" "ju. \xE2\x80\x99s\x00 Zed Zed (Zed Zed).";
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_PLAIN;
    sg_analysis *a = NULL;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine, text, sizeof text - 1, &o, &a, &err), SG_OK);
    const char *const *names, *const *actors;
    size_t n = sg_analysis_characters(a, &names, &actors);
    for (size_t i = 0; i < n; i++)
        assert_true(names[i][0] != '\0');
    sg_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_with_actor_in_parentheses_is_a_character),
        cmocka_unit_test(test_actor_as_name_and_actor_plays_name_are_pairs),
        cmocka_unit_test(test_recurring_subjects_and_possessives_are_characters),
        cmocka_unit_test(test_a_single_mention_is_not_enough),
        cmocka_unit_test(test_the_title_and_the_credits_are_not_characters),
        cmocka_unit_test(test_unicode_spaces_and_quotes_end_names),
        cmocka_unit_test(test_sentence_openers_are_not_names),
        cmocka_unit_test(test_find_gives_a_known_name_or_a_part_of_it),
        cmocka_unit_test(test_find_gives_role_words_after_a_determiner_or_a_possessive),
        cmocka_unit_test(test_a_users_characters_are_in_the_report),
        cmocka_unit_test(test_odd_bytes_make_no_empty_names),
    };
    return cmocka_run_group_tests(tests, sg_t_setup, sg_t_teardown);
}
