/*
 * sg_score.c -- the learned scorer: hashed word, word-pair and cue features
 * and a pruned int8 logistic-regression model.  The trainer (tools/sg_train*)
 * computes its features with sg_features from here, so training and scoring
 * share one feature extractor.  Depends on libc (pthread_once included),
 * libm, and sg_file.c to read a model file.
 */
#include "sg_score.h"
#include "sg_internal.h"
#include "sg_text.h"
#include "sg_utf8.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------- */

/* Local so the scorer links with nothing but libc and libm. */
static sg_status sg_score_fail(sg_error *err, sg_status st, const char *fmt,
                               ...) __attribute__((format(printf, 3, 4)));

static sg_status sg_score_fail(sg_error *err, sg_status st, const char *fmt,
                               ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = st;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return st;
}

/* ---- cue words ------------------------------------------------------------- */

/* Bits past the public SG_CUE_* ones: words the phrase and subject patterns
 * look for. */
#define SG_CUE_MASK 0x1FFu
#define SG_W_TURN (1u << 12)
#define SG_W_OUT (1u << 13)
#define SG_W_REALISH (1u << 14)
#define SG_W_IDENTITY (1u << 15)
#define SG_W_BE (1u << 16)
#define SG_W_REALLY (1u << 17)
#define SG_W_FALL (1u << 18)
#define SG_W_IN (1u << 19)
#define SG_W_LOVE (1u << 20)
#define SG_W_BREAK (1u << 21)
#define SG_W_UP (1u << 22)
#define SG_W_HAD (1u << 23)
#define SG_W_THE (1u << 24)
#define SG_W_BEEN (1u << 25)
#define SG_W_FUNC (1u << 26) /* function words: never a name, never a verb */
#define SG_W_VERB (1u << 27) /* irregular narrative verbs */
#define SG_W_END_WORD (1u << 28) /* "end", as in "in the end" */
/* Bits the scorer's features never read: what the context stage counts in
 * the same pass (sg_sentence_words): the reviewer's "I", the reader's "you", and
 * words that judge ("great", "rushed") rather than tell. */
#define SG_W_FIRST (1u << 29)
#define SG_W_SECOND (1u << 30)
#define SG_W_JUDGE (1u << 31)
#define SG_W_COUNTED (SG_W_FIRST | SG_W_SECOND | SG_W_JUDGE)
/* The last words of the phrases sg_phrases() looks for. */
#define SG_W_PHRASE_LAST \
    (SG_W_OUT | SG_W_IDENTITY | SG_W_REALLY | SG_W_LOVE | SG_W_UP | \
     SG_W_END_WORD)

typedef struct sg_cue_entry {
    const char *word;
    uint32_t bits;
} sg_cue_entry;

