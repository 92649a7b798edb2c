/* Sentence segmentation: the cases reviews throw at it, span properties on
 * random input, linear time on huge input, and the seed corpus labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_test_util.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* ---- collecting and showing spans ---------------------------------------- */

typedef struct sg_t_spans {
    sg_span *v;
    size_t n, cap;
} sg_t_spans;

static void sg_t_collect(void *ctx, size_t start, size_t end)
{
    sg_t_spans *sp = ctx;
    if (sp->n == sp->cap) {
        size_t cap = sp->cap ? sp->cap * 2 : 64;
        sg_span *v = realloc(sp->v, cap * sizeof *v);
        assert_non_null(v);
        sp->v = v;
        sp->cap = cap;
    }
    sp->v[sp->n].start = start;
    sp->v[sp->n].end = end;
    sp->n++;
}

static void sg_t_segment(const char *text, size_t n, sg_t_spans *sp)
{
    memset(sp, 0, sizeof *sp);
    sg_segment(text, n, sg_t_collect, sp);
}

/* Print `n` bytes quoted, with control and non-ASCII-invalid bytes escaped. */
static void sg_t_print_quoted(const char *s, size_t n)
{
    size_t i;
    print_error("\"");
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            print_error("\\n");
        else if (c == '\t')
            print_error("\\t");
        else if (c == '"' || c == '\\')
            print_error("\\%c", c);
        else if (c < 0x20 || c == 0x7F)
            print_error("\\x%02X", c);
        else
            print_error("%c", c);
    }
    print_error("\"");
}

static void sg_t_show(const char *input, size_t n, const sg_t_spans *sp,
                      const char *const *want, size_t nwant)
{
    size_t k;
    print_error("input: ");
    sg_t_print_quoted(input, n);
    print_error("\nexpected %zu sentence(s):\n", nwant);
    for (k = 0; k < nwant; k++) {
        print_error("  ");
        sg_t_print_quoted(want[k], strlen(want[k]));
        print_error("\n");
    }
    print_error("got %zu sentence(s):\n", sp->n);
    for (k = 0; k < sp->n; k++) {
        print_error("  [%zu,%zu) ", sp->v[k].start, sp->v[k].end);
        if (sp->v[k].start <= sp->v[k].end && sp->v[k].end <= n)
            sg_t_print_quoted(input + sp->v[k].start, sp->v[k].end - sp->v[k].start);
        print_error("\n");
    }
}

/* Segment `input` (n bytes) and require exactly the sentences `want`, of
 * lengths `want_len` (strlen when NULL, so NUL bytes need explicit lengths);
 * on a difference, print the input and both lists. */
static void sg_t_expect_n(const char *input, size_t n, const char *const *want,
                          const size_t *want_len, size_t nwant)
{
    sg_t_spans sp;
    size_t k;
    int ok;

    sg_t_segment(input, n, &sp);
    ok = sp.n == nwant;
    for (k = 0; ok && k < nwant; k++) {
        size_t len = want_len ? want_len[k] : strlen(want[k]);
        ok = sp.v[k].end >= sp.v[k].start && sp.v[k].end <= n &&
             sp.v[k].end - sp.v[k].start == len &&
             memcmp(input + sp.v[k].start, want[k], len) == 0;
    }
    if (!ok) {
        sg_t_show(input, n, &sp, want, nwant);
        free(sp.v);
        fail_msg("segmentation differs for the input above");
    }
    free(sp.v);
}

