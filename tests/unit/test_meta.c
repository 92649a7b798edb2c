/* Metadata: title, work, year, genres, author and date from fields and from
 * the text, and the spoiler-free excerpt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_test_util.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* A document built by hand (sg_test_util.h) and its metadata. */
typedef struct sg_t_fix {
    sg_t_doc d;
    sg_meta m;
} sg_t_fix;

static void sg_t_build(sg_t_fix *f, const char *spec)
{
    memset(&f->m, 0, sizeof f->m);
    sg_t_doc_build(&f->d, spec);
}

static void sg_t_field(sg_t_fix *f, const char *key, const char *value)
{
    assert_true(sg_doc_field(&f->d.doc, key, value, strlen(value), SIZE_MAX));
}

static void sg_t_find(sg_t_fix *f)
{
    sg_meta_find(&f->d.doc, f->d.s, f->d.ns, &f->m);
}

static void sg_t_free(sg_t_fix *f)
{
    sg_meta_clear(&f->m);
    sg_t_doc_free(&f->d);
}

static void sg_t_str(const char *got, const char *want)
{
    if (!want) {
        if (got)
            print_error("got '%s', want NULL\n", got);
        assert_null(got);
        return;
    }
    if (!got)
        print_error("got NULL, want '%s'\n", want);
    assert_non_null(got);
    assert_string_equal(got, want);
}

/* The work and year a one-line article names. */
static void sg_t_work(const char *spec, const char *work, const char *year)
{
    sg_t_fix f;
    sg_t_build(&f, spec);
    sg_t_find(&f);
    sg_t_str(f.m.work, work);
    sg_t_str(f.m.year, year);
    sg_t_free(&f);
}

static const char sg_t_para[] =
    "The film follows a retired bodyguard through a city of neon and rain, and the "
    "fights are staged with real care for space and rhythm.";

/* ---- title ---------------------------------------------------------------------- */

static void test_title_from_front_matter_comes_first(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "# A Heading\n\nBallerina Review\n\nSome text here.");
    sg_t_field(&f, "title", "Review: 'Ballerina' is a stylish revenge tale");
    sg_t_find(&f);
    sg_t_str(f.m.title, "Review: 'Ballerina' is a stylish revenge tale");
    sg_t_str(f.m.work, "Ballerina");
    sg_t_free(&f);
}

static void test_title_from_og_title(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Some text here.");
    sg_t_field(&f, "og:title", "Ballerina (2023) review: lean and gory");
    sg_t_find(&f);
    sg_t_str(f.m.title, "Ballerina (2023) review: lean and gory");
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.year, "2023");
    sg_t_free(&f);
}

static void test_title_from_html_title_drops_the_site_name(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Some text here.");
    f.d.doc.html_title =
        strdup("Ballerina review \xE2\x80\x93 a lean thriller | But Why Tho");
    sg_t_find(&f);
    sg_t_str(f.m.title, "Ballerina review \xE2\x80\x93 a lean thriller");
    sg_t_str(f.m.work, "Ballerina");
    sg_t_free(&f);
}

static void test_title_from_the_review_headline_not_the_breadcrumb(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "@n Home \xC2\xBB Film \xC2\xBB REVIEW: \xE2\x80\x98"
                   "Ballerina\xE2\x80\x99 Is "
                   "Beautifully Shot\n\n# REVIEW: \xE2\x80\x98"
                   "Ballerina\xE2\x80\x99 Is Beautifully "
                   "Shot Revenge Material\n\nText.");
    sg_t_find(&f);
    sg_t_str(f.m.title, "REVIEW: \xE2\x80\x98"
                        "Ballerina\xE2\x80\x99 Is Beautifully Shot Revenge Material");
    sg_t_str(f.m.work, "Ballerina");
    sg_t_free(&f);
}

static void test_title_falls_back_to_first_heading_then_first_line(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "@n Menu\n\n# The Long Night Ends\n\nIt is a film about a night.");
    sg_t_find(&f);
    sg_t_str(f.m.title, "The Long Night Ends");
    sg_t_str(f.m.work, NULL);
    sg_t_free(&f);
    sg_t_build(&f, "A Quiet Place at Dusk\nIt is a film about dusk.\n\nMore text.");
    sg_t_find(&f);
    sg_t_str(f.m.title, "A Quiet Place at Dusk");
    sg_t_free(&f);
}

