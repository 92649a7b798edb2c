/* The default rule packs, one sentence at a time: each rule flags the story
 * events it is for (kind, severity) and stays quiet on the review prose that
 * shares its words.  Most tests turn the learned scorer off so they pin the
 * rules alone; the last ones pin how rules and scorer combine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"

/* What one sentence should give: the kind and least severity of a reported
 * flag (and the rule that raised it, when it matters), or no reported flag
 * of that kind (`rule` "none"). */
typedef struct sg_case {
    const char *text;
    const char *kind;
    const char *rule;    /* "none": no reported flag of `kind`; NULL: any rule */
    sg_severity severity;/* the least severity wanted */
    int exact;           /* 1: exactly `severity` */
} sg_case;

static sg_engine *sg_t_engine(int model)
{
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    if (!e)
        print_error("sg_engine_new: %s\n", err.message);
    assert_non_null(e);
    sg_engine_use_model(e, model);
    return e;
}

static sg_analysis *sg_t_analyze(sg_engine *e, const char *text)
{
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_PLAIN;
    sg_analysis *a = NULL;
    sg_error err;
    if (sg_analyze(e, text, strlen(text), &o, &a, &err) != SG_OK)
        print_error("sg_analyze(\"%s\"): %s\n", text, err.message);
    assert_non_null(a);
    return a;
}

/* The reported flag of `kind`, or NULL. */
static const sg_flag *sg_t_flag(const sg_analysis *a, const char *kind)
{
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(a, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].kind, kind))
            return &f[i];
    return NULL;
}

static void sg_t_describe(const sg_analysis *a)
{
    size_t n = 0;
    const sg_flag *f = sg_analysis_all_flags(a, &n);
    for (size_t i = 0; i < n; i++)
        print_error("    candidate: %s %s rule %s confidence %.3f cue \"%s\" character %s\n",
                    f[i].kind, f[i].severity == SG_MAJOR ? "major" : "minor", f[i].rule,
                    f[i].confidence, f[i].cue, f[i].character ? f[i].character : "(none)");
}

/* Run every case; report each failing input, then fail once. */
static void sg_t_cases(sg_engine *e, const sg_case *cases, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const sg_case *c = &cases[i];
        sg_analysis *a = sg_t_analyze(e, c->text);
        const sg_flag *f = sg_t_flag(a, c->kind);
        const char *why = NULL;
        if (c->rule && !strcmp(c->rule, "none")) {
            if (f)
                why = "flagged, should not be";
        } else if (!f) {
            why = "not flagged";
        } else if (c->rule && strcmp(f->rule, c->rule)) {
            why = "flagged by another rule";
        } else if (f->severity < c->severity || (c->exact && f->severity != c->severity)) {
            why = "wrong severity";
        }
        if (why) {
            bad++;
            print_error("%s: \"%s\" (want %s %s%s%s)\n", why, c->text, c->kind,
                        c->severity == SG_MAJOR ? "major" : "minor",
                        c->rule ? " by " : "", c->rule ? c->rule : "");
            sg_t_describe(a);
        }
        sg_analysis_free(a);
    }
    assert_int_equal(bad, 0);
}

#define SG_T_RUN(e, cases) sg_t_cases((e), (cases), sizeof(cases) / sizeof *(cases))
#define MAJOR SG_MAJOR
#define MINOR SG_MINOR