#define SG_T_WANT(...) ((const char *const[]){__VA_ARGS__})
#define SG_T_NWANT(...)                                                                  \
    (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
/* SG_EXPECT(input, "first sentence", "second sentence", ...) */
#define SG_EXPECT(input, ...)                                                            \
    sg_t_expect_n((input), strlen(input), SG_T_WANT(__VA_ARGS__), NULL,                  \
                  SG_T_NWANT(__VA_ARGS__))

static void sg_t_expect_none(const char *input, size_t n)
{
    sg_t_spans sp;
    sg_t_segment(input, n, &sp);
    if (sp.n != 0) {
        sg_t_show(input, n, &sp, NULL, 0);
        free(sp.v);
        fail_msg("expected no sentences");
    }
    free(sp.v);
}

/* ---- span properties ----------------------------------------------------- */

/* Length of the whitespace character at t[i], 0 if none (the same set the
 * segmenter trims: ASCII space and line breaks, NEL, NBSP, U+2000-U+200B,
 * U+2028, U+2029, U+202F, U+205F, U+3000, BOM). */
static size_t sg_t_space_len(const unsigned char *t, size_t n, size_t i)
{
    unsigned char c = t[i];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2 && i + 1 < n && (t[i + 1] == 0x85 || t[i + 1] == 0xA0))
        return 2;
    if (i + 2 < n) {
        unsigned char a = t[i + 1], b = t[i + 2];
        if (c == 0xE2 && a == 0x80 &&
            ((b >= 0x80 && b <= 0x8B) || b == 0xA8 || b == 0xA9 || b == 0xAF))
            return 3;
        if (c == 0xE2 && a == 0x81 && b == 0x9F)
            return 3;
        if (c == 0xE3 && a == 0x80 && b == 0x80)
            return 3;
        if (c == 0xEF && a == 0xBB && b == 0xBF)
            return 3;
    }
    return 0;
}

/* Does t[s, e) end with a whitespace character? */
static int sg_t_ends_with_space(const unsigned char *t, size_t s, size_t e)
{
    size_t k;
    for (k = 1; k <= 3 && k <= e - s; k++) {
        if (sg_t_space_len(t, e, e - k) == k)
            return 1;
    }
    return 0;
}

/* Spans are in order, non-overlapping, non-empty, trimmed, and every byte
 * outside them is whitespace.  Prints `what` when one fails. */
static void sg_t_check_props(const char *text, size_t n, const sg_t_spans *sp,
                             const char *what)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t k, prev = 0;

    for (k = 0; k <= sp->n; k++) {
        size_t gap_end = k < sp->n ? sp->v[k].start : n;
        size_t i = prev;
        if (k < sp->n) {
            const sg_span *s = &sp->v[k];
            if (!(s->start >= prev && s->start < s->end && s->end <= n)) {
                print_error("%s: span %zu [%zu,%zu) out of order or empty "
                            "(previous end %zu, length %zu)\n",
                            what, k, s->start, s->end, prev, n);
                fail();
            }
            if (sg_t_space_len(t, n, s->start) ||
                sg_t_ends_with_space(t, s->start, s->end)) {
                print_error("%s: span %zu [%zu,%zu) not trimmed\n", what, k, s->start,
                            s->end);
                fail();
            }
        }
        while (i < gap_end) {
            size_t l = sg_t_space_len(t, gap_end, i);
            if (!l) {
                print_error("%s: byte %zu (0x%02X) lies in no sentence\n", what, i, t[i]);
                fail();
            }
            i += l;
        }
        if (k < sp->n)
            prev = sp->v[k].end;
    }
}

/* ---- behaviours ---------------------------------------------------------- */

static void splits_plain_sentences(void **state)
{
    (void)state;
    SG_EXPECT("The film opens quietly. Then it explodes! Does it work? Mostly.",
              "The film opens quietly.", "Then it explodes!", "Does it work?", "Mostly.");
}

static void keeps_titles_with_their_names(void **state)
{
    (void)state;
    SG_EXPECT("Dr. Kim meets Mr. Park and Mrs. Lee. Ms. Choi waits on St. James "
              "Street with Prof. Han.",
              "Dr. Kim meets Mr. Park and Mrs. Lee.",
              "Ms. Choi waits on St. James Street with Prof. Han.");
}

static void keeps_latin_and_comparison_abbreviations(void **state)
{
    (void)state;
    SG_EXPECT("It borrows from classics, e.g. Oldboy, i.e. revenge films. It runs "
              "approx. 90 minutes, etc. and more. Kramer vs. Kramer is older.",
              "It borrows from classics, e.g. Oldboy, i.e. revenge films.",
              "It runs approx. 90 minutes, etc. and more.",
              "Kramer vs. Kramer is older.");
    SG_EXPECT("Compare E.g. Oldboy. Kramer VS. Kramer.", "Compare E.g. Oldboy.",
              "Kramer VS. Kramer.");
}

static void ends_after_final_abbreviation_before_new_sentence(void **state)
{
    (void)state;
    SG_EXPECT("They sell toys, games, etc. The film ignores them. It was shot in "
              "the U.S. He loved it. Made by Acme Inc. It shows.",
              "They sell toys, games, etc.", "The film ignores them.",
              "It was shot in the U.S.", "He loved it.", "Made by Acme Inc.",
              "It shows.");
}

