/*
 * sg_rating_value.c -- a rating's value as it is written, read at a given
 * byte: numbers ("8.5", "3 1/2", "four"), fractions and scales ("7/10",
 * "4 out of 5", "3.5 stars"), star glyphs ("★★★½"), letter grades ("B+") and
 * the verdict words of the one verdict list (sg_phrases.c).  Whether a value read here is
 * the review's own rating is for sg_rating_prose.c and the line scan
 * (sg_rating.c) to say.  Also a whole value: the one after a label, and a
 * text that is one value and nothing else (a front-matter field's, read by
 * sg_rating_fields.c).
 */
#include "sg_rating.h"

#include <math.h>
#include <string.h>

/* ---- letter grades ---------------------------------------------------------- */

/* Letter grades: A+ 1.0 and 0.05 less per step down to D- 0.45; F (with or
 * without a sign) 0.2, a failing grade well below D-. */
static double sg_grade_norm(char letter, int sign)
{
    double base;
    switch (letter) {
    case 'A':
        base = 0.95;
        break;
    case 'B':
        base = 0.80;
        break;
    case 'C':
        base = 0.65;
        break;
    case 'D':
        base = 0.50;
        break;
    case 'F':
        return 0.2;
    default:
        return NAN;
    }
    return base + 0.05 * sign;
}

/* ---- small scanners ------------------------------------------------------- */

/* Case-insensitive match of lower-case `w` at t[i]; returns its end or 0.
 * A space in `w` matches one or more spaces. */
size_t sg_r_match(sg_uc *t, size_t n, size_t i, const char *w)
{
    for (; *w; w++) {
        if (*w == ' ') {
            size_t j = sg_skip_spaces(t, n, i, SG_SP_THIN);
            if (j == i)
                return 0;
            i = j;
            continue;
        }
        if (i >= n || (t[i] | (sg_is_alpha(t[i]) ? 0x20 : 0)) != (unsigned char)*w)
            return 0;
        i++;
    }
    return i;
}

/* As sg_r_match, and the match must end at a word boundary. */
size_t sg_r_word(sg_uc *t, size_t n, size_t i, const char *w)
{
    size_t e = sg_r_match(t, n, i, w);
    if (!e || (e < n && sg_is_alnum(t[e])))
        return 0;
    return e;
}

int sg_r_word_start(sg_uc *t, size_t i)
{
    return i == 0 || !sg_is_alnum(t[i - 1]);
}

