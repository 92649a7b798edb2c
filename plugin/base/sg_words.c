/* sg_words.c -- the word table: the words the stages look up by their
 * letters, in one table built once.  Each entry carries a bit for what each
 * stage knows of the word (a name it is not, ...), so that a word read once
 * can be asked about by any stage with one lookup.
 *
 * A key is the word's bytes with ASCII capitals lowered, zero-padded to 16
 * bytes: a word holds no NUL byte, so the key alone tells two words apart.
 * Where a stage cares about case (a name is capitalised), its bits say which
 * forms of the word it knows.
 *
 * The same single build makes the byte classes of the scanners that pass
 * over text a byte at a time (sg_byte_class) and the indexes of the phrase
 * lists (sg_phrases.c), so one sg_words_init readies all three. */
#include "sg_cue_words.h"
#include "sg_internal.h"
#include "sg_phrases.h"

#include <pthread.h>

/* The words the plain-text reader's classifiers count (sg_plain.c). */
typedef struct sg_plain_word {
    const char *w;
    unsigned char bits;
} sg_plain_word;

/* clang-format off */
static const sg_plain_word sg_plain_words[] = {
    {"a", SG_WORD_STOP | SG_WORD_SMALL}, {"about", SG_WORD_STOP}, {"above", SG_WORD_STOP},
    {"after", SG_WORD_STOP}, {"again", SG_WORD_STOP}, {"against", SG_WORD_STOP},
    {"all", SG_WORD_STOP}, {"almost", SG_WORD_STOP}, {"along", SG_WORD_STOP},
    {"already", SG_WORD_STOP}, {"also", SG_WORD_STOP}, {"although", SG_WORD_STOP},
    {"always", SG_WORD_STOP}, {"am", SG_WORD_STOP}, {"among", SG_WORD_STOP},
    {"an", SG_WORD_STOP | SG_WORD_SMALL}, {"and", SG_WORD_STOP | SG_WORD_SMALL},
    {"another", SG_WORD_STOP}, {"any", SG_WORD_STOP}, {"anyone", SG_WORD_STOP},
    {"anything", SG_WORD_STOP}, {"are", SG_WORD_STOP}, {"aren't", SG_WORD_STOP},
    {"around", SG_WORD_STOP}, {"as", SG_WORD_STOP | SG_WORD_SMALL},
    {"at", SG_WORD_STOP | SG_WORD_SMALL}, {"back", SG_WORD_STOP}, {"be", SG_WORD_STOP},
    {"became", SG_WORD_STOP}, {"because", SG_WORD_STOP}, {"become", SG_WORD_STOP},
    {"been", SG_WORD_STOP}, {"before", SG_WORD_STOP}, {"behind", SG_WORD_STOP},
    {"being", SG_WORD_STOP}, {"below", SG_WORD_STOP}, {"beside", SG_WORD_STOP},
    {"besides", SG_WORD_STOP}, {"between", SG_WORD_STOP}, {"beyond", SG_WORD_STOP},
    {"bluesky", SG_WORD_NETWORK}, {"both", SG_WORD_STOP},
    {"but", SG_WORD_STOP | SG_WORD_SMALL}, {"by", SG_WORD_STOP | SG_WORD_SMALL},
    {"can", SG_WORD_STOP}, {"can't", SG_WORD_STOP}, {"cannot", SG_WORD_STOP},
    {"copy", SG_WORD_SHARE}, {"could", SG_WORD_STOP}, {"couldn't", SG_WORD_STOP},
    {"did", SG_WORD_STOP}, {"didn't", SG_WORD_STOP}, {"discord", SG_WORD_NETWORK},
    {"do", SG_WORD_STOP}, {"does", SG_WORD_STOP}, {"doesn't", SG_WORD_STOP},
    {"doing", SG_WORD_STOP}, {"don't", SG_WORD_STOP}, {"down", SG_WORD_STOP},
    {"during", SG_WORD_STOP}, {"e-mail", SG_WORD_SHARE}, {"each", SG_WORD_STOP},
    {"either", SG_WORD_STOP}, {"else", SG_WORD_STOP}, {"email", SG_WORD_SHARE},
    {"enough", SG_WORD_STOP}, {"even", SG_WORD_STOP}, {"ever", SG_WORD_STOP},
    {"every", SG_WORD_STOP}, {"everyone", SG_WORD_STOP}, {"everything", SG_WORD_STOP},
    {"facebook", SG_WORD_NETWORK}, {"few", SG_WORD_STOP},
    {"flipboard", SG_WORD_NETWORK}, {"for", SG_WORD_STOP | SG_WORD_SMALL},
    {"from", SG_WORD_STOP | SG_WORD_SMALL}, {"further", SG_WORD_STOP},
    {"get", SG_WORD_STOP}, {"gets", SG_WORD_STOP}, {"got", SG_WORD_STOP},
    {"had", SG_WORD_STOP}, {"hadn't", SG_WORD_STOP}, {"has", SG_WORD_STOP},
    {"hasn't", SG_WORD_STOP}, {"have", SG_WORD_STOP}, {"haven't", SG_WORD_STOP},
    {"having", SG_WORD_STOP}, {"he", SG_WORD_STOP}, {"he'd", SG_WORD_STOP},
    {"he'll", SG_WORD_STOP}, {"he's", SG_WORD_STOP}, {"her", SG_WORD_STOP},
    {"here", SG_WORD_STOP}, {"here's", SG_WORD_STOP}, {"hers", SG_WORD_STOP},
    {"herself", SG_WORD_STOP}, {"him", SG_WORD_STOP}, {"himself", SG_WORD_STOP},
    {"his", SG_WORD_STOP}, {"how", SG_WORD_STOP}, {"how's", SG_WORD_STOP},
    {"however", SG_WORD_STOP}, {"i", SG_WORD_STOP}, {"i'd", SG_WORD_STOP},
    {"i'll", SG_WORD_STOP}, {"i'm", SG_WORD_STOP}, {"i've", SG_WORD_STOP},
    {"if", SG_WORD_STOP}, {"in", SG_WORD_STOP | SG_WORD_SMALL}, {"indeed", SG_WORD_STOP},
    {"instagram", SG_WORD_NETWORK}, {"into", SG_WORD_STOP | SG_WORD_SMALL},
    {"is", SG_WORD_STOP}, {"isn't", SG_WORD_STOP}, {"it", SG_WORD_STOP},
    {"it's", SG_WORD_STOP}, {"its", SG_WORD_STOP}, {"itself", SG_WORD_STOP},
    {"just", SG_WORD_STOP}, {"least", SG_WORD_STOP}, {"less", SG_WORD_STOP},
    {"let's", SG_WORD_STOP}, {"like", SG_WORD_STOP}, {"link", SG_WORD_SHARE},
    {"linkedin", SG_WORD_NETWORK}, {"mail", SG_WORD_SHARE}, {"many", SG_WORD_STOP},
    {"mastodon", SG_WORD_NETWORK}, {"may", SG_WORD_STOP}, {"maybe", SG_WORD_STOP},
    {"me", SG_WORD_STOP}, {"messenger", SG_WORD_NETWORK}, {"might", SG_WORD_STOP},
    {"more", SG_WORD_STOP}, {"most", SG_WORD_STOP}, {"much", SG_WORD_STOP},
    {"must", SG_WORD_STOP}, {"mustn't", SG_WORD_STOP}, {"my", SG_WORD_STOP},
    {"myself", SG_WORD_STOP}, {"neither", SG_WORD_STOP}, {"never", SG_WORD_STOP},
    {"no", SG_WORD_STOP}, {"nobody", SG_WORD_STOP}, {"none", SG_WORD_STOP},
    {"nor", SG_WORD_STOP | SG_WORD_SMALL}, {"not", SG_WORD_STOP},
    {"nothing", SG_WORD_STOP}, {"now", SG_WORD_STOP}, {"of", SG_WORD_STOP | SG_WORD_SMALL},
    {"off", SG_WORD_STOP}, {"often", SG_WORD_STOP}, {"on", SG_WORD_STOP | SG_WORD_SMALL},
    {"once", SG_WORD_STOP}, {"one", SG_WORD_STOP}, {"only", SG_WORD_STOP},
    {"onto", SG_WORD_STOP | SG_WORD_SMALL}, {"or", SG_WORD_STOP | SG_WORD_SMALL},
    {"other", SG_WORD_STOP}, {"others", SG_WORD_STOP}, {"otherwise", SG_WORD_STOP},
    {"our", SG_WORD_STOP}, {"ours", SG_WORD_STOP}, {"ourselves", SG_WORD_STOP},
    {"out", SG_WORD_STOP}, {"over", SG_WORD_STOP}, {"own", SG_WORD_STOP},
    {"per", SG_WORD_SMALL}, {"perhaps", SG_WORD_STOP}, {"pin", SG_WORD_SHARE},
    {"pinterest", SG_WORD_NETWORK}, {"pocket", SG_WORD_NETWORK},
    {"print", SG_WORD_SHARE}, {"quite", SG_WORD_STOP}, {"rather", SG_WORD_STOP},
    {"really", SG_WORD_STOP}, {"reddit", SG_WORD_NETWORK}, {"rss", SG_WORD_NETWORK},
    {"same", SG_WORD_STOP}, {"seem", SG_WORD_STOP}, {"seems", SG_WORD_STOP},
    {"shall", SG_WORD_STOP}, {"share", SG_WORD_SHARE}, {"she", SG_WORD_STOP},
    {"she'd", SG_WORD_STOP}, {"she'll", SG_WORD_STOP}, {"she's", SG_WORD_STOP},
    {"should", SG_WORD_STOP}, {"shouldn't", SG_WORD_STOP}, {"since", SG_WORD_STOP},
    {"sms", SG_WORD_SHARE}, {"snapchat", SG_WORD_NETWORK}, {"so", SG_WORD_STOP},
    {"some", SG_WORD_STOP}, {"someone", SG_WORD_STOP}, {"something", SG_WORD_STOP},
    {"still", SG_WORD_STOP}, {"such", SG_WORD_STOP}, {"telegram", SG_WORD_NETWORK},
    {"than", SG_WORD_STOP}, {"that", SG_WORD_STOP}, {"that's", SG_WORD_STOP},
    {"the", SG_WORD_STOP | SG_WORD_SMALL}, {"their", SG_WORD_STOP},
    {"theirs", SG_WORD_STOP}, {"them", SG_WORD_STOP}, {"themselves", SG_WORD_STOP},
    {"then", SG_WORD_STOP}, {"there", SG_WORD_STOP}, {"there's", SG_WORD_STOP},
    {"these", SG_WORD_STOP}, {"they", SG_WORD_STOP}, {"they'd", SG_WORD_STOP},
    {"they'll", SG_WORD_STOP}, {"they're", SG_WORD_STOP}, {"they've", SG_WORD_STOP},
    {"this", SG_WORD_STOP}, {"those", SG_WORD_STOP}, {"though", SG_WORD_STOP},
    {"threads", SG_WORD_NETWORK}, {"through", SG_WORD_STOP}, {"thus", SG_WORD_STOP},
    {"tiktok", SG_WORD_NETWORK}, {"to", SG_WORD_STOP | SG_WORD_SMALL},
    {"too", SG_WORD_STOP}, {"toward", SG_WORD_STOP}, {"towards", SG_WORD_STOP},
    {"tumblr", SG_WORD_NETWORK}, {"tweet", SG_WORD_SHARE}, {"twitch", SG_WORD_NETWORK},
    {"twitter", SG_WORD_NETWORK}, {"under", SG_WORD_STOP}, {"unless", SG_WORD_STOP},
    {"until", SG_WORD_STOP}, {"up", SG_WORD_STOP}, {"upon", SG_WORD_STOP},
    {"us", SG_WORD_STOP}, {"very", SG_WORD_STOP}, {"via", SG_WORD_SMALL},
    {"vk", SG_WORD_NETWORK}, {"vs", SG_WORD_SMALL}, {"was", SG_WORD_STOP},
    {"wasn't", SG_WORD_STOP}, {"we", SG_WORD_STOP}, {"we'd", SG_WORD_STOP},
    {"we'll", SG_WORD_STOP}, {"we're", SG_WORD_STOP}, {"we've", SG_WORD_STOP},
    {"well", SG_WORD_STOP}, {"were", SG_WORD_STOP}, {"weren't", SG_WORD_STOP},
    {"what", SG_WORD_STOP}, {"what's", SG_WORD_STOP}, {"whatever", SG_WORD_STOP},
    {"whatsapp", SG_WORD_NETWORK}, {"when", SG_WORD_STOP}, {"when's", SG_WORD_STOP},
    {"whenever", SG_WORD_STOP}, {"where", SG_WORD_STOP}, {"where's", SG_WORD_STOP},
    {"whether", SG_WORD_STOP}, {"which", SG_WORD_STOP}, {"while", SG_WORD_STOP},
    {"who", SG_WORD_STOP}, {"who's", SG_WORD_STOP}, {"whoever", SG_WORD_STOP},
    {"whom", SG_WORD_STOP}, {"whose", SG_WORD_STOP}, {"why", SG_WORD_STOP},
    {"why's", SG_WORD_STOP}, {"will", SG_WORD_STOP},
    {"with", SG_WORD_STOP | SG_WORD_SMALL}, {"within", SG_WORD_STOP},
    {"without", SG_WORD_STOP}, {"won't", SG_WORD_STOP}, {"would", SG_WORD_STOP},
    {"wouldn't", SG_WORD_STOP}, {"x", SG_WORD_NETWORK}, {"yet", SG_WORD_STOP},
    {"you", SG_WORD_STOP}, {"you'd", SG_WORD_STOP}, {"you'll", SG_WORD_STOP},
    {"you're", SG_WORD_STOP}, {"you've", SG_WORD_STOP}, {"your", SG_WORD_STOP},
    {"yours", SG_WORD_STOP}, {"yourself", SG_WORD_STOP}, {"yourselves", SG_WORD_STOP},
    {"youtube", SG_WORD_NETWORK},
};
/* clang-format on */

