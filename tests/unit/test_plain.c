/* The plain-text reader and the boilerplate classifier: how lines become
 * blocks, the exact mapping of every block back to the input, and which
 * blocks are page chrome, on small texts and on the seed corpus. */
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

/* ---- helpers ------------------------------------------------------------------ */

/* Every exact piece of every block holds the input's own bytes, and
 * sg_doc_to_src maps each of its view offsets to the same input byte. */
static void sg_t_check_mapping(const sg_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        assert_true(b->start <= b->text_start || b->text_start == b->start);
        assert_true(b->start <= b->end && b->end <= doc->len);
        size_t covered = 0;
        for (size_t k = 0; k < b->piece_count; k++) {
            const sg_piece *p = &doc->pieces[b->piece_first + k];
            assert_true(p->view >= b->view_start &&
                        p->view + p->len <= b->view_start + b->view_len);
            assert_true(p->src + p->src_len <= doc->len);
            assert_true(p->src >= b->start && p->src + p->src_len <= b->end);
            assert_int_equal(p->exact, 1);
            assert_int_equal(p->len, p->src_len);
            assert_memory_equal(doc->view.data + p->view, doc->src + p->src, p->len);
            for (size_t v = 0; v < p->len; v++)
                assert_int_equal(sg_doc_to_src(doc, b, p->view + v, 0), p->src + v);
            assert_int_equal(sg_doc_to_src(doc, b, p->view + p->len, 1), p->src + p->len);
            covered += p->len;
        }
        assert_int_equal(covered, b->view_len);
        /* blocks never overlap and come in input order */
        if (i)
            assert_true(doc->blocks[i - 1].end <= b->start);
    }
}

static void sg_t_read(sg_doc *doc, const char *s, size_t n)
{
    sg_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(sg_doc_read(doc, s, n, SG_FORMAT_PLAIN, 64, &err), SG_OK);
    sg_t_check_mapping(doc);
}

static void sg_t_reads(sg_doc *doc, const char *s)
{
    sg_t_read(doc, s, strlen(s));
}

static void sg_t_dump(const sg_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        int w = (int)(b->view_len > 80 ? 80 : b->view_len);
        print_error("  %3zu kind %d %-11s |%.*s\n", i, (int)b->kind, sg_why_name(b->why),
                    w, doc->view.data + b->view_start);
    }
}

/* Block i's text is exactly `want`. */
static void sg_t_text(const sg_doc *doc, size_t i, const char *want)
{
    assert_true(i < doc->nblocks);
    const sg_block *b = &doc->blocks[i];
    if (b->view_len != strlen(want) ||
        memcmp(doc->view.data + b->view_start, want, b->view_len)) {
        print_error("block %zu: want \"%s\"\n", i, want);
        sg_t_dump(doc);
        fail();
    }
}

/* The block whose text contains `needle` (the first one), or -1. */
static long sg_t_block_with(const sg_doc *doc, const char *needle, size_t from)
{
    size_t nl = strlen(needle);
    for (size_t i = from; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        const char *v = doc->view.data + b->view_start;
        for (size_t k = 0; k + nl <= b->view_len; k++)
            if (!memcmp(v + k, needle, nl))
                return (long)i;
    }
    return -1;
}

/* The block whose whole text is `text`, or -1. */
static long sg_t_block_is(const sg_doc *doc, const char *text, size_t from)
{
    size_t tl = strlen(text);
    for (size_t i = from; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        if (b->view_len == tl && !memcmp(doc->view.data + b->view_start, text, tl))
            return (long)i;
    }
    return -1;
}

/* Every block containing `needle` is article, and there is one. */
static void sg_t_article(const sg_doc *doc, const char *needle)
{
    long i = sg_t_block_with(doc, needle, 0);
    if (i < 0) {
        print_error("no block holds \"%s\"\n", needle);
        sg_t_dump(doc);
        fail();
    }
    for (; i >= 0; i = sg_t_block_with(doc, needle, (size_t)i + 1))
        if (doc->blocks[i].why != SG_WHY_ARTICLE) {
            print_error("block %ld holding \"%s\" is %s, want article\n", i, needle,
                        sg_why_name(doc->blocks[i].why));
            sg_t_dump(doc);
            fail();
        }
}

/* Every block whose text is `text` (or holds it, when `whole` is 0) is
 * skipped, and there is one. */
static void sg_t_chrome(const sg_doc *doc, const char *text, int whole)
{
    long i = whole ? sg_t_block_is(doc, text, 0) : sg_t_block_with(doc, text, 0);
    if (i < 0) {
        print_error("no block %s \"%s\"\n", whole ? "is" : "holds", text);
        sg_t_dump(doc);
        fail();
    }
    for (; i >= 0; i = whole ? sg_t_block_is(doc, text, (size_t)i + 1)
                             : sg_t_block_with(doc, text, (size_t)i + 1))
        if (doc->blocks[i].why == SG_WHY_ARTICLE) {
            print_error("block %ld \"%s\" is article, want skipped\n", i, text);
            sg_t_dump(doc);
            fail();
        }
}

static size_t sg_t_count_why(const sg_doc *doc, sg_why why)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        n += doc->blocks[i].why == why;
    return n;
}

/* ---- splitting into blocks ------------------------------------------------------ */

static void test_blank_lines_separate_paragraphs(void **state)
{
    (void)state;
    const char *s = "First paragraph, one line.\n\nSecond paragraph here.\n\n\n"
                    "Third after two blank lines.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 3);
    sg_t_text(&doc, 0, "First paragraph, one line.");
    sg_t_text(&doc, 1, "Second paragraph here.");
    sg_t_text(&doc, 2, "Third after two blank lines.");
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(doc.blocks[i].kind, SG_BLOCK_PARAGRAPH);
        assert_int_equal(doc.blocks[i].why, SG_WHY_ARTICLE);
    }
    assert_int_equal(doc.blocks[1].start, 28);
    assert_int_equal(doc.blocks[1].text_start, 28);
    assert_int_equal(doc.blocks[1].end, 28 + strlen("Second paragraph here."));
    /* each block's text is followed by a blank line in the view */
    assert_memory_equal(doc.view.data + doc.blocks[0].view_start + doc.blocks[0].view_len,
                        "\n\n", 2);
    sg_doc_free(&doc);
}