/* Is there a whole word from `words` starting in t[from, to)? */
int sg_r_any_word(sg_uc *t, size_t n, size_t from, size_t to,
                  const char *const *words)
{
    for (size_t i = from; i < to; i++) {
        if (!sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        for (size_t k = 0; words[k]; k++)
            if (sg_r_word(t, n, i, words[k]))
                return 1;
    }
    return 0;
}

/* The word ending right before t[i] (skipping spaces) is one of `words`. */
int sg_r_prev_word_in(sg_uc *t, size_t i, const char *const *words)
{
    size_t e = i;
    int dot = 0;
    while (e > 0 && i - e < 8 &&
           (sg_is_hspace(t[e - 1]) || t[e - 1] == '#' || t[e - 1] == '.'))
        dot |= t[--e] == '.';
    size_t s = e;
    while (s > 0 && sg_is_alpha(t[s - 1]) && e - s < 16)
        s--;
    /* past a full stop only an abbreviation ("Vol. 2", "Ep. 4"), not the
     * end of a sentence ("a messy film. 3/5") */
    if (s == e || (s > 0 && sg_is_alpha(t[s - 1])) || (dot && e - s > 3))
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (sg_r_word(t, e, s, words[k]) == e)
            return 1;
    return 0;
}

/* The word after t[e] (past spaces and a comma) is one of `words`. */
int sg_r_next_word_in(sg_uc *t, size_t n, size_t e, const char *const *words)
{
    size_t a = sg_skip_spaces(t, n, e, SG_SP_THIN);
    if (a < n && t[a] == ',')
        a = sg_skip_spaces(t, n, a + 1, SG_SP_THIN);
    if (a >= n || !sg_is_alpha(t[a]))
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (sg_r_word(t, n, a, words[k]))
            return 1;
    return 0;
}

/* A run of star glyphs at t[i]: ★ ☆ ⭐ (with or without VS16) and ½, and
 * the emoji shortcodes that Markdown sites turn into stars (":star:",
 * ":star2:" as GitHub, Jekyll and Hugo write them), single spaces allowed
 * between them. */
size_t sg_r_glyph(sg_uc *t, size_t n, size_t i, int *kind)
{
    if (t[i] == ':' && i + 5 < n && !memcmp(t + i + 1, "star", 4) &&
        (t[i + 5] == ':' || (i + 6 < n && t[i + 5] == '2' && t[i + 6] == ':'))) {
        *kind = 2;
        return t[i + 5] == ':' ? 6 : 7;
    }
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x98 &&
        (t[i + 2] == 0x85 || t[i + 2] == 0x86)) {
        *kind = t[i + 2] == 0x85 ? 2 : 0;
        return 3;
    }
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0xAD && t[i + 2] == 0x90) {
        *kind = 2;
        if (i + 5 < n && t[i + 3] == 0xEF && t[i + 4] == 0xB8 && t[i + 5] == 0x8F)
            return 6;
        return 3;
    }
    if (i + 1 < n && t[i] == 0xC2 && t[i + 1] == 0xBD) {
        *kind = 1;
        return 2;
    }
    if (i + 3 < n && t[i] == 0xF0 && t[i + 1] == 0x9F && t[i + 2] == 0x8C &&
        t[i + 3] == 0x9F) { /* 🌟 */
        *kind = 2;
        if (i + 6 < n && t[i + 4] == 0xEF && t[i + 5] == 0xB8 && t[i + 6] == 0x8F)
            return 7;
        return 4;
    }
    return 0;
}

/* ---- numbers -------------------------------------------------------------- */

/* A plain number at t[i]: 1-4 digits, an optional decimal part of 1-2 digits
 * ('.' or ','), an optional "½".  *end gets its end; *skip the end of the
 * whole digit run to resume from when it is refused.  *lead0 is set for
 * "08"-style leading zeros. */
int sg_r_number(sg_uc *t, size_t n, size_t i, double *v, size_t *end, size_t *skip,
                int *lead0)
{
    size_t j = i;
    double x = 0;
    while (j < n && sg_is_digit(t[j])) {
        if (j - i < 5)
            x = x * 10 + (t[j] - '0');
        j++;
    }
    size_t run = j;
    while (run < n && (sg_is_digit(t[run]) || t[run] == '.' || t[run] == ',') &&
           run - j < 8)
        run++;
    *skip = run > j ? run : j;
    if (j == i || j - i > 4)
        return 0;
    *lead0 = j - i > 1 && t[i] == '0';
    if (j + 1 < n && (t[j] == '.' || t[j] == ',') && sg_is_digit(t[j + 1])) {
        size_t k = j + 1;
        double f = 0, scale = 1;
        while (k < n && sg_is_digit(t[k]) && k - j <= 3) {
            f = f * 10 + (t[k] - '0');
            scale *= 10;
            k++;
        }
        if (k < n && sg_is_digit(t[k]))
            return 0;
        if (t[j] == ',' && k - j == 4) /* "1,000" groups thousands */
            k = j;
        else if (k - j > 3)
            return 0;
        else {
            x += f / scale;
            j = k;
        }
    }
    if (j + 1 < n && t[j] == 0xC2 && t[j + 1] == 0xBD) {
        x += 0.5;
        j += 2;
    }
    *v = x;
    *end = j;
    return 1;
}

/* Is the run of letters t[i, e) a number word (the word table's
 * SG_WORD_NUMBER)?  Three to five letters: most words fail that. */
int sg_r_is_numword(sg_uc *t, size_t i, size_t e)
{
    size_t len = e - i;
    return len >= 3 && len <= 5 &&
           (sg_word_bits((const char *)t + i, len) & SG_WORD_NUMBER);
}