/* Capitalised words that start sentences, label page parts or name the
 * film's world, not characters. */
static const char *const sg_not_names[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
    "Their", "Its", "This", "That", "These", "Those", "There", "Here", "When",
    "While", "After", "Before", "But", "And", "Or", "So", "If", "As", "At", "In",
    "On", "Of", "For", "With", "Without", "From", "By", "To", "What", "Who",
    "Why", "How", "Where", "Which", "Whether", "Yet", "Still", "Then", "Now",
    "Not", "No", "Yes", "Even", "Just", "All", "One", "Some", "Many", "Most",
    "Every", "Each", "Both", "Also", "Although", "Though", "Because", "Since",
    "Until", "Once", "Netflix", "Hollywood", "Korean", "American", "English",
    "British", "French", "Japanese", "Chinese", "Review", "REVIEW", "Reviews",
    "Film", "Movie", "Season", "Episode", "Act", "Part", "Chapter", "Series",
    "Mr", "Mrs", "Ms", "Dr", "Oh", "Well", "Sure", "Maybe", "Perhaps", "Nobody",
    "Everyone", "Someone", "Something", "Nothing", "Everything", "Ultimately",
    "Eventually", "Finally", "Meanwhile", "However", "Instead", "Overall",
    "Speaking", "Whatever", "Image", "Images", "Credit", "Credits", "Photo",
    "Photos", "Picture", "PICTURED", "Pictured", "Source", "Via", "Watch",
    "Read", "Related", "Share", "Subscribe", "Advertisement", "Trailer",
    "Director", "Directed", "Starring", "Cast", "Genre", "Rating", "Verdict",
    "Runtime", "Plot", "Summary", "Synopsis", "Spoiler", "Spoilers", "Warning",
    "Update", "Note", "Editor", "Posted", "Published", "Written", "Score",
    "TL", "DR", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December",
    "Sadly", "Luckily", "Thankfully", "Unfortunately", "Fortunately",
    "Later", "Soon", "Next", "First", "Last", "Again", "Only", "Never",
    "Always", "Sometimes", "Often", "Other", "Another", "Such", "Like",
    "Unlike", "Despite", "During", "Through", "Throughout", "Against",
    "Among", "Between", "Beyond", "Inside", "Outside", "Under", "Over",
    "Did", "Does", "Do", "Is", "Was", "Are", "Were", "Has", "Have", "Had",
    "Can", "Could", "Will", "Would", "Should", "Might", "Must", "Let",
    "Thanks", "Please", "Wow", "Sorry", "Hey", "OK", "Okay", NULL};

