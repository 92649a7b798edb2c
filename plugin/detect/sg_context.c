/* sg_context.c -- where a sentence stands in the post.
 *
 * The rules and the learned scorer judge a sentence by its own words.  In a
 * whole post that is not enough: a plot summary tells the ending in plain
 * words ("Nell leaves the island"), a section the author headed "Spoilers" is
 * spoilers whatever its wording, and a paragraph of opinion is opinion even
 * where it names a death.  This stage reads each sentence together with its
 * place: the evidence of the stages before it (the scorer's probability, the
 * rules' hits and counters), the sections the author declared, the
 * paragraph around it (its neighbours' scores, how much of it is the
 * reviewer's own voice), the characters it names, its place in the post.
 * A small logistic model over those features (plugin/detect/sg_context_model.c,
 * fitted on labelled review posts by tools/sg_train_context.py) gives the
 * sentence's final confidence and raises the flags the words alone missed.
 *
 * A lone sentence or a few has no context to read: below SG_CONTEXT_MIN
 * sentences the flags stay as the rules and the scorer left them. */
#include "sg_internal.h"
#include "sg_score.h"

#include <math.h>
#include <string.h>

/* ---- words of an announcement --------------------------------------------- */

/* A sentence's own words (voice, judging, cue families) come from the
 * scorer's pass (sg_sentence_words).  What is read here is only what tells
 * an announcement of spoilers ("Spoilers ahead") from a promise of none
 * ("spoiler-free", "no spoilers") or their end ("end of spoilers"), in the
 * short blocks that hold "spoil". */

/* Bytes that make words: ASCII letters and digits, the apostrophe, and
 * every byte of a multi-byte character. */
static const unsigned char sg_ctx_wb[256] = {
    ['\''] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    [0x80 ... 0xFF] = 1,
};
#define sg_ctx_wordbyte(c) (sg_ctx_wb[(unsigned char)(c)])

/* Is w[0..n) the lower-case word `lw`, in any case? */
static int sg_ctx_is(const char *w, size_t n, const char *lw)
{
    size_t i = 0;
    for (; i < n && lw[i]; i++)
        if ((w[i] | 0x20) != lw[i])
            return 0;
    return i == n && !lw[i];
}

typedef struct sg_ctx_words {
    int words;
    int spoiler;    /* "spoiler", "spoilers", "spoiled" ... */
    int free;       /* "spoiler-free", "no spoilers", "spoiler free" */
    int ending_end; /* "spoilers end", "end of spoilers" */
} sg_ctx_words;

static void sg_ctx_read_words(const char *t, size_t n, sg_ctx_words *w)
{
    memset(w, 0, sizeof *w);
    int prev_no = 0, prev_spoiler = 0, prev_end = 0, end_of = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && !sg_ctx_wordbyte(t[i]))
            i++;
        if (i >= n)
            break;
        const char *p = t + i;
        while (i < n && sg_ctx_wordbyte(t[i]) && t[i] != '\'' && (unsigned char)t[i] != 0xE2)
            i++;
        size_t len = (size_t)(t + i - p); /* up to an apostrophe: "spoiler's" */
        while (i < n && sg_ctx_wordbyte(t[i]))
            i++;
        w->words++;
        int is_spoiler = len >= 5 && (p[0] | 0x20) == 's' && (p[1] | 0x20) == 'p' &&
                         (p[2] | 0x20) == 'o' && (p[3] | 0x20) == 'i' && (p[4] | 0x20) == 'l';
        int is_end = sg_ctx_is(p, len, "end") || sg_ctx_is(p, len, "ends") ||
                     sg_ctx_is(p, len, "over");
        if (is_spoiler) {
            w->spoiler++;
            /* "no spoilers", "spoiler-free", "end of spoilers" */
            if (prev_no || (i + 5 <= n && t[i] == '-' && (t[i + 1] | 0x20) == 'f' &&
                            sg_ctx_is(t + i + 1, 4, "free") &&
                            (i + 5 == n || !sg_ctx_wordbyte(t[i + 5]))))
                w->free = 1;
            if (end_of)
                w->ending_end = 1;
        }
        /* "spoilers end", "spoilers over", "spoiler free" */
        if (prev_spoiler && is_end)
            w->ending_end = 1;
        if (prev_spoiler && sg_ctx_is(p, len, "free"))
            w->free = 1;
        end_of = prev_end && sg_ctx_is(p, len, "of");
        prev_end = sg_ctx_is(p, len, "end");
        prev_no = sg_ctx_is(p, len, "no") || sg_ctx_is(p, len, "without") ||
                  sg_ctx_is(p, len, "non");
        prev_spoiler = is_spoiler;
    }
}

