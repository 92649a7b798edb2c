/*
 * sg_boiler.c -- the boilerplate classifier: which blocks of a page are
 * its chrome (menus, share bars, bylines, related lists ...), for the
 * plain-text, Markdown and HTML readers.
 *
 * In the manner of jusText.  Each block is first judged alone:
 * long prose, prose-like, a score line, short, or chrome by a cue (a menu, a
 * share bar, a byline, a "Related Posts" heading ...).  Then by context: a
 * heading that opens a chrome region makes what follows chrome until long
 * prose comes back, except the blocks right before that prose with no cued
 * chrome between; a heading shortly before long prose is article; short
 * blocks take the class of the blocks around them.  When unsure a block is
 * article, and a text with no chrome cue at all (a byline, a run of short
 * list items or a weak cue alone do not count) is all article.
 */
#include "sg_boiler.h"
#include "sg_phrases.h"
#include "sg_text.h"

/* ---- thresholds ------------------------------------------------------------ */

/* Long prose (jusText's LENGTH_HIGH): such a block is article by itself. */
#define SG_BP_GOOD_BYTES 200
/* Medium text (jusText's LENGTH_LOW) with enough stop words reads as prose. */
#define SG_BP_NEAR_BYTES 70
/* Prose has at least this share (percent) of stop words; menus, titles and
 * lists of names have few (jusText uses 30 with a longer list). */
#define SG_BP_STOP_PCT 25
/* A heading this close (bytes between) before long prose is the article's
 * own heading (jusText's MAX_HEADING_DISTANCE). */
#define SG_BP_HEADING_DISTANCE 200
/* This many short Title Case list items in a row are a menu. */
#define SG_BP_MENU_RUN 3
#define SG_BP_MENU_ITEM_WORDS 5
/* Score lines, dates, bylines and breadcrumbs are short. */
#define SG_BP_SCORE_WORDS 8
#define SG_BP_DATE_WORDS 8
#define SG_BP_BYLINE_WORDS 8
#define SG_BP_CRUMB_WORDS 25
#define SG_BP_CRUMB_SEGMENT_WORDS 5
/* A share bar: mostly names of networks and share actions, short. */
#define SG_BP_SHARE_WORDS 16
#define SG_BP_SHARE_PCT 60
/* "Follow us on ..." lines and author boxes. */
#define SG_BP_FOLLOW_WORDS 20
#define SG_BP_BIO_WORDS 120
/* Cues are looked for in this many bytes at the start of a block. */
#define SG_BP_HEAD_BYTES 160
/* Past this many words no test of a block's start applies: each test is
 * for as many words or fewer (a cue's max_words is 40 at most), and an
 * exact cue needs the whole block in the head, where each word and each
 * gap between two takes a byte at least. */
#define SG_BP_LONG_WORDS SG_BP_BIO_WORDS
_Static_assert(2 * SG_BP_LONG_WORDS - 1 > SG_BP_HEAD_BYTES,
               "the words of a long block do not fit in a head");

/* ---- word lists -------------------------------------------------------------- */

/* The words and phrases the tests below look for are the word table's
 * (SG_WORD_DATE, SG_WORD_DATE_GLUE) and the phrase lists' (sg_phrases.h):
 * chrome cues (SG_PHRASES_CHROME), score labels, verdict heads and the job
 * words of an author box. */

/* ---- judging blocks ----------------------------------------------------------- */

/* How a block is judged, alone and then in context. */
typedef enum sg_bp_class {
    SG_BP_SKIP = 0, /* not judged: no words, or skipped for another reason */
    SG_BP_PRE,      /* chrome already (a reader's container): context only */
    SG_BP_CHROME,   /* chrome */
    SG_BP_GOOD,     /* long prose */
    SG_BP_NEAR,     /* prose-like: a sentence, or medium text with stop words */
    SG_BP_SCORE,    /* a score line or verdict label: the review's own */
    SG_BP_TITLE,    /* a heading shortly before long prose */
    SG_BP_SHORT,    /* short, no cue: takes its neighbours' class */
    SG_BP_WEAK      /* a weak cue: chrome unless article on both sides */
} sg_bp_class;

/* What the nearest judged block on one side is. */
enum { SG_SIDE_EDGE = 0, SG_SIDE_ARTICLE, SG_SIDE_CHROME };