static void test_one_paragraph_per_line_gives_one_block_per_line(void **state)
{
    (void)state;
    /* long lines, as reviews pasted from a page come */
    const char *s =
        "A retired safecracker agrees to one last job after her brother goes missing "
        "in the port city, and nothing about it goes to plan.\n"
        "Reteaming with his favourite cinematographer, the director paints the docks "
        "in sodium orange and deep teal, and the result is gorgeous to look at.\n"
        "For all its polish, the film borrows heavily from older caper classics and "
        "rarely bothers to hide the debt.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 3);
    assert_int_equal(sg_t_block_with(&doc, "Reteaming", 0), 1);
    sg_doc_free(&doc);

    /* lines of wrap-like width that each end a sentence are paragraphs too */
    const char *t = "The film opens on a rainy night in the city, as expected.\n"
                    "Nothing in the first act surprises anyone who has seen one.\n"
                    "The second act is better, with a fight in a hotel corridor.\n";
    sg_t_reads(&doc, t);
    assert_int_equal(doc.nblocks, 3);
    sg_t_text(&doc, 2, "The second act is better, with a fight in a hotel corridor.");
    sg_doc_free(&doc);
}

static void test_hard_wrapped_paragraph_is_one_block_with_newlines_kept(void **state)
{
    (void)state;
    const char *s =
        "The story moves along the track you would expect from a heist film,\n"
        "and while the twists are few, the pleasure lies in watching the crew\n"
        "argue over every step of the plan as the clock keeps running down on\n"
        "the audience.\n"
        "\n"
        "The chase scenes, once they finally arrive, never outstay their welcome\n"
        "and they move with a nervous energy from the first skid to the last\n"
        "turn into the harbour.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 2);
    const sg_block *b = &doc.blocks[0];
    assert_int_equal(b->kind, SG_BLOCK_PARAGRAPH);
    assert_int_equal(b->start, 0);
    const char *end0 = strstr(s, "audience.") + strlen("audience.");
    assert_int_equal(b->end, (size_t)(end0 - s));
    /* the view is the input's bytes, newlines included */
    assert_int_equal(b->view_len, b->end);
    assert_memory_equal(doc.view.data + b->view_start, s, b->view_len);
    /* a view offset after a line break maps to the same input byte */
    const char *there = strstr(s, "and while");
    size_t v = b->view_start + (size_t)(there - s);
    assert_int_equal(sg_doc_to_src(&doc, b, v, 0), (size_t)(there - s));
    sg_t_article(&doc, "the pleasure lies in watching");
    sg_doc_free(&doc);

    /* a heading line on top of a wrapped paragraph stays its own block */
    const char *t =
        "The Verdict On Nightglass\n"
        "Nightglass is a solid entry in the crowded heist genre, even though its\n"
        "plot leans on coincidences that anyone who has seen a caper film will\n"
        "spot from a mile away.\n";
    sg_t_reads(&doc, t);
    assert_int_equal(doc.nblocks, 2);
    sg_t_text(&doc, 0, "The Verdict On Nightglass");
    assert_int_equal(doc.blocks[0].kind, SG_BLOCK_HEADING);
    assert_int_equal(doc.blocks[1].kind, SG_BLOCK_PARAGRAPH);
    assert_int_equal(doc.blocks[1].start, strlen("The Verdict On Nightglass\n"));
    sg_doc_free(&doc);
}

static void test_title_case_lines_of_wrap_width_are_not_joined(void **state)
{
    (void)state;
    /* a share bar and article links have wrap-like widths but are no prose */
    const char *s =
        "Share. Twitter Facebook Email LinkedIn Reddit Pinterest WhatsApp\n"
        "Previous Article REVIEW: 'Night Shift' Episode 4 - The Long Goodbye\n"
        "Next Article REVIEW: 'Harbour Lights' Episodes 13-14\n"
        "Jordan Avery\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 4);
    sg_doc_free(&doc);

    /* an image caption above a score is two blocks */
    sg_t_reads(&doc, "Harbour Lights promotional still from the studio\n8.0\n");
    assert_int_equal(doc.nblocks, 2);
    sg_t_text(&doc, 1, "8.0");
    sg_doc_free(&doc);
}

static void test_bullets_are_list_items_without_their_marker(void **state)
{
    (void)state;
    const char *s = "What works:\n"
                    "\xE2\x80\xA2 The fight in the hotel corridor\n"
                    "- The neon look\n"
                    "* The lead performance\n"
                    "+ Its short running time\n"
                    "1. The score\n"
                    "2) The final shot\n"
                    "    \xE2\x80\xA2 An indented one\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 8);
    static const char *const want[] = {"The fight in the hotel corridor",
                                       "The neon look",
                                       "The lead performance",
                                       "Its short running time",
                                       "The score",
                                       "The final shot",
                                       "An indented one"};
    for (size_t i = 0; i < 7; i++) {
        const sg_block *b = &doc.blocks[i + 1];
        sg_t_text(&doc, i + 1, want[i]);
        assert_int_equal(b->kind, SG_BLOCK_LIST_ITEM);
        /* the block starts at its line, its text after the bullet */
        assert_true(b->text_start == b->start);
        assert_true(b->start == 0 || s[b->start - 1] == '\n');
        assert_true(sg_doc_to_src(&doc, b, b->view_start, 0) > b->start);
        assert_int_equal(b->why, SG_WHY_ARTICLE);
    }
    assert_true(doc.blocks[7].level > doc.blocks[1].level);
    sg_doc_free(&doc);

    /* "-5 degrees" and "2023." are no bullets */
    sg_t_reads(&doc, "-5 degrees outside all night.\n2023. That was the year.\n");
    assert_int_equal(doc.nblocks, 2);
    assert_int_equal(doc.blocks[0].kind, SG_BLOCK_PARAGRAPH);
    assert_int_equal(doc.blocks[1].kind, SG_BLOCK_PARAGRAPH);
    sg_t_text(&doc, 0, "-5 degrees outside all night.");
    sg_doc_free(&doc);
}

