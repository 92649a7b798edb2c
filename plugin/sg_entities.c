/* sg_entities.c -- characters learnt from the article itself.
 *
 * "Jang Ok-ju (Jeon Jong-seo)" names a character and her actor, and so do
 * "Jeon Jong-seo as Ok-ju", "Jeon stars as Ok-ju", "Jeon plays Ok-ju" and
 * "Ok-ju (played by Jeon Jong-seo)"; a capitalised name that recurs as the
 * subject of a clause or in a possessive ("Min-hee's death") is a character.
 * The work's own title recurs the same way ("Ballerina is the story of",
 * "Ballerina's third act"), so a name used as a title is left out.  Role
 * words ("her friend", "the villain", "Choi's boss") count as characters
 * near a death. */
#include "sg_internal.h"

#include <ctype.h>
#include <pthread.h>
#include <strings.h>

/* Capitalised words that start sentences, label page parts or name the
 * film's world, not characters. */
static const char *const sg_not_names[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
    "Their", "Its", "This", "That", "These", "Those", "There", "Here", "When",
    "While", "After", "Before", "But", "And", "Or", "So", "If", "As", "At", "In",
    "On", "Of", "For", "With", "Without", "From", "By", "To", "What", "Who",
    "Why", "How", "Where", "Which", "Whether", "Yet", "Still", "Then", "Now",
    "Not", "No", "Yes", "Even", "Just", "All", "One", "Some", "Many", "Most",
    "Every", "Each", "Both", "Also", "Although", "Though", "Because", "Since",
    "Until", "Once", "Netflix", "Hollywood", "Korean", "American", "English",
    "British", "French", "Japanese", "Chinese", "Review", "REVIEW", "Reviews",
    "Film", "Movie", "Season", "Episode", "Act", "Part", "Chapter", "Series",
    "Mr", "Mrs", "Ms", "Dr", "Oh", "Well", "Sure", "Maybe", "Perhaps", "Nobody",
    "Everyone", "Someone", "Something", "Nothing", "Everything", "Ultimately",
    "Eventually", "Finally", "Meanwhile", "However", "Instead", "Overall",
    "Speaking", "Whatever", "Image", "Images", "Credit", "Credits", "Photo",
    "Photos", "Picture", "PICTURED", "Pictured", "Source", "Via", "Watch",
    "Read", "Related", "Share", "Subscribe", "Advertisement", "Trailer",
    "Director", "Directed", "Starring", "Cast", "Genre", "Rating", "Verdict",
    "Runtime", "Plot", "Summary", "Synopsis", "Spoiler", "Spoilers", "Warning",
    "Update", "Note", "Editor", "Posted", "Published", "Written", "Score",
    "TL", "DR", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December",
    "Sadly", "Luckily", "Thankfully", "Unfortunately", "Fortunately",
    "Later", "Soon", "Next", "First", "Last", "Again", "Only", "Never",
    "Always", "Sometimes", "Often", "Other", "Another", "Such", "Like",
    "Unlike", "Despite", "During", "Through", "Throughout", "Against",
    "Among", "Between", "Beyond", "Inside", "Outside", "Under", "Over",
    "Did", "Does", "Do", "Is", "Was", "Are", "Were", "Has", "Have", "Had",
    "Can", "Could", "Will", "Would", "Should", "Might", "Must", "Let",
    "Thanks", "Please", "Wow", "Sorry", "Hey", "OK", "Okay", NULL};