typedef struct sg_bp {
    unsigned char cls, why;
    unsigned char region;    /* opens a chrome region */
    unsigned char cued;      /* judged by a cue of its own */
    unsigned char orig;      /* its class before regions were drawn */
    unsigned char in_region; /* made chrome by a region, not by its own cue */
    unsigned char titleish;  /* a heading or a Title Case line */
    unsigned char prev, prev_why, next, next_why; /* sides, for smoothing */
    size_t bytes;
} sg_bp;

/* A block's start, normalised for matching cues: ASCII lower-cased, blank
 * runs as one space, curly apostrophes as "'", trailing punctuation and a
 * trailing count "(3)" dropped. */
typedef struct sg_head {
    char t[SG_BP_HEAD_BYTES];
    unsigned char up[SG_BP_HEAD_BYTES]; /* the byte was an upper-case letter */
    size_t n;
    int whole; /* the whole block is in t */
} sg_head;

static void sg_head_make(const char *text, size_t n, sg_head *h)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, len = 0; /* not h->n: each store to h->t would reload it */
    int space = 0;
    while (i < n) {
        unsigned char c = s[i];
        /* printable ASCII, the common case, is no blank */
        size_t bl = c == ' ' ? 1 : c > ' ' && c < 0x80 ? 0 : sg_blank_len(s, n, i);
        if (bl || c == '\n') {
            i += bl ? bl : 1;
            space = len > 0;
            continue;
        }
        if (len + 2 > SG_BP_HEAD_BYTES)
            break;
        if (space) {
            h->t[len] = ' ';
            h->up[len++] = 0;
            space = 0;
        }
        if (c > ' ' && c < 0x80) {
            /* a run of printable ASCII, the common case, as far as room
             * is left (a byte is added while len + 2 <= SG_BP_HEAD_BYTES) */
            size_t room = SG_BP_HEAD_BYTES - 1 - len;
            size_t lim = n - i < room ? n : i + room;
            for (; i < lim && s[i] > ' ' && s[i] < 0x80; i++) {
                h->t[len] = (char)sg_to_lower(s[i]);
                h->up[len++] = (unsigned char)sg_is_upper(s[i]);
            }
            continue;
        }
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
            c = '\'';
            i += 3;
        } else
            i++;
        h->t[len] = (char)sg_to_lower(c);
        h->up[len++] = (unsigned char)sg_is_upper(c);
    }
    h->n = len;
    h->whole = i >= n;
    for (;;) {
        size_t m = h->n;
        while (m && strchr(" :!.|-", h->t[m - 1]) && h->t[m - 1])
            m--;
        if (m >= 2 && (unsigned char)h->t[m - 2] == 0xC2 &&
            ((unsigned char)h->t[m - 1] == 0xBB))
            m -= 2;
        if (m && h->t[m - 1] == ')') {
            size_t d = m - 1;
            while (d && sg_is_digit((unsigned char)h->t[d - 1]))
                d--;
            if (d && d < m - 1 && h->t[d - 1] == '(')
                m = d - 1;
        }
        if (m == h->n)
            break;
        h->n = m;
    }
}

static int sg_head_alnum(const sg_head *h, size_t at)
{
    return at < h->n && sg_is_alnum((unsigned char)h->t[at]);
}

/* May a word start (or end) at t[at]?  Yes at the ends, beside a
 * non-alphanumeric byte, or at a change to upper case ("ArticleREVIEW"). */
static int sg_head_boundary(const sg_head *h, size_t at)
{
    if (at == 0 || at >= h->n)
        return 1;
    if (!sg_head_alnum(h, at) || !sg_head_alnum(h, at - 1))
        return 1;
    return h->up[at] && !h->up[at - 1];
}

/* Does `p` (pl bytes) occur in t at `at` as whole words? */
static int sg_head_at(const sg_head *h, size_t at, const char *p, size_t pl)
{
    if (at + pl > h->n || memcmp(h->t + at, p, pl))
        return 0;
    if (sg_is_alnum((unsigned char)p[0]) && !sg_head_boundary(h, at))
        return 0;
    if (sg_is_alnum((unsigned char)p[pl - 1]) && !sg_head_boundary(h, at + pl))
        return 0;
    return 1;
}