static void test_wrapped_bullet_item_takes_its_indented_continuation(void **state)
{
    (void)state;
    const char *s =
        "- The harbour chase swaps cars for boats and then for a crane, and it\n"
        "  keeps its geography clear even when everything is on fire at once.\n"
        "- The neon look.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 2);
    assert_int_equal(doc.blocks[0].kind, SG_BLOCK_LIST_ITEM);
    assert_int_equal(doc.blocks[1].kind, SG_BLOCK_LIST_ITEM);
    sg_t_article(&doc, "everything is on fire at once.");
    assert_int_equal(sg_t_block_with(&doc, "everything is on fire at once.", 0), 0);
    sg_t_text(&doc, 1, "The neon look.");
    sg_doc_free(&doc);
}

static void test_crlf_line_endings_stay_out_of_the_text(void **state)
{
    (void)state;
    const char *s = "He dies at the end.\r\nShe lives.\r\n\r\nThe end.\r\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 3);
    sg_t_text(&doc, 0, "He dies at the end.");
    sg_t_text(&doc, 1, "She lives.");
    sg_t_text(&doc, 2, "The end.");
    assert_int_equal(doc.blocks[0].end, strlen("He dies at the end."));
    assert_int_equal(doc.blocks[1].start, strlen("He dies at the end.\r\n"));
    sg_doc_free(&doc);
}

static void test_last_line_without_newline_is_read(void **state)
{
    (void)state;
    const char *s = "First line.\n\nLast line, no newline";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 2);
    sg_t_text(&doc, 1, "Last line, no newline");
    assert_int_equal(doc.blocks[1].end, strlen(s));
    sg_doc_free(&doc);
}

static void test_empty_input_has_no_blocks(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_read(&doc, "", 0);
    assert_int_equal(doc.nblocks, 0);
    assert_int_equal(doc.view.len, 0);
    sg_doc_free(&doc);
}

static void test_whitespace_only_input_has_no_blocks(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        " ", "\n", "\n\n\n", " \t \r\n\t\n  ", "\r\n\r\n", "\xC2\xA0\n \xC2\xA0"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        sg_doc doc;
        sg_t_reads(&doc, inputs[i]);
        assert_int_equal(doc.nblocks, 0);
        sg_doc_free(&doc);
    }
}

static void test_front_matter_is_skipped(void **state)
{
    (void)state;
    const char *s = "---\ntitle: Ballerina\nauthor: Sam\n---\nHe dies at the end.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    assert_int_equal(doc.nblocks, 1);
    sg_t_text(&doc, 0, "He dies at the end.");
    size_t fm = strlen("---\ntitle: Ballerina\nauthor: Sam\n---\n");
    assert_int_equal(doc.blocks[0].start, fm);
    assert_int_equal(doc.nskipped, 1);
    assert_int_equal(doc.skipped[0].start, 0);
    assert_int_equal(doc.skipped[0].end, fm);
    assert_int_equal(doc.skipped[0].why, SG_WHY_FRONT_MATTER);
    int title = 0;
    for (size_t i = 0; i < doc.nfields; i++)
        if (!strcmp(doc.fields[i].key, "title") &&
            !strcmp(doc.fields[i].value, "Ballerina"))
            title = 1;
    assert_true(title);
    sg_doc_free(&doc);

    /* an unclosed fence is text, not front matter */
    sg_t_reads(&doc, "---\nHe dies at the end.\n");
    assert_int_equal(doc.nskipped, 0);
    assert_true(sg_t_block_with(&doc, "He dies", 0) >= 0);
    sg_doc_free(&doc);
}

static void test_title_case_line_before_prose_is_a_heading(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_reads(&doc, "Ballerina Review\n\nThe film follows a retired bodyguard who "
                     "takes revenge for her friend.\n");
    assert_int_equal(doc.nblocks, 2);
    assert_int_equal(doc.blocks[0].kind, SG_BLOCK_HEADING);
    assert_int_equal(doc.blocks[0].level, 1);
    assert_int_equal(doc.blocks[1].kind, SG_BLOCK_PARAGRAPH);
    sg_doc_free(&doc);

    /* a sentence, a line ending in a period and a Title Case line above a
     * list are no headings */
    sg_t_reads(&doc, "He Dies.\n\nThe Cast\n- Jeon Jong-seo\n- Kim Ji-hoon\n");
    for (size_t i = 0; i < doc.nblocks; i++)
        assert_int_not_equal(doc.blocks[i].kind, SG_BLOCK_HEADING);
    sg_doc_free(&doc);
}

static void test_view_maps_exactly_to_the_input(void **state)
{
    (void)state;
    const char *s = "  Indented first line of a page.\n"
                    "\t\xE2\x80\xA2 Tabbed bullet item\n"
                    "Trailing blanks here.   \t\n"
                    "\xEF\xBB\xBFNo BOM in the text.\n"
                    "Mixed \xE2\x80\x98quotes\xE2\x80\x99 and \xE2\x80\x94 dashes.\n";
    sg_doc doc;
    sg_t_reads(&doc, s); /* sg_t_read checks the mapping of every byte */
    sg_t_text(&doc, 0, "Indented first line of a page.");
    sg_t_text(&doc, 1, "Tabbed bullet item");
    sg_t_text(&doc, 2, "Trailing blanks here.");
    sg_t_text(&doc, 3, "No BOM in the text.");
    assert_int_equal(doc.blocks[0].start, 0);
    assert_int_equal(sg_doc_to_src(&doc, &doc.blocks[0], doc.blocks[0].view_start, 0), 2);
    sg_doc_free(&doc);
}

