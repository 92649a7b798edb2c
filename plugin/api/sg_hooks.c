/* sg_hooks.c -- custom rules and hooks: user code at fixed points of the path.
 *
 * After the engine's own stages, sg_analyze hands the analysis to the
 * engine's custom rules and hooks in stage order (document, sentence, flag,
 * rating) and applies the thresholds again; sg_annotate runs the warning
 * and badge hooks, renders, and runs the publish hooks.  Hooks of one stage
 * run in the order they were added, each seeing what the one before left.
 * The engine checks what every callback returns and names the hook (and the
 * source it was added with) when something is wrong; bindings (the Lua
 * module, the command line's rule files) only turn their values into these
 * structs. */
#include "sg_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

/* The stages, in the order they run, and the names errors give them. */
typedef enum sg_stage {
    SG_STAGE_DOCUMENT,
    SG_STAGE_SENTENCE,
    SG_STAGE_FLAG,
    SG_STAGE_RATING,
    SG_STAGE_WARNING,
    SG_STAGE_BADGE,
    SG_STAGE_PUBLISH
} sg_stage;

static const char *const sg_stage_names[] = {"document", "sentence", "flag",   "rating",
                                             "warning",  "badge",    "publish"};

/* Whether a hook set has a callback for the stage. */
static int sg_hooks_at(const sg_hooks *h, sg_stage stage)
{
    switch (stage) {
    case SG_STAGE_DOCUMENT:
        return h->document != NULL;
    case SG_STAGE_SENTENCE:
        return h->sentence != NULL;
    case SG_STAGE_FLAG:
        return h->flag != NULL;
    case SG_STAGE_RATING:
        return h->rating != NULL;
    case SG_STAGE_WARNING:
        return h->warning != NULL;
    case SG_STAGE_BADGE:
        return h->badge != NULL;
    default:
        return h->publish != NULL;
    }
}

static int sg_hooks_any(const sg_engine *e, sg_stage stage)
{
    for (size_t k = 0; k < e->nhooks; k++)
        if (sg_hooks_at(&e->hooks[k], stage))
            return 1;
    return 0;
}

/* ---- adding -------------------------------------------------------------- */

static char *sg_hooks_dup(const char *s)
{
    return s ? sg_strndup(s, strlen(s)) : NULL;
}

sg_status sg_engine_add_hooks(sg_engine *engine, const sg_hooks *hooks, sg_error *err)
{
    if (!engine || !hooks) {
        sg_set_error(err, SG_ERR_USAGE, "sg_engine_add_hooks: no engine or hooks");
        return SG_ERR_USAGE;
    }
    sg_hooks h = *hooks;
    h.source = sg_hooks_dup(hooks->source);
    if ((hooks->source && !h.source) ||
        !SG_VEC_PUSH(engine->hooks, engine->nhooks, engine->cap_hooks, h)) {
        free((char *)h.source);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding hooks");
        return SG_ERR_MEMORY;
    }
    return SG_OK;
}

int sg_hooks_has_rule(const sg_engine *e, const char *id)
{
    for (size_t i = 0; id && i < e->ncustom; i++)
        if (!strcmp(e->custom[i].id, id))
            return 1;
    return 0;
}

sg_status sg_hooks_add_rule(sg_engine *e, const sg_rule_def *def, sg_error *err)
{
    const char *src = def->source ? def->source : "", *sep = def->source ? ": " : "";
    const char *problem = NULL;
    if (!def->id || !*def->id) {
        sg_set_error(err, SG_ERR_RULE, "%s%sa rule needs an id", src, sep);
        return SG_ERR_RULE;
    }
    if (!def->kind || !*def->kind)
        problem = "needs a kind";
    else if (!(def->confidence >= 0 && def->confidence <= 1))
        problem = "confidence must be in [0,1]";
    else if (def->patterns || def->requires || def->unless || def->lower_if ||
             def->major_if || def->minor_if || def->character || def->case_sensitive)
        problem = "gives both a match function and patterns or conditions";
    else if (sg_hooks_has_rule(e, def->id) || sg_rules_has(e->rules, def->id))
        problem = "is defined twice";
    if (problem) {
        sg_set_error(err, SG_ERR_RULE, "%s%srule '%s' %s", src, sep, def->id, problem);
        return SG_ERR_RULE;
    }
    sg_custom_rule r = {sg_hooks_dup(def->id),
                        sg_hooks_dup(def->kind),
                        sg_hooks_dup(def->source),
                        def->severity == SG_MAJOR ? SG_MAJOR : SG_MINOR,
                        def->confidence > 0 ? def->confidence
                                            : SG_HOOK_DEFAULT_CONFIDENCE,
                        def->match,
                        def->userdata};
    if (!r.id || !r.kind || (def->source && !r.source) ||
        !SG_VEC_PUSH(e->custom, e->ncustom, e->cap_custom, r)) {
        free(r.id);
        free(r.kind);
        free(r.source);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding rule '%s'", def->id);
        return SG_ERR_MEMORY;
    }
    return SG_OK;
}