/* The first whole-word occurrence of `p` in t starting in [from, last]. */
static int sg_head_find_in(const sg_head *h, const char *p, size_t from, size_t last)
{
    size_t pl = strlen(p);
    if (pl > h->n)
        return -1;
    size_t end = h->n - pl < last ? h->n - pl : last; /* the last start tried */
    for (size_t at = from; at <= end; at++) {
        /* memchr to the first byte, unless it is a space, found all over a
         * head; the second is tried before the call */
        if (p[0] != ' ') {
            const char *q = memchr(h->t + at, p[0], end + 1 - at);
            if (!q)
                break;
            at = (size_t)(q - h->t);
        } else if (h->t[at] != ' ')
            continue;
        if ((pl < 2 || h->t[at + 1] == p[1]) && sg_head_at(h, at, p, pl))
            return (int)at;
    }
    return -1;
}

static int sg_head_find(const sg_head *h, const char *p, size_t from)
{
    return sg_head_find_in(h, p, from, SIZE_MAX);
}

/* The first chrome phrase (SG_PHRASES_CHROME) the head matches, in the
 * list's order: whole, at its start or anywhere in it, as the phrase says.
 * Only the phrases that may stand anywhere and those starting with the
 * head's first byte are tried: a dozen or two, not all of them. */
static const sg_phrase *sg_cue_match(const sg_head *h, const sg_tfeat *f)
{
    const sg_phrase_list *cues = &sg_phrase_lists[SG_PHRASES_CHROME];
    /* an empty head: only the cues that stand anywhere, and they fail */
    const uint64_t *try = cues->at[h->n ? (unsigned char)h->t[0] : 0];
    for (size_t set = 0; set < SG_PHRASE_SETS; set++)
        for (uint64_t bits = try[set]; bits; bits &= bits - 1) {
            size_t k = set * 64 + (size_t)__builtin_ctzll(bits), pl = cues->len[k];
            const sg_phrase *c = &cues->p[k];
            if (c->max_words && f->words > c->max_words)
                continue;
            if ((c->flags & SG_CHROME_NOPUNCT) && f->end_punct)
                continue;
            switch (c->mode) {
            case SG_PHRASE_WHOLE:
                if (h->whole && h->n == pl && !memcmp(h->t, c->text, pl))
                    return c;
                break;
            case SG_PHRASE_START:
                if (sg_head_at(h, 0, c->text, pl))
                    return c;
                break;
            default:
                if (sg_head_find(h, c->text, 0) >= 0)
                    return c;
                break;
            }
        }
    return NULL;
}

/* Number of words in t[a, b). */
static size_t sg_head_words(const sg_head *h, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = a; i < b; i++)
        if (h->t[i] != ' ' && (i == a || h->t[i - 1] == ' '))
            w++;
    return w;
}

/* A breadcrumb trail: "Home » Film » Review" (strong: returns 2) or
 * "Movies & TV / Reviews" (weak: returns 1). */
static int sg_bp_crumbs(const sg_head *h, const sg_tfeat *f)
{
    static const char *const strong[] = {" \xc2\xbb ", " \xe2\x80\xba ", NULL};
    static const char *const weak[] = {" / ", " | ", " > ", NULL};
    if (f->words > SG_BP_CRUMB_WORDS || sg_head_find(h, "\xc2\xab", 0) >= 0)
        return 0;
    for (size_t k = 0; strong[k]; k++) {
        int at = sg_head_find(h, strong[k], 0);
        if (at > 0 && sg_head_words(h, 0, (size_t)at) <= 3)
            return 2;
    }
    if (!h->whole || f->end_punct || f->words > SG_HEADING_MAX_WORDS)
        return 0;
    for (size_t k = 0; weak[k]; k++) {
        size_t a = 0, segs = 0;
        int ok = 1;
        for (;;) {
            int at = sg_head_find(h, weak[k], a);
            size_t b = at < 0 ? h->n : (size_t)at;
            size_t w = sg_head_words(h, a, b);
            if (!w || w > SG_BP_CRUMB_SEGMENT_WORDS ||
                !(h->up[a] || sg_is_digit((unsigned char)h->t[a])))
                ok = 0;
            segs++;
            if (at < 0 || !ok)
                break;
            a = (size_t)at + strlen(weak[k]);
        }
        if (ok && segs >= 2)
            return 1;
    }
    return 0;
}

/* A line that is only a date: "08/07/2025", "October 12, 2023", "Mon 3 Jun
 * 2024 10:30 am". */
