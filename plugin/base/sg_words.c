/* sg_words.c -- the word table: the words the stages look up by their
 * letters, in one table built once.  Each entry carries a bit for what each
 * stage knows of the word (a name it is not, ...), so that a word read once
 * can be asked about by any stage with one lookup.
 *
 * A key is the word's bytes with ASCII capitals lowered, zero-padded to 16
 * bytes: a word holds no NUL byte, so the key alone tells two words apart.
 * Where a stage cares about case (a name is capitalised), its bits say which
 * forms of the word it knows. */
#include "sg_internal.h"

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

static void sg_words_build(void)
{
    for (size_t i = 0; i < sizeof sg_plain_words / sizeof *sg_plain_words; i++)
        sg_word_put(sg_plain_words[i].w)->bits |= sg_plain_words[i].bits;
    for (size_t i = 0; sg_not_names[i]; i++) {
        const char *w = sg_not_names[i];
        /* "OK", "REVIEW": in capitals; "The", "A": capitalised */
        sg_word_put(w)->bits |= w[1] && sg_word_caps(w) ? SG_WORD_NOT_NAME_CAPS : SG_WORD_NOT_NAME;
    }
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