void sg_hooks_free(sg_engine *e)
{
    for (size_t i = 0; i < e->ncustom; i++) {
        free(e->custom[i].id);
        free(e->custom[i].kind);
        free(e->custom[i].source);
    }
    free(e->custom);
    for (size_t i = 0; i < e->nhooks; i++)
        free((char *)e->hooks[i].source);
    free(e->hooks);
}

/* ---- errors that name the hook ------------------------------------------- */

/* The hook or custom rule being run, for the messages that name it. */
typedef struct sg_caller {
    sg_stage stage;
    const sg_custom_rule *rule; /* a custom rule; NULL for a hook */
    const char *source;         /* the hook's source, or NULL */
} sg_caller;

/* "hook 'flag' failed: " or "rule 'ID' (SOURCE) failed: ", then the message;
 * `at` adds the hook's source before it, for what the engine found wrong in
 * what the hook returned (a callback's own message names its place). */
static void sg_caller_fail(const sg_caller *c, sg_error *err, sg_status st, int at,
                           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void sg_caller_fail(const sg_caller *c, sg_error *err, sg_status st, int at,
                           const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (c->rule)
        sg_set_error(err, st, "rule '%s' (%s) failed: %s", c->rule->id,
                     c->rule->source ? c->rule->source : "?", what);
    else if (at && c->source)
        sg_set_error(err, st, "hook '%s' failed: %s: %s", sg_stage_names[c->stage],
                     c->source, what);
    else
        sg_set_error(err, st, "hook '%s' failed: %s", sg_stage_names[c->stage], what);
}

/* A callback's result: -1 (after filling `err`) when it failed or returned
 * what the stage does not take (`allowed`, a mask of 1 << result), else the
 * result. */
static int sg_caller_result(const sg_caller *c, int result, unsigned allowed,
                            sg_error *err)
{
    if (result == SG_HOOK_FAIL) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%s", err->message);
        sg_status st = err->status != SG_OK ? err->status : SG_ERR_HOOK;
        if (msg[0])
            sg_caller_fail(c, err, st, 0, "%s", msg);
        else
            sg_caller_fail(c, err, st, 1, "failed");
        return -1;
    }
    if (result < 0 || result > SG_HOOK_MORE || !(allowed & (1u << result))) {
        sg_caller_fail(c, err, SG_ERR_HOOK, 1,
                       "returned %d, which this stage does not take", result);
        return -1;
    }
    return result;
}

static void sg_caller_clear(sg_error *err)
{
    err->status = SG_OK;
    err->message[0] = '\0';
}

/* The checks every flag that comes back passes; 0 after filling `err`. */
static int sg_flag_edit_check(const sg_caller *c, const sg_flag_edit *f, sg_error *err)
{
    if (!f->kind && !c->rule)
        sg_caller_fail(c, err, SG_ERR_HOOK, 1, "returned a flag without a kind");
    else if (!f->kind || !*f->kind)
        sg_caller_fail(c, err, SG_ERR_HOOK, 1, "kind must be a non-empty string");
    else if (f->severity != SG_MINOR && f->severity != SG_MAJOR)
        sg_caller_fail(c, err, SG_ERR_HOOK, 1, "severity must be \"minor\" or \"major\"");
    else if (!(f->confidence >= 0 && f->confidence <= 1))
        sg_caller_fail(c, err, SG_ERR_HOOK, 1, "confidence must be a number in [0, 1]");
    else
        return 1;
    return 0;
}

/* ---- document ------------------------------------------------------------ */

static const char *const sg_meta_fields[] = {"title",  "work", "year",
                                             "author", "date", "excerpt"};

/* The analysis' genres, comma-separated (a new string; NULL when there are
 * none or memory runs out, `*oom` telling which). */
