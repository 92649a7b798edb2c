/* test_score.c -- the learned sentence scorer: scores, features, model files,
 * training data readers and training. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sg_internal.h"
#include "sg_score.h"
#include "sg_train.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* ---- helpers ------------------------------------------------------------- */

static uint64_t sg_test_rng = 0x2545F4914F6CDD1DULL;

static uint32_t sg_test_rand(void)
{
    sg_test_rng ^= sg_test_rng << 13;
    sg_test_rng ^= sg_test_rng >> 7;
    sg_test_rng ^= sg_test_rng << 17;
    return (uint32_t)(sg_test_rng >> 16);
}

static double sg_score_s(const char *s) { return sg_score_sentence(s, strlen(s)); }

/* The sorted feature hashes of a text, to compare two texts' features. */
typedef struct sg_test_feats {
    uint32_t h[512];
    size_t n;
} sg_test_feats;

static void sg_test_collect(void *ctx, uint32_t h)
{
    sg_test_feats *f = ctx;
    if (f->n < sizeof f->h / sizeof f->h[0])
        f->h[f->n++] = h;
}

static int sg_test_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void sg_test_features(const char *s, unsigned flags, sg_test_feats *f)
{
    memset(f, 0, sizeof *f);
    size_t n = sg_features(s, strlen(s), flags, sg_test_collect, f);
    assert_int_equal(n, f->n);
    qsort(f->h, f->n, sizeof f->h[0], sg_test_cmp_u32);
}

static int sg_test_same_features(const char *a, const char *b, unsigned flags)
{
    sg_test_feats fa, fb;
    sg_test_features(a, flags, &fa);
    sg_test_features(b, flags, &fb);
    return fa.n == fb.n && memcmp(fa.h, fb.h, fa.n * sizeof fa.h[0]) == 0;
}

static char *sg_test_tmpfile(void)
{
    char *path = strdup("/tmp/sg_test_score_XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    return path;
}

static void sg_test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* ---- scores ---------------------------------------------------------------- */

static void test_score_is_a_probability_for_empty_and_random_bytes(void **state)
{
    (void)state;
    double p = sg_score_sentence("", 0);
    assert_true(p >= 0.0 && p <= 1.0);
    p = sg_score_sentence(NULL, 0);
    assert_true(p >= 0.0 && p <= 1.0);
    char buf[4096];
    for (int round = 0; round < 2000; round++) {
        size_t n = sg_test_rand() % sizeof buf;
        int mode = round % 4;
        for (size_t i = 0; i < n; i++) {
            uint32_t r = sg_test_rand();
            /* all bytes; mostly letters; UTF-8 lead bytes cut short; NULs */
            static const char mix[] = "ab Cd'-\xE2\x80\x99.\xE2\x80";
            if (mode == 0)
                buf[i] = (char)(r & 0xFF);
            else if (mode == 1)
                buf[i] = mix[r % (sizeof mix - 1)];
            else if (mode == 2)
                buf[i] = (char)(0xC2 + (r % 3) * 0x10 + (r >> 8) % 2);
            else
                buf[i] = (char)(r % 5 ? 'a' + r % 26 : 0);
        }
        p = sg_score_sentence(buf, n);
        assert_true(p >= 0.0 && p <= 1.0);
    }
}

static void test_score_stays_a_probability_on_a_huge_input(void **state)
{
    (void)state;
    size_t n = 4u << 20;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++) /* one endless word, then many words */
        big[i] = i < n / 2 ? 'k' : "he dies. "[i % 9];
    double p = sg_score_sentence(big, n);
    assert_true(p >= 0.0 && p <= 1.0);
    free(big);
}

static void test_death_and_ending_sentences_outscore_neutral_review_ones(void **state)
{
    (void)state;
    double neutral = sg_score_s("The cinematography is gorgeous.");
    assert_true(sg_score_s("In the end, he dies saving her.") > neutral + 0.2);
    assert_true(sg_score_s("It turns out the detective was the killer all "
                           "along.") > neutral + 0.2);
    assert_true(sg_score_s("She is killed by her own father in the final "
                           "episode.") > neutral + 0.2);
    assert_true(sg_score_s("I loved the performances.") < 0.5);
    assert_true(sg_score_s("Eventually, Sydney dies.") > 0.5);
}

