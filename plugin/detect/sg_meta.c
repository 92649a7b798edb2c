/*
 * sg_meta.c -- title, work, year, genres, author, date, and the excerpt.
 *
 * Fields the readers found (front matter, HTML <meta>, <title>) come first;
 * then the text: a review headline names the work ("Review Ballerina (2023):
 * ...", "REVIEW: 'Ballerina' Is ...", "Netflix movie review: Ballerina - ...",
 * "Ballerina Review", "'Ballerina' review: ..."), a "Genre:" line lists
 * genres, a byline ("By Name", "Posted by Name") names the author and often
 * carries the date.  Bylines sit in page chrome as often as in the article,
 * so metadata may come from byline and navigation blocks (never from code,
 * comments, related-post lists or footers); the rating never does.
 *
 * Everything reads only the first blocks and short lines (bounded), so the
 * cost is linear in the input.  Dates come out as ISO 8601 (YYYY-MM-DD) when
 * they parse, else as written.
 */
#include "sg_meta_text.h"
#include "sg_phrases.h"
#include "sg_text.h"

#include <strings.h>

/* How many blocks from the top are searched for headlines and bylines. */
#define SG_M_TOP_BLOCKS 80
/* The excerpt's length in bytes, ellipsis included (a meta description). */
#define SG_M_EXCERPT_MAX 160

/* ---- fields ------------------------------------------------------------------------ */

static const char *sg_m_field(const sg_doc *doc, const char *const *keys)
{
    for (size_t k = 0; keys[k]; k++)
        for (size_t i = 0; i < doc->nfields; i++)
            if (doc->fields[i].key && doc->fields[i].value &&
                !strcmp(doc->fields[i].key, keys[k]) && doc->fields[i].value[0])
                return doc->fields[i].value;
    return NULL;
}

/* Blocks that may carry metadata: not code, comments, lists of other
 * posts, footers or sign-up boxes. */
static int sg_m_block_ok(const sg_block *b)
{
    switch (b->why) {
    case SG_WHY_CODE:
    case SG_WHY_SCRIPT:
    case SG_WHY_STYLE:
    case SG_WHY_FRONT_MATTER:
    case SG_WHY_RELATED:
    case SG_WHY_NEWSLETTER:
    case SG_WHY_COMMENTS:
    case SG_WHY_FOOTER:
    case SG_WHY_OFF:
        return 0;
    default:
        return b->kind != SG_BLOCK_CODE && b->view_len > 0;
    }
}

/* Iterate the trimmed lines of the top blocks: call fn until it returns 1. */
typedef int (*sg_m_line_fn)(void *ctx, const sg_doc *doc, size_t block, sg_muc *t,
                            size_t n);

static int sg_m_lines(const sg_doc *doc, sg_m_line_fn fn, void *ctx)
{
    size_t seen = 0;
    for (size_t bi = 0; bi < doc->nblocks && seen < SG_M_TOP_BLOCKS; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (!sg_m_block_ok(b))
            continue;
        seen++;
        sg_muc *v = (sg_muc *)doc->view.data + b->view_start;
        size_t n = b->view_len, i = 0;
        for (int lines = 0; i < n && lines < 64; lines++) {
            const void *nl = memchr(v + i, '\n', n - i);
            size_t e = nl ? (size_t)((sg_muc *)nl - v) : n;
            size_t s = i, te = e;
            sg_m_trim(v, &s, &te);
            if (te > s && te - s <= SG_M_LINE_MAX && fn(ctx, doc, bi, v + s, te - s))
                return 1;
            i = e + 1;
        }
    }
    return 0;
}

/* ---- the headline ---------------------------------------------------------------- */

typedef struct sg_m_headline {
    size_t block;
    sg_muc *line;
    size_t n;
    size_t ws, we, ys;
} sg_m_headline;

