/* The review's own rating: every form, every trap, the choice among several,
 * the normalisation table, and the four seed reviews. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sg_internal.h"
#include "sg_test_util.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* A document built by hand (sg_test_util.h) and the rating found in it. */
typedef struct sg_t_fix {
    sg_t_doc d;
    sg_rating_out r;
} sg_t_fix;

static void sg_t_build(sg_t_fix *f, const char *spec)
{
    memset(&f->r, 0, sizeof f->r);
    sg_t_doc_build(&f->d, spec);
}

static void sg_t_free(sg_t_fix *f)
{
    sg_rating_clear(&f->r);
    sg_t_doc_free(&f->d);
}

/* Rate `spec`; the fixture keeps the result for the caller to check. */
static const sg_rating_out *sg_t_rate(sg_t_fix *f, const char *spec)
{
    sg_t_build(f, spec);
    sg_rating_find(&f->d.doc, f->d.s, f->d.ns, &f->r);
    if (f->r.found) {
        /* the input span holds exactly the text reported */
        assert_true(f->r.end >= f->r.start && f->r.end <= f->d.doc.len);
        assert_int_equal(f->r.end - f->r.start, strlen(f->r.text));
        assert_memory_equal(f->d.src + f->r.start, f->r.text, strlen(f->r.text));
    }
    return &f->r;
}

static void sg_t_expect(const char *spec, const char *text, double value, double scale)
{
    sg_t_fix f;
    const sg_rating_out *r = sg_t_rate(&f, spec);
    if (!r->found)
        print_error("no rating in: %s\n", spec);
    assert_true(r->found);
    if (strcmp(r->text, text))
        print_error("in: %s\n", spec);
    assert_string_equal(r->text, text);
    assert_true(fabs(r->value - value) < 1e-9);
    assert_true(fabs(r->scale - scale) < 1e-9);
    assert_true(fabs(r->normalized - value / scale) < 1e-9);
    assert_null(r->verdict);
    sg_t_free(&f);
}

static void sg_t_expect_verdict(const char *spec, const char *text, double norm)
{
    sg_t_fix f;
    const sg_rating_out *r = sg_t_rate(&f, spec);
    if (!r->found)
        print_error("no rating in: %s\n", spec);
    assert_true(r->found);
    assert_string_equal(r->text, text);
    assert_non_null(r->verdict);
    assert_string_equal(r->verdict, text);
    assert_true(isnan(r->value));
    assert_true(isnan(r->scale));
    if (fabs(r->normalized - norm) > 1e-9)
        print_error("%s: normalized %g, want %g\n", text, r->normalized, norm);
    assert_true(fabs(r->normalized - norm) < 1e-9);
    sg_t_free(&f);
}

static void sg_t_expect_none(const char *spec)
{
    sg_t_fix f;
    const sg_rating_out *r = sg_t_rate(&f, spec);
    if (r->found)
        print_error("took '%s' from: %s\n", r->text, spec);
    assert_false(r->found);
    assert_null(r->text);
    sg_t_free(&f);
}

static const char sg_t_prose[] =
    "The film follows a retired bodyguard through a city of neon and rain, "
    "and the fights are staged with real care for space and rhythm.";

/* ---- forms ------------------------------------------------------------------ */

static void test_fraction_in_prose_with_a_rating_word(void **state)
{
    (void)state;
    sg_t_expect("It is a lean thriller and I give it 7/10 without a doubt.", "7/10", 7,
                10);
}

static void test_decimal_fraction_ending_the_line(void **state)
{
    (void)state;
    sg_t_expect("A stylish, hollow thing. 8.5/10", "8.5/10", 8.5, 10);
}

static void test_fraction_out_of_100(void **state)
{
    (void)state;
    sg_t_expect("My score for this one is 62/100.", "62/100", 62, 100);
}

static void test_out_of_form(void **state)
{
    (void)state;
    sg_t_expect("Overall I would rate it 4 out of 5.", "4 out of 5", 4, 5);
}

static void test_decimal_out_of_form(void **state)
{
    (void)state;
    sg_t_expect("The pacing sags late.\n\n**3.5 out of 5**", "3.5 out of 5", 3.5, 5);
    sg_t_expect("*The Long Way* Rating: 6.5 out of 10", "6.5 out of 10", 6.5, 10);
}

static void test_stars_out_of_4_in_parentheses(void **state)
{
    (void)state;
    sg_t_expect("Ballerina: 2.5 stars (out of 4)", "2.5 stars (out of 4)", 2.5, 4);
}

static void test_fraction_with_stars_word(void **state)
{
    (void)state;
    sg_t_expect("3/5 stars\n\nA female assassin sets out to avenge her friend.",
                "3/5 stars", 3, 5);
}

static void test_star_glyphs_with_half(void **state)
{
    (void)state;
    sg_t_expect("\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xC2\xBD",
                "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xC2\xBD", 3.5, 5);
}

static void test_star_glyphs_with_empty_slots(void **state)
{
    (void)state;
    sg_t_expect(
        "Our verdict on it: \xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x86\xE2\x98\x86",
        "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x86\xE2\x98\x86", 3, 5);
}

static void test_emoji_stars(void **state)
{
    (void)state;
    sg_t_expect("\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90",
                "\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90", 4, 5);
    sg_t_expect("\xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F",
                "\xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F", 2, 5);
    /* the run is read from its first star, whatever its length */
    sg_t_expect("Rating: \xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F",
                "\xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F\xE2\xAD\x90\xEF\xB8\x8F", 3, 5);
}

static void test_emoji_shortcode_stars(void **state)
{
    (void)state;
    /* GitHub, Jekyll and Hugo turn ":star:" into a star */
    sg_t_expect("Rating: :star::star::star::star:", ":star::star::star::star:", 4, 5);
    sg_t_expect("Stars: :star2: :star2: :star2:", ":star2: :star2: :star2:", 3, 5);
    sg_t_expect("My rating: :star::star::star: out of 5", ":star::star::star: out of 5", 3, 5);
    /* a word that only starts like one is no star */
    sg_t_expect_none("The word :start: is no star, nor :stars:.");
}

static void test_decimal_stars_in_prose(void **state)
{
    (void)state;
    sg_t_expect("It is a decent addition to the genre, 3.5 stars in all.", "3.5 stars",
                3.5, 5);
}

static void test_stars_in_words_with_a_cue(void **state)
{
    (void)state;
    sg_t_expect("I give it four stars.", "four stars", 4, 5);
    sg_t_expect("It earns three and a half stars from me.", "three and a half stars", 3.5,
                5);
    sg_t_expect("Four stars", "Four stars", 4, 5);
}

