/* The literal prefilter in front of the rules: a rule it lets run must give
 * exactly the hits it gave with the prefilter off, on every sentence; tricky
 * patterns (caseless, Unicode apostrophes, lookarounds, inline options,
 * quantifiers, syntax it does not know) and random patterns are checked
 * against PCRE2 itself, and the default rules over the TV Tropes train set
 * and the seed reviews. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_test_util.h"

/* ---- helpers --------------------------------------------------------------- */

typedef struct sg_t_hits {
    sg_hit *v;
    size_t n, cap;
} sg_t_hits;

/* Match every rule of `rs` against `text` as one sentence. */
static sg_status sg_t_match(sg_ruleset *rs, const char *text, size_t n, sg_t_hits *h,
                            sg_error *err)
{
    sg_match_ctx *mc = sg_match_ctx_new(rs);
    assert_non_null(mc);
    sg_sentence s;
    memset(&s, 0, sizeof s);
    s.view_end = n;
    s.end = n;
    h->n = 0;
    sg_status st = sg_rules_match(rs, mc, text, &s, 0, NULL, &h->v, &h->n, &h->cap, err);
    sg_match_ctx_free(mc);
    return st;
}

static void sg_t_print_text(const char *what, const char *s, size_t n)
{
    print_error("%s: \"", what);
    for (size_t i = 0; i < n && i < 400; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F)
            print_error("\\x%02X", c);
        else
            print_error("%c", c);
    }
    print_error("\"\n");
}

/* Hits with the prefilter on and off must be the same, in the same order. */
static int sg_t_same_hits(sg_ruleset *rs, const char *text, size_t n)
{
    sg_t_hits on = {0}, off = {0};
    sg_error e1, e2;
    sg_rules_set_prefilter(rs, 1);
    sg_status s1 = sg_t_match(rs, text, n, &on, &e1);
    sg_rules_set_prefilter(rs, 0);
    sg_status s2 = sg_t_match(rs, text, n, &off, &e2);
    sg_rules_set_prefilter(rs, 1);
    int same = s1 == s2 && on.n == off.n;
    for (size_t i = 0; same && i < on.n; i++)
        same = !strcmp(on.v[i].rule, off.v[i].rule) &&
               on.v[i].ev_start == off.v[i].ev_start && on.v[i].ev_end == off.v[i].ev_end &&
               on.v[i].severity == off.v[i].severity &&
               on.v[i].confidence == off.v[i].confidence;
    if (!same) {
        sg_t_print_text("sentence", text, n);
        print_error("prefilter on: status %d, %zu hits; off: status %d, %zu hits\n", s1,
                    on.n, s2, off.n);
        for (size_t i = 0; i < off.n; i++)
            print_error("  off hit: %s [%zu,%zu)\n", off.v[i].rule, off.v[i].ev_start,
                        off.v[i].ev_end);
        for (size_t i = 0; i < on.n; i++)
            print_error("  on hit:  %s [%zu,%zu)\n", on.v[i].rule, on.v[i].ev_start,
                        on.v[i].ev_end);
    }
    free(on.v);
    free(off.v);
    return same;
}

static void sg_t_add(sg_ruleset *rs, const char *id, const char *pattern, int case_sensitive)
{
    const char *pats[] = {pattern, NULL};
    sg_rule_def d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.kind = "plot";
    d.patterns = pats;
    d.case_sensitive = case_sensitive;
    sg_error err;
    if (sg_rules_add(rs, &d, &err) != SG_OK) {
        print_error("pattern %s does not compile: %s\n", pattern, err.message);
        fail();
    }
}

/* ---- what the parser derives ------------------------------------------------ */

typedef struct sg_t_lit_case {
    const char *pattern;
    int gated;              /* literals can be derived */
    const char *must_have;  /* one literal that must be among them, or NULL */
} sg_t_lit_case;

