/* sg_engine.c -- the public API: one article through every stage.
 *
 * bytes -> document -> sentences -> characters -> rules + scorer -> flags
 *       -> thresholds -> rating, metadata, excerpt.  Rendering and the report
 * read the finished analysis. */
#include "sg_internal.h"

#include <math.h>
#include <pthread.h>
#include <strings.h>

#define SG_DEFAULT_MAX_INPUT ((size_t)256 << 20)
#define SG_DEFAULT_MAX_DEPTH 1024
/* The learned scorer's say: a rule hit's confidence moves toward the model's
 * probability by this weight. */
#define SG_MODEL_WEIGHT 0.35
/* A sentence with no rule hit is flagged when the model alone is sure
 * enough.  The model learnt on a balanced set (about one sentence in two a
 * spoiler), which is what a lone sentence or a short post looks like; in a
 * whole article most sentences are opinion and the base rate is far lower,
 * so the bar rises with the article's length (a prior shift), from the
 * model's balanced threshold to SG_MODEL_ALONE_ARTICLE. */
#define SG_MODEL_ALONE_SHORT 0.5
#define SG_MODEL_ALONE_ARTICLE 0.80
#define SG_MODEL_SHORT_SENTENCES 3
#define SG_MODEL_ARTICLE_SENTENCES 12
#define SG_MODEL_MAJOR 0.90
/* An article is split across threads only when each gets at least this many
 * bytes of sentences: below it, starting threads costs more than it saves. */
#define SG_THREAD_MIN_BYTES ((size_t)256 << 10)
#define SG_THREADS_MAX 64

/* The model-alone bar for an article of n sentences. */
static double sg_model_alone(size_t n)
{
    if (n <= SG_MODEL_SHORT_SENTENCES)
        return SG_MODEL_ALONE_SHORT;
    if (n >= SG_MODEL_ARTICLE_SENTENCES)
        return SG_MODEL_ALONE_ARTICLE;
    double t = (double)(n - SG_MODEL_SHORT_SENTENCES) /
               (SG_MODEL_ARTICLE_SENTENCES - SG_MODEL_SHORT_SENTENCES);
    return SG_MODEL_ALONE_SHORT + t * (SG_MODEL_ALONE_ARTICLE - SG_MODEL_ALONE_SHORT);
}

void sg_options_init(sg_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->format = SG_FORMAT_AUTO;
    opts->style = SG_STYLE_AUTO;
    opts->badge = SG_BADGE_AUTO;
    opts->min_severity = SG_MINOR;
    opts->min_confidence = SG_DEFAULT_MIN_CONFIDENCE;
    opts->jsonld = 1;
    opts->assets = 1;
    opts->marks = 1;
    opts->warning = 1;
    opts->max_input = SG_DEFAULT_MAX_INPUT;
    opts->max_depth = SG_DEFAULT_MAX_DEPTH;
    opts->threads = 1;
}

/* ---- engines ------------------------------------------------------------ */

sg_engine *sg_engine_new_empty(sg_error *err)
{
    sg_engine *e = calloc(1, sizeof *e);
    if (e)
        e->rules = sg_rules_new();
    if (!e || !e->rules) {
        free(e);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory creating an engine");
        return NULL;
    }
    return e;
}

sg_engine *sg_engine_new(sg_error *err)
{
    sg_engine *e = sg_engine_new_empty(err);
    if (e && sg_rules_add_defaults(e->rules, err) != SG_OK) {
        sg_engine_free(e);
        return NULL;
    }
    if (e)
        e->use_model = 1;
    return e;
}

void sg_engine_use_model(sg_engine *engine, int on)
{
    if (engine)
        engine->use_model = on != 0;
}

void sg_engine_free(sg_engine *engine)
{
    if (!engine)
        return;
    sg_rules_free(engine->rules);
    sg_cast_free(&engine->extra_cast);
    sg_hooks_free(engine);
    free(engine);
}