/* Role words that point at a character without naming one. */
static const char *const sg_roles[] = {
    "best friend", "friend", "boss", "villain", "hero", "heroine", "protagonist",
    "antagonist", "mentor", "wife", "husband", "mother", "father", "mom", "dad",
    "mum", "sister", "brother", "daughter", "son", "lover", "girlfriend",
    "boyfriend", "partner", "fiance", "fiancee", "fianc\xC3\xA9", "fianc\xC3\xA9" "e",
    "killer", "detective", "captain", "king", "queen", "prince", "princess",
    "leader", "big bad", "bad guy", "sidekick", "rival", "nemesis", "uncle",
    "aunt", "grandmother", "grandfather", "child", "baby", "teacher", "student",
    "kid", "twin", "crime lord", "crime boss", "main character", "title character",
    "ex-wife", "ex-husband", "stepmother", "stepfather", "roommate",
    "neighbour", "neighbor", "colleague", "assassin", "hitman", "bodyguard",
    "henchman", "partner in crime", "ally", "protege", "prot\xC3\xA9g\xC3\xA9",
    "apprentice", "dog", "victim", "witness", "suspect", "cop",
    "mother-in-law", "father-in-law", "family", "parents", NULL};

/* Nouns that follow a title's possessive, not a character's: "Ballerina's
 * third act", "Ballerina's director". */
static const char *const sg_work_parts[] = {
    "third act", "first act", "second act", "final act", "ending", "plot",
    "script", "screenplay", "cast", "director", "runtime", "story", "narrative",
    "premise", "soundtrack", "score", "cinematography", "climax", "action",
    "world", "pacing", "tone", "trailer", "release", "budget", "sequel",
    "finale", "production", "camera", "fight", "fights", "violence",
    "choreography", "editing", "visuals", "opening", "success", "box office",
    "strengths", "weaknesses", "biggest", "greatest", "best", "worst",
    "problem", "problems", "lead", "star", "performance", "portrayal", "acting",
    "role", "career", "filmography", "debut", "latest", "film", "movie", "work",
    "direction", "camerawork", "vision", "style", "take", "version", NULL};

/* After a name, a title rather than a character: "Ballerina Review",
 * "Ballerina (2023)", "Ballerina is a lean ... film". */
static const char *const sg_work_nouns[] = {
    "film", "movie", "thriller", "drama", "comedy", "story", "tale", "picture",
    "flick", "feature", "sequel", "series", "show", "entry", "spin-off",
    "adaptation", "remake", "release", "one of", "exercise", "production",
    "effort", NULL};

/* Before a name: a credit, not a character ("director Lee Chung-hyun",
 * "starring Jeon Jong-seo", "the action thriller, Ballerina"). */
static const char *const sg_creator_words[] = {
    "director", "directed", "filmmaker", "writer", "writer-director", "written",
    "screenwriter", "helmer", "starring", "stars", "star", "actor", "actress",
    "co-star", "co-stars", "producer", "film", "movie", "thriller", "drama",
    "comedy", "feature", "flick", "watch", "watched", "review", "reviewing", NULL};

/* Bytes of a UTF-8 punctuation or space character at t[i] (NBSP, curly
 * quotes, dashes, ellipsis, guillemets, ideographic space), else 0. */
static size_t sg_punct_len(const char *t, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i + 1 < n && u[i] == 0xC2 &&
        (u[i + 1] == 0xA0 || u[i + 1] == 0xAB || u[i + 1] == 0xBB || u[i + 1] == 0xB7))
        return 2;
    /* U+2000-U+206F: general punctuation (spaces, dashes, quotes, bullets) */
    if (i + 2 < n && u[i] == 0xE2 && (u[i + 1] == 0x80 || u[i + 1] == 0x81))
        return 3;
    if (i + 2 < n && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] <= 0x3F)
        return 3;
    return 0;
}

/* Is the character starting at t[i] part of a word (letters, digits, '-',
 * non-ASCII letters)? */
static int sg_word_at_pos(const char *t, size_t n, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80)
        return isalnum(c) || c == '-';
    if ((c & 0xC0) == 0x80) /* a continuation byte: inside a character */
        return 1;
    return sg_punct_len(t, n, i) == 0;
}

/* Does a word character end just before t[i]? */
static int sg_word_before(const char *t, size_t n, size_t i)
{
    if (i == 0)
        return 0;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    return sg_word_at_pos(t, n, k);
}

