/*
 * sg_meta_text.c -- reading metadata off a short line (sg_meta_text.h): the
 * work a review headline names ("Review Ballerina (2023): ...", "REVIEW:
 * 'Ballerina' Is ...", "'Ballerina' review: ..."), its year, and the first
 * date a byline holds, as ISO 8601 when it parses.  Each call reads its
 * line once or a bounded number of times, so the cost is linear.
 */
#include "sg_meta_text.h"
#include "sg_text.h"

/* ---- spaces and words ------------------------------------------------------------ */

void sg_m_trim(sg_muc *t, size_t *s, size_t *e)
{
    *s = sg_skip_spaces(t, *e, *s, SG_SP_NEWLINE);
    while (*e > *s && (sg_is_space(t[*e - 1]) ||
                       (*e - *s >= 2 && t[*e - 2] == 0xC2 && t[*e - 1] == 0xA0))) {
        if (sg_is_space(t[*e - 1]))
            (*e)--;
        else
            *e -= 2;
    }
}

/* Case-insensitive match of lower-case `w` at t[i], ending at a word
 * boundary; returns the end or 0. */
size_t sg_m_word(sg_muc *t, size_t n, size_t i, const char *w)
{
    for (; *w; w++, i++) {
        if (i >= n)
            return 0;
        unsigned char c = t[i];
        if (sg_is_alpha(c))
            c |= 0x20;
        if (c != (unsigned char)*w)
            return 0;
    }
    if (i < n && (sg_is_alpha(t[i]) || sg_is_digit(t[i])))
        return 0;
    return i;
}

char *sg_m_dup(sg_muc *t, size_t s, size_t e)
{
    return e > s ? sg_strndup((const char *)t + s, e - s) : NULL;
}

/* Is t[s, e) text a reader could take for a title: not mostly control
 * bytes (binary junk, a mangled file), with some letter or digit? */
static int sg_m_readable(sg_muc *t, size_t s, size_t e)
{
    size_t ctl = 0, alnum = 0;
    for (size_t i = s; i < e; i++) {
        if ((t[i] < 0x20 && t[i] != '\t') || t[i] == 0x7F)
            ctl++;
        else if (sg_is_alnum(t[i]))
            alnum++;
        else if (t[i] >= 0x80)
            alnum++; /* a letter of another script, most likely */
    }
    return alnum > 0 && ctl * 4 <= e - s;
}

/* A title line t[s, e), or NULL when it is not readable. */
char *sg_m_title_dup(sg_muc *t, size_t s, size_t e)
{
    return sg_m_readable(t, s, e) ? sg_m_dup(t, s, e) : NULL;
}

/* ---- quotes ------------------------------------------------------------------ */

/* Length of an opening or closing quote at t[i]: ' " ‘ ’ “ ” « » ‹ ›. */
static size_t sg_m_quote(sg_muc *t, size_t n, size_t i)
{
    if (i < n && (t[i] == '\'' || t[i] == '"'))
        return 1;
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x80 &&
        (t[i + 2] == 0x98 || t[i + 2] == 0x99 || t[i + 2] == 0x9C || t[i + 2] == 0x9D ||
         t[i + 2] == 0xB9 || t[i + 2] == 0xBA))
        return 3;
    if (i + 1 < n && t[i] == 0xC2 && (t[i + 1] == 0xAB || t[i + 1] == 0xBB))
        return 2;
    return 0;
}

/* The quote ending at t[e) (looking back), length or 0. */
size_t sg_m_quote_before(sg_muc *t, size_t s, size_t e)
{
    if (e > s && (t[e - 1] == '\'' || t[e - 1] == '"'))
        return 1;
    if (e >= s + 3 && sg_m_quote(t, e, e - 3) == 3)
        return 3;
    if (e >= s + 2 && sg_m_quote(t, e, e - 2) == 2)
        return 2;
    return 0;
}

/* Strip quotes, spaces and trailing punctuation from both ends. */
void sg_m_clean(sg_muc *t, size_t *s, size_t *e)
{
    for (int k = 0; k < 4; k++) {
        sg_m_trim(t, s, e);
        size_t q;
        if ((q = sg_m_quote(t, *e, *s)))
            *s += q;
        if ((q = sg_m_quote_before(t, *s, *e)))
            *e -= q;
        while (*e > *s && (t[*e - 1] == ':' || t[*e - 1] == ',' || t[*e - 1] == ';' ||
                           t[*e - 1] == '-' || t[*e - 1] == '|'))
            (*e)--;
    }
    sg_m_trim(t, s, e);
}