sg_status sg_engine_add_rule(sg_engine *engine, const sg_rule_def *rule,
                             sg_error *err)
{
    if (!engine || !rule) {
        sg_set_error(err, SG_ERR_USAGE, "sg_engine_add_rule: no engine or rule");
        return SG_ERR_USAGE;
    }
    if (rule->match)
        return sg_hooks_add_rule(engine, rule, err);
    if (sg_hooks_has_rule(engine, rule->id)) {
        sg_set_error(err, SG_ERR_RULE, "%s%srule '%s' is defined twice",
                     rule->source ? rule->source : "", rule->source ? ": " : "",
                     rule->id);
        return SG_ERR_RULE;
    }
    return sg_rules_add(engine->rules, rule, err);
}

sg_status sg_engine_add_characters(sg_engine *engine, const char *const *names,
                                   sg_error *err)
{
    if (!engine) {
        sg_set_error(err, SG_ERR_USAGE, "sg_engine_add_characters: no engine");
        return SG_ERR_USAGE;
    }
    for (size_t i = 0; names && names[i]; i++)
        if (*names[i] && !sg_cast_add(&engine->extra_cast, names[i],
                                      strlen(names[i]), NULL, 0)) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory adding characters");
            return SG_ERR_MEMORY;
        }
    return SG_OK;
}

size_t sg_engine_rule_count(const sg_engine *engine)
{
    return engine ? sg_rules_count(engine->rules) + engine->ncustom : 0;
}

/* ---- analysis ------------------------------------------------------------ */

typedef struct sg_seg_ctx {
    sg_analysis *a;
    size_t block;
    int failed;
} sg_seg_ctx;

static void sg_on_sentence(void *ctx, size_t start, size_t end)
{
    sg_seg_ctx *c = ctx;
    sg_analysis *a = c->a;
    const sg_block *b = &a->doc.blocks[c->block];
    sg_sentence s;
    s.block = c->block;
    s.view_start = b->view_start + start;
    s.view_end = b->view_start + end;
    s.start = sg_doc_to_src(&a->doc, b, s.view_start, 0);
    s.end = sg_doc_to_src(&a->doc, b, s.view_end, 1);
    if (s.end < s.start)
        s.end = s.start;
    if (!SG_VEC_PUSH(a->sentences, a->nsentences, a->cap_sentences, s))
        c->failed = 1;
}

static int sg_flag_cmp(const void *x, const void *y)
{
    const sg_flag *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return strcmp(a->kind, b->kind);
}

static sg_status sg_flags_from_hits(sg_analysis *a, sg_hit *hits, size_t nhits,
                                    size_t si, double model, sg_error *err)
{
    const sg_sentence *s = &a->sentences[si];
    const sg_doc *doc = &a->doc;
    const sg_block *b = &doc->blocks[s->block];
    size_t first = a->nall;
    for (size_t i = 0; i < nhits; i++)
        if (!strcmp(hits[i].kind, SG_COUNTER_KIND))
            model *= 1 - hits[i].confidence;
    /* the model decides borderline cases both ways: a hit it doubts falls
     * below the threshold, and a weak or lowered hit never holds a sentence
     * below the flag the model alone would raise */
    int model_sure = a->engine->use_model && model >= sg_model_alone(a->nsentences);
    for (size_t i = 0; i < nhits; i++) {
        sg_hit *h = &hits[i];
        if (!strcmp(h->kind, SG_COUNTER_KIND))
            continue;
        double conf = a->engine->use_model
                          ? h->confidence * (1 - SG_MODEL_WEIGHT) + model * SG_MODEL_WEIGHT
                          : h->confidence;
        if (model_sure && conf < model)
            conf = model;
        if (conf > 1)
            conf = 1;
        sg_flag f;
        memset(&f, 0, sizeof f);
        f.start = s->start;
        f.end = s->end;
        f.evidence_start = sg_doc_to_src(doc, b, h->ev_start, 0);
        f.evidence_end = sg_doc_to_src(doc, b, h->ev_end, 1);
        f.kind = sg_analysis_intern(a, h->kind, strlen(h->kind));
        f.rule = sg_analysis_intern(a, h->rule, strlen(h->rule));
        f.cue = sg_analysis_intern(a, doc->view.data + h->ev_start, h->ev_end - h->ev_start);
        f.character = h->character ? sg_analysis_intern(a, h->character, strlen(h->character))
                                   : NULL;
        f.severity = h->severity;
        f.confidence = conf;
        f.model_score = a->engine->use_model ? model : NAN;
        f.marked = sg_doc_is_marked(doc, f.evidence_start, f.evidence_end);
        if (!f.kind || !f.rule || !f.cue) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory recording flags");
            return SG_ERR_MEMORY;
        }
        if (!sg_analysis_put_flag(a, first, &f)) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory recording flags");
            return SG_ERR_MEMORY;
        }
    }
    if (a->nall == first && model_sure &&
        !sg_analysis_flag_sentence(a, s, "plot", "model.plot",
                                   model >= SG_MODEL_MAJOR ? SG_MAJOR : SG_MINOR, model, model)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory recording flags");
        return SG_ERR_MEMORY;
    }
    return SG_OK;
}