/* ---- the detect block: words the detect stage reads ---- */

/* Words of a story's events: what happens to whom, and its finality
 * (sg_context_words.c). */
static const char *const sg_event_words[] = {
    "abandon", "abandoned", "abandons", "afterwards", "arrested", "attack", "attacked",
    "attacks", "avenge", "avenged", "avenges", "banished", "became", "become", "becomes",
    "betray", "betrayed", "betrays", "blew", "blows", "born", "captured", "confront",
    "confronted", "confronts", "crowned", "crushed", "dead", "death", "deaths", "defeat",
    "defeated", "defeats", "destroy", "destroyed", "destroys", "die", "died", "dies",
    "discover", "discovered", "discovers", "divorce", "eaten", "end", "ended", "ends",
    "escape", "escaped", "escapes", "eventually", "exiled", "explode", "exploded", "explodes",
    "fail", "failed", "fails", "fake", "faked", "fate", "finally", "frame", "framed", "frames",
    "freed", "frees", "funeral", "hanged", "imprisoned", "jail", "join", "joined",
    "joins", "kidnapped", "kill", "killed", "killing", "kills", "learn", "learned", "learns",
    "learnt", "leave", "leaves", "loses", "manipulate", "manipulated", "manipulates",
    "married", "marries", "marry", "merged", "merges", "murder", "murdered", "murders",
    "overthrew", "overthrow", "overthrown", "overthrows", "plan", "planned", "plans",
    "plots", "plotted", "pregnant", "prison", "propose", "proposed", "proposes", "pushed",
    "real", "realise", "realised", "realises", "realize", "realized", "realizes", "replace",
    "replaced", "replaces", "replica", "rescue", "rescued", "rescues", "retire", "retired",
    "retires", "return", "returned", "returns", "reunite", "reunited", "reunites", "reveal",
    "revealed", "revealing", "reveals", "revenge", "sacrifice", "sacrificed", "sacrifices",
    "save", "saved", "saves", "secret", "secretly", "sentenced", "shot", "stabbed", "steal",
    "steals", "stole", "stolen", "succeed", "succeeded", "succeeds", "survive", "survived",
    "survives", "throne", "transform", "transformed", "transforms", "trapped", "trick",
    "tricked", "tricks", "truth", "turn", "turned", "turns", "ultimately", "victory",
    "wedding", "wins", "won", NULL};