/* A first line that is mostly control bytes is no title; one with a few
 * stray ones still is. */
static void test_control_bytes_make_no_title(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" "abc\x11\x12\n\nThe hero dies.");
    sg_t_find(&f);
    sg_t_str(f.m.title, NULL);
    sg_t_free(&f);
    sg_t_build(&f, "\x01\x02\x03\x04\n\nThe hero dies.");
    sg_t_find(&f);
    sg_t_str(f.m.title, NULL);
    sg_t_free(&f);
    sg_t_build(&f, "A Quiet Place\x07 at Dusk\n\nIt is a film about dusk.");
    sg_t_find(&f);
    sg_t_str(f.m.title, "A Quiet Place\x07 at Dusk");
    sg_t_free(&f);
}

/* ---- work and year --------------------------------------------------------------- */

static void test_work_and_year_from_review_prefix_form(void **state)
{
    (void)state;
    sg_t_work("Review Ballerina (2023): Far too pretentious and empty revenge film!",
              "Ballerina", "2023");
}

static void test_work_from_review_colon_quoted_form(void **state)
{
    (void)state;
    sg_t_work("REVIEW: \xE2\x80\x98"
              "Ballerina\xE2\x80\x99 Is Beautifully Shot Revenge Material",
              "Ballerina", NULL);
    sg_t_work("Review: \"Ocean\xE2\x80\x99s Eleven\" (2001) still dazzles",
              "Ocean\xE2\x80\x99s Eleven", "2001");
}

static void test_work_from_medium_review_colon_form(void **state)
{
    (void)state;
    sg_t_work("Netflix movie review: Ballerina \xE2\x80\x93 Korean actress Jeon Jong-seo "
              "reunites "
              "with The Call director",
              "Ballerina", NULL);
    sg_t_work("Film review: Ballerina (2023)", "Ballerina", "2023");
}

static void test_work_from_title_review_suffix_form(void **state)
{
    (void)state;
    sg_t_work("Ballerina Review\xC2\xA0", "Ballerina", NULL);
    sg_t_work("Ballerina movie review", "Ballerina", NULL);
}

static void test_work_from_quoted_title_review_colon_form(void **state)
{
    (void)state;
    sg_t_work("'Ballerina' review: a lean, gory thriller", "Ballerina", NULL);
    sg_t_work("\xE2\x80\x9C"
              "Ballerina\xE2\x80\x9D (2023) review",
              "Ballerina", "2023");
}

static void test_work_from_review_of_form(void **state)
{
    (void)state;
    sg_t_work("A review of Ballerina", "Ballerina", NULL);
}

static void test_no_work_without_a_review_headline(void **state)
{
    (void)state;
    sg_t_work("Movies & TV / Reviews\n\nJohn Wick changed everything.", NULL, NULL);
    sg_t_work("Home \xC2\xBB Film \xC2\xBB REVIEW: \xE2\x80\x98"
              "Ballerina\xE2\x80\x99",
              NULL, NULL);
}

static void test_work_and_year_from_fields(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "work", "Ballerina");
    sg_t_field(&f, "year", "2023");
    sg_t_find(&f);
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.year, "2023");
    sg_t_free(&f);
}

/* ---- genres ---------------------------------------------------------------------- */

static void sg_t_genres(const sg_meta *m, const char *const *want, size_t n)
{
    if (m->ngenres != n)
        for (size_t i = 0; i < m->ngenres; i++)
            print_error("genre[%zu] = '%s'\n", i, m->genres[i]);
    assert_int_equal(m->ngenres, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(m->genres[i], want[i]);
}

static void test_genres_from_a_genre_line(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(
        &f, "Review Ballerina (2023): empty\n\ngenre: action, thriller, gun fu\n\nText.");
    sg_t_find(&f);
    static const char *const want[] = {"action", "thriller", "gun fu"};
    sg_t_genres(&f.m, want, 3);
    sg_t_free(&f);
}

static void test_genres_from_front_matter_lists(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Genre: comedy\n\nText.");
    sg_t_field(&f, "genres", "Action");
    sg_t_field(&f, "genres", "Thriller");
    sg_t_field(&f, "genres", "action");
    sg_t_find(&f);
    static const char *const want[] = {"Action", "Thriller"};
    sg_t_genres(&f.m, want, 2);
    sg_t_free(&f);
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "genre", "[\"Action\", \"Thriller\"]");
    sg_t_find(&f);
    sg_t_genres(&f.m, want, 2);
    sg_t_free(&f);
}