static void keeps_initialisms_and_times_mid_sentence(void **state)
{
    (void)state;
    SG_EXPECT("The U.S. Army and the U.K. Home Office meet at 9 a.m. Monday, and "
              "Acme Ltd. Pictures screens it at 8 p.m. sharp.",
              "The U.S. Army and the U.K. Home Office meet at 9 a.m. Monday, and "
              "Acme Ltd. Pictures screens it at 8 p.m. sharp.");
    SG_EXPECT("Warner Bros. Pictures and Robert Downey Jr. star in the F.B.I. "
              "Files sequel.",
              "Warner Bros. Pictures and Robert Downey Jr. star in the F.B.I. "
              "Files sequel.");
}

static void keeps_number_labels_before_numbers(void **state)
{
    (void)state;
    SG_EXPECT("It is No. 1 on the chart and Vol. 2 is due on Oct. 6 this year. "
              "See Ch. IV and p. 12 too. No. The answer is no.",
              "It is No. 1 on the chart and Vol. 2 is due on Oct. 6 this year.",
              "See Ch. IV and p. 12 too.", "No.", "The answer is no.");
}

static void keeps_initials_in_names(void **state)
{
    (void)state;
    SG_EXPECT("J. R. R. Tolkien wrote it. Lee J. Cobb starred in it. The hero is "
              "Malcolm X. He wins. J. A. Bayona directs.",
              "J. R. R. Tolkien wrote it.", "Lee J. Cobb starred in it.",
              "The hero is Malcolm X.", "He wins.", "J. A. Bayona directs.");
}

static void ellipsis_before_lowercase_continues(void **state)
{
    (void)state;
    SG_EXPECT("From then on\xE2\x80\xA6 it\xE2\x80\x99s a familiar ride! It has "
              "stunts... and more stunts. Alone\xE2\x80\xA6 by choice.",
              "From then on\xE2\x80\xA6 it\xE2\x80\x99s a familiar ride!",
              "It has stunts... and more stunts.", "Alone\xE2\x80\xA6 by choice.");
}

static void ellipsis_before_capital_ends(void **state)
{
    (void)state;
    SG_EXPECT("He waits... Then the door opens. She hesitates\xE2\x80\xA6 Nothing "
              "happens. Wait . . . Now.",
              "He waits...", "Then the door opens.", "She hesitates\xE2\x80\xA6",
              "Nothing happens.", "Wait . . .", "Now.");
}

static void ends_after_closing_straight_quote(void **state)
{
    (void)state;
    SG_EXPECT("He said \"Go.\" Then he left. She asked 'Why?' Nobody answered.",
              "He said \"Go.\"", "Then he left.", "She asked 'Why?'", "Nobody answered.");
}

static void ends_after_curly_quotes_and_brackets(void **state)
{
    (void)state;
    SG_EXPECT("She whispers \xE2\x80\x9CRun.\xE2\x80\x9D He runs. "
              "\xE2\x80\x98Stop!\xE2\x80\x99 They stop. "
              "\xC2\xABThe end.\xC2\xBB Credits roll. (He survives.) Or does he? "
              "He calls it \xE2\x80\x98kitsch.\xE2\x80\x99 Then he sleeps.",
              "She whispers \xE2\x80\x9CRun.\xE2\x80\x9D", "He runs.",
              "\xE2\x80\x98Stop!\xE2\x80\x99", "They stop.", "\xC2\xABThe end.\xC2\xBB",
              "Credits roll.", "(He survives.)", "Or does he?",
              "He calls it \xE2\x80\x98kitsch.\xE2\x80\x99", "Then he sleeps.");
}

static void quote_then_lowercase_continues(void **state)
{
    (void)state;
    SG_EXPECT("\"Run!\" she screams. \xE2\x80\x9CWhere?\xE2\x80\x9D he asks.",
              "\"Run!\" she screams.", "\xE2\x80\x9CWhere?\xE2\x80\x9D he asks.");
}

static void keeps_decimal_scores_and_amounts(void **state)
{
    (void)state;
    SG_EXPECT("I give it 7.5/10 and 3.5 stars. It made $30.5 million at 1.5x "
              "speed. Rated 8.5. Great.",
              "I give it 7.5/10 and 3.5 stars.", "It made $30.5 million at 1.5x speed.",
              "Rated 8.5.", "Great.");
}