void sg_analysis_finish(sg_analysis *a)
{
    if (a->nall > 1)
        qsort(a->all, a->nall, sizeof *a->all, sg_flag_cmp);
    a->nflags = 0;
    for (size_t i = 0; i < a->nall; i++) {
        const sg_flag *f = &a->all[i];
        if (f->severity < a->opts.min_severity || f->confidence < a->opts.min_confidence)
            continue;
        if (!SG_VEC_PUSH(a->flags, a->nflags, a->cap_flags, *f))
            break;
    }
    /* the excerpt is built from sentences that carry no reported flag */
    if (a->excerpt_set)
        return;
    free(a->meta.excerpt);
    a->meta.excerpt = NULL;
    unsigned char *flagged = calloc(a->nsentences ? a->nsentences : 1, 1);
    if (flagged) {
        size_t k = 0;
        for (size_t i = 0; i < a->nsentences; i++) {
            while (k < a->nflags && a->flags[k].end <= a->sentences[i].start)
                k++;
            for (size_t j = k; j < a->nflags && a->flags[j].start < a->sentences[i].end; j++)
                flagged[i] = 1;
        }
        a->meta.excerpt = sg_meta_excerpt(&a->doc, a->sentences, a->nsentences, flagged);
        free(flagged);
    }
}

/* The rules' hits and the model's score for sentences [from, to): hits of
 * sentence from+k are hits[first[k] .. first[k+1]), its score model[k]. */
typedef struct sg_verdicts {
    const sg_analysis *a;
    sg_match_ctx *mc;
    size_t from, to;
    sg_hit *hits;
    size_t nhits, cap;
    size_t *first;
    double *model;
    sg_sentence_words *words; /* what the scorer's pass saw of each sentence's words */
    sg_status st;
    sg_error err;
} sg_verdicts;

static void *sg_verdicts_fill(void *arg)
{
    sg_verdicts *v = arg;
    const sg_analysis *a = v->a;
    const sg_engine *engine = a->engine;
    size_t n = v->to - v->from;
    v->first = malloc((n + 1) * sizeof *v->first);
    v->model = malloc((n ? n : 1) * sizeof *v->model);
    v->words = calloc(n ? n : 1, sizeof *v->words);
    if (!v->mc || !v->first || !v->model || !v->words) {
        sg_set_error(&v->err, SG_ERR_MEMORY, "out of memory matching rules");
        v->st = SG_ERR_MEMORY;
        return NULL;
    }
    for (size_t si = v->from; si < v->to; si++) {
        const sg_sentence *s = &a->sentences[si];
        const sg_block *b = &a->doc.blocks[s->block];
        size_t k = si - v->from, before = v->nhits;
        v->first[k] = before;
        v->st = sg_rules_match(engine->rules, v->mc, a->doc.view.data, s, si, &a->cast,
                               &v->hits, &v->nhits, &v->cap, &v->err);
        if (v->st != SG_OK)
            break;
        /* headings are titles, not plot: rules only, no model guesses */
        v->model[k] = !engine->use_model || (b->kind == SG_BLOCK_HEADING && v->nhits == before)
                          ? 0
                          : sg_score_sentence_words(a->doc.view.data + s->view_start,
                                                    s->view_end - s->view_start,
                                                    &v->words[k]);
    }
    v->first[n] = v->nhits;
    return NULL;
}

static void sg_verdicts_free(sg_verdicts *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_match_ctx_free(v[i].mc);
        free(v[i].hits);
        free(v[i].first);
        free(v[i].model);
        free(v[i].words);
    }
    free(v);
}