static void test_labelled_rating_dash(void **state)
{
    (void)state;
    sg_t_expect("Ballerina\n  \xE2\x80\xA2 7/10\n    Rating - 7/10\n7/10", "7/10", 7, 10);
    /* the labelled one is taken, not the bullet or the bare line */
    sg_t_fix f;
    const sg_rating_out *r =
        sg_t_rate(&f, "Ballerina\n\n\xE2\x80\xA2 7/10\n\nRating - 7/10\n\n7/10");
    assert_true(r->found);
    assert_int_equal(r->start, strstr(f.d.src, "Rating - ") - f.d.src + 9);
    sg_t_free(&f);
}

static void test_labelled_rating_colon(void **state)
{
    (void)state;
    sg_t_expect("Rating: 4/5", "4/5", 4, 5);
    sg_t_expect("Score: 4/5", "4/5", 4, 5);
}

static void test_labelled_bare_score_takes_scale_10(void **state)
{
    (void)state;
    sg_t_expect("Our score: 8", "8", 8, 10);
    sg_t_expect("Final score: 85", "85", 85, 100);
}

static void test_labelled_verdict_word_after_residue(void **state)
{
    (void)state;
    sg_t_expect_verdict("The final score: review Average\n\nThe 411", "Average", 0.5);
}

static void test_labelled_verdict(void **state)
{
    (void)state;
    sg_t_expect_verdict("Verdict: Highly Recommended", "Highly Recommended", 0.9);
    sg_t_expect_verdict("Verdict: Recommended", "Recommended", 0.8);
}

static void test_labelled_letter_grade(void **state)
{
    (void)state;
    sg_t_expect_verdict("Grade: B-", "B-", 0.75);
    sg_t_expect_verdict("Final Grade: A", "A", 0.95);
}

static void test_signed_grade_alone_on_a_line(void **state)
{
    (void)state;
    char spec[512];
    snprintf(spec, sizeof spec, "%s\n\nA-", sg_t_prose);
    sg_t_expect_verdict(spec, "A-", 0.9);
}

static void test_label_line_labels_the_next_line(void **state)
{
    (void)state;
    char spec[512];
    snprintf(spec, sizeof spec, "%s\n\nOur Verdict\n\nGood", sg_t_prose);
    sg_t_expect_verdict(spec, "Good", 0.7);
    snprintf(spec, sizeof spec, "%s\n\nGrade:\n\nC+", sg_t_prose);
    sg_t_expect_verdict(spec, "C+", 0.7);
}

static void test_verdict_words_alone_on_a_line(void **state)
{
    (void)state;
    char spec[512];
    static const struct {
        const char *w;
        double norm;
    } cases[] = {{"Recommended", 0.8},     {"Highly Recommended", 0.9},
                 {"Skip it", 0.2},         {"Must see", 1.0},
                 {"Worth watching", 0.75}, {"Thumbs up", 0.75},
                 {"Thumbs down", 0.25},    {"Fresh", 0.75},
                 {"Rotten", 0.25}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(spec, sizeof spec, "%s\n\n%s", sg_t_prose, cases[i].w);
        sg_t_expect_verdict(spec, cases[i].w, cases[i].norm);
    }
}

static void test_rating_in_a_tldr_section(void **state)
{
    (void)state;
    char spec[1024];
    snprintf(spec, sizeof spec,
             "Early on I thought it might earn 5 stars.\n\n%s\n\n# TL;DR\n\n"
             "A decent, forgettable thriller that I rate 3/5 overall.",
             sg_t_prose);
    sg_t_expect(spec, "3/5", 3, 5);
}

/* ---- traps ------------------------------------------------------------------------ */

static void test_chrome_blocks_are_never_the_source(void **state)
{
    (void)state;
    sg_t_expect_none(
        "The film is a revenge story told with style.\n\n@r Related Posts\n\n"
        "@r Rating: 9/10\n\n@r 9.5\n\n@n Score: 4/5\n\n@c int rating = 7/10;");
}

static void test_related_scores_left_as_article_lose_to_the_label(void **state)
{
    (void)state;
    char spec[2048];
    snprintf(spec, sizeof spec,
             "%s\n\nRating - 7/10\n\nTL;DR\n\nRelated Posts\n\nThe Pickup Promotional "
             "Image\n\n6.0\n\n"
             "REVIEW: 'The Pickup' Lets Keke Palmer "
             "Flex\n\n08/07/2025\n\n9.5\n\n8.0\n\n7.0\n\n3.5\n\n"
             "9.0\n\nDanDaDan Season 2 Episode 6\n\n8.5\n\n10/10",
             sg_t_prose);
    sg_t_expect(spec, "7/10", 7, 10);
}

static void test_dates_are_not_ratings(void **state)
{
    (void)state;
    sg_t_expect_none("12/10");
    sg_t_expect_none("Posted 10/06/2023 by the editor, rating to follow.");
    sg_t_expect_none("08/07/2025");
    sg_t_expect_none(
        "Sarah MusnickyBy Sarah Musnicky10/06/20234 Mins ReadUpdated:03/18/2024");
    sg_t_expect_none("It opens 5/10 in theatres and streams later.");
}

static void test_runtimes_are_not_ratings(void **state)
{
    (void)state;
    sg_t_expect_none("It runs 125 minutes, and the score never lets up.");
    sg_t_expect_none("Runtime: 2h 5m");
}

static void test_series_counts_are_not_ratings(void **state)
{
    (void)state;
    sg_t_expect_none("This is the 3rd of 5 films in the series and rated R.");
    sg_t_expect_none("In episode 4 of 8 the score swells.");
    sg_t_expect_none("Part 1/3 of our rating series.");
    sg_t_expect_none("Only 1 of 3 sequels got a good score.");
    sg_t_expect_none("Episode 4/5 rating coming soon.");
}

static void test_common_number_idioms_are_not_ratings(void **state)
{
    (void)state;
    sg_t_expect_none("She works 24/7 and the score shows it.");
    sg_t_expect_none("A 9/11 drama with a great score.");
    sg_t_expect_none("It is a 50/50 chance her score holds.");
    sg_t_expect_none("It is one of the top five films of the year, a Top 10 lock.");
}

static void test_money_and_time_fractions_are_not_ratings(void **state)
{
    (void)state;
    sg_t_expect_none("They spent 3/4 of the budget on the score.");
    sg_t_expect_none("Tickets cost $4/5 each and the rating was PG.");
    sg_t_expect_none("She gives it 1/2 hour before the fight starts.");
}