/* A number word ("four") at a word start, as a whole word. */
int sg_r_numword(sg_uc *t, size_t n, size_t i, double *v, size_t *end)
{
    if (!sg_r_word_start(t, i) || i >= n || !sg_is_alpha(t[i]))
        return 0;
    /* most words start with no number word's letter */
    if (!(sg_byte_class[t[i]] & SG_BYTE_NUMBER))
        return 0;
    size_t e = i + 1;
    while (e < n && sg_is_alpha(t[e]))
        e++;
    if (e < n && sg_is_digit(t[e]))
        return 0;
    uint64_t bits = sg_word_bits((const char *)t + i, e - i);
    if (!(bits & SG_WORD_NUMBER))
        return 0;
    *v = (double)SG_WORD_VALUE(bits);
    *end = e;
    return 1;
}

/* A scale after "out of": digits or a number word, or "a hundred". */
int sg_r_scale_at(sg_uc *t, size_t n, size_t i, double *v, size_t *end)
{
    size_t skip;
    int lead0;
    if (i < n && sg_is_digit(t[i])) {
        if (!sg_r_number(t, n, i, v, end, &skip, &lead0) || lead0 || *v < 1 ||
            *v != floor(*v) || (*end < n && (sg_is_alnum(t[*end]) || t[*end] == '/')))
            return 0;
        return 1;
    }
    size_t e;
    if ((e = sg_r_word(t, n, i, "a hundred")) || (e = sg_r_word(t, n, i, "hundred"))) {
        *v = 100;
        *end = e;
        return 1;
    }
    return sg_r_numword(t, n, i, v, end) && *v >= 1;
}

/* "stars" / "star" as a word at t[i]; returns its end or 0. */
static size_t sg_r_star_word(sg_uc *t, size_t n, size_t i)
{
    size_t e = sg_r_word(t, n, i, "stars");
    return e ? e : sg_r_word(t, n, i, "star");
}

/* An explicit scale after a stars count: "out of 4", "(out of 4)", "/5",
 * "of 5".  Returns the end or 0. */
static size_t sg_r_star_scale(sg_uc *t, size_t n, size_t i, double *scale)
{
    size_t j = sg_skip_spaces(t, n, i, SG_SP_THIN);
    int paren = j < n && t[j] == '(';
    if (paren)
        j = sg_skip_spaces(t, n, j + 1, SG_SP_THIN);
    size_t e = 0;
    if (j < n && t[j] == '/')
        e = sg_skip_spaces(t, n, j + 1, SG_SP_THIN);
    else if (!(e = sg_r_match(t, n, j, "out of ")))
        e = sg_r_match(t, n, j, "of ");
    if (!e || !sg_r_scale_at(t, n, e, scale, &e))
        return 0;
    if (paren) {
        e = sg_skip_spaces(t, n, e, SG_SP_THIN);
        if (e < n && t[e] == ')')
            e++;
        else
            return 0;
    }
    return e;
}

int sg_r_common_scale(double s)
{
    return s == 4 || s == 5 || s == 10 || s == 20 || s == 100;
}

/* A numeric rating starting at t[i] (a digit or a number word).  *resume
 * gets where the caller's scan continues. */