/* Sorted by bytes, so sg_cue_word() lists them in order. */
static const sg_cue_entry sg_cue_words[] = {
    {"a", SG_W_FUNC}, {"acting", SG_CUE_REVIEW}, {"actor", SG_CUE_REVIEW},
    {"actors", SG_CUE_REVIEW}, {"actress", SG_CUE_REVIEW},
    {"actresses", SG_CUE_REVIEW}, {"actually", SG_CUE_REVEAL},
    {"admits", SG_CUE_REVEAL}, {"admitted", SG_CUE_REVEAL},
    {"affair", SG_CUE_RELATION}, {"after", SG_W_FUNC},
    {"aftermath", SG_CUE_END}, {"afterward", SG_CUE_END},
    {"afterwards", SG_CUE_END}, {"all", SG_W_FUNC}, {"also", SG_W_FUNC},
    {"although", SG_W_FUNC}, {"amazing", SG_W_JUDGE}, {"an", SG_W_FUNC},
    {"and", SG_W_FUNC}, {"annoying", SG_W_JUDGE},
    {"apparently", SG_CUE_HYPOTHETICAL}, {"are", SG_W_BE},
    {"aren't", SG_CUE_NEGATION}, {"as", SG_W_FUNC},
    {"assassinate", SG_CUE_DEATH}, {"assassinated", SG_CUE_DEATH},
    {"assassination", SG_CUE_DEATH}, {"at", SG_W_FUNC},
    {"audience", SG_CUE_REVIEW}, {"audiences", SG_CUE_REVIEW},
    {"awesome", SG_W_JUDGE}, {"awful", SG_W_JUDGE}, {"bad", SG_W_JUDGE},
    {"beautiful", SG_W_JUDGE}, {"beautifully", SG_W_JUDGE},
    {"became", SG_CUE_CHANGE | SG_W_VERB}, {"because", SG_W_FUNC},
    {"become", SG_CUE_CHANGE}, {"becomes", SG_CUE_CHANGE | SG_W_VERB},
    {"becoming", SG_CUE_CHANGE}, {"been", SG_W_BEEN}, {"before", SG_W_FUNC},
    {"began", SG_W_VERB}, {"begins", SG_W_VERB}, {"beheaded", SG_CUE_DEATH},
    {"best", SG_W_JUDGE}, {"betray", SG_CUE_REVEAL},
    {"betrayal", SG_CUE_REVEAL}, {"betrayed", SG_CUE_REVEAL},
    {"betraying", SG_CUE_REVEAL}, {"betrays", SG_CUE_REVEAL},
    {"bland", SG_W_JUDGE}, {"bleeds", SG_CUE_DEATH}, {"boring", SG_W_JUDGE},
    {"both", SG_W_FUNC}, {"boyfriend", SG_CUE_RELATION}, {"break", SG_W_BREAK},
    {"breaking", SG_W_BREAK}, {"breaks", SG_W_BREAK}, {"brilliant", SG_W_JUDGE},
    {"brilliantly", SG_W_JUDGE}, {"brings", SG_W_VERB}, {"broke", SG_W_BREAK},
    {"brought", SG_W_VERB}, {"but", SG_W_FUNC}, {"by", SG_W_FUNC},
    {"came", SG_W_VERB}, {"can't", SG_CUE_NEGATION},
    {"cannot", SG_CUE_NEGATION}, {"cast", SG_CUE_REVIEW},
    {"casting", SG_CUE_REVIEW}, {"casualties", SG_CUE_DEATH},
    {"casualty", SG_CUE_DEATH}, {"charming", SG_W_JUDGE}, {"cheap", SG_W_JUDGE},
    {"clever", SG_W_JUDGE}, {"climax", SG_CUE_END}, {"comes", SG_W_VERB},
    {"compelling", SG_W_JUDGE}, {"conclusion", SG_CUE_END},
    {"confessed", SG_CUE_REVEAL}, {"confesses", SG_CUE_REVEAL},
    {"convincing", SG_W_JUDGE}, {"cool", SG_W_JUDGE}, {"corpse", SG_CUE_DEATH},
    {"corpses", SG_CUE_DEATH}, {"could", SG_CUE_HYPOTHETICAL},
    {"couldn't", SG_CUE_NEGATION}, {"culminates", SG_CUE_END},
    {"dating", SG_CUE_RELATION}, {"dead", SG_CUE_DEATH},
    {"death", SG_CUE_DEATH}, {"deaths", SG_CUE_DEATH},
    {"decapitated", SG_CUE_DEATH}, {"deceased", SG_CUE_DEATH},
    {"decent", SG_W_JUDGE}, {"delightful", SG_W_JUDGE},
    {"demise", SG_CUE_DEATH}, {"did", SG_W_VERB}, {"didn't", SG_CUE_NEGATION},
    {"die", SG_CUE_DEATH}, {"died", SG_CUE_DEATH}, {"dies", SG_CUE_DEATH},
    {"directed", SG_CUE_REVIEW}, {"director", SG_CUE_REVIEW},
    {"directors", SG_CUE_REVIEW}, {"disappointed", SG_W_JUDGE},
    {"disappointing", SG_W_JUDGE}, {"discover", SG_CUE_REVEAL},
    {"discovered", SG_CUE_REVEAL}, {"discovers", SG_CUE_REVEAL},
    {"disguise", SG_CUE_REVEAL}, {"disguised", SG_CUE_REVEAL},
    {"disguises", SG_CUE_REVEAL}, {"divorce", SG_CUE_RELATION},
    {"divorced", SG_CUE_RELATION}, {"divorces", SG_CUE_RELATION},
    {"does", SG_W_VERB}, {"doesn't", SG_CUE_NEGATION},
    {"don't", SG_CUE_NEGATION}, {"doomed", SG_CUE_DEATH},
    {"drown", SG_CUE_DEATH}, {"drowned", SG_CUE_DEATH},
    {"drowns", SG_CUE_DEATH}, {"dull", SG_W_JUDGE}, {"during", SG_W_FUNC},
    {"dying", SG_CUE_DEATH}, {"each", SG_W_FUNC}, {"effective", SG_W_JUDGE},
    {"effectively", SG_W_JUDGE}, {"emotional", SG_W_JUDGE},
    {"end", SG_CUE_END | SG_W_END_WORD}, {"ended", SG_CUE_END},
    {"ending", SG_CUE_END}, {"endings", SG_CUE_END}, {"ends", SG_CUE_END},
    {"engaged", SG_CUE_RELATION}, {"engagement", SG_CUE_RELATION},
    {"engaging", SG_W_JUDGE}, {"enjoy", SG_W_JUDGE}, {"enjoyable", SG_W_JUDGE},
    {"enjoyed", SG_W_JUDGE}, {"entertaining", SG_W_JUDGE},
    {"epilogue", SG_CUE_END}, {"episode", SG_CUE_REVIEW},
    {"episodes", SG_CUE_REVIEW}, {"escaped", SG_CUE_CHANGE},
    {"escapes", SG_CUE_CHANGE}, {"eventually", SG_CUE_END},
    {"every", SG_W_FUNC}, {"excellent", SG_W_JUDGE}, {"excited", SG_W_JUDGE},
    {"executed", SG_CUE_DEATH | SG_W_JUDGE}, {"executes", SG_CUE_DEATH},
    {"execution", SG_CUE_DEATH}, {"expertly", SG_W_JUDGE},
    {"exposed", SG_CUE_REVEAL}, {"fall", SG_W_FALL}, {"fallen", SG_W_FALL},
    {"falling", SG_W_FALL}, {"falls", SG_W_FALL | SG_W_VERB},
    {"fans", SG_CUE_REVIEW}, {"fantastic", SG_W_JUDGE}, {"fatal", SG_CUE_DEATH},
    {"fatally", SG_CUE_DEATH}, {"fate", SG_CUE_END}, {"fates", SG_CUE_END},
    {"favorite", SG_W_JUDGE}, {"favourite", SG_W_JUDGE},
    {"fell", SG_W_FALL | SG_W_VERB}, {"fiance", SG_CUE_RELATION},
    {"fiancee", SG_CUE_RELATION}, {"fights", SG_W_VERB},
    {"film", SG_CUE_REVIEW}, {"films", SG_CUE_REVIEW}, {"final", SG_CUE_END},
    {"finale", SG_CUE_END}, {"finally", SG_CUE_END}, {"finds", SG_W_VERB},
    {"fine", SG_W_JUDGE}, {"flawed", SG_W_JUDGE}, {"for", SG_W_FUNC},
    {"forgettable", SG_W_JUDGE}, {"fought", SG_W_VERB}, {"found", SG_W_VERB},
    {"from", SG_W_FUNC}, {"fun", SG_W_JUDGE}, {"funeral", SG_CUE_DEATH},
    {"funny", SG_W_JUDGE}, {"gave", SG_W_VERB}, {"gets", SG_W_VERB},
    {"girlfriend", SG_CUE_RELATION}, {"gives", SG_W_VERB}, {"goes", SG_W_VERB},
    {"gorgeous", SG_W_JUDGE}, {"got", SG_W_VERB}, {"great", SG_W_JUDGE},
    {"gripping", SG_W_JUDGE}, {"had", SG_W_HAD | SG_W_VERB},
    {"hadn't", SG_CUE_NEGATION}, {"handled", SG_W_JUDGE}, {"has", SG_W_VERB},
    {"hasn't", SG_CUE_NEGATION}, {"hated", SG_W_JUDGE},
    {"haven't", SG_CUE_NEGATION}, {"he", SG_CUE_PRONOUN | SG_W_FUNC},
    {"held", SG_W_VERB}, {"her", SG_W_FUNC}, {"here", SG_W_FUNC},
    {"highlight", SG_W_JUDGE}, {"hilarious", SG_W_JUDGE}, {"his", SG_W_FUNC},
    {"holds", SG_W_VERB}, {"how", SG_W_FUNC}, {"however", SG_W_FUNC},
    {"husband", SG_CUE_RELATION}, {"i", SG_CUE_REVIEW | SG_W_FUNC | SG_W_FIRST},
    {"i'd", SG_CUE_REVIEW | SG_W_FIRST}, {"i'm", SG_CUE_REVIEW | SG_W_FIRST},
    {"i've", SG_CUE_REVIEW | SG_W_FIRST},
    {"identity", SG_CUE_REVEAL | SG_W_IDENTITY},
    {"if", SG_CUE_HYPOTHETICAL | SG_W_FUNC}, {"imagine", SG_CUE_HYPOTHETICAL},
    {"imposter", SG_CUE_REVEAL}, {"impostor", SG_CUE_REVEAL},
    {"impressed", SG_W_JUDGE}, {"impressive", SG_W_JUDGE},
    {"in", SG_W_FUNC | SG_W_IN}, {"incredible", SG_W_JUDGE},
    {"interesting", SG_W_JUDGE}, {"is", SG_W_BE | SG_W_VERB},
    {"isn't", SG_CUE_NEGATION}, {"it", SG_W_FUNC}, {"its", SG_W_FUNC},
    {"joined", SG_CUE_CHANGE}, {"joins", SG_CUE_CHANGE}, {"keeps", SG_W_VERB},
    {"kept", SG_W_VERB}, {"kill", SG_CUE_DEATH}, {"killed", SG_CUE_DEATH},
    {"killer", SG_CUE_DEATH}, {"killers", SG_CUE_DEATH},
    {"killing", SG_CUE_DEATH}, {"kills", SG_CUE_DEATH},
    {"kiss", SG_CUE_RELATION}, {"kissed", SG_CUE_RELATION},
    {"kisses", SG_CUE_RELATION}, {"kissing", SG_CUE_RELATION},
    {"knew", SG_W_VERB}, {"knows", SG_W_VERB}, {"last", SG_CUE_END},
    {"lastly", SG_CUE_END}, {"later", SG_CUE_END | SG_W_FUNC},
    {"learned", SG_CUE_REVEAL}, {"learns", SG_CUE_REVEAL},
    {"leaves", SG_CUE_CHANGE | SG_W_VERB}, {"left", SG_W_VERB},
    {"lifeless", SG_CUE_DEATH}, {"liked", SG_W_JUDGE},
    {"likely", SG_CUE_HYPOTHETICAL}, {"loses", SG_CUE_CHANGE | SG_W_VERB},
    {"lost", SG_CUE_CHANGE | SG_W_VERB}, {"love", SG_W_LOVE},
    {"loved", SG_W_JUDGE}, {"lovely", SG_W_JUDGE}, {"lover", SG_CUE_RELATION},
    {"lovers", SG_CUE_RELATION}, {"made", SG_W_VERB}, {"makes", SG_W_VERB},
    {"marriage", SG_CUE_RELATION}, {"married", SG_CUE_RELATION},
    {"marries", SG_CUE_RELATION}, {"marry", SG_CUE_RELATION},
    {"marrying", SG_CUE_RELATION}, {"massacre", SG_CUE_DEATH},
    {"massacred", SG_CUE_DEATH}, {"masterful", SG_W_JUDGE},
    {"mastermind", SG_CUE_REVEAL}, {"masterpiece", SG_W_JUDGE},
    {"may", SG_CUE_HYPOTHETICAL}, {"maybe", SG_CUE_HYPOTHETICAL},
    {"me", SG_CUE_REVIEW | SG_W_FIRST}, {"meanwhile", SG_W_FUNC},
    {"mediocre", SG_W_JUDGE}, {"meets", SG_W_VERB}, {"memorable", SG_W_JUDGE},
    {"mess", SG_W_JUDGE}, {"messy", SG_W_JUDGE}, {"met", SG_W_VERB},
    {"might", SG_CUE_HYPOTHETICAL}, {"mole", SG_CUE_REVEAL},
    {"mortally", SG_CUE_DEATH}, {"movie", SG_CUE_REVIEW},
    {"movies", SG_CUE_REVIEW}, {"murder", SG_CUE_DEATH},
    {"murdered", SG_CUE_DEATH}, {"murderer", SG_CUE_DEATH},
    {"murdering", SG_CUE_DEATH}, {"murders", SG_CUE_DEATH},
    {"my", SG_CUE_REVIEW | SG_W_FUNC | SG_W_FIRST}, {"myself", SG_W_FIRST},
    {"neither", SG_CUE_NEGATION}, {"never", SG_CUE_NEGATION},
    {"nice", SG_W_JUDGE}, {"no", SG_CUE_NEGATION}, {"nobody", SG_CUE_NEGATION},
    {"none", SG_CUE_NEGATION}, {"nor", SG_CUE_NEGATION},
    {"not", SG_CUE_NEGATION}, {"nothing", SG_CUE_NEGATION}, {"of", SG_W_FUNC},
    {"on", SG_W_FUNC}, {"once", SG_W_FUNC}, {"one", SG_W_FUNC},
    {"or", SG_W_FUNC}, {"our", SG_CUE_REVIEW | SG_W_FUNC | SG_W_FIRST},
    {"out", SG_W_OUT}, {"overrated", SG_W_JUDGE}, {"pacing", SG_W_JUDGE},
    {"perfect", SG_W_JUDGE}, {"perfectly", SG_W_JUDGE},
    {"performance", SG_CUE_REVIEW}, {"performances", SG_CUE_REVIEW},
    {"perhaps", SG_CUE_HYPOTHETICAL}, {"perish", SG_CUE_DEATH},
    {"perished", SG_CUE_DEATH}, {"perishes", SG_CUE_DEATH},
    {"played", SG_CUE_REVIEW}, {"plays", SG_CUE_REVIEW},
    {"pointless", SG_W_JUDGE}, {"poisoned", SG_CUE_DEATH},
    {"poorly", SG_W_JUDGE}, {"possibly", SG_CUE_HYPOTHETICAL},
    {"powerful", SG_W_JUDGE}, {"predictable", SG_W_JUDGE},
    {"pregnancy", SG_CUE_RELATION}, {"pregnant", SG_CUE_RELATION},
    {"presumably", SG_CUE_HYPOTHETICAL}, {"probably", SG_CUE_HYPOTHETICAL},
    {"ran", SG_W_VERB}, {"real", SG_W_REALISH}, {"realised", SG_CUE_REVEAL},
    {"realises", SG_CUE_REVEAL}, {"realized", SG_CUE_REVEAL},
    {"realizes", SG_CUE_REVEAL}, {"really", SG_W_REALLY},
    {"recommend", SG_W_JUDGE}, {"replaced", SG_CUE_CHANGE},
    {"replaces", SG_CUE_CHANGE}, {"rescued", SG_CUE_CHANGE},
    {"rescues", SG_CUE_CHANGE}, {"returned", SG_CUE_CHANGE},
    {"returns", SG_CUE_CHANGE}, {"reunite", SG_CUE_RELATION},
    {"reunited", SG_CUE_RELATION}, {"reunites", SG_CUE_RELATION},
    {"reveal", SG_CUE_REVEAL}, {"revealed", SG_CUE_REVEAL},
    {"revealing", SG_CUE_REVEAL}, {"reveals", SG_CUE_REVEAL},
    {"revelation", SG_CUE_REVEAL}, {"romance", SG_CUE_RELATION},
    {"runs", SG_W_VERB}, {"rushed", SG_W_JUDGE}, {"sacrifice", SG_CUE_DEATH},
    {"sacrificed", SG_CUE_DEATH}, {"sacrifices", SG_CUE_DEATH},
    {"sacrificing", SG_CUE_DEATH}, {"said", SG_W_VERB},
    {"satisfying", SG_W_JUDGE}, {"saw", SG_W_VERB}, {"says", SG_W_VERB},
    {"screenplay", SG_CUE_REVIEW}, {"script", SG_CUE_REVIEW},
    {"secret", SG_CUE_REVEAL | SG_W_REALISH}, {"secretly", SG_CUE_REVEAL},
    {"secrets", SG_CUE_REVEAL}, {"seem", SG_CUE_HYPOTHETICAL},
    {"seemed", SG_CUE_HYPOTHETICAL}, {"seems", SG_CUE_HYPOTHETICAL},
    {"sees", SG_W_VERB}, {"sends", SG_W_VERB}, {"sent", SG_W_VERB},
    {"series", SG_CUE_REVIEW}, {"she", SG_CUE_PRONOUN | SG_W_FUNC},
    {"should", SG_CUE_HYPOTHETICAL}, {"shouldn't", SG_CUE_NEGATION},
    {"show", SG_CUE_REVIEW}, {"shows", SG_CUE_REVIEW}, {"silly", SG_W_JUDGE},
    {"since", SG_W_FUNC}, {"slain", SG_CUE_DEATH},
    {"slaughtered", SG_CUE_DEATH}, {"slay", SG_CUE_DEATH},
    {"slays", SG_CUE_DEATH}, {"so", SG_W_FUNC}, {"solid", SG_W_JUDGE},
    {"some", SG_W_FUNC}, {"stabbed", SG_CUE_DEATH}, {"stabs", SG_CUE_DEATH},
    {"standout", SG_W_JUDGE}, {"strong", SG_W_JUDGE}, {"stunning", SG_W_JUDGE},
    {"suicide", SG_CUE_DEATH}, {"superb", SG_W_JUDGE},
    {"supposedly", SG_CUE_HYPOTHETICAL}, {"survive", SG_CUE_END},
    {"survived", SG_CUE_END}, {"survives", SG_CUE_END},
    {"survivor", SG_CUE_END}, {"survivors", SG_CUE_END}, {"takes", SG_W_VERB},
    {"tells", SG_W_VERB}, {"terrible", SG_W_JUDGE}, {"that", SG_W_FUNC},
    {"the", SG_W_FUNC | SG_W_THE}, {"their", SG_W_FUNC}, {"then", SG_W_FUNC},
    {"there", SG_W_FUNC}, {"these", SG_W_FUNC},
    {"they", SG_CUE_PRONOUN | SG_W_FUNC}, {"thinks", SG_W_VERB},
    {"this", SG_W_FUNC}, {"those", SG_W_FUNC}, {"though", SG_W_FUNC},
    {"thought", SG_W_VERB}, {"thrilling", SG_W_JUDGE}, {"to", SG_W_FUNC},
    {"told", SG_W_VERB}, {"took", SG_W_VERB}, {"traitor", SG_CUE_REVEAL},
    {"transformed", SG_CUE_CHANGE}, {"transforms", SG_CUE_CHANGE},
    {"true", SG_W_REALISH}, {"truth", SG_CUE_REVEAL}, {"turn", SG_W_TURN},
    {"turned", SG_W_TURN}, {"turning", SG_W_TURN}, {"turns", SG_W_TURN},
    {"twist", SG_CUE_REVEAL}, {"twists", SG_CUE_REVEAL},
    {"ultimately", SG_CUE_END}, {"underwhelming", SG_W_JUDGE},
    {"unless", SG_CUE_HYPOTHETICAL}, {"unmasked", SG_CUE_REVEAL},
    {"unsatisfying", SG_W_JUDGE}, {"until", SG_CUE_END}, {"up", SG_W_UP},
    {"us", SG_CUE_REVIEW | SG_W_FIRST}, {"viewer", SG_CUE_REVIEW},
    {"viewers", SG_CUE_REVIEW}, {"was", SG_W_BE | SG_W_VERB},
    {"wasn't", SG_CUE_NEGATION}, {"we", SG_CUE_REVIEW | SG_W_FUNC | SG_W_FIRST},
    {"we're", SG_CUE_REVIEW}, {"we've", SG_CUE_REVIEW}, {"weak", SG_W_JUDGE},
    {"wedding", SG_CUE_RELATION}, {"weds", SG_CUE_RELATION},
    {"well", SG_W_JUDGE}, {"went", SG_W_VERB}, {"were", SG_W_BE},
    {"weren't", SG_CUE_NEGATION}, {"what", SG_W_FUNC}, {"when", SG_W_FUNC},
    {"where", SG_W_FUNC}, {"whether", SG_CUE_HYPOTHETICAL},
    {"which", SG_W_FUNC}, {"while", SG_W_FUNC}, {"who", SG_W_FUNC},
    {"why", SG_W_FUNC}, {"wife", SG_CUE_RELATION},
    {"wins", SG_CUE_CHANGE | SG_W_VERB}, {"with", SG_W_FUNC},
    {"without", SG_CUE_NEGATION}, {"won", SG_CUE_CHANGE | SG_W_VERB},
    {"won't", SG_CUE_NEGATION}, {"wonderful", SG_W_JUDGE},
    {"wonderfully", SG_W_JUDGE}, {"worst", SG_W_JUDGE}, {"worth", SG_W_JUDGE},
    {"would", SG_CUE_HYPOTHETICAL}, {"wouldn't", SG_CUE_NEGATION},
    {"writer", SG_CUE_REVIEW}, {"writers", SG_CUE_REVIEW},
    {"writing", SG_W_JUDGE}, {"you", SG_W_FUNC | SG_W_SECOND},
    {"your", SG_W_FUNC | SG_W_SECOND},
};