static void test_bare_fraction_in_prose_needs_a_rating_word(void **state)
{
    (void)state;
    sg_t_expect_none("The jury split 3/5 on day one, as the film shows.");
    sg_t_expect_none("12/10 would watch again, honestly.");
    sg_t_expect_none("She would rather split it 3/5 with him.");
}

static void test_cast_stars_are_not_a_rating(void **state)
{
    (void)state;
    sg_t_expect_none("The film's three stars carry it through the slow middle.");
    sg_t_expect_none("Jeon stars as Ok-ju, a laconic loner.");
    sg_t_expect_none("It is a five-star hotel of a set.");
}

static void test_letter_a_in_prose_is_not_a_grade(void **state)
{
    (void)state;
    sg_t_expect_none("A retired bodyguard looks for answers.\n\nA");
    sg_t_expect_none("Verdict: A stylish but hollow thriller.");
    sg_t_expect_none("Grade: B-movie fun with a B plot.");
}

static void test_verdict_words_inside_phrases_are_not_verdicts(void **state)
{
    (void)state;
    sg_t_expect_none("Recommended For You\n\nLeave a Reply");
    sg_t_expect_none("She's also a Rotten Tomatoes Certified critic.");
    sg_t_expect_none("BWT Recommends");
    sg_t_expect_none(
        "The 411 Rating\n\nCommunity Grade\n\nYour Grade\n\nBallerina Review");
    sg_t_expect_none("Verdict: Not good enough to recommend to anyone.");
}

static void test_no_verdict_means_no_rating(void **state)
{
    (void)state;
    sg_t_expect_none(
        "Ballerina is one of the examples of how not to do a John Wick type of "
        "film. It's only 90 minutes.\n\nI need more.");
    sg_t_expect_none("");
}

/* ---- the choice among several -------------------------------------------------- */

static void test_labelled_beats_prose_and_standalone(void **state)
{
    (void)state;
    char spec[1024];
    snprintf(spec, sizeof spec, "Score: 6/10\n\n%s I'd give the camera 9/10.\n\n8/10",
             sg_t_prose);
    sg_t_expect(spec, "6/10", 6, 10);
}

static void test_overall_label_beats_other_labels(void **state)
{
    (void)state;
    sg_t_expect("Story rating: 8/10\n\nOverall rating: 7/10\n\nActing rating: 9/10",
                "7/10", 7, 10);
}

static void test_standalone_line_beats_prose_mention(void **state)
{
    (void)state;
    char spec[1024];
    snprintf(spec, sizeof spec,
             "3/5 stars\n\n%s\n\n%s\n\n%s Some critics give it 5 stars.", sg_t_prose,
             sg_t_prose, sg_t_prose);
    sg_t_expect(spec, "3/5 stars", 3, 5);
}

/* ---- normalisation and spans ---------------------------------------------------- */

static void test_letter_grade_table(void **state)
{
    (void)state;
    static const struct {
        const char *g;
        double norm;
    } grades[] = {{"A+", 1.0},  {"A", 0.95},  {"A-", 0.9}, {"B+", 0.85}, {"B", 0.8},
                  {"B-", 0.75}, {"C+", 0.7},  {"C", 0.65}, {"C-", 0.6},  {"D+", 0.55},
                  {"D", 0.5},   {"D-", 0.45}, {"F", 0.2}};
    char spec[64];
    for (size_t i = 0; i < sizeof grades / sizeof grades[0]; i++) {
        snprintf(spec, sizeof spec, "Grade: %s", grades[i].g);
        sg_t_expect_verdict(spec, grades[i].g, grades[i].norm);
    }
    /* the Unicode minus is a minus */
    sg_t_expect_verdict("Grade: B\xE2\x88\x92", "B\xE2\x88\x92", 0.75);
}

static void test_verdict_word_table(void **state)
{
    (void)state;
    static const struct {
        const char *w;
        double norm;
    } words[] = {{"Must see", 1.0},    {"Highly recommended", 0.9},
                 {"Recommended", 0.8}, {"Good", 0.7},
                 {"Average", 0.5},     {"Mixed", 0.5},
                 {"Skip it", 0.2},     {"Not recommended", 0.2},
                 {"Masterpiece", 1.0}, {"Poor", 0.3},
                 {"Awesome", 0.9},     {"Meh", 0.4}};
    char spec[64];
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        snprintf(spec, sizeof spec, "Verdict: %s", words[i].w);
        sg_t_expect_verdict(spec, words[i].w, words[i].norm);
    }
}

static void test_value_larger_than_scale_is_refused(void **state)
{
    (void)state;
    sg_t_expect_none("Rating: 11/10");
}

static void test_span_maps_through_decoded_text(void **state)
{
    (void)state;
    /* "Rating: " exact, then five stars decoded from entities */
    static const char src[] = "<p>Rating: &#9733;&#9733;&#9733;&#9733;&#9734;</p>";
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = src;
    d.len = sizeof src - 1;
    d.format = SG_FORMAT_HTML;
    assert_true(sg_doc_begin_block(&d, SG_BLOCK_PARAGRAPH, 0, SG_WHY_ARTICLE, 0, 0));
    assert_true(sg_doc_add_text(&d, src + 3, 8, 3, 8, 1));
    for (int k = 0; k < 5; k++)
        assert_true(sg_doc_add_text(&d, k < 4 ? "\xE2\x98\x85" : "\xE2\x98\x86", 3,
                                    11 + 7 * (size_t)k, 7, 0));
    assert_true(sg_doc_end_block(&d, d.len));
    sg_rating_out r;
    sg_rating_find(&d, NULL, 0, &r);
    assert_true(r.found);
    assert_int_equal(r.start, 11);
    assert_int_equal(r.end, 11 + 35);
    assert_true(fabs(r.value - 4) < 1e-9);
    assert_true(fabs(r.scale - 5) < 1e-9);
    sg_rating_clear(&r);
    sg_doc_free(&d);
}

/* ---- odd input ------------------------------------------------------------------- */

static void test_nul_bytes_and_invalid_utf8_are_read_as_bytes(void **state)
{
    (void)state;
    static const char src[] = "\xff\xfe\x00Rating: 4/5\x00\xc3\n\xe2\x98";
    sg_doc d;
    sg_t_doc_whole(&d, src, sizeof src - 1);
    sg_rating_out r;
    sg_rating_find(&d, NULL, 0, &r);
    assert_true(r.found);
    assert_string_equal(r.text, "4/5");
    sg_rating_clear(&r);
    sg_doc_free(&d);
}