static int sg_m_headline_fn(void *ctx, const sg_doc *doc, size_t block, sg_muc *t,
                            size_t n)
{
    (void)doc;
    sg_m_headline *h = ctx;
    if (n > 200 || !sg_m_parse_work(t, n, &h->ws, &h->we, &h->ys))
        return 0;
    h->block = block;
    h->line = t;
    h->n = n;
    return 1;
}

static int sg_m_find_headline(const sg_doc *doc, sg_m_headline *h)
{
    memset(h, 0, sizeof *h);
    return sg_m_lines(doc, sg_m_headline_fn, h);
}

/* <title> text without a trailing site name ("... - But Why Tho"). */
static char *sg_m_page_title(const char *t)
{
    size_t n = strlen(t), cut = n;
    sg_muc *u = (sg_muc *)t;
    for (size_t i = n; i-- > 0;) {
        size_t l = 0;
        if (i + 2 < n && u[i] == ' ' && (u[i + 1] == '|' || u[i + 1] == '-') &&
            u[i + 2] == ' ')
            l = 1;
        else if (i + 4 < n && u[i] == ' ' && u[i + 1] == 0xE2 && u[i + 2] == 0x80 &&
                 (u[i + 3] == 0x93 || u[i + 3] == 0x94) && u[i + 4] == ' ')
            l = 1;
        if (l) {
            if (n - i <= 40 && i >= 10)
                cut = i;
            break;
        }
        if (n - i > 40)
            break;
    }
    size_t s = 0, e = cut;
    sg_m_trim(u, &s, &e);
    return sg_m_dup(u, s, e);
}

/* ---- genres ---------------------------------------------------------------------- */

#define SG_M_MAX_GENRES 32

/* Is `w` one of the genres tags name (the phrase list SG_PHRASES_GENRES)? */
static int sg_m_genre(const char *w)
{
    return sg_phrase_is(SG_PHRASES_GENRES, w, strlen(w));
}

/* Is `w` what a genre tag may add after its genre ("movies", "books")? */
static int sg_m_medium(const char *w)
{
    return (sg_word_bits(w, strlen(w)) & SG_WORD_MEDIUM) != 0;
}

/* Is `w` (lower case, words apart) a genre, maybe plural ("thrillers",
 * "comedies")? */
static int sg_m_genre_word(const char *w)
{
    char b[64];
    size_t n = strlen(w);
    if (sg_m_genre(w))
        return 1;
    if (n < 3 || n >= sizeof b || w[n - 1] != 's')
        return 0;
    memcpy(b, w, n - 1);
    b[n - 1] = '\0';
    if (sg_m_genre(b))
        return 1;
    if (n > 3 && w[n - 3] == 'i' && w[n - 2] == 'e') {
        b[n - 3] = 'y';
        b[n - 2] = '\0';
        return sg_m_genre(b);
    }
    return 0;
}

/* Does the tag t[s, e) name a genre: a genre ("Sci-Fi", "Science Fiction"),
 * a genre and its medium ("Horror Movies"), or genres run together ("Horror
 * Comedy")?  "Review", "Netflix", the work's title and "A+" do not. */
static int sg_m_is_genre(sg_muc *t, size_t s, size_t e)
{
    char g[64];
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char c = t[i];
        if (n + 1 >= sizeof g)
            return 0;
        if (c == '-' || c == '_' || c == ' ' || c == '/')
            c = ' ';
        else
            c = sg_to_lower(c);
        if (c == ' ' && (!n || g[n - 1] == ' '))
            continue;
        g[n++] = (char)c;
    }
    while (n && g[n - 1] == ' ')
        n--;
    g[n] = '\0';
    if (!n)
        return 0;
    if (sg_m_genre_word(g))
        return 1;
    /* a medium after it */
    char *last = strrchr(g, ' ');
    if (last && sg_m_medium(last + 1)) {
        *last = '\0';
        if (sg_m_genre_word(g))
            return 1;
        *last = ' ';
    }
    /* genres run together, each a genre of one word */
    int words = 0;
    for (char *w = g, *sp; w; w = sp ? sp + 1 : NULL) {
        sp = strchr(w, ' ');
        if (sp)
            *sp = '\0';
        if (!sg_m_genre_word(w) && !(words && !sp && sg_m_medium(w)))
            return 0;
        words++;
    }
    return words > 1;
}