/* ---- sections the author declared --------------------------------------- */

/* Does t[0..n) hold "spoil" in any case: "spoil", or 'S' and "poil" in any
 * case?  Looked for from its 'p', rarer than its 's'. */
static int sg_ctx_says_spoil(const char *t, size_t n)
{
    if (n < 5)
        return 0;
    const char *end = t + n - 3; /* a 'p' of "spoil" stands before it */
    for (const char *p = t + 1; p < end && (p = memchr(p, 'p', (size_t)(end - p))); p++)
        if ((p[-1] == 's' && !memcmp(p + 1, "oil", 3)) ||
            (p[-1] == 'S' && (p[1] | 0x20) == 'o' && (p[2] | 0x20) == 'i' &&
             (p[3] | 0x20) == 'l'))
            return 1;
    for (const char *p = t + 1; p < end && (p = memchr(p, 'P', (size_t)(end - p))); p++)
        if (p[-1] == 'S' && (p[1] | 0x20) == 'o' && (p[2] | 0x20) == 'i' &&
            (p[3] | 0x20) == 'l')
            return 1;
    return 0;
}

/* An announcement of spoilers is a short line; a promise of none ("without
 * spoiling anything", "this review is spoiler-free") may stand in a
 * paragraph.  Longer blocks are not read for either. */
#define SG_CTX_ANNOUNCE_MAX 240
#define SG_CTX_FREE_MAX 1200

/* Is block b a short announcement of spoilers ("Spoilers ahead", "The
 * ending (spoilers)", "SPOILER WARNING")?  Returns 1 for spoilers, -1 for a
 * declared spoiler-free part or the end of the spoilers, 0 otherwise. */
static int sg_ctx_announces(const sg_doc *doc, const sg_block *b)
{
    if (b->why != SG_WHY_ARTICLE || !b->view_len || b->view_len > SG_CTX_FREE_MAX)
        return 0;
    if (!sg_ctx_says_spoil(doc->view.data + b->view_start, b->view_len))
        return 0;
    sg_ctx_words w;
    sg_ctx_read_words(doc->view.data + b->view_start, b->view_len, &w);
    if (!w.spoiler)
        return 0;
    if (w.free || w.ending_end)
        return -1;
    if (b->view_len > SG_CTX_ANNOUNCE_MAX)
        return 0;
    if (b->kind == SG_BLOCK_HEADING)
        return w.words <= 16;
    return w.words <= 12;
}

/* ---- features ------------------------------------------------------------ */

static double sg_ctx_logit(double p)
{
    if (p < 0.01)
        p = 0.01;
    if (p > 0.99)
        p = 0.99;
    return log(p / (1 - p));
}