int sg_r_numeric(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume)
{
    double v;
    size_t e, skip;
    int lead0 = 0, word = 0;
    memset(rv, 0, sizeof *rv);
    *resume = i + 1;
    if (sg_is_digit(t[i])) {
        if (!sg_r_number(t, n, i, &v, &e, &skip, &lead0)) {
            *resume = skip > i ? skip : i + 1;
            return 0;
        }
        *resume = skip > e ? skip : e;
    } else {
        if (!sg_r_numword(t, n, i, &v, &e))
            return 0;
        word = 1;
        *resume = e;
    }
    rv->s = i;
    rv->value = v;
    rv->half = v != floor(v);
    /* "3rd", "2h", "4k", "90s", "45%" are not scores */
    if (e < n && (sg_is_alpha(t[e]) || t[e] == '%'))
        return 0;
    size_t j = e;
    if (!word && !lead0) {
        /* fraction: N/M with nothing date-like around it */
        size_t p = sg_skip_spaces(t, n, j, SG_SP_THIN), sl = 0;
        if (p < n && t[p] == '/')
            sl = 1;
        else if (p + 2 < n && t[p] == 0xE2 &&
                 ((t[p + 1] == 0x81 && t[p + 2] == 0x84) || /* ⁄ fraction slash */
                  (t[p + 1] == 0x88 && t[p + 2] == 0x95)))  /* ∕ division slash */
            sl = 3;
        if (sl && p - j <= 1) {
            size_t q0 = p + sl;
            if (q0 < n && t[q0] == ' ')
                q0++;
            double sc;
            size_t q, sk;
            int lz;
            if (q0 < n && sg_is_digit(t[q0]) && sg_r_number(t, n, q0, &sc, &q, &sk, &lz)) {
                *resume = sk > q ? sk : q;
                if (lz || sc != floor(sc) || sc < 1 || sc > 1000 ||
                    (q < n && (t[q] == '/' || sg_is_digit(t[q]) || t[q] == '%' ||
                               sg_is_alpha(t[q]) ||
                               (t[q] == 0xC2 && q + 1 < n && t[q + 1] == 0xBD))))
                    return 0;
                rv->form = SG_RF_FRACTION;
                rv->scale = sc;
                rv->scale_given = 1;
                rv->e = q;
                size_t a = sg_skip_spaces(t, n, q, SG_SP_THIN), se;
                if (a > q && (se = sg_r_star_word(t, n, a))) {
                    rv->unit = 1;
                    rv->e = se;
                } else if (a > q && sg_is_alpha(t[a])) {
                    /* "3/4 miles": a unit, as a whole word, is no scale */
                    size_t w = a;
                    while (w < n && sg_is_alpha(t[w]))
                        w++;
                    if ((w >= n || !sg_is_digit(t[w])) &&
                        (sg_word_bits((const char *)t + a, w - a) & SG_WORD_UNIT))
                        return 0;
                }
                return rv->value <= rv->scale;
            }
            return 0;
        }
    }
    if (lead0)
        return 0;
    /* a half written out: "3 1/2 stars", "three and a half stars" */
    size_t h = sg_skip_spaces(t, n, j, SG_SP_THIN), he;
    if (!rv->half && j < n && t[j] == '-' &&
        (he = sg_r_word(t, n, j + 1, "and-a-half"))) {
        v += 0.5; /* "three-and-a-half stars" */
        rv->half = 1;
        j = he;
        h = sg_skip_spaces(t, n, j, SG_SP_THIN);
    }
    if (!rv->half && h > j) {
        if (h + 3 <= n && !memcmp(t + h, "1/2", 3) &&
            (h + 3 == n || !sg_is_alnum(t[h + 3])) && !word) {
            v += 0.5;
            rv->half = 1;
            j = h + 3;
        } else if (h + 1 < n && t[h] == 0xC2 && t[h + 1] == 0xBD && !word) {
            v += 0.5; /* "3 ½ stars" */
            rv->half = 1;
            j = h + 2;
        } else if ((he = sg_r_word(t, n, h, "and a half"))) {
            v += 0.5;
            rv->half = 1;
            j = he;
        } else if ((he = sg_r_word(t, n, h, "and one half"))) {
            v += 0.5;
            rv->half = 1;
            j = he;
        }
    }
    rv->value = v;
    size_t a = sg_skip_spaces(t, n, j, SG_SP_THIN), k;
    if (j < n && t[j] == '-' && (k = sg_r_word(t, n, j + 1, "star"))) {
        /* "a four-star film" (a rating), not "a five-star hotel" */
        static const char *const rated[] = {"film",       "movie",  "book",   "read",
                                            "show",       "series", "season", "episode",
                                            "game",       "rating", "review", "watch",
                                            "experience", "novel",  "album",  NULL};
        if (v > 5 || !sg_r_next_word_in(t, n, k, rated))
            return 0;
        rv->form = SG_RF_STARS;
        rv->scale = 5;
        rv->unit = 1;
        rv->e = k;
        *resume = k;
        return 1;
    }
    int gk;
    size_t gl;
    if (!word && (gl = sg_r_glyph(t, n, a, &gk)) && gk == 2 &&
        !sg_r_glyph(t, n, a + gl, &gk) &&
        !(a + gl + 1 < n && t[a + gl] == ' ' && sg_r_glyph(t, n, a + gl + 1, &gk))) {
        /* "4.5 ⭐": a number of stars and one star drawn */
        rv->form = SG_RF_STARS;
        rv->scale = v <= 5 ? 5 : 10;
        rv->e = a + gl;
        *resume = rv->e;
        return v <= rv->scale;
    }
    if (a > j && (k = sg_r_match(t, n, a, "of "))) {
        /* "4 of 5 stars" (the stars make it no count) */
        double sc;
        size_t q, b, se;
        if (sg_r_scale_at(t, n, k, &sc, &q) &&
            (b = sg_skip_spaces(t, n, q, SG_SP_THIN)) > q &&
            (se = sg_r_star_word(t, n, b)) && v <= sc) {
            rv->form = SG_RF_OUTOF;
            rv->scale = sc;
            rv->scale_given = 1;
            rv->unit = 1;
            rv->e = se;
            *resume = se;
            return 1;
        }
    }
    if (a > j && (k = sg_r_match(t, n, a, "out of "))) {
        double sc;
        size_t q;
        if (!sg_r_scale_at(t, n, k, &sc, &q))
            return 0;
        rv->form = SG_RF_OUTOF;
        rv->scale = sc;
        rv->scale_given = 1;
        rv->e = q;
        size_t b = sg_skip_spaces(t, n, q, SG_SP_THIN), se;
        if (b > q && (se = sg_r_star_word(t, n, b))) {
            rv->unit = 1;
            rv->e = se;
        }
        *resume = rv->e;
        return sc >= 1 && v <= sc;
    }
    if (a > j && (k = sg_r_star_word(t, n, a))) {
        rv->form = SG_RF_STARS;
        rv->e = k;
        double sc;
        size_t q = sg_r_star_scale(t, n, k, &sc);
        if (q) {
            rv->scale = sc;
            rv->scale_given = 1;
            rv->e = q;
        } else
            rv->scale = v <= 5 ? 5 : 10;
        *resume = rv->e;
        return rv->scale >= 1 && v <= rv->scale;
    }
    if (!word) {
        double sc;
        size_t q;
        if (a < n && t[a] == '(' && (q = sg_r_star_scale(t, n, j, &sc))) {
            /* "Score: 4 (out of 5)" */
            rv->form = SG_RF_OUTOF;
            rv->scale = sc;
            rv->scale_given = 1;
            rv->e = q;
            *resume = q;
            return sc >= 1 && v <= sc;
        }
        rv->form = SG_RF_BARE;
        rv->e = j;
        return 1;
    }
    return 0;
}