/* Bytes of an apostrophe at t[i]: ' or ’ (U+2019) or ‘ (U+2018, often typed
 * for one), else 0. */
static size_t sg_apos_len(const char *t, size_t n, size_t i)
{
    if (i < n && t[i] == '\'')
        return 1;
    if (i + 2 < n && !memcmp(t + i, "\xE2\x80", 2) &&
        ((unsigned char)t[i + 2] == 0x99 || (unsigned char)t[i + 2] == 0x98))
        return 3;
    return 0;
}

/* sg_not_names by hash, built once: every capitalised word is looked up. */
#define SG_NOT_MAXLEN 16 /* no entry is longer */
static sg_wordset sg_not_set;
static pthread_once_t sg_not_once = PTHREAD_ONCE_INIT;

static void sg_not_init(void)
{
    sg_wordset_build(&sg_not_set, sg_not_names, sizeof *sg_not_names,
                     sizeof sg_not_names / sizeof *sg_not_names - 1);
}

static int sg_not_name(const char *w, size_t n)
{
    if (!n || n > SG_NOT_MAXLEN)
        return 0;
    pthread_once(&sg_not_once, sg_not_init);
    return sg_wordset_find(&sg_not_set, w, n) >= 0;
}

/* A capitalised word at t[i] (ASCII capital first; hyphenated parts and
 * non-ASCII letters allowed); returns its length. */
static size_t sg_cap_word(const char *t, size_t n, size_t i)
{
    if (i >= n || !isupper((unsigned char)t[i]))
        return 0;
    size_t j = i + 1;
    while (j < n && sg_word_at_pos(t, n, j))
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

/* The name index: open addressing on the case-folded name, so that learning
 * the characters of an article with thousands of names stays linear. */
static size_t sg_name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)tolower((unsigned char)s[i])) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static void sg_cast_slot(uint32_t *slots, size_t nslots, const sg_cast *cast, size_t i)
{
    const char *name = cast->people[i].name;
    size_t h = sg_name_hash(name, strlen(name)) & (nslots - 1);
    while (slots[h])
        h = (h + 1) & (nslots - 1);
    slots[h] = (uint32_t)(i + 1);
}

/* Build the index when there is none; 0 when memory runs out. */
static int sg_cast_index(sg_cast *cast)
{
    if (cast->slots)
        return 1;
    size_t ns = 64;
    while (ns < 4 * (cast->n + 1))
        ns *= 2;
    if (cast->n >= UINT32_MAX || !(cast->slots = calloc(ns, sizeof *cast->slots)))
        return 0;
    cast->nslots = ns;
    for (size_t i = 0; i < cast->n; i++)
        sg_cast_slot(cast->slots, ns, cast, i);
    return 1;
}

/* For sg_cast_find: the people a mention starting with byte c can name are
 * those whose name starts with c in any case, or has a part after a space
 * starting with it.  257 offsets by tolower(c), then the people, in order.
 * NULL when the cast is small or holds an empty name (then all are tried). */
static const uint32_t *sg_cast_starts(const sg_cast *cast)
{
    if (cast->starts || cast->n < 16 || cast->n >= UINT32_MAX)
        return cast->starts;
    size_t total = 0;
    for (size_t k = 0; k < cast->n; k++) {
        const char *name = cast->people[k].name;
        if (!name[0])
            return NULL;
        total++;
        for (const char *p = name; (p = strchr(p, ' ')); p++)
            total++;
    }
    uint32_t *idx = calloc(257 + total, sizeof *idx);
    if (!idx)
        return NULL;
    for (int pass = 0; pass < 2; pass++) {
        /* pass 0 counts per byte, pass 1 places */
        uint32_t fill[256];
        if (pass) {
            for (int c = 0; c < 256; c++)
                idx[c + 1] += idx[c];
            for (int c = 0; c < 256; c++)
                fill[c] = idx[c];
        }
        for (size_t k = 0; k < cast->n; k++) {
            const char *name = cast->people[k].name;
            unsigned char seen[256 / 8] = {0};
            for (const char *p = name; p; p = strchr(p, ' ') ? strchr(p, ' ') + 1 : NULL) {
                int c = tolower((unsigned char)*p);
                if (seen[c / 8] & (1u << (c % 8)))
                    continue;
                seen[c / 8] |= (unsigned char)(1u << (c % 8));
                if (pass)
                    idx[257 + fill[c]++] = (uint32_t)k;
                else
                    idx[c + 1]++;
            }
        }
    }
    /* a cache on a cast that one thread at a time uses; sg_cast_add drops it */
    ((sg_cast *)cast)->starts = idx;
    return idx;
}