static char *sg_genres_joined(const sg_analysis *a, int *oom)
{
    size_t n = 0;
    const char *const *g = sg_analysis_genres(a, &n);
    sg_buf b;
    sg_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sg_buf_putc(&b, ',');
        sg_buf_puts(&b, g[i]);
    }
    *oom = n && b.failed;
    return n ? sg_buf_take(&b, NULL) : (sg_buf_free(&b), NULL);
}

static int sg_same_str(const char *x, const char *y)
{
    return x == y || (x && y && !strcmp(x, y));
}

/* Apply what a document hook set: each field that differs from the
 * analysis' (copied first, as a hook may point one field at another's old
 * value). */
static sg_status sg_document_apply(sg_analysis *a, const sg_document *doc)
{
    const char *now[7] = {doc->title, doc->work,    doc->year,  doc->author,
                          doc->date,  doc->excerpt, doc->genres};
    char *copy[7] = {NULL};
    int change[7] = {0}, oom = 0;
    char *genres = sg_genres_joined(a, &oom);
    sg_status st = oom ? SG_ERR_MEMORY : SG_OK;
    for (int i = 0; i < 7 && st == SG_OK; i++) {
        const char *cur = i < 6 ? sg_analysis_meta(a, sg_meta_fields[i]) : genres;
        change[i] = !sg_same_str(now[i], cur);
        if (change[i] && now[i] && !(copy[i] = sg_hooks_dup(now[i])))
            st = SG_ERR_MEMORY;
    }
    for (int i = 0; i < 7 && st == SG_OK; i++)
        if (change[i])
            st = sg_analysis_set_meta(a, i < 6 ? sg_meta_fields[i] : "genres", copy[i]);
    for (int i = 0; i < 7; i++)
        free(copy[i]);
    free(genres);
    return st;
}

static sg_status sg_run_document(sg_analysis *a, sg_error *err)
{
    const sg_engine *e = a->engine;
    for (size_t k = 0, n = e->nhooks; k < n; k++) {
        sg_hooks h = e->hooks[k];
        if (!h.document)
            continue;
        sg_caller c = {SG_STAGE_DOCUMENT, NULL, h.source};
        int oom = 0;
        char *genres = sg_genres_joined(a, &oom);
        if (oom) {
            sg_caller_fail(&c, err, SG_ERR_MEMORY, 0, "out of memory");
            return SG_ERR_MEMORY;
        }
        sg_document doc = {a->doc.format,   a->doc.src,   a->doc.len,     a->meta.title,
                           a->meta.work,    a->meta.year, a->meta.author, a->meta.date,
                           a->meta.excerpt, genres};
        sg_caller_clear(err);
        int r = sg_caller_result(&c, h.document(a, &doc, err, h.userdata),
                                 1u << SG_HOOK_KEEP | 1u << SG_HOOK_SET, err);
        sg_status st = r < 0 ? err->status : SG_OK;
        if (r == SG_HOOK_SET && sg_document_apply(a, &doc) != SG_OK) {
            sg_caller_fail(&c, err, SG_ERR_MEMORY, 0,
                           "out of memory setting the metadata");
            st = SG_ERR_MEMORY;
        }
        free(genres);
        if (st != SG_OK)
            return st;
    }
    return SG_OK;
}

/* ---- sentence ------------------------------------------------------------ */

/* Call one custom rule or sentence hook on sentence `si` and raise each flag
 * it returns. */
static sg_status sg_run_sentence_one(sg_analysis *a, const sg_caller *c,
                                     const sg_custom_rule *rule, const sg_hooks *h,
                                     sg_sentence_info *s, sg_error *err)
{
    for (s->repeat = 0;; s->repeat++) {
        sg_flag_edit f =
            rule ? (sg_flag_edit){rule->kind, rule->severity, rule->confidence, rule->id}
                 : (sg_flag_edit){NULL, SG_MINOR, SG_HOOK_DEFAULT_CONFIDENCE,
                                  "hook.sentence"};
        sg_caller_clear(err);
        int r = rule ? rule->match(a, s, &f, err, rule->userdata)
                     : h->sentence(a, s, &f, err, h->userdata);
        r = sg_caller_result(
            c, r, 1u << SG_HOOK_KEEP | 1u << SG_HOOK_SET | 1u << SG_HOOK_MORE, err);
        if (r < 0)
            return err->status;
        if (r == SG_HOOK_KEEP)
            return SG_OK;
        if (!sg_flag_edit_check(c, &f, err))
            return err->status;
        sg_error added;
        if (sg_analysis_add_flag(a, s->index, f.kind, (sg_severity)f.severity,
                                 rule ? rule->id : f.rule, f.confidence,
                                 &added) != SG_OK) {
            sg_caller_fail(c, err, added.status, 1, "%s", added.message);
            return err->status;
        }
        if (r == SG_HOOK_SET)
            return SG_OK;
    }
}