static void test_literals_are_derived_where_the_syntax_is_known(void **state)
{
    (void)state;
    static const sg_t_lit_case cases[] = {
        {"\\bkill(?:s|ed)?\\b", 1, "kill"},
        {"\\bKILLS\\b", 1, "kills"},
        {"(?:in the end|ultimately),? (?:\\w+ )?dies", 1, "dies"},
        {"doesn[’']t survive", 1, "doesn’t survive"},
        {"(?<!not )\\bdies\\b(?! laughing)", 1, "dies"},
        {"(?i:twist)", 1, "twist"},
        {"(?<who>\\w+) betrays (?P=who)", 0, NULL},   /* back reference */
        {"(?x) k i l l s", 0, NULL},                  /* extended: spaces mean nothing */
        {"\\Qkills\\E", 0, NULL},                     /* quoting is not parsed */
        {"a*", 0, NULL},                              /* matches the empty string */
        {"(?:dies)?", 0, NULL},
        {"\\w+ dies|\\w+", 0, NULL},                  /* one branch has no literal */
        {"[aeiou]{2,}", 1, "a"},                      /* one vowel at least */
        {"[^x]{2,}", 0, NULL},
        {"(*UCP)\\bdies\\b", 0, NULL},                /* verbs */
        {"x{,3}dies", 0, NULL},                       /* differs between PCRE2 versions */
        {"(?|(a)|(b))c", 0, NULL},                    /* branch reset */
        {"(?:dead|alive){2}", 1, "dead"},
        {"[Dd]ead", 1, "dead"},
        {"dea[^x]h", 1, "dea"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sg_ruleset *rs = sg_rules_new();
        assert_non_null(rs);
        sg_t_add(rs, "t", cases[i].pattern, 0);
        const char *const *lits;
        size_t n = sg_rules_literals(rs, 0, &lits);
        int gated = n != (size_t)-1;
        int found = !cases[i].must_have;
        for (size_t k = 0; gated && cases[i].must_have && k < n; k++)
            found |= !strcmp(lits[k], cases[i].must_have);
        if (gated != cases[i].gated || !found) {
            print_error("pattern %s: %s, want %s", cases[i].pattern,
                        gated ? "literals" : "no literals",
                        cases[i].gated ? "literals" : "no literals");
            if (cases[i].must_have)
                print_error(" including \"%s\"", cases[i].must_have);
            print_error("; got:");
            for (size_t k = 0; gated && k < n; k++)
                print_error(" \"%s\"", lits[k]);
            print_error("\n");
            fail();
        }
        sg_rules_free(rs);
    }
}

/* ---- tricky rules on tricky sentences ----------------------------------------- */

static const char *const sg_t_tricky_patterns[] = {
    "\\bkill(?:s|ed)?\\b(?!\\s+time)",
    "\\b(?:doesn|didn|won)[’']t (?:survive|make it)\\b",
    "(?<=the )twist\\b",
    "(?<!no )\\bsurvives?\\b",
    "\\bSUICIDE\\b",                    /* caseless: matches "suicide", "Suicide" */
    "(?i)dies\\b",
    "\\b(?:in the end|ultimately),? (?:\\w+ )?(?:\\w+ )?(?:dies|wins)\\b",
    "[’']s (?:final |ultimate )?fate\\b",
    "\\bstab(?:s|bed)? (?:\\w+ ){0,2}to death\\b",
    "\\b(?:is|was) (?:later |finally )?revealed (?:to be|that)\\b",
    "\\bdouble[- ]cross(?:es|ed)?\\b",
    "\\b(?>ends?) (?:with|when)\\b",
    "\\b(?<verb>murder(?:s|ed)?)\\b",
    "\\bde+ath\\b",
    "\\bsk[iy]\\b",                     /* s and k: caseless equals ſ and K (Kelvin) */
    "\\w+ all along\\b",
    "(?x) all \\s along",                /* not parsed: runs always */
    "\\bkilled\\b",
    "kill(?:ed|s)",                     /* the Kelvin sign is no word character */
    "\\bsuicide",
    /* split into branches: the leftmost match wins, the first branch at a tie */
    "\\b(?:cat dog|dog|the cat)\\b",
    "\\b(?:cat|cat dog|a cat)",
    "(?:dog|c(?i)at|bird)\\b",        /* a bare option: left whole */
    "\\b(?:dies(?= at)|(?<=he )dies|d\\w+s)\\b",
    /* a branch the literal parser does not know: it and those after it
     * get their literals alone */
    "\\b(?:cat|[[:digit:]]+ dogs|the bird)\\b",
};

static const char *const sg_t_tricky_sentences[] = {
    "He kills the mayor.",
    "He KILLS the mayor.",
    "It kills time.",
    "She didn’t survive the night.",
    "She didn't make it.",
    "She didn`t survive.",
    "The twist is good.",
    "A twist is good.",
    "No survivors; no survives.",
    "He survives.",
    "Her Suicide shocks everyone.",
    "He DIES at last.",
    "In the end, the hero dies.",
    "Ultimately Jang Ok-ju wins.",
    "in the end   dies",
    "Ok-ju’s final fate is sealed.",
    "Ok-ju's fate.",
    "He stabs the old man to death.",
    "He stabbed him to death.",
    "He is later revealed to be a spy.",
    "A double-cross, then a double cross.",
    "The film ends with a kiss.",
    "She murdered him.",
    "Deeeeath comes.",
    "We ski. We ſki. We \xE2\x84\xAAILLED him.",   /* LONG S, KELVIN SIGN */
    "\xC5\xBFuicide",
    "He was dead all along.",
    "He was dead all  along.",
    "kil\xFFls invalid \xC3 bytes killed",
    "",
    "killed",
    "KiLlEd",
    "the cat dog",
    "cat dog and a cat",
    "a CAT, a Dog, a bird",
    "he dies at dawn; she dies; it dares",
    "2 dogs, the bird and a cat",
};

static void test_tricky_rules_give_the_same_hits_with_and_without_the_prefilter(void **state)
{
    (void)state;
    sg_ruleset *rs = sg_rules_new();
    assert_non_null(rs);
    char id[32];
    size_t np = sizeof sg_t_tricky_patterns / sizeof *sg_t_tricky_patterns;
    for (size_t i = 0; i < np; i++) {
        snprintf(id, sizeof id, "t%zu", i);
        sg_t_add(rs, id, sg_t_tricky_patterns[i], i % 5 == 4);
    }
    /* the case-sensitive twin of a rule: the prefilter folds case anyway */
    sg_t_add(rs, "cs", "\\bKilled\\b", 1);
    int bad = 0;
    for (size_t i = 0; i < sizeof sg_t_tricky_sentences / sizeof *sg_t_tricky_sentences; i++)
        bad += !sg_t_same_hits(rs, sg_t_tricky_sentences[i], strlen(sg_t_tricky_sentences[i]));
    /* a rule added after the prefilter was built is still matched */
    sg_t_add(rs, "late", "\\bsnowman\\b", 0);
    const char *late = "The snowman melts.";
    sg_t_hits h = {0};
    sg_error err;
    assert_int_equal(sg_t_match(rs, late, strlen(late), &h, &err), SG_OK);
    int found = 0;
    for (size_t i = 0; i < h.n; i++)
        found |= !strcmp(h.v[i].rule, "late");
    if (!found) {
        print_error("a rule added after the first match was not run on \"%s\"\n", late);
        bad++;
    }
    free(h.v);
    sg_rules_free(rs);
    assert_int_equal(bad, 0);
}

/* ---- rules that share patterns, and their conditions ------------------------- */

static void sg_t_add_def(sg_ruleset *rs, const sg_rule_def *d)
{
    sg_error err;
    if (sg_rules_add(rs, d, &err) != SG_OK) {
        print_error("rule %s is refused: %s\n", d->id, err.message);
        fail();
    }
}

static void test_shared_patterns_and_conditions_give_the_same_hits_with_and_without_the_prefilter(
    void **state)
{
    (void)state;
    /* the same pattern as the rule of one rule and a condition of others,
     * caseless and case-sensitive, gated on several literals at once */
    static const char *const ends[] = {
        "\\b(?:in the end|ultimately),? (?:\\w+ ){0,3}(?:dies|wins|is killed)\\b", NULL};
    static const char *const dies[] = {"\\bdies\\b", NULL};
    static const char *const dies_cs[] = {"\\bDies\\b", NULL};
    static const char *const hypo[] = {"\\b(?:if|unless|would(?:n[’']t)?)\\b", NULL};
    static const char *const late[] = {"\\b(?:finale|third act|in the end)\\b",
                                       "\\bfinal (?:scene|shot)s?\\b", NULL};
    static const char *const who[] = {"\\b(?:he|she|they)\\b", NULL};
    static const char *const veto[] = {"\\bno spoilers\\b", "\\bdies (?:down|hard)\\b",
                                       NULL};
    static const char *const first[] = {"\\b(?:first|opening) (?:act|scene)\\b", NULL};
    sg_rule_def d[6];
    memset(d, 0, sizeof d);
    d[0] = (sg_rule_def){.id = "ends", .kind = "ending", .patterns = ends, .lower_if = hypo,
                         .unless = veto, .minor_if = first};
    d[1] = (sg_rule_def){.id = "dies", .kind = "death", .patterns = dies, .requires = who,
                         .lower_if = hypo, .major_if = late, .unless = veto};
    d[2] = (sg_rule_def){.id = "ends2", .kind = "plot", .patterns = ends, .major_if = late,
                         .minor_if = first};
    d[3] = (sg_rule_def){.id = "dies-cs", .kind = "death", .patterns = dies_cs,
                         .case_sensitive = 1, .lower_if = hypo};
    d[4] = (sg_rule_def){.id = "hypo", .kind = "plot", .patterns = hypo, .requires = late};
    d[5] = (sg_rule_def){.id = "late", .kind = "plot", .patterns = late, .unless = hypo,
                         .requires = dies};
    static const char *const sentences[] = {
        "In the end, the old hero dies.",
        "Ultimately he wins if the finale holds.",
        "In the end she Dies in the final scene.",
        "In the end she dies, no spoilers.",
        "The noise dies down in the third act.",
        "He dies in the opening scene, unless it is a dream.",
        "They would die for it; she dies wouldn't she?",
        "in the end   dies",
        "Ultimately the whole crew is killed. First act? No, the finale.",
        "\xE2\x84\xAA dies in the end, ultimately he is killed",   /* KELVIN SIGN */
        "Ultimately \xC5\xBFhe dies",                             /* LONG S */
        ("di\xFF" "es in the end \xC3"),
        "",
        "Nothing happens at all.",
    };
    size_t ns = sizeof sentences / sizeof *sentences;
    sg_ruleset *rs = sg_rules_new();
    assert_non_null(rs);
    for (size_t i = 0; i < 6; i++)
        sg_t_add_def(rs, &d[i]);
    int bad = 0;
    for (size_t i = 0; i < ns; i++)
        bad += !sg_t_same_hits(rs, sentences[i], strlen(sentences[i]));
    /* a rule refused for its second pattern leaves the first one compiled; a
     * later rule with that pattern, added after the prefilter was built, runs */
    static const char *const broken[] = {"\\bsnowman\\b", "(unclosed", NULL};
    sg_rule_def b = {.id = "broken", .kind = "plot", .patterns = broken};
    sg_error err;
    assert_int_equal(sg_rules_add(rs, &b, &err), SG_ERR_RULE);
    static const char *const snow[] = {"\\bsnowman\\b", NULL};
    sg_rule_def lt = {.id = "snow", .kind = "plot", .patterns = snow, .lower_if = hypo};
    sg_t_add_def(rs, &lt);
    const char *text = "If the snowman melts, he dies in the end.";
    bad += !sg_t_same_hits(rs, text, strlen(text));
    sg_t_hits h = {0};
    assert_int_equal(sg_t_match(rs, text, strlen(text), &h, &err), SG_OK);
    int found = 0;
    for (size_t i = 0; i < h.n; i++)
        found |= !strcmp(h.v[i].rule, "snow");
    if (!found) {
        print_error("rule snow, added last, did not match \"%s\"\n", text);
        bad++;
    }
    free(h.v);
    for (size_t i = 0; i < ns; i++)
        bad += !sg_t_same_hits(rs, sentences[i], strlen(sentences[i]));
    sg_rules_free(rs);
    assert_int_equal(bad, 0);
}

/* ---- a literal wherever it stands ------------------------------------------- */

/* The scanner cuts a long sentence into pieces scanned side by side: a
 * literal is found whatever piece it starts in and however far past its
 * piece it ends, among text that keeps the automaton deep in a prefix. */
static void test_a_literal_is_found_wherever_it_stands_in_a_long_sentence(void **state)
{
    (void)state;
    static const struct {
        const char *pattern, *lit, *filler;
    } cases[] = {
        {"\\bkills the killer\\b", "kills the killer", "kills the "},
        {"aaab", "aaab", "a"},
        {"\\bend end ending\\b", "end end ending", "end "},
    };
    size_t nc = sizeof cases / sizeof *cases;
    sg_ruleset *rs = sg_rules_new();
    assert_non_null(rs);
    char id[32];
    for (size_t i = 0; i < nc; i++) {
        snprintf(id, sizeof id, "w%zu", i);
        sg_t_add(rs, id, cases[i].pattern, 0);
    }
    int bad = 0, found = 0;
    static const size_t lens[] = {20, 33, 47, 64, 90, 131, 200};
    for (size_t i = 0; i < nc && !bad; i++)
        for (size_t l = 0; l < sizeof lens / sizeof *lens && !bad; l++) {
            size_t n = lens[l], ln = strlen(cases[i].lit), nf = strlen(cases[i].filler);
            for (size_t at = 0; at + ln <= n && !bad; at++) {
                char text[256];
                for (size_t k = 0; k < n; k++)
                    text[k] = cases[i].filler[k % nf];
                memcpy(text + at, cases[i].lit, ln);
                bad += !sg_t_same_hits(rs, text, n);
                sg_t_hits h = {0};
                sg_error err;
                assert_int_equal(sg_t_match(rs, text, n, &h, &err), SG_OK);
                snprintf(id, sizeof id, "w%zu", i);
                for (size_t k = 0; k < h.n; k++)
                    found += !strcmp(h.v[k].rule, id);
                free(h.v);
            }
        }
    sg_rules_free(rs);
    assert_int_equal(bad, 0);
    assert_true(found > 500);
}

/* ---- the caseless equivalences the scanner knows ------------------------------ */

/* The scanner folds ASCII only and gives up on a sentence holding U+017F or
 * U+212A; that is exact only while no other code point caseless-matches an
 * ASCII letter in PCRE2. */
static void test_only_long_s_and_kelvin_caselessly_equal_ascii_letters(void **state)
{
    (void)state;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR) "^[a-z]$", PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
    assert_non_null(c);
    (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    int bad = 0;
    for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char u[4];
        size_t n = sg_utf8_encode(cp, u);
        int m = pcre2_match(c, (PCRE2_SPTR)u, n, 0, 0, md, NULL) >= 0;
        if (m != (cp == 0x17F || cp == 0x212A)) {
            print_error("U+%04X %s an ASCII letter caselessly\n", cp,
                        m ? "matches" : "does not match");
            bad++;
        }
    }
    pcre2_match_data_free(md);
    pcre2_code_free(c);
    assert_int_equal(bad, 0);
}