/* Fill the verdicts of every sentence of `a`, split into parts of about
 * equal bytes, one thread each when opts.threads asks for more than one and
 * the article is large enough.  Returns the number of parts (*out holds
 * them); *st gets the first failure in sentence order, and `err` its
 * message. */
static size_t sg_verdicts_run(sg_analysis *a, sg_verdicts **out, sg_error *err,
                              sg_status *st)
{
    size_t ns = a->nsentences, bytes = 0;
    for (size_t i = 0; i < ns; i++)
        bytes += a->sentences[i].view_end - a->sentences[i].view_start;
    size_t nparts = a->opts.threads > 1 ? (size_t)a->opts.threads : 1;
    if (nparts > SG_THREADS_MAX)
        nparts = SG_THREADS_MAX;
    size_t worth = bytes / SG_THREAD_MIN_BYTES; /* parts worth a thread */
    if (nparts > worth)
        nparts = worth ? worth : 1;
    sg_verdicts *v = calloc(nparts, sizeof *v);
    *out = v;
    if (!v) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory matching rules");
        *st = SG_ERR_MEMORY;
        return 0;
    }
    /* what is built on first use (the cast's lookup tables, the rules'
     * prefilter when the first match context is made) is built here, before
     * any thread starts */
    sg_cast_prepare(&a->cast);
    size_t si = 0, done = 0;
    for (size_t p = 0; p < nparts; p++) {
        v[p].a = a;
        v[p].mc = sg_match_ctx_new(a->engine->rules);
        v[p].from = si;
        size_t want = bytes / nparts * (p + 1);
        while (si < ns && (p == nparts - 1 || done < want)) {
            done += a->sentences[si].view_end - a->sentences[si].view_start;
            si++;
        }
        v[p].to = si;
    }
    pthread_t tid[SG_THREADS_MAX];
    size_t started = 1;
    for (size_t p = 1; p < nparts; p++, started++)
        if (pthread_create(&tid[p], NULL, sg_verdicts_fill, &v[p]) != 0)
            break;
    sg_verdicts_fill(&v[0]);
    for (size_t p = 1; p < nparts; p++) {
        if (p < started)
            pthread_join(tid[p], NULL);
        else
            sg_verdicts_fill(&v[p]); /* no thread to be had: here, in turn */
    }
    for (size_t p = 0; p < nparts; p++)
        if (v[p].st != SG_OK) {
            *st = v[p].st;
            if (err)
                *err = v[p].err;
            break;
        }
    return nparts;
}