static void test_huge_line_of_numbers_is_linear(void **state)
{
    (void)state;
    /* 4 MB on one line of fractions, digits, glyphs and cue words */
    static const char unit[] = "rated 1/2 99999999 3/4 \xE2\x98\x85 star 7/10/2023 ";
    size_t ul = sizeof unit - 1, n = 4u << 20;
    char *big = malloc(n + 32);
    assert_non_null(big);
    size_t k = 0;
    while (k + ul < n) {
        memcpy(big + k, unit, ul);
        k += ul;
    }
    memcpy(big + k, "Rating: 3/5", 11);
    k += 11;
    sg_doc d;
    sg_t_doc_whole(&d, big, k);
    clock_t t0 = clock();
    sg_rating_out r;
    sg_rating_find(&d, NULL, 0, &r);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(r.found);
    /* generous: a quadratic scan would take minutes */
    assert_true(secs < 20);
    sg_rating_clear(&r);
    sg_doc_free(&d);
    free(big);
}

static void test_empty_doc_and_clear_are_safe(void **state)
{
    (void)state;
    sg_doc d;
    memset(&d, 0, sizeof d);
    sg_rating_out r;
    sg_rating_find(&d, NULL, 0, &r);
    assert_false(r.found);
    sg_rating_clear(&r);
    sg_rating_clear(&r);
    sg_rating_clear(NULL);
}

static void test_fraction_beside_a_strong_verdict_word(void **state)
{
    (void)state;
    sg_t_expect("7.5/10, recommended if you like slow thrillers.", "7.5/10", 7.5, 10);
    sg_t_expect("The score, the sets, all of it: 9/10, a masterpiece of mood.", "9/10", 9,
                10);
    sg_t_expect("Too long by half. 2/5 from me, sadly.", "2/5", 2, 5);
    sg_t_expect("Slow in the middle, loud at the end. 3/5 for this one.", "3/5", 3, 5);
    /* a date stays a date, and a weak word makes nothing a score */
    sg_t_expect_none("It opens on 10/10, a must see for fans of the books.");
    sg_t_expect_none("The crew cut 3/5 of the scenes, which was good for it.");
}

static void test_score_for_another_work_is_not_the_rating(void **state)
{
    (void)state;
    sg_t_expect("I'd give it 8/10, more than the original's 6/10.", "8/10", 8, 10);
    sg_t_expect_none("Its predecessor got 9/10 from me and this one never comes close.");
    sg_t_expect_none("Unlike the first film, which earned 4/5 stars, it drags.");
}

static void test_score_beats_a_verdict_on_its_line(void **state)
{
    (void)state;
    sg_t_expect("Verdict: a must-see. 4 out of 5 stars.", "4 out of 5 stars", 4, 5);
    sg_t_expect("Verdict: Good, 7/10", "7/10", 7, 10);
    /* a verdict alone keeps its line */
    sg_t_expect_verdict("Verdict: a must-see.", "must-see", 1.0);
}

static void test_recommend_label(void **state)
{
    (void)state;
    sg_t_expect_verdict("**Recommend: Yes**", "Yes", 0.8);
    sg_t_expect_verdict("Recommend: nope", "nope", 0.2);
    sg_t_expect_verdict("Recommend: Highly recommended", "Highly recommended", 0.9);
    /* the reviewer's own words: a verdict without a normalized value */
    sg_t_fix f;
    const sg_rating_out *r = sg_t_rate(&f, "**Recommend: Only on a rainy Sunday.**");
    assert_true(r->found);
    assert_string_equal(r->text, "Only on a rainy Sunday.");
    assert_string_equal(r->verdict, "Only on a rainy Sunday.");
    assert_true(isnan(r->normalized) && isnan(r->value));
    sg_t_free(&f);
    /* a score beats it; a recommendation in prose is no label */
    sg_t_expect("Rating: 3/5\nRecommend: Fans of the genre", "3/5", 3, 5);
    sg_t_expect_none("I recommend: see it with friends, and then argue about it all "
                     "night long over noodles, since the ending is built for that.");
}

static void test_repeated_label_the_first_one_leads(void **state)
{
    (void)state;
    char spec[2048];
    snprintf(spec, sizeof spec,
             "# First take\n\n%s\n\n**Recommend: Yes**\n\n# Second take\n\n%s\n\n%s\n\n"
             "**Recommend: Not really**",
             sg_t_prose, sg_t_prose, sg_t_prose);
    sg_t_expect_verdict(spec, "Yes", 0.8);
    /* a different label is no repeat: the overall one still wins */
    sg_t_expect("Rating: 6/10\n\nStory rating: 8/10\n\nOverall rating: 7/10", "7/10", 7, 10);
}

/* ---- more ways reviewers state a rating ------------------------------------------ */

static void test_letter_grade_given_in_prose(void **state)
{
    (void)state;
    sg_t_expect_verdict("All told, I'm giving it a B+.", "B+", 0.85);
    sg_t_expect_verdict("It earns an A- from me, easily.", "A-", 0.9);
    sg_t_expect_verdict("A lovely mess of a film: a solid B.", "B", 0.8);
    sg_t_expect_verdict("I'd give it a C+ at best.", "C+", 0.7);
    /* a letter in a name or a phrase is no grade */
    sg_t_expect_none("It's a B-movie with an A-list cast and a C-section scene.");
    sg_t_expect_none("Plan B works out in the end, and I give it credit for that.");
    sg_t_expect_none("She gives it a D major chord at the end.");
    sg_t_expect_none("I'd give it an A for effort if effort were the point.");
}

static void test_half_written_every_way(void **state)
{
    (void)state;
    sg_t_expect("It is 3 \xC2\xBD stars for me.", "3 \xC2\xBD stars", 3.5, 5);
    sg_t_expect("It is three-and-a-half stars for me.", "three-and-a-half stars", 3.5, 5);
    sg_t_expect("Rating: 3\xC2\xBD/5", "3\xC2\xBD/5", 3.5, 5);
    sg_t_expect("Rating: 3 and a half out of 5", "3 and a half out of 5", 3.5, 5);
}

static void test_labelled_percentage(void **state)
{
    (void)state;
    sg_t_expect("Score: 85%", "85%", 85, 100);
    /* a percentage in prose is no score, nor another site's */
    sg_t_expect_none("About 90% of the film is a chase, and I rate the chase highly.");
    sg_t_expect_none("Rotten Tomatoes score: 93%");
}