static void test_genres_from_tags_and_keywords_last(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "keywords", "korean film, thriller");
    sg_t_field(&f, "tags", "drama | revenge");
    sg_t_find(&f);
    static const char *const tags[] = {"drama"};
    sg_t_genres(&f.m, tags, 1);
    sg_t_free(&f);
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "keywords", "korean film, thriller");
    sg_t_find(&f);
    static const char *const kw[] = {"thriller"};
    sg_t_genres(&f.m, kw, 1);
    sg_t_free(&f);
}

/* Tags name the site's sections, the work, its people and "review": only
 * the genres among them are genres. */
static void test_tags_that_are_not_genres_are_left_out(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "tags", "movie");
    sg_t_field(&f, "tags", "review");
    sg_t_field(&f, "tags", "A+");
    sg_t_field(&f, "tags", "Joker");
    sg_t_field(&f, "tags", "bela lugosi");
    sg_t_field(&f, "tags", "1934");
    sg_t_field(&f, "tags", "Korean film");
    sg_t_field(&f, "tags", "netflix");
    sg_t_find(&f);
    sg_t_genres(&f.m, NULL, 0);
    sg_t_free(&f);
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "tags", "[Books, Science Fiction, Horror Movies, Sci-Fi, thrillers]");
    sg_t_field(&f, "categories", "Action/Adventure");
    sg_t_find(&f);
    static const char *const want[] = {"Science Fiction", "Horror Movies", "Sci-Fi",
                                       "thrillers"};
    sg_t_genres(&f.m, want, 4);
    sg_t_free(&f);
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "categories", "Action/Adventure");
    sg_t_field(&f, "categories", "Horror Comedy");
    sg_t_find(&f);
    static const char *const runs[] = {"Action/Adventure", "Horror Comedy"};
    sg_t_genres(&f.m, runs, 2);
    sg_t_free(&f);
}

/* Front matter read by the real Markdown reader: a genres field is taken as
 * it is, tags beside it are not genres. */
static void test_front_matter_genres_beat_tags(void **state)
{
    (void)state;
    static const char *const docs[] = {
        "---\ntitle: Salt Road\ntags: [movie, review, A+, Salt Road]\n---\n\nText.\n",
        "---\ntitle: Salt Road\ngenres:\n  - Horror\n  - Thriller\ntags:\n  - "
        "review\n---\n\n"
        "Text.\n",
        "+++\ntitle = \"Salt Road\"\ntags = [\"fantasy\", \"Cosmere\"]\n+++\n\nText.\n"};
    static const char *const want1[] = {"Horror", "Thriller"};
    static const char *const want2[] = {"fantasy"};
    for (size_t k = 0; k < 3; k++) {
        sg_doc d;
        sg_error err;
        assert_int_equal(
            sg_doc_read(&d, docs[k], strlen(docs[k]), SG_FORMAT_MARKDOWN, 64, &err),
            SG_OK);
        sg_meta m;
        sg_meta_find(&d, NULL, 0, &m);
        assert_string_equal(m.title, "Salt Road");
        if (k == 0)
            sg_t_genres(&m, NULL, 0);
        else
            sg_t_genres(&m, k == 1 ? want1 : want2, k == 1 ? 2 : 1);
        sg_meta_clear(&m);
        sg_doc_free(&d);
    }
}

/* ---- author and date --------------------------------------------------------------- */

static void sg_t_byline(const char *spec, const char *author, const char *date)
{
    sg_t_fix f;
    sg_t_build(&f, spec);
    sg_t_find(&f);
    sg_t_str(f.m.author, author);
    sg_t_str(f.m.date, date);
    sg_t_free(&f);
}

static void test_author_and_date_from_posted_by_line(void **state)
{
    (void)state;
    sg_t_byline("Ballerina Review\n\nOctober 12, 2023 | Posted by Rob Stewart\n\nText.",
                "Rob Stewart", "2023-10-12");
}