int sg_context_prepare(const sg_analysis *a, const sg_evidence *ev, sg_context *cx)
{
    const sg_doc *doc = &a->doc;
    size_t nb = doc->nblocks, ns = a->nsentences;
    memset(cx, 0, sizeof *cx);
    cx->section = calloc(nb ? nb : 1, 1);
    cx->block_model = calloc(nb ? nb : 1, sizeof *cx->block_model);
    cx->block_first = calloc(nb ? nb : 1, sizeof *cx->block_first);
    cx->block_sents = calloc(nb ? nb : 1, sizeof *cx->block_sents);
    cx->block_names = calloc(nb ? nb : 1, sizeof *cx->block_names);
    cx->block_voice = calloc(nb ? nb : 1, sizeof *cx->block_voice);
    cx->block_rules = calloc(nb ? nb : 1, sizeof *cx->block_rules);
    cx->block_named = calloc(nb ? nb : 1, 1);
    cx->names = calloc(ns ? ns : 1, 1);
    cx->plot = calloc(ns ? ns : 1, sizeof *cx->plot);
    cx->head = calloc(nb ? nb : 1, 1);
    if (!cx->section || !cx->block_model || !cx->block_first || !cx->block_sents ||
        !cx->block_names || !cx->block_voice || !cx->block_rules || !cx->block_named ||
        !cx->names || !cx->plot || !cx->head) {
        sg_context_free(cx);
        return 0;
    }
    /* declared spoiler sections: from an announcing heading to the next
     * heading of its level or above; from an announcing paragraph to the
     * next heading */
    int in = 0, level = 0;
    signed char head = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        const sg_block *b = &doc->blocks[bi];
        int says = sg_ctx_announces(doc, b);
        if (b->kind == SG_BLOCK_HEADING && b->why == SG_WHY_ARTICLE)
            head = (signed char)sg_context_heading_class(doc->view.data + b->view_start,
                                                         b->view_len);
        cx->head[bi] = head;
        if (b->kind == SG_BLOCK_HEADING) {
            if (says > 0) {
                in = 1;
                level = b->level;
                cx->declared = 1;
                continue;
            }
            if (in && (level == 0 || b->level <= level || says < 0))
                in = 0;
        } else if (says > 0) {
            in = 1;
            level = 0;
            cx->declared = 1;
            continue;
        } else if (says < 0) {
            if (!in)
                cx->spoiler_free = 1;
            in = 0;
            continue;
        }
        cx->section[bi] = (unsigned char)in;
    }
    /* per block: its sentences, their summed score, how many are in the
     * first person and how many a rule matched; who they name is looked
     * up when a row needs it (sg_ctx_name_block) */
    for (size_t si = 0; si < ns; si++) {
        size_t bi = a->sentences[si].block;
        if (!cx->block_sents[bi])
            cx->block_first[bi] = si;
        cx->block_sents[bi]++;
        cx->block_model[bi] += ev[si].model;
        cx->block_voice[bi] += ev[si].first_person;
        cx->block_rules[bi] += ev[si].rule > 0;
    }
    /* a sentence's words of the story are read when a row needs them
     * (sg_ctx_row_late) */
    return 1;
}

/* Look up who each sentence of block bi names, once. */
static void sg_ctx_name_block(const sg_analysis *a, sg_context *cx, size_t bi)
{
    if (cx->block_named[bi])
        return;
    cx->block_named[bi] = 1;
    size_t first = cx->block_first[bi], n = cx->block_sents[bi];
    for (size_t si = first; si < first + n && si < a->nsentences; si++) {
        const sg_sentence *s = &a->sentences[si];
        size_t at = 0;
        int role = 0;
        if (sg_cast_find(&a->cast, a->doc.view.data, s->view_start, s->view_end, &at, &role)) {
            cx->names[si] = role ? 1 : 2;
            if (!role)
                cx->block_names[bi]++;
        }
    }
}

void sg_context_free(sg_context *cx)
{
    free(cx->section);
    free(cx->block_model);
    free(cx->block_first);
    free(cx->block_sents);
    free(cx->block_names);
    free(cx->block_voice);
    free(cx->block_rules);
    free(cx->block_named);
    free(cx->names);
    free(cx->plot);
    free(cx->head);
    memset(cx, 0, sizeof *cx);
}

const char *const sg_context_feature_names[SG_CTX_NFEAT] = {
    "bias",          "model",         "rule",          "rule_major",   "counter",
    "kind_death",    "kind_ending",   "kind_twist",    "kind_other",   "character",
    "role",          "section",       "declared",      "spoiler_free", "position",
    "last_quarter",  "first_tenth",   "heading",       "list_item",    "quote",
    "first_person",  "second_person", "question",      "exclaim",      "words",
    "para_model",    "near_model",    "para_voice",    "para_names",   "cue_death",
    "cue_end",       "cue_reveal",    "cue_change",    "cue_hypo",     "review_words",
    "says_spoiler",  "para_rules",    "short_post",    "judging",      "events",
    "name_event",    "head_plot",     "head_verdict",
};