static sg_character *sg_cast_get(sg_cast *cast, const char *name, size_t n)
{
    /* equal names have equal hashes, and the probe meets the earliest added
     * first, as the scan in order below does */
    if (cast->n >= 16 && sg_cast_index(cast)) {
        size_t h = sg_name_hash(name, n) & (cast->nslots - 1);
        for (; cast->slots[h]; h = (h + 1) & (cast->nslots - 1)) {
            sg_character *c = &cast->people[cast->slots[h] - 1];
            if (sg_name_eq(c->name, strlen(c->name), name, n))
                return c;
        }
        return NULL;
    }
    for (size_t i = 0; i < cast->n; i++)
        if (sg_name_eq(cast->people[i].name, strlen(cast->people[i].name), name, n))
            return &cast->people[i];
    return NULL;
}

int sg_cast_add(sg_cast *cast, const char *name, size_t n, const char *actor,
                size_t an)
{
    sg_character *c = sg_cast_get(cast, name, n);
    if (c) {
        c->mentions++;
        if (actor && !c->actor)
            c->actor = sg_strndup(actor, an);
        return 1;
    }
    sg_character nc = {sg_strndup(name, n), actor ? sg_strndup(actor, an) : NULL, 1};
    if (!nc.name || (actor && !nc.actor) ||
        !SG_VEC_PUSH(cast->people, cast->n, cast->cap, nc)) {
        free(nc.name);
        free(nc.actor);
        return 0;
    }
    free(cast->starts);
    cast->starts = NULL;
    if (cast->slots && 2 * cast->n <= cast->nslots) {
        sg_cast_slot(cast->slots, cast->nslots, cast, cast->n - 1);
    } else if (cast->slots) { /* full: built again, larger, when next needed */
        free(cast->slots);
        cast->slots = NULL;
        cast->nslots = 0;
    }
    return 1;
}

/* Does t[i..) start with word `w` (case-insensitive, whole word)? */
static int sg_word_at(const char *t, size_t to, size_t i, const char *w, size_t n)
{
    if (i + n > to)
        return 0;
    /* the first byte settles most: no call to compare the rest */
    if (n && tolower((unsigned char)t[i]) != tolower((unsigned char)w[0]))
        return 0;
    if (strncasecmp(t + i, w, n))
        return 0;
    if (sg_word_before(t, to, i))
        return 0;
    if (i + n < to && sg_word_at_pos(t, to, i + n) && t[i + n] != '-')
        return 0;
    return 1;
}

/* Does t[i..) start with one of `list` as whole words? Returns its length. */
static size_t sg_list_at(const char *t, size_t n, size_t i, const char *const *list)
{
    int ci = i < n ? tolower((unsigned char)t[i]) : 0;
    for (size_t k = 0; list[k]; k++) {
        /* a first letter that differs (in any case) rules the word out */
        if (i < n && list[k][0] && tolower((unsigned char)list[k][0]) != ci)
            continue;
        size_t l = strlen(list[k]);
        if (sg_word_at(t, n, i, list[k], l))
            return l;
    }
    return 0;
}

