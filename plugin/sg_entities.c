/* sg_entities.c -- characters learnt from the article itself.
 *
 * "Jang Ok-ju (Jeon Jong-seo)" names a character and her actor; "Jeon
 * Jong-seo as Ok-ju" does too; a capitalised name that recurs as a sentence
 * subject or in a possessive ("Min-hee's death") is a character.  Role words
 * ("her friend", "the villain", "his boss") count as characters near a death. */
#include "sg_internal.h"

#include <ctype.h>
#include <strings.h>

/* Capitalised words that start sentences or name the film's world, not
 * characters. */
static const char *const sg_not_names[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
    "Their", "Its", "This", "That", "These", "Those", "There", "Here", "When",
    "While", "After", "Before", "But", "And", "Or", "So", "If", "As", "At", "In",
    "On", "Of", "For", "With", "Without", "From", "By", "To", "What", "Who",
    "Why", "How", "Where", "Which", "Whether", "Yet", "Still", "Then", "Now",
    "Not", "No", "Yes", "Even", "Just", "All", "One", "Some", "Many", "Most",
    "Every", "Each", "Both", "Also", "Although", "Though", "Because", "Since",
    "Until", "Once", "Netflix", "Hollywood", "Korean", "American", "English",
    "Review", "REVIEW", "Film", "Movie", "Season", "Episode", "Act", "Part",
    "Mr", "Mrs", "Ms", "Dr", "Oh", "Well", "Sure", "Maybe", "Perhaps", "Nobody",
    "Everyone", "Someone", "Something", "Nothing", "Everything", "Ultimately",
    "Eventually", "Finally", "Meanwhile", "However", "Instead", "Overall",
    "Speaking", "Whatever", "Although", "Image", "Credit", "PICTURED", "TL",
    "DR", "John", "Wick", NULL};

/* Role words that point at a character without naming one. */
static const char *const sg_roles[] = {
    "friend", "best friend", "boss", "villain", "hero", "heroine", "protagonist",
    "antagonist", "mentor", "wife", "husband", "mother", "father", "mom", "dad",
    "sister", "brother", "daughter", "son", "lover", "girlfriend", "boyfriend",
    "partner", "fiance", "fiancee", "killer", "detective", "captain", "king",
    "queen", "prince", "princess", "leader", "big bad", "bad guy", "sidekick",
    "rival", "nemesis", "uncle", "aunt", "grandmother", "grandfather", "child",
    "baby", "teacher", "student", "kid", "twin", "crime lord", NULL};

static int sg_is_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || c == '-';
}

static int sg_not_name(const char *w, size_t n)
{
    for (size_t i = 0; sg_not_names[i]; i++)
        if (strlen(sg_not_names[i]) == n && !memcmp(sg_not_names[i], w, n))
            return 1;
    return 0;
}

/* A capitalised word (ASCII capital first; hyphenated parts allowed). */
static size_t sg_cap_word(const char *t, size_t n, size_t i)
{
    if (i >= n || !isupper((unsigned char)t[i]))
        return 0;
    size_t j = i + 1;
    while (j < n && sg_is_word_byte((unsigned char)t[j]))
        j++;
    while (j > i && t[j - 1] == '-')
        j--;
    return j - i;
}

/* A run of 1-3 capitalised words starting at i; returns its length. */
static size_t sg_name_run(const char *t, size_t n, size_t i, int *words)
{
    size_t end = i, k = i;
    *words = 0;
    while (*words < 3) {
        size_t l = sg_cap_word(t, n, k);
        if (!l || sg_not_name(t + k, l))
            break;
        end = k + l;
        (*words)++;
        if (end < n && t[end] == ' ')
            k = end + 1;
        else
            break;
    }
    return end - i;
}

static int sg_name_eq(const char *a, size_t an, const char *b, size_t bn)
{
    return an == bn && !strncasecmp(a, b, an);
}

int sg_cast_add(sg_cast *cast, const char *name, size_t n, const char *actor,
                size_t an)
{
    for (size_t i = 0; i < cast->n; i++) {
        sg_character *c = &cast->people[i];
        if (sg_name_eq(c->name, strlen(c->name), name, n)) {
            c->mentions++;
            if (actor && !c->actor)
                c->actor = sg_strndup(actor, an);
            return 1;
        }
    }
    sg_character c = {sg_strndup(name, n), actor ? sg_strndup(actor, an) : NULL, 1};
    if (!c.name || !SG_VEC_PUSH(cast->people, cast->n, cast->cap, c)) {
        free(c.name);
        free(c.actor);
        return 0;
    }
    return 1;
}

static sg_character *sg_cast_get(sg_cast *cast, const char *name, size_t n)
{
    for (size_t i = 0; i < cast->n; i++)
        if (sg_name_eq(cast->people[i].name, strlen(cast->people[i].name), name, n))
            return &cast->people[i];
    return NULL;
}