static void test_nul_bytes_and_invalid_utf8_pass_through(void **state)
{
    (void)state;
    static const char s[] = "He \0dies\xff\xfe at the end.\n\n\x80\xC3 broken \xE2\x80 "
                            "bytes\0\n\0\n";
    size_t n = sizeof s - 1;
    sg_doc doc;
    sg_t_read(&doc, s, n);
    assert_int_equal(doc.nblocks, 3);
    assert_int_equal(doc.blocks[0].view_len,
                     strlen("He ") + 1 + strlen("dies\xff\xfe at the end."));
    assert_memory_equal(doc.view.data + doc.blocks[0].view_start, s,
                        doc.blocks[0].view_len);
    assert_int_equal(doc.blocks[2].view_len, 1); /* a lone NUL is text */
    for (size_t i = 0; i < doc.nblocks; i++)
        assert_int_equal(doc.blocks[i].why, SG_WHY_ARTICLE);
    sg_doc_free(&doc);

    /* random bytes: never a crash, the mapping always exact */
    unsigned int seed = 12345;
    char buf[512];
    for (int round = 0; round < 300; round++) {
        size_t len = (size_t)(round * 7 % 500) + 1;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned char c = (unsigned char)(seed >> 16);
            /* plenty of newlines, blanks, bullets and UTF-8 lead bytes */
            static const char pick[] = "\n\n \t-*1.\xE2\x80\xA2\xC2\xA0\r7/aZ";
            buf[i] = (c & 1) ? (char)c : pick[(c >> 1) % (sizeof pick - 1)];
        }
        sg_t_read(&doc, buf, len);
        sg_doc_free(&doc);
    }
}

static void test_insertions_of_an_earlier_run_are_left_out(void **state)
{
    (void)state;
    /* a warning line an earlier run inserted, then a mark inside a line */
#define SG_T_WARN                                                                        \
    SG_VIS_WARNING "Spoiler warning (deaths): 1 passage is marked below.\n\n"
    const char *s = "Intro line.\n" SG_T_WARN "He [spoiler: death] dies. [/spoiler]\n";
    size_t wstart = strlen("Intro line.\n");
    size_t wend = wstart + strlen(SG_T_WARN);
    const char *m = strstr(s, "He ") + 3;
    size_t mstart = (size_t)(m - s), mend = mstart + strlen("[spoiler: death] ");
    size_t cstart = (size_t)(strstr(s, " [/spoiler]") - s);
    sg_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.src = s;
    doc.len = strlen(s);
    doc.format = SG_FORMAT_PLAIN;
    doc.max_depth = 64;
    sg_chunk c1 = {wstart, wend, SG_CHUNK_WARNING}, c2 = {mstart, mend, SG_CHUNK_OPEN},
             c3 = {cstart, cstart + strlen(" [/spoiler]"), SG_CHUNK_CLOSE};
    assert_true(SG_VEC_PUSH(doc.chunks, doc.nchunks, doc.cap_chunks, c1));
    assert_true(SG_VEC_PUSH(doc.chunks, doc.nchunks, doc.cap_chunks, c2));
    assert_true(SG_VEC_PUSH(doc.chunks, doc.nchunks, doc.cap_chunks, c3));
    sg_error err;
    assert_int_equal(sg_read_plain(&doc, &err), SG_OK);
    sg_t_check_mapping(&doc);
    assert_int_equal(doc.nblocks, 2);
    sg_t_text(&doc, 0, "Intro line.");
    sg_t_text(&doc, 1, "He dies.");
    assert_int_equal(doc.blocks[1].start, wend);
    sg_doc_free(&doc);

    /* a line inserted (without its newline) before a line of a group
     * changes nothing: the group is read as before, one block a line */
    const char *top = "Scene Notes\n"
                      "The film opens on a rainy night in the city and never lets up "
                      "for a moment, which is the point of it all.\n";
    const char *rest =
        "The story moves along the track you would expect from a heist film,\n"
        "and while the twists are few, the pleasure lies in watching the crew\n"
        "argue over every step of the plan as the clock runs down.\n";
    sg_buf b;
    sg_buf_init(&b);
    sg_buf_puts(&b, top);
    size_t at = b.len;
    sg_buf_puts(&b, "[Rating · \xE2\x98\x85\xE2\x98\x85\xE2\x98\x85 3/5]\n");
    sg_buf_puts(&b, rest);
    assert_false(b.failed);
    memset(&doc, 0, sizeof doc);
    doc.src = b.data;
    doc.len = b.len;
    doc.format = SG_FORMAT_PLAIN;
    sg_chunk c4 = {at, at + strlen("[Rating · \xE2\x98\x85\xE2\x98\x85\xE2\x98\x85 3/5]"),
                   SG_CHUNK_BADGE};
    assert_true(SG_VEC_PUSH(doc.chunks, doc.nchunks, doc.cap_chunks, c4));
    assert_int_equal(sg_read_plain(&doc, &err), SG_OK);
    sg_t_check_mapping(&doc);
    assert_int_equal(doc.nblocks, 5);
    sg_t_text(&doc, 2,
              "The story moves along the track you would expect from a heist film,");
    sg_doc_free(&doc);
    sg_buf_free(&b);
#undef SG_T_WARN
}

/* ---- what is article ---------------------------------------------------------- */

static void test_a_single_sentence_is_article(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "He dies at the end.",
        "He dies at the end.\n",
        "Adam drives a Mini Cooper S.",
        "By the end, he dies.",
        "Share the ending with nobody: she was dead all along.",
        "Related: the killer is her brother.",
        "In the end, Choi is killed by Ok-ju in the club.\n\nWhat a ride.\n\nWow.\n",
        "Ballerina\n\nShe avenges her friend and walks away.\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        sg_doc doc;
        sg_t_reads(&doc, inputs[i]);
        assert_true(doc.nblocks >= 1);
        for (size_t k = 0; k < doc.nblocks; k++)
            if (doc.blocks[k].why != SG_WHY_ARTICLE) {
                print_error("input %zu: block %zu is %s\n", i, k,
                            sg_why_name(doc.blocks[k].why));
                sg_t_dump(&doc);
                fail();
            }
        sg_doc_free(&doc);
    }
}

