/*
 * sg_rating_prose.c -- whether a value read in a line is the review's own
 * rating: the labels before it ("Rating:", "Our score"), verdict sections
 * and runs of page chrome, the cue words near it, and the prose that gives a
 * score to another work or rater, supposes it, or counts dates, series and
 * votes instead (see sg_rating.c for the forms and the rules).
 */
#include "sg_rating.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Words near a number that make it a rating. */
static const char *const sg_r_cues[] = {
    "rating", "ratings", "rate",    "rates",    "rated",    "score",   "scored",
    "scores", "grade",   "graded",  "verdict",  "star",     "stars",   "give",
    "gives",  "gave",    "giving",  "award",    "awards",   "awarded", "earn",
    "earns",  "earned",  "deserve", "deserves", "deserved", "get",     "gets",
    "got",    "mark",    "marks",   "overall",  NULL};

/* Words just before a number that make it a count, not a score. */
static const char *const sg_r_series[] = {
    "episode", "episodes", "ep",   "part",  "parts", "chapter",     "season", "issue",
    "vol",     "volume",   "page", "pages", "book",  "no",          "number", "track",
    "disc",    "round",    "day",  "days",  "week",  "step",        "game",   "level",
    "act",     "scene",    "film", "movie", "entry", "installment", NULL};

/* Words just before a number that make it a date. */
static const char *const sg_r_dated[] = {"on",    "since", "until", "till", "by",  "from",
                                         "before", "after", "due",   "dated", NULL};

/* Words before a score, in its clause, that give it to another work. */
static const char *const sg_r_other_work[] = {
    "original",      "originals",       "predecessor", "predecessors", "previous",
    "compared",      "unlike",          "versus",      "vs",           "first film",
    "first movie",   "first one",       "last film",   "last movie",   "last one",
    "other film",    "other one",       "sequel",      "sequels",      "prequel",
    "first season",  "previous season", "last season", "season one",   "first book",
    "previous book", "last book",       NULL};

/* Other raters and sites, before a score in its clause or before a label
 * on its line: their score is not the review's. */
static const char *const sg_r_raters[] = {"imdb",
                                          "metacritic",
                                          "metascore",
                                          "rotten tomatoes",
                                          "tomatometer",
                                          "critics",
                                          "critic score",
                                          "audience score",
                                          "audience rating",
                                          "user score",
                                          "user rating",
                                          "users",
                                          "average rating",
                                          "average score",
                                          "myanimelist",
                                          "mal score",
                                          "letterboxd average",
                                          "goodreads average",
                                          "readers",
                                          "community",
                                          "visitors",
                                          "your rating",
                                          "your score",
                                          "your grade",
                                          "reader rating",
                                          "reader score",
                                          NULL};

/* Words before a label that make it someone else's ("Your rating:",
 * "Reader score:"), besides the raters above. */
static const char *const sg_r_label_others[] = {"your", "reader", "user", "voter", NULL};

/* Words before a score, in its clause, that make it one the work might
 * have had ("would have been a 9/10", "you're left with a 3.5 film"). */
static const char *const sg_r_hypothetical[] = {
    "would have been", "would've been",   "could have been",
    "could've been",   "might have been", "should have been",
    "left with",       "almost",          NULL};

/* Words that start a clause of the reviewer's own after one about another
 * work ("The original got 9/10, but this one ..."). */
static const char *const sg_r_clause_stops[] = {
    "but", "though", "although", "however", "whereas", "while", "yet", "this", NULL};

/* Counted things after "N out of M" or "N/M": "9 out of 10 viewers". */
static const char *const sg_r_counted[] = {
    "people",  "viewers",  "critics", "fans",       "times",  "episodes",
    "films",   "movies",   "books",   "chapters",   "cases",  "dentists",
    "readers", "children", "kids",    "characters", "scenes", "songs",
    "games",   "seasons",  "players", "voters",     "men",    "women",
    "adults",  "students", "members", "of",         NULL};