/* Skip spaces (ASCII and NBSP) from i. */
static size_t sg_skip_space(const char *t, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (t[i] == ' ' || t[i] == '\t'))
            i++;
        else if (i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Does the text after a name (at e) say the name is the work's title? */
static int sg_title_after(const char *t, size_t n, size_t e)
{
    size_t j = sg_skip_space(t, n, e);
    if (j + 6 <= n && !strncasecmp(t + j, "review", 6))
        return 1;
    /* "Ballerina (2023)" */
    if (j + 6 <= n && t[j] == '(' && isdigit((unsigned char)t[j + 1]) &&
        isdigit((unsigned char)t[j + 2]) && isdigit((unsigned char)t[j + 3]) &&
        isdigit((unsigned char)t[j + 4]) && t[j + 5] == ')')
        return 1;
    /* "Ballerina's third act" */
    size_t al = sg_apos_len(t, n, e);
    if (al && e + al < n && (t[e + al] == 's' || t[e + al] == 'S')) {
        size_t k = sg_skip_space(t, n, e + al + 1);
        if (sg_list_at(t, n, k, sg_work_parts))
            return 1;
    }
    /* "Ballerina is a lean and unflinching exercise", "Ballerina is one of":
     * the noun of the phrase right after "is a", before any "of", "who" */
    if (j + 3 <= n && (!strncmp(t + j, "is ", 3) || !strncmp(t + j, "was ", 4))) {
        static const char *const stops[] = {"of", "who", "that", "which", "in",
                                            "with", "for", "to", "from", "at", "on",
                                            "by", "whose", "whom", "but", NULL};
        size_t k = j + (t[j + 1] == 's' ? 3 : 4);
        if (sg_word_at(t, n, k, "one of", 6))
            return 1;
        size_t dl = sg_word_at(t, n, k, "a", 1) ? 1 : sg_word_at(t, n, k, "an", 2) ? 2
                    : sg_word_at(t, n, k, "the", 3) ? 3 : 0;
        if (!dl)
            return 0;
        k += dl;
        for (int w = 0; w < 7 && k < n; w++) {
            k = sg_skip_space(t, n, k);
            if (sg_list_at(t, n, k, sg_work_nouns))
                return 1;
            if (sg_list_at(t, n, k, stops))
                return 0;
            size_t q = k;
            while (q < n && sg_word_at_pos(t, n, q))
                q++;
            if (q == k)
                return 0;
            k = q;
        }
    }
    return 0;
}

/* Is the word before t[i] (past spaces and one comma) one of `list`? */
static int sg_word_before_in(const char *t, size_t n, size_t i, const char *const *list)
{
    size_t k = i;
    while (k > 0 && t[k - 1] == ' ')
        k--;
    if (k > 0 && t[k - 1] == ',')
        k--;
    size_t w = k;
    while (w > 0 && (isalpha((unsigned char)t[w - 1]) || t[w - 1] == '-'))
        w--;
    if (w == k || sg_word_before(t, n, w))
        return 0;
    int cw = tolower((unsigned char)t[w]);
    for (size_t o = 0; list[o]; o++)
        if (tolower((unsigned char)list[o][0]) == cw && strlen(list[o]) == k - w &&
            !strncasecmp(t + w, list[o], k - w))
            return 1;
    return 0;
}

/* Is the name at t[i, e) in quotes, as titles are ("‘Ballerina’")? */
static int sg_quoted(const char *t, size_t n, size_t i, size_t e)
{
    int before = (i >= 1 && (t[i - 1] == '"' || t[i - 1] == '\'')) ||
                 (i >= 3 && !memcmp(t + i - 3, "\xE2\x80", 2) &&
                  ((unsigned char)t[i - 1] == 0x98 || (unsigned char)t[i - 1] == 0x9C));
    int after = (e < n && (t[e] == '"' || t[e] == '\'')) ||
                (e + 2 < n && !memcmp(t + e, "\xE2\x80", 2) &&
                 ((unsigned char)t[e + 2] == 0x99 || (unsigned char)t[e + 2] == 0x9D));
    /* "Ok-ju’s" is a possessive, not a closing quote */
    size_t al = sg_apos_len(t, n, e);
    if (al && e + al < n && (t[e + al] == 's' || t[e + al] == 'S'))
        after = 0;
    return before && after;
}

/* Clause openers after which a capitalised name is a subject. */
static const char *const sg_openers[] = {
    "and", "but", "when", "while", "as", "after", "before", "until", "where",
    "because", "so", "then", "once", "since", "though", "although", "if",
    "whereas", "meanwhile", "later", "soon", "eventually", "finally", "that", NULL};

/* Is the name at t[i] the subject of a clause: at the start, after
 * punctuation, or after a clause opener? */
static int sg_subject_at(const char *t, size_t n, size_t i)
{
    if (i == 0)
        return 1;
    size_t k = i;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == 0)
        return 1;
    char c = t[k - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == '"')
        return 1;
    if (k >= 3 && ((unsigned char)t[k - 3] == 0xE2 && (unsigned char)t[k - 2] == 0x80))
        return 1; /* a dash or an opening quote */
    size_t w = k;
    while (w > 0 && isalpha((unsigned char)t[w - 1]))
        w--;
    if (w < k && (w == 0 || !sg_word_before(t, n, w))) {
        int cw = tolower((unsigned char)t[w]);
        for (size_t o = 0; sg_openers[o]; o++)
            if (sg_openers[o][0] == cw && strlen(sg_openers[o]) == k - w &&
                !strncasecmp(t + w, sg_openers[o], k - w))
                return 1;
    }
    return 0;
}