static void sg_m_add_genre(sg_meta *m, sg_muc *t, size_t s, size_t e, int only_genres)
{
    sg_m_clean(t, &s, &e);
    while (e > s && (t[e - 1] == '.' || t[e - 1] == ']' || t[e - 1] == '}'))
        e--;
    while (s < e && (t[s] == '[' || t[s] == '{' || t[s] == '#'))
        s++;
    sg_m_clean(t, &s, &e);
    if (e <= s || e - s > 60 || m->ngenres >= SG_M_MAX_GENRES ||
        (only_genres && !sg_m_is_genre(t, s, e)))
        return;
    for (size_t i = 0; i < m->ngenres; i++)
        if (strlen(m->genres[i]) == e - s &&
            !strncasecmp(m->genres[i], (const char *)t + s, e - s))
            return;
    char *g = sg_m_dup(t, s, e);
    if (!g)
        return;
    char **p = realloc(m->genres, (m->ngenres + 1) * sizeof *p);
    if (!p) {
        free(g);
        return;
    }
    m->genres = p;
    m->genres[m->ngenres++] = g;
}

/* Split a list ("action, thriller", "[a, b]", "a | b", "a/b") into genres;
 * `only_genres`: a list of tags, of which only genres are kept. */
static void sg_m_add_genres(sg_meta *m, sg_muc *t, size_t n, int only_genres)
{
    size_t s = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || t[i] == ',' || t[i] == ';' || t[i] == '|' ||
            (t[i] == '/' && !only_genres)) {
            sg_m_add_genre(m, t, s, i, only_genres);
            s = i + 1;
        }
    }
}

static void sg_m_genres_from_fields(sg_meta *m, const sg_doc *doc, const char *key,
                                    int only_genres)
{
    for (size_t i = 0; i < doc->nfields; i++)
        if (doc->fields[i].key && doc->fields[i].value &&
            !strcmp(doc->fields[i].key, key))
            sg_m_add_genres(m, (sg_muc *)doc->fields[i].value,
                            strlen(doc->fields[i].value), only_genres);
}

static int sg_m_genre_line_fn(void *ctx, const sg_doc *doc, size_t block, sg_muc *t,
                              size_t n)
{
    (void)doc;
    (void)block;
    size_t e = sg_m_word(t, n, 0, "genres");
    if (!e)
        e = sg_m_word(t, n, 0, "genre");
    if (!e)
        return 0;
    e = sg_skip_spaces(t, n, e, SG_SP_NEWLINE);
    if (e >= n || t[e] != ':')
        return 0;
    sg_m_add_genres(ctx, t + e + 1, n - e - 1, 0);
    return ((sg_meta *)ctx)->ngenres > 0;
}

/* ---- the author ------------------------------------------------------------------ */

/* A person's name at t[i]: 1-5 capitalised words (particles allowed inside),
 * stopping at digits, punctuation or a lower-case word. */
