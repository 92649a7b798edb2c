/* sg_context_words.c -- the words that tell the story.
 *
 * A sentence that gives the story away names its events: deaths, escapes,
 * returns, discoveries, betrayals, and their finality ("finally",
 * "ultimately").  A heading says what its section holds: the plot or the
 * ending, or the verdict.  This file reads both for the context stage
 * (sg_context.c). */
#include "sg_internal.h"

#include <stdlib.h>
#include <string.h>

/* Words of a story's events: what happens to whom, and its finality. */
static const char *const sg_cw_events[] = {
    "abandon", "abandoned", "abandons", "afterwards", "arrested", "attack", "attacked",
    "attacks", "avenge", "avenged", "avenges", "banished", "became", "become", "becomes",
    "betray", "betrayed", "betrays", "blew", "blows", "born", "captured", "confront",
    "confronted", "confronts", "crowned", "crushed", "dead", "death", "deaths", "defeat",
    "defeated", "defeats", "destroy", "destroyed", "destroys", "die", "died", "dies",
    "discover", "discovered", "discovers", "divorce", "eaten", "end", "ended", "ends",
    "escape", "escaped", "escapes", "eventually", "exiled", "explode", "exploded", "explodes",
    "fail", "failed", "fails", "fake", "faked", "fate", "finally", "frame", "framed", "frames",
    "freed", "frees", "funeral", "hanged", "imprisoned", "jail", "join", "joined",
    "joins", "kidnapped", "kill", "killed", "killing", "kills", "learn", "learned", "learns",
    "learnt", "leave", "leaves", "loses", "manipulate", "manipulated", "manipulates",
    "married", "marries", "marry", "merged", "merges", "murder", "murdered", "murders",
    "overthrew", "overthrow", "overthrown", "overthrows", "plan", "planned", "plans",
    "plots", "plotted", "pregnant", "prison", "propose", "proposed", "proposes", "pushed",
    "real", "realise", "realised", "realises", "realize", "realized", "realizes", "replace",
    "replaced", "replaces", "replica", "rescue", "rescued", "rescues", "retire", "retired",
    "retires", "return", "returned", "returns", "reunite", "reunited", "reunites", "reveal",
    "revealed", "revealing", "reveals", "revenge", "sacrifice", "sacrificed", "sacrifices",
    "save", "saved", "saves", "secret", "secretly", "sentenced", "shot", "stabbed", "steal",
    "steals", "stole", "stolen", "succeed", "succeeded", "succeeds", "survive", "survived",
    "survives", "throne", "transform", "transformed", "transforms", "trapped", "trick",
    "tricked", "tricks", "truth", "turn", "turned", "turns", "ultimately", "victory",
    "wedding", "wins", "won",
};

static int sg_cw_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

#define sg_cw_in(w, list)                                                                  \
    (bsearch((w), (list), sizeof(list) / sizeof *(list), sizeof *(list), sg_cw_cmp) != NULL)

static int sg_cw_wordbyte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

/* One word, lower-cased (words longer than low are cut and match nothing). */
typedef struct sg_cw_word {
    char low[24];
    int ascii; /* all ASCII letters (and apostrophes) */
} sg_cw_word;

/* Is t[i] the start of a punctuation mark of U+2000..U+203F (quotes,
 * dashes, the ellipsis)? */
static int sg_cw_punct(const char *t, size_t n, size_t i)
{
    return i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80;
}

static size_t sg_cw_next(const char *t, size_t n, size_t i, sg_cw_word *w)
{
    while (i < n && (!sg_cw_wordbyte((unsigned char)t[i]) || sg_cw_punct(t, n, i)))
        i += sg_cw_punct(t, n, i) ? 3 : 1;
    size_t k = 0;
    w->ascii = 1;
    int cut = 0; /* "he's", "Nell’s": the word is what stands before the apostrophe */
    while (i < n && sg_cw_wordbyte((unsigned char)t[i])) {
        if (sg_cw_punct(t, n, i)) {
            if ((unsigned char)t[i + 2] != 0x99) /* only ’ stays inside a word */
                break;
            cut = 1;
            i += 3;
            continue;
        }
        unsigned char c = (unsigned char)t[i++];
        if (c == '\'')
            cut = 1;
        if (cut)
            continue;
        if (c >= 0x80 || (c >= '0' && c <= '9'))
            w->ascii = 0;
        if (k + 1 < sizeof w->low)
            w->low[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    w->low[k] = 0;
    return i;
}

void sg_context_read_sentence(const char *t, size_t n, sg_plot_words *pw)
{
    memset(pw, 0, sizeof *pw);
    sg_cw_word w;
    size_t i = 0;
    while (i < n) {
        i = sg_cw_next(t, n, i, &w);
        if (w.low[0] && w.ascii && sg_cw_in(w.low, sg_cw_events) && pw->events < 255)
            pw->events++;
    }
}

/* Words of a heading over the story, and over the verdict. */
static const char *const sg_cw_plot_heads[] = {
    "ending", "endings", "plot", "premise", "recap", "spoiler", "spoilers", "story",
    "summary", "synopsis",
};
static const char *const sg_cw_verdict_heads[] = {
    "conclusion", "cons", "opinion", "overall", "pros", "rating", "recommendation",
    "score", "thoughts", "verdict",
};

int sg_context_heading_class(const char *t, size_t n)
{
    sg_cw_word w;
    size_t i = 0;
    int cls = 0;
    while (i < n) {
        i = sg_cw_next(t, n, i, &w);
        if (sg_cw_in(w.low, sg_cw_plot_heads))
            return 1;
        if (sg_cw_in(w.low, sg_cw_verdict_heads))
            cls = -1;
    }
    return cls;
}