/* Every feature of sentence si but those of who it and its paragraph name. */
static void sg_ctx_row_base(const sg_analysis *a, const sg_evidence *ev, const sg_context *cx,
                            size_t si, double *x)
{
    const sg_doc *doc = &a->doc;
    const sg_sentence *s = &a->sentences[si];
    const sg_block *b = &doc->blocks[s->block];
    size_t ns = a->nsentences, bi = s->block;
    const sg_evidence *e = &ev[si];
    memset(x, 0, SG_CTX_NFEAT * sizeof *x);
    x[SG_CTX_BIAS] = 1;
    x[SG_CTX_MODEL] = sg_ctx_logit(e->model) / 4;
    x[SG_CTX_RULE] = e->rule;
    x[SG_CTX_RULE_MAJOR] = e->major;
    x[SG_CTX_COUNTER] = e->counter;
    x[SG_CTX_KIND_DEATH] = (e->kinds & SG_EV_DEATH) != 0;
    x[SG_CTX_KIND_ENDING] = (e->kinds & SG_EV_ENDING) != 0;
    x[SG_CTX_KIND_TWIST] = (e->kinds & SG_EV_TWIST) != 0;
    x[SG_CTX_KIND_OTHER] = (e->kinds & SG_EV_OTHER) != 0;
    x[SG_CTX_SECTION] = cx->section[bi];
    x[SG_CTX_DECLARED] = cx->declared;
    x[SG_CTX_SPOILER_FREE] = cx->spoiler_free;
    double pos = ns > 1 ? (double)si / (double)(ns - 1) : 0.5;
    x[SG_CTX_POSITION] = pos;
    x[SG_CTX_LAST_QUARTER] = pos >= 0.75;
    x[SG_CTX_FIRST_TENTH] = pos < 0.1;
    x[SG_CTX_HEADING] = b->kind == SG_BLOCK_HEADING;
    x[SG_CTX_LIST_ITEM] = b->kind == SG_BLOCK_LIST_ITEM || b->kind == SG_BLOCK_TABLE_CELL;
    x[SG_CTX_QUOTE] = b->kind == SG_BLOCK_QUOTE;
    x[SG_CTX_FIRST_PERSON] = e->first_person;
    x[SG_CTX_SECOND_PERSON] = e->second_person;
    const char *t = doc->view.data + s->view_start;
    size_t tn = s->view_end - s->view_start;
    x[SG_CTX_QUESTION] = memchr(t, '?', tn) != NULL;
    x[SG_CTX_EXCLAIM] = memchr(t, '!', tn) != NULL;
    x[SG_CTX_WORDS] = log1p((double)e->words) / 4;
    size_t nb = cx->block_sents[bi];
    x[SG_CTX_PARA_MODEL] = nb > 1 ? (cx->block_model[bi] - e->model) / (double)(nb - 1) : 0;
    double near = 0;
    if (si > 0 && a->sentences[si - 1].block == bi)
        near = ev[si - 1].model;
    if (si + 1 < ns && a->sentences[si + 1].block == bi && ev[si + 1].model > near)
        near = ev[si + 1].model;
    x[SG_CTX_NEAR_MODEL] = near;
    /* the paragraph's voice: the share of its other sentences in the first
     * person; whether a rule matched one of them */
    size_t voice = cx->block_voice[bi] - e->first_person;
    size_t rules = cx->block_rules[bi] - (e->rule > 0);
    x[SG_CTX_PARA_VOICE] = nb > 1 ? (double)voice / (double)(nb - 1) : 0;
    x[SG_CTX_CUE_DEATH] = (e->cues & SG_CUE_DEATH) != 0;
    x[SG_CTX_CUE_END] = (e->cues & SG_CUE_END) != 0;
    x[SG_CTX_CUE_REVEAL] = (e->cues & SG_CUE_REVEAL) != 0;
    x[SG_CTX_CUE_CHANGE] = (e->cues & SG_CUE_CHANGE) != 0;
    x[SG_CTX_CUE_HYPO] = (e->cues & SG_CUE_HYPOTHETICAL) != 0;
    x[SG_CTX_REVIEW_WORDS] = e->review > 3 ? 1 : e->review / 3.0;
    x[SG_CTX_PARA_RULES] = rules > 0;
    x[SG_CTX_SHORT_POST] = ns < 30;
    x[SG_CTX_JUDGING] = e->judging > 2 ? 1 : e->judging / 2.0;
    /* the section it stands in */
    x[SG_CTX_HEAD_PLOT] = cx->head[bi] > 0;
    x[SG_CTX_HEAD_VERDICT] = cx->head[bi] < 0;
}

/* Sentence si's words of the story, read once (sg_context_read_sentence). */
static unsigned sg_ctx_events(const sg_analysis *a, sg_context *cx, size_t si)
{
    sg_plot_words *pw = &cx->plot[si];
    if (!pw->read) {
        const sg_sentence *s = &a->sentences[si];
        sg_context_read_sentence(a->doc.view.data + s->view_start,
                                 s->view_end - s->view_start, pw);
        pw->read = 1;
    }
    return pw->events;
}