static sg_status sg_run_sentences(sg_analysis *a, sg_error *err)
{
    const sg_engine *e = a->engine;
    size_t ncustom = e->ncustom, nhooks = e->nhooks;
    if (!ncustom && !sg_hooks_any(e, SG_STAGE_SENTENCE))
        return SG_OK;
    for (size_t i = 0; i < a->nsentences; i++) {
        const sg_sentence *sen = &a->sentences[i];
        if (sen->end > a->doc.len || sen->start > sen->end)
            continue;
        sg_sentence_info s = {
            i, sen->start, sen->end, (int)sen->block, a->doc.src + sen->start, 0};
        /* custom rules first, then sentence hooks, each in the order added */
        for (size_t k = 0; k < ncustom; k++) {
            sg_custom_rule rule = e->custom[k];
            sg_caller c = {SG_STAGE_SENTENCE, &rule, rule.source};
            sg_status st = sg_run_sentence_one(a, &c, &rule, NULL, &s, err);
            if (st != SG_OK)
                return st;
        }
        for (size_t k = 0; k < nhooks; k++) {
            sg_hooks h = e->hooks[k];
            if (!h.sentence)
                continue;
            sg_caller c = {SG_STAGE_SENTENCE, NULL, h.source};
            sg_status st = sg_run_sentence_one(a, &c, NULL, &h, &s, err);
            if (st != SG_OK)
                return st;
        }
    }
    return SG_OK;
}

/* ---- flag ---------------------------------------------------------------- */

/* What the flag hooks made of one candidate. */
typedef struct sg_flag_fate {
    int keep;
    const char *kind; /* the analysis' own string */
    int severity;
    double confidence;
} sg_flag_fate;

static sg_status sg_run_flags(sg_analysis *a, sg_error *err)
{
    const sg_engine *e = a->engine;
    size_t n = a->nall, nhooks = e->nhooks;
    if (!n || !sg_hooks_any(e, SG_STAGE_FLAG))
        return SG_OK;
    sg_flag_fate *fate = calloc(n, sizeof *fate);
    if (!fate) {
        sg_set_error(err, SG_ERR_MEMORY, "hook 'flag': out of memory");
        return SG_ERR_MEMORY;
    }
    sg_status st = SG_OK;
    /* every candidate meets every hook before any edit lands, so each hook
     * sees the candidates as the stage began */
    for (size_t i = 0; i < n && st == SG_OK; i++) {
        const sg_flag *f = &a->all[i];
        sg_flag_fate *t = &fate[i];
        *t = (sg_flag_fate){1, f->kind, (int)f->severity, f->confidence};
        for (size_t k = 0; k < nhooks && t->keep && st == SG_OK; k++) {
            sg_hooks h = e->hooks[k];
            if (!h.flag)
                continue;
            sg_caller c = {SG_STAGE_FLAG, NULL, h.source};
            sg_flag_edit edit = {t->kind, t->severity, t->confidence, f->rule};
            sg_caller_clear(err);
            int r = sg_caller_result(
                &c, h.flag(a, f, i, &edit, err, h.userdata),
                1u << SG_HOOK_KEEP | 1u << SG_HOOK_SET | 1u << SG_HOOK_DROP, err);
            if (r < 0)
                st = err->status;
            else if (r == SG_HOOK_DROP)
                t->keep = 0;
            else if (r == SG_HOOK_SET && !sg_flag_edit_check(&c, &edit, err))
                st = err->status;
            else if (r == SG_HOOK_SET) {
                if (strcmp(edit.kind, t->kind) &&
                    !(t->kind = sg_analysis_intern(a, edit.kind, strlen(edit.kind)))) {
                    sg_caller_fail(&c, err, SG_ERR_MEMORY, 0, "out of memory");
                    st = SG_ERR_MEMORY;
                }
                t->severity = edit.severity;
                t->confidence = edit.confidence;
            }
        }
    }
    /* from the last, so a veto never moves a candidate still to edit */
    for (size_t i = n; st == SG_OK && i-- > 0;) {
        if (!fate[i].keep) {
            memmove(&a->all[i], &a->all[i + 1], (a->nall - i - 1) * sizeof *a->all);
            a->nall--;
            continue;
        }
        a->all[i].kind = fate[i].kind;
        a->all[i].severity = (sg_severity)fate[i].severity;
        a->all[i].confidence = fate[i].confidence;
    }
    free(fate);
    return st;
}