/* Words right after a fraction that make it a quantity. */

/* ---- labels and sections --------------------------------------------------- */

/* Label words; `strong` ones ("overall", "final") name the overall score;
 * "recommend" takes a yes or no, or the reviewer's own words. */
static const char *const sg_r_labels[] = {
    "rating", "score",    "grade",     "verdict",     "overall",        "rated",
    "stars",  "our take", "recommend", "recommended", "recommendation", NULL};

/* A label near the start of the line: up to three words, then a label word,
 * then a separator (: - – — = |) or a space.  Returns the offset where the
 * value may start (0 when no label). */
size_t sg_r_label(sg_uc *t, size_t n, sg_rlabel *lb)
{
    size_t i = 0;
    memset(lb, 0, sizeof *lb);
    int *sep = &lb->sep, *only_num = &lb->only_num, *strong = &lb->strong,
        *at_end = &lb->at_end;
    for (int w = 0; w < 4 && i < n && i < 40; w++) {
        for (size_t k = 0; sg_r_labels[k]; k++) {
            if ((t[i] | 0x20) != sg_r_labels[k][0]) /* cheap, and most words */
                continue;
            size_t e = sg_r_word(t, n, i, sg_r_labels[k]);
            if (!e)
                continue;
            /* "IMDb rating:", "Original score:" label someone else's */
            if (i && (sg_r_any_word(t, n, 0, i, sg_r_raters) ||
                      sg_r_any_word(t, n, 0, i, sg_r_label_others) ||
                      sg_r_any_word(t, n, 0, i, sg_r_other_work)))
                return 0;
            /* "Overall rating:", "Score rating" read as one label */
            size_t nx = sg_skip_spaces(t, n, e, SG_SP_THIN);
            int chained = 0;
            for (size_t k2 = 0; nx > e && sg_r_labels[k2] && !chained; k2++)
                chained = sg_r_word(t, n, nx, sg_r_labels[k2]) != 0;
            if (chained) {
                if (!strcmp(sg_r_labels[k], "overall"))
                    *strong = 1;
                break;
            }
            /* "3/5 stars": "stars" labels only with a separator */
            lb->free = !strcmp(sg_r_labels[k], "recommend") ? 1
                       : !strcmp(sg_r_labels[k], "recommended") ||
                               !strcmp(sg_r_labels[k], "recommendation")
                           ? 2
                           : 0;
            if (lb->free == 2 && i)
                return 0; /* "Highly recommended: for fans of ..." */
            lb->stars = !strcmp(sg_r_labels[k], "stars");
            int needs_sep = lb->stars || lb->free;
            lb->end = e;
            if (!strcmp(sg_r_labels[k], "rated"))
                *only_num = 1;
            if (!strcmp(sg_r_labels[k], "overall"))
                *strong = 1;
            if (i >= 6 &&
                (sg_r_match(t, n, i - 6, "final ") || sg_r_match(t, n, i - 6, "total ")))
                *strong = 1;
            size_t j = sg_skip_spaces(t, n, e, SG_SP_THIN);
            if (j < n && (t[j] == ':' || t[j] == '-' || t[j] == '=' || t[j] == '|' ||
                          (t[j] == '?' && lb->free))) {
                *sep = 1;
                j++;
            } else if (j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 &&
                       (t[j + 2] == 0x93 || t[j + 2] == 0x94)) {
                *sep = 1;
                j += 3;
            } else if ((j == e && j < n) || needs_sep)
                return 0; /* "rating's", "score.", "4 stars" */
            j = sg_skip_spaces(t, n, j, SG_SP_THIN);
            if (j >= n)
                *at_end = 1;
            return j;
        }
        /* next word */
        while (i < n && !sg_is_hspace(t[i]))
            i++;
        i = sg_skip_spaces(t, n, i, SG_SP_THIN);
    }
    return 0;
}