static int sg_bp_date(const char *text, size_t n, const sg_tfeat *f)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!f->words || f->words > SG_BP_DATE_WORDS)
        return 0;
    int named = 0, digits = 0, chain = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (sg_is_alnum(c)) {
            size_t a = i;
            while (i < n && sg_is_digit(s[i]))
                i++;
            size_t d = i - a;
            size_t b = i;
            while (i < n && (sg_is_upper(s[i]) || sg_is_lower(s[i])))
                i++;
            if (i < n && sg_is_digit(s[i]))
                return 0;
            char w[12];
            size_t wl = i - b;
            if (wl >= sizeof w)
                return 0;
            for (size_t k = 0; k < wl; k++)
                w[k] = (char)sg_to_lower(s[b + k]);
            if (d) {
                digits = 1;
                if (wl && !(wl == 2 && (!memcmp(w, "st", 2) || !memcmp(w, "nd", 2) ||
                                        !memcmp(w, "rd", 2) || !memcmp(w, "th", 2) ||
                                        !memcmp(w, "am", 2) || !memcmp(w, "pm", 2))))
                    return 0;
                /* 08/07/2025, 2025-08-07, 07.08.2025 */
                if (i + 1 < n && (s[i] == '/' || s[i] == '-' || s[i] == '.') &&
                    sg_is_digit(s[i + 1]))
                    chain++;
            } else if (sg_word_bits(w, wl) & SG_WORD_DATE)
                named = 1;
            else if (!(sg_word_bits(w, wl) & SG_WORD_DATE_GLUE))
                return 0;
            continue;
        }
        if (!(c == ' ' || c == '\t' || c == ',' || c == '|' || c == '/' || c == '-' ||
              c == '.' || c == ':' || c == '\n' || c == '\r'))
            return 0;
        i++;
    }
    return digits && (named || chain >= 2);
}

/* A score line or a verdict label: "7/10", "3/5 stars", "6.0",
 * "Rating - 7/10", "The final score: review Average", "TL;DR". */
static int sg_bp_score(const sg_head *h, const sg_tfeat *f)
{
    if (!h->n || f->words > SG_BP_SCORE_WORDS)
        return 0;
    if (h->whole && sg_phrase_is(SG_PHRASES_VERDICT_HEADS, h->t, h->n))
        return 1;
    const sg_phrase_list *labels = &sg_phrase_lists[SG_PHRASES_SCORE_LABELS];
    for (size_t k = 0; k < labels->n; k++) {
        size_t pl = labels->len[k];
        if (!sg_head_at(h, 0, labels->p[k].text, pl))
            continue;
        size_t j = pl;
        while (j < h->n && h->t[j] == ' ')
            j++;
        if (j < h->n && (h->t[j] == ':' || h->t[j] == '-' || h->t[j] == '='))
            return 1;
        if (j + 2 < h->n && (unsigned char)h->t[j] == 0xE2 &&
            (unsigned char)h->t[j + 1] == 0x80 &&
            ((unsigned char)h->t[j + 2] == 0x93 || (unsigned char)h->t[j + 2] == 0x94))
            return 1;
    }
    size_t stars = 0;
    for (size_t i = 0; i < h->n; i++) {
        unsigned char c = (unsigned char)h->t[i];
        if (c == 0xE2 && i + 2 < h->n && (unsigned char)h->t[i + 1] == 0x98 &&
            ((unsigned char)h->t[i + 2] == 0x85 || (unsigned char)h->t[i + 2] == 0x86))
            stars++;
        if (!sg_is_digit(c) || (i && sg_is_alnum((unsigned char)h->t[i - 1])))
            continue;
        size_t j = i;
        while (j < h->n && sg_is_digit((unsigned char)h->t[j]) && j - i < 4)
            j++;
        if (j - i > 3 || (j < h->n && sg_is_digit((unsigned char)h->t[j])))
            continue;
        if (j + 1 < h->n && (h->t[j] == '.' || h->t[j] == ',') &&
            sg_is_digit((unsigned char)h->t[j + 1])) {
            j++;
            while (j < h->n && sg_is_digit((unsigned char)h->t[j]) && j < i + 8)
                j++;
        }
        if (i == 0 && j == h->n && h->whole)
            return 1; /* a bare score: "6.0", "8" */
        size_t k = j;
        while (k < h->n && h->t[k] == ' ')
            k++;
        if (k < h->n && h->t[k] == '/') {
            k++;
            while (k < h->n && h->t[k] == ' ')
                k++;
            size_t d = k;
            while (k < h->n && sg_is_digit((unsigned char)h->t[k]))
                k++;
            if (k > d && k - d <= 3 && !(k < h->n && (h->t[k] == '/' || h->t[k] == '-')))
                return 1;
            continue;
        }
        if (sg_head_at(h, k, "out of", 6) || sg_head_at(h, k, "stars", 5) ||
            sg_head_at(h, k, "star", 4))
            return 1;
    }
    return stars >= 3;
}