/* Words of a heading over the story, and over the verdict. */
static const char *const sg_plot_head_words[] = {
    "ending", "endings", "plot", "premise", "recap", "spoiler", "spoilers", "story",
    "summary", "synopsis", NULL};
static const char *const sg_verdict_head_words[] = {
    "conclusion", "cons", "opinion", "overall", "pros", "rating", "recommendation",
    "score", "thoughts", "verdict", NULL};

/* ---- end of the detect block ---- */

sg_word_slot sg_word_tab[SG_WORD_SLOTS];
static pthread_once_t sg_words_once = PTHREAD_ONCE_INIT;

/* The key of w[0, n) (n <= SG_WORD_MAXLEN). */
static void sg_word_key(const char *w, size_t n, uint64_t key[2])
{
    unsigned char b[16] = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        b[i] = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
    }
    memcpy(key, b, sizeof b);
}

/* w's entry, made if it is not there yet. */
static sg_word_slot *sg_word_put(const char *w)
{
    uint64_t key[2];
    sg_word_key(w, strlen(w), key);
    size_t k = sg_word_slot_of(key);
    while (sg_word_tab[k].bits && (sg_word_tab[k].k[0] != key[0] || sg_word_tab[k].k[1] != key[1]))
        k = (k + 1) & (SG_WORD_SLOTS - 1);
    sg_word_tab[k].k[0] = key[0];
    sg_word_tab[k].k[1] = key[1];
    return &sg_word_tab[k];
}