/* A short line that opens a verdict section ("TL;DR", "The Verdict"). */
const char *const sg_r_sections[] = {"tl;dr",
                                            "tldr",
                                            "tl dr",
                                            "verdict",
                                            "the verdict",
                                            "final verdict",
                                            "our verdict",
                                            "my verdict",
                                            "bottom line",
                                            "the bottom line",
                                            "final thoughts",
                                            "conclusion",
                                            "in conclusion",
                                            "final word",
                                            "the final word",
                                            "summary",
                                            "in summary",
                                            "overall",
                                            "final score",
                                            "the final score",
                                            NULL};

/* A short line that opens a run of page chrome. */
const char *const sg_r_chrome[] = {"related posts",
                                          "related articles",
                                          "related reviews",
                                          "related stories",
                                          "related",
                                          "you may also like",
                                          "you might also like",
                                          "more reviews",
                                          "more from",
                                          "trending",
                                          "trending posts",
                                          "trending now",
                                          "recommended for you",
                                          "popular posts",
                                          "latest reviews",
                                          "more stories",
                                          "leave a reply",
                                          "leave a comment",
                                          "comments",
                                          "read next",
                                          NULL};

/* Does the line start with one of `list`, followed by the end, a colon or a
 * dash?  `whole`: only the end (after optional ':' and spaces). */
int sg_r_line_is(sg_uc *t, size_t n, const char *const *list, int whole)
{
    for (size_t k = 0; list[k]; k++) {
        if ((t[0] | 0x20) != list[k][0]) /* cheap, and most lines */
            continue;
        size_t e = sg_r_match(t, n, 0, list[k]);
        if (!e || (e < n && sg_is_alnum(t[e])))
            continue;
        size_t j = sg_skip_spaces(t, n, e, SG_SP_THIN);
        if (j < n && t[j] == ':')
            j = sg_skip_spaces(t, n, j + 1, SG_SP_THIN);
        if (j >= n)
            return 1;
        if (!whole && (e < n && (t[e] == ':' || t[j] == '-')))
            return 1;
    }
    return 0;
}

static int sg_r_cue_at(sg_uc *t, size_t n, size_t i)
{
    return sg_is_alpha(t[i]) && sg_r_word_start(t, i) &&
           sg_r_any_word(t, n, i, i + 1, sg_r_cues);
}

/* Is there a cue word within SG_R_NEAR bytes of [s,e), outside it? */
static int sg_r_cue_near(sg_rcues *c, sg_uc *t, size_t n, size_t s, size_t e)
{
    size_t from = s > SG_R_NEAR ? s - SG_R_NEAR : 0;
    if (c->back_pos < from)
        c->back_pos = from;
    for (; c->back_pos < s; c->back_pos++)
        if (sg_r_cue_at(t, n, c->back_pos))
            c->back_last = c->back_pos;
    if (c->back_last != SIZE_MAX && c->back_last >= from && c->back_last < s)
        return 1;
    size_t to = e + SG_R_NEAR < n ? e + SG_R_NEAR : n;
    if (c->fwd_hit != SIZE_MAX && c->fwd_hit >= e)
        return c->fwd_hit < to;
    c->fwd_hit = SIZE_MAX;
    if (c->fwd_pos < e)
        c->fwd_pos = e;
    for (; c->fwd_pos < to; c->fwd_pos++)
        if (sg_r_cue_at(t, n, c->fwd_pos)) {
            c->fwd_hit = c->fwd_pos++;
            return 1;
        }
    return 0;
}

/* Only spaces and closing punctuation after t[e]. */
static int sg_r_ends_line(sg_uc *t, size_t n, size_t e)
{
    for (size_t i = e; i < n; i++)
        if (!sg_is_hspace(t[i]) && t[i] != '.' && t[i] != '!' && t[i] != ')' &&
            t[i] != ']' && t[i] != '*' && t[i] != '_')
            return 0;
    return 1;
}