static void test_default_model_is_usable_and_has_a_threshold(void **state)
{
    (void)state;
    const sg_model *m = &sg_default_model;
    assert_true(m->nnz > 1000);
    assert_true(m->buckets_log2 >= SG_MODEL_MIN_LOG2 &&
                m->buckets_log2 <= SG_MODEL_MAX_LOG2);
    assert_true(m->low_bits >= 1 && m->low_bits <= 8);
    assert_true(sg_score_threshold() > 0.0 && sg_score_threshold() < 1.0);
    const char *s = "He dies at the end.";
    assert_true(sg_score_with(NULL, s, strlen(s)) ==
                sg_score_sentence(s, strlen(s)));
}

/* ---- features -------------------------------------------------------------- */

static void test_features_ignore_case_of_words_and_curly_apostrophes(void **state)
{
    (void)state;
    assert_true(sg_test_same_features("HE DIDN'T DIE", "he didn't die",
                                      SG_FEAT_UNIGRAM | SG_FEAT_BIGRAM));
    assert_true(sg_test_same_features("she didn\xE2\x80\x99t die",
                                      "she didn't die", SG_FEAT_DEFAULT));
    assert_false(sg_test_same_features("she dies", "she lives",
                                       SG_FEAT_DEFAULT));
}

static void test_features_ignore_whitespace_runs_and_punctuation_spacing(void **state)
{
    (void)state;
    /* Spacing left over from stripped markup says nothing about the story. */
    assert_true(sg_test_same_features("He dies  at   the end .",
                                      "He dies at the end.", SG_FEAT_DEFAULT));
    assert_true(sg_test_same_features("\tHe dies\n", "He dies",
                                      SG_FEAT_DEFAULT));
}

static void test_features_keep_intra_word_hyphens_and_apostrophes(void **state)
{
    (void)state;
    /* "Ok-ju" is one word, "Ok - ju" two. */
    assert_false(sg_test_same_features("Ok-ju wins", "Ok ju wins",
                                       SG_FEAT_UNIGRAM));
    assert_true(sg_test_same_features("Ok - ju wins", "Ok ju wins",
                                      SG_FEAT_UNIGRAM));
    assert_true(sg_test_same_features("'tis -", "tis", SG_FEAT_UNIGRAM));
}

static void test_features_count_is_linear_and_flags_select_them(void **state)
{
    (void)state;
    sg_test_feats f;
    sg_test_features("he dies", SG_FEAT_UNIGRAM, &f);
    assert_int_equal(f.n, 2);
    sg_test_features("he dies", SG_FEAT_UNIGRAM | SG_FEAT_BIGRAM, &f);
    assert_int_equal(f.n, 2 + 3); /* <s> he, he dies, dies </s> */
    sg_test_features("", SG_FEAT_DEFAULT, &f);
    assert_true(f.n > 0); /* shape and "no cue" features still fire */
    sg_test_features("he dies", 0, &f);
    assert_int_equal(f.n, 0);
}

static void test_cue_families_cover_deaths_endings_reveals_and_voice(void **state)
{
    (void)state;
    assert_true(sg_cue_families("Killed", 6) & SG_CUE_DEATH);
    assert_true(sg_cue_families("suicide", 7) & SG_CUE_DEATH);
    assert_true(sg_cue_families("eventually", 10) & SG_CUE_END);
    assert_true(sg_cue_families("betrays", 7) & SG_CUE_REVEAL);
    assert_true(sg_cue_families("married", 7) & SG_CUE_RELATION);
    assert_true(sg_cue_families("wouldn't", 8) & SG_CUE_NEGATION);
    assert_true(sg_cue_families("maybe", 5) & SG_CUE_HYPOTHETICAL);
    assert_true(sg_cue_families("performance", 11) & SG_CUE_REVIEW);
    assert_true(sg_cue_families("She", 3) & SG_CUE_PRONOUN);
    assert_int_equal(sg_cue_families("cinematography", 14), 0);
    assert_int_equal(sg_cue_families("", 0), 0);
    assert_int_equal(sg_cue_families(NULL, 3), 0);
}