/* Is w in capitals (every ASCII letter upper case)? */
static int sg_word_caps(const char *w)
{
    for (; *w; w++)
        if (*w >= 'a' && *w <= 'z')
            return 0;
    return 1;
}

/* ---- the second block: the words of the readers' and detectors' lists ---- */

/* A word and its bits. */
typedef struct sg_list_word {
    const char *w;
    uint64_t bits;
} sg_list_word;

/* clang-format off */
#define SG_NUM(v) (SG_WORD_NUMBER | (uint64_t)(v) << SG_WORD_VALUE_SHIFT)

/* Number words and their values (sg_rating_value.c). */
static const sg_list_word sg_number_words[] = {
    {"zero", SG_NUM(0)}, {"one", SG_NUM(1)}, {"two", SG_NUM(2)}, {"three", SG_NUM(3)},
    {"four", SG_NUM(4)}, {"five", SG_NUM(5)}, {"six", SG_NUM(6)}, {"seven", SG_NUM(7)},
    {"eight", SG_NUM(8)}, {"nine", SG_NUM(9)}, {"ten", SG_NUM(10)},
};

/* Abbreviations, lower case, with their inner dots (sg_segment.c): titles
 * before a name, words that introduce what follows, labels before a number,
 * and those that may end a sentence. */
#define SG_AB(w, cls, flags) {w, SG_WORD_ABBR_##cls | (flags)}
#define SG_CAP SG_WORD_ABBR_CAP
#define SG_EXACT SG_WORD_ABBR_EXACT

