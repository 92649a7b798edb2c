/* sg_context.c -- where a sentence stands in the post.
 *
 * The rules and the learned scorer judge a sentence by its own words.  In a
 * whole post that is not enough: a plot summary tells the ending in plain
 * words ("Kim leaves Jimmy"), a section the author headed "Spoilers" is
 * spoilers whatever its wording, and a paragraph of opinion is opinion even
 * where it names a death.  This stage reads each sentence together with its
 * place: the evidence of the stages before it (the scorer's probability, the
 * rules' hits and counters), the sections the author declared, the
 * paragraph around it (its neighbours' scores, how much of it is the
 * reviewer's own voice), the characters it names, its place in the post.
 * A small logistic model over those features (plugin/sg_context_model.c,
 * fitted on labelled review posts by tools/sg_train_context.py) gives the
 * sentence's final confidence and raises the flags the words alone missed.
 *
 * A lone sentence or a few has no context to read: below SG_CONTEXT_MIN
 * sentences the flags stay as the rules and the scorer left them. */
#include "sg_internal.h"
#include "sg_score.h"

#include <math.h>
#include <string.h>

/* ---- words --------------------------------------------------------------- */

static int sg_ctx_wordbyte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

/* Does w[0..n) (any case) start with the lower-case word `lw`, and when
 * `whole`, end there too? */
static int sg_ctx_match(const char *w, size_t n, const char *lw, int whole)
{
    size_t i = 0;
    for (; i < n && lw[i]; i++) {
        unsigned char c = (unsigned char)w[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)lw[i])
            return 0;
    }
    return !lw[i] && (!whole || i == n);
}

#define sg_ctx_is(w, n, lw) sg_ctx_match(w, n, lw, 1)
#define sg_ctx_prefix(w, n, lw) sg_ctx_match(w, n, lw, 0)

/* Words that judge rather than tell: a sentence full of them is the
 * reviewer's opinion ("the ending was amazing"), not the story.  Sorted. */
static const char *const sg_ctx_judging[] = {
    "amazing", "annoying", "awesome", "awful", "bad", "beautiful", "beautifully",
    "best", "bland", "boring", "brilliant", "brilliantly", "charming", "cheap",
    "clever", "compelling", "convincing", "cool", "decent", "delightful",
    "disappointed", "disappointing", "dull", "effective", "effectively",
    "emotional", "engaging", "enjoy", "enjoyable", "enjoyed", "entertaining",
    "excellent", "excited", "executed", "expertly", "fantastic", "favorite",
    "favourite", "fine", "flawed", "forgettable", "fun", "funny", "gorgeous",
    "great", "gripping", "handled", "hated", "highlight", "hilarious", "impressed",
    "impressive", "incredible", "interesting", "liked", "lovely", "loved",
    "masterful", "masterpiece", "mediocre", "memorable", "mess", "messy",
    "nice", "overrated", "pacing", "perfect", "perfectly", "pointless",
    "poorly", "powerful", "predictable", "recommend", "rushed", "satisfying",
    "silly", "solid", "standout", "strong", "stunning", "superb", "terrible",
    "thrilling", "underwhelming", "unsatisfying", "weak", "well", "wonderful",
    "wonderfully", "worst", "worth", "writing",
};

