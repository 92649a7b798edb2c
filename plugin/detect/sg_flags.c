/* sg_flags.c -- what the detection stages record in an analysis: strings
 * it keeps (rule names, cues, characters) and flags raised on whole
 * sentences (the context stage, hooks' custom rules), one per kind per
 * sentence. */
#include "sg_internal.h"

const char *sg_analysis_intern(sg_analysis *a, const char *s, size_t n)
{
    char *p = sg_strndup(s, n);
    if (!p || !SG_VEC_PUSH(a->strings, a->nstrings, a->cap_strings, p)) {
        free(p);
        return NULL;
    }
    return p;
}

int sg_analysis_put_flag(sg_analysis *a, size_t from, const sg_flag *f)
{
    for (size_t k = from; k < a->nall; k++) {
        sg_flag *same = &a->all[k];
        if (same->start != f->start || strcmp(same->kind, f->kind))
            continue;
        if (f->confidence > same->confidence)
            *same = *f;
        else if (f->severity > same->severity)
            same->severity = f->severity;
        return 1;
    }
    return SG_VEC_PUSH(a->all, a->nall, a->cap_all, *f);
}

int sg_analysis_flag_sentence(sg_analysis *a, const sg_sentence *s, const char *kind,
                              const char *rule, sg_severity severity, double confidence,
                              double model)
{
    sg_flag f;
    memset(&f, 0, sizeof f);
    f.start = f.evidence_start = s->start;
    f.end = f.evidence_end = s->end;
    f.kind = kind;
    f.rule = rule;
    f.cue = "";
    f.severity = severity;
    f.confidence = confidence;
    f.model_score = model;
    f.marked = sg_doc_is_marked(&a->doc, s->start, s->end);
    return SG_VEC_PUSH(a->all, a->nall, a->cap_all, f);
}