static void test_author_from_by_line(void **state)
{
    (void)state;
    sg_t_byline("@b By Jane van der Berg \xC2\xB7 12 October 2023\n\nText.",
                "Jane van der Berg", "2023-10-12");
    sg_t_byline("Written by Kim Ji-hoon on Oct. 6th, 2023\n\nText.", "Kim Ji-hoon",
                "2023-10-06");
}

static void test_author_and_date_from_glued_byline(void **state)
{
    (void)state;
    sg_t_byline("@n 08/07/2025\n\nREVIEW: 'Ballerina' Is Good\n\n"
                "@b Sarah MusnickyBy Sarah Musnicky10/06/20234 Mins "
                "ReadUpdated:03/18/2024\n\nText.",
                "Sarah Musnicky", "2023-10-06");
}

static void test_prose_by_is_not_an_author(void **state)
{
    (void)state;
    sg_t_byline(
        "By the end of the film she is alone.\n\nIt was directed by Lee Chung-hyun.",
        NULL, NULL);
    sg_t_byline("@r By William Tucker08/06/2025\n\nText.", NULL, NULL);
}

static void test_author_from_fields_skips_urls(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "By Jane Doe\n\nText.");
    sg_t_field(&f, "article:author", "https://example.com/jane");
    sg_t_find(&f);
    sg_t_str(f.m.author, "Jane Doe");
    sg_t_free(&f);
    sg_t_build(&f, "By Jane Doe\n\nText.");
    sg_t_field(&f, "author", "Rob Stewart");
    sg_t_find(&f);
    sg_t_str(f.m.author, "Rob Stewart");
    sg_t_free(&f);
}

static void test_date_from_fields_is_iso(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "October 12, 2023\n\nText.");
    sg_t_field(&f, "article:published_time", "2023-10-06T09:00:00+08:00");
    sg_t_find(&f);
    sg_t_str(f.m.date, "2023-10-06");
    sg_t_free(&f);
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "date", "25/12/2023");
    sg_t_find(&f);
    sg_t_str(f.m.date, "2023-12-25");
    sg_t_free(&f);
}

/* A WordPress export's front matter: post_title, post_date, and a
 * "published: true" that says whether, not when. */
static void test_wordpress_export_fields(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "post_title", "The Black Lagoon (1954)");
    sg_t_field(&f, "author", "matt");
    sg_t_field(&f, "published", "true");
    sg_t_field(&f, "post_date", "2014-10-10 21:25:59");
    sg_t_find(&f);
    sg_t_str(f.m.title, "The Black Lagoon (1954)");
    sg_t_str(f.m.author, "matt");
    sg_t_str(f.m.date, "2014-10-10");
    sg_t_free(&f);
    /* no date at all: none, not "true" */
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "published", "true");
    sg_t_find(&f);
    sg_t_str(f.m.date, NULL);
    sg_t_free(&f);
}

/* Pelican's and MultiMarkdown's metadata header, read by the real Markdown
 * reader: its lines are front matter; a text whose first lines only look
 * like it (no title among them) keeps its first line as the title. */
static void test_metadata_header_lines(void **state)
{
    (void)state;
    static const char pelican[] =
        "Title: Salt Road\nDate: 2015-04-11 15:42\nAuthor: kevin\n"
        "Category: Reviews\nTags: film, horror, review\n\n"
        "A ferry pilot finds a map.\n";
    static const char notes[] =
        "Note: this post is long.\nWarning: it tells the ending.\n\n"
        "A ferry pilot finds a map.\n";
    sg_doc d;
    sg_error err;
    sg_meta m;
    assert_int_equal(
        sg_doc_read(&d, pelican, sizeof pelican - 1, SG_FORMAT_MARKDOWN, 64, &err),
        SG_OK);
    sg_meta_find(&d, NULL, 0, &m);
    sg_t_str(m.title, "Salt Road");
    sg_t_str(m.date, "2015-04-11");
    sg_t_str(m.author, "kevin");
    static const char *const genres[] = {"horror"};
    sg_t_genres(&m, genres, 1);
    sg_meta_clear(&m);
    sg_doc_free(&d);
    assert_int_equal(
        sg_doc_read(&d, notes, sizeof notes - 1, SG_FORMAT_MARKDOWN, 64, &err), SG_OK);
    sg_meta_find(&d, NULL, 0, &m);
    assert_non_null(m.title);
    assert_non_null(strstr(m.title, "Note: this post is long."));
    sg_t_str(m.author, NULL);
    sg_meta_clear(&m);
    sg_doc_free(&d);
}