/* The features of sentence si that read its words again: whether it says
 * "spoil", and the story's events it names.  Each is 0 to 1. */
static void sg_ctx_row_late(const sg_analysis *a, sg_context *cx, size_t si, double *x)
{
    const sg_sentence *s = &a->sentences[si];
    x[SG_CTX_SAYS_SPOILER] = sg_ctx_says_spoil(a->doc.view.data + s->view_start,
                                               s->view_end - s->view_start);
    unsigned events = sg_ctx_events(a, cx, si);
    x[SG_CTX_EVENTS] = events > 2 ? 1 : events / 2.0;
}

/* The features of who sentence si and its paragraph name. */
static void sg_ctx_row_names(const sg_analysis *a, sg_context *cx, size_t si, double *x)
{
    size_t bi = a->sentences[si].block, nb = cx->block_sents[bi];
    sg_ctx_name_block(a, cx, bi);
    x[SG_CTX_CHARACTER] = cx->names[si] == 2;
    x[SG_CTX_ROLE] = cx->names[si] == 1;
    x[SG_CTX_PARA_NAMES] = nb ? (double)cx->block_names[bi] / (double)nb : 0;
    x[SG_CTX_NAME_EVENT] = cx->names[si] && sg_ctx_events(a, cx, si);
}

void sg_context_row(const sg_analysis *a, const sg_evidence *ev, sg_context *cx, size_t si,
                    double *x)
{
    sg_ctx_row_base(a, ev, cx, si, x);
    sg_ctx_row_late(a, cx, si, x);
    sg_ctx_row_names(a, cx, si, x);
}

void sg_evidence_note(sg_evidence *e, const sg_hit *hits, size_t nhits, double model,
                      const sg_sentence_words *w)
{
    memset(e, 0, sizeof *e);
    e->model = (float)model;
    for (size_t i = 0; i < nhits; i++) {
        const sg_hit *h = &hits[i];
        if (!strcmp(h->kind, SG_COUNTER_KIND)) {
            if (h->confidence > e->counter)
                e->counter = (float)h->confidence;
            continue;
        }
        if (h->confidence > e->rule)
            e->rule = (float)h->confidence;
        if (h->severity == SG_MAJOR)
            e->major = 1;
        if (!strcmp(h->kind, "death"))
            e->kinds |= SG_EV_DEATH;
        else if (!strcmp(h->kind, "ending"))
            e->kinds |= SG_EV_ENDING;
        else if (!strcmp(h->kind, "twist") || !strcmp(h->kind, "identity"))
            e->kinds |= SG_EV_TWIST;
        else
            e->kinds |= SG_EV_OTHER;
    }
    e->cues = (uint16_t)w->cues;
    e->words = (uint16_t)(w->words > 65535 ? 65535 : w->words);
    e->review = (uint16_t)(w->review > 65535 ? 65535 : w->review);
    e->judging = (uint16_t)(w->judging > 65535 ? 65535 : w->judging);
    e->first_person = w->first > 0;
    e->second_person = w->second > 0;
}

/* The model's logit for a feature row. */
static double sg_ctx_z(const double *x)
{
    double z = 0;
    for (int i = 0; i < SG_CTX_NFEAT; i++)
        z += sg_context_weights[i] * x[i];
    return z;
}

double sg_context_score(const double *x) { return 1 / (1 + exp(-sg_ctx_z(x))); }

/* The feature that raised a sentence most, for --explain. */
static int sg_ctx_top(const double *x)
{
    int best = -1;
    double top = 0;
    for (int i = 1; i < SG_CTX_NFEAT; i++) {
        double c = sg_context_weights[i] * x[i];
        if (c > top) {
            top = c;
            best = i;
        }
    }
    return best;
}

/* The kind a sentence with no rule hit tells, from its cue words. */
static const char *sg_ctx_kind(const double *x)
{
    if (x[SG_CTX_CUE_DEATH] > 0)
        return "death";
    if (x[SG_CTX_CUE_REVEAL] > 0)
        return "twist";
    if (x[SG_CTX_CUE_END] > 0 || x[SG_CTX_CUE_CHANGE] > 0)
        return "ending";
    return "plot";
}