static void test_cue_vocabulary_is_sorted_and_every_word_is_found(void **state)
{
    (void)state;
    const char *prev = NULL, *w;
    unsigned fam;
    size_t i = 0;
    for (; (w = sg_cue_word(i, &fam)) != NULL; i++) {
        if (prev)
            assert_true(strcmp(prev, w) < 0);
        assert_int_equal(sg_cue_families(w, strlen(w)), fam);
        prev = w;
    }
    assert_true(i > 100);
}

/* ---- model files ------------------------------------------------------------ */

static void sg_test_tiny_model(sg_model *m)
{
    sg_dense d;
    sg_error err;
    assert_int_equal(sg_dense_init(&d, 12, SG_FEAT_DEFAULT, &err), SG_OK);
    for (size_t i = 0; i < 4096; i += 7)
        d.w[i] = (float)((int)(i % 23) - 11) / 7.0f;
    d.bias = -0.25;
    assert_int_equal(sg_model_from_dense(&d, 300, 0.4, m, &err), SG_OK);
    assert_int_equal(m->nnz, 300);
    sg_dense_free(&d);
}

/* A bucket's stored weight, read from the model's groups as stored (never
 * from the flat table scoring uses). */
static double sg_test_stored_weight(const sg_model *m, uint32_t b)
{
    uint32_t g = b >> m->low_bits;
    unsigned lo = b & ((1u << m->low_bits) - 1);
    for (uint32_t a = m->group[g]; a < m->group[g + 1]; a++)
        if (m->low[a] == lo)
            return m->scale * m->q[a];
    return 0;
}

/* A model's score, summed feature by feature from its stored weights. */
static double sg_test_reference_score(const sg_model *m, const char *s)
{
    sg_test_feats f;
    sg_test_features(s, m->flags, &f);
    double sum = 0;
    uint32_t mask = (uint32_t)((1ull << m->buckets_log2) - 1);
    for (size_t i = 0; i < f.n; i++)
        sum += sg_test_stored_weight(m, f.h[i] & mask);
    if ((m->flags & SG_FEAT_NORM) && f.n)
        sum /= sqrt((double)f.n);
    return 1.0 / (1.0 + exp(-(m->bias + sum)));
}

/* Models up to 2^20 buckets score through a flat table, larger ones through
 * their groups: both give the sum of the stored weights. */
static void test_small_and_large_models_score_their_stored_weights(void **state)
{
    (void)state;
    static const unsigned sizes[] = {12, 21};
    const char *s[] = {"He dies in the end.", "The score is lovely, and Mara's sister lies.",
                       "It turns out she was the killer all along!", ""};
    for (size_t k = 0; k < 2; k++) {
        sg_dense d;
        sg_error err;
        assert_int_equal(sg_dense_init(&d, sizes[k], SG_FEAT_DEFAULT, &err), SG_OK);
        size_t nb = (size_t)1 << sizes[k];
        uint64_t r = 12345;
        for (size_t i = 0; i < nb; i++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            d.w[i] = (float)((int)(r >> 59) - 16) / 9.0f;
        }
        d.bias = 0.125;
        sg_model m;
        assert_int_equal(sg_model_from_dense(&d, nb / 2, 0.5, &m, &err), SG_OK);
        for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
            double got = sg_score_with(&m, s[i], strlen(s[i]));
            double want = sg_test_reference_score(&m, s[i]);
            if (fabs(got - want) > 1e-9)
                fail_msg("2^%u buckets, '%s': score %.12f, stored weights give %.12f",
                         sizes[k], s[i], got, want);
        }
        sg_model_free(&m);
        sg_dense_free(&d);
    }
}