/* ---- random patterns against PCRE2 ---------------------------------------------- */

static uint64_t sg_t_rng = 0x2545F4914F6CDD1Dull;

static size_t sg_t_rand(size_t n)
{
    sg_t_rng ^= sg_t_rng << 13;
    sg_t_rng ^= sg_t_rng >> 7;
    sg_t_rng ^= sg_t_rng << 17;
    return (size_t)(sg_t_rng % n);
}

static int sg_t_ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && !memcmp(s + len - n, suffix, n);
}

/* A random pattern over a small alphabet, from the syntax the parser knows
 * and some it does not. */
static void sg_t_rand_pattern(char *out, size_t cap, int depth)
{
    static const char *const atoms[] = {
        "a", "b", "ab", "ba", "K", "s", " ", "'", "’", "\\b", "\\w", "\\s", ".", "[ab]",
        "[^a]", "[a-c]", "[’']", "\\.", "^", "(?=a)", "(?!b)", "(?<=a)", "(?<!b)",
        "\\x{61}", "\\d", "-", "(?i)", "(?s)"};
    static const char *const quants[] = {"", "", "", "?", "*", "+", "{2}", "{1,3}",
                                         "{0,2}", "??", "+?", "{2,}"};
    size_t len = strlen(out);
    size_t items = 1 + sg_t_rand(4);
    for (size_t i = 0; i < items && len + 40 < cap; i++) {
        if (depth < 3 && sg_t_rand(4) == 0) {
            static const char *const opens[] = {"(?:", "(", "(?>", "(?<n%zu>"};
            size_t o = sg_t_rand(4);
            if (o == 3)
                snprintf(out + len, cap - len, "(?<n%zu>", sg_t_rand(1000000));
            else
                snprintf(out + len, cap - len, "%s", opens[o]);
            sg_t_rand_pattern(out, cap, depth + 1);
            len = strlen(out);
            if (sg_t_rand(2) && len + 40 < cap) {
                snprintf(out + len, cap - len, "|");
                sg_t_rand_pattern(out, cap, depth + 1);
                len = strlen(out);
            }
            snprintf(out + len, cap - len, ")");
        } else {
            snprintf(out + len, cap - len, "%s", atoms[sg_t_rand(sizeof atoms / sizeof *atoms)]);
        }
        len = strlen(out);
        const char *q = quants[sg_t_rand(sizeof quants / sizeof *quants)];
        /* a quantifier needs something to repeat */
        if (*q && out[len - 1] != '^' && out[len - 1] != '|' && out[len - 1] != '(' &&
            !sg_t_ends_with(out, len, "\\b") && !sg_t_ends_with(out, len, "(?i)") &&
            !sg_t_ends_with(out, len, "(?s)")) {
            snprintf(out + len, cap - len, "%s", q);
            len = strlen(out);
        }
    }
}

