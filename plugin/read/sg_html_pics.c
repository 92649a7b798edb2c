/* sg_html_pics.c -- the text of pictures that draw a rating.
 *
 * Blogs draw their scores as pictures as often as they write them: a row of
 * star images (<img src="star.gif" alt="star">), icon fonts
 * (<i class="fa fa-star"></i><i class="fa fa-star-half-o"></i>), or one image
 * whose alt text says the score (<img alt="4 out of 5 stars">).  A browser
 * shows the picture and a screen reader reads its alt text; the article's
 * text has neither.  This file gives the HTML reader the text such a picture
 * stands for: a star glyph (★ full, ½ half, ☆ empty) or the alt text itself,
 * which then reads like any written rating ("Rating: ★★★½☆"); the Markdown
 * reader asks the same of its images.  Pictures that draw nothing of a
 * rating give no text: an ordinary image's alt is no sentence of the
 * article, and a name that only holds the word ("Star Wars",
 * "star-wars-poster.jpg") draws no star. */
#include "sg_html.h"
#include "sg_html_tags.h"
#include "sg_internal.h"
#include "sg_text.h"

#include <string.h>

#define SG_PIC_ALT_MAX 48

static const char sg_pic_full[] = "\xE2\x98\x85";  /* ★ */
static const char sg_pic_half[] = "\xC2\xBD";      /* ½ */
static const char sg_pic_empty[] = "\xE2\x98\x86"; /* ☆ */

/* What the words of a name say of a star: its parts, split at anything but a
 * letter ("fa-star-half-o", "star_empty.png", "bi-star-fill").  Sets *star
 * when one part is "star", *filled when one says the star is filled in;
 * returns the glyph its other parts choose.  `strict` (an alt text, a file's
 * name, which may name anything): a part that is none of the words of a
 * star's picture means the name draws no star (*star is 0). */
static const char *sg_pic_parts(const char *s, size_t n, int strict, int *star, int *filled)
{
    const char *glyph = sg_pic_full;
    int is_half = 0, is_empty = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && !sg_is_alpha((unsigned char)s[i]))
            i++;
        size_t a = i;
        while (i < n && sg_is_alpha((unsigned char)s[i]))
            i++;
        if (i == a)
            break;
        uint64_t bits = sg_word_bits(s + a, i - a);
        if (bits & SG_WORD_STAR)
            *star = 1;
        else if (bits & SG_WORD_STAR_HALF)
            is_half = 1;
        else if (bits & SG_WORD_STAR_EMPTY)
            is_empty = 1;
        else if (bits & SG_WORD_STAR_FILLED)
            *filled = 1;
        else if (strict && !(bits & SG_WORD_PICTURE)) {
            *star = 0;
            return NULL;
        }
    }
    if (is_half)
        glyph = sg_pic_half;
    else if (is_empty)
        glyph = sg_pic_empty;
    return glyph;
}

/* An alt text that is one star ("star", "half star", "empty star", "★"):
 * its glyph, else NULL. */
static const char *sg_pic_star_word(const char *t, size_t n)
{
    if ((n == 3 && (!memcmp(t, sg_pic_full, 3) || !memcmp(t, sg_pic_empty, 3))) ||
        (n == 2 && !memcmp(t, sg_pic_half, 2)))
        return n == 2 ? sg_pic_half : !memcmp(t, sg_pic_full, 3) ? sg_pic_full : sg_pic_empty;
    if (n > 16)
        return NULL;
    int star = 0, filled = 0, words = 0;
    for (size_t i = 0; i < n; i++)
        if (sg_is_alpha((unsigned char)t[i]) && (!i || !sg_is_alpha((unsigned char)t[i - 1])))
            words++;
    if (words > 2)
        return NULL;
    const char *g = sg_pic_parts(t, n, 1, &star, &filled);
    return star ? g : NULL;
}

/* Does an alt text give a score ("4 out of 5 stars", "Rating: 3.5/5",
 * "8/10")?  A digit, and a word or sign of a rating, in a few words. */