static void test_a_few_paragraphs_without_chrome_are_all_article(void **state)
{
    (void)state;
    const char *s = "My Review\n"
                    "By Sam\n"
                    "October 12, 2023\n"
                    "\n"
                    "Short one.\n"
                    "Great Action\n"
                    "Bad Plot\n"
                    "Neon Lights\n"
                    "- Pros\n- Cons\n- More\n- Fun\n"
                    "The villain falls from the roof in the last scene.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    for (size_t k = 0; k < doc.nblocks; k++)
        if (doc.blocks[k].why != SG_WHY_ARTICLE) {
            sg_t_dump(&doc);
            fail();
        }
    sg_doc_free(&doc);
}

static void test_weak_cues_alone_leave_the_text_article(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_reads(&doc, "Home\n\nThe film Home is about a family that loses everything.\n\n"
                     "\xC2\xA9 2023 Netflix\n\nShare\n");
    assert_int_equal(doc.nblocks, 4);
    assert_int_equal(sg_t_count_why(&doc, SG_WHY_ARTICLE), 4);
    sg_doc_free(&doc);
}

/* A page with chrome around a review that carries its rating in labelled
 * score lines. */
static const char sg_t_page[] =
    "Close Menu\n"
    "  \xE2\x80\xA2 Home\n"
    "  \xE2\x80\xA2 News\n"
    "  \xE2\x80\xA2 Film Reviews\n"
    "  \xE2\x80\xA2 TV\n"
    "  \xE2\x80\xA2 Video Games\n"
    "Site Name\n"
    "Home \xC2\xBB Film \xC2\xBB Nightglass Review\n"
    "\n"
    "Nightglass Review: A Slick Harbour Heist\n"
    "\n"
    "By Sam Critic 10/06/2023 4 Mins Read\n"
    "Share\n"
    "Facebook Twitter Pinterest Reddit Email\n"
    "\n"
    "Heist films are everywhere these days, and this one knows it. What keeps it "
    "afloat is the lead performance, which is dry and precise and never begs for "
    "sympathy, and a camera that loves wet streets and neon signs.\n"
    "\n"
    "The plot goes exactly where you think a caper will go. There are few real "
    "surprises, but the chases have a nervous energy to them and they never go "
    "on for longer than they should.\n"
    "\n"
    "Rating - 7/10\n"
    "7/10\n"
    "3/5 stars\n"
    "The final score: review Average\n"
    "\n"
    "TL;DR\n"
    "\n"
    "A solid heist film whose plot holds few secrets for anyone who has seen a "
    "caper before, but it is put together with real care, and it is over before "
    "it can wear out its welcome.\n"
    "\n"
    "Related Posts\n"
    "\n"
    "Another Film Promotional Image\n"
    "6.0\n"
    "\n"
    "REVIEW: 'Another Film' Gives Its Star Room To Shine\n"
    "\n"
    "08/07/2025\n"
    "A Third Film promotional image\n"
    "9.5\n"
    "\n"
    "REVIEW: 'A Third Film' Is Creepy And Oddly Sweet\n"
    "\n"
    "08/05/2025\n"
    "\n"
    "Get Our Site in your inbox!\n"
    "Sign up for our weekly newsletter and never miss a review.\n"
    "Click Here\n"
    "Written Content is Copyright \xC2\xA9 2025 Site Name\n"
    "  \xE2\x80\xA2 CONTACT US\n"
    "  \xE2\x80\xA2 PRIVACY POLICY\n";

static void test_labelled_score_lines_are_article(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_read(&doc, sg_t_page, sizeof sg_t_page - 1);
    sg_t_article(&doc, "Rating - 7/10");
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "7/10", 0)].why, SG_WHY_ARTICLE);
    sg_t_article(&doc, "3/5 stars");
    sg_t_article(&doc, "The final score: review Average");
    sg_t_article(&doc, "TL;DR");
    sg_t_article(&doc, "A solid heist film");
    sg_doc_free(&doc);

    /* alone, a score line is article too */
    static const char *const alone[] = {"7/10", "Rating - 7/10\n", "3/5 stars",
                                        "The final score: review Average",
                                        "TL;DR\n\nGood, not great.\n"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++) {
        sg_t_reads(&doc, alone[i]);
        assert_int_equal(sg_t_count_why(&doc, SG_WHY_ARTICLE), doc.nblocks);
        sg_doc_free(&doc);
    }
}

static void test_other_films_scores_in_related_posts_are_chrome(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_read(&doc, sg_t_page, sizeof sg_t_page - 1);
    long i = sg_t_block_is(&doc, "6.0", 0);
    assert_true(i >= 0);
    assert_int_equal(doc.blocks[i].why, SG_WHY_RELATED);
    i = sg_t_block_is(&doc, "9.5", 0);
    assert_true(i >= 0);
    assert_int_equal(doc.blocks[i].why, SG_WHY_RELATED);
    sg_doc_free(&doc);
}

static void test_page_chrome_is_skipped_and_prose_kept(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_read(&doc, sg_t_page, sizeof sg_t_page - 1);
    /* the review */
    sg_t_article(&doc, "Nightglass Review: A Slick Harbour Heist");
    sg_t_article(&doc, "Heist films are everywhere");
    sg_t_article(&doc, "The plot goes exactly");
    /* the menu, breadcrumb, byline and share bar */
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Close Menu", 0)].why,
                     SG_WHY_NAVIGATION);
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Film Reviews", 0)].why,
                     SG_WHY_NAVIGATION);
    sg_t_chrome(&doc, "Home", 1);
    sg_t_chrome(&doc, "Video Games", 1);
    sg_t_chrome(&doc, "Site Name", 1);
    assert_int_equal(doc.blocks[sg_t_block_with(&doc, "Home \xC2\xBB Film", 0)].why,
                     SG_WHY_NAVIGATION);
    assert_int_equal(doc.blocks[sg_t_block_with(&doc, "By Sam Critic", 0)].why,
                     SG_WHY_BYLINE);
    sg_t_chrome(&doc, "Share", 1);
    assert_int_equal(doc.blocks[sg_t_block_with(&doc, "Facebook Twitter", 0)].why,
                     SG_WHY_SHARE);
    /* related posts, newsletter box, footer */
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Related Posts", 0)].why,
                     SG_WHY_RELATED);
    sg_t_chrome(&doc, "Another Film", 0);
    sg_t_chrome(&doc, "A Third Film", 0);
    sg_t_chrome(&doc, "08/07/2025", 1);
    sg_t_chrome(&doc, "Get Our Site in your inbox!", 1);
    assert_int_equal(doc.blocks[sg_t_block_with(&doc, "weekly newsletter", 0)].why,
                     SG_WHY_NEWSLETTER);
    sg_t_chrome(&doc, "Click Here", 1);
    sg_t_chrome(&doc, "Copyright", 0);
    sg_t_chrome(&doc, "CONTACT US", 1);
    sg_t_chrome(&doc, "PRIVACY POLICY", 1);
    sg_doc_free(&doc);
}

