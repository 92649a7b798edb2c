/* The HTML reader: blocks and their source mapping, page chrome, author
 * spoiler marks, metadata, the depth limit, and odd input (truncated, NUL
 * bytes, invalid UTF-8, random bytes) that must never crash.  The tokenizer
 * and character references on their own are tested in test_html_tok.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sg_html.h"
#include "sg_test_util.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* ---- utilities ----------------------------------------------------------- */

static void sg_t_read_n(sg_doc *d, const char *s, size_t n, int max_depth)
{
    sg_error err;
    memset(&err, 0, sizeof err);
    sg_status st = sg_doc_read(d, s, n, SG_FORMAT_HTML, max_depth, &err);
    if (st != SG_OK)
        print_error("sg_doc_read: %s\n", err.message);
    assert_int_equal(st, SG_OK);
}

static void sg_t_read(sg_doc *d, const char *s)
{
    sg_t_read_n(d, s, strlen(s), 1024);
}

/* The view text of block i, NUL-terminated in a static buffer. */
static const char *sg_t_view(const sg_doc *d, size_t i)
{
    static char buf[4096];
    const sg_block *b = &d->blocks[i];
    size_t n = b->view_len < sizeof buf - 1 ? b->view_len : sizeof buf - 1;
    memcpy(buf, d->view.data + b->view_start, n);
    buf[n] = '\0';
    return buf;
}

/* Index of the first block whose view holds `text`; fails when none. */
static size_t sg_t_block(const sg_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const sg_block *b = &d->blocks[i];
        if (memmem(d->view.data + b->view_start, b->view_len, text, strlen(text)))
            return i;
    }
    print_error("no block holds \"%s\"; blocks:\n", text);
    for (size_t i = 0; i < d->nblocks; i++)
        print_error("  [%zu] %s: \"%s\"\n", i, sg_why_name(d->blocks[i].why),
                    sg_t_view(d, i));
    fail();
    return 0;
}

static int sg_t_view_has(const sg_doc *d, const char *text)
{
    return d->view.len && memmem(d->view.data, d->view.len, text, strlen(text)) != NULL;
}

/* Is there a skipped range with reason `why` covering [start, end)? */
static int sg_t_skipped(const sg_doc *d, size_t start, size_t end, sg_why why)
{
    for (size_t i = 0; i < d->nskipped; i++)
        if (d->skipped[i].why == why && d->skipped[i].start <= start &&
            d->skipped[i].end >= end)
            return 1;
    return 0;
}

static size_t sg_t_off(const char *s, const char *needle)
{
    const char *p = strstr(s, needle);
    assert_non_null(p);
    return (size_t)(p - s);
}

/* What every document must satisfy, whatever the input. */
static void sg_t_invariants(const sg_doc *d)
{
    size_t prev_start = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const sg_block *b = &d->blocks[i];
        assert_true(b->start <= b->end);
        assert_true(b->end <= d->len);
        assert_true(b->text_start == b->start);
        assert_true(b->start >= prev_start);
        prev_start = b->start;
        assert_true(b->view_start + b->view_len <= d->view.len);
        for (size_t k = 0; k < b->piece_count; k++) {
            const sg_piece *p = &d->pieces[b->piece_first + k];
            assert_true(p->src + p->src_len <= d->len);
            assert_true(p->src >= b->start && p->src + p->src_len <= b->end);
            assert_true(p->view >= b->view_start &&
                        p->view + p->len <= b->view_start + b->view_len);
            if (p->exact) {
                assert_int_equal(p->len, p->src_len);
                assert_memory_equal(d->view.data + p->view, d->src + p->src, p->len);
            }
        }
    }
    long depth = 0;
    size_t last = 0;
    for (size_t i = 0; i < d->ninl; i++) {
        assert_true(d->inl[i].pos >= last);
        assert_true(d->inl[i].pos <= d->len);
        last = d->inl[i].pos;
        depth += d->inl[i].delta;
    }
    assert_int_equal(depth, 0);
    for (size_t i = 0; i < d->nskipped; i++)
        assert_true(d->skipped[i].start < d->skipped[i].end &&
                    d->skipped[i].end <= d->len);
    for (size_t i = 0; i < d->nmarked; i++)
        assert_true(d->marked[i].start < d->marked[i].end && d->marked[i].end <= d->len);
}

/* ---- blocks and mapping ---------------------------------------------------- */