/* ---- rating -------------------------------------------------------------- */

/* A rating a hook returned, its strings copied. */
typedef struct sg_rating_held {
    sg_rating r;
    char *text, *verdict;
} sg_rating_held;

static int sg_rating_hold(sg_rating_held *h, const sg_rating *r)
{
    char *text = sg_hooks_dup(r->text), *verdict = sg_hooks_dup(r->verdict);
    if ((r->text && !text) || (r->verdict && !verdict)) {
        free(text);
        free(verdict);
        return 0;
    }
    free(h->text);
    free(h->verdict);
    h->r = *r;
    h->r.text = h->text = text;
    h->r.verdict = h->verdict = verdict;
    return 1;
}

static int sg_same_num(double x, double y)
{
    return (isnan(x) && isnan(y)) || x == y;
}

/* Set the rating the hooks left, when it is not the analysis' own: its
 * normalized value follows a changed value or scale (or is computed when
 * none was given), and a span outside the input is no span. */
static sg_status sg_rating_apply(sg_analysis *a, const sg_rating *orig, int have,
                                 sg_rating r)
{
    if (!have)
        return orig ? sg_analysis_set_rating(a, NULL) : SG_OK;
    if (!isnan(r.value) && !isnan(r.scale) && r.scale > 0 &&
        (!orig || !sg_same_num(r.value, orig->value) ||
         !sg_same_num(r.scale, orig->scale) || isnan(r.normalized)))
        r.normalized = r.value / r.scale;
    if (r.end > a->doc.len || r.start > r.end)
        r.start = r.end = 0;
    if (orig && sg_same_str(r.text, orig->text) &&
        sg_same_str(r.verdict, orig->verdict) && sg_same_num(r.value, orig->value) &&
        sg_same_num(r.scale, orig->scale) &&
        sg_same_num(r.normalized, orig->normalized) && r.start == orig->start &&
        r.end == orig->end)
        return SG_OK;
    return sg_analysis_set_rating(a, &r);
}

static sg_status sg_run_rating(sg_analysis *a, sg_error *err)
{
    const sg_engine *e = a->engine;
    size_t nhooks = e->nhooks;
    if (!sg_hooks_any(e, SG_STAGE_RATING))
        return SG_OK;
    const sg_rating *found = sg_analysis_rating(a);
    sg_rating orig = found ? *found : (sg_rating){0};
    sg_rating_held cur = {orig, NULL, NULL};
    int have = found != NULL;
    sg_status st = SG_OK;
    if (have && !sg_rating_hold(&cur, &orig))
        st = SG_ERR_MEMORY;
    for (size_t k = 0; k < nhooks && st == SG_OK; k++) {
        sg_hooks h = e->hooks[k];
        if (!h.rating)
            continue;
        sg_caller c = {SG_STAGE_RATING, NULL, h.source};
        sg_rating out = have ? cur.r : (sg_rating){0, 0, NULL, NAN, NAN, NAN, NULL};
        sg_caller_clear(err);
        int r = sg_caller_result(
            &c, h.rating(a, have ? &cur.r : NULL, &out, err, h.userdata),
            1u << SG_HOOK_KEEP | 1u << SG_HOOK_SET | 1u << SG_HOOK_DROP, err);
        if (r < 0) {
            st = err->status;
        } else if (r == SG_HOOK_DROP) {
            have = 0;
        } else if (r == SG_HOOK_SET && !out.text) {
            sg_caller_fail(&c, err, SG_ERR_HOOK, 1,
                           "a rating needs text (a string such as \"7/10\")");
            st = err->status;
        } else if (r == SG_HOOK_SET) {
            if (!sg_rating_hold(&cur, &out))
                st = SG_ERR_MEMORY;
            have = 1;
        }
    }
    if (st == SG_OK)
        st = sg_rating_apply(a, found ? &orig : NULL, have, cur.r);
    if (st == SG_ERR_MEMORY)
        sg_set_error(err, st, "hook 'rating': cannot set the rating");
    free(cur.text);
    free(cur.verdict);
    return st;
}