static void test_killings_of_characters_are_major_deaths(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"Ok-ju kills the boss in the final showdown.", "death", "death.kills", MAJOR, 1},
        {"In the third act, Marcus strangles his brother.", "death", "death.kills", MAJOR, 1},
        {"The villain guns down her partner outside the bar.", "death", NULL, MAJOR, 1},
        {"Her mentor is shot dead by a sniper.", "death", NULL, MAJOR, 1},
        {"The hitman finishes him off with a knife.", "death", "death.kills", MAJOR, 1},
        /* a killing with nobody to attach it to is still a death, but minor */
        {"Someone shoots him dead in the parking lot.", "death", "death.kills", MINOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_dying_is_a_death_major_with_a_character_or_late(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"Her best friend dies in the last scene.", "death", "death.dies", MAJOR, 1},
        {"The old man is found dead in his car.", "death", "death.dies", MINOR, 1},
        {"By the end, the captain is killed by his own men.", "death", NULL, MAJOR, 1},
        {"His wife doesn\xE2\x80\x99t survive the crash.", "death", "death.dies", MAJOR, 1},
        {"His wife doesn't survive the crash.", "death", "death.dies", MAJOR, 1},
        {"The detective bleeds out in the rain.", "death", "death.dies", MAJOR, 1},
        {"Her father meets his maker in the third act.", "death", "death.dies", MAJOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_premise_deaths_are_minor(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"After the death of his wife, the detective moves to the coast.", "death", NULL, MINOR, 1},
        {"She sets out to avenge her sister, who was murdered years ago.", "death", NULL, MINOR, 1},
        {"Ok-ju discovers that Min-hee has taken her own life.", "death", "death.suicide", MINOR, 1},
        {"She finds her friend\xE2\x80\x99s body, wrists slashed in the bathtub.", "death", NULL, MINOR, 1},
        {"She hunts the man responsible for her friend's death.", "death", NULL, MINOR, 1},
        {"A detective investigates the murder of a young woman.", "death", NULL, MINOR, 1},
        {"Police find the body of a teenager in the lake.", "death", "death.body", MINOR, 1},
        {"The film opens with a murder in a small town.", "death", NULL, MINOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_late_suicides_sacrifices_and_dispatches_are_major(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"In the final scene, the detective shoots himself.", "death", NULL, MAJOR, 1},
        {"In the climax, the captain sacrifices himself to save the crew.", "death",
         "death.sacrifice", MAJOR, 1},
        {"The villain is easily dispatched in the third act.", "death", NULL, MAJOR, 1},
        {"Knowing that someone has snuffed out her light drives Ok-ju on.", "death",
         "death.dispatched", MINOR, 0},
        {"The gang massacres the whole village.", "death", "death.massacre", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_figures_of_speech_with_death_words_are_not_deaths(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"Jeon Jong-seo gives a killer performance.", "death", "none", MINOR, 0},
        {"The soundtrack kills it.", "death", "none", MINOR, 0},
        {"The middle hour kills the momentum.", "death", "none", MINOR, 0},
        {"The film is dead serious about grief.", "death", "none", MINOR, 0},
        {"The fight choreography is to die for.", "death", "none", MINOR, 0},
        {"I was dying to see this film.", "death", "none", MINOR, 0},
        {"The buzz dies down after the first act.", "death", "none", MINOR, 0},
        {"She was trained to be a remorseless killing machine.", "death", "none", MINOR, 0},
        {"Suicide Squad was a mess.", "death", "none", MINOR, 0},
        {"The package is dispatched to London.", "death", "none", MINOR, 0},
        {"Die-hard fans will love it.", "death", "none", MINOR, 0},
        {"The action is so good it killed me.", "death", "none", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_hypotheticals_negations_and_the_reviewers_voice_lower_deaths(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"If Choi had killed his boss, the ending would have landed harder.", "death", "none",
         MINOR, 0},
        {"I would have liked him to die in the first act.", "death", "none", MINOR, 0},
        {"No one dies in a comedy like this.", "death", "none", MINOR, 0},
        {"Nobody is killed on screen.", "death", "none", MINOR, 0},
        {"I won't spoil who dies, but it hurts.", "death", "none", MINOR, 0},
        /* intent is not the event */
        {"He tries to kill the senator but fails.", "death", "none", MINOR, 0},
        /* nearly dying is plot, but not a death of note */
        {"Her brother is almost killed by a bomb.", "death", NULL, MINOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_fates_and_endings_that_tell_what_happens_are_flagged(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"Choi\xE2\x80\x99s final fate you see coming a mile away.", "ending", "ending.fate", MAJOR, 1},
        {"The movie ends with the hero's funeral.", "ending", "ending.ends", MAJOR, 1},
        {"In the final scene, her sister walks into the sea.", "ending", NULL, MAJOR, 1},
        {"In the season finale, Sarah shoots her father.", "ending", NULL, MAJOR, 1},
        {"Eventually the killer is arrested and goes to prison.", "ending", NULL, MAJOR, 1},
        {"Her brother is the only survivor.", "ending", "ending.outcome", MAJOR, 1},
        {"She finally gets her revenge on the cartel boss.", "ending", NULL, MAJOR, 1},
        {"The season ends on a cliffhanger.", "ending", NULL, MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_opinions_about_the_ending_are_not_endings(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"The ending feels rushed.", "ending", "none", MINOR, 0},
        {"The movie ends on a high note.", "ending", "none", MINOR, 0},
        {"The fate of the franchise rests on this film.", "ending", "none", MINOR, 0},
        {"At the end of the film, I felt exhausted.", "ending", "none", MINOR, 0},
        {"The last shot is gorgeous.", "ending", "none", MINOR, 0},
        {"You can see the twist coming a mile away.", "ending", "none", MINOR, 0},
        {"Will she escape? You will have to watch to find out.", "ending", "none", MINOR, 0},
        {"The finale is a letdown.", "ending", "none", MINOR, 0},
        {"Gwen is caught between two suitors.", "ending", "none", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_twists_and_identity_reveals_are_major(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"The butler turns out to be the killer.", "twist", "twist.reveal", MAJOR, 1},
        {"It is later revealed that the mentor was behind the attacks.", "twist",
         "twist.reveal", MAJOR, 1},
        {"Her husband was a spy all along.", "twist", "twist.reveal", MAJOR, 1},
        {"Her partner betrays her in the final act.", "twist", "twist.betrayal", MAJOR, 1},
        {"The stranger is actually her long-lost brother.", "identity", "twist.identity", MAJOR, 1},
        {"Nobody knows his real identity.", "identity", "twist.identity", MAJOR, 1},
        {"It turns out the father is still alive.", "twist", NULL, MAJOR, 1},
        {"He faked his own death to escape the mob.", "twist", "twist.alive", MAJOR, 1},
        {"It was all a dream.", "twist", "twist.unreal", MAJOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_talk_of_twists_and_turns_in_the_film_is_not_a_twist(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"The film turns out to be a pleasant surprise.", "twist", "none", MINOR, 0},
        {"There are no real twists here.", "twist", "none", MINOR, 0},
        {"I knew it all along.", "twist", "none", MINOR, 0},
        {"The script betrays its source material.", "twist", "none", MINOR, 0},
        {"I felt betrayed by the last twenty minutes.", "twist", "none", MINOR, 0},
        {"The franchise is still alive and kicking.", "twist", "none", MINOR, 0},
        {"Her brother is played by Park Yu-rim.", "identity", "none", MINOR, 0},
        {"As it turns out, the sequel is better.", "twist", "none", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_relationships_and_turns_of_the_plot_are_plot_flags(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"In the end, Anna and Ben end up together.", "plot", "plot.together", MAJOR, 1},
        {"Halfway through, Mia breaks up with her boyfriend.", "plot", "plot.breakup", MINOR, 1},
        {"She gets pregnant by her boss.", "plot", "plot.baby", MINOR, 1},
        {"He is finally reunited with his daughter.", "plot", "plot.reunion", MAJOR, 1},
        {"Her daughter is kidnapped by the cartel.", "plot", "plot.captured", MINOR, 1},
        {"Her brother becomes a vampire.", "plot", "plot.changed", MINOR, 1},
        {"In the last scene, she marries the prince.", "plot", "plot.together", MAJOR, 1},
        {"Her partner is shot in the back by a rookie.", "plot", "plot.harmed", MINOR, 1},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

static void test_review_talk_of_love_and_reunions_is_not_plot(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"I fell in love with this movie.", "plot", "none", MINOR, 0},
        {"Jeon reunites with director Lee for this thriller.", "plot", "none", MINOR, 0},
        {"The cast reunion is the best thing about it.", "plot", "none", MINOR, 0},
        {"The film is saved by its lead performance.", "plot", "none", MINOR, 0},
        {"The movie loses its mind in the last half hour.", "plot", "none", MINOR, 0},
        {"The film is beautifully shot in black and white.", "plot", "none", MINOR, 0},
        {"Every fight is shot in long takes.", "plot", "none", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

/* Patterns are case-insensitive and match both apostrophes. */
static void test_rules_ignore_case_and_take_both_apostrophes(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"OK-JU KILLS THE BOSS.", "death", "death.kills", MAJOR, 1},
        {"Choi's final fate is grim.", "ending", "ending.fate", MAJOR, 1},
        {"Choi\xE2\x80\x99s final fate is grim.", "ending", "ending.fate", MAJOR, 1},
        {"She doesn\xE2\x80\x99t make it out alive.", "death", "death.dies", MINOR, 0},
    };
    sg_engine *e = sg_t_engine(0);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

/* A work's character list turns a death about a name into a major one. */
static void test_a_users_character_list_makes_named_deaths_major(void **state)
{
    (void)state;
    const char *text = "Choi doesn't survive the night.";
    sg_engine *e = sg_t_engine(0);
    sg_analysis *a = sg_t_analyze(e, text);
    const sg_flag *f = sg_t_flag(a, "death");
    assert_non_null(f);
    assert_int_equal(f->severity, SG_MINOR);
    assert_null(f->character);
    sg_analysis_free(a);

    static const char *const names[] = {"Choi Pil-ho", NULL};
    sg_error err;
    assert_int_equal(sg_engine_add_characters(e, names, &err), SG_OK);
    a = sg_t_analyze(e, text);
    f = sg_t_flag(a, "death");
    assert_non_null(f);
    assert_int_equal(f->severity, SG_MAJOR);
    assert_non_null(f->character);
    assert_string_equal(f->character, "Choi Pil-ho");
    sg_analysis_free(a);
    sg_engine_free(e);
}

/* Every flag explains itself: the cue is the evidence text, inside the
 * sentence. */
static void test_flags_carry_their_evidence_inside_the_sentence(void **state)
{
    (void)state;
    const char *text = "The film is beautifully shot. Then Ok-ju kills the boss with a pen.";
    sg_engine *e = sg_t_engine(0);
    sg_analysis *a = sg_t_analyze(e, text);
    const sg_flag *f = sg_t_flag(a, "death");
    assert_non_null(f);
    assert_string_equal(f->rule, "death.kills");
    assert_string_equal(f->cue, "kills");
    assert_true(f->start <= f->evidence_start && f->evidence_end <= f->end);
    assert_memory_equal(text + f->evidence_start, "kills", 5);
    assert_memory_equal(text + f->start, "Then", 4);
    assert_true(isnan(f->model_score));
    sg_analysis_free(a);
    sg_engine_free(e);
}

/* ---- rules and the learned scorer together -------------------------------- */

static void test_with_the_model_plain_spoilers_are_still_flagged(void **state)
{
    (void)state;
    static const sg_case cases[] = {
        {"Ok-ju kills the boss.", "death", "death.kills", MAJOR, 1},
        {"The butler turns out to be the killer.", "twist", "twist.reveal", MAJOR, 1},
        {"Ok-ju discovers that Min-hee has taken her own life.", "death", "death.suicide", MINOR, 1},
    };
    sg_engine *e = sg_t_engine(1);
    SG_T_RUN(e, cases);
    sg_engine_free(e);
}

/* The scorer learnt death words from plot; a counter rule tells it a figure
 * of speech or an opinion is neither. */
static void test_with_the_model_figures_of_speech_raise_no_flag(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Jeon Jong-seo gives a killer performance.",
        "The fight choreography is to die for.",
        "The ending feels rushed.",
        "I was dying to see this film.",
    };
    sg_engine *e = sg_t_engine(1);
    int bad = 0;
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        sg_analysis *a = sg_t_analyze(e, texts[i]);
        size_t n = 0;
        sg_analysis_flags(a, &n);
        if (n) {
            bad++;
            print_error("flagged, should not be: \"%s\"\n", texts[i]);
            sg_t_describe(a);
        }
        sg_analysis_free(a);
    }
    sg_engine_free(e);
    assert_int_equal(bad, 0);
}

/* A whole review, as the review-level measure reads it: a review spoils when
 * it has a major flag.  These two are the same film, told without and with
 * its story. */
static const char sg_t_review_clean[] =
    "The Last Harbor Review\n"
    "\n"
    "Director Mara Quinn returns with a moody crime thriller that wears its influences proudly. The film follows Daniel Reyes (Oscar Ferro), a dockworker who gets pulled into a smuggling ring after his brother goes missing. It is a familiar setup, and Quinn knows it.\n"
    "\n"
    "Ferro is terrific as Daniel. He plays the role with a quiet intensity that carries the slower stretches, and his scenes with Lena Ortiz as his estranged sister crackle. Ortiz gives a killer performance, all nerves and sharp edges. The supporting cast is solid, though the villain is a bit of a cartoon.\n"
    "\n"
    "The first act is the strongest. Quinn builds dread patiently, and the harbor at night looks gorgeous. The score is to die for. The middle hour drags, and a subplot about a crooked cop goes nowhere.\n"
    "\n"
    "The third act is where things get messy. Without spoiling anything, the final showdown at the docks is staged with real flair, but the ending feels rushed and the last shot is almost too neat. Some viewers will see the twist coming a mile away; I did not, and I enjoyed being fooled. The film turns out to be more about grief than crime.\n"
    "\n"
    "If you liked Mystic River, this will be your kind of film. It is dead serious from start to finish, and it could have used a little humor. I would have liked more time with the sister. Nobody dies a pointless death here, which is refreshing for the genre.\n"
    "\n"
    "Overall, The Last Harbor is a handsome, if uneven, genre piece that kills time pleasantly. The fate of the franchise, if there is one, rests on whether audiences show up.\n"
    "\n"
    "Rating: 3.5/5\n"
    "\n";

static const char sg_t_review_spoiling[] =
    "The Last Harbor Review (spoilers)\n"
    "\n"
    "The film follows Daniel Reyes (Oscar Ferro), a dockworker who gets pulled into a smuggling ring after his brother Tomas goes missing. Daniel's search leads him to Vic, a charming fixer who runs the port.\n"
    "\n"
    "Tomas is found dead in a shipping container in the first act, which sets Daniel on his path. Daniel learns that Vic ordered the killing. He plans to kill Vic, but his sister Lena talks him down.\n"
    "\n"
    "The big reveal is that Lena was working for Vic the whole time. She betrays Daniel at the docks, and in the final showdown Vic shoots her. Daniel drowns Vic in the harbor. In the last scene, Daniel sails away alone with his brother's ashes.\n"
    "\n"
    "It is a bleak ending, and a brave one. Ferro is superb throughout.\n"
    "\n";

static void test_a_review_that_tells_no_story_has_no_major_flag(void **state)
{
    (void)state;
    sg_engine *e = sg_t_engine(1);
    sg_analysis *a = sg_t_analyze(e, sg_t_review_clean);
    size_t majors = sg_analysis_unmarked(a, SG_MAJOR);
    if (majors)
        sg_t_describe(a);
    assert_int_equal(majors, 0);
    sg_analysis_free(a);
    sg_engine_free(e);
}

static void test_a_review_that_tells_the_ending_has_major_flags_on_it(void **state)
{
    (void)state;
    sg_engine *e = sg_t_engine(1);
    sg_analysis *a = sg_t_analyze(e, sg_t_review_spoiling);
    static const struct {
        const char *in, *kind;
        sg_severity severity;
    } want[] = {
        {"Tomas is found dead", "death", SG_MINOR},
        {"Lena was working for Vic the whole time", "twist", SG_MAJOR},
        {"She betrays Daniel", "twist", SG_MAJOR},
        {"Daniel drowns Vic", "death", SG_MAJOR},
        {"In the last scene", "ending", SG_MAJOR},
    };
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(a, &n);
    int bad = 0;
    for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
        const char *at = strstr(sg_t_review_spoiling, want[w].in);
        assert_non_null(at);
        size_t off = (size_t)(at - sg_t_review_spoiling);
        int found = 0;
        for (size_t i = 0; i < n; i++)
            if (f[i].start <= off && off < f[i].end && !strcmp(f[i].kind, want[w].kind) &&
                f[i].severity >= want[w].severity)
                found = 1;
        if (!found) {
            print_error("no %s %s flag on \"%s\"\n", want[w].kind,
                        want[w].severity == SG_MAJOR ? "major" : "minor", want[w].in);
            bad++;
        }
    }
    /* the closing opinion stays unflagged */
    const char *last = strstr(sg_t_review_spoiling, "It is a bleak ending");
    for (size_t i = 0; i < n; i++)
        if (f[i].start <= (size_t)(last - sg_t_review_spoiling) &&
            (size_t)(last - sg_t_review_spoiling) < f[i].end) {
            print_error("flagged the closing opinion: %s by %s\n", f[i].kind, f[i].rule);
            bad++;
        }
    if (bad)
        sg_t_describe(a);
    assert_int_equal(bad, 0);
    sg_analysis_free(a);
    sg_engine_free(e);
}

/* An engine with one weak rule and the scorer on: the scorer decides. */
static sg_engine *sg_t_weak_rule_engine(const char *pattern, double confidence,
                                        const char *kind)
{
    sg_error err;
    sg_engine *e = sg_engine_new_empty(&err);
    assert_non_null(e);
    sg_engine_use_model(e, 1);
    const char *pats[] = {pattern, NULL};
    sg_rule_def r;
    memset(&r, 0, sizeof r);
    r.id = "test.weak";
    r.kind = kind;
    r.severity = SG_MINOR;
    r.confidence = confidence;
    r.patterns = pats;
    if (sg_engine_add_rule(e, &r, &err) != SG_OK)
        print_error("add_rule: %s\n", err.message);
    return e;
}

static void test_a_weak_rule_hit_is_vetoed_by_a_low_model_score(void **state)
{
    (void)state;
    const char *text = "A lovely film about friendship.";
    double m = sg_score_sentence(text, strlen(text));
    if (!(m < 0.3))
        print_error("precondition: the scorer gives %.3f to \"%s\"\n", m, text);
    assert_true(m < 0.3);
    sg_engine *e = sg_t_weak_rule_engine("\\blovely\\b", 0.6, "plot");
    sg_analysis *a = sg_t_analyze(e, text);
    size_t n = 0, nall = 0;
    sg_analysis_flags(a, &n);
    const sg_flag *all = sg_analysis_all_flags(a, &nall);
    assert_int_equal(n, 0);
    assert_int_equal(nall, 1);
    assert_string_equal(all[0].rule, "test.weak");
    assert_true(all[0].confidence < 0.5);
    sg_analysis_free(a);
    sg_engine_free(e);
}

static void test_a_lowered_rule_hit_never_hides_what_the_model_is_sure_of(void **state)
{
    (void)state;
    const char *text = "Ok-ju kills the boss.";
    double m = sg_score_sentence(text, strlen(text));
    if (!(m >= 0.6))
        print_error("precondition: the scorer gives %.3f to \"%s\"\n", m, text);
    assert_true(m >= 0.6);
    sg_engine *e = sg_t_weak_rule_engine("\\bboss\\b", 0.1, "death");
    sg_analysis *a = sg_t_analyze(e, text);
    size_t n = 0;
    const sg_flag *f = sg_analysis_flags(a, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].rule, "test.weak");
    assert_true(fabs(f[0].confidence - m) < 1e-9);
    assert_true(fabs(f[0].model_score - m) < 1e-9);
    sg_analysis_free(a);
    sg_engine_free(e);
}

static void test_a_counter_rule_discounts_the_model_and_raises_no_flag(void **state)
{
    (void)state;
    const char *text = "Ok-ju kills the boss.";
    sg_engine *e = sg_t_weak_rule_engine("\\bboss\\b", 0.9, "counter");
    sg_analysis *a = sg_t_analyze(e, text);
    size_t n = 0, nall = 0;
    sg_analysis_flags(a, &n);
    sg_analysis_all_flags(a, &nall);
    assert_int_equal(n, 0);
    assert_int_equal(nall, 0);
    sg_analysis_free(a);
    sg_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_killings_of_characters_are_major_deaths),
        cmocka_unit_test(test_dying_is_a_death_major_with_a_character_or_late),
        cmocka_unit_test(test_premise_deaths_are_minor),
        cmocka_unit_test(test_late_suicides_sacrifices_and_dispatches_are_major),
        cmocka_unit_test(test_figures_of_speech_with_death_words_are_not_deaths),
        cmocka_unit_test(test_hypotheticals_negations_and_the_reviewers_voice_lower_deaths),
        cmocka_unit_test(test_fates_and_endings_that_tell_what_happens_are_flagged),
        cmocka_unit_test(test_opinions_about_the_ending_are_not_endings),
        cmocka_unit_test(test_twists_and_identity_reveals_are_major),
        cmocka_unit_test(test_talk_of_twists_and_turns_in_the_film_is_not_a_twist),
        cmocka_unit_test(test_relationships_and_turns_of_the_plot_are_plot_flags),
        cmocka_unit_test(test_review_talk_of_love_and_reunions_is_not_plot),
        cmocka_unit_test(test_rules_ignore_case_and_take_both_apostrophes),
        cmocka_unit_test(test_a_users_character_list_makes_named_deaths_major),
        cmocka_unit_test(test_flags_carry_their_evidence_inside_the_sentence),
        cmocka_unit_test(test_with_the_model_plain_spoilers_are_still_flagged),
        cmocka_unit_test(test_with_the_model_figures_of_speech_raise_no_flag),
        cmocka_unit_test(test_a_review_that_tells_no_story_has_no_major_flag),
        cmocka_unit_test(test_a_review_that_tells_the_ending_has_major_flags_on_it),
        cmocka_unit_test(test_a_weak_rule_hit_is_vetoed_by_a_low_model_score),
        cmocka_unit_test(test_a_lowered_rule_hit_never_hides_what_the_model_is_sure_of),
        cmocka_unit_test(test_a_counter_rule_discounts_the_model_and_raises_no_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
