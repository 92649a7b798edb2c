/*
 * fuzz_read.c -- one reader (built once per format: SG_FUZZ_FORMAT is
 * SG_FORMAT_PLAIN, SG_FORMAT_MARKDOWN or SG_FORMAT_HTML) through sg_doc_read
 * with that format fixed, then sentence segmentation of every article block.
 *
 * Properties: the reader either succeeds or gives a clear input error (too
 * deep); every block, piece, skipped range, mark and earlier-run chunk lies
 * inside the input; exact pieces hold the input's own bytes; view offsets map
 * back into the input in order; sentences come in order, inside their block,
 * trimmed, and leave out no ASCII non-space byte.
 */
#include "sg_fuzz.h"
#include "sg_internal.h"

#ifndef SG_FUZZ_FORMAT
#error "SG_FUZZ_FORMAT must name the reader's format"
#endif

typedef struct sg_fz_seg {
    const char *text;
    size_t n;
    size_t last_end;
    size_t count;
} sg_fz_seg;

static int sg_fz_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void sg_fz_on_sentence(void *ctx, size_t start, size_t end)
{
    sg_fz_seg *s = ctx;
    SG_FUZZ_CHECK(start < end && end <= s->n,
                  "sentence [%zu, %zu) outside its block of %zu bytes", start, end,
                  s->n);
    SG_FUZZ_CHECK(start >= s->last_end, "sentence at %zu overlaps the one ending at %zu",
                  start, s->last_end);
    SG_FUZZ_CHECK(!sg_fz_ascii_space((unsigned char)s->text[start]) &&
                      !sg_fz_ascii_space((unsigned char)s->text[end - 1]),
                  "sentence [%zu, %zu) is not trimmed", start, end);
    /* the gap since the last sentence holds whitespace only */
    for (size_t i = s->last_end; i < start; i++)
        SG_FUZZ_CHECK(sg_fz_ascii_space((unsigned char)s->text[i]) ||
                          (unsigned char)s->text[i] >= 0x80,
                      "byte %zu (0x%02x) between sentences belongs to none", i,
                      (unsigned char)s->text[i]);
    s->last_end = end;
    s->count++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    sg_doc doc;
    sg_error err;
    memset(&err, 0, sizeof err);
    sg_status st = sg_doc_read(&doc, src, size, SG_FUZZ_FORMAT, 1024, &err);
    if (st != SG_OK) {
        SG_FUZZ_CHECK(st == SG_ERR_INPUT || st == SG_ERR_MEMORY,
                      "reader failed with status %d: %s", (int)st, err.message);
        SG_FUZZ_CHECK(err.message[0] != '\0', "reader failed with no message");
        sg_doc_free(&doc);
        return 0;
    }
    const size_t vlen = doc.view.len;
    for (size_t i = 0; i < doc.npieces; i++) {
        const sg_piece *p = &doc.pieces[i];
        SG_FUZZ_CHECK(p->src <= size && p->src_len <= size - p->src,
                      "piece %zu maps to [%zu, +%zu) past the input's %zu bytes", i,
                      p->src, p->src_len, size);
        SG_FUZZ_CHECK(p->view <= vlen && p->len <= vlen - p->view,
                      "piece %zu [%zu, +%zu) past the view's %zu bytes", i, p->view,
                      p->len, vlen);
        if (p->exact)
            SG_FUZZ_CHECK(p->len == p->src_len &&
                              !memcmp(doc.view.data + p->view, src + p->src, p->len),
                          "exact piece %zu does not hold the input's bytes", i);
    }
    for (size_t bi = 0; bi < doc.nblocks; bi++) {
        const sg_block *b = &doc.blocks[bi];
        SG_FUZZ_CHECK(b->start <= b->end && b->end <= size && b->text_start <= size,
                      "block %zu spans [%zu, %zu) (text at %zu) in %zu bytes", bi,
                      b->start, b->end, b->text_start, size);
        SG_FUZZ_CHECK(b->piece_first <= doc.npieces &&
                          b->piece_count <= doc.npieces - b->piece_first,
                      "block %zu has pieces [%zu, +%zu) of %zu", bi, b->piece_first,
                      b->piece_count, doc.npieces);
        SG_FUZZ_CHECK(b->view_start <= vlen && b->view_len <= vlen - b->view_start,
                      "block %zu view [%zu, +%zu) past the view's %zu bytes", bi,
                      b->view_start, b->view_len, vlen);
        SG_FUZZ_CHECK((unsigned)b->why < SG_WHY__COUNT, "block %zu has reason %d", bi,
                      (int)b->why);
        /* view offsets map into the input, start side never past end side */
        size_t prev = 0;
        for (size_t v = 0; v <= b->view_len; v += 1 + b->view_len / 16) {
            size_t s = sg_doc_to_src(&doc, b, b->view_start + v, 0);
            size_t e = sg_doc_to_src(&doc, b, b->view_start + v, 1);
            SG_FUZZ_CHECK(s <= size && e <= size,
                          "block %zu view %zu maps to %zu/%zu past %zu bytes", bi, v, s,
                          e, size);
            SG_FUZZ_CHECK(v == 0 || s >= prev,
                          "block %zu: view %zu maps back to %zu, before %zu", bi, v, s,
                          prev);
            prev = s;
        }
        if (b->why != SG_WHY_ARTICLE || !b->view_len)
            continue;
        sg_fz_seg seg = {doc.view.data + b->view_start, b->view_len, 0, 0};
        sg_segment(seg.text, seg.n, sg_fz_on_sentence, &seg);
        for (size_t i = seg.last_end; i < seg.n; i++)
            SG_FUZZ_CHECK(sg_fz_ascii_space((unsigned char)seg.text[i]) ||
                              (unsigned char)seg.text[i] >= 0x80,
                          "block %zu: byte %zu (0x%02x) after the last sentence belongs "
                          "to none",
                          bi, i, (unsigned char)seg.text[i]);
    }
    for (size_t i = 0; i < doc.nskipped; i++)
        SG_FUZZ_CHECK(doc.skipped[i].start <= doc.skipped[i].end &&
                          doc.skipped[i].end <= size,
                      "skipped range %zu [%zu, %zu) outside %zu bytes", i,
                      doc.skipped[i].start, doc.skipped[i].end, size);
    for (size_t i = 0; i < doc.nmarked; i++)
        SG_FUZZ_CHECK(doc.marked[i].start <= doc.marked[i].end && doc.marked[i].end <= size,
                      "marked range %zu [%zu, %zu) outside %zu bytes", i,
                      doc.marked[i].start, doc.marked[i].end, size);
    for (size_t i = 0; i < doc.nchunks; i++) {
        SG_FUZZ_CHECK(doc.chunks[i].start < doc.chunks[i].end && doc.chunks[i].end <= size,
                      "chunk %zu [%zu, %zu) outside %zu bytes", i, doc.chunks[i].start,
                      doc.chunks[i].end, size);
        SG_FUZZ_CHECK(i == 0 || doc.chunks[i].start >= doc.chunks[i - 1].end,
                      "chunks %zu and %zu overlap", i - 1, i);
    }
    for (size_t i = 0; i < doc.ninl; i++)
        SG_FUZZ_CHECK(doc.inl[i].pos <= size, "inline event %zu at %zu past %zu bytes", i,
                      doc.inl[i].pos, size);
    sg_doc_free(&doc);
    return 0;
}