/* An author box: "Sarah is a writer and editor for ...". */
static int sg_bp_bio(const sg_head *h, const sg_tfeat *f)
{
    static const char *const is[] = {" is a ", " is an ", " is the ", NULL};
    if (!h->up[0] || f->words > SG_BP_BIO_WORDS)
        return 0;
    /* near the start, after a name; most heads have no " is " there */
    int first = sg_head_find_in(h, " is ", 0, 40);
    if (first < 0)
        return 0;
    for (size_t k = 0; is[k]; k++) {
        int at = sg_head_find_in(h, is[k], (size_t)first, 40);
        if (at < 0)
            continue;
        const sg_phrase_list *jobs = &sg_phrase_lists[SG_PHRASES_BIO];
        for (size_t w = 0; w < jobs->n; w++)
            if (sg_head_find(h, jobs->p[w].text, (size_t)at) >= 0)
                return 1;
    }
    return 0;
}

/* A block of n bytes with no cue of chrome: prose by its length and stop
 * words, or short. */
static void sg_bp_prose(sg_bp *bp, size_t n, const sg_tfeat *f, int title)
{
    bp->cued = 0;
    int stopful = f->stops * 100 >= (size_t)SG_BP_STOP_PCT * f->words;
    if (n >= SG_BP_GOOD_BYTES && stopful)
        bp->cls = SG_BP_GOOD;
    else if (n >= SG_BP_GOOD_BYTES || (n >= SG_BP_NEAR_BYTES && stopful) ||
             (f->end_punct && f->words >= 3 && !title))
        bp->cls = SG_BP_NEAR;
    else
        bp->cls = SG_BP_SHORT;
}

/* Judge one block alone. */
static void sg_bp_judge(const sg_doc *doc, const sg_block *b, const sg_tfeat *pre,
                        sg_bp *bp)
{
    const char *text = doc->view.data + b->view_start;
    size_t n = b->view_len;
    sg_tfeat f;
    sg_head h;
    if (pre)
        f = *pre;
    else
        sg_tfeat_scan(text, n, &f);
    bp->bytes = n;
    if (!f.words) {
        bp->cls = SG_BP_SKIP;
        return;
    }
    int title = sg_title_like(&f);
    bp->titleish = (unsigned char)(b->kind == SG_BLOCK_HEADING || title);
    if (f.words > SG_BP_LONG_WORDS) {
        /* every test of the block's start below is for fewer words, and
         * the start of this many is no exact cue either (see
         * SG_BP_LONG_WORDS): the head is not made */
        sg_bp_prose(bp, n, &f, title);
        return;
    }
    sg_head_make(text, n, &h);
    const sg_phrase *cue = sg_cue_match(&h, &f);
    bp->cued = 1;
    if (cue) {
        bp->cls = (cue->flags & SG_CHROME_WEAK) ? SG_BP_WEAK : SG_BP_CHROME;
        bp->why = cue->why;
        bp->region = (unsigned char)((cue->flags & SG_CHROME_REGION) != 0);
        return;
    }
    bp->cls = SG_BP_CHROME;
    /* "By Name ..." */
    if (h.n > 3 && !memcmp(h.t, "by ", 3) && h.up[3] && f.words <= SG_BP_BYLINE_WORDS &&
        !f.end_punct) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    /* "Facebook Twitter Pinterest Email" */
    if (f.words <= SG_BP_SHARE_WORDS && f.networks >= 2 &&
        (f.networks + f.shares) * 100 >= (size_t)SG_BP_SHARE_PCT * f.words) {
        bp->why = SG_WHY_SHARE;
        return;
    }
    /* "12 Comments" */
    if (h.n && sg_is_digit((unsigned char)h.t[0]) && f.words <= 3) {
        size_t d = 0;
        while (d < h.n && sg_is_digit((unsigned char)h.t[d]))
            d++;
        if (sg_head_at(&h, d, " comment", 8) || sg_head_at(&h, d, " comments", 9) ||
            sg_head_at(&h, d, " responses", 10)) {
            bp->why = SG_WHY_COMMENTS;
            bp->region = 1;
            return;
        }
    }
    int crumbs = sg_bp_crumbs(&h, &f);
    if (crumbs == 2) {
        bp->why = SG_WHY_NAVIGATION;
        return;
    }
    bp->cls = SG_BP_WEAK;
    if (sg_bp_date(text, n, &f)) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    if (sg_bp_score(&h, &f)) {
        bp->cls = SG_BP_SCORE;
        bp->cued = 0;
        return;
    }
    if (sg_bp_bio(&h, &f)) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    if (f.words <= SG_BP_FOLLOW_WORDS &&
        (sg_head_find(&h, "follow us", 0) >= 0 ||
         (f.networks && sg_head_find(&h, "follow", 0) >= 0))) {
        bp->why = SG_WHY_SHARE;
        return;
    }
    if (crumbs == 1) {
        bp->why = SG_WHY_NAVIGATION;
        return;
    }
    sg_bp_prose(bp, n, &f, title);
}