static void test_scale_in_parentheses_or_of_n_stars(void **state)
{
    (void)state;
    sg_t_expect("Score: 4 (out of 5)", "4 (out of 5)", 4, 5);
    sg_t_expect("My rating: 4 of 5 stars", "4 of 5 stars", 4, 5);
    /* "4 of 5" alone counts things */
    sg_t_expect_none("This is book 4 of 5 and I rate the series highly.");
}

static void test_stated_scale_and_a_bare_number(void **state)
{
    (void)state;
    sg_t_expect("On a scale of 1 to 10, I give it a 7.", "7", 7, 10);
    sg_t_expect("On a scale of one to ten, this is an 8.", "8", 8, 10);
    sg_t_expect("Using my usual 1-10 scale, it gets a 6.", "6", 6, 10);
    /* a number the reviewer gives it, out of ten from 6 up */
    sg_t_expect("I'd give it a 7.", "7", 7, 10);
    sg_t_expect("It's a solid 8.5 for me.", "8.5", 8.5, 10);
    sg_t_expect_none("I'd give it a 4.");
    sg_t_expect_none(
        "The crew took a 9 hour flight to get the shot and it got a 10 year wait.");
}

static void test_number_and_one_star_glyph(void **state)
{
    (void)state;
    sg_t_expect("Rating: 4.5 \xE2\xAD\x90", "4.5 \xE2\xAD\x90", 4.5, 5);
    sg_t_expect("4.5\xE2\xAD\x90", "4.5\xE2\xAD\x90", 4.5, 5);
    sg_t_expect("Rating: \xF0\x9F\x8C\x9F\xF0\x9F\x8C\x9F\xF0\x9F\x8C\x9F",
                "\xF0\x9F\x8C\x9F\xF0\x9F\x8C\x9F\xF0\x9F\x8C\x9F", 3, 5);
    /* five empty stars wait for a reader's vote */
    sg_t_expect_none(
        "Rate this film: \xE2\x98\x86\xE2\x98\x86\xE2\x98\x86\xE2\x98\x86\xE2\x98\x86");
}

static void test_n_star_before_what_is_rated(void **state)
{
    (void)state;
    sg_t_expect("It's a four-star film, flaws and all.", "four-star", 4, 5);
    sg_t_expect_none("It is a five-star hotel of a set.");
}

static void test_fraction_slash(void **state)
{
    (void)state;
    sg_t_expect("Rating: 4\xE2\x81\x84"
                "5",
                "4\xE2\x81\x84"
                "5",
                4, 5);
}

static void test_more_verdicts(void **state)
{
    (void)state;
    char spec[512];
    static const struct {
        const char *w;
        double norm;
    } alone[] = {{"Two thumbs up", 0.9}, {"Must-read", 1.0}, {"Stream it", 0.7}};
    for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++) {
        snprintf(spec, sizeof spec, "%s\n\n%s", sg_t_prose, alone[i].w);
        sg_t_expect_verdict(spec, alone[i].w, alone[i].norm);
    }
    sg_t_expect_verdict("Verdict: Worth it.", "Worth it", 0.7);
    sg_t_expect_verdict("Recommended: Yes", "Yes", 0.8);
    sg_t_expect_verdict("Recommendation: Skip it", "Skip it", 0.2);
    sg_t_expect_verdict("Would I recommend it? Yes, if you like slow films.", "Yes", 0.8);
    snprintf(spec, sizeof spec, "%s\n\nWould I recommend it?\n\nNo.", sg_t_prose);
    sg_t_expect_verdict(spec, "No", 0.2);
    /* "Highly recommended:" starts a list of other works */
    sg_t_expect_none("Highly recommended: for fans of slow-burn noir and rainy cities.");
}

static void test_mid_line_labels(void **state)
{
    (void)state;
    sg_t_expect("Story: 4/5, Art: 5/5, Overall: 4.5/5", "4.5/5", 4.5, 5);
    sg_t_expect("Acting - 9/10 | Story - 6/10 | Final score - 7/10", "7/10", 7, 10);
    sg_t_expect("Stars: 4", "4", 4, 5);
}

static void test_fraction_ending_a_verdict_paragraph(void **state)
{
    (void)state;
    char spec[1024];
    snprintf(spec, sizeof spec, "%s\n\n# Verdict\n\nA gorgeous, messy film. 3/5",
             sg_t_prose);
    sg_t_expect(spec, "3/5", 3, 5);
    snprintf(spec, sizeof spec, "%s\n\n# Verdict\n\nA gorgeous, messy film: four stars.",
             sg_t_prose);
    sg_t_expect(spec, "four stars", 4, 5);
    /* early in a long post, a /5 ending a line needs a cue */
    snprintf(spec, sizeof spec, "The crew shot 3/5\n\n%s\n\n%s\n\n%s", sg_t_prose,
             sg_t_prose, sg_t_prose);
    sg_t_expect_none(spec);
}

/* Scores of other works, raters and sites, counts, jokes and suppositions. */
/* Star glyphs that come back between the parts of a post are a dinkus; a
 * verdict heading over a list names the list. */
static void test_dividers_and_list_headings_are_not_ratings(void **state)
{
    (void)state;
    char spec[2048];
    snprintf(spec, sizeof spec,
             "%s\n\n\xE2\x98\x85 \xE2\x98\x85 \xE2\x98\x85\n\n%s\n\n"
             "\xE2\x98\x85 \xE2\x98\x85 \xE2\x98\x85\n\n%s",
             sg_t_prose, sg_t_prose, sg_t_prose);
    sg_t_expect_none(spec);
    /* once, it is the rating */
    snprintf(spec, sizeof spec, "%s\n\n\xE2\x98\x85 \xE2\x98\x85 \xE2\x98\x85",
             sg_t_prose);
    sg_t_expect(spec, "\xE2\x98\x85 \xE2\x98\x85 \xE2\x98\x85", 3, 5);
    snprintf(spec, sizeof spec,
             "%s\n\n# Highly recommended\n\n- Salt Road\n\n- Harbour Lights", sg_t_prose);
    sg_t_expect_none(spec);
}

