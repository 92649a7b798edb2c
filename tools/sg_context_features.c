/* sg-context-features: the context stage's feature rows of each sentence of
 * some posts, as the trainer of the context model reads them.
 *
 *   sg-context-features [--model FILE] [--sentences] FORMAT FILE [FORMAT FILE ...]
 *
 * --model FILE scores the sentences with that model (sg-train --out) instead
 * of the built-in one, so a model fitted without a post can be tried on it;
 * --sentences adds two last columns, JSON-escaped: the text of the heading
 * the sentence stands under (empty before the first) and the sentence's.
 * FORMAT is plain, markdown or html.  Output: a header line naming the
 * columns, then one tab-separated line per sentence: the file, the
 * sentence's input span (start, end) and its features, computed by the
 * library's own sg_context_row (plugin/detect/sg_context.c), so the model is
 * fitted on exactly what runs. */
#include "sg_internal.h"
#include "sg_score.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    sg_error err;
    sg_model model;
    int have_model = 0, texts = 0, first = 1;
    while (first < argc && !strncmp(argv[first], "--", 2)) {
        if (!strcmp(argv[first], "--sentences")) {
            texts = 1;
            first++;
        } else if (!strcmp(argv[first], "--model") && first + 1 < argc) {
            if (sg_model_load(argv[first + 1], &model, &err) != SG_OK) {
                fprintf(stderr, "%s\n", err.message);
                return 2;
            }
            have_model = 1;
            first += 2;
        } else
            break;
    }
    if (argc - first < 2 || (argc - first) % 2) {
        fprintf(stderr, "usage: %s [--model FILE] [--sentences] FORMAT FILE [FORMAT FILE ...]\n",
                argv[0]);
        return 2;
    }
    sg_engine *e = sg_engine_new(&err);
    if (!e) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    printf("file\tstart\tend");
    for (int i = 0; i < SG_CTX_NFEAT; i++)
        printf("\t%s", sg_context_feature_names[i]);
    printf(texts ? "\theading\ttext\n" : "\n");
    int rc = 0;
    for (int i = first; i + 1 < argc; i += 2) {
        sg_options o;
        sg_options_init(&o);
        o.format = !strcmp(argv[i], "html")       ? SG_FORMAT_HTML
                   : !strcmp(argv[i], "markdown") ? SG_FORMAT_MARKDOWN
                                                  : SG_FORMAT_PLAIN;
        size_t n = 0;
        char *text = sg_read_file(argv[i + 1], &n, &err);
        if (!text) {
            fprintf(stderr, "%s\n", err.message);
            rc = 2;
            continue;
        }
        sg_analysis *a = NULL;
        if (sg_analyze(e, text, n, &o, &a, &err) != SG_OK) {
            fprintf(stderr, "%s: %s\n", argv[i + 1], err.message);
            free(text);
            rc = 2;
            continue;
        }
        if (have_model)
            for (size_t si = 0; si < a->nsentences; si++) {
                const sg_sentence *s = &a->sentences[si];
                a->evidence[si].model = sg_score_with(&model, a->doc.view.data + s->view_start,
                                                      s->view_end - s->view_start);
            }
        sg_context cx;
        if (!sg_context_prepare(a, a->evidence, &cx)) {
            fprintf(stderr, "out of memory\n");
            return 2;
        }
        double x[SG_CTX_NFEAT];
        for (size_t si = 0; si < a->nsentences; si++) {
            sg_context_row(a, a->evidence, &cx, si, x);
            printf("%s\t%zu\t%zu", argv[i + 1], a->sentences[si].start, a->sentences[si].end);
            for (int k = 0; k < SG_CTX_NFEAT; k++)
                printf("\t%.6g", x[k]);
            if (texts) {
                const sg_sentence *s = &a->sentences[si];
                size_t h = s->block + 1;
                while (h > 0 && a->doc.blocks[h - 1].kind != SG_BLOCK_HEADING)
                    h--;
                sg_buf b;
                sg_buf_init(&b);
                if (h > 0 && h - 1 != s->block)
                    sg_buf_put_json(&b, a->doc.view.data + a->doc.blocks[h - 1].view_start,
                                    a->doc.blocks[h - 1].view_len);
                sg_buf_putc(&b, '\t');
                sg_buf_put_json(&b, a->doc.view.data + s->view_start, s->view_end - s->view_start);
                printf("\t%.*s", (int)b.len, b.data ? b.data : "");
                sg_buf_free(&b);
            }
            printf("\n");
        }
        sg_context_free(&cx);
        sg_analysis_free(a);
        free(text);
    }
    sg_engine_free(e);
    if (have_model)
        sg_model_free(&model);
    return rc;
}