/* Is the word after the name (at e) a lower-case word, as a verb would be? */
static int sg_verb_after(const char *t, size_t n, size_t e)
{
    size_t j = sg_skip_space(t, n, e);
    return j > e && j < n && islower((unsigned char)t[j]);
}

/* After a name: a verb that introduces the character an actor plays. */
static size_t sg_plays_at(const char *t, size_t n, size_t i)
{
    static const char *const verbs[] = {" stars as ", " co-stars as ", " plays ",
                                        " portrays ", " is cast as ", " appears as ",
                                        " returns as ", " as ", NULL};
    for (size_t k = 0; verbs[k]; k++) {
        size_t l = strlen(verbs[k]);
        if (i + l <= n && !memcmp(t + i, verbs[k], l))
            return l;
    }
    return 0;
}

/* Is `name` one word of a longer name in `c` (of an actor's name when
 * `actors`)?  "Jeon" of "Jeon Jong-seo", "Lee" of "Lee Chung-hyun". */
static int sg_part_of(const sg_cast *c, const char *name, size_t nl, int actors)
{
    for (size_t k = 0; k < c->n; k++) {
        const char *full = actors ? c->people[k].actor : c->people[k].name;
        if (!full)
            continue;
        size_t fl = strlen(full);
        if (actors && sg_name_eq(full, fl, name, nl))
            return 1;
        if (fl == nl) /* a part of it is the name only when it is longer */
            continue;
        for (size_t p = 0; p + nl <= fl; p++)
            if ((p == 0 || full[p - 1] == ' ') && (p + nl == fl || full[p + nl] == ' ') &&
                fl != nl && !strncasecmp(full + p, name, nl))
                return 1;
    }
    return 0;
}