static void keeps_urls_and_domains(void **state)
{
    (void)state;
    SG_EXPECT("Stream it on netflix.com tonight. Or see https://www.example.org/"
              "ballerina.html for more. It is free on Netflix.com. Enjoy.",
              "Stream it on netflix.com tonight.",
              "Or see https://www.example.org/ballerina.html for more.",
              "It is free on Netflix.com.", "Enjoy.");
}

static void keeps_hyphenated_korean_names(void **state)
{
    (void)state;
    SG_EXPECT("Jang Ok-ju (Jeon Jong-seo) visits Min-hee at night. Choi Min-Hee "
              "hides a note for Ok-Ju. Lee Chung-hyun keeps it tense.",
              "Jang Ok-ju (Jeon Jong-seo) visits Min-hee at night.",
              "Choi Min-Hee hides a note for Ok-Ju.", "Lee Chung-hyun keeps it tense.");
}

static void ends_on_interrobang_and_double_bang(void **state)
{
    (void)state;
    SG_EXPECT("He is the killer?! Nobody saw it coming!! Really?!? Yes!!! The end.",
              "He is the killer?!", "Nobody saw it coming!!", "Really?!?", "Yes!!!",
              "The end.");
}

static void em_dashes_do_not_end_sentences(void **state)
{
    (void)state;
    SG_EXPECT("She hesitates \xE2\x80\x94 then fires. The chase\xE2\x80\x94short, "
              "brutal\xE2\x80\x94stops at the docks. Revenge films have "
              "rules \xE2\x80\x93 This one follows them.",
              "She hesitates \xE2\x80\x94 then fires.",
              "The chase\xE2\x80\x94short, brutal\xE2\x80\x94stops at the docks.",
              "Revenge films have rules \xE2\x80\x93 This one follows them.");
}

static void keeps_text_without_final_period(void **state)
{
    (void)state;
    SG_EXPECT("It is a fine addition to the genre. No doubts there",
              "It is a fine addition to the genre.", "No doubts there");
    SG_EXPECT("Just one fragment", "Just one fragment");
    SG_EXPECT("Ends with an abbreviation like Mr.", "Ends with an abbreviation like Mr.");
}

static void newline_before_bullet_ends_sentence(void **state)
{
    (void)state;
    SG_EXPECT("Highlights:\n\xE2\x80\xA2 the hallway fight\n- the hotel scene\n"
              "  * the finale\nand more\n+ the score",
              "Highlights:", "\xE2\x80\xA2 the hallway fight", "- the hotel scene",
              "* the finale\nand more", "+ the score");
    SG_EXPECT("Ranked:\n1. Oldboy\n2) Ballerina\n12. Drive", "Ranked:", "1. Oldboy",
              "2) Ballerina", "12. Drive");
    SG_EXPECT("a well-known\n-ish remake", "a well-known\n-ish remake");
}

static void blank_line_always_ends_sentence(void **state)
{
    (void)state;
    SG_EXPECT("First paragraph without a period\n\nSecond one\n \t\nThird.\r\n\r\n"
              "Fourth, after Dr.\n\nFifth",
              "First paragraph without a period", "Second one", "Third.",
              "Fourth, after Dr.", "Fifth");
}

static void soft_line_break_continues_sentence(void **state)
{
    (void)state;
    SG_EXPECT("This sentence wraps\nacross lines. And ends.\nThe next\none too.",
              "This sentence wraps\nacross lines.", "And ends.", "The next\none too.");
}