/* Is this reason page chrome (as opposed to code, front matter, off ...)? */
static int sg_why_chrome(sg_why why)
{
    return why == SG_WHY_NAVIGATION || why == SG_WHY_RELATED ||
           why == SG_WHY_NEWSLETTER || why == SG_WHY_SHARE || why == SG_WHY_COMMENTS ||
           why == SG_WHY_FOOTER || why == SG_WHY_BYLINE || why == SG_WHY_BOILERPLATE;
}

/* Runs of short Title Case list items are menus. */
static void sg_bp_menus(const sg_doc *doc, sg_bp *bp, size_t first, size_t n)
{
    size_t run = 0, titles = 0, start = first;
    for (size_t i = first; i <= n; i++) {
        int item = 0;
        if (i < n && bp[i - first].cls != SG_BP_SKIP) {
            const sg_block *b = &doc->blocks[i];
            const sg_bp *c = &bp[i - first];
            if (b->kind == SG_BLOCK_LIST_ITEM &&
                (c->cls == SG_BP_SHORT || c->cls == SG_BP_WEAK ||
                 c->cls == SG_BP_CHROME)) {
                sg_tfeat f;
                sg_tfeat_scan(doc->view.data + b->view_start, b->view_len, &f);
                if (f.words <= SG_BP_MENU_ITEM_WORDS && !f.end_punct) {
                    item = 1;
                    titles += (size_t)sg_title_like(&f);
                }
            }
        } else if (i < n)
            continue; /* empty blocks neither make nor break a run */
        if (item) {
            if (!run++)
                start = i;
            continue;
        }
        if (run >= SG_BP_MENU_RUN && titles * 100 >= (size_t)SG_TITLE_PCT * run)
            for (size_t k = start; k < i; k++) {
                sg_bp *c = &bp[k - first];
                if (c->cls == SG_BP_SHORT || c->cls == SG_BP_WEAK) {
                    c->cls = SG_BP_CHROME;
                    c->why = SG_WHY_NAVIGATION;
                }
            }
        run = titles = 0;
    }
}

void sg_classify_boilerplate(sg_doc *doc, size_t first_block)
{
    sg_classify_lines(doc, first_block, NULL, 0);
}