static void test_blocks_map_entities_to_their_source_span(void **state)
{
    (void)state;
    const char *s = "<p>Caf&eacute; &amp; the &#x1F600; end.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 1);
    const sg_block *b = &d.blocks[0];
    assert_string_equal(sg_t_view(&d, 0), "Caf\xC3\xA9 & the \xF0\x9F\x98\x80 end.");
    assert_int_equal(b->kind, SG_BLOCK_PARAGRAPH);
    assert_int_equal(b->why, SG_WHY_ARTICLE);
    assert_int_equal(b->start, 0);
    assert_int_equal(b->text_start, 0);
    assert_int_equal(b->end, strlen(s));
    size_t v = b->view_start;
    /* "é" in the view is the whole "&eacute;" in the input */
    assert_int_equal(sg_doc_to_src(&d, b, v + 3, 0), sg_t_off(s, "&eacute;"));
    assert_int_equal(sg_doc_to_src(&d, b, v + 5, 1), sg_t_off(s, "; &amp;") + 1);
    assert_int_equal(sg_doc_to_src(&d, b, v, 0), 3);
    /* after the emoji: exact again */
    size_t e = strlen("Caf\xC3\xA9 & the \xF0\x9F\x98\x80");
    assert_int_equal(sg_doc_to_src(&d, b, v + e, 0), sg_t_off(s, " end."));
    assert_int_equal(sg_doc_to_src(&d, b, v + b->view_len, 1), sg_t_off(s, "</p>"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_blocks_br_is_a_soft_break(void **state)
{
    (void)state;
    const char *s = "<p>One<br>two<br/>three</p><div>A<br><br>B</div>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 3);
    assert_string_equal(sg_t_view(&d, 0), "One\ntwo\nthree");
    const sg_block *b = &d.blocks[0];
    assert_int_equal(sg_doc_to_src(&d, b, b->view_start + 3, 0), sg_t_off(s, "<br>"));
    assert_int_equal(sg_doc_to_src(&d, b, b->view_start + 4, 1), sg_t_off(s, "two"));
    /* loose text: <br><br> starts a new paragraph */
    assert_string_equal(sg_t_view(&d, 1), "A\n");
    assert_string_equal(sg_t_view(&d, 2), "B");
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_blocks_kinds_levels_and_implied_end_tags(void **state)
{
    (void)state;
    const char *s = "<h2>Title</h2><p>One<p>Two<ul><li>A<li>B<ol><li>C</ol></ul>"
                    "<blockquote><p>Q</blockquote><table><tr><td>X<td>Y</table>"
                    "<dl><dt>T<dd>D</dl><figure><figcaption>F</figcaption></figure>";
    sg_doc d;
    sg_t_read(&d, s);
    const char *views[] = {"Title", "One", "Two", "A", "B", "C",
                           "Q",     "X",   "Y",   "T", "D", "F"};
    sg_block_kind kinds[] = {SG_BLOCK_HEADING,   SG_BLOCK_PARAGRAPH,  SG_BLOCK_PARAGRAPH,
                             SG_BLOCK_LIST_ITEM, SG_BLOCK_LIST_ITEM,  SG_BLOCK_LIST_ITEM,
                             SG_BLOCK_QUOTE,     SG_BLOCK_TABLE_CELL, SG_BLOCK_TABLE_CELL,
                             SG_BLOCK_OTHER,     SG_BLOCK_PARAGRAPH,  SG_BLOCK_OTHER};
    int levels[] = {2, 0, 0, 1, 1, 2, 1, 0, 0, 0, 0, 0};
    assert_int_equal(d.nblocks, 12);
    for (size_t i = 0; i < 12; i++) {
        assert_string_equal(sg_t_view(&d, i), views[i]);
        assert_int_equal(d.blocks[i].kind, kinds[i]);
        assert_int_equal(d.blocks[i].level, levels[i]);
        assert_int_equal(d.blocks[i].why, SG_WHY_ARTICLE);
    }
    /* a block starts at its start tag; an implied end is where the next opens */
    assert_int_equal(d.blocks[1].start, sg_t_off(s, "<p>One"));
    assert_int_equal(d.blocks[1].end, sg_t_off(s, "<p>Two"));
    assert_int_equal(d.blocks[3].start, sg_t_off(s, "<li>A"));
    assert_int_equal(d.blocks[3].end, sg_t_off(s, "<li>B"));
    assert_int_equal(d.blocks[0].end, sg_t_off(s, "<p>One"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_blocks_loose_text_in_div_is_a_paragraph(void **state)
{
    (void)state;
    const char *s = "<div>\n  <b>Loose</b> text.\n  <p>Para.</p>\n  tail here\n</div>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 3);
    assert_int_equal(d.blocks[0].kind, SG_BLOCK_PARAGRAPH);
    assert_int_equal(d.blocks[0].start, sg_t_off(s, "<b>"));
    assert_int_equal(d.blocks[0].end, sg_t_off(s, "<p>"));
    assert_string_equal(sg_t_view(&d, 1), "Para.");
    assert_int_equal(d.blocks[2].start, sg_t_off(s, "tail"));
    assert_int_equal(d.blocks[2].end, sg_t_off(s, "</div>"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_blocks_nested_list_continues_its_item(void **state)
{
    (void)state;
    const char *s = "<ul><li>Intro<ul><li>Sub</li></ul>Tail</li></ul>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 3);
    assert_string_equal(sg_t_view(&d, 0), "Intro");
    assert_string_equal(sg_t_view(&d, 1), "Sub");
    assert_int_equal(d.blocks[1].level, 2);
    assert_string_equal(sg_t_view(&d, 2), "Tail");
    assert_int_equal(d.blocks[2].start, sg_t_off(s, "Tail"));
    assert_int_equal(d.blocks[2].end, sg_t_off(s, "</ul>") + strlen("</ul>") + 9);
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_blocks_pre_is_code(void **state)
{
    (void)state;
    const char *s = "<p>Before.</p><pre><code>x = 1;\nkill(y);</code></pre><p>After.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    size_t i = sg_t_block(&d, "kill");
    assert_int_equal(d.blocks[i].kind, SG_BLOCK_CODE);
    assert_int_equal(d.blocks[i].why, SG_WHY_CODE);
    assert_int_equal(d.blocks[sg_t_block(&d, "After.")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_inline_events_wrap_inline_elements(void **state)
{
    (void)state;
    const char *s = "<p>He <em>really</em> dies.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.ninl, 2);
    assert_int_equal(d.inl[0].pos, sg_t_off(s, "<em>"));
    assert_int_equal(d.inl[0].delta, 1);
    assert_int_equal(d.inl[1].pos, sg_t_off(s, "</em>") + 5);
    assert_int_equal(d.inl[1].delta, -1);
    assert_string_equal(sg_t_view(&d, 0), "He really dies.");
    sg_doc_free(&d);
}

static void test_inline_events_dip_at_a_stray_end_tag(void **state)
{
    (void)state;
    const char *s = "<p>He</b> dies.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.ninl, 2);
    assert_int_equal(d.inl[0].pos, sg_t_off(s, "</b>"));
    assert_int_equal(d.inl[0].delta, -1);
    assert_int_equal(d.inl[1].delta, 1);
    assert_string_equal(sg_t_view(&d, 0), "He dies.");
    sg_doc_free(&d);
}

static void test_inline_elements_closed_by_their_block(void **state)
{
    (void)state;
    const char *s = "<p>One <b>bold</p><p>Two</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 2);
    assert_string_equal(sg_t_view(&d, 1), "Two");
    assert_int_equal(d.ninl, 2);
    assert_int_equal(d.inl[1].pos, sg_t_off(s, "</p>"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

/* ---- not article ------------------------------------------------------------- */

static void test_chrome_by_tag(void **state)
{
    (void)state;
    const char *s =
        "<nav><a href=/>Home</a> <a href=/a>Reviews</a></nav>"
        "<p>The hero walks into the old house on the hill, and the story that "
        "follows keeps him there for most of its running time. The director "
        "lets every room tell part of it, and the final scene returns to the "
        "porch where it began.</p>"
        "<aside><p>More reviews you may like</p></aside>"
        "<form><label>Your email address</label><button>Go now</button></form>"
        "<footer><p>Copyright the site owners</p></footer>"
        "<script>document.write('<p>scripted</p>')</script>"
        "<style>p{}</style><noscript><p>no script</p></noscript>"
        "<template><p>templated</p></template><select><option>opt</option></select>"
        "<!-- <p>commented</p> -->";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "Home")].why, SG_WHY_NAVIGATION);
    assert_int_equal(d.blocks[sg_t_block(&d, "hero walks")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.blocks[sg_t_block(&d, "More reviews")].why, SG_WHY_RELATED);
    assert_int_equal(d.blocks[sg_t_block(&d, "email")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Copyright")].why, SG_WHY_FOOTER);
    assert_false(sg_t_view_has(&d, "scripted"));
    assert_false(sg_t_view_has(&d, "no script"));
    assert_false(sg_t_view_has(&d, "p{}"));
    assert_false(sg_t_view_has(&d, "commented"));
    assert_true(
        sg_t_skipped(&d, sg_t_off(s, "<script>"), sg_t_off(s, "<style>"), SG_WHY_SCRIPT));
    assert_true(sg_t_skipped(&d, sg_t_off(s, "<style>"), sg_t_off(s, "<noscript>"),
                             SG_WHY_STYLE));
    for (size_t i = 0; i < d.nblocks; i++)
        if (d.blocks[i].why == SG_WHY_ARTICLE)
            assert_non_null(memmem(d.view.data + d.blocks[i].view_start,
                                   d.blocks[i].view_len, "hero", 4));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_chrome_by_role(void **state)
{
    (void)state;
    const char *s =
        "<div role=\"navigation\">Menu one</div>"
        "<div role=banner>Banner two</div>"
        "<div role='contentinfo'>Info three</div>"
        "<div role=complementary>Extra four</div>"
        "<div role=search>Find five</div>"
        "<div role=presentation>The villain dies at the end of the film.</div>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "Menu one")].why, SG_WHY_NAVIGATION);
    assert_int_equal(d.blocks[sg_t_block(&d, "Banner two")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Info three")].why, SG_WHY_FOOTER);
    assert_int_equal(d.blocks[sg_t_block(&d, "Extra four")].why, SG_WHY_RELATED);
    assert_int_equal(d.blocks[sg_t_block(&d, "Find five")].why, SG_WHY_NAVIGATION);
    assert_int_equal(d.blocks[sg_t_block(&d, "villain")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_chrome_by_class_and_id(void **state)
{
    (void)state;
    const char *s = "<div class=\"related-posts\">Alpha</div>"
                    "<div id=\"comments\">Bravo</div>"
                    "<div class=\"box newsletter-signup\">Charlie</div>"
                    "<div class=\"shareBar\">Delta</div>"
                    "<div class=\"author-bio\">Echo</div>"
                    "<div class=\"site_sidebar\">Foxtrot</div>"
                    "<div class=\"post-tags\">Golf</div>"
                    "<div class=\"breadcrumbs\">Hotel</div>"
                    "<div class=\"cookie-notice\">India</div>"
                    "<div class=\"ad-slot\">Juliet</div>"
                    "<div class=\"canvas lead commentary\">The twist is that the "
                    "narrator was dead all along.</div>"
                    "<div class=\"content-sidebar-wrap has-sidebar no-comments\"><p>Kilo "
                    "dies in the river at the end of the second act.</p></div>";
    sg_doc d;
    sg_t_read(&d, s);
    struct {
        const char *text;
        sg_why why;
    } want[] = {{"Alpha", SG_WHY_RELATED},      {"Bravo", SG_WHY_COMMENTS},
                {"Charlie", SG_WHY_NEWSLETTER}, {"Delta", SG_WHY_SHARE},
                {"Echo", SG_WHY_BYLINE},        {"Foxtrot", SG_WHY_RELATED},
                {"Golf", SG_WHY_BOILERPLATE},   {"Hotel", SG_WHY_NAVIGATION},
                {"India", SG_WHY_BOILERPLATE},  {"Juliet", SG_WHY_BOILERPLATE},
                {"narrator", SG_WHY_ARTICLE},   {"Kilo", SG_WHY_ARTICLE}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        sg_why got = d.blocks[sg_t_block(&d, want[i].text)].why;
        if (got != want[i].why) {
            print_error("%s: %s, want %s\n", want[i].text, sg_why_name(got),
                        sg_why_name(want[i].why));
            fail();
        }
    }
    sg_doc_free(&d);
}

static void test_chrome_inline_is_skipped_not_viewed(void **state)
{
    (void)state;
    const char *s = "<p>Run <code>kill -9</code> now. <a class=\"share-link\" "
                    "href=x>Share this</a> He dies. <button>Like</button>"
                    "<svg><title>icon</title><path d=x /></svg> End.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nblocks, 1);
    assert_string_equal(sg_t_view(&d, 0), "Run  now.  He dies.  End.");
    assert_true(
        sg_t_skipped(&d, sg_t_off(s, "<code>"), sg_t_off(s, "</code>") + 7, SG_WHY_CODE));
    assert_true(
        sg_t_skipped(&d, sg_t_off(s, "<a "), sg_t_off(s, "</a>") + 4, SG_WHY_SHARE));
    assert_true(sg_t_skipped(&d, sg_t_off(s, "<svg>"), sg_t_off(s, "</svg>") + 6,
                             SG_WHY_BOILERPLATE));
    /* mapping stays exact around the hole */
    const sg_block *b = &d.blocks[0];
    assert_int_equal(sg_doc_to_src(&d, b, b->view_start + 4, 0), sg_t_off(s, " now."));
    assert_int_equal(sg_doc_to_src(&d, b, b->view_start + 4, 1), sg_t_off(s, "<code>"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_foreign_content_breaks_out_on_html_tags(void **state)
{
    (void)state;
    const char *s = "<svg><style>.a{}</style><text>Label</text><p>The hero dies.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_false(sg_t_view_has(&d, "Label"));
    assert_int_equal(d.blocks[sg_t_block(&d, "hero dies")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_article_root_makes_outside_text_chrome(void **state)
{
    (void)state;
    const char *s =
        "<body><div class=\"top\">Welcome to the film site, home of reviews</div>"
        "<main><h1>Review</h1><p>The film opens in a small town where a long "
        "winter has settled and nobody expects the hero to survive it.</p>"
        "<div class=\"share\">Share on Mastodon</div>"
        "<header><p class=\"x\">Posted in March</p></header></main>"
        "<div>Site text outside the main element</div></body>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "Welcome")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Site text")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "small town")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Review")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Mastodon")].why, SG_WHY_SHARE);
    /* a header inside the article root is the article's, not the site's */
    assert_int_equal(d.blocks[sg_t_block(&d, "Posted in")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_article_root_by_class(void **state)
{
    (void)state;
    const char *s = "<div>Loose site slogan text</div><div class=\"td-post-content\">"
                    "<p>At the end of the film the killer is revealed to be the "
                    "sister, which recasts everything before it.</p></div>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "slogan")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "killer")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_teaser_articles_do_not_hide_the_main_text(void **state)
{
    (void)state;
    /* <article> used for short cards while the review sits in plain divs */
    const char *s =
        "<div class=\"content\"><p>The film follows a lighthouse keeper who slowly "
        "loses his grip on reality during a storm that lasts for weeks, and the "
        "ending leaves him alone on the rocks as the lamp goes out.</p></div>"
        "<article class=\"card\"><h3>Another film</h3></article>"
        "<article class=\"card\"><h3>Yet another</h3></article>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "lighthouse")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_article_root_by_role_and_itemprop(void **state)
{
    (void)state;
    const char *a = "<div>Menu text that sits outside</div><div role=\"main\"><p>The "
                    "captain goes down with the ship in the last reel, and the "
                    "film lets the scene play without music.</p></div>";
    sg_doc d;
    sg_t_read(&d, a);
    assert_int_equal(d.blocks[sg_t_block(&d, "Menu text")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "captain")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
    const char *b = "<div>Menu text that sits outside</div><div itemprop=\"articleBody\">"
                    "<p>The captain goes down with the ship in the last reel, and "
                    "the film lets the scene play without music.</p></div>";
    sg_t_read(&d, b);
    assert_int_equal(d.blocks[sg_t_block(&d, "Menu text")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "captain")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_comment_article_is_not_a_root(void **state)
{
    (void)state;
    /* <article class="comment"> is a reader's comment, not the review */
    const char *s = "<p>The review proper says the mother survives the fire and "
                    "raises the child alone in the city.</p>"
                    "<article class=\"comment\"><p>Great review, thanks!</p></article>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "mother")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Great review")].why, SG_WHY_COMMENTS);
    sg_doc_free(&d);
}

static void test_hidden_and_site_header_are_not_article(void **state)
{
    (void)state;
    const char *s = "<header><div>Film Site</div></header>"
                    "<div hidden>Hidden promo text</div>"
                    "<p>He walks into the sea at the end and does not come back.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.blocks[sg_t_block(&d, "Film Site")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "Hidden promo")].why, SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "walks into")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_fragment_is_all_article(void **state)
{
    (void)state;
    sg_doc d;
    sg_t_read(&d, "<p>He dies.</p>");
    assert_int_equal(d.nblocks, 1);
    assert_int_equal(d.blocks[0].why, SG_WHY_ARTICLE);
    assert_string_equal(sg_t_view(&d, 0), "He dies.");
    sg_doc_free(&d);
    sg_t_read(&d, "He dies. <b>She lives.</b>");
    assert_int_equal(d.nblocks, 1);
    assert_int_equal(d.blocks[0].why, SG_WHY_ARTICLE);
    assert_string_equal(sg_t_view(&d, 0), "He dies. She lives.");
    sg_doc_free(&d);
}

/* ---- author marks ----------------------------------------------------------------- */

static void test_author_spoiler_markup_is_marked(void **state)
{
    (void)state;
    const char *s = "<p>Plot. <span class=\"spoiler\">He dies.</span> More.</p>"
                    "<details class=\"spoiler\"><summary>Spoiler</summary><p>She "
                    "lives.</p></details>"
                    "<p><span data-spoiler>They wed.</span> "
                    "<span class=\"SpoilerText\">It burns.</span> "
                    "<span class=\"no-spoiler\">Safe.</span></p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nmarked, 4);
    assert_span(s, d.marked[0].start, d.marked[0].end, "He dies.");
    assert_span(s, d.marked[1].start, d.marked[1].end,
                "<summary>Spoiler</summary><p>She lives.</p>");
    assert_span(s, d.marked[2].start, d.marked[2].end, "They wed.");
    assert_span(s, d.marked[3].start, d.marked[3].end, "It burns.");
    /* the marked text is still article text */
    assert_int_equal(d.blocks[sg_t_block(&d, "He dies.")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.blocks[sg_t_block(&d, "She lives.")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

static void test_unclosed_spoiler_mark_ends_with_its_block(void **state)
{
    (void)state;
    const char *s = "<p>A <span class=spoiler>He dies.</p><p>Next.</p>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_int_equal(d.nmarked, 1);
    assert_span(s, d.marked[0].start, d.marked[0].end, "He dies.");
    sg_doc_free(&d);
}

/* ---- metadata ------------------------------------------------------------------------
 */

static const char *sg_t_field(const sg_doc *d, const char *key)
{
    for (size_t i = 0; i < d->nfields; i++)
        if (!strcmp(d->fields[i].key, key))
            return d->fields[i].value;
    return NULL;
}

static void test_title_and_meta_fields(void **state)
{
    (void)state;
    const char *s =
        "<html><head><title>\n  Review:  Caf&eacute; &amp; Co\n</title>"
        "<meta name=\"Author\" content=\"Jane &quot;JD&quot; Doe\">"
        "<meta property=\"og:title\" content='The Film'>"
        "<meta property=\"article:published_time\" content=\"2024-03-01\">"
        "<meta name=keywords content=\"drama, thriller\">"
        "<meta itemprop=genre content=Drama>"
        "<meta charset=utf-8>"
        "<script "
        "type=\"application/ld+json\">{\"@type\":\"Review\",\"x\":\"</p>\"}</script>"
        "</head><body><svg><title>Icon</title></svg><p>Text.</p></body></html>";
    sg_doc d;
    sg_t_read(&d, s);
    assert_non_null(d.html_title);
    assert_string_equal(d.html_title, "Review: Caf\xC3\xA9 & Co");
    assert_string_equal(sg_t_field(&d, "author"), "Jane \"JD\" Doe");
    assert_string_equal(sg_t_field(&d, "og:title"), "The Film");
    assert_string_equal(sg_t_field(&d, "article:published_time"), "2024-03-01");
    assert_string_equal(sg_t_field(&d, "keywords"), "drama, thriller");
    assert_string_equal(sg_t_field(&d, "genre"), "Drama");
    assert_null(sg_t_field(&d, "charset"));
    assert_false(sg_t_view_has(&d, "Review\""));
    assert_false(sg_t_view_has(&d, "Icon"));
    assert_true(
        sg_t_skipped(&d, sg_t_off(s, "<script"), sg_t_off(s, "</head>"), SG_WHY_SCRIPT));
    assert_int_equal(d.nblocks, 1);
    sg_doc_free(&d);
}

/* ---- limits and odd input -----------------------------------------------------------
 */

static void test_depth_limit_refuses_100000_nested_divs_fast(void **state)
{
    (void)state;
    size_t n = 100000;
    char *s = malloc(n * 5 + 16);
    assert_non_null(s);
    size_t len = 0;
    memcpy(s, "<p>x</p>\n", 9);
    len = 9;
    for (size_t i = 0; i < n; i++) {
        memcpy(s + len, "<div>", 5);
        len += 5;
    }
    sg_doc d;
    sg_error err;
    memset(&err, 0, sizeof err);
    clock_t t0 = clock();
    sg_status st = sg_doc_read(&d, s, len, SG_FORMAT_HTML, 1024, &err);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_int_equal(st, SG_ERR_INPUT);
    assert_int_equal(err.status, SG_ERR_INPUT);
    assert_string_equal(err.message, "line 2: HTML nested deeper than 1024 elements");
    assert_true(secs < 1.0);
    sg_doc_free(&d);
    free(s);
}

static void test_depth_limit_counts_only_open_elements(void **state)
{
    (void)state;
    /* 5,000 unclosed <p>, <li> and <td> and void elements stay shallow */
    size_t n = 5000;
    char *s = malloc(n * 40 + 16);
    assert_non_null(s);
    size_t len = 0;
    len += (size_t)sprintf(s + len, "<ul>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "<li>a<br><img src=x><p>b<hr><td>c");
    sg_doc d;
    sg_t_read_n(&d, s, len, 64);
    assert_true(d.nblocks >= n);
    sg_t_invariants(&d);
    sg_doc_free(&d);
    /* and a page just under the limit is read */
    len = 0;
    for (size_t i = 0; i < 63; i++)
        len += (size_t)sprintf(s + len, "<div>");
    len += (size_t)sprintf(s + len, "deep text");
    sg_t_read_n(&d, s, len, 64);
    assert_int_equal(d.nblocks, 1);
    sg_doc_free(&d);
    free(s);
}

static void test_stray_end_tags_stay_linear(void **state)
{
    (void)state;
    /* 1000 open inline elements, then 200,000 end tags that close nothing */
    size_t len = 0, cap = 1000 * 3 + 200000 * 4 + 64;
    char *s = malloc(cap);
    assert_non_null(s);
    len += (size_t)sprintf(s + len, "<div><span><div>");
    for (size_t i = 0; i < 1000; i++)
        len += (size_t)sprintf(s + len, "<b>");
    for (size_t i = 0; i < 200000; i++)
        len += (size_t)sprintf(s + len, "</i>");
    sg_doc d;
    clock_t t0 = clock();
    sg_t_read_n(&d, s, len, 4096);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
    sg_doc_free(&d);
    free(s);
}

static void test_truncated_html_keeps_what_came_before(void **state)
{
    (void)state;
    const char *s = "<html><head><title>T</title></head><body><p class=\"a\">Hello "
                    "&amp; world.</p><!-- note --><p>Second <a href='x'>link</a> "
                    "here.</p><script>if (a < b) {}</script><p>Third.</p></body></html>";
    size_t n = strlen(s);
    for (size_t cut = 0; cut <= n; cut++) {
        char *c = malloc(cut + 1);
        assert_non_null(c);
        memcpy(c, s, cut);
        sg_doc d;
        sg_t_read_n(&d, c, cut, 1024);
        sg_t_invariants(&d);
        if (cut >= sg_t_off(s, "<!--"))
            assert_true(sg_t_view_has(&d, "Hello & world."));
        if (cut >= sg_t_off(s, "<a "))
            assert_true(sg_t_view_has(&d, "Second "));
        if (cut > sg_t_off(s, "<script>") && cut < sg_t_off(s, "</script>"))
            assert_false(sg_t_view_has(&d, "if (a"));
        sg_doc_free(&d);
        free(c);
    }
}

static void test_nul_bytes_and_invalid_utf8_are_kept(void **state)
{
    (void)state;
    const char s[] = "<p>a\0b \xff\xfe c\xc3</p><p\0>d</p>";
    size_t n = sizeof s - 1;
    sg_doc d;
    sg_t_read_n(&d, s, n, 1024);
    assert_true(d.nblocks >= 1);
    assert_int_equal(d.blocks[0].view_len, 9);
    assert_memory_equal(d.view.data + d.blocks[0].view_start, "a\0b \xff\xfe c\xc3", 9);
    assert_true(sg_t_view_has(&d, "d"));
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_earlier_insertions_are_read_as_absent(void **state)
{
    (void)state;
    const char *s = "<p class=\"spoiler-warning\" data-spoilerguard=\"warning\">"
                    "<b>Spoilers</b> ahead.</p><p>He <span class=\"spoiler\" "
                    "data-spoilerguard=\"death\">dies</span>.</p>";
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = s;
    d.len = strlen(s);
    d.format = SG_FORMAT_HTML;
    d.max_depth = 1024;
    sg_chunk chunks[3] = {
        {0, sg_t_off(s, "</p>") + 4, SG_CHUNK_WARNING},
        {sg_t_off(s, "<span"), sg_t_off(s, ">dies") + 1, SG_CHUNK_OPEN},
        {sg_t_off(s, "</span>"), sg_t_off(s, "</span>") + 7, SG_CHUNK_CLOSE}};
    d.chunks = malloc(sizeof chunks);
    assert_non_null(d.chunks);
    memcpy(d.chunks, chunks, sizeof chunks);
    d.nchunks = d.cap_chunks = 3;
    sg_error err;
    assert_int_equal(sg_read_html(&d, &err), SG_OK);
    assert_int_equal(d.nblocks, 1);
    assert_string_equal(sg_t_view(&d, 0), "He dies.");
    assert_int_equal(d.blocks[0].start, sg_t_off(s, "<p>He"));
    assert_int_equal(d.ninl, 0); /* the inserted span is not the author's */
    sg_t_invariants(&d);
    sg_doc_free(&d);
}

static void test_self_closed_elements_do_not_nest(void **state)
{
    (void)state;
    /* XML-style empty elements: 5,000 of them stay at one level */
    size_t n = 5000;
    char *s = malloc(n * 24 + 64);
    assert_non_null(s);
    size_t len = (size_t)sprintf(s, "<p>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "<my-icon /><span/>x ");
    len += (size_t)sprintf(s + len, "</p><div class=\"nav\"/><p>After.</p>");
    sg_doc d;
    sg_t_read_n(&d, s, len, 16);
    assert_int_equal(d.blocks[sg_t_block(&d, "After.")].why, SG_WHY_ARTICLE);
    assert_int_equal(d.ninl, 0);
    sg_t_invariants(&d);
    sg_doc_free(&d);
    free(s);
}

static void test_earlier_warning_without_chunk_is_not_article(void **state)
{
    (void)state;
    /* read straight, with no chunk list: the signature alone keeps it out */
    const char *s = "<div class=\"spoiler-warning\" data-spoilerguard=\"warning\" "
                    "role=\"note\"><p>Spoiler warning: the ending is discussed.</p>"
                    "</div><p>The hero dies on the bridge.</p>";
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = s;
    d.len = strlen(s);
    d.format = SG_FORMAT_HTML;
    d.max_depth = 1024;
    sg_error err;
    assert_int_equal(sg_read_html(&d, &err), SG_OK);
    assert_int_equal(d.blocks[sg_t_block(&d, "ending is discussed")].why,
                     SG_WHY_BOILERPLATE);
    assert_int_equal(d.blocks[sg_t_block(&d, "hero dies")].why, SG_WHY_ARTICLE);
    sg_doc_free(&d);
}

/* A small deterministic generator: the same bytes on every run. */
static uint32_t sg_t_rand(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

static void test_random_bytes_and_mutations_never_crash(void **state)
{
    (void)state;
    static const char *const pieces[] = {"<",
                                         ">",
                                         "/",
                                         "=",
                                         "\"",
                                         "'",
                                         "&",
                                         ";",
                                         "#",
                                         "x",
                                         "-",
                                         "!",
                                         " ",
                                         "\n",
                                         "<p>",
                                         "</p>",
                                         "<div>",
                                         "</div>",
                                         "<li>",
                                         "<ul>",
                                         "<table>",
                                         "<td>",
                                         "<tr>",
                                         "<span class=spoiler>",
                                         "</span>",
                                         "<script>",
                                         "</script>",
                                         "<!--",
                                         "-->",
                                         "<style>",
                                         "</style>",
                                         "<title>",
                                         "</title>",
                                         "<svg>",
                                         "</svg>",
                                         "<math>",
                                         "<br>",
                                         "<nav>",
                                         "</nav>",
                                         "<main>",
                                         "</main>",
                                         "<article>",
                                         "<code>",
                                         "</code>",
                                         "<h2>",
                                         "</h2>",
                                         "<![CDATA[",
                                         "]]>",
                                         "&amp;",
                                         "&#x",
                                         "&#0;",
                                         "<!DOCTYPE html>",
                                         "<textarea>",
                                         "<plaintext>",
                                         "<a href='",
                                         "<b>",
                                         "</b>",
                                         "<meta name=author content=",
                                         "<p class=\"share\">",
                                         "He dies. ",
                                         "\xff",
                                         "\xc3\xa9",
                                         "\0",
                                         "<xmp>",
                                         "<template>",
                                         "</template>",
                                         "<pre>",
                                         "<select>"};
    size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 0x5eed1234u;
    char buf[2048];
    for (int iter = 0; iter < 3000; iter++) {
        size_t len = 0;
        size_t target = sg_t_rand(&seed) % 400;
        int raw = iter % 3 == 0;
        while (len < target) {
            if (raw) {
                buf[len++] = (char)(sg_t_rand(&seed) & 0xFF);
                continue;
            }
            const char *p = pieces[sg_t_rand(&seed) % npieces];
            size_t pl = p[0] ? strlen(p) : 1;
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        sg_doc d;
        sg_error err;
        sg_status st =
            sg_doc_read(&d, buf, len, SG_FORMAT_HTML, 1 + (int)(iter % 40), &err);
        assert_true(st == SG_OK || st == SG_ERR_INPUT);
        if (st == SG_OK)
            sg_t_invariants(&d);
        sg_doc_free(&d);
        /* the tokenizer alone covers the input without gaps or overlaps */
        sg_html_tokenizer tz;
        sg_html_token tok;
        sg_html_init(&tz, buf, len);
        size_t last = 0;
        while (sg_html_next(&tz, &tok)) {
            assert_true(tok.start >= last && tok.end > tok.start && tok.end <= len);
            last = tok.end;
        }
    }
    /* mutations of a real-looking page */
    const char *page = "<!DOCTYPE html><html><head><title>A &amp; B</title></head>"
                       "<body><nav><ul><li><a href=/>Home</a></ul></nav><main>"
                       "<article><h1>Film</h1><p>The <em>hero</em> dies.<br>Then "
                       "<span class=spoiler>she wins</span>.</p><ul><li>One<li>Two"
                       "</ul><pre>code</pre></article></main><footer>&copy; "
                       "2024</footer></body></html>";
    size_t pl = strlen(page);
    for (int iter = 0; iter < 3000; iter++) {
        memcpy(buf, page, pl);
        size_t len = pl;
        int edits = 1 + (int)(sg_t_rand(&seed) % 8);
        for (int e = 0; e < edits; e++) {
            size_t at = sg_t_rand(&seed) % len;
            switch (sg_t_rand(&seed) % 3) {
            case 0:
                buf[at] = (char)(sg_t_rand(&seed) & 0xFF);
                break;
            case 1:
                memmove(buf + at, buf + at + 1, len - at - 1);
                len--;
                break;
            default:
                if (len + 1 < sizeof buf) {
                    memmove(buf + at + 1, buf + at, len - at);
                    buf[at] = "<>/\"'&=-!"[sg_t_rand(&seed) % 9];
                    len++;
                }
            }
            if (!len)
                break;
        }
        sg_doc d;
        sg_error err;
        sg_status st = sg_doc_read(&d, buf, len, SG_FORMAT_HTML, 1024, &err);
        assert_int_equal(st, SG_OK);
        sg_t_invariants(&d);
        sg_doc_free(&d);
    }
}

static void test_large_page_reads_in_linear_time(void **state)
{
    (void)state;
    const char *unit = "<div class=post><h2>Title &amp; more</h2><p>Some <em>text"
                       "</em> with a <a href=\"x?a=1&b=2\">link</a> and &mdash; "
                       "dash.<br>Line two.</p><ul><li>One<li>Two</ul><!-- c -->"
                       "<script>var x = '</scr' + 'ipt>';</script></div>\n";
    size_t ul = strlen(unit), reps = 6000;
    char *s = malloc(ul * reps + 1);
    assert_non_null(s);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * ul, unit, ul);
    sg_doc d;
    clock_t t0 = clock();
    sg_t_read_n(&d, s, ul * reps, 1024);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(d.nblocks >= reps * 4);
    assert_true(secs < 5.0);
    sg_doc_free(&d);
    free(s);
}

/* ---- the seed reviews
 * ------------------------------------------------------------------ */

/* Each seed review, its paragraphs written as escaped <p> elements (line
 * breaks as <br>), reads back paragraph for paragraph, mapped exactly. */
static void test_seed_reviews_round_trip_through_html(void **state)
{
    (void)state;
    static const char *const seeds[] = {"ballerina-411mania.txt",
                                        "ballerina-butwhytho.txt", "ballerina-scmp.txt",
                                        "ballerina-user-review.txt"};
    int found = 0;
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/seeds/%s", SG_CORPUS_DIR, seeds[k]);
        size_t n;
        char *text = sg_t_slurp(path, &n);
        if (!text)
            continue;
        found++;
        sg_buf html, want;
        sg_buf_init(&html);
        sg_buf_init(&want);
        sg_buf_puts(&html, "<!DOCTYPE html><html><head><title>Seed</title></head>"
                           "<body><nav><a href=/>Home</a></nav><article>\n");
        size_t *p_start = calloc(n + 1, sizeof *p_start), np = 0;
        size_t *p_end = calloc(n + 1, sizeof *p_end);
        size_t *w_start = calloc(n + 1, sizeof *w_start);
        assert_non_null(p_start);
        assert_non_null(p_end);
        assert_non_null(w_start);
        for (size_t i = 0; i < n;) {
            while (i < n && (text[i] == '\n' || text[i] == '\r'))
                i++;
            if (i >= n)
                break;
            size_t e = i;
            while (e < n && !(text[e] == '\n' && (e + 1 >= n || text[e + 1] == '\n')))
                e++;
            sg_buf_puts(&html, "<p>");
            while (i < e && (text[i] == ' ' || text[i] == '\t'))
                sg_buf_putc(&html, text[i++]); /* leading blanks are not text */
            p_start[np] = html.len;
            w_start[np] = want.len;
            for (size_t j = i; j < e; j++) {
                if (text[j] == '\n') {
                    sg_buf_puts(&html, "<br>");
                    sg_buf_putc(&want, '\n');
                } else {
                    sg_buf_put_html(&html, text + j, 1);
                    sg_buf_putc(&want, text[j]);
                }
            }
            p_end[np] = html.len;
            np++;
            sg_buf_puts(&html, "</p>\n");
            i = e;
        }
        w_start[np] = want.len;
        sg_buf_puts(&html, "</article><footer>Footer</footer></body></html>\n");
        assert_false(html.failed);
        sg_doc d;
        sg_t_read_n(&d, html.data, html.len, 1024);
        sg_t_invariants(&d);
        assert_string_equal(d.html_title, "Seed");
        size_t art = 0;
        for (size_t i = 0; i < d.nblocks; i++) {
            const sg_block *b = &d.blocks[i];
            if (b->why != SG_WHY_ARTICLE)
                continue;
            assert_true(art < np);
            size_t wl = w_start[art + 1] - w_start[art];
            assert_int_equal(b->view_len, wl);
            assert_memory_equal(d.view.data + b->view_start, want.data + w_start[art],
                                wl);
            assert_int_equal(sg_doc_to_src(&d, b, b->view_start, 0), p_start[art]);
            assert_int_equal(sg_doc_to_src(&d, b, b->view_start + b->view_len, 1),
                             p_end[art]);
            art++;
        }
        assert_int_equal(art, np);
        assert_int_equal(d.blocks[sg_t_block(&d, "Home")].why, SG_WHY_NAVIGATION);
        sg_doc_free(&d);
        free(p_start);
        free(p_end);
        free(w_start);
        sg_buf_free(&html);
        sg_buf_free(&want);
        free(text);
    }
    if (!found) {
        print_message("corpus not found under %s/seeds: skipped\n", SG_CORPUS_DIR);
        skip();
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_map_entities_to_their_source_span),
        cmocka_unit_test(test_blocks_br_is_a_soft_break),
        cmocka_unit_test(test_blocks_kinds_levels_and_implied_end_tags),
        cmocka_unit_test(test_blocks_loose_text_in_div_is_a_paragraph),
        cmocka_unit_test(test_blocks_nested_list_continues_its_item),
        cmocka_unit_test(test_blocks_pre_is_code),
        cmocka_unit_test(test_inline_events_wrap_inline_elements),
        cmocka_unit_test(test_inline_events_dip_at_a_stray_end_tag),
        cmocka_unit_test(test_inline_elements_closed_by_their_block),
        cmocka_unit_test(test_chrome_by_tag),
        cmocka_unit_test(test_chrome_by_role),
        cmocka_unit_test(test_chrome_by_class_and_id),
        cmocka_unit_test(test_chrome_inline_is_skipped_not_viewed),
        cmocka_unit_test(test_foreign_content_breaks_out_on_html_tags),
        cmocka_unit_test(test_article_root_makes_outside_text_chrome),
        cmocka_unit_test(test_article_root_by_class),
        cmocka_unit_test(test_teaser_articles_do_not_hide_the_main_text),
        cmocka_unit_test(test_article_root_by_role_and_itemprop),
        cmocka_unit_test(test_comment_article_is_not_a_root),
        cmocka_unit_test(test_hidden_and_site_header_are_not_article),
        cmocka_unit_test(test_fragment_is_all_article),
        cmocka_unit_test(test_author_spoiler_markup_is_marked),
        cmocka_unit_test(test_unclosed_spoiler_mark_ends_with_its_block),
        cmocka_unit_test(test_title_and_meta_fields),
        cmocka_unit_test(test_depth_limit_refuses_100000_nested_divs_fast),
        cmocka_unit_test(test_depth_limit_counts_only_open_elements),
        cmocka_unit_test(test_stray_end_tags_stay_linear),
        cmocka_unit_test(test_truncated_html_keeps_what_came_before),
        cmocka_unit_test(test_nul_bytes_and_invalid_utf8_are_kept),
        cmocka_unit_test(test_earlier_insertions_are_read_as_absent),
        cmocka_unit_test(test_earlier_warning_without_chunk_is_not_article),
        cmocka_unit_test(test_self_closed_elements_do_not_nest),
        cmocka_unit_test(test_random_bytes_and_mutations_never_crash),
        cmocka_unit_test(test_large_page_reads_in_linear_time),
        cmocka_unit_test(test_seed_reviews_round_trip_through_html),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