static void cuts_very_long_sentences_at_whitespace(void **state)
{
    (void)state;
    char buf[12000];
    size_t n = 0, k;
    sg_t_spans sp;

    /* ~1200 bytes with no end, then "; " : cut after the semicolon */
    while (n < 1200)
        n += (size_t)sprintf(buf + n, "word%zu ", n);
    n--;
    n += (size_t)sprintf(buf + n, "; then more words\nand a line");
    sg_t_segment(buf, n, &sp);
    sg_t_check_props(buf, n, &sp, "long sentence with a semicolon");
    if (sp.n != 2 || buf[sp.v[0].end - 1] != ';' ||
        strncmp(buf + sp.v[1].start, "then more", 9) != 0) {
        sg_t_show(buf, n, &sp, NULL, 0);
        fail_msg("expected one cut, after the semicolon");
    }
    free(sp.v);

    /* ~1200 bytes with no end, then a line break: cut at the line break */
    n = 0;
    while (n < 1200)
        n += (size_t)sprintf(buf + n, "word%zu ", n);
    n--;
    n += (size_t)sprintf(buf + n, "\nsecond line");
    sg_t_segment(buf, n, &sp);
    sg_t_check_props(buf, n, &sp, "long sentence with a line break");
    if (sp.n != 2 || buf[sp.v[0].end] != '\n' ||
        strncmp(buf + sp.v[1].start, "second line", 11) != 0) {
        sg_t_show(buf, n, &sp, NULL, 0);
        fail_msg("expected one cut, at the line break");
    }
    free(sp.v);

    /* ~9000 bytes of words, no punctuation, no newline: cut at spaces only */
    n = 0;
    while (n < 9000)
        n += (size_t)sprintf(buf + n, "wordy%zu ", n);
    sg_t_segment(buf, n, &sp);
    sg_t_check_props(buf, n, &sp, "long sentence of words");
    assert_true(sp.n >= 2);
    for (k = 0; k < sp.n; k++) {
        /* never mid-word: each cut sits next to whitespace */
        assert_true(sp.v[k].start == 0 || buf[sp.v[k].start - 1] == ' ');
        assert_true(sp.v[k].end == n || buf[sp.v[k].end] == ' ');
        assert_true(sp.v[k].end - sp.v[k].start <= 4100);
    }
    free(sp.v);

    /* a short sentence keeps its semicolons and line breaks */
    SG_EXPECT("He runs; she hides\nand waits.", "He runs; she hides\nand waits.");
}

static void trims_surrounding_whitespace(void **state)
{
    (void)state;
    SG_EXPECT("  \t Hello there.  \n  General Kenobi!  \xC2\xA0\xE3\x80\x80",
              "Hello there.", "General Kenobi!");
    SG_EXPECT("\xEF\xBB\xBFStarts with a mark.\xC2\xA0Next.", "Starts with a mark.",
              "Next.");
}

static void empty_and_blank_input_give_nothing(void **state)
{
    (void)state;
    sg_t_expect_none("", 0);
    sg_t_expect_none("   \n\n \t\r\n\xC2\xA0", 11);
    sg_segment(NULL, 5, sg_t_collect, NULL); /* no text: no call */
}

static void keeps_invalid_utf8_and_nul_bytes(void **state)
{
    (void)state;
    static const char in[] = "Bad \xFF\xFE bytes. Next\0one. \xE2\x80 Third.\xC2";
    static const char *const want[] = {"Bad \xFF\xFE bytes.", "Next\0one.",
                                       "\xE2\x80 Third.\xC2"};
    static const size_t want_len[] = {13, 9, 10};
    sg_t_expect_n(in, sizeof in - 1, want, want_len, 3);
}

static void ends_at_cjk_full_stops(void **state)
{
    (void)state;
    SG_EXPECT("\xE5\xBD\xBC\xE3\x80\x82\xE5\xA5\xB9\xEF\xBC\x81 Done.",
              "\xE5\xBD\xBC\xE3\x80\x82", "\xE5\xA5\xB9\xEF\xBC\x81", "Done.");
}

/* ---- properties ---------------------------------------------------------- */

static uint64_t sg_t_rng = 0x9E3779B97F4A7C15u;

static uint32_t sg_t_rand(void)
{
    sg_t_rng ^= sg_t_rng << 13;
    sg_t_rng ^= sg_t_rng >> 7;
    sg_t_rng ^= sg_t_rng << 17;
    return (uint32_t)(sg_t_rng >> 32);
}