int sg_r_glyphs(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume)
{
    memset(rv, 0, sizeof *rv);
    size_t j = i, last = i, full = 0, halves = 0, empty = 0;
    int kind;
    size_t l;
    while ((l = sg_r_glyph(t, n, j, &kind))) {
        if (kind == 2)
            full++;
        else if (kind == 1)
            halves++;
        else
            empty++;
        j += l;
        last = j;
        if (j + 1 < n && t[j] == ' ' && sg_r_glyph(t, n, j + 1, &kind))
            j++;
    }
    *resume = last > i ? last : i + 1;
    /* five empty stars are a widget waiting for a vote, not a rating */
    if (full + empty == 0 || halves > 1 || full + halves == 0)
        return 0;
    rv->s = i;
    rv->e = last;
    rv->form = SG_RF_GLYPHS;
    rv->value = (double)full + 0.5 * (double)halves;
    rv->half = halves > 0;
    rv->slots = full + halves + empty;
    if (empty && rv->slots >= 3 && rv->slots <= 10) {
        rv->scale = (double)rv->slots;
        rv->scale_given = 1;
    } else
        rv->scale = rv->value <= 5 ? 5 : 10;
    double sc;
    size_t q = sg_r_star_scale(t, n, last, &sc);
    if (q) {
        rv->scale = sc;
        rv->scale_given = 1;
        rv->e = q;
        *resume = q;
    }
    return rv->value <= rv->scale;
}