static const sg_list_word sg_abbr_words[] = {
    SG_AB("mr", NEVER, SG_CAP), SG_AB("mrs", NEVER, SG_CAP), SG_AB("ms", NEVER, SG_CAP),
    SG_AB("mx", NEVER, SG_CAP), SG_AB("messrs", NEVER, SG_CAP),
    SG_AB("mme", NEVER, SG_CAP), SG_AB("mlle", NEVER, SG_CAP),
    SG_AB("dr", NEVER, SG_CAP), SG_AB("drs", NEVER, SG_CAP),
    SG_AB("prof", NEVER, SG_CAP), SG_AB("st", NEVER, SG_CAP),
    SG_AB("mt", NEVER, SG_CAP), SG_AB("ft", NEVER, SG_CAP), SG_AB("fr", NEVER, SG_CAP),
    SG_AB("rev", NEVER, SG_CAP), SG_AB("hon", NEVER, SG_CAP),
    SG_AB("gov", NEVER, SG_CAP), SG_AB("sen", NEVER, SG_CAP),
    SG_AB("rep", NEVER, SG_CAP), SG_AB("pres", NEVER, SG_CAP),
    SG_AB("gen", NEVER, SG_CAP), SG_AB("col", NEVER, SG_CAP),
    SG_AB("lt", NEVER, SG_CAP), SG_AB("maj", NEVER, SG_CAP),
    SG_AB("capt", NEVER, SG_CAP), SG_AB("cpt", NEVER, SG_CAP),
    SG_AB("sgt", NEVER, SG_CAP), SG_AB("cmdr", NEVER, SG_CAP),
    SG_AB("adm", NEVER, SG_CAP), SG_AB("det", NEVER, SG_CAP),
    SG_AB("insp", NEVER, SG_CAP), SG_AB("supt", NEVER, SG_CAP), SG_AB("vs", NEVER, 0),
    SG_AB("v", NEVER, SG_EXACT), SG_AB("e.g", NEVER, 0), SG_AB("eg", NEVER, SG_EXACT),
    SG_AB("i.e", NEVER, 0), SG_AB("ie", NEVER, SG_EXACT), SG_AB("cf", NEVER, 0),
    SG_AB("viz", NEVER, 0), SG_AB("approx", NEVER, 0), SG_AB("appr", NEVER, 0),
    SG_AB("esp", NEVER, 0), SG_AB("incl", NEVER, 0), SG_AB("aka", NEVER, 0),
    SG_AB("a.k.a", NEVER, 0), SG_AB("resp", NEVER, 0), SG_AB("w", NEVER, SG_EXACT),
    SG_AB("no", NUM, SG_CAP), SG_AB("nos", NUM, 0), SG_AB("nr", NUM, 0),
    SG_AB("vol", NUM, 0), SG_AB("vols", NUM, 0), SG_AB("fig", NUM, 0),
    SG_AB("figs", NUM, 0), SG_AB("p", NUM, SG_EXACT), SG_AB("pp", NUM, 0),
    SG_AB("ch", NUM, 0), SG_AB("chap", NUM, 0), SG_AB("ep", NUM, 0),
    SG_AB("eps", NUM, 0), SG_AB("pt", NUM, 0), SG_AB("pts", NUM, 0),
    SG_AB("sec", NUM, SG_CAP), SG_AB("sect", NUM, 0), SG_AB("art", NUM, SG_CAP),
    SG_AB("op", NUM, SG_CAP), SG_AB("para", NUM, 0), SG_AB("ca", NUM, 0),
    SG_AB("c", NUM, SG_EXACT), SG_AB("ex", NUM, 0), SG_AB("ed", NUM, 0),
    SG_AB("jan", NUM, SG_CAP), SG_AB("feb", NUM, SG_CAP), SG_AB("mar", NUM, SG_CAP),
    SG_AB("apr", NUM, SG_CAP), SG_AB("jun", NUM, SG_CAP), SG_AB("jul", NUM, SG_CAP),
    SG_AB("aug", NUM, SG_CAP), SG_AB("sep", NUM, SG_CAP), SG_AB("sept", NUM, SG_CAP),
    SG_AB("oct", NUM, SG_CAP), SG_AB("nov", NUM, SG_CAP), SG_AB("dec", NUM, SG_CAP),
    SG_AB("etc", MAYBE, 0), SG_AB("inc", MAYBE, 0), SG_AB("ltd", MAYBE, 0),
    SG_AB("co", MAYBE, 0), SG_AB("corp", MAYBE, 0), SG_AB("bros", MAYBE, 0),
    SG_AB("llc", MAYBE, 0), SG_AB("plc", MAYBE, 0), SG_AB("jr", MAYBE, 0),
    SG_AB("sr", MAYBE, 0), SG_AB("esq", MAYBE, 0), SG_AB("ph.d", MAYBE, 0),
    SG_AB("m.d", MAYBE, 0), SG_AB("al", MAYBE, 0), SG_AB("dept", MAYBE, 0),
    SG_AB("univ", MAYBE, 0), SG_AB("a.m", MAYBE, 0), SG_AB("p.m", MAYBE, 0),
    SG_AB("u.s", MAYBE, 0), SG_AB("u.k", MAYBE, 0),
};