static int sg_ctx_cmp(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

static int sg_ctx_judges(const char *w, size_t n)
{
    char lc[16];
    if (n < 2 || n >= sizeof lc)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        lc[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    lc[n] = '\0';
    return bsearch(lc, sg_ctx_judging, sizeof sg_ctx_judging / sizeof *sg_ctx_judging,
                   sizeof *sg_ctx_judging, sg_ctx_cmp) != NULL;
}

/* What the words of one sentence say about its voice. */
typedef struct sg_ctx_words {
    int words;
    int first;      /* I, me, my, I'm, I've, we ... : the reviewer */
    int second;     /* you, your */
    int spoiler;    /* "spoiler", "spoilers", "spoiled" */
    int free;       /* "spoiler-free", "no spoilers", "without spoilers" */
    int ending_end; /* "spoilers end", "end of spoilers" */
    unsigned cues;  /* SG_CUE_* families present */
    int review;     /* words of the review's own vocabulary */
    int judging;    /* words that judge (sg_ctx_judging) */
} sg_ctx_words;

static void sg_ctx_read_words(const char *t, size_t n, sg_ctx_words *w)
{
    memset(w, 0, sizeof *w);
    size_t i = 0;
    int prev_no = 0, prev_spoiler = 0, prev_end = 0, end_of = 0;
    while (i < n) {
        while (i < n && !sg_ctx_wordbyte((unsigned char)t[i]))
            i++;
        size_t s = i;
        while (i < n && sg_ctx_wordbyte((unsigned char)t[i]))
            i++;
        if (i == s)
            break;
        const char *p = t + s;
        size_t len = i - s;
        /* "’" (E2 80 99) ends the word for these tests: "I’m" reads as "I" */
        for (size_t k = 0; k + 2 < len; k++)
            if ((unsigned char)p[k] == 0xE2 && (unsigned char)p[k + 1] == 0x80 &&
                (unsigned char)p[k + 2] == 0x99) {
                len = k;
                break;
            }
        size_t core = len;
        for (size_t k = 0; k < len; k++)
            if (p[k] == '\'') {
                core = k;
                break;
            }
        w->words++;
        if ((core == 1 && p[0] == 'I') || sg_ctx_is(p, core, "me") ||
            sg_ctx_is(p, core, "my") || sg_ctx_is(p, core, "myself") ||
            sg_ctx_is(p, core, "we") || sg_ctx_is(p, core, "us") ||
            sg_ctx_is(p, core, "our"))
            w->first++;
        if (sg_ctx_is(p, core, "you") || sg_ctx_is(p, core, "your"))
            w->second++;
        int is_spoiler = sg_ctx_prefix(p, core, "spoil");
        if (is_spoiler) {
            w->spoiler++;
            /* "no spoilers", "spoiler-free", "end of spoilers" */
            if (prev_no || (i + 5 <= n && t[i] == '-' && sg_ctx_prefix(t + i + 1, 4, "free")))
                w->free = 1;
            if (end_of)
                w->ending_end = 1;
        }
        int is_end = sg_ctx_is(p, core, "end") || sg_ctx_is(p, core, "ends") ||
                     sg_ctx_is(p, core, "over");
        /* "spoilers end", "spoilers over", "spoiler free" */
        if (prev_spoiler && is_end)
            w->ending_end = 1;
        if (prev_spoiler && sg_ctx_is(p, core, "free"))
            w->free = 1;
        end_of = prev_end && sg_ctx_is(p, core, "of");
        prev_end = sg_ctx_is(p, core, "end");
        prev_no = sg_ctx_is(p, core, "no") || sg_ctx_is(p, core, "without") ||
                  sg_ctx_is(p, core, "non");
        prev_spoiler = is_spoiler;
        unsigned f = sg_cue_families(p, core);
        w->cues |= f;
        if (f & SG_CUE_REVIEW)
            w->review++;
        if (sg_ctx_judges(p, core))
            w->judging++;
    }
}

/* ---- sections the author declared --------------------------------------- */

/* Is block b a short announcement of spoilers ("Spoilers ahead", "The
 * ending (spoilers)", "SPOILER WARNING")?  Returns 1 for spoilers, -1 for a
 * declared spoiler-free part or the end of the spoilers, 0 otherwise. */
static int sg_ctx_announces(const sg_doc *doc, const sg_block *b)
{
    if (b->why != SG_WHY_ARTICLE || !b->view_len)
        return 0;
    sg_ctx_words w;
    sg_ctx_read_words(doc->view.data + b->view_start, b->view_len, &w);
    if (!w.spoiler)
        return 0;
    if (w.free || w.ending_end)
        return -1;
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
    cx->names = calloc(ns ? ns : 1, 1);
    if (!cx->section || !cx->block_model || !cx->block_first || !cx->block_sents ||
        !cx->block_names || !cx->names) {
        sg_context_free(cx);
        return 0;
    }
    /* declared spoiler sections: from an announcing heading to the next
     * heading of its level or above; from an announcing paragraph to the
     * next heading */
    int in = 0, level = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        const sg_block *b = &doc->blocks[bi];
        int says = sg_ctx_announces(doc, b);
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
    /* per block: its sentences, their mean score and how many name someone */
    for (size_t si = 0; si < ns; si++) {
        size_t bi = a->sentences[si].block;
        if (!cx->block_sents[bi])
            cx->block_first[bi] = si;
        cx->block_sents[bi]++;
        cx->block_model[bi] += ev[si].model;
        const sg_sentence *s = &a->sentences[si];
        size_t at = 0;
        int role = 0;
        if (sg_cast_find(&a->cast, doc->view.data, s->view_start, s->view_end, &at, &role)) {
            cx->names[si] = role ? 1 : 2;
            if (!role)
                cx->block_names[bi]++;
        }
    }
    return 1;
}

void sg_context_free(sg_context *cx)
{
    free(cx->section);
    free(cx->block_model);
    free(cx->block_first);
    free(cx->block_sents);
    free(cx->block_names);
    free(cx->names);
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
    "says_spoiler",  "para_rules",    "short_post",    "judging",
};

void sg_context_row(const sg_analysis *a, const sg_evidence *ev, const sg_context *cx,
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
    x[SG_CTX_CHARACTER] = cx->names[si] == 2;
    x[SG_CTX_ROLE] = cx->names[si] == 1;
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
    /* the paragraph's voice: the share of its sentences in the first person */
    int voice = 0, rules = 0;
    for (size_t k = cx->block_first[bi]; k < cx->block_first[bi] + nb && k < ns; k++) {
        if (k == si)
            continue;
        if (ev[k].first_person)
            voice++;
        if (ev[k].rule > 0)
            rules++;
    }
    x[SG_CTX_PARA_VOICE] = nb > 1 ? (double)voice / (double)(nb - 1) : 0;
    x[SG_CTX_PARA_NAMES] = nb ? (double)cx->block_names[bi] / (double)nb : 0;
    x[SG_CTX_CUE_DEATH] = (e->cues & SG_CUE_DEATH) != 0;
    x[SG_CTX_CUE_END] = (e->cues & SG_CUE_END) != 0;
    x[SG_CTX_CUE_REVEAL] = (e->cues & SG_CUE_REVEAL) != 0;
    x[SG_CTX_CUE_CHANGE] = (e->cues & SG_CUE_CHANGE) != 0;
    x[SG_CTX_CUE_HYPO] = (e->cues & SG_CUE_HYPOTHETICAL) != 0;
    x[SG_CTX_REVIEW_WORDS] = e->review > 3 ? 1 : e->review / 3.0;
    x[SG_CTX_SAYS_SPOILER] = e->says_spoiler;
    x[SG_CTX_PARA_RULES] = rules > 0;
    x[SG_CTX_SHORT_POST] = ns < 30;
    x[SG_CTX_JUDGING] = e->judging > 2 ? 1 : e->judging / 2.0;
}

void sg_evidence_note(sg_evidence *e, const sg_hit *hits, size_t nhits, double model,
                      const char *text, size_t n)
{
    memset(e, 0, sizeof *e);
    e->model = model;
    for (size_t i = 0; i < nhits; i++) {
        const sg_hit *h = &hits[i];
        if (!strcmp(h->kind, "counter")) {
            if (h->confidence > e->counter)
                e->counter = h->confidence;
            continue;
        }
        if (h->confidence > e->rule)
            e->rule = h->confidence;
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
    sg_ctx_words w;
    sg_ctx_read_words(text, n, &w);
    e->cues = w.cues;
    e->words = (unsigned short)(w.words > 65535 ? 65535 : w.words);
    e->review = (unsigned short)(w.review > 65535 ? 65535 : w.review);
    e->judging = (unsigned short)(w.judging > 65535 ? 65535 : w.judging);
    e->first_person = w.first > 0;
    e->second_person = w.second > 0;
    e->says_spoiler = w.spoiler > 0;
}

double sg_context_score(const double *x)
{
    double z = 0;
    for (int i = 0; i < SG_CTX_NFEAT; i++)
        z += sg_context_weights[i] * x[i];
    return 1 / (1 + exp(-z));
}

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
    for (size_t si = 0; si < ns && st == SG_OK; si++) {
        const sg_sentence *s = &a->sentences[si];
        /* the flags the words raised on this sentence */
        size_t first = ev[si].flag_first, last = first + ev[si].flag_count;
        sg_context_row(a, ev, &cx, si, x);
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