static void test_scores_that_are_not_the_reviews(void **state)
{
    (void)state;
    sg_t_expect_none("Unlike Oldboy, which I gave 9/10, this one never lands.");
    sg_t_expect_none("It's better than the sequel's 6/10.");
    sg_t_expect_none("It's better than Oldboy's 9/10, I think.");
    sg_t_expect_none("IMDb: 7.2/10");
    sg_t_expect_none("IMDb rating: 7.2/10");
    sg_t_expect_none("Metacritic: 71/100");
    sg_t_expect_none("The audience score was 9/10.");
    sg_t_expect_none("The critics gave it 4/5 and I can see why.");
    sg_t_expect_none("Your rating: 4/5");
    sg_t_expect_none("Rating: 4.2/5 (120 votes)");
    sg_t_expect_none("Average: 3.9 out of 5 from 1,204 ratings");
    sg_t_expect_none("9 out of 10 viewers will love the score.");
    sg_t_expect_none("The acting deserved better. 10/10 would not recommend.");
    sg_t_expect_none("It opened on 3/4 and the rating was PG.");
    sg_t_expect_none(
        "Cut the last act and you're left with a solid 3.5 (out of 4) film.");
    sg_t_expect_none("With a better ending it would have been a 9/10.");
    /* the reviewer's own score after one of another work */
    sg_t_expect("Critics gave it 4/5, but I'd say 3/5.", "3/5", 3, 5);
    sg_t_expect("While the original got 9/10 from me, this one gets 6/10.", "6/10", 6,
                10);
    sg_t_expect("The first film earned 9/10; this one earns 7/10.", "7/10", 7, 10);
}

/* ---- front matter, read by the real Markdown reader ------------------------------ */

/* Rate `src` read as Markdown; the span must be the text's own bytes. */
static void sg_t_rate_md(sg_t_fix *f, const char *src)
{
    sg_error err;
    memset(f, 0, sizeof *f);
    f->d.src = strdup(src);
    assert_non_null(f->d.src);
    assert_int_equal(
        sg_doc_read(&f->d.doc, f->d.src, strlen(src), SG_FORMAT_MARKDOWN, 64, &err), SG_OK);
    sg_rating_find(&f->d.doc, NULL, 0, &f->r);
    if (f->r.found) {
        assert_int_equal(f->r.end - f->r.start, strlen(f->r.text));
        assert_memory_equal(f->d.src + f->r.start, f->r.text, strlen(f->r.text));
    }
}

static void sg_t_expect_md(const char *src, const char *text, double value, double scale)
{
    sg_t_fix f;
    sg_t_rate_md(&f, src);
    if (!f.r.found || strcmp(f.r.text, text) || f.r.value != value || f.r.scale != scale)
        print_error("in: %s\ngot '%s' %g/%g\n", src, f.r.found ? f.r.text : "(none)",
                    f.r.value, f.r.scale);
    assert_true(f.r.found);
    assert_string_equal(f.r.text, text);
    assert_true(fabs(f.r.value - value) < 1e-9);
    assert_true(fabs(f.r.scale - scale) < 1e-9);
    assert_null(f.r.verdict);
    sg_t_free(&f);
}

static void sg_t_expect_md_verdict(const char *src, const char *text, double norm)
{
    sg_t_fix f;
    sg_t_rate_md(&f, src);
    assert_true(f.r.found);
    assert_string_equal(f.r.text, text);
    assert_non_null(f.r.verdict);
    assert_string_equal(f.r.verdict, text);
    assert_true(isnan(f.r.value));
    assert_true(fabs(f.r.normalized - norm) < 1e-9);
    sg_t_free(&f);
}

static void sg_t_expect_md_none(const char *src)
{
    sg_t_fix f;
    sg_t_rate_md(&f, src);
    if (f.r.found)
        print_error("took '%s' from: %s\n", f.r.text, src);
    assert_false(f.r.found);
    sg_t_free(&f);
}

#define SG_T_BODY "\nA ferry pilot finds a map in a drowned lighthouse.\n"

static void test_front_matter_bare_number(void **state)
{
    (void)state;
    sg_t_expect_md("---\ntitle: Salt Road\nrating: 3\n---\n" SG_T_BODY, "3", 3, 5);
    sg_t_expect_md("---\r\ntitle: Salt Road\r\nrating: 4\r\n---\r\n" SG_T_BODY, "4", 4, 5);
    sg_t_expect_md("---\nrating: '7'\n---\n" SG_T_BODY, "7", 7, 10);
    sg_t_expect_md("---\nscore: 72\n---\n" SG_T_BODY, "72", 72, 100);
    sg_t_expect_md("---\nrating: 85\n---\n" SG_T_BODY, "85", 85, 100);
    sg_t_expect_md("---\nbook_rating: 4\n---\n" SG_T_BODY, "4", 4, 5);
    sg_t_expect_md("---\nMovieScore: 7.5\n---\n" SG_T_BODY, "7.5", 7.5, 10);
    sg_t_expect_md("---\nratingStars: 3.5\n---\n" SG_T_BODY, "3.5", 3.5, 5);
    /* the span is the value's own bytes */
    sg_t_fix f;
    sg_t_rate_md(&f, "---\ntitle: Salt Road\nmy_rating: 2\n---\n" SG_T_BODY);
    assert_true(f.r.found);
    assert_int_equal(f.r.start, strstr(f.d.src, "my_rating: 2") - f.d.src + 11);
    sg_t_free(&f);
}

static void test_front_matter_overall_score_beside_sub_scores(void **state)
{
    (void)state;
    sg_t_expect_md("---\nSeason: 2\nEpisode: 9\nPacing: 4\nCharacters: 4.25\n"
                   "OverallScore: 68\nimdb: 'https://example.org/t/1'\n---\n" SG_T_BODY,
                   "68", 68, 100);
    sg_t_expect_md("---\nstory_rating: 2\nrating: 4\noverall_rating: 3\n---\n" SG_T_BODY,
                   "3", 3, 5);
}

static void test_front_matter_forms(void **state)
{
    (void)state;
    sg_t_expect_md("+++\ntitle = \"Salt Road\"\nrating = \"\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD"
                   "\x90\xE2\xAD\x90\"\n+++\n" SG_T_BODY,
                   "\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90\xE2\xAD\x90", 4, 5);
    sg_t_expect_md("---\nrating: 7/10\n---\n" SG_T_BODY, "7/10", 7, 10);
    sg_t_expect_md("---\nrating: 3 out of 4\n---\n" SG_T_BODY, "3 out of 4", 3, 4);
    sg_t_expect_md("---\nrating: 8\nrating_out_of: 20\n---\n" SG_T_BODY, "8", 8, 20);
    sg_t_expect_md_verdict("+++\nrating = [ \"Awesome\" ]\n+++\n" SG_T_BODY, "Awesome", 0.9);
    sg_t_expect_md_verdict("---\ngrade: B+\n---\n" SG_T_BODY, "B+", 0.85);
    sg_t_expect_md_verdict("---\nverdict: Skip it\n---\n" SG_T_BODY, "Skip it", 0.2);
}