sg_status sg_analyze(sg_engine *engine, const char *text, size_t len,
                     const sg_options *opts, sg_analysis **out, sg_error *err)
{
    *out = NULL;
    if (err) {
        err->status = SG_OK;
        err->message[0] = '\0';
    }
    if (!engine || (!text && len)) {
        sg_set_error(err, SG_ERR_USAGE, "sg_analyze: no engine or no text");
        return SG_ERR_USAGE;
    }
    if (!text)
        text = "";
    sg_analysis *a = calloc(1, sizeof *a);
    if (!a) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory");
        return SG_ERR_MEMORY;
    }
    a->engine = engine;
    if (opts)
        a->opts = *opts;
    else
        sg_options_init(&a->opts);
    if (!a->opts.max_input)
        a->opts.max_input = SG_DEFAULT_MAX_INPUT;
    if (a->opts.max_depth <= 0)
        a->opts.max_depth = SG_DEFAULT_MAX_DEPTH;
    if (len > a->opts.max_input) {
        sg_set_error(err, SG_ERR_INPUT,
                     "input of %zu bytes is over the maximum of %zu bytes (--max-input)",
                     len, a->opts.max_input);
        free(a);
        return SG_ERR_INPUT;
    }
    sg_format fmt = a->opts.format;
    if (fmt != SG_FORMAT_PLAIN && fmt != SG_FORMAT_MARKDOWN && fmt != SG_FORMAT_HTML)
        fmt = sg_detect_format(text, len);
    a->opts.format = fmt;
    a->style = a->opts.style;
    a->style_why = "asked for";
    if (a->style == SG_STYLE_AUTO)
        a->style = sg_style_detect(text, len, fmt, a->opts.path, &a->style_why);
    a->opts.path = NULL; /* the caller's, gone after the call */

    sg_status st = sg_doc_read(&a->doc, text, len, fmt, a->opts.max_depth, err);
    if (st != SG_OK)
        goto fail;

    /* sentences of article blocks */
    for (size_t bi = 0; bi < a->doc.nblocks; bi++) {
        const sg_block *b = &a->doc.blocks[bi];
        if (b->why != SG_WHY_ARTICLE || !b->view_len)
            continue;
        sg_seg_ctx c = {a, bi, 0};
        sg_segment(a->doc.view.data + b->view_start, b->view_len, sg_on_sentence, &c);
        if (c.failed) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory splitting sentences");
            st = SG_ERR_MEMORY;
            goto fail;
        }
    }

    /* characters: the user's list, then what the article teaches */
    for (size_t i = 0; i < engine->extra_cast.n; i++)
        sg_cast_add(&a->cast, engine->extra_cast.people[i].name,
                    strlen(engine->extra_cast.people[i].name), NULL, 0);
    sg_cast_learn(&a->cast, &a->doc, a->sentences, a->nsentences);

    /* rules and the scorer, sentence by sentence; their verdicts become
     * flags in sentence order, however many threads produced them */
    sg_verdicts *v = NULL;
    size_t nparts = sg_verdicts_run(a, &v, err, &st);
    sg_evidence *ev = NULL;
    if (st == SG_OK && !(ev = calloc(a->nsentences ? a->nsentences : 1, sizeof *ev))) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory recording evidence");
        st = SG_ERR_MEMORY;
    }
    for (size_t p = 0; p < nparts && st == SG_OK; p++)
        for (size_t si = v[p].from; si < v[p].to && st == SG_OK; si++) {
            size_t k = si - v[p].from, nh = v[p].first[k + 1] - v[p].first[k];
            /* no hits in the whole part: no array either */
            const sg_hit *h = nh ? v[p].hits + v[p].first[k] : NULL;
            sg_evidence_note(&ev[si], h, nh, v[p].model[k], &v[p].words[k]);
            size_t before = a->nall;
            st = sg_flags_from_hits(a, nh ? v[p].hits + v[p].first[k] : NULL, nh, si,
                                    v[p].model[k], err);
            /* a sentence holds one flag per kind; 2^32 flags would be a
             * 400 GB article, past any --max-input */
            ev[si].flag_first = (uint32_t)before;
            ev[si].flag_count = (uint16_t)(a->nall - before);
        }
    sg_verdicts_free(v, nparts);
    if (st == SG_OK)
        st = sg_context_apply(a, ev, err);
    a->evidence = ev;
    if (st != SG_OK)
        goto fail;

    sg_rating_find(&a->doc, a->sentences, a->nsentences, &a->rating);
    sg_meta_find(&a->doc, a->sentences, a->nsentences, &a->meta);
    sg_analysis_finish(a);
    /* custom rules and hooks, in stage order, on the finished analysis */
    st = sg_hooks_analysis(a, err);
    if (st != SG_OK)
        goto fail;
    *out = a;
    return SG_OK;
fail:
    sg_analysis_free(a);
    return st;
}

void sg_analysis_free(sg_analysis *a)
{
    if (!a)
        return;
    sg_doc_free(&a->doc);
    free(a->sentences);
    free(a->evidence);
    sg_cast_free(&a->cast);
    free(a->all);
    free(a->flags);
    for (size_t i = 0; i < a->nstrings; i++)
        free(a->strings[i]);
    free(a->strings);
    sg_rating_clear(&a->rating);
    sg_meta_clear(&a->meta);
    for (int i = 0; i < 3; i++)
        free(a->markup[i]);
    free(a->char_names);
    free(a->char_actors);
    free(a);
}

sg_format sg_analysis_format(const sg_analysis *a) { return a->doc.format; }

const sg_flag *sg_analysis_flags(const sg_analysis *a, size_t *count)
{
    *count = a->nflags;
    return a->flags;
}

const sg_flag *sg_analysis_all_flags(const sg_analysis *a, size_t *count)
{
    *count = a->nall;
    return a->all;
}

