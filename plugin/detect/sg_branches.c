/* sg_branches.c -- the top-level branches of a rule's pattern.
 *
 * Most patterns of the rules are one alternation between word boundaries,
 * \b(?:X1|X2|...|Xn)\b, of a few dozen branches, and PCRE2 tries every
 * branch at every place a match could start, so that a sentence the
 * prefilter let through for one rare word pays for all of them.  Each
 * branch has a gate of its own, and running only the branches whose gate
 * holds, each as \b(?:Xi)\b, finds the same match: PCRE2 takes the leftmost
 * start, and at one start the first branch that matches (with what follows
 * the group) in the order they are written, so the whole pattern's match is
 * the leftmost of the branches' matches, the first branch's at a tie.  That
 * holds only while nothing ties the branches together or makes a match
 * depend on where the search began, so a pattern using back references,
 * recursion, conditions, verbs, \K, \G, \Q or an option setting that is not
 * confined to a group is left whole. */
#include "sg_internal.h"

/* Just past the class that opens at p ('['), or NULL. */
static const char *sg_br_class_end(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (*p == '\\' && p[1])
            p += 2;
        else if (p[0] == '[' && p[1] == ':') {
            const char *e = strstr(p + 2, ":]");
            if (!e)
                return NULL;
            p = e + 2;
        } else
            p++;
    }
    return *p ? p + 1 : NULL;
}

/* Whether the "(?" group opening at p is one a branch can hold alone: a
 * non-capturing or named group, an option setting scoped to its group
 * ("(?-i:"), an atomic group or a lookaround. */
static int sg_br_group_ok(const char *p)
{
    p += 2;
    switch (*p) {
    case ':': case '>': case '=': case '!':
        return 1;
    case '<': /* lookbehind or a name */
    case '\'':
    case 'P':
        return p[0] != 'P' || p[1] == '<';
    default:
        break;
    }
    /* options: letters and '-' up to ':' (scoped) or ')' (bare) */
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '^')
        p++;
    return *p == ':';
}

size_t sg_pattern_branches(const char *pat, size_t *pre, size_t *post, size_t *at,
                           size_t max)
{
    size_t lead = strncmp(pat, "\\b", 2) ? 0 : 2;
    if (strncmp(pat + lead, "(?:", 3) || max < 2)
        return 0;
    const char *p = pat + lead + 3;
    size_t n = 0, depth = 0;
    at[n++] = (size_t)(p - pat);
    for (;;) {
        if (!*p)
            return 0;
        if (*p == '\\') {
            char c = p[1];
            if (!c || (c >= '1' && c <= '9') || c == 'g' || c == 'k' || c == 'K' ||
                c == 'G' || c == 'Q' || c == 'E' || c == 'c')
                return 0;
            p += 2;
        } else if (*p == '[') {
            if (!(p = sg_br_class_end(p)))
                return 0;
        } else if (*p == '(') {
            if (p[1] == '*' || (p[1] == '?' && !sg_br_group_ok(p)))
                return 0;
            depth++;
            p++;
        } else if (*p == ')') {
            if (!depth)
                break;
            depth--;
            p++;
        } else if (*p == '|' && !depth) {
            if (n == max)
                return 0;
            at[n++] = (size_t)(p + 1 - pat);
            p++;
        } else {
            p++;
        }
    }
    /* p is at the group's ')': only \b or nothing may follow it */
    const char *rest = p + 1;
    if (*rest && strcmp(rest, "\\b"))
        return 0;
    if (n < 2)
        return 0;
    *pre = lead;
    *post = (size_t)(p - pat);
    return n;
}