void sg_classify_lines(sg_doc *doc, size_t first_block, const sg_tfeat *const *pre,
                       size_t npre)
{
    if (!doc || first_block >= doc->nblocks || !doc->view.data)
        return;
    sg_words_init(); /* the word table and the phrase lists */
    size_t n = doc->nblocks, m = n - first_block;
    sg_bp *bp = calloc(m, sizeof *bp);
    if (!bp)
        return; /* unsure: everything stays article */
    int chrome = 0;
    for (size_t i = first_block; i < n; i++) {
        const sg_block *b = &doc->blocks[i];
        sg_bp *c = &bp[i - first_block];
        if (b->why != SG_WHY_ARTICLE) {
            c->cls = sg_why_chrome(b->why) ? SG_BP_PRE : SG_BP_SKIP;
            c->why = (unsigned char)b->why;
            c->bytes = b->view_len;
        } else {
            sg_bp_judge(doc, b, i - first_block < npre ? pre[i - first_block] : NULL, c);
        }
    }
    /* Page chrome is there when a block says so by a cue; a byline, a run of
     * short list items or a weak cue alone may well be the author's own. */
    for (size_t i = 0; i < m; i++)
        if (bp[i].cls == SG_BP_PRE ||
            (bp[i].cls == SG_BP_CHROME && bp[i].why != SG_WHY_BYLINE))
            chrome = 1;
    if (!chrome) { /* no page chrome around: all article */
        free(bp);
        return;
    }
    sg_bp_menus(doc, bp, first_block, n);

    /* regions: a chrome heading makes what follows chrome until long prose */
    unsigned char region = 0;
    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        c->orig = c->cls;
        if (c->cls == SG_BP_SKIP || c->cls == SG_BP_PRE)
            continue;
        if (c->region) {
            c->cls = SG_BP_CHROME;
            region = c->why;
            continue;
        }
        if (!region || c->cls == SG_BP_CHROME)
            continue;
        if (c->cls == SG_BP_WEAK) { /* its own cue names it better */
            c->cls = SG_BP_CHROME;
            continue;
        }
        if (c->cls == SG_BP_GOOD) {
            region = 0;
            continue;
        }
        c->cls = SG_BP_CHROME;
        c->why = region;
        c->in_region = 1;
    }

    /* Walking back from each stretch of long prose: the blocks right before
     * it with no cued chrome between are not the region's after all (a short
     * paragraph after a newsletter box), and a heading shortly before it,
     * with only a byline or share bar between, is the article's own. */
    size_t good = (size_t)-1, dist = 0;
    int run = 0;
    for (size_t i = m; i-- > 0;) {
        sg_bp *c = &bp[i];
        if (c->cls == SG_BP_SKIP) {
            dist += c->bytes;
            continue;
        }
        if (run && c->in_region && !c->cued) {
            c->cls = c->orig;
            c->in_region = 0;
        } else if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            run = 0;
        if (c->titleish && good != (size_t)-1 && dist <= SG_BP_HEADING_DISTANCE &&
            !c->cued &&
            (c->cls == SG_BP_SHORT || (c->cls == SG_BP_CHROME && c->in_region)))
            c->cls = SG_BP_TITLE;
        if (c->cls == SG_BP_GOOD) {
            good = i;
            dist = 0;
            run = 1;
        } else if (c->region || (c->cued && c->cls == SG_BP_CHROME &&
                                 c->why != SG_WHY_BYLINE && c->why != SG_WHY_SHARE))
            good = (size_t)-1; /* only bylines and share bars sit between a
                                  title and its text */
        else
            dist += c->bytes;
    }

    /* the nearest judged block on each side */
    unsigned char side = SG_SIDE_EDGE, side_why = 0;
    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        c->prev = side;
        c->prev_why = side_why;
        if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            side = SG_SIDE_CHROME, side_why = c->why;
        else if (c->cls == SG_BP_GOOD || c->cls == SG_BP_NEAR || c->cls == SG_BP_SCORE ||
                 c->cls == SG_BP_TITLE)
            side = SG_SIDE_ARTICLE;
    }
    side = SG_SIDE_EDGE;
    side_why = 0;
    for (size_t i = m; i-- > 0;) {
        sg_bp *c = &bp[i];
        c->next = side;
        c->next_why = side_why;
        if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            side = SG_SIDE_CHROME, side_why = c->why;
        else if (c->cls == SG_BP_GOOD || c->cls == SG_BP_NEAR || c->cls == SG_BP_SCORE ||
                 c->cls == SG_BP_TITLE)
            side = SG_SIDE_ARTICLE;
    }

    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        sg_block *b = &doc->blocks[first_block + i];
        unsigned char why = 0;
        switch (c->cls) {
        case SG_BP_CHROME:
            why = c->why;
            break;
        case SG_BP_NEAR:
            if (c->prev == SG_SIDE_CHROME && c->next == SG_SIDE_CHROME)
                why = c->prev_why;
            break;
        case SG_BP_SHORT:
            if (c->prev != SG_SIDE_ARTICLE && c->next != SG_SIDE_ARTICLE &&
                (c->prev | c->next) != SG_SIDE_EDGE)
                why = c->prev == SG_SIDE_CHROME ? c->prev_why : c->next_why;
            break;
        case SG_BP_WEAK:
            if (!(c->prev == SG_SIDE_ARTICLE && c->next == SG_SIDE_ARTICLE))
                why = c->why;
            break;
        default:
            break;
        }
        if (why && b->why == SG_WHY_ARTICLE)
            b->why = (sg_why)why;
    }
    free(bp);
}