/* ---- the work and its year ---------------------------------------------------- */

/* "(2023)" at t[i]: returns the end and sets *y to the digits' start. */
static size_t sg_m_paren_year(sg_muc *t, size_t n, size_t i, size_t *y)
{
    if (i + 6 <= n && t[i] == '(' && sg_is_digit(t[i + 1]) && sg_is_digit(t[i + 2]) &&
        sg_is_digit(t[i + 3]) && sg_is_digit(t[i + 4]) && t[i + 5] == ')' &&
        (t[i + 1] == '1' || t[i + 1] == '2')) {
        *y = i + 1;
        return i + 6;
    }
    return 0;
}

/* Words naming the medium before "review": "Netflix movie review: X". */
static const char *const sg_m_media[] = {
    "movie",   "film",    "tv",       "series",  "show",    "documentary",
    "doc",     "anime",   "drama",    "k-drama", "kdrama",  "miniseries",
    "season",  "episode", "premiere", "special", "short",   "musical",
    "play",    "book",    "game",     "album",   "netflix", "streaming",
    "theatre", "theater", "concert",  "opera",   NULL};

static int sg_m_is_media(sg_muc *t, size_t s, size_t e)
{
    for (size_t k = 0; sg_m_media[k]; k++)
        if (sg_m_word(t, e, s, sg_m_media[k]) == e)
            return 1;
    return 0;
}

/* Separator at t[i] ending a work name: " – ", " — ", " - ", ": ", " | ",
 * ", ".  Returns its length or 0. */
static size_t sg_m_sep(sg_muc *t, size_t n, size_t i)
{
    if (t[i] == ':' || t[i] == ',')
        return (i + 1 >= n || sg_is_space(t[i + 1])) ? 1 : 0;
    if (!sg_is_space(t[i]))
        return 0;
    size_t j = i + 1;
    if (j < n && (t[j] == '-' || t[j] == '|') && j + 1 < n && sg_is_space(t[j + 1]))
        return 2;
    if (j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 &&
        (t[j + 2] == 0x93 || t[j + 2] == 0x94))
        return 4;
    return 0;
}

/* Parse a headline for the work under review.  On success sets [*ws,*we)
 * to the work and *ys to the year's digits (or SIZE_MAX). */