static void test_unparsed_date_is_kept_as_written(void **state)
{
    (void)state;
    sg_t_fix f;
    sg_t_build(&f, "Text.");
    sg_t_field(&f, "date", "Autumn 2023");
    sg_t_find(&f);
    sg_t_str(f.m.date, "Autumn 2023");
    sg_t_free(&f);
}

static void test_date_under_the_headline(void **state)
{
    (void)state;
    sg_t_byline("Ballerina Review\n\nSept 3 2023\n\nText.", NULL, "2023-09-03");
    sg_t_byline("Ballerina Review\n\n2023/10/06\n\nText.", NULL, "2023-10-06");
    sg_t_byline("Ballerina Review\n\nText on 31/02/2023 is no date.", NULL, NULL);
}

/* ---- the excerpt ------------------------------------------------------------------- */

static char *sg_t_excerpt(sg_t_fix *f, const char *spec, const char *flag_containing)
{
    sg_t_build(f, spec);
    unsigned char *flagged = calloc(f->d.ns + 1, 1);
    assert_non_null(flagged);
    for (size_t i = 0; flag_containing && i < f->d.ns; i++) {
        const char *t = f->d.doc.view.data + f->d.s[i].view_start;
        size_t n = f->d.s[i].view_end - f->d.s[i].view_start;
        if (memmem(t, n, flag_containing, strlen(flag_containing)))
            flagged[i] = 1;
    }
    char *ex = sg_meta_excerpt(&f->d.doc, f->d.s, f->d.ns, flagged);
    free(flagged);
    return ex;
}