static void sg_t_rand_text(char *out, size_t cap)
{
    static const char *const bits[] = {"a", "b", "c", "A", "B", "k", "K", "s", "S", " ",
                                       "'", "’", "ſ", "\xE2\x84\xAA", ".", "-", "1", "ab",
                                       "ba", "\xFF"};
    size_t len = 0, n = sg_t_rand(14);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *b = bits[sg_t_rand(sizeof bits / sizeof *bits)];
        if (len + strlen(b) + 1 >= cap)
            break;
        memcpy(out + len, b, strlen(b) + 1);
        len += strlen(b);
    }
}

static void test_random_patterns_give_the_same_hits_with_and_without_the_prefilter(void **state)
{
    (void)state;
    int bad = 0, gated = 0, ran = 0;
    for (int round = 0; round < 600 && bad < 5; round++) {
        char pat[512] = "";
        if (round % 2) {
            /* a top-level alternation, which may be run branch by branch */
            strcpy(pat, round % 4 == 1 ? "\\b(?:" : "(?:");
            for (size_t b = 0, nb = 2 + sg_t_rand(4); b < nb; b++) {
                if (b)
                    strcat(pat, "|");
                sg_t_rand_pattern(pat, sizeof pat - 16, 1);
            }
            strcat(pat, sg_t_rand(2) ? ")\\b" : ")");
        } else {
            sg_t_rand_pattern(pat, sizeof pat, 0);
        }
        const char *pats[] = {pat, NULL};
        sg_rule_def d;
        memset(&d, 0, sizeof d);
        d.id = "r";
        d.kind = "plot";
        d.patterns = pats;
        d.case_sensitive = round % 3 == 0;
        sg_ruleset *rs = sg_rules_new();
        assert_non_null(rs);
        sg_error err;
        if (sg_rules_add(rs, &d, &err) != SG_OK) {
            sg_rules_free(rs);
            continue; /* a pattern PCRE2 refuses */
        }
        const char *const *lits;
        gated += sg_rules_literals(rs, 0, &lits) != (size_t)-1;
        for (int k = 0; k < 40; k++) {
            char text[128];
            sg_t_rand_text(text, sizeof text);
            ran++;
            if (!sg_t_same_hits(rs, text, strlen(text))) {
                print_error("pattern: %s (%s)\n", pat,
                            d.case_sensitive ? "case-sensitive" : "caseless");
                bad++;
                break;
            }
        }
        sg_rules_free(rs);
    }
    print_message("random patterns: %d gated, %d sentences compared\n", gated, ran);
    assert_int_equal(bad, 0);
    assert_true(gated > 50); /* the prefilter was exercised, not bypassed */
}