/* p on a scale where `bar` is 0.5: what --min-confidence compares. */
static double sg_ctx_confidence(double p, double bar)
{
    return p >= bar ? 0.5 + 0.5 * (p - bar) / (1 - bar) : 0.5 * p / bar;
}

sg_status sg_context_apply(sg_analysis *a, const sg_evidence *ev, sg_error *err)
{
    size_t ns = a->nsentences;
    if (ns < SG_CONTEXT_MIN || !a->engine->use_model)
        return SG_OK;
    sg_context cx;
    if (!sg_context_prepare(a, ev, &cx)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading the post's sections");
        return SG_ERR_MEMORY;
    }
    double x[SG_CTX_NFEAT];
    sg_status st = SG_OK;
    /* the most the name features can add to a logit (they are 0 or 1, and
     * CHARACTER and ROLE never both), and the logit of the lower bar */
    double names_most = fmax(0, fmax(sg_context_weights[SG_CTX_CHARACTER],
                                     sg_context_weights[SG_CTX_ROLE])) +
                        fmax(0, sg_context_weights[SG_CTX_PARA_NAMES]) +
                        fmax(0, sg_context_weights[SG_CTX_NAME_EVENT]);
    /* a sentence the words left unflagged is flagged at sg_context_threshold
     * only (the lower bar is for a rule's flag); a hair below its logit, so
     * that no rounding of the full row's sum could cross it */
    double lowest = log(sg_context_threshold / (1 - sg_context_threshold)) - 1e-9;
    /* the most the features that read the words again can add; a row
     * without them that stays below the bar by more than any rounding of
     * the sum could make up needs neither them nor the names */
    double late_most = fmax(0, sg_context_weights[SG_CTX_SAYS_SPOILER]) +
                       fmax(0, sg_context_weights[SG_CTX_EVENTS]);
    for (size_t si = 0; si < ns && st == SG_OK; si++) {
        const sg_sentence *s = &a->sentences[si];
        /* the flags the words raised on this sentence */
        size_t first = ev[si].flag_first, last = first + ev[si].flag_count;
        /* who a sentence names costs a lookup: made only where it could
         * bring an unflagged sentence to the bar, or where a flag needs its
         * score */
        sg_ctx_row_base(a, ev, &cx, si, x);
        if (first == last && sg_ctx_z(x) + late_most + names_most < lowest - 1e-9)
            continue;
        sg_ctx_row_late(a, &cx, si, x);
        if (first == last && sg_ctx_z(x) + names_most < lowest)
            continue;
        sg_ctx_row_names(a, &cx, si, x);
        double p = sg_context_score(x);
        /* a sentence a rule matched (and did not itself doubt) needs less
         * from its context than one only the scorer and its place speak
         * for; either way the flag's confidence is 0.5 at its bar, so
         * --min-confidence keeps its sense */
        for (size_t f = first; f < last; f++) {
            sg_flag *fl = &a->all[f];
            double bar = strcmp(fl->rule, "model.plot") && ev[si].rule >= SG_CONTEXT_RULE_SURE
                             ? sg_context_rule_threshold
                             : sg_context_threshold;
            fl->confidence = sg_ctx_confidence(p, bar);
            /* what the context is sure of is major: a plot sentence where
             * the post tells its story */
            if (p >= sg_context_threshold)
                fl->severity = SG_MAJOR;
        }
        if (first == last && p >= sg_context_threshold) {
            int top = sg_ctx_top(x);
            char rule[64];
            snprintf(rule, sizeof rule, "context.%s",
                     top >= 0 ? sg_context_feature_names[top] : "post");
            const char *id = sg_analysis_intern(a, rule, strlen(rule));
            if (!id || !sg_analysis_flag_sentence(a, s, sg_ctx_kind(x), id, SG_MAJOR,
                                                  sg_ctx_confidence(p, sg_context_threshold),
                                                  ev[si].model)) {
                sg_set_error(err, SG_ERR_MEMORY, "out of memory recording flags");
                st = SG_ERR_MEMORY;
                break;
            }
            /* --explain names who the sentence is about */
            size_t at = 0;
            int role = 0;
            const char *who = sg_cast_find(&a->cast, a->doc.view.data, s->view_start,
                                           s->view_end, &at, &role);
            if (who)
                a->all[a->nall - 1].character = sg_analysis_intern(a, who, strlen(who));
        }
    }
    sg_context_free(&cx);
    return st;
}
