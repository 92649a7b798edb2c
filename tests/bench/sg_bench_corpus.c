/* sg_bench_corpus.c -- build benchmark inputs from the shared corpus.
 *
 * Review-like articles are put together from the TV Tropes sentences and the
 * seed reviews' paragraphs (a title line, paragraphs, a rating line), with a
 * fixed pseudo-random sequence so every run builds the same bytes.  Nothing
 * here is copied into the project: the files go into the build directory.
 *
 * usage: sg-bench-corpus CORPUS_DIR MODE SIZE OUT
 *   jsonl BYTES       articles as JSON Lines {"id","text"} until BYTES
 *   articles N        N articles as JSON Lines
 *   plain BYTES       articles one after another as one plain text file
 *   article BYTES     one JSON Lines record holding one article of BYTES
 *   line BYTES        one line of sentences with no line break
 *   sentence BYTES    one sentence: words and commas, no full stop
 *   deep DEPTH        HTML nested DEPTH <div>s deep around a paragraph
 *   flags N           N sentences that each tell a death or an ending
 *   names N           N distinct characters, each with an actor
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sg_strs {
    char **v;
    size_t n, cap;
} sg_strs;

static void sg_die(const char *what)
{
    fprintf(stderr, "sg-bench-corpus: %s\n", what);
    exit(2);
}

static void sg_strs_push(sg_strs *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v)
            sg_die("out of memory");
    }
    s->v[s->n++] = p;
}

static char *sg_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap && !(buf = realloc(buf, (cap *= 2) + 1)))
            sg_die("out of memory");
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The first CSV field of each record (quoted fields may hold "" and line
 * breaks); the header record is skipped. */
static void sg_read_csv_sentences(const char *path, sg_strs *out)
{
    size_t len;
    char *s = sg_slurp(path, &len);
    if (!s)
        return;
    size_t i = 0;
    int header = 1;
    while (i < len) {
        char *field = malloc(len - i + 1);
        size_t fn = 0;
        if (s[i] == '"') {
            i++;
            while (i < len) {
                if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
                    field[fn++] = '"';
                    i += 2;
                } else if (s[i] == '"') {
                    i++;
                    break;
                } else {
                    field[fn++] = s[i++];
                }
            }
        } else {
            while (i < len && s[i] != ',' && s[i] != '\n')
                field[fn++] = s[i++];
        }
        /* skip the other fields of the record */
        int q = 0;
        while (i < len && (q || s[i] != '\n')) {
            if (s[i] == '"')
                q = !q;
            i++;
        }
        i++;
        /* collapse the corpus' runs of spaces and newlines to one space */
        size_t w = 0;
        for (size_t k = 0; k < fn; k++) {
            char c = field[k] == '\n' || field[k] == '\r' ? ' ' : field[k];
            if (c == ' ' && (w == 0 || field[w - 1] == ' '))
                continue;
            field[w++] = c;
        }
        while (w && field[w - 1] == ' ')
            w--;
        field[w] = '\0';
        if (header || w < 8)
            free(field);
        else
            sg_strs_push(out, field);
        header = 0;
    }
    free(s);
}

/* Paragraphs (blank-line separated) of a seed review, lines joined. */
static void sg_read_seed_paragraphs(const char *path, sg_strs *out)
{
    size_t len;
    char *s = sg_slurp(path, &len);
    if (!s)
        return;
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == '\n' || s[i] == '\r'))
            i++;
        size_t start = i;
        while (i < len && !(s[i] == '\n' && i + 1 < len && s[i + 1] == '\n'))
            i++;
        size_t n = i - start;
        if (n >= 80) { /* prose, not menus */
            char *p = malloc(n + 1);
            for (size_t k = 0; k < n; k++)
                p[k] = s[start + k] == '\n' ? ' ' : s[start + k];
            p[n] = '\0';
            sg_strs_push(out, p);
        }
    }
    free(s);
}

static uint64_t sg_rng = 0x9E3779B97F4A7C15ull;

static size_t sg_rand(size_t n)
{
    sg_rng ^= sg_rng << 13;
    sg_rng ^= sg_rng >> 7;
    sg_rng ^= sg_rng << 17;
    return n ? (size_t)(sg_rng % n) : 0;
}

typedef struct sg_text {
    char *p;
    size_t n, cap;
} sg_text;

static void sg_put(sg_text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        while (t->n + n + 1 > t->cap)
            t->cap = t->cap ? t->cap * 2 : 4096;
        if (!(t->p = realloc(t->p, t->cap)))
            sg_die("out of memory");
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = '\0';
}

static void sg_puts(sg_text *t, const char *s) { sg_put(t, s, strlen(s)); }

static sg_strs sg_sentences, sg_seeds;

/* One article of at least `min_bytes` (a usual review is 2-5 KB). */
static void sg_article(sg_text *t, size_t no, size_t min_bytes)
{
    static const char *const titles[] = {"Review", "Film review", "TV review",
                                         "Recap", "Season review"};
    char line[256];
    snprintf(line, sizeof line, "%s: Feature %zu (%zu)\n\n",
             titles[sg_rand(5)], no, (size_t)1990 + sg_rand(35));
    sg_puts(t, line);
    size_t start = t->n;
    size_t paragraphs = 4 + sg_rand(6);
    for (size_t p = 0; p < paragraphs || t->n - start < min_bytes; p++) {
        if (sg_seeds.n && sg_rand(6) == 0) {
            sg_puts(t, sg_seeds.v[sg_rand(sg_seeds.n)]);
        } else {
            size_t k = 3 + sg_rand(5);
            for (size_t i = 0; i < k; i++) {
                if (i)
                    sg_puts(t, " ");
                sg_puts(t, sg_sentences.v[sg_rand(sg_sentences.n)]);
            }
        }
        sg_puts(t, "\n\n");
    }
    snprintf(line, sizeof line, "Rating: %zu/10\n", 1 + sg_rand(10));
    sg_puts(t, line);
}