int sg_m_parse_work(sg_muc *t, size_t n, size_t *ws, size_t *we, size_t *ys)
{
    *ys = SIZE_MAX;
    if (n > SG_M_LINE_MAX)
        return 0;
    size_t r = SIZE_MAX, re = 0;
    for (size_t i = 0; i + 6 <= n; i++) {
        if ((t[i] | 0x20) != 'r' || (i > 0 && sg_is_alpha(t[i - 1])))
            continue;
        if ((re = sg_m_word(t, n, i, "review"))) {
            r = i;
            break;
        }
    }
    if (r == SIZE_MAX)
        return 0;
    /* the words before "review" */
    size_t ps = 0, pe = r;
    sg_m_trim(t, &ps, &pe);
    size_t lw = pe;
    while (lw > ps && !sg_is_space(t[lw - 1]))
        lw--;
    int words = 0;
    for (size_t i = ps; i < pe; i++)
        if (i == ps || (sg_is_space(t[i - 1]) && !sg_is_space(t[i])))
            words++;
    /* breadcrumbs ("Home » Film » ...", "Home > Film", "TV / Reviews") are
     * not headlines */
    for (size_t i = ps + 1; i < pe; i++) {
        size_t l = (t[i] == 0xC2 && i + 1 < pe && t[i + 1] == 0xBB) ? 2
                   : (t[i] == '>' || t[i] == '/' || t[i] == '\\')   ? 1
                                                                    : 0;
        if (l && t[i - 1] == ' ' && (i + l >= pe || t[i + l] == ' '))
            return 0;
    }
    /* what follows "review" */
    size_t a = sg_skip_spaces(t, n, re, SG_SP_NEWLINE);
    int sep = 0;
    if (a < n && (t[a] == ':' || t[a] == '-' || t[a] == '|' || t[a] == ',')) {
        sep = 1;
        a++;
    } else if (a + 2 < n && t[a] == 0xE2 && t[a + 1] == 0x80 &&
               (t[a + 2] == 0x93 || t[a + 2] == 0x94)) {
        sep = 1;
        a += 3;
    }
    a = sg_skip_spaces(t, n, a, SG_SP_NEWLINE);
    size_t of = sg_m_word(t, n, a, "of");
    /* "Netflix movie review: X" names X after; "X movie review" before */
    int prefix_mode = a < n && (pe == ps || (words <= 4 && sg_m_is_media(t, lw, pe)) ||
                                (!sep && of && words <= 1));
    if (prefix_mode) {
        if (of && !sep)
            a = sg_skip_spaces(t, n, of, SG_SP_NEWLINE);
        if (a >= n)
            return 0;
        size_t q = sg_m_quote(t, n, a);
        size_t s = a + q, e = s;
        if (q) {
            /* up to the closing quote */
            while (e < n &&
                   !(sg_m_quote(t, n, e) && (e + sg_m_quote(t, n, e) >= n ||
                                             !sg_is_alpha(t[e + sg_m_quote(t, n, e)]))))
                e++;
            if (e >= n || e == s)
                return 0;
            *ws = s;
            *we = e;
            size_t y = sg_skip_spaces(t, n, e + sg_m_quote(t, n, e), SG_SP_NEWLINE);
            sg_m_paren_year(t, n, y, ys);
            return 1;
        }
        size_t y = SIZE_MAX;
        while (e < n && e - s < 120) {
            size_t pe2;
            if (sg_is_space(t[e]) && (pe2 = sg_m_paren_year(t, n, e + 1, &y))) {
                *ys = y;
                break;
            }
            if (t[e] == '(' && sg_m_paren_year(t, n, e, &y)) {
                *ys = y;
                break;
            }
            if (sg_m_sep(t, n, e))
                break;
            e++;
        }
        if (e - s >= 120)
            return 0;
        size_t cs = s, ce = e;
        sg_m_clean(t, &cs, &ce);
        if (ce <= cs)
            return 0;
        *ws = cs;
        *we = ce;
        return 1;
    }
    /* "Ballerina Review", "'Ballerina' review: ...", "Ballerina (2023) Review" */
    if (!sep && a < n)
        return 0;
    if (words > 10)
        return 0;
    size_t s = ps, e = pe;
    /* drop medium words: "Ballerina movie review" */
    while (e > s) {
        size_t w = e;
        while (w > s && !sg_is_space(t[w - 1]))
            w--;
        if (w == s || !sg_m_is_media(t, w, e))
            break;
        e = w;
        sg_m_trim(t, &s, &e);
    }
    /* a year at the end: "Ballerina (2023)" */
    if (e >= s + 6) {
        size_t y;
        if (sg_m_paren_year(t, e, e - 6, &y)) {
            *ys = y;
            e -= 6;
        }
    }
    sg_m_clean(t, &s, &e);
    if (e <= s)
        return 0;
    *ws = s;
    *we = e;
    return 1;
}

/* ---- dates ------------------------------------------------------------------------ */

static const char *const sg_m_months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/* A month name (full, 3-letter, or "sept", with an optional dot) at t[i]. */
int sg_m_month(sg_muc *t, size_t n, size_t i, size_t *end)
{
    for (int m = 0; m < 12; m++) {
        size_t e = sg_m_word(t, n, i, sg_m_months[m]);
        if (!e) {
            char ab[5] = {0};
            memcpy(ab, sg_m_months[m], 3);
            e = sg_m_word(t, n, i, ab);
            if (!e && m == 8)
                e = sg_m_word(t, n, i, "sept");
        }
        if (e) {
            if (e < n && t[e] == '.')
                e++;
            *end = e;
            return m + 1;
        }
    }
    return 0;
}

/* 1 or 2 digits at t[i] (not more); returns the count. */
static size_t sg_m_small(sg_muc *t, size_t n, size_t i, int *v)
{
    if (i >= n || !sg_is_digit(t[i]))
        return 0;
    size_t k = 1;
    *v = t[i] - '0';
    if (i + 1 < n && sg_is_digit(t[i + 1])) {
        *v = *v * 10 + (t[i + 1] - '0');
        k = 2;
    }
    if (i + k < n && sg_is_digit(t[i + k]))
        return 0;
    return k;
}

/* A 4-digit year at t[i]; a digit glued after it is allowed (bylines run
 * "10/06/20234 Mins Read" together). */
int sg_m_year(sg_muc *t, size_t n, size_t i, int *y)
{
    if (i + 4 > n)
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (!sg_is_digit(t[i + k]))
            return 0;
    *y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 +
         (t[i + 3] - '0');
    return *y >= 1800 && *y <= 2199;
}