static void test_front_matter_beats_the_text(void **state)
{
    (void)state;
    sg_t_expect_md("---\nrating: 4\n---\n\nSome critics give it 2/5, and they are wrong.\n",
                   "4", 4, 5);
    /* a bare field takes the scale the text writes for the same value */
    sg_t_expect_md("---\nrating: 4\n---\n" SG_T_BODY "\nRating: 4/10\n", "4", 4, 10);
}

static void test_front_matter_other_scores_are_not_the_rating(void **state)
{
    (void)state;
    sg_t_expect_md_none("---\nimdb: 7.2/10\nmetacritic: 71/100\nrotten_tomatoes: 88%\n"
                        "imdb_rating: 7\ngoodreads_rating: 4.1\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nacting_score: 4\nStoryDevelopment: 4.25\nInspiring: 5\n"
                        "rating_count: 12\nbook_number: 2\n---\n" SG_T_BODY);
    /* content ratings, placeholders and prose */
    sg_t_expect_md_none("---\nrating: PG-13\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nmovie_rating: R\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nfilm_rating: 15\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nrating: 15\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nrating: 13+\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nrating: A\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nrating: 0\n---\n" SG_T_BODY);
    sg_t_expect_md_none("---\nstars: Ann Lee, Bo Park\nscore: Composed by a trio\n---\n"
                        SG_T_BODY);
    /* a field nested under another key is not the post's own */
    sg_t_expect_md_none("---\nsource:\n  rating: 4\n---\n" SG_T_BODY);
}

/* ---- the seeds, read by the real plain reader ------------------------------------ */

/* Read a seed as plain text; returns 0 (and skips) when the corpus is absent. */
static int sg_t_seed(const char *name, sg_t_fix *f)
{
    memset(&f->r, 0, sizeof f->r);
    if (!sg_t_doc_seed(&f->d, name))
        return 0;
    sg_rating_find(&f->d.doc, f->d.s, f->d.ns, &f->r);
    return 1;
}

static void test_seed_butwhytho_is_7_of_10_not_a_related_score(void **state)
{
    sg_t_fix f;
    if (!sg_t_seed("ballerina-butwhytho.txt", &f)) {
        skip();
        return;
    }
    (void)state;
    assert_true(f.r.found);
    assert_string_equal(f.r.text, "7/10");
    assert_true(f.r.value == 7 && f.r.scale == 10);
    /* taken from the labelled line */
    const char *lab = strstr(f.d.src, "Rating - 7/10");
    assert_non_null(lab);
    assert_int_equal(f.r.start, (size_t)(lab - f.d.src) + 9);
    sg_t_free(&f);
}

static void test_seed_scmp_is_3_of_5(void **state)
{
    sg_t_fix f;
    if (!sg_t_seed("ballerina-scmp.txt", &f)) {
        skip();
        return;
    }
    (void)state;
    assert_true(f.r.found);
    assert_non_null(strstr(f.r.text, "3/5"));
    assert_true(f.r.value == 3 && f.r.scale == 5);
    assert_true(fabs(f.r.normalized - 0.6) < 1e-9);
    sg_t_free(&f);
}

static void test_seed_411mania_is_average(void **state)
{
    sg_t_fix f;
    if (!sg_t_seed("ballerina-411mania.txt", &f)) {
        skip();
        return;
    }
    (void)state;
    assert_true(f.r.found);
    assert_string_equal(f.r.text, "Average");
    assert_string_equal(f.r.verdict, "Average");
    assert_true(isnan(f.r.value) && isnan(f.r.scale));
    assert_true(fabs(f.r.normalized - 0.5) < 1e-9);
    sg_t_free(&f);
}

static void test_seed_user_review_has_no_rating(void **state)
{
    sg_t_fix f;
    if (!sg_t_seed("ballerina-user-review.txt", &f)) {
        skip();
        return;
    }
    (void)state;
    assert_false(f.r.found);
    sg_t_free(&f);
}

/* ---- a page's JSON-LD ---------------------------------------------------------- */

static sg_analysis *sg_t_page(const char *html)
{
    static sg_engine *e;
    sg_error err;
    if (!e)
        e = sg_engine_new(&err);
    assert_non_null(e);
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    sg_analysis *a = NULL;
    assert_int_equal(sg_analyze(e, html, strlen(html), &o, &a, &err), SG_OK);
    return a;
}

#define SG_T_LD(json)                                                                   \
    "<html><head><title>Night Train review</title><script type=\"application/ld+json\">" \
    json "</script></head><body><h1>Night Train review</h1><p>A slow, handsome "        \
    "film.</p></body></html>"

static void test_jsonld_review_rating(void **state)
{
    (void)state;
    const char *page = SG_T_LD(
        "{\"@context\": \"https://schema.org\", \"@type\": \"Review\", \"itemReviewed\": "
        "{\"@type\": \"Movie\", \"name\": \"Night Train\", \"aggregateRating\": "
        "{\"ratingValue\": \"3.1\", \"bestRating\": \"5\", \"ratingCount\": 210}}, "
        "\"reviewRating\": {\"@type\": \"Rating\", \"bestRating\": 10, \"ratingValue\": 7.5, "
        "\"worstRating\": 1}}");
    sg_analysis *a = sg_t_page(page);
    const sg_rating *r = sg_analysis_rating(a);
    assert_non_null(r);
    assert_true(r->value == 7.5);
    assert_true(r->scale == 10);
    /* the badge goes after the heading, never into the script */
    size_t n = 0;
    sg_error err;
    char *out = sg_render(a, &n, &err);
    assert_non_null(out);
    const char *h1 = strstr(out, "<h1>");
    const char *badge = strstr(out, "data-spoilerguard=\"badge\"");
    assert_non_null(h1);
    assert_non_null(badge);
    assert_true(badge > h1);
    free(out);
    sg_analysis_free(a);
}

static void test_jsonld_graph_and_string_values(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_page(SG_T_LD(
        "{\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"Review\", \"review\": [], "
        "\"reviewRating\": {\"ratingValue\": \"4\"}}]}"));
    const sg_rating *r = sg_analysis_rating(a);
    assert_non_null(r);
    assert_true(r->value == 4);
    assert_true(r->scale == 5); /* schema.org's default best */
    sg_analysis_free(a);
}

