/* The word table's second block, the byte classes, the phrase lists and
 * sg_skip_spaces: what the readers and detectors ask of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sg_internal.h"
#include "sg_phrases.h"
#include "sg_text.h"

static uint64_t sg_t_bits(const char *w)
{
    return sg_word_bits(w, strlen(w));
}

static void test_number_words(void **state)
{
    (void)state;
    sg_words_init();
    static const char *const n[] = {"zero", "one",   "two",   "three", "four", "five",
                                    "six",  "seven", "eight", "nine",  "ten"};
    for (unsigned v = 0; v < sizeof n / sizeof *n; v++) {
        uint64_t b = sg_t_bits(n[v]);
        assert_true(b & SG_WORD_NUMBER);
        assert_int_equal(SG_WORD_VALUE(b), v);
        assert_true(sg_byte_class[(unsigned char)n[v][0]] & SG_BYTE_NUMBER);
        assert_true(sg_byte_class[(unsigned char)n[v][0] ^ 0x20] & SG_BYTE_NUMBER);
    }
    assert_true(sg_word_bits("SEVEN", 5) & SG_WORD_NUMBER); /* any case */
    assert_false(sg_t_bits("eleven") & SG_WORD_NUMBER);
    assert_false(sg_t_bits("the") & SG_WORD_NUMBER);
    /* the first block's bits stay as they were */
    assert_true(sg_t_bits("the") & SG_WORD_STOP);
    assert_false(sg_byte_class['b'] & SG_BYTE_NUMBER);
}

static void test_list_words(void **state)
{
    (void)state;
    sg_words_init();
    assert_true(sg_t_bits("miles") & SG_WORD_UNIT);
    assert_true(sg_t_bits("dr") & SG_WORD_ABBR_NEVER);
    assert_true(sg_t_bits("dr") & SG_WORD_ABBR_CAP);
    assert_true(sg_t_bits("e.g") & SG_WORD_ABBR_NEVER);
    assert_true(sg_t_bits("vol") & SG_WORD_ABBR_NUM);
    assert_true(sg_t_bits("v") & SG_WORD_ABBR_EXACT);
    assert_true(sg_t_bits("etc") & SG_WORD_ABBR_MAYBE);
    assert_false(sg_t_bits("film") &
                 (SG_WORD_ABBR_NEVER | SG_WORD_ABBR_NUM | SG_WORD_ABBR_MAYBE));
    assert_true(sg_t_bits("however") & SG_WORD_OPENER);
    assert_true(sg_t_bits("sept") & SG_WORD_DATE);
    assert_true(sg_t_bits("sept") & SG_WORD_ABBR_NUM); /* a word in two lists */
    assert_true(sg_t_bits("utc") & SG_WORD_DATE_GLUE);
    assert_true(sg_t_bits("van") & SG_WORD_PARTICLE);
    assert_true(sg_t_bits("movies") & SG_WORD_MEDIUM);
    assert_int_equal(sg_word_bits("a", 0), 0);
    assert_int_equal(sg_word_bits("abcdefghijklmnopq", 17), 0);
}

static void test_byte_classes(void **state)
{
    (void)state;
    sg_words_init();
    for (int c = 0; c < 256; c++) {
        assert_int_equal(!!(sg_byte_class[c] & SG_BYTE_ALPHA),
                         sg_is_alpha((unsigned char)c));
        assert_int_equal(!!(sg_byte_class[c] & SG_BYTE_DIGIT),
                         sg_is_digit((unsigned char)c));
        int plain = c >= ' ' && c <= '~' && c != '.' && c != '!' && c != '?';
        assert_int_equal(!!(sg_byte_class[c] & SG_BYTE_PLAIN), plain);
    }
    assert_true(sg_byte_class[0xE2] & SG_BYTE_GLYPH);
    assert_true(sg_byte_class[0xC2] & SG_BYTE_GLYPH);
    assert_true(sg_byte_class[0xF0] & SG_BYTE_GLYPH);
}

static void test_phrases(void **state)
{
    (void)state;
    sg_words_init();
    const unsigned char *t = (const unsigned char *)"x Posted By someone";
    size_t n = strlen((const char *)t);
    assert_int_equal(sg_phrase_at(SG_PHRASES_LEADS, t, n, 2), 9);
    assert_int_equal(sg_phrase_at(SG_PHRASES_LEADS, t, n, 0), 0);
    /* a phrase that would run past the end is not there */
    assert_int_equal(sg_phrase_at(SG_PHRASES_LEADS, t, 8, 2), 0);
    assert_true(sg_phrase_is(SG_PHRASES_GENRES, "science fiction", 15));
    assert_false(sg_phrase_is(SG_PHRASES_GENRES, "Science fiction", 15));
    assert_false(sg_phrase_is(SG_PHRASES_GENRES, "science", 7));
    assert_false(sg_phrase_is(SG_PHRASES_GENRES, "", 0));
    assert_true(sg_phrase_is(SG_PHRASES_VERDICT_HEADS, "tl;dr", 5));
    /* every list: lower case, in its index under its first byte (or all
     * bytes), and within the index's room */
    for (size_t l = 0; l < SG_PHRASES__COUNT; l++) {
        const sg_phrase_list *L = &sg_phrase_lists[l];
        assert_true(L->n > 0 && L->n <= 64 * SG_PHRASE_SETS);
        for (size_t k = 0; k < L->n; k++) {
            const char *w = L->p[k].text;
            assert_int_equal(L->len[k], strlen(w));
            for (const char *c = w; *c; c++)
                assert_false(sg_is_upper((unsigned char)*c));
            assert_true(L->at[(unsigned char)w[0]][k / 64] & (1ull << (k % 64)));
        }
    }
    /* a chrome cue that may stand anywhere is tried whatever the first byte */
    const sg_phrase_list *cues = &sg_phrase_lists[SG_PHRASES_CHROME];
    for (size_t k = 0; k < cues->n; k++)
        if (cues->p[k].mode == SG_PHRASE_ANYWHERE)
            assert_true(cues->at['z'][k / 64] & (1ull << (k % 64)));
}

static void test_skip_spaces(void **state)
{
    (void)state;
    const unsigned char *t = (const unsigned char *)" \t\xc2\xa0\xe2\x80\x89\nx";
    size_t n = strlen((const char *)t);
    assert_int_equal(sg_skip_spaces(t, n, 0, 0), 4);
    assert_int_equal(sg_skip_spaces(t, n, 0, SG_SP_THIN), 7);
    assert_int_equal(sg_skip_spaces(t, n, 0, SG_SP_THIN | SG_SP_NEWLINE), 8);
    assert_int_equal(sg_skip_spaces(t, n, 7, SG_SP_NEWLINE), 8);
    /* a space cut short by the end is no space */
    assert_int_equal(sg_skip_spaces(t, 3, 0, 0), 2);
    assert_int_equal(sg_skip_spaces(t, 6, 4, SG_SP_THIN), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_words), cmocka_unit_test(test_list_words),
        cmocka_unit_test(test_byte_classes), cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_skip_spaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