/* ---- the default rules over the corpus ------------------------------------------- */

/* Flags of a whole analysis with the prefilter on and off. */
static int sg_t_same_analysis(sg_engine *e, const char *text, size_t n)
{
    sg_analysis *a = NULL, *b = NULL;
    sg_error err;
    sg_rules_set_prefilter(e->rules, 1);
    sg_status s1 = sg_analyze(e, text, n, NULL, &a, &err);
    sg_rules_set_prefilter(e->rules, 0);
    sg_status s2 = sg_analyze(e, text, n, NULL, &b, &err);
    sg_rules_set_prefilter(e->rules, 1);
    int same = s1 == s2;
    if (same && a) {
        size_t na, nb;
        const sg_flag *fa = sg_analysis_all_flags(a, &na);
        const sg_flag *fb = sg_analysis_all_flags(b, &nb);
        same = na == nb;
        for (size_t i = 0; same && i < na; i++)
            same = fa[i].start == fb[i].start && fa[i].end == fb[i].end &&
                   fa[i].evidence_start == fb[i].evidence_start &&
                   fa[i].evidence_end == fb[i].evidence_end && !strcmp(fa[i].rule, fb[i].rule) &&
                   !strcmp(fa[i].kind, fb[i].kind) && fa[i].severity == fb[i].severity &&
                   fa[i].confidence == fb[i].confidence;
        if (!same) {
            sg_t_print_text("article", text, n);
            for (size_t i = 0; i < nb; i++)
                print_error("  off: %s [%zu,%zu)\n", fb[i].rule, fb[i].start, fb[i].end);
            for (size_t i = 0; i < na; i++)
                print_error("  on:  %s [%zu,%zu)\n", fa[i].rule, fa[i].start, fa[i].end);
        }
    }
    sg_analysis_free(a);
    sg_analysis_free(b);
    return same;
}