static const char *const sg_t_tokens[] = {
    "the",
    "He",
    "Dr",
    "J",
    "Ok-ju",
    "U",
    "S",
    "e",
    "g",
    "etc",
    "netflix",
    "com",
    "7",
    "5",
    "No",
    "I",
    "The",
    "a",
    "m",
    ".",
    ".",
    ".",
    "!",
    "?",
    "?!",
    "\xE2\x80\xA6",
    "...",
    ". . .",
    "\"",
    "'",
    "\xE2\x80\x9D",
    "\xE2\x80\x99",
    "\xC2\xBB",
    ")",
    "(",
    "\xE2\x80\x9C",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\n\xE2\x80\xA2 ",
    "\n- ",
    "\n1. ",
    "\xC2\xA0",
    "\xE3\x80\x80",
    "\xE2\x80\xA8",
    "\xE2\x80\xA9",
    "\xEF\xBB\xBF",
    "\xC2\x85",
    "\0",
    "\xFF",
    "\xE2\x80",
    "\xC2",
    "\xF0\x9F",
    ";",
    ",",
    ":",
    "\xE2\x80\x94",
    "\xE3\x80\x82",
    "\xEF\xBC\x81",
    "#",
    "IV",
    "\t",
};

static void spans_are_ordered_trimmed_and_cover_text(void **state)
{
    (void)state;
    static char buf[4096];
    int iter;

    sg_t_rng = 12345;
    for (iter = 0; iter < 4000; iter++) {
        size_t n = 0, ntok = sg_t_rand() % 300;
        size_t k;
        sg_t_spans sp;
        char what[64];
        for (k = 0; k < ntok; k++) {
            const char *tok =
                sg_t_tokens[sg_t_rand() % (sizeof sg_t_tokens / sizeof *sg_t_tokens)];
            size_t l = tok[0] ? strlen(tok) : 1; /* "\0" is one NUL byte */
            if (n + l > sizeof buf)
                break;
            memcpy(buf + n, tok, l);
            n += l;
        }
        sg_t_segment(buf, n, &sp);
        snprintf(what, sizeof what, "token text, iteration %d", iter);
        sg_t_check_props(buf, n, &sp, what);
        free(sp.v);
    }
}

static void random_bytes_never_crash(void **state)
{
    (void)state;
    static char buf[2048];
    int iter;

    sg_t_rng = 987654321;
    for (iter = 0; iter < 4000; iter++) {
        size_t n = sg_t_rand() % sizeof buf, k;
        sg_t_spans sp;
        char what[64];
        for (k = 0; k < n; k++)
            buf[k] = (char)(sg_t_rand() & 0xFF);
        sg_t_segment(buf, n, &sp);
        snprintf(what, sizeof what, "random bytes, iteration %d", iter);
        sg_t_check_props(buf, n, &sp, what);
        free(sp.v);
    }
}

/* Fill `n` bytes with `pat` repeated and segment them; checks properties. */
static size_t sg_t_huge(const char *pat, size_t patlen, size_t n)
{
    char *buf = malloc(n);
    size_t k, count;
    sg_t_spans sp;
    char what[96];

    assert_non_null(buf);
    for (k = 0; k < n; k++)
        buf[k] = pat[k % patlen];
    sg_t_segment(buf, n, &sp);
    snprintf(what, sizeof what, "%zu bytes of a repeated pattern of %zu", n, patlen);
    sg_t_check_props(buf, n, &sp, what);
    count = sp.n;
    free(sp.v);
    free(buf);
    return count;
}

#define SG_T_HUGE(pat, n) sg_t_huge((pat), sizeof(pat) - 1, (n))

static void huge_inputs_finish_in_linear_time(void **state)
{
    (void)state;
    const size_t big = (size_t)20 << 20, mid = (size_t)4 << 20;

    /* a 20 MB line with no punctuation, and one with no spaces */
    assert_true(SG_T_HUGE("lorem ipsum dolor ", big) > 1);
    assert_int_equal(SG_T_HUGE("x", big), 1);
    /* runs that each look ahead: terminators, spaces, openers, abbreviations */
    assert_int_equal(SG_T_HUGE(".", mid), 1);
    assert_int_equal(SG_T_HUGE(". ", mid), 1);
    assert_int_equal(SG_T_HUGE("!", mid), 1);
    assert_int_equal(SG_T_HUGE("\"", mid), 1);
    assert_int_equal(SG_T_HUGE(" ", mid), 0);
    assert_int_equal(SG_T_HUGE("\n", mid), 0);
    assert_true(SG_T_HUGE("Dr. ", mid) > 1);
    assert_true(SG_T_HUGE("a. ", mid) > 1);
    assert_true(SG_T_HUGE("It ends. ", mid) > 1);
    assert_true(SG_T_HUGE(". ((((((((((((((((((((", mid) >= 1);
    assert_true(SG_T_HUGE("x.\n \n", mid) > 1);
    assert_true(SG_T_HUGE("J. R. ", mid) > 1);
    assert_true(SG_T_HUGE("\xE2\x80\xA6\xE2\x80\x9D ", mid) >= 1);
    /* one long sentence, then spaces far into the text */
    {
        char *buf = malloc(mid);
        sg_t_spans sp;
        assert_non_null(buf);
        memset(buf, ' ', mid);
        memcpy(buf, "It ends.", 8);
        memcpy(buf + mid - 4, "Next", 4);
        sg_t_segment(buf, mid, &sp);
        sg_t_check_props(buf, mid, &sp, "sentence, 4 MB of spaces, word");
        assert_int_equal(sp.n, 2);
        free(sp.v);
        free(buf);
    }
}