static void test_jsonld_never_invents(void **state)
{
    (void)state;
    static const char *const pages[] = {
        /* other people's average */
        SG_T_LD("{\"@type\": \"Movie\", \"aggregateRating\": {\"ratingValue\": \"4.2\", "
                "\"bestRating\": \"5\"}}"),
        /* reviews that disagree */
        SG_T_LD("[{\"@type\": \"Review\", \"reviewRating\": {\"ratingValue\": 2}}, "
                "{\"@type\": \"Review\", \"reviewRating\": {\"ratingValue\": 5}}]"),
        /* not JSON */
        SG_T_LD("{\"@type\": \"Review\", \"reviewRating\": {\"ratingValue\": 4,}"),
        /* an earlier run's own JSON-LD */
        "<html><head><script type=\"application/ld+json\" data-spoilerguard=\"jsonld\">"
        "{\"@type\": \"Review\", \"reviewRating\": {\"ratingValue\": 4, \"bestRating\": 5}}"
        "</script></head><body><h1>A review</h1><p>A film.</p></body></html>",
        /* not JSON-LD */
        "<html><head><script type=\"application/json\">{\"reviewRating\": {\"ratingValue\": 4}}"
        "</script></head><body><h1>A review</h1><p>A film.</p></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        sg_analysis *a = sg_t_page(pages[i]);
        if (sg_analysis_rating(a))
            fail_msg("a rating in page %zu", i);
        sg_analysis_free(a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fraction_in_prose_with_a_rating_word),
        cmocka_unit_test(test_decimal_fraction_ending_the_line),
        cmocka_unit_test(test_fraction_out_of_100),
        cmocka_unit_test(test_out_of_form),
        cmocka_unit_test(test_decimal_out_of_form),
        cmocka_unit_test(test_stars_out_of_4_in_parentheses),
        cmocka_unit_test(test_fraction_with_stars_word),
        cmocka_unit_test(test_star_glyphs_with_half),
        cmocka_unit_test(test_star_glyphs_with_empty_slots),
        cmocka_unit_test(test_emoji_stars),
        cmocka_unit_test(test_emoji_shortcode_stars),
        cmocka_unit_test(test_decimal_stars_in_prose),
        cmocka_unit_test(test_stars_in_words_with_a_cue),
        cmocka_unit_test(test_labelled_rating_dash),
        cmocka_unit_test(test_labelled_rating_colon),
        cmocka_unit_test(test_labelled_bare_score_takes_scale_10),
        cmocka_unit_test(test_labelled_verdict_word_after_residue),
        cmocka_unit_test(test_labelled_verdict),
        cmocka_unit_test(test_labelled_letter_grade),
        cmocka_unit_test(test_signed_grade_alone_on_a_line),
        cmocka_unit_test(test_label_line_labels_the_next_line),
        cmocka_unit_test(test_verdict_words_alone_on_a_line),
        cmocka_unit_test(test_rating_in_a_tldr_section),
        cmocka_unit_test(test_chrome_blocks_are_never_the_source),
        cmocka_unit_test(test_related_scores_left_as_article_lose_to_the_label),
        cmocka_unit_test(test_dates_are_not_ratings),
        cmocka_unit_test(test_runtimes_are_not_ratings),
        cmocka_unit_test(test_series_counts_are_not_ratings),
        cmocka_unit_test(test_common_number_idioms_are_not_ratings),
        cmocka_unit_test(test_money_and_time_fractions_are_not_ratings),
        cmocka_unit_test(test_bare_fraction_in_prose_needs_a_rating_word),
        cmocka_unit_test(test_cast_stars_are_not_a_rating),
        cmocka_unit_test(test_letter_a_in_prose_is_not_a_grade),
        cmocka_unit_test(test_verdict_words_inside_phrases_are_not_verdicts),
        cmocka_unit_test(test_no_verdict_means_no_rating),
        cmocka_unit_test(test_labelled_beats_prose_and_standalone),
        cmocka_unit_test(test_overall_label_beats_other_labels),
        cmocka_unit_test(test_standalone_line_beats_prose_mention),
        cmocka_unit_test(test_letter_grade_table),
        cmocka_unit_test(test_verdict_word_table),
        cmocka_unit_test(test_value_larger_than_scale_is_refused),
        cmocka_unit_test(test_span_maps_through_decoded_text),
        cmocka_unit_test(test_nul_bytes_and_invalid_utf8_are_read_as_bytes),
        cmocka_unit_test(test_huge_line_of_numbers_is_linear),
        cmocka_unit_test(test_empty_doc_and_clear_are_safe),
        cmocka_unit_test(test_fraction_beside_a_strong_verdict_word),
        cmocka_unit_test(test_score_for_another_work_is_not_the_rating),
        cmocka_unit_test(test_score_beats_a_verdict_on_its_line),
        cmocka_unit_test(test_recommend_label),
        cmocka_unit_test(test_repeated_label_the_first_one_leads),
        cmocka_unit_test(test_letter_grade_given_in_prose),
        cmocka_unit_test(test_half_written_every_way),
        cmocka_unit_test(test_labelled_percentage),
        cmocka_unit_test(test_scale_in_parentheses_or_of_n_stars),
        cmocka_unit_test(test_stated_scale_and_a_bare_number),
        cmocka_unit_test(test_number_and_one_star_glyph),
        cmocka_unit_test(test_n_star_before_what_is_rated),
        cmocka_unit_test(test_fraction_slash),
        cmocka_unit_test(test_more_verdicts),
        cmocka_unit_test(test_mid_line_labels),
        cmocka_unit_test(test_fraction_ending_a_verdict_paragraph),
        cmocka_unit_test(test_dividers_and_list_headings_are_not_ratings),
        cmocka_unit_test(test_scores_that_are_not_the_reviews),
        cmocka_unit_test(test_front_matter_bare_number),
        cmocka_unit_test(test_front_matter_overall_score_beside_sub_scores),
        cmocka_unit_test(test_front_matter_forms),
        cmocka_unit_test(test_front_matter_beats_the_text),
        cmocka_unit_test(test_front_matter_other_scores_are_not_the_rating),
        cmocka_unit_test(test_seed_butwhytho_is_7_of_10_not_a_related_score),
        cmocka_unit_test(test_seed_scmp_is_3_of_5),
        cmocka_unit_test(test_seed_411mania_is_average),
        cmocka_unit_test(test_seed_user_review_has_no_rating),
        cmocka_unit_test(test_jsonld_review_rating),
        cmocka_unit_test(test_jsonld_graph_and_string_values),
        cmocka_unit_test(test_jsonld_never_invents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