const sg_rating *sg_analysis_rating(const sg_analysis *a)
{
    if (!a->rating.found)
        return NULL;
    sg_rating *r = (sg_rating *)&a->rating_pub;
    r->start = a->rating.start;
    r->end = a->rating.end;
    r->text = a->rating.text;
    r->value = a->rating.value;
    r->scale = a->rating.scale;
    r->normalized = a->rating.normalized;
    r->verdict = a->rating.verdict;
    return r;
}

static char **sg_meta_slot(sg_meta *m, const char *field)
{
    if (!field)
        return NULL;
    if (!strcmp(field, "title"))
        return &m->title;
    if (!strcmp(field, "work"))
        return &m->work;
    if (!strcmp(field, "year"))
        return &m->year;
    if (!strcmp(field, "author"))
        return &m->author;
    if (!strcmp(field, "date"))
        return &m->date;
    if (!strcmp(field, "excerpt"))
        return &m->excerpt;
    return NULL;
}

const char *sg_analysis_meta(const sg_analysis *a, const char *field)
{
    char **slot = sg_meta_slot((sg_meta *)&a->meta, field);
    return slot ? *slot : NULL;
}

sg_status sg_analysis_set_meta(sg_analysis *a, const char *field, const char *value)
{
    if (field && !strcmp(field, "genres")) {
        for (size_t i = 0; i < a->meta.ngenres; i++)
            free(a->meta.genres[i]);
        free(a->meta.genres);
        a->meta.genres = NULL;
        a->meta.ngenres = 0;
        if (!value)
            return SG_OK;
        /* comma-separated */
        const char *p = value;
        while (*p) {
            const char *c = strchr(p, ',');
            size_t n = c ? (size_t)(c - p) : strlen(p);
            while (n && *p == ' ')
                p++, n--;
            while (n && p[n - 1] == ' ')
                n--;
            if (n) {
                char **g = realloc(a->meta.genres, (a->meta.ngenres + 1) * sizeof *g);
                if (!g)
                    return SG_ERR_MEMORY;
                a->meta.genres = g;
                if (!(g[a->meta.ngenres] = sg_strndup(p, n)))
                    return SG_ERR_MEMORY;
                a->meta.ngenres++;
            }
            if (!c)
                break;
            p = c + 1;
        }
        return SG_OK;
    }
    char **slot = sg_meta_slot(&a->meta, field);
    if (!slot)
        return SG_ERR_USAGE;
    char *v = value ? sg_strndup(value, strlen(value)) : NULL;
    if (value && !v)
        return SG_ERR_MEMORY;
    free(*slot);
    *slot = v;
    if (slot == &a->meta.excerpt)
        a->excerpt_set = v != NULL;
    return SG_OK;
}

const char *const *sg_analysis_genres(const sg_analysis *a, size_t *count)
{
    *count = a->meta.ngenres;
    return (const char *const *)a->meta.genres;
}

size_t sg_analysis_characters(const sg_analysis *a, const char *const **names,
                              const char *const **actors)
{
    /* parallel arrays, built once: the cast does not change after analysis */
    sg_analysis *m = (sg_analysis *)a;
    static const char *const none[1] = {NULL};
    *names = none;
    *actors = none;
    if (!a->cast.n)
        return 0;
    if (!m->char_names) {
        const char **n = malloc(a->cast.n * sizeof *n);
        const char **ac = malloc(a->cast.n * sizeof *ac);
        if (!n || !ac) {
            free(n);
            free(ac);
            return 0;
        }
        for (size_t i = 0; i < a->cast.n; i++) {
            n[i] = a->cast.people[i].name;
            ac[i] = a->cast.people[i].actor;
        }
        m->char_names = n;
        m->char_actors = ac;
    }
    *names = m->char_names;
    *actors = m->char_actors;
    return a->cast.n;
}

size_t sg_analysis_unmarked(const sg_analysis *a, sg_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nflags; i++)
        if (!a->flags[i].marked && a->flags[i].severity >= severity)
            n++;
    return n;
}

char *sg_analysis_report(const sg_analysis *a, const char *id, size_t id_len,
                         size_t *out_len)
{
    return sg_report_json(a, id, id_len, out_len);
}

char *sg_render(const sg_analysis *a, size_t *out_len, sg_error *err)
{
    return sg_render_doc(a, out_len, err);
}