/* ---- the seed corpus ----------------------------------------------------- */

typedef struct sg_t_label {
    char text[512];
    size_t len;
} sg_t_label;

/* The JSON string whose opening quote is at json[*k], cut to fit a label;
 * *k moves past its closing quote. */
static void sg_t_label_at(const char *json, size_t n, size_t *k, sg_t_label *l)
{
    size_t len = 0;
    char *t = sg_t_json_string(json, n, k, &len);
    assert_non_null(t);
    l->len = len < sizeof l->text - 1 ? len : sizeof l->text - 1;
    memcpy(l->text, t, l->len);
    l->text[l->len] = '\0';
    free(t);
}

/* Every "text": "..." value and every string in a "may": [...] list. */
static size_t sg_t_labels(const char *json, size_t n, sg_t_label *out, size_t max)
{
    static const char text_key[] = "\"text\": \"";
    static const char may_key[] = "\"may\": [";
    size_t count = 0, i;

    for (i = 0; i < n && count < max; i++) {
        if (n - i > sizeof text_key - 1 &&
            memcmp(json + i, text_key, sizeof text_key - 1) == 0) {
            size_t k = i + sizeof text_key - 2; /* the opening quote */
            sg_t_label_at(json, n, &k, &out[count]);
            count++;
            i = k - 1;
        } else if (n - i > sizeof may_key - 1 &&
                   memcmp(json + i, may_key, sizeof may_key - 1) == 0) {
            size_t k = i + sizeof may_key - 1;
            for (;;) {
                while (k < n && (json[k] == ' ' || json[k] == '\n' || json[k] == '\r' ||
                                 json[k] == '\t' || json[k] == ','))
                    k++;
                if (k >= n || json[k] != '"' || count >= max)
                    break;
                sg_t_label_at(json, n, &k, &out[count]);
                count++;
            }
            i = k;
        }
    }
    return count;
}

typedef struct sg_t_block_ctx {
    size_t base;
    sg_t_spans *all;
} sg_t_block_ctx;

static void sg_t_collect_at(void *ctx, size_t start, size_t end)
{
    sg_t_block_ctx *b = ctx;
    sg_t_collect(b->all, b->base + start, b->base + end);
}

/* Segment `text` as blocks: each line (by_line) or each blank-line
 * separated paragraph. */
static void sg_t_segment_blocks(const char *text, size_t n, int by_line, sg_t_spans *all)
{
    size_t i = 0;
    memset(all, 0, sizeof *all);
    while (i < n) {
        size_t e = i;
        sg_t_block_ctx b;
        if (by_line) {
            while (e < n && text[e] != '\n')
                e++;
        } else {
            while (e < n && !(text[e] == '\n' && e + 1 < n && text[e + 1] == '\n'))
                e++;
        }
        b.base = i;
        b.all = all;
        sg_segment(text + i, e - i, sg_t_collect_at, &b);
        i = e + 1;
    }
}