#define SG_CUE_WORDS (sizeof sg_cue_words / sizeof sg_cue_words[0])
#define SG_CUE_MAXLEN 16  /* longer words are never cue words */
#define SG_STEM_MAXLEN 24 /* longer words have no stem feature */

#define SG_FNV_OFFSET 0xcbf29ce484222325ULL
#define SG_FNV_PRIME 0x100000001b3ULL
#define SG_FNV_PRIME_INV 0xce965057aff6957bULL /* its inverse mod 2^64 */

static uint64_t sg_hash_bytes(const char *p, size_t n)
{
    uint64_t h = SG_FNV_OFFSET;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * SG_FNV_PRIME;
    return h;
}

/* The last 8 bytes of a word, newest lowest, as the scanner keeps them. */
static uint64_t sg_tail_bytes(const char *p, size_t n)
{
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++)
        t = t << 8 | (unsigned char)p[i];
    return t;
}

/* The cue words by a key the scanner has at hand, built once: a lookup is
 * then a probe or two instead of a string search per word.  A word of up to 8
 * bytes is its own key (its bytes, which no other word shares: words hold no
 * NUL); a longer one is keyed by its hash and its bytes are checked on a
 * match.  The keys have an array of their own, so a probe reads 8 bytes; 0
 * marks an empty slot (no key is 0).  Slots are four times the words, so
 * most probes that find nothing end at once. */
#define SG_CUE_SLOTS 2048u
typedef struct sg_cue_slot {
    uint32_t bits;
    uint16_t at; /* entry + 1 */
    uint8_t len;
} sg_cue_slot;
static uint64_t sg_cue_keys[SG_CUE_SLOTS];
static sg_cue_slot sg_cue_slots[SG_CUE_SLOTS];
static pthread_once_t sg_cue_once = PTHREAD_ONCE_INIT;

/* ASCII letters and digits as the scanner keeps them (lower case; every
 * digit '0', so "season 2" and "season 3" are one word pair); 0 for other
 * bytes. */
static unsigned char sg_fold[256];

/* The key of a word of n (1..SG_CUE_MAXLEN) bytes, hash h, whose bytes are
 * tail when n <= 8 (the scanner's tail starts at 0 with each word). */
static inline uint64_t sg_cue_key(uint64_t h, uint64_t tail, size_t n)
{
    return n <= 8 ? tail : h;
}

static inline size_t sg_cue_slot_of(uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (SG_CUE_SLOTS - 1);
}