/* A letter grade at t[i]: A-D or F, an optional sign (+ - − –), then the end
 * of the text or something that is not a word ("Grade: A stylish film" is
 * not a grade). */
int sg_r_grade(sg_uc *t, size_t n, size_t i, int need_sign, sg_rval *rv)
{
    if (i >= n || !sg_r_word_start(t, i))
        return 0;
    char c = (char)t[i];
    if (c != 'A' && c != 'B' && c != 'C' && c != 'D' && c != 'F')
        return 0;
    size_t j = i + 1;
    int sign = 0;
    if (j < n && t[j] == '+')
        sign = 1, j++;
    else if (j < n && t[j] == '-') {
        if (j + 1 < n && sg_is_alnum(t[j + 1]))
            return 0; /* "B-movie" */
        sign = -1, j++;
    } else if (j + 2 < n && t[j] == 0xE2 &&
               ((t[j + 1] == 0x88 && t[j + 2] == 0x92) ||
                (t[j + 1] == 0x80 && t[j + 2] == 0x93)) &&
               !(j + 3 < n && sg_is_alnum(t[j + 3])))
        sign = -1, j += 3;
    if (need_sign && !sign)
        return 0;
    if (j < n &&
        (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '+' || t[j] == '-' || t[j] >= 0x80))
        return 0;
    size_t k = sg_skip_spaces(t, n, j, SG_SP_THIN);
    if (k < n && (sg_is_alnum(t[k]) || t[k] >= 0x80 || t[k] == '\'' || t[k] == '"'))
        return 0;
    memset(rv, 0, sizeof *rv);
    rv->s = i;
    rv->e = j;
    rv->form = SG_RF_GRADE;
    rv->value = rv->scale = NAN;
    rv->norm = sg_grade_norm(c, sign);
    return 1;
}

/* A verdict in words over [s, e) worth `norm` (NAN when unknown). */
void sg_r_words_value(sg_rval *rv, size_t s, size_t e, double norm)
{
    memset(rv, 0, sizeof *rv);
    rv->s = s;
    rv->e = e;
    rv->form = SG_RF_WORD;
    rv->value = rv->scale = NAN;
    rv->norm = norm;
}

/* A verdict phrase of the verdict list (SG_PHRASES_VERDICTS) at t[i]: the
 * longest one. */
int sg_r_verdict(sg_uc *t, size_t n, size_t i, int weak_ok, sg_rval *rv)
{
    if (i >= n || !sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
        return 0;
    const sg_phrase_list *vl = &sg_phrase_lists[SG_PHRASES_VERDICTS];
    const uint64_t *at = vl->at[t[i] | 0x20];
    size_t best = 0;
    const sg_phrase *bv = NULL;
    for (size_t set = 0; set < SG_PHRASE_SETS; set++)
        for (uint64_t ks = at[set]; ks; ks &= ks - 1) {
            const sg_phrase *v = &vl->p[set * 64 + (size_t)__builtin_ctzll(ks)];
            size_t e = sg_r_word(t, n, i, v->text);
            if (e > best) {
                best = e;
                bv = v;
            }
        }
    if (!best || (!weak_ok && !(bv->flags & SG_VERDICT_ALONE)))
        return 0;
    sg_r_words_value(rv, i, best, bv->value / 100.0);
    return 1;
}

/* ---- a whole value: after a label, or filling a field ------------------------ */

/* A number's normalized value; a bare number is out of 10, or 100 above 10. */
void sg_r_finish_num(sg_rval *rv)
{
    if (rv->form == SG_RF_BARE) {
        rv->scale = rv->value <= 10 ? 10 : 100;
    }
    rv->norm = rv->scale > 0 ? rv->value / rv->scale : NAN;
}

/* Is everything in t[0,n) outside [s,e) bullets, spaces or punctuation? */
int sg_r_alone(sg_uc *t, size_t n, size_t s, size_t e)
{
    if (n > 120)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i >= s && i < e)
            continue;
        unsigned char c = t[i];
        if (sg_is_alnum(c))
            return 0;
        if (c >= 0x80) {
            /* bullets, dashes and spaces are punctuation; other letters not */
            if (i + 2 < n && c == 0xE2 && t[i + 1] == 0x80 &&
                (t[i + 2] == 0xA2 || t[i + 2] == 0x93 || t[i + 2] == 0x94 ||
                 t[i + 2] == 0x89 || t[i + 2] == 0xAF)) {
                i += 2;
                continue;
            }
            if (i + 1 < n && c == 0xC2 && (t[i + 1] == 0xA0 || t[i + 1] == 0xB7)) {
                i += 1;
                continue;
            }
            return 0;
        }
    }
    return 1;
}