static void test_model_save_and_load_round_trip(void **state)
{
    (void)state;
    sg_model m, back;
    sg_error err;
    sg_test_tiny_model(&m);
    char *path = sg_test_tmpfile();
    assert_int_equal(sg_model_save(&m, path, &err), SG_OK);
    assert_int_equal(sg_model_load(path, &back, &err), SG_OK);
    assert_int_equal(back.buckets_log2, m.buckets_log2);
    assert_int_equal(back.flags, m.flags);
    assert_int_equal(back.nnz, m.nnz);
    assert_true(back.bias == m.bias && back.scale == m.scale &&
                back.threshold == m.threshold);
    for (uint32_t b = 0; b < 4096; b++)
        assert_true(sg_model_weight(&m, b) == sg_model_weight(&back, b));
    const char *s[] = {"He dies.", "The score is lovely", "", "\xFF\x00x"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = i == 3 ? 3 : strlen(s[i]);
        assert_true(sg_score_with(&m, s[i], n) == sg_score_with(&back, s[i], n));
    }
    sg_model_free(&back);
    sg_model_free(&m);
    unlink(path);
    free(path);
}

static void test_model_load_names_the_line_of_a_bad_file(void **state)
{
    (void)state;
    static const struct {
        const char *text, *needle;
    } bad[] = {
        {"not a model\n", ":1:"},
        {"spoilerguard-model 1\nbuckets_log2 99\n", ":2:"},
        {"spoilerguard-model 1\nbuckets_log2 10\nflags 7\nbias 0\nscale 0.1\n"
         "nnz 2\n5 3\n4 2\n", ":8:"},
        {"spoilerguard-model 1\nbuckets_log2 10\nflags 7\nbias 0\nscale 0.1\n"
         "nnz 1\n5 300\n", ":7:"},
        {"spoilerguard-model 1\nbuckets_log2 10\nflags 7\nbias 0\nscale 0.1\n"
         "nnz 3\n1 1\n", "announced"},
        {"spoilerguard-model 1\nbuckets_log2 10\nflags 7\nbias 0\nscale 0.1\n"
         "nnz 1\n1024 1\n", ":7:"},
        {"spoilerguard-model 1\nbuckets_log2 10\nflags 7\nbias nan\n", ":4:"},
        {"spoilerguard-model 1\nnnz 0\n", ":2:"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sg_model m;
        sg_error err = {SG_OK, ""};
        assert_int_equal(sg_model_load_mem(bad[i].text, strlen(bad[i].text), &m,
                                           &err),
                         SG_ERR_USAGE);
        if (!strstr(err.message, bad[i].needle))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message,
                     bad[i].needle);
        assert_null(m.owned);
    }
    sg_model m;
    sg_error err;
    assert_int_equal(sg_model_load("/nonexistent/x.model", &m, &err),
                     SG_ERR_USAGE);
    assert_non_null(strstr(err.message, "/nonexistent/x.model"));
}

static void test_model_c_source_is_generated_with_a_safe_comment(void **state)
{
    (void)state;
    sg_model m;
    sg_error err;
    sg_test_tiny_model(&m);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(sg_model_write_c(&m, f, "trained on a.csv */ oops\nline 2",
                                      &err),
                     SG_OK);
    fclose(f);
    assert_non_null(strstr(buf, "const sg_model sg_default_model = {"));
    assert_non_null(strstr(buf, ".nnz = 300,"));
    assert_non_null(strstr(buf, " * line 2\n"));
    /* the only comment terminator is the one closing the header comment */
    char *end = strstr(buf, "*/");
    assert_non_null(end);
    assert_null(strstr(end + 2, "*/"));
    assert_non_null(strstr(end, "#include \"sg_score.h\""));
    free(buf);
    sg_model_free(&m);
}

/* ---- training data ----------------------------------------------------------- */

static void test_csv_reader_handles_quotes_commas_and_embedded_newlines(void **state)
{
    (void)state;
    const char *csv =
        "\xEF\xBB\xBFid,Spoiler,Sentence,extra\r\n"
        "1,True,\"He said \"\"run\"\", and died.\",x\r\n"
        "2,false,plain text here,\"a,b\"\n"
        "\n"
        "3,1,\"two\nlines, one field\",\"multi\nline\nextra\"\n"
        "4,0,,\n"
        "5,yes,\"quoted\"tail,y";
    sg_dataset d = {0};
    sg_error err;
    assert_int_equal(sg_dataset_read_csv(&d, csv, strlen(csv), "t.csv", &err),
                     SG_OK);
    assert_int_equal(d.n, 5);
    assert_string_equal(d.ex[0].text, "He said \"run\", and died.");
    assert_int_equal(d.ex[0].label, 1);
    assert_string_equal(d.ex[1].text, "plain text here");
    assert_int_equal(d.ex[1].label, 0);
    assert_string_equal(d.ex[2].text, "two\nlines, one field");
    assert_int_equal(d.ex[2].label, 1);
    assert_string_equal(d.ex[3].text, "");
    assert_int_equal(d.ex[3].label, 0);
    assert_string_equal(d.ex[4].text, "quotedtail");
    assert_int_equal(d.ex[4].label, 1);
    sg_dataset_free(&d);
}