static void sg_put_json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void sg_jsonl_record(FILE *f, size_t no, const sg_text *t)
{
    fprintf(f, "{\"id\":\"a%06zu\",\"text\":", no);
    sg_put_json_string(f, t->p, t->n);
    fputs("}\n", f);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: sg-bench-corpus CORPUS_DIR "
                        "jsonl|articles|plain|article|line|sentence|deep|flags|names SIZE OUT\n");
        return 2;
    }
    const char *dir = argv[1], *mode = argv[2], *outp = argv[4];
    char *end;
    errno = 0;
    unsigned long long size = strtoull(argv[3], &end, 10);
    if (errno || *end || !size)
        sg_die("SIZE must be a positive whole number");

    char path[4096];
    static const char *const csvs[] = {"train", "dev1", "dev2"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/tvtropes/%s.balanced.csv", dir, csvs[i]);
        sg_read_csv_sentences(path, &sg_sentences);
    }
    static const char *const seeds[] = {"ballerina-411mania", "ballerina-butwhytho",
                                        "ballerina-scmp", "ballerina-user-review"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/seeds/%s.txt", dir, seeds[i]);
        sg_read_seed_paragraphs(path, &sg_seeds);
    }
    if (sg_sentences.n < 100) {
        fprintf(stderr, "sg-bench-corpus: no corpus under %s (tvtropes/*.csv)\n", dir);
        return 77;
    }

    FILE *f = fopen(outp, "wb");
    if (!f)
        sg_die("cannot open the output file");
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    sg_text t = {0};
    size_t written = 0;
    if (!strcmp(mode, "jsonl") || !strcmp(mode, "articles")) {
        int by_count = !strcmp(mode, "articles");
        for (size_t no = 1; by_count ? no <= size : written < size; no++) {
            t.n = 0;
            sg_article(&t, no, 0);
            long before = ftell(f);
            sg_jsonl_record(f, no, &t);
            written += (size_t)(ftell(f) - before);
        }
    } else if (!strcmp(mode, "plain")) {
        for (size_t no = 1; written < size; no++) {
            t.n = 0;
            sg_article(&t, no, 0);
            sg_puts(&t, "\n");
            fwrite(t.p, 1, t.n, f);
            written += t.n;
        }
    } else if (!strcmp(mode, "article")) {
        sg_article(&t, 1, (size_t)size);
        sg_jsonl_record(f, 1, &t);
    } else if (!strcmp(mode, "line") || !strcmp(mode, "sentence")) {
        int one_sentence = !strcmp(mode, "sentence");
        while (written < size) {
            const char *s = sg_sentences.v[sg_rand(sg_sentences.n)];
            for (const char *p = s; *p; p++) {
                char c = *p;
                if (one_sentence && (c == '.' || c == '!' || c == '?' || c == ';' ||
                                     c == ':' || c == '"'))
                    c = ',';
                fputc(c, f);
            }
            fputc(' ', f);
            written += strlen(s) + 1;
        }
        if (!one_sentence)
            fputc('\n', f);
    } else if (!strcmp(mode, "deep")) {
        fputs("<!DOCTYPE html><html><body>", f);
        for (size_t i = 0; i < size; i++)
            fputs("<div>", f);
        fputs("<p>In the end the hero dies.</p>", f);
        for (size_t i = 0; i < size; i++)
            fputs("</div>", f);
        fputs("</body></html>\n", f);
    } else if (!strcmp(mode, "names")) {
        /* N distinct characters, each introduced with an actor and named
         * again: the cast grows with the article */
        fputs("Review: Many names (2024)\n\n", f);
        for (size_t i = 0; i < size; i++) {
            char a[8], b[8];
            size_t x = i;
            for (int k = 0; k < 4; k++, x /= 26) {
                a[k] = (char)('a' + x % 26);
                b[k] = (char)('a' + (x * 7 + 3) % 26);
            }
            a[4] = b[4] = '\0';
            fprintf(f, "Mar%s Vel%s (Tor%s Quin%s) meets the others, and Mar%s Vel%s "
                       "stays calm.%s",
                    a, b, b, a, a, b, i % 6 == 5 ? "\n\n" : " ");
        }
        fputs("\nRating: 3/5\n", f);
    } else if (!strcmp(mode, "flags")) {
        static const char *const spoilers[] = {
            "In the end, the detective kills the mayor.",
            "Her mother dies in the third act.",
            "The twist is that the narrator was dead all along.",
            "It turns out the butler murdered him.",
            "The finale reveals that the doctor is the killer."};
        fputs("Review: Many flags (2024)\n\n", f);
        for (size_t i = 0; i < size; i++) {
            fputs(spoilers[i % 5], f);
            fputc(i % 8 == 7 ? '\n' : ' ', f);
            if (i % 8 == 7)
                fputc('\n', f);
        }
        fputs("\nRating: 3/5\n", f);
    } else {
        sg_die("unknown MODE");
    }
    if (fclose(f) != 0)
        sg_die("cannot write the output file");
    return 0;
}