sg_status sg_hooks_analysis(sg_analysis *a, sg_error *err)
{
    const sg_engine *e = a->engine;
    if (!e->nhooks && !e->ncustom)
        return SG_OK;
    sg_error local;
    if (!err)
        err = &local;
    sg_status st = sg_run_document(a, err);
    if (st == SG_OK)
        st = sg_run_sentences(a, err);
    if (st == SG_OK)
        st = sg_run_flags(a, err);
    if (st == SG_OK)
        st = sg_run_rating(a, err);
    if (st != SG_OK)
        return st;
    sg_caller_clear(err);
    sg_analysis_finish(a);
    return SG_OK;
}

/* ---- warning, badge, publish --------------------------------------------- */

/* Run the hooks of `stage` on the text `*text` (`*len` bytes, owned): a
 * replacement takes its place (a new owned copy), DROP (where `drop`) makes
 * it empty. */
static sg_status sg_run_text(const sg_analysis *a, sg_stage stage, char **text,
                             size_t *len, sg_error *err)
{
    const sg_engine *e = a->engine;
    unsigned allowed = 1u << SG_HOOK_KEEP | 1u << SG_HOOK_SET;
    if (stage != SG_STAGE_PUBLISH)
        allowed |= 1u << SG_HOOK_DROP;
    for (size_t k = 0, n = e->nhooks; k < n; k++) {
        sg_hooks h = e->hooks[k];
        int (*fn)(const sg_analysis *, sg_markup *, sg_error *, void *) =
            stage == SG_STAGE_WARNING ? h.warning
            : stage == SG_STAGE_BADGE ? h.badge
                                      : h.publish;
        if (!fn)
            continue;
        sg_caller c = {stage, NULL, h.source};
        sg_markup m = {*text, *len};
        sg_caller_clear(err);
        int r = sg_caller_result(&c, fn(a, &m, err, h.userdata), allowed, err);
        if (r < 0)
            return err->status;
        if (r == SG_HOOK_KEEP)
            continue;
        if (r == SG_HOOK_DROP)
            m.len = 0;
        char *copy = malloc(m.len + 1);
        if (!copy) {
            sg_caller_fail(&c, err, SG_ERR_MEMORY, 0, "out of memory");
            return SG_ERR_MEMORY;
        }
        if (m.len)
            memcpy(copy, m.text, m.len);
        copy[m.len] = '\0';
        free(*text);
        *text = copy;
        *len = m.len;
    }
    return SG_OK;
}

/* The warning or badge hooks: their markup replaces spoilerguard's. */
static sg_status sg_run_markup(sg_analysis *a, sg_stage stage, sg_error *err)
{
    const char *what = sg_stage_names[stage];
    if (!sg_hooks_any(a->engine, stage))
        return SG_OK;
    size_t len = 0;
    char *markup = sg_analysis_markup(a, what, &len);
    if (!markup)
        return SG_OK; /* nothing would be inserted: nothing to replace */
    char *def = sg_strndup(markup, len);
    size_t def_len = len;
    sg_status st = def ? sg_run_text(a, stage, &markup, &len, err) : SG_ERR_MEMORY;
    if (st == SG_OK && (len != def_len || memcmp(markup, def, len)) &&
        sg_analysis_set_markup(a, what, markup, len) != SG_OK)
        st = SG_ERR_MEMORY;
    if (st == SG_ERR_MEMORY)
        sg_set_error(err, st, "hook '%s': cannot set the markup", what);
    free(markup);
    free(def);
    return st;
}

char *sg_annotate(sg_analysis *a, size_t *out_len, sg_error *err)
{
    sg_error local;
    if (!err)
        err = &local;
    sg_caller_clear(err);
    if (!a) {
        sg_set_error(err, SG_ERR_USAGE, "sg_annotate: no analysis");
        return NULL;
    }
    if (sg_run_markup(a, SG_STAGE_WARNING, err) != SG_OK ||
        sg_run_markup(a, SG_STAGE_BADGE, err) != SG_OK)
        return NULL;
    size_t len = 0;
    char *out = sg_render(a, &len, err);
    if (out && sg_hooks_any(a->engine, SG_STAGE_PUBLISH) &&
        sg_run_text(a, SG_STAGE_PUBLISH, &out, &len, err) != SG_OK) {
        free(out);
        return NULL;
    }
    if (out && out_len)
        *out_len = len;
    return out;
}