/* The cue slots and sg_fold, built once. */
static void sg_cue_init(void)
{
    for (unsigned c = 0; c < 26; c++)
        sg_fold['a' + c] = sg_fold['A' + c] = (unsigned char)('a' + c);
    memset(&sg_fold['0'], '0', 10);
    for (size_t i = 0; i < SG_CUE_WORDS; i++) {
        const char *w = sg_cue_words[i].word;
        size_t n = strlen(w);
        uint64_t h = sg_hash_bytes(w, n);
        size_t k = sg_cue_slot_of(h);
        while (sg_cue_keys[k])
            k = (k + 1) & (SG_CUE_SLOTS - 1);
        sg_cue_keys[k] = sg_cue_key(h, sg_tail_bytes(w, n), n);
        sg_cue_slots[k].bits = sg_cue_words[i].bits;
        sg_cue_slots[k].at = (uint16_t)(i + 1);
        sg_cue_slots[k].len = (uint8_t)n;
    }
}

/* Whether cue word `cw` is the n bytes at `w`, lower-case or (with `fold`)
 * ASCII letters and digits as they stand in a text. */
static int sg_cue_same(const char *cw, const unsigned char *w, size_t n,
                       int fold)
{
    if (!fold)
        return memcmp(cw, w, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (sg_fold[w[i]] != (unsigned char)cw[i])
            return 0;
    return 1;
}

/* Families and pattern bits of a word `w` (n bytes, hash h, bytes or last
 * bytes tail), lower-case or, with `fold`, to be folded. */
static inline uint32_t sg_cue_lookup(uint64_t h, uint64_t tail,
                                     const unsigned char *w, size_t n, int fold)
{
    if (n - 1 >= SG_CUE_MAXLEN)
        return 0;
    uint64_t key = sg_cue_key(h, tail, n);
    for (size_t k = sg_cue_slot_of(h); sg_cue_keys[k];
         k = (k + 1) & (SG_CUE_SLOTS - 1)) {
        if (sg_cue_keys[k] != key)
            continue;
        const sg_cue_slot *e = &sg_cue_slots[k];
        if (e->len == n &&
            (n <= 8 || sg_cue_same(sg_cue_words[e->at - 1].word, w, n, fold)))
            return e->bits;
    }
    return 0;
}

unsigned sg_cue_families(const char *word, size_t n)
{
    char lc[SG_CUE_MAXLEN];
    if (!word || n == 0 || n > SG_CUE_MAXLEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        lc[i] = (char)sg_to_lower((unsigned char)word[i]);
    pthread_once(&sg_cue_once, sg_cue_init);
    return sg_cue_lookup(sg_hash_bytes(lc, n), sg_tail_bytes(lc, n),
                         (const unsigned char *)lc, n, 0) &
           SG_CUE_MASK;
}

const char *sg_cue_word(size_t i, unsigned *families)
{
    if (i >= SG_CUE_WORDS)
        return NULL;
    if (families)
        *families = sg_cue_words[i].bits & SG_CUE_MASK;
    return sg_cue_words[i].word;
}

/* ---- hashing ---------------------------------------------------------------- */

/* Feature namespaces keep a word, a pair and a cue from sharing a hash. */
enum {
    SG_NS_UNI = 1,
    SG_NS_BI,
    SG_NS_STEM,
    SG_NS_CUE,    /* a cue family, per occurrence */
    SG_NS_NARR,   /* a narrative pattern, per occurrence */
    SG_NS_HAS,    /* a signal present in the sentence */
    SG_NS_PAIR,   /* two signals present together */
    SG_NS_SUBJ,   /* a cue family right after a subject */
    SG_NS_LEN,
    SG_NS_CAPS,
    SG_NS_MARK,
    SG_NS_NAMEBI /* a word pair with names abstracted */
};

/* A namespace and two 64-bit parts mixed into one well-spread 32-bit hash
 * (the MurmurHash3 finaliser). */
static inline uint32_t sg_fh(uint64_t ns, uint64_t a, uint64_t b)
{
    uint64_t k = a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (ns * 0xC2B2AE3D27D4EB4FULL);
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

/* ---- the feature scanner ----------------------------------------------------- */

/* Narrative patterns (bit numbers in sg_scan.signals above the families). */
enum {
    SG_N_PRON_PRES = 0, /* "he kills" */
    SG_N_PRON_PAST,     /* "she found" */
    SG_N_NAME_PRES,     /* "Sydney kills" */
    SG_N_NAME_PAST,     /* "Sydney killed" */
    SG_N_PAST_PERFECT,  /* "had killed", "had been" */
    SG_N_TURNS_OUT,
    SG_N_REAL_IDENTITY,
    SG_N_WAS_REALLY,
    SG_N_FALLS_IN_LOVE,
    SG_N_BREAKS_UP,
    SG_N_IN_THE_END,
    SG_N__COUNT
};
#define SG_SIG_FAMILIES 9 /* signals 0..8 are cue families, then patterns */
#define SG_SIG_COUNT (SG_SIG_FAMILIES + SG_N__COUNT)
_Static_assert(SG_SIG_COUNT <= 32, "signals are bits of a uint32_t");

/* What a word is besides its cue bits, as one bit set. */
enum {
    SG_IS_CAP = 1,  /* starts with a capital letter */
    SG_IS_NAME = 2, /* stands for a name in the name pairs */
    SG_IS_POSS = 4, /* ends in 's */
    SG_IS_PRES = 8, /* looks like a present-tense verb */
    SG_IS_PAST = 16 /* looks like a past-tense verb */
};

typedef struct sg_word {
    uint64_t h;
    uint32_t bits; /* cue families and pattern bits */
    uint32_t is;   /* SG_IS_* */
} sg_word;

/* Features go out in batches: the consumer's loop over a batch runs without
 * a call per feature.  Scoring with a flat table needs no batch: a feature
 * is one load added to a sum. */
#define SG_BATCH 64
typedef void (*sg_batch_fn)(void *ctx, const uint32_t *h, size_t n);

typedef struct sg_scan {
    unsigned flags;
    /* Where features go: with `qtab` (scoring with a flat table) their q are
     * added to `acc` one by one; else they go to `flush` in batches. */
    const int8_t *qtab;
    uint32_t mask;
    int64_t acc;
    sg_batch_fn flush;
    void *ctx;
    size_t count; /* features emitted and flushed */
    size_t nbatch;
    size_t ntok, ncaps, ndigit;
    uint32_t signals; /* families and patterns seen */
    /* what the context stage reads of the words (sg_sentence_words) */
    unsigned nfirst, nsecond, njudge, nreview;
    unsigned marks;   /* ? ! ( " : ; seen */
    /* The words before: all zero until a sentence has them, so a test of
     * their bits or flags fails at its start. */
    sg_word prev, prev2;
    /* the word being read */
    uint64_t h;
    size_t len;
    /* Its bytes, for cue words: while it is one run of ASCII letters and
     * digits, `run` points at them in the text; else lc holds the first
     * (folded) ones. */
    const unsigned char *run;
    char lc[SG_CUE_MAXLEN];
    uint64_t tail;          /* its last 8 bytes, newest lowest, 0 first */
    unsigned char cap, digit;
    struct sg_word_cache *wc; /* words already scored, or NULL */
    uint32_t batch[SG_BATCH]; /* last: not cleared per sentence */
} sg_scan;

static void sg_flush(sg_scan *s)
{
    s->flush(s->ctx, s->batch, s->nbatch);
    s->count += s->nbatch;
    s->nbatch = 0;
}

static inline void sg_emit(sg_scan *s, uint32_t h)
{
    if (s->qtab) {
        s->acc += s->qtab[h & s->mask];
        s->count++;
        return;
    }
    s->batch[s->nbatch++] = h;
    if (s->nbatch == SG_BATCH)
        sg_flush(s);
}

static inline void sg_word_byte(sg_scan *s, unsigned char c)
{
    if (s->len == 0) {
        s->h = SG_FNV_OFFSET;
        s->tail = 0;
        s->cap = (unsigned char)(c >= 'A' && c <= 'Z');
        s->digit = 0;
    } else if (s->run) {
        /* the word is no longer one run: its bytes so far go to lc */
        for (size_t i = 0; i < s->len && i < SG_CUE_MAXLEN; i++)
            s->lc[i] = (char)sg_fold[s->run[i]];
    }
    s->run = NULL;
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c + 32);
    else if (c >= '0' && c <= '9') {
        c = '0'; /* "season 2" and "season 3" are one word pair */
        s->digit = 1;
    }
    s->h = (s->h ^ c) * SG_FNV_PRIME;
    if (s->len < SG_CUE_MAXLEN)
        s->lc[s->len] = (char)c;
    s->len++;
    s->tail = s->tail << 8 | c;
}

/* Crude suffix stripping: "kills", "killed", "killing" -> "kill".  How many
 * bytes to strip from a word of n bytes ending in `tail`. */
static inline unsigned sg_stem_cut(uint64_t tail, size_t n)
{
    switch (tail & 0xFFFFu) {
    case '\'' << 8 | 's': /* "Tom's" */
        return n >= 4 ? 2 : 0;
    case 'n' << 8 | 'g':
        return n >= 6 && ((tail >> 16) & 0xFFu) == 'i' ? 3 : 0;
    case 'e' << 8 | 'd':
    case 'l' << 8 | 'y':
        return n >= 5 ? 2 : 0;
    case 's' << 8 | 's': /* "boss", "virus", "this" keep their s */
    case 'u' << 8 | 's':
    case 'i' << 8 | 's':
        return 0;
    default:
        return n >= 4 && (tail & 0xFFu) == 's' ? 1 : 0;
    }
}

/* The hash of a word without its last `cut` bytes: FNV-1a steps undone one
 * by one, the prime being invertible mod 2^64. */
static inline uint64_t sg_hash_unwind(uint64_t h, uint64_t tail, unsigned cut)
{
    for (unsigned i = 0; i < cut; i++, tail >>= 8)
        h = (h * SG_FNV_PRIME_INV) ^ (tail & 0xFFu);
    return h;
}

static inline void sg_pattern(sg_scan *s, unsigned pat)
{
    s->signals |= 1u << (SG_SIG_FAMILIES + pat);
    if (s->flags & SG_FEAT_CUES)
        sg_emit(s, sg_fh(SG_NS_NARR, pat, 0));
}

/* The phrases a word with `bits` ends ("turns out", "in the end"), rare
 * enough to be looked for only when its bits say it can end one.  Returns
 * the cue families the phrases add. */
static uint32_t sg_phrases(sg_scan *s, uint32_t bits)
{
    uint32_t p1 = s->prev.bits, p2 = s->prev2.bits, fam = 0;
    if ((bits & SG_W_OUT) && (p1 & SG_W_TURN)) {
        fam |= SG_CUE_REVEAL;
        sg_pattern(s, SG_N_TURNS_OUT);
    }
    if ((bits & SG_W_IDENTITY) && (p1 & SG_W_REALISH))
        sg_pattern(s, SG_N_REAL_IDENTITY);
    if ((bits & SG_W_REALLY) && (p1 & SG_W_BE)) {
        fam |= SG_CUE_REVEAL;
        sg_pattern(s, SG_N_WAS_REALLY);
    }
    if ((bits & SG_W_LOVE) && (p1 & SG_W_IN) && (p2 & SG_W_FALL)) {
        fam |= SG_CUE_RELATION;
        sg_pattern(s, SG_N_FALLS_IN_LOVE);
    }
    if ((bits & SG_W_UP) && (p1 & SG_W_BREAK)) {
        fam |= SG_CUE_RELATION;
        sg_pattern(s, SG_N_BREAKS_UP);
    }
    if ((bits & SG_W_END_WORD) && (p1 & SG_W_THE) && (p2 & SG_W_IN))
        sg_pattern(s, SG_N_IN_THE_END);
    return fam;
}

/* The shape flags a word has by its bytes alone (n of them, the last ones
 * `tail`, cue bits `bits`): SG_IS_POSS, SG_IS_PRES and SG_IS_PAST; *ends_ed_en
 * gets whether it ends in "ed" or "en". */
static inline uint32_t sg_word_shape(uint64_t tail, size_t n, uint32_t bits,
                                     int *ends_ed_en)
{
    unsigned t1 = (tail >> 8) & 0xFFu, t2 = tail & 0xFFu;
    int poss = n >= 3 && t1 == '\'' && t2 == 's';
    int ends_ed = n >= 4 && t1 == 'e' && t2 == 'd';
    int ends_en = n >= 4 && t1 == 'e' && t2 == 'n';
    /* present: "kills", "finds", "is", "has"; not "boss", "his", "Tom's" */
    int pres = ((n >= 3 && t2 == 's' && t1 != 's' && t1 != 'u' &&
                 !(bits & SG_W_FUNC)) ||
                ((bits & SG_W_VERB) && t2 == 's')) &&
               !poss;
    int past = !pres && (ends_ed || (bits & SG_W_VERB));
    *ends_ed_en = ends_ed || ends_en;
    return (poss ? SG_IS_POSS : 0u) | (pres ? SG_IS_PRES : 0u) |
           (past ? SG_IS_PAST : 0u);
}

/* The rest of a word's features, those that depend on where it stands: its
 * hash h, n bytes, cue lookup `all`, shape `shape` (sg_word_shape). */
static inline __attribute__((always_inline)) void
sg_word_rest(sg_scan *s, uint64_t h, size_t n, uint32_t all, uint32_t shape,
             int ends_ed_en)
{
    uint32_t bits = all & ~SG_W_COUNTED;
    if (all & (SG_W_COUNTED | SG_CUE_REVIEW)) {
        s->nfirst += (all & SG_W_FIRST) && (n > 1 || s->cap); /* "I", not "i" */
        s->nsecond += (all & SG_W_SECOND) != 0;
        s->njudge += (all & SG_W_JUDGE) != 0;
        s->nreview += (all & SG_CUE_REVIEW) != 0;
    }
    /* A capitalised word that is no function or cue word stands for a name:
     * "<Name> dies" carries over to shows the model never saw. */
    int cname = s->cap && !(bits & SG_W_FUNC) && (s->ntok > 0 || bits == 0);
    uint32_t is = shape | (s->cap ? SG_IS_CAP : 0u) | (cname ? SG_IS_NAME : 0u);
    const sg_word *p = &s->prev;
    s->len = 0;

    unsigned flags = s->flags;
    if (flags & SG_FEAT_BIGRAM)
        sg_emit(s, sg_fh(SG_NS_BI, s->ntok ? p->h : 1, h));
    if ((flags & SG_FEAT_NAMES) && ((is | p->is) & SG_IS_NAME))
        sg_emit(s, sg_fh(SG_NS_NAMEBI,
                         !s->ntok ? 1 : (p->is & SG_IS_NAME) ? 3 : p->h,
                         (is & SG_IS_NAME) ? 3 : h));

    uint32_t fam = bits & SG_CUE_MASK;
    if (bits & SG_W_PHRASE_LAST)
        fam |= sg_phrases(s, bits);
    if ((p->bits & SG_W_HAD) &&
        (ends_ed_en || (bits & (SG_W_VERB | SG_W_BEEN))))
        sg_pattern(s, SG_N_PAST_PERFECT);

    /* A subject right before: a pronoun, or a capitalised word that is not a
     * function word or a possessive ("Sydney kills", not "The kills"). */
    int pron = (p->bits & SG_CUE_PRONOUN) != 0;
    int name = (p->is & (SG_IS_CAP | SG_IS_POSS)) == SG_IS_CAP &&
               !(p->bits & SG_W_FUNC);
    if (pron || name) {
        if (pron && (is & SG_IS_PRES))
            sg_pattern(s, SG_N_PRON_PRES);
        if (pron && (is & SG_IS_PAST))
            sg_pattern(s, SG_N_PRON_PAST);
        if (name && (is & SG_IS_PRES))
            sg_pattern(s, SG_N_NAME_PRES);
        if (name && (is & SG_IS_PAST))
            sg_pattern(s, SG_N_NAME_PAST);
    }

    if (fam) {
        s->signals |= fam;
        if (flags & SG_FEAT_CUES) {
            for (; fam; fam &= fam - 1) {
                unsigned b = (unsigned)__builtin_ctz(fam);
                sg_emit(s, sg_fh(SG_NS_CUE, b, 0));
                if (pron || name)
                    sg_emit(s, sg_fh(SG_NS_SUBJ, b, (uint64_t)pron));
            }
        }
    }

    if (s->ntok > 0 && (is & SG_IS_CAP))
        s->ncaps++;
    s->ndigit += s->digit;
    s->prev2 = s->prev;
    s->prev.h = h;
    s->prev.bits = bits;
    s->prev.is = is;
    s->ntok++;
}

static void sg_word_end(sg_scan *s)
{
    size_t n = s->len;
    uint64_t h = s->h;
    uint32_t all =
        sg_cue_lookup(h, s->tail,
                      s->run ? s->run : (const unsigned char *)s->lc, n,
                      s->run != NULL);
    int ends_ed_en;
    uint32_t shape = sg_word_shape(s->tail, n, all & ~SG_W_COUNTED, &ends_ed_en);
    unsigned flags = s->flags;
    if (flags & SG_FEAT_UNIGRAM)
        sg_emit(s, sg_fh(SG_NS_UNI, h, 0));
    if ((flags & SG_FEAT_STEM) && n <= SG_STEM_MAXLEN) {
        unsigned cut = sg_stem_cut(s->tail, n);
        if (cut)
            sg_emit(s, sg_fh(SG_NS_STEM, sg_hash_unwind(h, s->tail, cut), 0));
    }
    sg_word_rest(s, h, n, all, shape, ends_ed_en);
}

/* ---- words already scored --------------------------------------------------
 * What a word of up to 8 bytes brings by its bytes alone -- its hash, its cue
 * bits, its shape, the weights of its word and stem features -- is the same
 * wherever it stands, and a review uses a few thousand words again and again.
 * Each thread keeps them in a table of its own (direct-mapped by the word's
 * bytes, which are its key: a word holds no NUL byte), for one flat table of
 * weights and one set of feature flags at a time. */
#define SG_WC_BITS 14
#define SG_WC_DIGIT 0x80u /* in an entry's shape: the word holds a digit */
#define SG_WC_ED_EN 0x40u /* ... it ends in "ed" or "en" */
typedef struct sg_wc_entry {
    uint64_t tail; /* the word's bytes, last lowest; 0: empty */
    uint64_t h;
    uint32_t all;  /* sg_cue_lookup */
    int16_t q;     /* the weights of its word and stem features */
    uint8_t nfeat; /* how many those are */
    uint8_t shape; /* sg_word_shape, SG_WC_ED_EN, SG_WC_DIGIT */
} sg_wc_entry;

typedef struct sg_word_cache {
    const int8_t *qtab;
    uint32_t mask;
    unsigned flags;
    sg_wc_entry e[1u << SG_WC_BITS];
} sg_word_cache;

static pthread_key_t sg_wc_key;
static int sg_wc_ok;
static pthread_once_t sg_wc_once = PTHREAD_ONCE_INIT;

static void sg_wc_init(void)
{
    sg_wc_ok = pthread_key_create(&sg_wc_key, free) == 0;
}

/* The calling thread's table, for weights qtab (mask) and feature flags;
 * NULL when there is none to be had. */
static sg_word_cache *sg_wc_get(const int8_t *qtab, uint32_t mask, unsigned flags)
{
    pthread_once(&sg_wc_once, sg_wc_init);
    if (!sg_wc_ok)
        return NULL;
    sg_word_cache *wc = pthread_getspecific(sg_wc_key);
    if (!wc) {
        wc = calloc(1, sizeof *wc);
        if (!wc || pthread_setspecific(sg_wc_key, wc) != 0) {
            free(wc);
            return NULL;
        }
    }
    if (wc->qtab != qtab || wc->mask != mask || wc->flags != flags) {
        memset(wc->e, 0, sizeof wc->e);
        wc->qtab = qtab;
        wc->mask = mask;
        wc->flags = flags;
    }
    return wc;
}

/* The main thread's table is not freed by the key: freed at exit. */
static void __attribute__((destructor)) sg_wc_fini(void)
{
    if (sg_wc_ok) {
        free(pthread_getspecific(sg_wc_key));
        pthread_setspecific(sg_wc_key, NULL);
    }
}

/* Fill e for the word of n (1..8) bytes `tail`, as sg_word_end computes it. */
static void sg_wc_fill(const sg_scan *s, sg_wc_entry *e, uint64_t tail, size_t n)
{
    uint64_t h = SG_FNV_OFFSET;
    unsigned digit = 0;
    unsigned char w[8];
    for (size_t k = 0; k < n; k++) {
        unsigned b = (unsigned)(tail >> (8 * (n - 1 - k))) & 0xFFu;
        w[k] = (unsigned char)b;
        digit |= b == '0';
        h = (h ^ b) * SG_FNV_PRIME;
    }
    uint32_t all = sg_cue_lookup(h, tail, w, n, 0);
    int ends_ed_en;
    uint32_t shape = sg_word_shape(tail, n, all & ~SG_W_COUNTED, &ends_ed_en);
    int q = 0;
    unsigned nfeat = 0;
    if (s->flags & SG_FEAT_UNIGRAM) {
        q += s->qtab[sg_fh(SG_NS_UNI, h, 0) & s->mask];
        nfeat++;
    }
    if ((s->flags & SG_FEAT_STEM) && n <= SG_STEM_MAXLEN) {
        unsigned cut = sg_stem_cut(tail, n);
        if (cut) {
            q += s->qtab[sg_fh(SG_NS_STEM, sg_hash_unwind(h, tail, cut), 0) & s->mask];
            nfeat++;
        }
    }
    e->tail = tail;
    e->h = h;
    e->all = all;
    e->q = (int16_t)q;
    e->nfeat = (uint8_t)nfeat;
    e->shape = (uint8_t)(shape | (ends_ed_en ? SG_WC_ED_EN : 0u) | (digit ? SG_WC_DIGIT : 0u));
}

/* The end of a word of n (1..8) bytes `tail` read whole, by the table. */
static inline void sg_word_cached(sg_scan *s, uint64_t tail, size_t n)
{
    sg_wc_entry *e = &s->wc->e[(tail * 0x9E3779B97F4A7C15ULL) >> (64 - SG_WC_BITS)];
    if (e->tail != tail)
        sg_wc_fill(s, e, tail, n);
    s->acc += e->q;
    s->count += e->nfeat;
    s->digit = (e->shape & SG_WC_DIGIT) != 0;
    sg_word_rest(s, e->h, n, e->all, e->shape & (SG_IS_POSS | SG_IS_PRES | SG_IS_PAST),
                 (e->shape & SG_WC_ED_EN) != 0);
}

/* Byte classes. */
enum { SG_C_SEP = 0, SG_C_WORD, SG_C_APOS, SG_C_HYPHEN };
enum { SG_M_QUESTION = 1, SG_M_BANG = 2, SG_M_PAREN = 4, SG_M_QUOTE = 8,
       SG_M_COLON = 16, SG_M_SEMI = 32 };

/* Class of the character at p[i] and its length in bytes; `mark` gets the
 * punctuation mark it is, if any.  Non-ASCII bytes are word bytes except the
 * common punctuation blocks; invalid UTF-8 is simply word bytes. */
static int sg_char_class(const unsigned char *p, size_t i, size_t n,
                         size_t *adv, unsigned *mark)
{
    unsigned c = p[i];
    *adv = 1;
    *mark = 0;
    if (c < 0x80) {
        if (sg_is_alnum((unsigned char)c))
            return SG_C_WORD;
        switch (c) {
        case '\'': return SG_C_APOS;
        case '-': return SG_C_HYPHEN;
        case '?': *mark = SG_M_QUESTION; break;
        case '!': *mark = SG_M_BANG; break;
        case '(': *mark = SG_M_PAREN; break;
        case '"': *mark = SG_M_QUOTE; break;
        case ':': *mark = SG_M_COLON; break;
        case ';': *mark = SG_M_SEMI; break;
        default: break;
        }
        return SG_C_SEP;
    }
    if (i + 1 >= n)
        return SG_C_WORD;
    unsigned c1 = p[i + 1];
    if (c == 0xC2 && c1 >= 0x80 && c1 <= 0xBF) { /* U+0080..U+00BF: nbsp, << >> */
        *adv = 2;
        return SG_C_SEP;
    }
    if (c == 0xC3 && (c1 == 0x97 || c1 == 0xB7)) { /* times, divide */
        *adv = 2;
        return SG_C_SEP;
    }
    if (i + 2 >= n)
        return SG_C_WORD;
    unsigned c2 = p[i + 2];
    if (c2 < 0x80 || c2 > 0xBF)
        return SG_C_WORD;
    if (c == 0xE2 && c1 == 0x80) { /* General Punctuation U+2000..U+203F */
        *adv = 3;
        if (c2 == 0x98 || c2 == 0x99)
            return SG_C_APOS;
        if (c2 == 0x90 || c2 == 0x91)
            return SG_C_HYPHEN;
        if (c2 == 0x9C || c2 == 0x9D)
            *mark = SG_M_QUOTE;
        return SG_C_SEP;
    }
    if ((c == 0xE2 && c1 == 0x81) || (c == 0xE3 && c1 == 0x80) ||
        (c == 0xEF && c1 == 0xBB && c2 == 0xBF)) {
        *adv = 3; /* U+2040.., CJK punctuation, BOM */
        return SG_C_SEP;
    }
    return SG_C_WORD;
}

static void sg_scan_finish(sg_scan *s)
{
    unsigned flags = s->flags;
    if ((flags & SG_FEAT_BIGRAM) && s->ntok)
        sg_emit(s, sg_fh(SG_NS_BI, s->prev.h, 2));
    if (flags & SG_FEAT_CUES) {
        uint32_t sig = s->signals;
        if (!(sig & SG_CUE_MASK & ~(SG_CUE_REVIEW | SG_CUE_PRONOUN |
                                    SG_CUE_NEGATION | SG_CUE_HYPOTHETICAL)))
            sg_emit(s, sg_fh(SG_NS_HAS, 31, 0)); /* no story cue at all */
        for (uint32_t rest = sig; rest; rest &= rest - 1) {
            unsigned a = (unsigned)__builtin_ctz(rest);
            sg_emit(s, sg_fh(SG_NS_HAS, a, 0));
            for (uint32_t more = rest & (rest - 1); more; more &= more - 1)
                sg_emit(s, sg_fh(SG_NS_PAIR, a, (unsigned)__builtin_ctz(more)));
        }
    }
    if (flags & SG_FEAT_SHAPE) {
        size_t t = s->ntok;
        unsigned lb = t <= 4 ? 0 : t <= 8 ? 1 : t <= 12 ? 2 : t <= 18 ? 3
                    : t <= 25 ? 4 : t <= 35 ? 5 : t <= 50 ? 6 : 7;
        size_t c = s->ncaps;
        unsigned cb = c <= 3 ? (unsigned)c : c <= 5 ? 4 : c <= 8 ? 5 : 6;
        sg_emit(s, sg_fh(SG_NS_LEN, lb, 0));
        sg_emit(s, sg_fh(SG_NS_CAPS, cb, 0));
        if (s->ndigit)
            sg_emit(s, sg_fh(SG_NS_MARK, 64, 0));
        for (unsigned m = 1; m <= SG_M_SEMI; m <<= 1)
            if (s->marks & m)
                sg_emit(s, sg_fh(SG_NS_MARK, m, 0));
    }
}

/* A scan with nothing read yet whose features go to `flush` (unless the
 * caller then sets `qtab` to sum them). */
static void sg_scan_init(sg_scan *s, unsigned flags, sg_batch_fn flush,
                         void *ctx)
{
    pthread_once(&sg_cue_once, sg_cue_init);
    memset(s, 0, offsetof(sg_scan, batch));
    s->flags = flags;
    s->flush = flush;
    s->ctx = ctx;
}

/* Reads the run of ASCII letters and digits at p[i] (n bytes in all; f is
 * p[i] folded) into the word, with its state in registers; copies its bytes
 * to lc only with `keep` (a word that is not one run).  Returns where the run
 * ends. */
static inline __attribute__((always_inline)) size_t
sg_word_run(sg_scan *s, const unsigned char *p, size_t i, size_t n,
            unsigned f, int keep)
{
    uint64_t h = s->h;
    uint64_t tail = s->tail;
    size_t len = s->len;
    /* Folded letters have bit 0x40 set and '0' has not: the AND of the run's
     * bytes tells whether it held a digit. */
    unsigned all = 0xFF;
    do {
        all &= f;
        h = (h ^ f) * SG_FNV_PRIME;
        if (keep && len < SG_CUE_MAXLEN)
            s->lc[len] = (char)f;
        len++;
        tail = tail << 8 | f;
        f = ++i < n ? sg_fold[p[i]] : 0;
    } while (f);
    s->h = h;
    s->tail = tail;
    s->len = len;
    s->digit = (unsigned char)(s->digit | !(all & 0x40u));
    return i;
}

/* Every feature of `text`; returns how many. */
static size_t sg_scan_text(sg_scan *s, const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    if (!p)
        n = 0;
    /* A space after the last byte ends the last word, so that words end in
     * one place (and sg_word_end is inlined there). */
    for (size_t i = 0; i <= n;) {
        unsigned c = i < n ? p[i] : ' ', f = sg_fold[c];
        if (f) {
            /* A run of ASCII letters and digits, the common case. */
            if (s->len == 0 && s->wc) {
                /* a word that is one run, followed by a byte that ends it,
                 * is looked up in the table whole */
                size_t a = i;
                uint64_t tail = 0;
                do {
                    tail = tail << 8 | f;
                    f = ++i < n ? sg_fold[p[i]] : 0;
                } while (f);
                unsigned next = i < n ? p[i] : ' ';
                s->cap = (unsigned char)(c - 'A' < 26u);
                if (i - a <= 8 && next < 0x80 && next != '\'' && next != '-') {
                    sg_word_cached(s, tail, i - a);
                    i += next == ' ' && i < n; /* a space marks nothing */
                    continue;
                }
                uint64_t h = SG_FNV_OFFSET;
                unsigned all = 0xFF;
                for (size_t k = a; k < i; k++) {
                    all &= sg_fold[p[k]];
                    h = (h ^ sg_fold[p[k]]) * SG_FNV_PRIME;
                }
                s->h = h;
                s->tail = tail;
                s->len = i - a;
                s->digit = !(all & 0x40u);
                s->run = p + a;
            } else if (s->len == 0) {
                s->h = SG_FNV_OFFSET;
                s->tail = 0;
                s->cap = (unsigned char)(c - 'A' < 26u);
                s->digit = 0;
                s->run = p + i;
                i = sg_word_run(s, p, i, n, f, 0);
            } else {
                i = sg_word_run(s, p, i, n, f, 1);
            }
            continue;
        }
        size_t adv = 1;
        int ends = 1; /* this character ends the word being read */
        if (c != ' ') {
            unsigned mark;
            int k = sg_char_class(p, i, n, &adv, &mark);
            if (k == SG_C_WORD) {
                for (size_t j = 0; j < adv; j++)
                    sg_word_byte(s, p[i + j]);
                ends = 0;
            } else if (k == SG_C_SEP) {
                s->marks |= mark;
            } else {
                /* ' and - join only inside a word: "don't", "Ok-ju" */
                size_t a2;
                unsigned m2;
                if (s->len && i + adv < n &&
                    sg_char_class(p, i + adv, n, &a2, &m2) == SG_C_WORD) {
                    sg_word_byte(s, k == SG_C_APOS ? '\'' : '-');
                    ends = 0;
                }
            }
        }
        if (ends && s->len)
            sg_word_end(s);
        i += adv;
    }
    sg_scan_finish(s);
    if (s->nbatch)
        sg_flush(s);
    return s->count;
}

typedef struct sg_each {
    sg_feature_fn fn;
    void *ctx;
} sg_each;

static void sg_each_flush(void *ctx, const uint32_t *h, size_t n)
{
    const sg_each *e = ctx;
    for (size_t i = 0; i < n; i++)
        e->fn(e->ctx, h[i]);
}

size_t sg_features(const char *text, size_t n, unsigned flags, sg_feature_fn fn,
                   void *ctx)
{
    sg_each e = {fn, ctx};
    sg_scan s;
    sg_scan_init(&s, flags, sg_each_flush, &e);
    return sg_scan_text(&s, text, n);
}

/* ---- scoring ---------------------------------------------------------------- */

static inline int sg_model_q(const sg_model *m, uint32_t b)
{
    uint32_t g = b >> m->low_bits;
    unsigned lo = b & ((1u << m->low_bits) - 1);
    uint32_t a = m->group[g], e = m->group[g + 1];
    for (; a < e; a++) {
        unsigned x = m->low[a];
        if (x >= lo)
            return x == lo ? m->q[a] : 0;
    }
    return 0;
}

/* Models up to this size get a flat table of every bucket's q (1 MB). */
#define SG_FLAT_MAX_LOG2 20

/* Write every bucket's q into `flat` (2^buckets_log2 bytes), 0 where none is
 * stored. */
static void sg_model_expand(const sg_model *m, int8_t *flat)
{
    size_t ng = (size_t)1 << (m->buckets_log2 - m->low_bits);
    memset(flat, 0, (size_t)1 << m->buckets_log2);
    for (size_t g = 0; g < ng; g++)
        for (uint32_t i = m->group[g]; i < m->group[g + 1]; i++)
            flat[(g << m->low_bits) | m->low[i]] = m->q[i];
}

/* The built-in model is const; its flat table is made on first use. */
static int8_t *sg_default_flat;
static pthread_once_t sg_default_once = PTHREAD_ONCE_INIT;

static void sg_default_expand(void)
{
    const sg_model *m = &sg_default_model;
    if (m->buckets_log2 > SG_FLAT_MAX_LOG2)
        return;
    sg_default_flat = malloc((size_t)1 << m->buckets_log2);
    if (sg_default_flat)
        sg_model_expand(m, sg_default_flat);
}

/* The flat table of a model that passed sg_model_usable, or NULL. */
static const int8_t *sg_model_table(const sg_model *m)
{
    if (m->flat)
        return m->flat;
    if (m == &sg_default_model) {
        pthread_once(&sg_default_once, sg_default_expand);
        return sg_default_flat;
    }
    return NULL;
}

static int sg_model_usable(const sg_model *m)
{
    return m->group && m->low_bits >= 1 && m->low_bits <= 8 &&
           m->low_bits <= m->buckets_log2 &&
           m->buckets_log2 <= SG_MODEL_MAX_LOG2;
}

double sg_model_weight(const sg_model *m, uint32_t bucket)
{
    if (!m || !sg_model_usable(m) || bucket >> m->buckets_log2)
        return 0.0;
    const int8_t *flat = sg_model_table(m);
    return m->scale * (flat ? flat[bucket] : sg_model_q(m, bucket));
}

typedef struct sg_qsum {
    const sg_model *m;
    uint32_t mask;
    int64_t acc;
} sg_qsum;

/* Without a flat table: the group scan per feature. */
static void sg_qsum_add(void *ctx, const uint32_t *h, size_t n)
{
    sg_qsum *q = ctx;
    int64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += sg_model_q(q->m, h[i] & q->mask);
    q->acc += acc;
}

static double sg_sigmoid(double z)
{
    if (z > 40.0)
        return 1.0;
    if (z < -40.0)
        return 0.0;
    return 1.0 / (1.0 + exp(-z));
}

/* The margin from a weight sum over `count` features. */
static double sg_margin(unsigned flags, double bias, double sum, size_t count)
{
    if ((flags & SG_FEAT_NORM) && count > 0)
        sum /= sqrt((double)count);
    return bias + sum;
}

/* P(spoiler) of text under m; with w, what the words were too. */
static double sg_score_scan(const sg_model *m, const char *text, size_t n, sg_sentence_words *w)
{
    if (!m)
        m = &sg_default_model;
    sg_qsum q = {m, (uint32_t)((1ull << m->buckets_log2) - 1), 0};
    sg_scan s;
    int usable = sg_model_usable(m);
    /* no usable weights: no features, but the words are still read */
    sg_scan_init(&s, usable ? m->flags : 0u, sg_qsum_add, &q);
    if (usable) {
        s.qtab = sg_model_table(m);
        s.mask = q.mask;
        if (s.qtab)
            s.wc = sg_wc_get(s.qtab, s.mask, s.flags);
    }
    size_t count = usable || w ? sg_scan_text(&s, text, n) : 0;
    if (w) {
        w->cues = s.signals & SG_CUE_MASK;
        w->words = (unsigned)s.ntok;
        w->first = s.nfirst;
        w->second = s.nsecond;
        w->judging = s.njudge;
        w->review = s.nreview;
    }
    if (!usable)
        return sg_sigmoid(m->bias);
    double z = sg_margin(m->flags, m->bias, m->scale * (double)(q.acc + s.acc),
                         count);
    double p = sg_sigmoid(z);
    return p != p ? 0.5 : p; /* a NaN from a hand-edited model file */
}

double sg_score_with(const sg_model *m, const char *text, size_t n)
{
    return sg_score_scan(m, text, n, NULL);
}

double sg_score_sentence(const char *text, size_t n)
{
    return sg_score_scan(&sg_default_model, text, n, NULL);
}

double sg_score_sentence_words(const char *text, size_t n, sg_sentence_words *w)
{
    return sg_score_scan(&sg_default_model, text, n, w);
}

double sg_score_threshold(void) { return sg_default_model.threshold; }

/* ---- the link from a weight sum to a probability ---------------------------- */

/* For the trainer (tools/), so it fits the very function that scores. */
double sg_score_logistic(double z)
{
    return sg_sigmoid(z);
}

double sg_score_of_sum(unsigned flags, double bias, double sum, size_t count)
{
    return sg_sigmoid(sg_margin(flags, bias, sum, count));
}

/* ---- stored models ------------------------------------------------------------ */

size_t sg_model_ngroups(const sg_model *m)
{
    return (size_t)1 << (m->buckets_log2 - m->low_bits);
}

/* Low bits per stored bucket so that a group holds about four weights: a
 * lookup then scans a handful of bytes. */
static unsigned sg_pick_low_bits(unsigned buckets_log2, size_t nnz)
{
    unsigned lb = 8;
    while (lb > 1 && ((size_t)1 << lb) * nnz > ((size_t)4 << buckets_log2))
        lb--;
    return lb;
}

static size_t sg_flat_size(unsigned buckets_log2)
{
    return buckets_log2 <= SG_FLAT_MAX_LOG2 ? (size_t)1 << buckets_log2 : 0;
}

/* One block for group offsets, low bytes, weights and the flat table, which
 * sg_model_flatten fills once the groups are. */
sg_status sg_model_alloc(sg_model *m, unsigned buckets_log2, size_t nnz,
                         uint32_t **group, uint8_t **low, int8_t **q,
                         sg_error *err)
{
    if (nnz > ((size_t)1 << buckets_log2))
        return sg_score_fail(err, SG_ERR_USAGE, "more weights than buckets");
    m->buckets_log2 = buckets_log2;
    m->low_bits = sg_pick_low_bits(buckets_log2, nnz);
    size_t ng = sg_model_ngroups(m) + 1;
    char *block = malloc(ng * sizeof(uint32_t) + 2 * nnz +
                         sg_flat_size(buckets_log2) + 1);
    if (!block)
        return sg_score_fail(err, SG_ERR_MEMORY, "out of memory");
    *group = (uint32_t *)(void *)block;
    *low = (uint8_t *)(block + ng * sizeof(uint32_t));
    *q = (int8_t *)(block + ng * sizeof(uint32_t) + nnz);
    m->nnz = nnz;
    m->group = *group;
    m->low = *low;
    m->q = *q;
    m->owned = block;
    return SG_OK;
}

void sg_model_flatten(sg_model *m)
{
    if (!sg_flat_size(m->buckets_log2))
        return;
    int8_t *flat = (int8_t *)m->owned +
                   (sg_model_ngroups(m) + 1) * sizeof(uint32_t) + 2 * m->nnz;
    sg_model_expand(m, flat);
    m->flat = flat;
}

void sg_model_free(sg_model *m)
{
    if (!m)
        return;
    free(m->owned);
    memset(m, 0, sizeof *m);
}

/* One line of a model file: [p, *end) without the newline. */
static const char *sg_next_line(const char *p, const char *lim,
                                const char **end)
{
    const char *nl = memchr(p, '\n', (size_t)(lim - p));
    *end = nl ? nl : lim;
    if (*end > p && (*end)[-1] == '\r')
        (*end)--;
    return nl ? nl + 1 : lim;
}

/* Parse "key value" into a copy small enough to hand to strto*. */
static int sg_line_kv(const char *p, const char *e, char *key, size_t kcap,
                      char *val, size_t vcap)
{
    size_t kn = 0, vn = 0;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (p < e && *p != ' ' && *p != '\t' && kn + 1 < kcap)
        key[kn++] = *p++;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (p < e && vn + 1 < vcap)
        val[vn++] = *p++;
    while (vn > 0 && (val[vn - 1] == ' ' || val[vn - 1] == '\t'))
        vn--;
    key[kn] = '\0';
    val[vn] = '\0';
    return p == e && kn > 0;
}

static int sg_parse_ull(const char *s, unsigned long long max,
                        unsigned long long *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return 0;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return 0;
    *out = v;
    return 1;
}

static int sg_parse_double(const char *s, double *out)
{
    char *end;
    if (!*s)
        return 0;
    errno = 0;
    double v = strtod(s, &end);
    if (errno == ERANGE || *end || v != v || v > 1e300 || v < -1e300)
        return 0;
    *out = v;
    return 1;
}

static sg_status sg_model_parse(const char *text, size_t n, const char *name,
                                sg_model *m, sg_error *err)
{
    const char *p = text, *lim = text + n, *e;
    char key[32], val[64];
    size_t line = 1;
    unsigned long long b2 = 0, flags = 0, nnz = 0, u;
    double bias = 0, scale = 0, threshold = 0.5;
    int have = 0; /* bits: buckets, flags, bias, scale, nnz */
    memset(m, 0, sizeof *m);
    p = sg_next_line(p, lim, &e);
    if ((size_t)(e - text) != strlen(SG_MODEL_MAGIC) ||
        memcmp(text, SG_MODEL_MAGIC, strlen(SG_MODEL_MAGIC)) != 0)
        return sg_score_fail(err, SG_ERR_USAGE,
                             "%s:1: not a spoilerguard model (expected \"%s\")",
                             name, SG_MODEL_MAGIC);
    /* The header: key value lines up to nnz. */
    while (!(have & 16)) {
        const char *s = p;
        line++;
        if (p >= lim)
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: missing nnz",
                                 name, line);
        p = sg_next_line(p, lim, &e);
        if (e == s || *s == '#')
            continue;
        if (!sg_line_kv(s, e, key, sizeof key, val, sizeof val))
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: bad header line",
                                 name, line);
        int ok = 1;
        if (strcmp(key, "buckets_log2") == 0) {
            ok = sg_parse_ull(val, SG_MODEL_MAX_LOG2, &b2) &&
                 b2 >= SG_MODEL_MIN_LOG2;
            have |= 1;
        } else if (strcmp(key, "flags") == 0) {
            ok = sg_parse_ull(val, SG_FEAT_KNOWN, &flags);
            have |= 2;
        } else if (strcmp(key, "bias") == 0) {
            ok = sg_parse_double(val, &bias);
            have |= 4;
        } else if (strcmp(key, "scale") == 0) {
            ok = sg_parse_double(val, &scale) && scale > 0;
            have |= 8;
        } else if (strcmp(key, "threshold") == 0) {
            ok = sg_parse_double(val, &threshold) && threshold >= 0 &&
                 threshold <= 1;
        } else if (strcmp(key, "nnz") == 0) {
            ok = (have & 1) && sg_parse_ull(val, 1ull << b2, &nnz);
            have |= 16;
        } else {
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: unknown key \"%s\"",
                                 name, line, key);
        }
        if (!ok)
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: bad value for %s: \"%s\"", name, line, key,
                                 val);
    }
    if ((have & 15) != 15)
        return sg_score_fail(err, SG_ERR_USAGE,
                             "%s:%zu: buckets_log2, flags, bias and scale must "
                             "come before nnz", name, line);
    uint32_t *group;
    uint8_t *low;
    int8_t *q;
    sg_status st = sg_model_alloc(m, (unsigned)b2, (size_t)nnz, &group, &low, &q,
                                  err);
    if (st != SG_OK)
        return st;
    size_t ng = sg_model_ngroups(m), k = 0;
    uint32_t g = 0;
    unsigned long long last = 0;
    group[0] = 0;
    while (k < nnz) {
        const char *s = p;
        line++;
        if (p >= lim) {
            sg_model_free(m);
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: %zu weights, %llu announced", name, line, k,
                                 nnz);
        }
        p = sg_next_line(p, lim, &e);
        if (e == s || *s == '#')
            continue;
        double qv;
        if (!sg_line_kv(s, e, key, sizeof key, val, sizeof val) ||
            !sg_parse_ull(key, (1ull << b2) - 1, &u) ||
            !sg_parse_double(val, &qv) || qv != (double)(long)qv || qv < -127 ||
            qv > 127 || qv == 0 || (k > 0 && u <= last)) {
            sg_model_free(m);
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: expected \"bucket weight\" with "
                                 "increasing buckets and weights -127..127",
                                 name, line);
        }
        while (g < (u >> m->low_bits))
            group[++g] = (uint32_t)k;
        low[k] = (uint8_t)(u & ((1u << m->low_bits) - 1));
        q[k] = (int8_t)qv;
        last = u;
        k++;
    }
    while (g < ng)
        group[++g] = (uint32_t)k;
    sg_model_flatten(m);
    m->flags = (unsigned)flags;
    m->bias = bias;
    m->scale = scale;
    m->threshold = threshold;
    return SG_OK;
}

sg_status sg_model_load_mem(const char *text, size_t n, sg_model *m,
                            sg_error *err)
{
    return sg_model_parse(text, n, "model", m, err);
}

sg_status sg_model_load(const char *path, sg_model *m, sg_error *err)
{
    size_t n;
    memset(m, 0, sizeof *m);
    char *buf = sg_read_file(path, &n, err);
    if (!buf)
        return err ? err->status : SG_ERR_USAGE;
    sg_status st = sg_model_parse(buf, n, path, m, err);
    free(buf);
    return st;
}