static void corpus_labels_stay_within_one_sentence(void **state)
{
    (void)state;
    const char *dir = SG_CORPUS_DIR "/seeds";
    char path[1024];
    char *json;
    size_t jlen, nlabels, k, found_total = 0;
    static sg_t_label labels[256];
    size_t *found;
    DIR *d;
    struct dirent *de;

    snprintf(path, sizeof path, "%s/labels.json", dir);
    json = sg_t_slurp(path, &jlen);
    if (!json) {
        print_message("corpus not found at %s: skipping the corpus test\n", dir);
        skip();
        return;
    }
    nlabels = sg_t_labels(json, jlen, labels, sizeof labels / sizeof *labels);
    free(json);
    assert_true(nlabels > 0);
    found = calloc(nlabels, sizeof *found);
    assert_non_null(found);

    d = opendir(dir);
    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name), tlen;
        char *text;
        int mode;
        if (nl < 5 || strcmp(de->d_name + nl - 4, ".txt") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        text = sg_t_slurp(path, &tlen);
        assert_non_null(text);
        for (mode = 0; mode < 2; mode++) {
            sg_t_spans sp;
            sg_t_segment_blocks(text, tlen, mode == 0, &sp);
            for (k = 0; k < nlabels; k++) {
                const char *at = text;
                size_t left = tlen;
                const char *hit;
                while ((hit = memmem(at, left, labels[k].text, labels[k].len))) {
                    size_t off = (size_t)(hit - text), e = off + labels[k].len, s;
                    int inside = 0;
                    for (s = 0; s < sp.n; s++) {
                        if (sp.v[s].start <= off && e <= sp.v[s].end) {
                            inside = 1;
                            if (sp.v[s].end - sp.v[s].start > 700) {
                                print_error("%s: sentence holding \"%s\" is %zu "
                                            "bytes (over 700)\n",
                                            de->d_name, labels[k].text,
                                            sp.v[s].end - sp.v[s].start);
                                fail();
                            }
                        }
                    }
                    if (!inside) {
                        print_error("%s (%s): \"%s\" at byte %zu is split across "
                                    "sentences:\n",
                                    de->d_name, mode == 0 ? "lines" : "paragraphs",
                                    labels[k].text, off);
                        for (s = 0; s < sp.n; s++) {
                            if (sp.v[s].end > off && sp.v[s].start < e) {
                                print_error("  ");
                                sg_t_print_quoted(text + sp.v[s].start,
                                                  sp.v[s].end - sp.v[s].start);
                                print_error("\n");
                            }
                        }
                        fail();
                    }
                    found[k]++;
                    found_total++;
                    at = hit + 1;
                    left = tlen - (size_t)(at - text);
                }
            }
            free(sp.v);
        }
        free(text);
    }
    closedir(d);
    for (k = 0; k < nlabels; k++) {
        if (!found[k]) {
            print_error("label \"%s\" occurs in no seed file\n", labels[k].text);
            fail();
        }
    }
    free(found);
    assert_true(found_total >= nlabels);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_plain_sentences),
        cmocka_unit_test(keeps_titles_with_their_names),
        cmocka_unit_test(keeps_latin_and_comparison_abbreviations),
        cmocka_unit_test(ends_after_final_abbreviation_before_new_sentence),
        cmocka_unit_test(keeps_initialisms_and_times_mid_sentence),
        cmocka_unit_test(keeps_number_labels_before_numbers),
        cmocka_unit_test(keeps_initials_in_names),
        cmocka_unit_test(ellipsis_before_lowercase_continues),
        cmocka_unit_test(ellipsis_before_capital_ends),
        cmocka_unit_test(ends_after_closing_straight_quote),
        cmocka_unit_test(ends_after_curly_quotes_and_brackets),
        cmocka_unit_test(quote_then_lowercase_continues),
        cmocka_unit_test(keeps_decimal_scores_and_amounts),
        cmocka_unit_test(keeps_urls_and_domains),
        cmocka_unit_test(keeps_hyphenated_korean_names),
        cmocka_unit_test(ends_on_interrobang_and_double_bang),
        cmocka_unit_test(em_dashes_do_not_end_sentences),
        cmocka_unit_test(keeps_text_without_final_period),
        cmocka_unit_test(newline_before_bullet_ends_sentence),
        cmocka_unit_test(blank_line_always_ends_sentence),
        cmocka_unit_test(soft_line_break_continues_sentence),
        cmocka_unit_test(cuts_very_long_sentences_at_whitespace),
        cmocka_unit_test(trims_surrounding_whitespace),
        cmocka_unit_test(empty_and_blank_input_give_nothing),
        cmocka_unit_test(keeps_invalid_utf8_and_nul_bytes),
        cmocka_unit_test(ends_at_cjk_full_stops),
        cmocka_unit_test(spans_are_ordered_trimmed_and_cover_text),
        cmocka_unit_test(random_bytes_never_crash),
        cmocka_unit_test(huge_inputs_finish_in_linear_time),
        cmocka_unit_test(corpus_labels_stay_within_one_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