void sg_cast_learn(sg_cast *cast, const sg_doc *doc, const sg_sentence *s,
                   size_t ns)
{
    /* names seen as a subject or in a possessive at least once are
     * candidates, kept when mentioned twice or tied to an actor, and never
     * when used as the title or a credit */
    sg_cast cand = {0};
    sg_cast seen = {0}; /* every mention of a name, wherever it stands */
    sg_cast work = {0};
    for (size_t si = 0; si < ns; si++) {
        const char *t = doc->view.data + s[si].view_start;
        size_t n = s[si].view_end - s[si].view_start;
        int heading = doc->blocks[s[si].block].kind == SG_BLOCK_HEADING;
        for (size_t i = 0; i < n; i++) {
            /* no name run starts but at a capital */
            if (!isupper((unsigned char)t[i]) || sg_word_before(t, n, i))
                continue;
            int words;
            size_t l = sg_name_run(t, n, i, &words);
            if (!l)
                continue;
            size_t e = i + l;
            if (sg_title_after(t, n, e) || sg_quoted(t, n, i, e) ||
                sg_word_before_in(t, n, i, sg_creator_words)) {
                sg_cast_add(&work, t + i, l, NULL, 0);
                i = e;
                continue;
            }
            /* "Lee Chung-hyun's Ballerina": a creator and a title */
            size_t ap = sg_apos_len(t, n, e);
            if (ap && e + ap + 1 < n && t[e + ap] == 's') {
                size_t k = sg_skip_space(t, n, e + ap + 1);
                int tw;
                size_t tl = k > e + ap + 1 ? sg_name_run(t, n, k, &tw) : 0;
                if (tl) {
                    sg_cast_add(&work, t + i, l, NULL, 0);
                    sg_cast_add(&work, t + k, tl, NULL, 0);
                    i = k + tl;
                    continue;
                }
            }
            /* "Name (Actor Name)", "Name (played by Actor Name)" */
            size_t p = sg_skip_space(t, n, e);
            if (p > e && p + 1 < n && t[p] == '(') {
                size_t a = sg_skip_space(t, n, p + 1);
                if (a + 10 <= n && !strncasecmp(t + a, "played by ", 10))
                    a += 10;
                int aw;
                size_t al = sg_name_run(t, n, a, &aw);
                size_t close = sg_skip_space(t, n, a + al);
                if (al && close < n && t[close] == ')' && aw >= 2) {
                    sg_cast_add(cast, t + i, l, t + a, al);
                    i = close;
                    continue;
                }
            }
            /* "Actor Name as Name", "Actor stars as Name", "Actor plays Name" */
            size_t vl = sg_plays_at(t, n, e);
            if (vl && (words >= 2 || memcmp(t + e, " as ", 4))) {
                int cw;
                size_t cl = sg_name_run(t, n, e + vl, &cw);
                if (cl && !sg_title_after(t, n, e + vl + cl)) {
                    sg_cast_add(cast, t + e + vl, cl, t + i, l);
                    i = e + vl + cl;
                    continue;
                }
            }
            /* a possessive, or the subject of a clause followed by a verb */
            int possessive = sg_apos_len(t, n, e) != 0;
            int subject = sg_subject_at(t, n, i) && sg_verb_after(t, n, e);
            if (!heading && (subject || possessive))
                sg_cast_add(&cand, t + i, l, NULL, 0);
            if (!heading)
                sg_cast_add(&seen, t + i, l, NULL, 0);
            i = e;
        }
    }
    for (size_t i = 0; i < cand.n; i++) {
        const char *name = cand.people[i].name;
        size_t nl = strlen(name);
        sg_character *known = sg_cast_get(cast, name, nl);
        sg_character *all = sg_cast_get(&seen, name, nl);
        if (known || (all && all->mentions >= 2 && !sg_cast_get(&work, name, nl) &&
                      !sg_part_of(&work, name, nl, 0) && !sg_part_of(cast, name, nl, 1) &&
                      !sg_part_of(cast, name, nl, 0)))
            sg_cast_add(cast, name, nl, NULL, 0);
    }
    sg_cast_free(&cand);
    sg_cast_free(&seen);
    sg_cast_free(&work);
}