static void test_author_box_and_follow_line_are_chrome_at_the_end(void **state)
{
    (void)state;
    const char *s =
        "Nightglass is a solid heist film whose plot holds few secrets for anyone "
        "who has seen a caper before, but it is put together with real care, and it "
        "ends well before it can wear out its welcome.\n"
        "\n"
        "Share this article\n"
        "Sam Critic\n"
        "\n"
        "Sam is a writer and critic for the site who covers heist films and "
        "thrillers, and lives by the sea with two dogs.\n"
        "\n"
        "Enjoyed this piece? Follow us on Facebook\n"
        "\n"
        "Leave a Reply\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    sg_t_article(&doc, "solid heist film");
    sg_t_chrome(&doc, "Sam Critic", 1);
    sg_t_chrome(&doc, "Sam is a writer", 0);
    sg_t_chrome(&doc, "Follow us on Facebook", 0);
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Leave a Reply", 0)].why,
                     SG_WHY_COMMENTS);
    sg_doc_free(&doc);
}

static void test_short_paragraphs_after_a_newsletter_box_stay_article(void **state)
{
    (void)state;
    const char *s =
        "Nightglass is a tight and confident exercise in wet neon and screeching "
        "tyres that should please fans of the genre, even if it lacks the invention "
        "of the director's much stranger first feature.\n"
        "\n"
        "Get Our Site in your inbox!\n"
        "Sign up for our weekly newsletter and never miss a review.\n"
        "Click Here\n"
        "\n"
        "Then she kills him in the club.\n"
        "\n"
        "Wow.\n"
        "\n"
        "The last act weighs its surprises against the need to give the crowd what "
        "it came for, and the stand-off on the crane is over almost before it "
        "starts, which leaves the ending a little flat for a film that spent so long "
        "building towards it.\n";
    sg_doc doc;
    sg_t_reads(&doc, s);
    sg_t_chrome(&doc, "Get Our Site in your inbox!", 1);
    sg_t_chrome(&doc, "weekly newsletter", 0);
    sg_t_chrome(&doc, "Click Here", 1);
    sg_t_article(&doc, "Then she kills him in the club.");
    sg_t_article(&doc, "Wow.");
    sg_t_article(&doc, "The last act");
    sg_doc_free(&doc);
}

static void test_classification_keeps_non_article_blocks_and_earlier_blocks(void **state)
{
    (void)state;
    sg_doc doc;
    sg_t_reads(&doc, "Related Posts\n\nOne\n\nTwo\n");
    assert_int_equal(doc.nblocks, 3);
    /* reclassifying from block 1 on: already skipped blocks stay as they are */
    doc.blocks[0].why = SG_WHY_CODE;
    doc.blocks[1].why = SG_WHY_ARTICLE;
    doc.blocks[2].why = SG_WHY_ARTICLE;
    sg_classify_boilerplate(&doc, 1);
    assert_int_equal(doc.blocks[0].why, SG_WHY_CODE);
    assert_int_equal(doc.blocks[1].why, SG_WHY_ARTICLE);
    assert_int_equal(doc.blocks[2].why, SG_WHY_ARTICLE);
    /* out-of-range first block: nothing happens */
    sg_classify_boilerplate(&doc, 7);
    sg_doc_free(&doc);
}

static void test_large_input_is_read_in_one_pass(void **state)
{
    (void)state;
    /* 100k menu lines, one long line, a wrapped paragraph: finishes quickly */
    sg_buf b;
    sg_buf_init(&b);
    for (int i = 0; i < 100000; i++)
        sg_buf_printf(&b, "  \xE2\x80\xA2 Item %d\n", i);
    for (int i = 0; i < 20000; i++)
        sg_buf_puts(&b, "word ");
    sg_buf_puts(&b, "\n\n");
    for (int i = 0; i < 20000; i++)
        sg_buf_puts(&b, "a wrapped line of prose that goes on and on for a while\n");
    assert_false(b.failed);
    sg_doc doc;
    sg_error err;
    assert_int_equal(sg_doc_read(&doc, b.data, b.len, SG_FORMAT_PLAIN, 64, &err), SG_OK);
    assert_int_equal(doc.nblocks, 100002);
    assert_int_equal(doc.blocks[100001].why, SG_WHY_ARTICLE);
    sg_doc_free(&doc);
    sg_buf_free(&b);
}

/* ---- the seed corpus ------------------------------------------------------------ */

/* Index after the JSON string starting at s[i] (a quote). */
static size_t sg_t_json_skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i + 1;
}

/* Index of the bracket closing the one at s[i]. */
static size_t sg_t_json_close(const char *s, size_t n, size_t i)
{
    int depth = 0;
    for (; i < n; i++) {
        if (s[i] == '"') {
            i = sg_t_json_skip_string(s, n, i) - 1;
            continue;
        }
        if (s[i] == '{' || s[i] == '[')
            depth++;
        else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
            return i;
    }
    return n;
}