/* "for me", "from me", "for this one" right after t[e]. */
static int sg_r_for_me(sg_uc *t, size_t n, size_t e)
{
    static const char *const after[] = {"for me", "from me", "for this one", "for this",
                                        NULL};
    size_t a = sg_skip_spaces(t, n, e, SG_SP_THIN);
    if (a == e)
        return 0;
    for (size_t k = 0; after[k]; k++)
        if (sg_r_word(t, n, a, after[k]))
            return 1;
    return 0;
}

/* A strong verdict word ("recommended", "masterpiece", "must see") within
 * 40 bytes of [s,e): it makes a fraction beside it a score. */
static int sg_r_verdict_near(sg_uc *t, size_t n, size_t s, size_t e)
{
    size_t from = s > 40 ? s - 40 : 0, to = e + 40 < n ? e + 40 : n;
    sg_rval w;
    for (size_t i = from; i < to; i++) {
        if (i == s)
            i = e;
        if (i >= to || !sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        if (sg_r_verdict(t, n, i, 0, &w) || (sg_r_verdict(t, n, i, 1, &w) && w.norm >= 0.9))
            return 1;
    }
    return 0;
}

/* Does the clause holding t[s], up to it, give the score to another work
 * or another rater ("than the original's 6/10", "IMDb: 7.2/10", "Unlike
 * the first film, which I gave 9/10"), or only suppose it ("would have
 * been a 9/10")?  The clause starts at the sentence's
 * start, a semicolon, a word that turns to the reviewer's own ("but",
 * "while", "this"), or ", I"; at most 160 bytes back. */
int sg_r_other_works(sg_uc *t, size_t s)
{
    size_t a = s;
    while (a > 0 && s - a < 160 && t[a - 1] != ';' &&
           !((t[a - 1] == '.' || t[a - 1] == '!' || t[a - 1] == '?') && sg_is_hspace(t[a])))
        a--;
    size_t from = a;
    for (size_t i = a; i < s; i++) {
        if (!sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        size_t e = 0;
        for (size_t k = 0; sg_r_clause_stops[k] && !e; k++)
            e = sg_r_word(t, s, i, sg_r_clause_stops[k]);
        if (!e && i >= 2 && t[i - 2] == ',' && (t[i] == 'I') &&
            (i + 1 >= s || !sg_is_alpha(t[i + 1])))
            e = i + 1; /* ", I'd give it" */
        if (e)
            from = e;
    }
    if (sg_r_any_word(t, s, from, s, sg_r_other_work) ||
        sg_r_any_word(t, s, from, s, sg_r_raters) ||
        sg_r_any_word(t, s, from, s, sg_r_hypothetical))
        return 1;
    /* "than Oldboy's 9/10": a possessive right before the score */
    size_t p = s;
    while (p > from && sg_is_hspace(t[p - 1]))
        p--;
    int poss = (p >= 2 && (t[p - 1] == 's' || t[p - 1] == 'S') && t[p - 2] == '\'') ||
               (p >= 4 && (t[p - 1] | 0x20) == 's' && t[p - 4] == 0xE2 &&
                t[p - 3] == 0x80 && t[p - 2] == 0x99);
    static const char *const than[] = {"than", NULL};
    return poss && sg_r_any_word(t, s, from, s, than);
}

/* The start of the word that ends right before t[i] (past spaces), or i
 * when there is none. */
static size_t sg_r_word_before(sg_uc *t, size_t i, size_t *end)
{
    size_t e = i;
    while (e > 0 && i - e < 8 && sg_is_hspace(t[e - 1]))
        e--;
    size_t s = e;
    while (s > 0 && e - s < 16 && (sg_is_alpha(t[s - 1]) || t[s - 1] == '-'))
        s--;
    *end = e;
    return s < e && (s == 0 || !sg_is_alpha(t[s - 1])) ? s : i;
}

/* Is what stands right before t[i] "a" or "an" (maybe "solid", "strong",
 * ...) with a giving word before it ("I'd give it a", "it earns an", "a
 * solid")?  2 with an adjective, 1 with a giving word, else 0. */
static int sg_r_given(sg_uc *t, size_t i)
{
    static const char *const adjectives[] = {
        "solid",       "strong",   "generous",      "firm",        "high", "low",
        "respectable", "deserved", "well-deserved", "hard-earned", "very", NULL};
    size_t e, w = sg_r_word_before(t, i, &e), adj = 0;
    if (w < i && sg_r_any_word(t, e, w, w + 1, adjectives)) {
        adj = 1;
        w = sg_r_word_before(t, w, &e);
    }
    if (w == i || (sg_r_word(t, e, w, "a") != e && sg_r_word(t, e, w, "an") != e))
        return 0;
    if (adj)
        return 2;
    return sg_r_any_word(t, w, w > 32 ? w - 32 : 0, w, sg_r_cues);
}

/* Words that may follow a score or grade given in prose and go on about
 * it ("a C+ at best", "a 7 from me"; "for me" too, but not "an A for
 * effort"). */
static const char *const sg_r_given_after[] = {
    "from",  "at",    "overall", "and", "but",  "though", "if", "because",
    "since", "which", "on",      "in",  "with", "as",     NULL};

/* A letter grade in prose at t[i], a capital standing alone: given (see
 * sg_r_given: "I'd give it a B+", "a solid B") or with "from me" after ("a
 * B from me").  What follows is the end, punctuation, or words that go on
 * about it, never more of a name ("a B-movie", "an A-list cast"). */
int sg_r_prose_grade(sg_uc *t, size_t n, size_t i, sg_rval *rv)
{
    static const char *const articles[] = {"a", "an", NULL};
    if (!sg_r_word_start(t, i) ||
        (t[i] != 'A' && t[i] != 'B' && t[i] != 'C' && t[i] != 'D' && t[i] != 'F'))
        return 0;
    size_t j = i + 1;
    if (j < n && (t[j] == '+' || t[j] == '-'))
        j++;
    else if (j + 2 < n && t[j] == 0xE2 &&
             ((t[j + 1] == 0x88 && t[j + 2] == 0x92) ||
              (t[j + 1] == 0x80 && t[j + 2] == 0x93)))
        j += 3;
    if (j < n && (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '-' || t[j] == '+' ||
                  t[j] == '/' || t[j] == '&' ||
                  (j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 && t[j + 2] == 0x99)))
        return 0;
    if (!sg_r_given(t, i) && !(sg_r_for_me(t, n, j) && sg_r_prev_word_in(t, i, articles)))
        return 0;
    size_t k = sg_skip_spaces(t, n, j, SG_SP_THIN);
    if (k < n && sg_is_alnum(t[k]) && !sg_r_next_word_in(t, n, j, sg_r_given_after) &&
        !sg_r_for_me(t, n, j))
        return 0;
    return sg_r_grade(t, j, i, 0, rv);
}

/* A bare number given in prose as a score ("I'd give it a 7", "a solid
 * 8.5"): out of 10, so only from 6 to 10 (a 4 might be out of 5). */
int sg_r_prose_bare(sg_uc *t, size_t n, const sg_rval *rv)
{
    if (rv->value < 6 || rv->value > 10 || !sg_r_given(t, rv->s))
        return 0;
    size_t k = sg_skip_spaces(t, n, rv->e, SG_SP_THIN);
    return !(k < n && (sg_is_alnum(t[k]) || t[k] == '/' || t[k] == '%') &&
             !sg_r_next_word_in(t, n, rv->e, sg_r_given_after) &&
             !sg_r_for_me(t, n, rv->e));
}

/* "on a scale of 1 to 10", "from 1-10", "a 1 to 10 scale" in the line: the
 * top of the scale a bare number given in prose is on, and the phrase's
 * bytes [*ps, *pe); 0 when the line has none. */
double sg_r_scale_phrase(sg_uc *t, size_t n, size_t *ps, size_t *pe)
{
    static const char *const of[] = {"of", "from", NULL};
    for (size_t i = 0; i < n; i++) {
        if ((t[i] | 0x20) != 's' || !sg_r_word_start(t, i) ||
            !sg_r_word(t, n, i, "scale"))
            continue;
        double lo, hi;
        size_t a, e;
        /* after: "scale of 1 to 10" */
        a = sg_skip_spaces(t, n, i + 5, SG_SP_THIN);
        for (size_t k = 0; of[k]; k++) {
            size_t b = sg_r_word(t, n, a, of[k]), c;
            if (!b ||
                !sg_r_scale_at(t, n, sg_skip_spaces(t, n, b, SG_SP_THIN), &lo, &c) ||
                lo > 1)
                continue;
            c = sg_skip_spaces(t, n, c, SG_SP_THIN);
            size_t d = sg_r_word(t, n, c, "to");
            if (!d && c < n && t[c] == '-')
                d = c + 1;
            else if (!d && c + 2 < n && t[c] == 0xE2 && t[c + 1] == 0x80 &&
                     t[c + 2] == 0x93)
                d = c + 3;
            if (d && sg_r_scale_at(t, n, sg_skip_spaces(t, n, d, SG_SP_THIN), &hi, &e) &&
                sg_r_common_scale(hi)) {
                *ps = i;
                *pe = e;
                return hi;
            }
        }
        /* before: "a 1-10 scale", "a 1 to 10 scale" */
        size_t q = i;
        while (q > 0 && i - q < 4 && sg_is_hspace(t[q - 1]))
            q--;
        size_t d = q;
        while (d > 0 && q - d < 3 && sg_is_digit(t[d - 1]))
            d--;
        if (d == q || !sg_r_scale_at(t, n, d, &hi, &e) || e != q ||
            !sg_r_common_scale(hi))
            continue;
        size_t c = d;
        if (c > 0 && t[c - 1] == '-')
            c--;
        else if (c >= 4 && sg_r_match(t, n, c - 4, " to ") == c)
            c -= 4;
        else
            continue;
        if (c > 0 && (t[c - 1] == '0' || t[c - 1] == '1') &&
            (c == 1 || !sg_is_alnum(t[c - 2]))) {
            *ps = c - 1;
            *pe = i + 5;
            return hi;
        }
    }
    return 0;
}

/* Whether an unlabelled numeric rating stands in prose or alone. */
int sg_r_prose_ok(sg_rcues *cues, sg_uc *t, size_t n, const sg_rval *rv, int alone,
                  int late)
{
    switch (rv->form) {
    case SG_RF_FRACTION:
    case SG_RF_OUTOF: {
        static const char *const joke[] = {"would", "wouldn't", "wouldn", NULL};
        if (!sg_r_common_scale(rv->scale) || rv->value > rv->scale)
            return 0;
        if (sg_r_prev_word_in(t, rv->s, sg_r_series))
            return 0;
        if (alone || rv->unit)
            return 1;
        /* "on 3/4" is a date, "9 out of 10 viewers" a count, "10/10 would
         * watch again" a joke */
        if (sg_r_prev_word_in(t, rv->s, sg_r_dated) ||
            sg_r_next_word_in(t, n, rv->e, sg_r_counted) ||
            sg_r_next_word_in(t, n, rv->e, joke))
            return 0;
        if (sg_r_cue_near(cues, t, n, rv->s, rv->e))
            return 1;
        /* a fraction ending its line: out of 10 or 100 anywhere, any common
         * scale in a verdict section or the last third ("A gorgeous mess.
         * 3/5") */
        if (rv->form == SG_RF_FRACTION && (rv->scale == 10 || rv->scale == 100 || late) &&
            sg_r_ends_line(t, n, rv->e))
            return 1;
        /* "3/5 from me", "8.5/10, recommended", "perfect, 10/10, a
         * masterpiece" */
        return sg_r_for_me(t, n, rv->e) || sg_r_verdict_near(t, n, rv->s, rv->e);
    }
    case SG_RF_STARS:
        /* "the film's three stars" are actors: a score needs a half, a
         * scale, a line of its own or a cue */
        if (rv->scale_given && !sg_r_common_scale(rv->scale))
            return 0;
        return alone || rv->half || rv->scale_given || rv->unit ||
               sg_r_cue_near(cues, t, n, rv->s, rv->e) ||
               (late && sg_r_ends_line(t, n, rv->e));
    case SG_RF_GLYPHS:
        return alone || rv->slots >= 2 || sg_r_cue_near(cues, t, n, rv->s, rv->e);
    default:
        return 0;
    }
}

/* Offer a number found in prose when the prose around it allows one. */
/* A label right before t[s] inside a line ("Story: 3/5, Overall: 4/5",
 * "| **Score:** 8/10"): one label word, then a separator.  *strong is set
 * for an overall or final one. */
int sg_r_label_before(sg_uc *t, size_t s, int *strong)
{
    static const char *const labels[] = {"rating",  "score", "grade", "verdict",
                                         "overall", "stars", NULL};
    static const char *const overall[] = {"overall", "final", "total", NULL};
    size_t p = s;
    while (p > 0 && s - p < 8 &&
           (sg_is_hspace(t[p - 1]) || t[p - 1] == '*' || t[p - 1] == '_'))
        p--;
    if (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 &&
        (t[p - 1] == 0x93 || t[p - 1] == 0x94))
        p -= 3;
    else if (p > 0 && (t[p - 1] == ':' || t[p - 1] == '-' || t[p - 1] == '='))
        p--;
    else
        return 0;
    while (p > 0 && s - p < 16 &&
           (sg_is_hspace(t[p - 1]) || t[p - 1] == '*' || t[p - 1] == '_'))
        p--;
    size_t e, w = sg_r_word_before(t, p, &e);
    if (w == p || e != p || !sg_r_any_word(t, e, w, w + 1, labels))
        return 0;
    size_t e2, w2 = sg_r_word_before(t, w, &e2);
    if (w2 < w && (sg_r_any_word(t, e2, w2, w2 + 1, sg_r_label_others) ||
                   sg_r_any_word(t, e2, w2, w2 + 1, sg_r_raters)))
        return 0; /* "Your rating: 4/5" */
    *strong = sg_r_word(t, e, w, "overall") != 0 ||
              (w2 < w && sg_r_any_word(t, e2, w2, w2 + 1, overall));
    return 1;
}

/* Does a count of votes follow the score at t[e] ("4.2/5 (120 votes)",
 * "3.9 from 1,204 ratings")?  Then it is an average of readers' scores. */
int sg_r_aggregate(sg_uc *t, size_t n, size_t e)
{
    static const char *const votes[] = {"votes",     "vote",  "ratings", "reviews",
                                        "reviewers", "users", "voters",  NULL};
    size_t to = e + 32 < n ? e + 32 : n;
    for (size_t i = e; i < to; i++)
        if (sg_is_digit(t[i]) && (i == e || !sg_is_digit(t[i - 1]))) {
            size_t k = i;
            while (k < n && (sg_is_digit(t[k]) || t[k] == ',' || t[k] == '.'))
                k++;
            if (sg_r_next_word_in(t, n, k, votes) &&
                sg_skip_spaces(t, n, k, SG_SP_THIN) > k)
                return 1;
        }
    return 0;
}

/* Offer a number found in prose when the prose around it allows one:
 * `stated` when its context already makes it a score ("on a scale of 1 to
 * 10, this is an 8"). */