const char *sg_cast_find(const sg_cast *cast, const char *text, size_t from,
                         size_t to, size_t *at, int *is_role)
{
    *is_role = 0;
    for (size_t i = from; i < to; i++) {
        if (i > from && sg_word_before(text, to, i))
            continue;
        unsigned char c0 = (unsigned char)text[i];
        int lc0 = tolower(c0); /* once, not per name */
        const uint32_t *idx = cast ? sg_cast_starts(cast) : NULL;
        size_t kn = !cast ? 0 : idx ? idx[lc0 + 1] - idx[lc0] : cast->n;
        for (size_t kk = 0; kk < kn; kk++) {
            size_t k = idx ? idx[257 + idx[lc0] + kk] : kk;
            const char *name = cast->people[k].name;
            /* a match starts with the name's first letter (any case) or,
             * for one part of it, with a byte the name holds */
            if (name[0] && tolower((unsigned char)name[0]) != lc0 && !strchr(name, c0))
                continue;
            size_t nl = strlen(name);
            if (sg_word_at(text, to, i, name, nl)) {
                *at = i;
                return name;
            }
            /* one part of a multi-word name, written as a name: "Ok-ju" of
             * "Jang Ok-ju", "Choi" of "Choi Pil-ho" */
            for (const char *p = name; strchr(p, ' ');) {
                const char *sp = strchr(p, ' ');
                size_t pl = (size_t)(sp - p);
                if (pl >= 3 && sg_word_at(text, to, i, p, pl) && !memcmp(text + i, p, pl) &&
                    !sg_not_name(p, pl)) {
                    *at = i;
                    return name;
                }
                p = sp + 1;
                pl = strcspn(p, " ");
                if (!strchr(p, ' ') && pl >= 3 && sg_word_at(text, to, i, p, pl) &&
                    !memcmp(text + i, p, pl)) {
                    *at = i;
                    return name;
                }
            }
        }
    }
    /* role words after a determiner or a possessive ("Choi's boss") */
    static const char *const dets[] = {"the ", "her ", "his ", "their ", "its ",
                                       "a ", "whose ", "our ", "your ", NULL};
    for (size_t i = from; i < to; i++) {
        if (i > from && sg_word_before(text, to, i))
            continue;
        size_t d = 0;
        int ci = tolower((unsigned char)text[i]);
        for (size_t k = 0; dets[k]; k++)
            if (dets[k][0] == ci && i + strlen(dets[k]) <= to &&
                !strncasecmp(text + i, dets[k], strlen(dets[k]))) {
                d = strlen(dets[k]);
                break;
            }
        if (!d) {
            /* a name's possessive: a capitalised word, an apostrophe, s */
            size_t w = sg_cap_word(text, to, i);
            size_t al = w ? sg_apos_len(text, to, i + w) : 0;
            if (al && i + w + al + 1 < to && text[i + w + al] == 's' &&
                text[i + w + al + 1] == ' ')
                d = w + al + 2;
        }
        if (!d)
            continue;
        size_t j = i + d;
        /* an adjective may sit between: "her best friend", "his crime lord boss" */
        for (int hop = 0; hop < 3 && j < to; hop++) {
            size_t rl = sg_list_at(text, to, j, sg_roles);
            if (rl) {
                for (size_t r = 0; sg_roles[r]; r++)
                    if (strlen(sg_roles[r]) == rl && !strncasecmp(text + j, sg_roles[r], rl)) {
                        *at = j;
                        *is_role = 1;
                        return sg_roles[r];
                    }
            }
            while (j < to && sg_word_at_pos(text, to, j))
                j++;
            if (j < to && text[j] == ' ')
                j++;
            else
                break;
        }
    }
    return NULL;
}

void sg_cast_free(sg_cast *cast)
{
    for (size_t i = 0; i < cast->n; i++) {
        free(cast->people[i].name);
        free(cast->people[i].actor);
    }
    free(cast->people);
    free(cast->slots);
    free(cast->starts);
    memset(cast, 0, sizeof *cast);
}

void sg_cast_prepare(const sg_cast *cast)
{
    (void)sg_cast_starts(cast);
}