/* Position of `"key"` in s[from, to), just after it, or 0. */
static size_t sg_t_json_key(const char *s, size_t from, size_t to, const char *key)
{
    size_t kl = strlen(key);
    for (size_t i = from; i + kl + 2 <= to; i++)
        if (s[i] == '"' && !memcmp(s + i + 1, key, kl) && s[i + 1 + kl] == '"')
            return i + kl + 2;
    return 0;
}

/* Next non-blank byte after the ':' that follows position i. */
static size_t sg_t_json_value(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != ':')
        i++;
    for (i++; i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'); i++)
        ;
    return i;
}

/* Every 'must' and 'may' text and the rating text of one seed file; NULL
 * ends the list.  Free each and the list. */
static char **sg_t_label_texts(const char *labels, size_t n, const char *file)
{
    char **out = calloc(64, sizeof *out);
    size_t k = 0;
    assert_non_null(out);
    size_t at = sg_t_json_key(labels, 0, n, file);
    assert_true(at > 0);
    size_t obj = sg_t_json_value(labels, n, at);
    size_t end = sg_t_json_close(labels, n, obj);
    size_t must = sg_t_json_key(labels, obj, end, "must");
    if (must) {
        size_t a = sg_t_json_value(labels, n, must), z = sg_t_json_close(labels, n, a);
        for (size_t p = a; (p = sg_t_json_key(labels, p, z, "text")) && k < 60;) {
            size_t v = sg_t_json_value(labels, n, p);
            out[k++] = sg_t_json_string(labels, n, &v, NULL);
            p = v;
        }
    }
    size_t may = sg_t_json_key(labels, obj, end, "may");
    if (may) {
        size_t a = sg_t_json_value(labels, n, may), z = sg_t_json_close(labels, n, a);
        for (size_t p = a + 1; p < z && k < 60; p++)
            if (labels[p] == '"') {
                out[k++] = sg_t_json_string(labels, n, &p, NULL);
                p--; /* the loop steps past the closing quote */
            }
    }
    size_t rating = sg_t_json_key(labels, obj, end, "rating");
    if (rating) {
        size_t a = sg_t_json_value(labels, n, rating);
        if (labels[a] == '{') {
            size_t z = sg_t_json_close(labels, n, a);
            size_t t = sg_t_json_key(labels, a, z, "text");
            if (t) {
                size_t v = sg_t_json_value(labels, n, t);
                out[k++] = sg_t_json_string(labels, n, &v, NULL);
            }
        }
    }
    out[k] = NULL;
    return out;
}

static void sg_t_free_list(char **list)
{
    for (size_t i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

static char *sg_t_labels(size_t *n)
{
    return sg_t_slurp(SG_CORPUS_DIR "/seeds/labels.json", n);
}

static void test_seed_labels_lie_in_article_blocks(void **state)
{
    (void)state;
    static const char *const files[] = {"ballerina-butwhytho.txt", "ballerina-scmp.txt",
                                        "ballerina-411mania.txt",
                                        "ballerina-user-review.txt"};
    size_t ln;
    char *labels = sg_t_labels(&ln);
    if (!labels) {
        print_message("corpus absent (" SG_CORPUS_DIR "/seeds/labels.json): skipped\n");
        skip();
    }
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s/seeds/%s", SG_CORPUS_DIR, files[f]);
        size_t n;
        char *text = sg_t_slurp(path, &n);
        assert_non_null(text);
        sg_doc doc;
        sg_t_read(&doc, text, n);
        char **want = sg_t_label_texts(labels, ln, files[f]);
        assert_non_null(want[0]);
        for (size_t k = 0; want[k]; k++) {
            print_message("%s: \"%s\"\n", files[f], want[k]);
            sg_t_article(&doc, want[k]);
        }
        sg_t_free_list(want);
        sg_doc_free(&doc);
        free(text);
    }
    free(labels);
}

static void test_but_why_tho_page_chrome_is_skipped(void **state)
{
    (void)state;
    size_t n;
    char *text = sg_t_slurp(SG_CORPUS_DIR "/seeds/ballerina-butwhytho.txt", &n);
    if (!text) {
        print_message("corpus absent (" SG_CORPUS_DIR "/seeds): skipped\n");
        skip();
    }
    sg_doc doc;
    sg_t_read(&doc, text, n);
    /* the review, its title, its rating lines and TL;DR */
    sg_t_article(&doc, "Revenge-focused");
    sg_t_article(&doc, "Speaking of camerawork");
    /* the headline is article, the breadcrumb repeating it is not */
    long head = sg_t_block_with(&doc, "Beautifully Shot", 0);
    assert_true(head >= 0);
    assert_int_equal(doc.blocks[head].why, SG_WHY_NAVIGATION);
    head = sg_t_block_with(&doc, "Beautifully Shot", (size_t)head + 1);
    assert_true(head >= 0);
    assert_memory_equal(doc.view.data + doc.blocks[head].view_start, "REVIEW: ", 8);
    assert_int_equal(doc.blocks[head].kind, SG_BLOCK_HEADING);
    assert_int_equal(doc.blocks[head].why, SG_WHY_ARTICLE);
    sg_t_article(&doc, "Rating - 7/10");
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "7/10", 0)].why, SG_WHY_ARTICLE);
    sg_t_article(&doc, "TL;DR");
    /* the menus */
    static const char *const menu[] = {
        "Close Menu",  "Login",           "News",           "Features",
        "Video Games", "Nintendo Switch", "Marvel Comics",  "Podcast",
        "RSS Feeds",   "CONTACT US",      "PRIVACY POLICY", "Review Score Guide"};
    for (size_t i = 0; i < sizeof menu / sizeof *menu; i++)
        sg_t_chrome(&doc, menu[i], 1);
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Nintendo Switch", 0)].why,
                     SG_WHY_NAVIGATION);
    /* share bars, byline, newsletter boxes, author box */
    sg_t_chrome(&doc, "Facebook X (Twitter) Instagram", 0);
    sg_t_chrome(&doc, "Pinterest Reddit WhatsApp", 0);
    sg_t_chrome(&doc, "Share. Facebook Twitter", 0);
    sg_t_chrome(&doc, "Mins Read", 0);
    sg_t_chrome(&doc, "Get BWT in your inbox!", 1);
    sg_t_chrome(&doc, "weekly newsletter", 0);
    sg_t_chrome(&doc, "Click Here", 1);
    sg_t_chrome(&doc, "Previous Article", 0);
    sg_t_chrome(&doc, "Next Article", 0);
    sg_t_chrome(&doc, "is a writer and", 0);
    /* the trending list */
    sg_t_chrome(&doc, "Trending:", 1);
    sg_t_chrome(&doc, "Sagat Brings Depth", 0);
    sg_t_chrome(&doc, "Need To Know", 0);
    sg_t_chrome(&doc, "Why haven", 0);
    sg_t_chrome(&doc, "07/31/2025", 1);
    sg_t_chrome(&doc, "Fantasia Festival", 1);
    sg_t_chrome(&doc, "TRENDING POSTS", 1);
    sg_t_chrome(&doc, "The Hayashi arrive", 0);
    sg_t_chrome(&doc, "Black women are", 0);
    /* related posts with their scores */
    assert_int_equal(doc.blocks[sg_t_block_is(&doc, "Related Posts", 0)].why,
                     SG_WHY_RELATED);
    sg_t_chrome(&doc, "Keke Palmer", 0);
    sg_t_chrome(&doc, "Horror-Comedy", 0);
    static const char *const scores[] = {"6.0", "9.5", "8.0", "7.0", "3.5", "9.0", "8.5"};
    for (size_t i = 0; i < sizeof scores / sizeof *scores; i++)
        sg_t_chrome(&doc, scores[i], 1);
    /* the footer */
    sg_t_chrome(&doc, "Copyright", 0);
    sg_t_chrome(&doc, "press Enter", 0);
    sg_t_chrome(&doc, "Support Us!", 1);
    sg_t_chrome(&doc, "Support independent media", 0);
    sg_doc_free(&doc);
    free(text);
}