static void test_csv_reader_reports_bad_input_with_file_and_line(void **state)
{
    (void)state;
    sg_dataset d = {0};
    sg_error err;
    const char *nolabel = "sentence,other\nx,y\n";
    assert_int_equal(sg_dataset_read_csv(&d, nolabel, strlen(nolabel), "a.csv",
                                         &err),
                     SG_ERR_USAGE);
    assert_non_null(strstr(err.message, "a.csv:1:"));
    const char *badlabel = "sentence,spoiler\nx,True\n\"y\nz\",maybe\n";
    assert_int_equal(sg_dataset_read_csv(&d, badlabel, strlen(badlabel),
                                         "b.csv", &err),
                     SG_ERR_USAGE);
    assert_non_null(strstr(err.message, "b.csv:3:"));
    const char *open = "sentence,spoiler\n\"never closed,True\n";
    assert_int_equal(sg_dataset_read_csv(&d, open, strlen(open), "c.csv", &err),
                     SG_ERR_USAGE);
    assert_non_null(strstr(err.message, "c.csv:2:"));
    sg_dataset_free(&d);
}

static void test_jsonl_reader_accepts_text_and_label_forms(void **state)
{
    (void)state;
    const char *jl =
        "{\"text\": \"caf\\u00e9 \\\"quoted\\\" \\ud83d\\ude00\", \"label\": true}\n"
        "\r\n"
        "{\"id\": 7, \"meta\": {\"a\": [1, {\"b\": \"}\"}]}, \"sentence\": \"x\","
        " \"spoiler\": 0}\r\n"
        "{\"label\": \"False\", \"text\": \"y\\nz\"}\n"
        "{\"text\":\"w\",\"spoiler\":1}";
    sg_dataset d = {0};
    sg_error err;
    assert_int_equal(sg_dataset_read_jsonl(&d, jl, strlen(jl), "t.jsonl", &err),
                     SG_OK);
    assert_int_equal(d.n, 4);
    assert_string_equal(d.ex[0].text,
                        "caf\xC3\xA9 \"quoted\" \xF0\x9F\x98\x80");
    assert_int_equal(d.ex[0].label, 1);
    assert_string_equal(d.ex[1].text, "x");
    assert_int_equal(d.ex[1].label, 0);
    assert_string_equal(d.ex[2].text, "y\nz");
    assert_int_equal(d.ex[2].label, 0);
    assert_int_equal(d.ex[3].label, 1);
    sg_dataset_free(&d);

    const char *bad[] = {"{\"text\": \"x\"}\n", "{\"text\": \"x\", \"label\": 2}",
                         "[1]", "{\"text\": \"x\", \"label\": true",
                         "{\"text\": \"\\q\", \"label\": true}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(sg_dataset_read_jsonl(&d, bad[i], strlen(bad[i]),
                                               "b.jsonl", &err),
                         SG_ERR_USAGE);
        assert_non_null(strstr(err.message, "b.jsonl:1:"));
    }
    sg_dataset_free(&d);
}

static void test_dataset_load_tells_jsonl_from_csv(void **state)
{
    (void)state;
    char *path = sg_test_tmpfile();
    sg_dataset d = {0};
    sg_error err;
    sg_test_write(path, "  \n{\"text\": \"a\", \"label\": 1}\n");
    assert_int_equal(sg_dataset_load(&d, path, &err), SG_OK);
    sg_test_write(path, "text,label\nb,0\n");
    assert_int_equal(sg_dataset_load(&d, path, &err), SG_OK);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.ex[1].text, "b");
    sg_dataset_free(&d);
    unlink(path);
    free(path);
    assert_int_equal(sg_dataset_load(&d, "/nonexistent/d.csv", &err),
                     SG_ERR_USAGE);
}

