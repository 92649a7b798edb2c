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

#define SG_WORD_BITS 11
#define SG_WORD_SLOTS (1u << SG_WORD_BITS)
sg_word_slot sg_word_tab[SG_WORD_SLOTS];
static pthread_once_t sg_words_once = PTHREAD_ONCE_INIT;

static size_t sg_word_slot_of(const uint64_t k[2])
{
    uint64_t h = (k[0] ^ (k[1] * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> (64 - SG_WORD_BITS));
}

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

const sg_word_slot *sg_word_key_find(const uint64_t key[2])
{
    for (size_t k = sg_word_slot_of(key); sg_word_tab[k].bits; k = (k + 1) & (SG_WORD_SLOTS - 1))
        if (sg_word_tab[k].k[0] == key[0] && sg_word_tab[k].k[1] == key[1])
            return &sg_word_tab[k];
    return NULL;
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