/* A value right at t[i] after a label: numbers, glyphs, a grade or a word. */
int sg_r_value_at(sg_uc *t, size_t n, size_t i, int only_num, int bare_grade,
                  sg_rval *rv)
{
    size_t resume;
    if (i >= n)
        return 0;
    if (sg_is_digit(t[i]) && (i == 0 || !sg_is_alnum(t[i - 1]))) {
        double v;
        size_t e, skip;
        int lead0;
        if (sg_r_number(t, n, i, &v, &e, &skip, &lead0) && e < n && t[e] == '%') {
            /* "Score: 85%": a percentage labelled as the score */
            if (lead0 || v <= 0 || v > 100 || (e + 1 < n && sg_is_alnum(t[e + 1])))
                return 0;
            memset(rv, 0, sizeof *rv);
            rv->s = i;
            rv->e = e + 1;
            rv->form = SG_RF_PERCENT;
            rv->value = v;
            rv->scale = 100;
            rv->scale_given = 1;
            rv->norm = v / 100;
            return 1;
        }
        if (!sg_r_numeric(t, n, i, rv, &resume))
            return 0;
        if (rv->form == SG_RF_BARE) {
            /* "Our score: 8" ends there; "Score: 8 tracks" does not */
            size_t j = sg_skip_spaces(t, n, rv->e, SG_SP_THIN);
            if (only_num || rv->value > 100 ||
                (j < n &&
                 (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '"' || t[j] >= 0x80) &&
                 !(j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 &&
                   (t[j + 2] == 0x93 || t[j + 2] == 0x94))))
                return 0;
        }
        if (rv->form == SG_RF_FRACTION || rv->form == SG_RF_OUTOF)
            if (rv->scale < 2 || rv->value > rv->scale)
                return 0;
        sg_r_finish_num(rv);
        return 1;
    }
    if (sg_is_alpha(t[i]) && sg_r_numword(t, n, i, &(double){0}, &resume)) {
        if (sg_r_numeric(t, n, i, rv, &resume)) {
            sg_r_finish_num(rv);
            return 1;
        }
        return 0;
    }
    if (sg_r_glyphs(t, n, i, rv, &resume)) {
        sg_r_finish_num(rv);
        return 1;
    }
    if (only_num)
        return 0;
    if (sg_r_grade(t, n, i, !bare_grade, rv))
        return 1;
    if (i >= 4 && (sg_r_match(t, n, i - 4, "not ") ||
                   (i >= 6 && sg_r_match(t, n, i - 6, "never "))))
        return 0;
    return sg_r_verdict(t, n, i, 1, rv);
}

/* A value alone in a text: a front-matter field's (sg_rating_fields.c). */
int sg_rating_read_value(const char *text, size_t n, sg_rating_read *r)
{
    sg_words_init();
    sg_uc *t = (sg_uc *)text;
    sg_rval rv;
    memset(r, 0, sizeof *r);
    if (!n || !sg_r_value_at(t, n, 0, 0, 1, &rv) || !sg_r_alone(t, n, rv.s, rv.e))
        return 0;
    r->s = rv.s;
    r->e = rv.e;
    r->verdict = rv.form == SG_RF_GRADE || rv.form == SG_RF_WORD;
    r->bare = rv.form == SG_RF_BARE;
    r->value = rv.value;
    r->scale = rv.scale;
    r->norm = rv.norm;
    return 1;
}