static int sg_markup_index(const char *what)
{
    if (!what)
        return -1;
    if (!strcmp(what, "warning"))
        return 0;
    if (!strcmp(what, "badge"))
        return 1;
    if (!strcmp(what, "jsonld"))
        return 2;
    return -1;
}

sg_status sg_analysis_set_markup(sg_analysis *a, const char *what, const char *text,
                                 size_t len)
{
    int i = sg_markup_index(what);
    if (i < 0)
        return SG_ERR_USAGE;
    char *copy = NULL;
    if (text && !(copy = sg_strndup(text, len)))
        return SG_ERR_MEMORY;
    free(a->markup[i]);
    a->markup[i] = copy;
    a->markup_len[i] = text ? len : 0;
    return SG_OK;
}

sg_status sg_analysis_set_rating(sg_analysis *a, const sg_rating *r)
{
    sg_rating_clear(&a->rating);
    if (!r)
        return SG_OK;
    a->rating.found = 1;
    a->rating.start = r->start;
    a->rating.end = r->end;
    a->rating.text = r->text ? sg_strndup(r->text, strlen(r->text)) : NULL;
    a->rating.verdict = r->verdict ? sg_strndup(r->verdict, strlen(r->verdict)) : NULL;
    a->rating.value = r->value;
    a->rating.scale = r->scale;
    a->rating.normalized = r->normalized;
    if ((r->text && !a->rating.text) || (r->verdict && !a->rating.verdict))
        return SG_ERR_MEMORY;
    return SG_OK;
}

sg_status sg_analysis_edit_flag(sg_analysis *a, size_t index, int keep,
                                const char *kind, int severity, double confidence)
{
    if (index >= a->nall)
        return SG_ERR_USAGE;
    if (!keep) {
        memmove(&a->all[index], &a->all[index + 1], (a->nall - index - 1) * sizeof *a->all);
        a->nall--;
        return SG_OK;
    }
    sg_flag *f = &a->all[index];
    if (kind) {
        const char *k = sg_analysis_intern(a, kind, strlen(kind));
        if (!k)
            return SG_ERR_MEMORY;
        f->kind = k;
    }
    if (severity == SG_MINOR || severity == SG_MAJOR)
        f->severity = (sg_severity)severity;
    if (confidence >= 0 && confidence <= 1)
        f->confidence = confidence;
    return SG_OK;
}

sg_status sg_analysis_add_flag(sg_analysis *a, size_t sentence_index, const char *kind,
                               sg_severity severity, const char *rule,
                               double confidence, sg_error *err)
{
    if (sentence_index >= a->nsentences || !kind || !*kind) {
        sg_set_error(err, SG_ERR_USAGE, "no sentence %zu or no kind", sentence_index);
        return SG_ERR_USAGE;
    }
    const sg_sentence *s = &a->sentences[sentence_index];
    /* NaN counts as no confidence */
    confidence = !(confidence >= 0) ? 0 : confidence > 1 ? 1 : confidence;
    sg_flag f;
    memset(&f, 0, sizeof f);
    f.start = s->start;
    f.end = s->end;
    f.evidence_start = s->start;
    f.evidence_end = s->end;
    f.kind = sg_analysis_intern(a, kind, strlen(kind));
    f.rule = sg_analysis_intern(a, rule ? rule : "lua", strlen(rule ? rule : "lua"));
    f.cue = "";
    f.severity = severity;
    f.confidence = confidence;
    f.model_score = NAN;
    f.marked = sg_doc_is_marked(&a->doc, s->start, s->end);
    if (!f.kind || !f.rule || !sg_analysis_put_flag(a, 0, &f)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding a flag");
        return SG_ERR_MEMORY;
    }
    return SG_OK;
}

size_t sg_analysis_sentence_count(const sg_analysis *a) { return a->nsentences; }

int sg_analysis_sentence(const sg_analysis *a, size_t i, size_t *start, size_t *end,
                         int *block)
{
    if (i >= a->nsentences)
        return 0;
    *start = a->sentences[i].start;
    *end = a->sentences[i].end;
    if (block)
        *block = (int)a->sentences[i].block;
    return 1;
}

const char *sg_analysis_text(const sg_analysis *a, size_t *len)
{
    if (len)
        *len = a ? a->doc.len : 0;
    return a ? a->doc.src : NULL;
}