void sg_cast_learn(sg_cast *cast, const sg_doc *doc, const sg_sentence *s,
                   size_t ns)
{
    /* candidates seen as subjects or possessives, counted; kept when they
     * recur or are tied to an actor */
    sg_cast cand = {0};
    for (size_t si = 0; si < ns; si++) {
        const char *t = doc->view.data + s[si].view_start;
        size_t n = s[si].view_end - s[si].view_start;
        for (size_t i = 0; i < n; i++) {
            if (i > 0 && sg_is_word_byte((unsigned char)t[i - 1]))
                continue;
            int words;
            size_t l = sg_name_run(t, n, i, &words);
            if (!l)
                continue;
            size_t e = i + l;
            /* "Name (Actor Name)" */
            if (e + 2 < n && t[e] == ' ' && t[e + 1] == '(') {
                int aw;
                size_t al = sg_name_run(t, n, e + 2, &aw);
                if (al && e + 2 + al < n && t[e + 2 + al] == ')' && aw >= 2) {
                    sg_cast_add(cast, t + i, l, t + e + 2, al);
                    i = e + 2 + al;
                    continue;
                }
            }
            /* "Actor Name as Name" */
            if (words >= 2 && e + 4 < n && !memcmp(t + e, " as ", 4)) {
                int cw;
                size_t cl = sg_name_run(t, n, e + 4, &cw);
                if (cl) {
                    sg_cast_add(cast, t + e + 4, cl, t + i, l);
                    i = e + 4 + cl;
                    continue;
                }
            }
            /* possessive or subject of a verb-like next word */
            int subject = i == 0 || (i >= 2 && t[i - 2] == ',') ;
            int possessive = e + 1 < n && (t[e] == '\'' ||
                             (e + 3 <= n && !memcmp(t + e, "\xE2\x80\x99", 3)));
            if ((subject || possessive) && words <= 3)
                sg_cast_add(&cand, t + i, l, NULL, 0);
            i = e;
        }
    }
    for (size_t i = 0; i < cand.n; i++)
        if (cand.people[i].mentions >= 2 || sg_cast_get(cast, cand.people[i].name,
                                                        strlen(cand.people[i].name)))
            sg_cast_add(cast, cand.people[i].name, strlen(cand.people[i].name),
                        NULL, 0);
    sg_cast_free(&cand);
}

/* Is `w` (n bytes) at t[i] a whole word, case-insensitively? */
static int sg_word_at(const char *t, size_t to, size_t i, const char *w, size_t n)
{
    if (i + n > to || strncasecmp(t + i, w, n))
        return 0;
    if (i > 0 && sg_is_word_byte((unsigned char)t[i - 1]))
        return 0;
    if (i + n < to && (isalnum((unsigned char)t[i + n]) || (unsigned char)t[i + n] >= 0x80))
        return 0;
    return 1;
}

const char *sg_cast_find(const sg_cast *cast, const char *text, size_t from,
                         size_t to, size_t *at, int *is_role)
{
    *is_role = 0;
    for (size_t i = from; i < to; i++) {
        if (i > from && sg_is_word_byte((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; cast && k < cast->n; k++) {
            const char *name = cast->people[k].name;
            size_t nl = strlen(name);
            if (sg_word_at(text, to, i, name, nl)) {
                *at = i;
                return name;
            }
            /* the last part of a multi-word name ("Ok-ju" of "Jang Ok-ju") */
            const char *sp = strrchr(name, ' ');
            if (sp && strlen(sp + 1) >= 3 &&
                sg_word_at(text, to, i, sp + 1, strlen(sp + 1))) {
                *at = i;
                return name;
            }
        }
    }
    /* role words after a determiner or possessive */
    static const char *const dets[] = {"the ", "her ", "his ", "their ", "its ",
                                       "a ", "whose ", NULL};
    for (size_t i = from; i < to; i++) {
        if (i > from && sg_is_word_byte((unsigned char)text[i - 1]))
            continue;
        size_t d = 0;
        for (size_t k = 0; dets[k]; k++)
            if (i + strlen(dets[k]) <= to && !strncasecmp(text + i, dets[k], strlen(dets[k]))) {
                d = strlen(dets[k]);
                break;
            }
        if (!d)
            continue;
        size_t j = i + d;
        /* an adjective may sit between: "her best friend", "his crime lord boss" */
        for (int hop = 0; hop < 3 && j < to; hop++) {
            for (size_t r = 0; sg_roles[r]; r++)
                if (sg_word_at(text, to, j, sg_roles[r], strlen(sg_roles[r]))) {
                    *at = j;
                    *is_role = 1;
                    return sg_roles[r];
                }
            while (j < to && sg_is_word_byte((unsigned char)text[j]))
                j++;
            if (j < to && text[j] == ' ')
                j++;
            else
                break;
        }
    }
    /* "Name's boss" also points at a role */
    return NULL;
}

void sg_cast_free(sg_cast *cast)
{
    for (size_t i = 0; i < cast->n; i++) {
        free(cast->people[i].name);
        free(cast->people[i].actor);
    }
    free(cast->people);
    memset(cast, 0, sizeof *cast);
}