/* ---- training ------------------------------------------------------------------ */

/* Spoilers mention a fate among made-up names; the others talk craft. */
static void sg_test_synthetic(sg_dataset *d, size_t n, uint64_t seed)
{
    static const char *names[] = {"Varo", "Quill", "Mesa", "Tork", "Elin"};
    static const char *fate[] = {"perishes", "is slain", "vanishes forever",
                                 "is revealed as the traitor"};
    static const char *craft[] = {"the lighting", "the score", "the pacing",
                                  "the costume design"};
    static const char *verdict[] = {"feels lush", "drags a bit", "sparkles",
                                    "works well"};
    sg_error err;
    sg_test_rng = seed;
    for (size_t i = 0; i < n; i++) {
        char s[128];
        int spoil = (int)(sg_test_rand() % 2);
        if (spoil)
            snprintf(s, sizeof s, "Later %s %s.", names[sg_test_rand() % 5],
                     fate[sg_test_rand() % 4]);
        else
            snprintf(s, sizeof s, "I think %s %s.", craft[sg_test_rand() % 4],
                     verdict[sg_test_rand() % 4]);
        assert_int_equal(sg_dataset_add(d, s, strlen(s), spoil, &err), SG_OK);
    }
}

static void test_training_learns_a_tiny_synthetic_dataset(void **state)
{
    (void)state;
    sg_dataset train = {0}, test = {0};
    sg_test_synthetic(&train, 200, 11);
    sg_test_synthetic(&test, 100, 97);
    sg_train_opts o;
    sg_train_opts_init(&o);
    o.buckets_log2 = 14;
    o.epochs = 5;
    sg_dense d;
    sg_error err;
    assert_int_equal(sg_train(&train, &o, &d, &err), SG_OK);
    sg_model m;
    assert_int_equal(sg_model_from_dense(&d, 0, 0.5, &m, &err), SG_OK);
    for (size_t i = 0; i < test.n; i++) {
        double pd = sg_dense_score(&d, test.ex[i].text, test.ex[i].len);
        double pm = sg_score_with(&m, test.ex[i].text, test.ex[i].len);
        assert_int_equal(pd >= 0.5, test.ex[i].label);
        assert_int_equal(pm >= 0.5, test.ex[i].label);
    }
    /* Same data, same options: the same weights, bit for bit. */
    sg_dense again;
    assert_int_equal(sg_train(&train, &o, &again, &err), SG_OK);
    assert_memory_equal(d.w, again.w, sizeof(float) << o.buckets_log2);
    assert_true(d.bias == again.bias);
    sg_dense_free(&again);
    sg_model_free(&m);
    sg_dense_free(&d);
    sg_dataset_free(&train);
    sg_dataset_free(&test);
}

static void test_training_rejects_bad_options(void **state)
{
    (void)state;
    sg_dataset empty = {0};
    sg_train_opts o;
    sg_dense d;
    sg_error err;
    sg_train_opts_init(&o);
    o.buckets_log2 = 30;
    assert_int_equal(sg_train(&empty, &o, &d, &err), SG_ERR_USAGE);
    sg_train_opts_init(&o);
    o.lr = 0;
    assert_int_equal(sg_train(&empty, &o, &d, &err), SG_ERR_USAGE);
    sg_train_opts_init(&o);
    o.buckets_log2 = 10;
    assert_int_equal(sg_train(&empty, &o, &d, &err), SG_OK); /* nothing to learn */
    sg_dense_free(&d);
}

/* ---- the default model on the held-out corpus --------------------------------- */