/* What a count may be of besides a rating's scale ("3/4 miles") (sg_rating_value.c). */
static const char *const sg_unit_words[] = {
    "of", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "second",
    "seconds", "day", "days", "week", "weeks", "month", "months", "year", "years", "pm",
    "am", "km", "mph", "mile", "miles", "dollar", "dollars", "cent", "cents", "time",
    "times", "percent", "inch", "inches", "cup", "cups", "th", "ths", "split", NULL,
};

/* Words that usually open a sentence: after "etc." or "U.S." one of these,
 * capitalised, means the sentence ended there (sg_segment.c). */
static const char *const sg_opener_words[] = {
    "a", "after", "again", "all", "also", "although", "an", "and", "another", "are",
    "as", "at", "because", "before", "both", "but", "by", "can", "could", "despite",
    "did", "do", "during", "each", "even", "every", "finally", "for", "from", "he",
    "her", "here", "his", "how", "however", "i", "if", "in", "instead", "is", "it",
    "its", "just", "later", "let", "many", "meanwhile", "most", "my", "nevertheless",
    "no", "not", "now", "of", "on", "once", "one", "only", "or", "other", "our",
    "overall", "perhaps", "since", "so", "some", "still", "such", "that", "the",
    "their", "then", "there", "these", "they", "this", "those", "though", "to",
    "ultimately", "unfortunately", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "without", "would", "yet", "you",
    "your", NULL,
};

/* Month and weekday names, for lines that are only a date (sg_boiler.c). */
static const char *const sg_date_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", NULL,
};

/* Words a date line may hold besides names and numbers. */
static const char *const sg_date_glue[] = {
    "am", "pm", "at", "on", "of", "the", "utc", "gmt", "est", "pst", NULL,
};

/* Particles inside a person's name ("Ludwig van Beethoven") (sg_meta.c). */
static const char *const sg_particle_words[] = {
    "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "di", "du",
    "bin", "al", "dos", "das", "y", NULL,
};

/* What a genre tag may add after its genre: "horror movies", "fantasy books". */
static const char *const sg_medium_words[] = {
    "film", "films", "movie", "movies", "book", "books", "novel", "novels", "fiction",
    "anime", "manga", "game", "games", "series", "show", "shows", "tv", NULL,
};

/* The words of a star's picture: a class name ("fa-star-half-o"), a file's
 * name ("star_empty.png") or an alt text ("half star") (sg_html_pics.c). */
static const char *const sg_star_words[] = {"star", NULL};
static const char *const sg_star_half_words[] = {"half", NULL};
static const char *const sg_star_empty_words[] = {
    "o", "empty", "outline", "regular", "far", "off", "blank", "grey", "gray", "none",
    "unrated", "inactive", NULL,
};
static const char *const sg_star_filled_words[] = {
    "fill", "filled", "full", "solid", "fas", "active", "on", "checked", "selected",
    "rated", "yellow", "gold", NULL,
};
static const char *const sg_picture_words[] = {
    "png", "gif", "svg", "jpg", "jpeg", "webp", "icon", "img", "image", "ico", "rating",
    "small", "large", "sm", "lg", NULL,
};
/* What makes an image's alt text with a number a score ("4 stars"). */
static const char *const sg_score_words[] = {
    "star", "stars", "rating", "rated", "score", "grade", NULL,
};

/* clang-format on */

unsigned char sg_byte_class[256];

/* Adds the second block's words, and the byte classes made of them and of
 * ASCII, to the table being built. */