/* The first CSV field of each record of a TV Tropes split, in place. */
static size_t sg_t_csv_sentences(char *s, size_t len, char ***out)
{
    size_t n = 0, cap = 0, i = 0;
    char **v = NULL;
    while (i < len && s[i] != '\n') /* header */
        i++;
    i++;
    while (i < len) {
        char *start = s + i, *w = start;
        if (s[i] == '"') {
            i++;
            start = w = s + i;
            while (i < len) {
                if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
                    *w++ = '"';
                    i += 2;
                } else if (s[i] == '"') {
                    i++;
                    break;
                } else {
                    *w++ = s[i++];
                }
            }
        } else {
            while (i < len && s[i] != ',' && s[i] != '\n')
                w++, i++;
        }
        int q = 0;
        while (i < len && (q || s[i] != '\n')) {
            if (s[i] == '"')
                q = !q;
            i++;
        }
        i++;
        *w = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            v = realloc(v, cap * sizeof *v);
            assert_non_null(v);
        }
        v[n++] = start;
    }
    *out = v;
    return n;
}

static void test_default_rules_flag_the_same_with_and_without_the_prefilter(void **state)
{
    (void)state;
    size_t len;
    char *csv = sg_t_slurp(SG_CORPUS_DIR "/tvtropes/train.balanced.csv", &len);
    if (!csv) {
        print_message("skipped: no corpus at %s (tvtropes/train.balanced.csv)\n",
                      SG_CORPUS_DIR);
        skip();
    }
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    assert_non_null(e);
    /* most default rules must be gated, or the prefilter does nothing */
    size_t nr = sg_engine_rule_count(e), gated = 0;
    for (size_t r = 0; r < nr; r++) {
        const char *const *lits;
        if (sg_rules_literals(e->rules, r, &lits) != (size_t)-1)
            gated++;
        else
            print_message("default rule %zu runs on every sentence (no literals)\n", r);
    }
    if (gated * 2 < nr) {
        print_error("only %zu of %zu default rules are gated by the prefilter\n", gated, nr);
        fail();
    }
    char **sent;
    size_t ns = sg_t_csv_sentences(csv, len, &sent);
    assert_true(ns > 10000);
    int bad = 0;
    for (size_t i = 0; i < ns && bad < 5; i++)
        bad += !sg_t_same_analysis(e, sent[i], strlen(sent[i]));
    static const char *const seeds[] = {"ballerina-411mania.txt", "ballerina-butwhytho.txt",
                                        "ballerina-scmp.txt", "ballerina-user-review.txt"};
    for (size_t i = 0; i < 4; i++) {
        size_t sl;
        char *seed = sg_t_slurp_seed(seeds[i], &sl);
        assert_non_null(seed);
        bad += !sg_t_same_analysis(e, seed, sl);
        free(seed);
    }
    print_message("%zu sentences and 4 seed reviews compared, %zu of %zu rules gated\n", ns,
                  gated, nr);
    free(sent);
    free(csv);
    sg_engine_free(e);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals_are_derived_where_the_syntax_is_known),
        cmocka_unit_test(test_tricky_rules_give_the_same_hits_with_and_without_the_prefilter),
        cmocka_unit_test(
            test_shared_patterns_and_conditions_give_the_same_hits_with_and_without_the_prefilter),
        cmocka_unit_test(test_a_literal_is_found_wherever_it_stands_in_a_long_sentence),
        cmocka_unit_test(test_only_long_s_and_kelvin_caselessly_equal_ascii_letters),
        cmocka_unit_test(test_random_patterns_give_the_same_hits_with_and_without_the_prefilter),
        cmocka_unit_test(test_default_rules_flag_the_same_with_and_without_the_prefilter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