static void test_default_model_meets_the_accuracy_floor_on_dev(void **state)
{
    (void)state;
    const char *files[] = {SG_CORPUS_DIR "/tvtropes/dev1.balanced.csv",
                           SG_CORPUS_DIR "/tvtropes/dev2.balanced.csv"};
    sg_dataset dev = {0};
    sg_error err;
    for (size_t i = 0; i < 2; i++) {
        if (access(files[i], R_OK) != 0) {
            print_message("corpus not found at %s: skipping\n", files[i]);
            sg_dataset_free(&dev);
            skip();
        }
        assert_int_equal(sg_dataset_load(&dev, files[i], &err), SG_OK);
    }
    size_t right = 0, tp = 0, fp = 0;
    for (size_t i = 0; i < dev.n; i++) {
        int yes = sg_score_sentence(dev.ex[i].text, dev.ex[i].len) >= 0.5;
        right += yes == dev.ex[i].label;
        tp += yes && dev.ex[i].label;
        fp += yes && !dev.ex[i].label;
    }
    double acc = (double)right / (double)dev.n;
    double prec = tp + fp ? (double)tp / (double)(tp + fp) : 0.0;
    print_message("dev: %zu sentences, accuracy %.4f, precision %.4f\n", dev.n,
                  acc, prec);
    assert_true(dev.n > 2000);
    assert_true(acc >= 0.66);
    assert_true(prec >= 0.66);
    sg_dataset_free(&dev);
}

/* The context stage reads a sentence's words from the scorer's pass: the
 * reviewer's "I" (a capital one), "you", judging and review words, cue
 * families; and reading them changes nothing of the probability. */
static void test_the_scorers_pass_counts_voice_and_judging_words(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        unsigned first, second, judging, review, cues;
    } cases[] = {
        {"I loved the film, and you will too.", 1, 1, 1, 2, 0},
        {"i think the acting is great and the pacing rushed.", 0, 0, 3, 2, 0},
        {"Mara dies in the end and we never learn why.", 1, 0, 0, 1, SG_CUE_DEATH | SG_CUE_END},
        {"I\xE2\x80\x99m sure it was a great, great movie.", 1, 0, 2, 2, 0},
        {"Tom is killed.", 0, 0, 0, 0, SG_CUE_DEATH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *t = cases[i].text;
        sg_sentence_words w;
        double p = sg_score_sentence_words(t, strlen(t), &w);
        assert_true(p == sg_score_sentence(t, strlen(t)));
        if (w.first != cases[i].first || w.second != cases[i].second ||
            w.judging != cases[i].judging || w.review != cases[i].review ||
            (w.cues & cases[i].cues) != cases[i].cues)
            fail_msg("\"%s\": first %u second %u judging %u review %u cues %#x", t, w.first,
                     w.second, w.judging, w.review, w.cues);
        assert_true(w.words > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_is_a_probability_for_empty_and_random_bytes),
        cmocka_unit_test(test_the_scorers_pass_counts_voice_and_judging_words),
        cmocka_unit_test(test_score_stays_a_probability_on_a_huge_input),
        cmocka_unit_test(test_death_and_ending_sentences_outscore_neutral_review_ones),
        cmocka_unit_test(test_default_model_is_usable_and_has_a_threshold),
        cmocka_unit_test(test_features_ignore_case_of_words_and_curly_apostrophes),
        cmocka_unit_test(test_features_ignore_whitespace_runs_and_punctuation_spacing),
        cmocka_unit_test(test_features_keep_intra_word_hyphens_and_apostrophes),
        cmocka_unit_test(test_features_count_is_linear_and_flags_select_them),
        cmocka_unit_test(test_cue_families_cover_deaths_endings_reveals_and_voice),
        cmocka_unit_test(test_cue_vocabulary_is_sorted_and_every_word_is_found),
        cmocka_unit_test(test_small_and_large_models_score_their_stored_weights),
        cmocka_unit_test(test_model_save_and_load_round_trip),
        cmocka_unit_test(test_model_load_names_the_line_of_a_bad_file),
        cmocka_unit_test(test_model_c_source_is_generated_with_a_safe_comment),
        cmocka_unit_test(test_csv_reader_handles_quotes_commas_and_embedded_newlines),
        cmocka_unit_test(test_csv_reader_reports_bad_input_with_file_and_line),
        cmocka_unit_test(test_jsonl_reader_accepts_text_and_label_forms),
        cmocka_unit_test(test_dataset_load_tells_jsonl_from_csv),
        cmocka_unit_test(test_training_learns_a_tiny_synthetic_dataset),
        cmocka_unit_test(test_training_rejects_bad_options),
        cmocka_unit_test(test_default_model_meets_the_accuracy_floor_on_dev),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