static int sg_m_valid(int y, int m, int d)
{
    static const int dim[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1800 && m >= 1 && m <= 12 && d >= 1 && d <= dim[m - 1];
}

/* Skip "st", "nd", "rd", "th" after a day. */
static size_t sg_m_ordinal(sg_muc *t, size_t n, size_t i)
{
    if (i + 2 <= n && sg_is_alpha(t[i]) && sg_is_alpha(t[i + 1]) &&
        (i + 2 == n || !sg_is_alpha(t[i + 2]))) {
        char a = (char)(t[i] | 0x20), b = (char)(t[i + 1] | 0x20);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            return i + 2;
    }
    return i;
}

/* The first date in t[0,n), written to iso as YYYY-MM-DD. */
int sg_m_find_date(sg_muc *t, size_t n, char iso[11])
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (sg_is_alpha(t[i - 1]) || sg_is_digit(t[i - 1])) &&
            !(sg_is_digit(t[i]) && sg_is_alpha(t[i - 1])))
            continue;
        int y = 0, m = 0, d = 0;
        size_t k, e;
        if (sg_is_digit(t[i])) {
            /* 2023-10-06, 2023/10/06 */
            if (sg_m_year(t, n, i, &y) && i + 4 < n &&
                (t[i + 4] == '-' || t[i + 4] == '/' || t[i + 4] == '.')) {
                char sep = (char)t[i + 4];
                if ((k = sg_m_small(t, n, i + 5, &m)) && i + 5 + k < n &&
                    t[i + 5 + k] == sep && sg_m_small(t, n, i + 6 + k, &d) &&
                    sg_m_valid(y, m, d))
                    goto found;
            }
            int a, b;
            if ((k = sg_m_small(t, n, i, &a))) {
                size_t j = i + k;
                /* 10/06/2023 (month first unless it cannot be), 12.10.2023 */
                if (j < n && (t[j] == '/' || t[j] == '.' || t[j] == '-')) {
                    char sep = (char)t[j];
                    size_t k2 = sg_m_small(t, n, j + 1, &b);
                    if (k2 && j + 1 + k2 < n && t[j + 1 + k2] == sep &&
                        sg_m_year(t, n, j + 2 + k2, &y)) {
                        if (sep == '/')
                            m = a, d = b;
                        else
                            d = a, m = b;
                        if (m > 12) {
                            int tmp = m;
                            m = d;
                            d = tmp;
                        }
                        if (sg_m_valid(y, m, d))
                            goto found;
                    }
                }
                /* 12 October 2023, 12th October, 2023 */
                j = sg_skip_spaces(t, n, sg_m_ordinal(t, n, j), SG_SP_NEWLINE);
                if (j > i + k && (m = sg_m_month(t, n, j, &e))) {
                    e = sg_skip_spaces(t, n, e < n && t[e] == ',' ? e + 1 : e,
                                       SG_SP_NEWLINE);
                    d = a;
                    if (sg_m_year(t, n, e, &y) && sg_m_valid(y, m, d))
                        goto found;
                }
            }
        } else if (sg_is_alpha(t[i]) && (m = sg_m_month(t, n, i, &e))) {
            /* October 12, 2023 */
            size_t j = sg_skip_spaces(t, n, e, SG_SP_NEWLINE);
            if (j > e && (k = sg_m_small(t, n, j, &d))) {
                j = sg_m_ordinal(t, n, j + k);
                if (j < n && t[j] == ',')
                    j++;
                j = sg_skip_spaces(t, n, j, SG_SP_NEWLINE);
                if (sg_m_year(t, n, j, &y) && sg_m_valid(y, m, d))
                    goto found;
            }
        }
        continue;
    found:
        /* y, m and d are validated: 4, 2 and 2 digits */
        iso[0] = (char)('0' + y / 1000);
        iso[1] = (char)('0' + y / 100 % 10);
        iso[2] = (char)('0' + y / 10 % 10);
        iso[3] = (char)('0' + y % 10);
        iso[4] = '-';
        iso[5] = (char)('0' + m / 10);
        iso[6] = (char)('0' + m % 10);
        iso[7] = '-';
        iso[8] = (char)('0' + d / 10);
        iso[9] = (char)('0' + d % 10);
        iso[10] = '\0';
        return 1;
    }
    return 0;
}