static int sg_m_name(sg_muc *t, size_t n, size_t i, size_t *ns, size_t *ne)
{
    size_t j = i, end = i;
    int words = 0;
    while (j < n && words < 5) {
        int particle = 0;
        size_t me;
        if (words && sg_m_month(t, n, j, &me))
            break; /* "Posted by Rob Stewart October 12" */
        if (!(sg_is_upper(t[j]) || (t[j] >= 0xC3 && t[j] <= 0xDF))) {
            /* a particle (the word table's SG_WORD_PARTICLE), a whole word */
            size_t pe = j;
            while (pe < n && sg_is_alpha(t[pe]))
                pe++;
            particle = (pe >= n || !sg_is_digit(t[pe])) &&
                       (sg_word_bits((const char *)t + j, pe - j) & SG_WORD_PARTICLE);
            if (!particle || !words)
                break;
        }
        size_t w = j;
        while (w < n) {
            unsigned char c = t[w];
            if (sg_is_alpha(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.') {
                /* a right quote is part of "O’Brien"; stop at other symbols */
                if (c == 0xE2 && !(w + 2 < n && t[w + 1] == 0x80 && t[w + 2] == 0x99))
                    break;
                w++;
            } else
                break;
        }
        if (w == j)
            break;
        words++;
        if (!particle)
            end = w;
        if (w < n && t[w] == ' ' && w + 1 < n &&
            (sg_is_alpha(t[w + 1]) || t[w + 1] >= 0xC3))
            j = w + 1;
        else
            break;
    }
    if (end <= i)
        return 0;
    while (end > i && t[end - 1] == '.' && !(end - i >= 2 && sg_is_upper(t[end - 2])))
        end--;
    if (end - i < 2 || end - i > 60)
        return 0;
    *ns = i;
    *ne = end;
    return 1;
}

typedef struct sg_m_byline {
    size_t block;
    sg_muc *line;
    size_t n;
    size_t ns, ne;
} sg_m_byline;

static int sg_m_byline_fn(void *ctx, const sg_doc *doc, size_t block, sg_muc *t, size_t n)
{
    (void)doc;
    sg_m_byline *bl = ctx;
    if (n > 240)
        return 0;
    const sg_phrase_list *leads = &sg_phrase_lists[SG_PHRASES_LEADS];
    for (size_t i = 0; i + 3 < n; i++) {
        if ((t[i] | 0x20) != 'b' && !leads->some[t[i] | 0x20])
            continue;
        size_t e = 0;
        int glued = i > 0 && sg_is_alpha(t[i - 1]);
        /* a lead glued to a word is none; at most one lead starts here */
        size_t l = glued ? 0 : sg_phrase_at(SG_PHRASES_LEADS, t, n, i);
        if (l && i + l < n && sg_is_space(t[i + l]))
            e = i + l;
        if (!e && (t[i] == 'B' || (t[i] == 'b' && !glued)) && (t[i + 1] | 0x20) == 'y' &&
            sg_is_space(t[i + 2])) {
            /* "By Name" opens the line, follows punctuation, or is glued to
             * the end of a word the page ran into it ("MusnickyBy Sarah") */
            size_t p = i;
            while (p > 0 && sg_is_space(t[p - 1]))
                p--;
            if (p == 0 || (glued && t[i] == 'B' && sg_is_lower(t[i - 1])) ||
                (!glued && (t[p - 1] == '|' || t[p - 1] == ',' || t[p - 1] == '-' ||
                            t[p - 1] >= 0x80 || t[p - 1] == ':')))
                e = i + 2;
        }
        if (!e)
            continue;
        size_t s = sg_skip_spaces(t, n, e, SG_SP_NEWLINE);
        if (sg_m_name(t, n, s, &bl->ns, &bl->ne)) {
            bl->block = block;
            bl->line = t;
            bl->n = n;
            return 1;
        }
    }
    return 0;
}

/* ---- the date -------------------------------------------------------------------- */

typedef struct sg_m_date_ctx {
    int byline_only;
    char iso[11];
} sg_m_date_ctx;

static int sg_m_date_fn(void *ctx, const sg_doc *doc, size_t block, sg_muc *t, size_t n)
{
    sg_m_date_ctx *dc = ctx;
    const sg_block *b = &doc->blocks[block];
    if (dc->byline_only && b->why != SG_WHY_BYLINE)
        return 0;
    if (!dc->byline_only && n > 100)
        return 0;
    return sg_m_find_date(t, n, dc->iso);
}

/* ---- the whole ------------------------------------------------------------------- */

/* ---- a metadata header ------------------------------------------------------------ */

#define SG_M_HEADER_MAX 16

/* A metadata header opening a text that has no front matter, as Pelican and
 * MultiMarkdown write it: "Title: ...", "Date: ...", "Tags: ..." lines up to
 * the first blank line, one of them the title.  Its lines become fields in
 * f (the caller frees them with sg_m_header_free); returns their number. */
static size_t sg_m_header_fields(const sg_doc *doc, sg_field *f)
{
    const sg_block *b = NULL;
    for (size_t bi = 0; bi < doc->nblocks && !b; bi++)
        if (doc->blocks[bi].view_len)
            b = &doc->blocks[bi];
    if (!b || b->why != SG_WHY_ARTICLE || doc->nfields || doc->format == SG_FORMAT_HTML)
        return 0;
    sg_muc *v = (sg_muc *)doc->view.data + b->view_start;
    size_t n = b->view_len, i = 0, nf = 0;
    int title = 0;
    while (i < n) {
        const void *nl = memchr(v + i, '\n', n - i);
        size_t e = nl ? (size_t)((sg_muc *)nl - v) : n, k = i;
        /* "Key: value", the key one to three words of letters */
        while (k < e && k - i <= 20 && (sg_is_alpha(v[k]) || (v[k] == ' ' && k > i)))
            k++;
        size_t vs = k + 1, ve = e;
        if (k == i || k >= e || v[k] != ':' || nf == SG_M_HEADER_MAX)
            break;
        sg_m_trim(v, &vs, &ve);
        if (ve <= vs)
            break;
        char key[24];
        size_t kl = 0;
        for (size_t j = i; j < k && kl + 1 < sizeof key; j++)
            key[kl++] = v[j] == ' ' ? '_' : (char)(v[j] | 0x20);
        key[kl] = '\0';
        f[nf].key = sg_strndup(key, kl);
        f[nf].value = sg_m_dup(v, vs, ve);
        f[nf].src = SIZE_MAX;
        if (!f[nf].key || !f[nf].value) {
            free(f[nf].key);
            free(f[nf].value);
            break;
        }
        title |= !strcmp(key, "title");
        nf++;
        i = e + 1;
    }
    if (i < n || nf < 2 || !title) {
        for (size_t k = 0; k < nf; k++) {
            free(f[k].key);
            free(f[k].value);
        }
        return 0;
    }
    return nf;
}

static void sg_m_find(const sg_doc *doc, sg_meta *out);

void sg_meta_find(const sg_doc *doc, const sg_sentence *s, size_t ns, sg_meta *out)
{
    /* headlines and bylines are lines, not sentences; the excerpt (built
     * later, once flags are known) is the part that reads sentences */
    (void)s;
    (void)ns;
    memset(out, 0, sizeof *out);
    if (!doc)
        return;
    sg_words_init(); /* the word table and the phrase lists */
    /* a metadata header is read as front matter is */
    sg_field hf[SG_M_HEADER_MAX];
    size_t nh = sg_m_header_fields(doc, hf);
    if (!nh) {
        sg_m_find(doc, out);
        return;
    }
    sg_doc with = *doc;
    with.fields = hf;
    with.nfields = nh;
    sg_m_find(&with, out);
    for (size_t k = 0; k < nh; k++) {
        free(hf[k].key);
        free(hf[k].value);
    }
}

static void sg_m_find(const sg_doc *doc, sg_meta *out)
{
    static const char *const title_keys[] = {
        "title", "og:title", "twitter:title", "dc.title", "headline", "post_title", NULL};
    static const char *const work_keys[] = {"work", "film",         "movie",
                                            "show", "itemreviewed", NULL};
    static const char *const year_keys[] = {"year", "release_year", "released", NULL};
    static const char *const author_keys[] = {
        "author",          "article:author", "dc.creator", "byline", "parsely-author",
        "sailthru.author", "creator",        "authors",    NULL};
    static const char *const date_keys[] = {"date",
                                            "article:published_time",
                                            "published_time",
                                            "og:published_time",
                                            "datepublished",
                                            "date_published",
                                            "pubdate",
                                            "publishdate",
                                            "publish_date",
                                            "published",
                                            "post_date",
                                            "created",
                                            "dc.date",
                                            "dc.date.issued",
                                            "sailthru.date",
                                            "parsely-pub-date",
                                            NULL};

    sg_m_headline h;
    int have_h = doc->view.data && sg_m_find_headline(doc, &h);

    /* title */
    const char *ft = sg_m_field(doc, title_keys);
    if (ft)
        out->title = sg_strndup(ft, strlen(ft));
    else if (doc->html_title && doc->html_title[0])
        out->title = sg_m_page_title(doc->html_title);
    if (!out->title && have_h)
        out->title = sg_m_title_dup(h.line, 0, h.n);
    for (size_t bi = 0; !out->title && bi < doc->nblocks && bi < SG_M_TOP_BLOCKS; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (b->kind == SG_BLOCK_HEADING && b->why == SG_WHY_ARTICLE && b->view_len) {
            sg_muc *v = (sg_muc *)doc->view.data + b->view_start;
            size_t a = 0, e = b->view_len;
            sg_m_trim(v, &a, &e);
            if (e > a && e - a <= SG_M_LINE_MAX)
                out->title = sg_m_title_dup(v, a, e);
        }
    }
    for (size_t bi = 0; !out->title && bi < doc->nblocks; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (b->why != SG_WHY_ARTICLE || !b->view_len || b->kind == SG_BLOCK_CODE)
            continue;
        sg_muc *v = (sg_muc *)doc->view.data + b->view_start;
        const void *nl = memchr(v, '\n', b->view_len);
        size_t a = 0, e = nl ? (size_t)((sg_muc *)nl - v) : b->view_len;
        sg_m_trim(v, &a, &e);
        if (e > a && e - a <= 120)
            out->title = sg_m_title_dup(v, a, e);
        break;
    }

    /* work and year */
    const char *fw = sg_m_field(doc, work_keys);
    size_t ws, we, ys = SIZE_MAX;
    if (fw)
        out->work = sg_strndup(fw, strlen(fw));
    else if (out->title &&
             sg_m_parse_work((sg_muc *)out->title, strlen(out->title), &ws, &we, &ys)) {
        out->work = sg_m_dup((sg_muc *)out->title, ws, we);
        if (ys != SIZE_MAX)
            out->year = sg_m_dup((sg_muc *)out->title, ys, ys + 4);
    } else if (have_h) {
        out->work = sg_m_dup(h.line, h.ws, h.we);
        if (h.ys != SIZE_MAX)
            out->year = sg_m_dup(h.line, h.ys, h.ys + 4);
    }
    if (!out->year) {
        const char *fy = sg_m_field(doc, year_keys);
        int y;
        if (fy && sg_m_year((sg_muc *)fy, strlen(fy), 0, &y))
            out->year = sg_strndup(fy, 4);
    }

    /* genres: a genre field or line as it is; else the genres among the
     * tags, categories and keywords */
    sg_m_genres_from_fields(out, doc, "genres", 0);
    if (!out->ngenres)
        sg_m_genres_from_fields(out, doc, "genre", 0);
    if (!out->ngenres && doc->view.data)
        sg_m_lines(doc, sg_m_genre_line_fn, out);
    static const char *const tag_keys[] = {
        "tags",     "tag",         "categories",      "category",
        "keywords", "article:tag", "article:section", NULL};
    for (size_t k = 0; tag_keys[k] && !out->ngenres; k++)
        sg_m_genres_from_fields(out, doc, tag_keys[k], 1);

    /* author */
    for (size_t k = 0; author_keys[k] && !out->author; k++) {
        const char *one[2] = {author_keys[k], NULL};
        const char *fa = sg_m_field(doc, one);
        if (!fa || !strncmp(fa, "http", 4) || fa[0] == '/' || fa[0] == '@')
            continue;
        sg_muc *u = (sg_muc *)fa;
        size_t a = 0, e = strlen(fa);
        if (e > 3 && (u[0] | 0x20) == 'b' && (u[1] | 0x20) == 'y' && u[2] == ' ')
            a = 3;
        sg_m_trim(u, &a, &e);
        out->author = sg_m_dup(u, a, e);
    }
    sg_m_byline bl;
    memset(&bl, 0, sizeof bl);
    int have_bl = doc->view.data && sg_m_lines(doc, sg_m_byline_fn, &bl);
    if (!out->author && have_bl)
        out->author = sg_m_dup(bl.line, bl.ns, bl.ne);

    /* date: the first date field that holds a date ("published: true"
     * says whether, not when); else the first one as written, when it has
     * a digit */
    char iso[11];
    const char *raw = NULL;
    for (size_t k = 0; date_keys[k] && !out->date; k++) {
        const char *one[2] = {date_keys[k], NULL};
        const char *fd = sg_m_field(doc, one);
        if (!fd)
            continue;
        if (sg_m_find_date((sg_muc *)fd, strlen(fd), iso))
            out->date = sg_strndup(iso, 10);
        else if (!raw && strpbrk(fd, "0123456789"))
            raw = fd;
    }
    if (!out->date && raw) {
        sg_muc *u = (sg_muc *)raw;
        size_t a = 0, e = strlen(raw);
        sg_m_trim(u, &a, &e);
        out->date = sg_m_dup(u, a, e);
    }
    if (!out->date && have_bl && sg_m_find_date(bl.line, bl.n, iso))
        out->date = sg_strndup(iso, 10);
    if (!out->date && doc->view.data) {
        sg_m_date_ctx dc;
        memset(&dc, 0, sizeof dc);
        dc.byline_only = 1;
        if (sg_m_lines(doc, sg_m_date_fn, &dc))
            out->date = sg_strndup(dc.iso, 10);
    }
    if (!out->date && have_h) {
        /* a short dated line just under the headline */
        for (size_t bi = h.block; bi < doc->nblocks && bi <= h.block + 6; bi++) {
            const sg_block *b = &doc->blocks[bi];
            if (!sg_m_block_ok(b) || b->view_len > 100)
                continue;
            if (sg_m_find_date((sg_muc *)doc->view.data + b->view_start, b->view_len,
                               iso)) {
                out->date = sg_strndup(iso, 10);
                break;
            }
        }
    }
}

/* ---- the excerpt ------------------------------------------------------------------ */

/* Sentences that are page furniture inside a paragraph: bylines, credits,
 * captions, "Label: value" lines, and anything without a sentence's closing
 * mark. */
static int sg_m_furniture(sg_muc *t, size_t n)
{
    /* a sentence ends with . ! ? or an ellipsis, maybe inside quotes */
    size_t e = n;
    for (int k = 0; k < 3 && e > 0; k++) {
        size_t q = sg_m_quote_before(t, 0, e);
        if (q)
            e -= q;
        else if (t[e - 1] == ')' || t[e - 1] == ']' || t[e - 1] == '*' || t[e - 1] == '_')
            e--;
        else
            break;
    }
    if (e == 0)
        return 1;
    if (t[e - 1] != '.' && t[e - 1] != '!' && t[e - 1] != '?' &&
        !(e >= 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 && t[e - 1] == 0xA6))
        return 1;
    if (n >= 3 && (t[0] | 0x20) == 'b' && (t[1] | 0x20) == 'y' && t[2] == ' ')
        return 1;
    /* "Genre: action, thriller." */
    for (size_t i = 0; i < n && i < 24; i++)
        if (t[i] == ':') {
            size_t c = 0;
            for (size_t j = i; j < n; j++)
                c += t[j] == ',';
            if (c >= 2 || n - i < 40)
                return 1;
            break;
        }
    /* credits sit near the start of a short sentence */
    size_t lim = n < 300 ? n : 300;
    const sg_phrase_list *credits = &sg_phrase_lists[SG_PHRASES_CREDITS];
    for (size_t i = 0; i < lim; i++)
        if (credits->some[t[i] | 0x20] && sg_phrase_at(SG_PHRASES_CREDITS, t, n, i))
            return 1;
    return 0;
}

char *sg_meta_excerpt(const sg_doc *doc, const sg_sentence *s, size_t ns,
                      const unsigned char *flagged)
{
    if (!doc || !s || !doc->view.data)
        return NULL;
    sg_words_init(); /* the word table and the phrase lists */
    sg_m_headline h;
    int have_h = sg_m_find_headline(doc, &h);
    char buf[SG_M_EXCERPT_MAX + 8];
    size_t len = 0, whole = 0; /* whole: length through the last whole sentence */
    int over = 0;
    for (size_t i = 0; i < ns && !over; i++) {
        if (s[i].block >= doc->nblocks)
            continue;
        const sg_block *b = &doc->blocks[s[i].block];
        if (b->why != SG_WHY_ARTICLE || b->kind != SG_BLOCK_PARAGRAPH)
            continue;
        /* the article starts under its headline; above it is page chrome */
        if (have_h && s[i].block <= h.block)
            continue;
        if (flagged && flagged[i])
            continue;
        if (s[i].view_end <= s[i].view_start || s[i].view_end > doc->view.len)
            continue;
        sg_muc *t = (sg_muc *)doc->view.data + s[i].view_start;
        size_t n = s[i].view_end - s[i].view_start;
        if (n < 20 || sg_m_furniture(t, n))
            continue;
        /* append, whitespace and NUL bytes collapsed to one space */
        if (len)
            buf[len++] = ' ';
        int space = 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char c = t[k];
            if (sg_is_space(c) || c == 0) {
                space = 1;
                continue;
            }
            if (space && len && buf[len - 1] != ' ')
                buf[len++] = ' ';
            space = 0;
            if (len >= SG_M_EXCERPT_MAX + 1) {
                over = 1;
                break;
            }
            buf[len++] = (char)c;
        }
        if (!over)
            whole = len;
    }
    while (len && buf[len - 1] == ' ')
        len--;
    if (!len)
        return NULL;
    if ((over || len > SG_M_EXCERPT_MAX) && whole >= 100 && whole <= SG_M_EXCERPT_MAX)
        len = whole; /* whole sentences read better than a cut one */
    else if (over || len > SG_M_EXCERPT_MAX) {
        /* cut at the last space that leaves room for the ellipsis */
        size_t lim = SG_M_EXCERPT_MAX - 3, cut = 0;
        for (size_t k = lim; k > 0; k--)
            if (buf[k] == ' ') {
                cut = k;
                break;
            }
        if (cut < 40) {
            /* one long word: cut between UTF-8 characters */
            cut = lim;
            while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
                cut--;
        }
        len = cut;
        /* no dangling comma, colon or dash before the ellipsis */
        for (;;) {
            if (len &&
                (buf[len - 1] == ' ' || buf[len - 1] == ',' || buf[len - 1] == ';' ||
                 buf[len - 1] == ':' || buf[len - 1] == '-'))
                len--;
            else if (len >= 3 && (unsigned char)buf[len - 3] == 0xE2 &&
                     (unsigned char)buf[len - 2] == 0x80 &&
                     ((unsigned char)buf[len - 1] == 0x93 ||
                      (unsigned char)buf[len - 1] == 0x94))
                len -= 3;
            else
                break;
        }
        memcpy(buf + len, "\xE2\x80\xA6", 3);
        len += 3;
    }
    return sg_strndup(buf, len);
}

void sg_meta_clear(sg_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->work);
    free(m->year);
    free(m->author);
    free(m->date);
    free(m->excerpt);
    for (size_t i = 0; i < m->ngenres; i++)
        free(m->genres[i]);
    free(m->genres);
    memset(m, 0, sizeof *m);
}