static void test_excerpt_skips_flagged_sentences(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex = sg_t_excerpt(&f,
                            "A retired bodyguard looks into a friend's death. "
                            "In the end the boss dies in a fire. The fights are stylish.",
                            "boss dies");
    sg_t_str(ex,
             "A retired bodyguard looks into a friend's death. The fights are stylish.");
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_skips_headings_bylines_and_short_lines(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex =
        sg_t_excerpt(&f,
                     "Ballerina Review\n\n# A Heading Sentence That Is Long Enough.\n\n"
                     "Posted by Rob Stewart on a Monday.\n\nGenre: action, thriller\n\n"
                     "Image Credit: Yoo Eun Mi/Netflix\n\nShort one.\n\n"
                     "- A list item that is also long enough to count.\n\n"
                     "John Wick changed everything for action films.",
                     NULL);
    sg_t_str(ex, "John Wick changed everything for action films.");
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_starts_under_the_headline(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex = sg_t_excerpt(
        &f,
        "It's been 5 years since a show ended. Why haven't you watched it?\n\n"
        "REVIEW: 'Ballerina' Is Beautifully Shot\n\n"
        "Revenge-focused action films are a dime a dozen.",
        NULL);
    sg_t_str(ex, "Revenge-focused action films are a dime a dozen.");
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_is_cut_at_a_word_with_an_ellipsis(void **state)
{
    (void)state;
    sg_t_fix f;
    char spec[1024];
    snprintf(spec, sizeof spec, "Short start here, then more.   %s %s", sg_t_para,
             sg_t_para);
    char *ex = sg_t_excerpt(&f, spec, NULL);
    assert_non_null(ex);
    size_t n = strlen(ex);
    assert_true(n <= 160);
    assert_true(n > 100);
    assert_memory_equal(ex + n - 3, "\xE2\x80\xA6", 3);
    /* the cut follows a whole word of the text */
    assert_true(ex[n - 4] != ' ' && ex[n - 4] != ',');
    char word[200];
    memcpy(word, ex, n - 3);
    word[n - 3] = '\0';
    assert_non_null(strstr(spec, strrchr(word, ' ') + 1));
    assert_null(strstr(ex, "  "));
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_keeps_whole_sentences_when_they_fill_it(void **state)
{
    (void)state;
    sg_t_fix f;
    char spec[1024];
    snprintf(spec, sizeof spec, "%s %s", sg_t_para, sg_t_para);
    char *ex = sg_t_excerpt(&f, spec, NULL);
    sg_t_str(ex, sg_t_para);
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_never_cuts_inside_a_utf8_character(void **state)
{
    (void)state;
    sg_t_fix f;
    char spec[600];
    size_t k = 0;
    for (int i = 0; i < 120; i++) {
        spec[k++] = (char)0xC3;
        spec[k++] = (char)0xA9;
    }
    spec[k++] = '.';
    spec[k] = '\0';
    char *ex = sg_t_excerpt(&f, spec, NULL);
    assert_non_null(ex);
    size_t n = strlen(ex);
    assert_true(n <= 160);
    assert_memory_equal(ex + n - 3, "\xE2\x80\xA6", 3);
    /* an even number of bytes of "é" before the ellipsis */
    assert_int_equal((n - 3) % 2, 0);
    free(ex);
    sg_t_free(&f);
}

static void test_excerpt_is_null_when_nothing_fits(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex = sg_t_excerpt(
        &f, "# Only A Heading Here.\n\nTiny.\n\n@r A related post that is long.", NULL);
    assert_null(ex);
    sg_t_free(&f);
    ex = sg_t_excerpt(&f, "Everything here is a spoiler and flagged.", "spoiler");
    assert_null(ex);
    sg_t_free(&f);
}

static void test_excerpt_turns_nul_bytes_into_spaces(void **state)
{
    (void)state;
    static const char src[] = "A sentence with a\0NUL byte inside of it.";
    sg_doc d;
    sg_t_doc_whole(&d, src, sizeof src - 1);
    sg_sentence s = {0, 0, d.len, 0, d.len};
    char *ex = sg_meta_excerpt(&d, &s, 1, NULL);
    sg_t_str(ex, "A sentence with a NUL byte inside of it.");
    free(ex);
    sg_meta m;
    sg_meta_find(&d, &s, 1, &m);
    sg_meta_clear(&m);
    sg_meta_clear(&m);
    sg_doc_free(&d);
}

static void test_empty_doc_has_no_metadata(void **state)
{
    (void)state;
    sg_doc d;
    memset(&d, 0, sizeof d);
    sg_meta m;
    sg_meta_find(&d, NULL, 0, &m);
    assert_null(m.title);
    assert_null(m.work);
    assert_null(m.author);
    assert_null(m.date);
    assert_int_equal(m.ngenres, 0);
    assert_null(sg_meta_excerpt(&d, NULL, 0, NULL));
    sg_meta_clear(&m);
    sg_meta_clear(NULL);
}

/* ---- the seeds, read by the real plain reader ------------------------------------ */

/* Read a seed as plain text; 0 (and a message) when the corpus is absent. */
static int sg_t_seed(const char *name, sg_t_fix *f, char **excerpt)
{
    memset(&f->m, 0, sizeof f->m);
    if (!sg_t_doc_seed(&f->d, name))
        return 0;
    sg_t_find(f);
    *excerpt = sg_meta_excerpt(&f->d.doc, f->d.s, f->d.ns, NULL);
    if (*excerpt) {
        assert_true(strlen(*excerpt) <= 160);
        assert_null(strstr(*excerpt, "Image Credit"));
        assert_null(strstr(*excerpt, "Photo:"));
        /* the headline is not part of it */
        if (f->m.title)
            assert_null(strstr(*excerpt, f->m.title));
    }
    return 1;
}

static void test_seed_411mania_metadata(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex;
    if (!sg_t_seed("ballerina-411mania.txt", &f, &ex)) {
        skip();
        return;
    }
    sg_t_str(f.m.title, "Ballerina Review");
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.author, "Rob Stewart");
    sg_t_str(f.m.date, "2023-10-12");
    assert_non_null(ex);
    free(ex);
    sg_t_free(&f);
}

static void test_seed_butwhytho_metadata(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex;
    if (!sg_t_seed("ballerina-butwhytho.txt", &f, &ex)) {
        skip();
        return;
    }
    assert_non_null(f.m.title);
    assert_non_null(strstr(f.m.title, "Ballerina"));
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.author, "Sarah Musnicky");
    sg_t_str(f.m.date, "2023-10-06");
    assert_non_null(ex);
    free(ex);
    sg_t_free(&f);
}

static void test_seed_scmp_metadata(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex;
    if (!sg_t_seed("ballerina-scmp.txt", &f, &ex)) {
        skip();
        return;
    }
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.author, NULL);
    sg_t_str(f.m.date, NULL);
    assert_non_null(ex);
    free(ex);
    sg_t_free(&f);
}

static void test_seed_user_review_metadata(void **state)
{
    (void)state;
    sg_t_fix f;
    char *ex;
    if (!sg_t_seed("ballerina-user-review.txt", &f, &ex)) {
        skip();
        return;
    }
    assert_non_null(f.m.title);
    assert_non_null(strstr(f.m.title, "Ballerina (2023)"));
    sg_t_str(f.m.work, "Ballerina");
    sg_t_str(f.m.year, "2023");
    static const char *const want[] = {"action", "thriller", "gun fu"};
    sg_t_genres(&f.m, want, 3);
    assert_non_null(ex);
    assert_null(strstr(ex, "genre"));
    free(ex);
    sg_t_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_from_front_matter_comes_first),
        cmocka_unit_test(test_title_from_og_title),
        cmocka_unit_test(test_title_from_html_title_drops_the_site_name),
        cmocka_unit_test(test_title_from_the_review_headline_not_the_breadcrumb),
        cmocka_unit_test(test_title_falls_back_to_first_heading_then_first_line),
        cmocka_unit_test(test_work_and_year_from_review_prefix_form),
        cmocka_unit_test(test_work_from_review_colon_quoted_form),
        cmocka_unit_test(test_work_from_medium_review_colon_form),
        cmocka_unit_test(test_work_from_title_review_suffix_form),
        cmocka_unit_test(test_work_from_quoted_title_review_colon_form),
        cmocka_unit_test(test_work_from_review_of_form),
        cmocka_unit_test(test_no_work_without_a_review_headline),
        cmocka_unit_test(test_work_and_year_from_fields),
        cmocka_unit_test(test_genres_from_a_genre_line),
        cmocka_unit_test(test_genres_from_front_matter_lists),
        cmocka_unit_test(test_genres_from_tags_and_keywords_last),
        cmocka_unit_test(test_tags_that_are_not_genres_are_left_out),
        cmocka_unit_test(test_front_matter_genres_beat_tags),
        cmocka_unit_test(test_wordpress_export_fields),
        cmocka_unit_test(test_metadata_header_lines),
        cmocka_unit_test(test_author_and_date_from_posted_by_line),
        cmocka_unit_test(test_author_from_by_line),
        cmocka_unit_test(test_author_and_date_from_glued_byline),
        cmocka_unit_test(test_prose_by_is_not_an_author),
        cmocka_unit_test(test_author_from_fields_skips_urls),
        cmocka_unit_test(test_date_from_fields_is_iso),
        cmocka_unit_test(test_unparsed_date_is_kept_as_written),
        cmocka_unit_test(test_date_under_the_headline),
        cmocka_unit_test(test_excerpt_skips_flagged_sentences),
        cmocka_unit_test(test_excerpt_skips_headings_bylines_and_short_lines),
        cmocka_unit_test(test_excerpt_starts_under_the_headline),
        cmocka_unit_test(test_excerpt_is_cut_at_a_word_with_an_ellipsis),
        cmocka_unit_test(test_excerpt_keeps_whole_sentences_when_they_fill_it),
        cmocka_unit_test(test_excerpt_never_cuts_inside_a_utf8_character),
        cmocka_unit_test(test_excerpt_is_null_when_nothing_fits),
        cmocka_unit_test(test_excerpt_turns_nul_bytes_into_spaces),
        cmocka_unit_test(test_empty_doc_has_no_metadata),
        cmocka_unit_test(test_seed_411mania_metadata),
        cmocka_unit_test(test_seed_butwhytho_metadata),
        cmocka_unit_test(test_control_bytes_make_no_title),
        cmocka_unit_test(test_seed_scmp_metadata),
        cmocka_unit_test(test_seed_user_review_metadata),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