static void sg_words_build_lists(void)
{
    static const struct {
        const char *const *words;
        uint64_t bits;
    } lists[] = {
        {sg_unit_words, SG_WORD_UNIT},         {sg_opener_words, SG_WORD_OPENER},
        {sg_date_words, SG_WORD_DATE},         {sg_date_glue, SG_WORD_DATE_GLUE},
        {sg_particle_words, SG_WORD_PARTICLE}, {sg_medium_words, SG_WORD_MEDIUM},
        {sg_star_words, SG_WORD_STAR},         {sg_star_half_words, SG_WORD_STAR_HALF},
        {sg_star_empty_words, SG_WORD_STAR_EMPTY},
        {sg_star_filled_words, SG_WORD_STAR_FILLED},
        {sg_picture_words, SG_WORD_PICTURE},   {sg_score_words, SG_WORD_SCORE},
    };
    for (size_t i = 0; i < sizeof sg_number_words / sizeof *sg_number_words; i++)
        sg_word_put(sg_number_words[i].w)->bits |= sg_number_words[i].bits;
    for (size_t i = 0; i < sizeof sg_abbr_words / sizeof *sg_abbr_words; i++)
        sg_word_put(sg_abbr_words[i].w)->bits |= sg_abbr_words[i].bits;
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t i = 0; lists[l].words[i]; i++)
            sg_word_put(lists[l].words[i])->bits |= lists[l].bits;
    for (int c = 0; c < 256; c++) {
        unsigned char k = 0;
        if ((unsigned)((c | 0x20) - 'a') < 26u)
            k |= SG_BYTE_ALPHA;
        if ((unsigned)(c - '0') < 10u)
            k |= SG_BYTE_DIGIT;
        if (c == 0xE2 || c == 0xC2 || c == 0xF0 || c == ':')
            k |= SG_BYTE_GLYPH;
        if (c >= ' ' && c <= '~' && c != '.' && c != '!' && c != '?')
            k |= SG_BYTE_PLAIN;
        sg_byte_class[c] |= k;
    }
    for (size_t i = 0; i < sizeof sg_number_words / sizeof *sg_number_words; i++) {
        unsigned char c = (unsigned char)sg_number_words[i].w[0];
        sg_byte_class[c] |= SG_BYTE_NUMBER;
        sg_byte_class[c ^ 0x20] |= SG_BYTE_NUMBER;
    }
    sg_phrases_build();
}

/* The detect block's words, into the table. */
static void sg_words_build_detect(void)
{
    static const struct {
        const char *const *list;
        uint32_t bit;
    } lists[] = {{sg_event_words, SG_WORD_EVENT},
                 {sg_plot_head_words, SG_WORD_HEAD_PLOT},
                 {sg_verdict_head_words, SG_WORD_HEAD_VERDICT}};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t i = 0; lists[l].list[i]; i++)
            sg_word_put(lists[l].list[i])->bits |= lists[l].bit;
}

/* The scorer's cue words (sg_cue_words.c) go in with their bits in `cue`. */
static void sg_words_build_cues(void)
{
    for (size_t i = 0; i < sg_cue_nwords; i++) {
        sg_word_slot *e = sg_word_put(sg_cue_words[i].word);
        e->bits |= SG_WORD_CUE;
        e->cue = sg_cue_words[i].bits;
    }
}

static void sg_words_build(void)
{
    sg_words_build_lists();
    for (size_t i = 0; i < sizeof sg_plain_words / sizeof *sg_plain_words; i++)
        sg_word_put(sg_plain_words[i].w)->bits |= sg_plain_words[i].bits;
    for (size_t i = 0; sg_not_names[i]; i++) {
        const char *w = sg_not_names[i];
        /* "OK", "REVIEW": in capitals; "The", "A": capitalised */
        sg_word_put(w)->bits |= w[1] && sg_word_caps(w) ? SG_WORD_NOT_NAME_CAPS : SG_WORD_NOT_NAME;
    }
    sg_words_build_detect();
    sg_words_build_cues();
}

void sg_words_init(void)
{
    pthread_once(&sg_words_once, sg_words_build);
}

const sg_word_slot *sg_word_find(const char *w, size_t n)
{
    if (!n || n > SG_WORD_MAXLEN)
        return NULL;
    uint64_t key[2];
    sg_word_key(w, n, key);
    return sg_word_key_find(key);
}

int sg_word_not_name(const char *w, size_t n)
{
    const sg_word_slot *e = sg_word_find(w, n);
    if (!e || !(e->bits & (SG_WORD_NOT_NAME | SG_WORD_NOT_NAME_CAPS)))
        return 0;
    /* the key matched: w is the word's letters, in some case */
    int rest_lower = 1, all_upper = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'a' && c <= 'z')
            all_upper = 0;
        else if (c >= 'A' && c <= 'Z' && i)
            rest_lower = 0;
    }
    int capitalised = w[0] >= 'A' && w[0] <= 'Z' && rest_lower;
    return ((e->bits & SG_WORD_NOT_NAME) && capitalised) ||
           ((e->bits & SG_WORD_NOT_NAME_CAPS) && all_upper);
}