static void test_seed_pages_keep_their_reviews(void **state)
{
    (void)state;
    size_t n;
    char *text = sg_t_slurp(SG_CORPUS_DIR "/seeds/ballerina-scmp.txt", &n);
    if (!text) {
        print_message("corpus absent (" SG_CORPUS_DIR "/seeds): skipped\n");
        skip();
    }
    sg_doc doc;
    sg_t_read(&doc, text, n);
    /* one paragraph per line: the lines are blocks of their own */
    assert_true(doc.nblocks >= 15);
    sg_t_article(&doc, "Netflix movie review: Ballerina");
    sg_t_article(&doc, "3/5 stars");
    sg_t_article(&doc, "Ballerina will start streaming");
    sg_t_chrome(&doc, "Recommended For You", 1);
    sg_t_chrome(&doc, "Leave a Reply", 1);
    sg_doc_free(&doc);
    free(text);

    text = sg_t_slurp(SG_CORPUS_DIR "/seeds/ballerina-411mania.txt", &n);
    assert_non_null(text);
    sg_t_read(&doc, text, n);
    sg_t_article(&doc, "The final score: review Average");
    sg_t_article(&doc, "John Wick changed everything.");
    sg_t_chrome(&doc, "Posted by", 0);
    sg_t_chrome(&doc, "article topics", 0);
    sg_doc_free(&doc);
    free(text);

    /* a user review with no page around it is all article */
    text = sg_t_slurp(SG_CORPUS_DIR "/seeds/ballerina-user-review.txt", &n);
    assert_non_null(text);
    sg_t_read(&doc, text, n);
    assert_int_equal(sg_t_count_why(&doc, SG_WHY_ARTICLE), doc.nblocks);
    sg_doc_free(&doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank_lines_separate_paragraphs),
        cmocka_unit_test(test_one_paragraph_per_line_gives_one_block_per_line),
        cmocka_unit_test(test_hard_wrapped_paragraph_is_one_block_with_newlines_kept),
        cmocka_unit_test(test_title_case_lines_of_wrap_width_are_not_joined),
        cmocka_unit_test(test_bullets_are_list_items_without_their_marker),
        cmocka_unit_test(test_wrapped_bullet_item_takes_its_indented_continuation),
        cmocka_unit_test(test_crlf_line_endings_stay_out_of_the_text),
        cmocka_unit_test(test_last_line_without_newline_is_read),
        cmocka_unit_test(test_empty_input_has_no_blocks),
        cmocka_unit_test(test_whitespace_only_input_has_no_blocks),
        cmocka_unit_test(test_front_matter_is_skipped),
        cmocka_unit_test(test_title_case_line_before_prose_is_a_heading),
        cmocka_unit_test(test_view_maps_exactly_to_the_input),
        cmocka_unit_test(test_nul_bytes_and_invalid_utf8_pass_through),
        cmocka_unit_test(test_insertions_of_an_earlier_run_are_left_out),
        cmocka_unit_test(test_a_single_sentence_is_article),
        cmocka_unit_test(test_a_few_paragraphs_without_chrome_are_all_article),
        cmocka_unit_test(test_weak_cues_alone_leave_the_text_article),
        cmocka_unit_test(test_labelled_score_lines_are_article),
        cmocka_unit_test(test_other_films_scores_in_related_posts_are_chrome),
        cmocka_unit_test(test_page_chrome_is_skipped_and_prose_kept),
        cmocka_unit_test(test_author_box_and_follow_line_are_chrome_at_the_end),
        cmocka_unit_test(test_short_paragraphs_after_a_newsletter_box_stay_article),
        cmocka_unit_test(test_classification_keeps_non_article_blocks_and_earlier_blocks),
        cmocka_unit_test(test_large_input_is_read_in_one_pass),
        cmocka_unit_test(test_seed_labels_lie_in_article_blocks),
        cmocka_unit_test(test_but_why_tho_page_chrome_is_skipped),
        cmocka_unit_test(test_seed_pages_keep_their_reviews),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