static int sg_pic_alt_scores(const char *t, size_t n)
{
    if (!n || n > SG_PIC_ALT_MAX)
        return 0;
    int digit = 0, word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (sg_is_digit(c))
            digit = 1;
        else if (c == '/' && i && sg_is_digit((unsigned char)t[i - 1]))
            word = 1;
        else if (sg_is_alpha(c) && (!i || !sg_is_alpha((unsigned char)t[i - 1]))) {
            size_t a = i;
            while (i + 1 < n && sg_is_alpha((unsigned char)t[i + 1]))
                i++;
            if ((sg_word_bits(t + a, i + 1 - a) & SG_WORD_SCORE) ||
                (sg_ieq(t + a, i + 1 - a, "out") && i + 4 < n && sg_ieq(t + i + 1, 4, " of ")))
                word = 1;
        }
    }
    return digit && word;
}

/* Where the end tag of an element called name[0, nl) that starts at src[i]
 * ends ("</i>", "</SPAN >"); 0 when no such end tag is there. */
static size_t sg_pic_end_tag(const char *src, size_t len, size_t i, const char *name, size_t nl)
{
    if (i + 3 + nl > len || src[i] != '<' || src[i + 1] != '/' ||
        !sg_ieq(src + i + 2, nl, name))
        return 0;
    i += 2 + nl;
    while (i < len && sg_is_ws((unsigned char)src[i]))
        i++;
    return i < len && src[i] == '>' ? i + 1 : 0;
}

int sg_pic_image_text(const char *alt, size_t alt_len, const char *src, size_t src_len,
                      sg_buf *out)
{
    out->len = 0;
    sg_words_init(); /* the words of pictures are the word table's */
    /* the alt without the spaces around it */
    size_t a = 0, b = alt_len;
    while (a < b && sg_is_ws((unsigned char)alt[a]))
        a++;
    while (b > a && sg_is_ws((unsigned char)alt[b - 1]))
        b--;
    if (a < b) {
        const char *g = sg_pic_star_word(alt + a, b - a);
        if (g)
            return sg_buf_puts(out, g) ? 1 : -1;
        if (!sg_pic_alt_scores(alt + a, b - a))
            return 0;
        return sg_buf_put(out, alt + a, b - a) ? 1 : -1;
    }
    /* no words for it: a star picture tells by its file's name */
    const char *base = src;
    for (size_t i = 0; i < src_len; i++)
        if (src[i] == '/')
            base = src + i + 1;
    size_t bn = src_len - (size_t)(base - src);
    int star = 0, filled = 0;
    const char *g = sg_pic_parts(base, bn, 1, &star, &filled);
    for (size_t i = 0; i < bn; i++)
        if (sg_is_digit((unsigned char)base[i]))
            return 0; /* "4-stars.png": a count this cannot read */
    return star ? (sg_buf_puts(out, g) ? 1 : -1) : 0;
}

int sg_html_pic_text(const sg_html_tokenizer *tz, const sg_html_token *tok, int tag,
                     int *filled_run, sg_buf *out, size_t *end)
{
    const char *src = tz->src;
    sg_html_attr at;
    out->len = 0;
    *end = tok->end;
    sg_words_init();
    if (tag == SG_TAG_IMG) {
        sg_buf alt;
        sg_buf_init(&alt);
        if (sg_html_attr_get(tz, tok, "alt", &at) && at.value_len &&
            !sg_html_attr_value(src, &at, &alt)) {
            sg_buf_free(&alt);
            return -1;
        }
        size_t sn = 0;
        const char *sv = NULL;
        if (sg_html_attr_get(tz, tok, "src", &at)) {
            sv = src + at.value;
            sn = at.value_len;
        }
        int got = sg_pic_image_text(alt.data ? alt.data : "", alt.len, sv ? sv : "", sn, out);
        sg_buf_free(&alt);
        return got;
    }
    /* an icon: an empty <i> or <span> whose class names a star; its text
     * stands for the whole element, end tag and all */
    if ((tag != SG_TAG_I && tag != SG_TAG_SPAN) || !sg_html_attr_get(tz, tok, "class", &at) ||
        !at.value_len)
        return 0;
    *end = sg_pic_end_tag(src, tz->len, tok->end, tag == SG_TAG_I ? "i" : "span",
                          tag == SG_TAG_I ? 1 : 4);
    if (!*end)
        return 0;
    int star = 0, filled = 0;
    const char *g = sg_pic_parts(src + at.value, at.value_len, 0, &star, &filled);
    if (!star)
        return 0;
    /* in a row where some stars say they are filled ("star filled"), one
     * that does not say so is empty ("star") */
    if (filled)
        *filled_run = 1;
    else if (*filled_run && g == sg_pic_full)
        g = sg_pic_empty;
    return sg_buf_puts(out, g) ? 1 : -1;
}
