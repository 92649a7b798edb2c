/*
 * sg_tfeat.c -- reading a run of text's features in one pass (sg_tfeat.h):
 * words are split at spaces and punctuation (an inner apostrophe or hyphen
 * joins), looked up in one table of stop words, small words, social
 * networks and share actions, and counted with their capitals.
 */
#include "sg_tfeat.h"
#include "sg_text.h"

#include <pthread.h>

/* Word counts and stop-word shares are read off this much of a long block:
 * enough to tell prose from chrome, and long blocks need no more. */
#define SG_SCAN_BYTES 4096

/* ---- word lists -------------------------------------------------------------- */


/* Word classes the classifiers count. */
#define SG_W_STOP 1    /* an English stop word: prose is full of them, chrome is not */
#define SG_W_SMALL 2   /* left in lower case by Title Case: neither makes nor breaks it */
#define SG_W_NETWORK 4 /* a social network: a line of them is a share or follow bar */
#define SG_W_SHARE 8   /* a share action, standing with the networks in a share bar */
/* No word in the table is longer than this. */
#define SG_W_MAX 10

typedef struct sg_word {
    const char *w;
    unsigned char flags;
} sg_word;

/* Sorted bytewise for bsearch. */
/* clang-format off */
static const sg_word sg_words[] = {
    {"a", SG_W_STOP | SG_W_SMALL}, {"about", SG_W_STOP}, {"above", SG_W_STOP},
    {"after", SG_W_STOP}, {"again", SG_W_STOP}, {"against", SG_W_STOP},
    {"all", SG_W_STOP}, {"almost", SG_W_STOP}, {"along", SG_W_STOP},
    {"already", SG_W_STOP}, {"also", SG_W_STOP}, {"although", SG_W_STOP},
    {"always", SG_W_STOP}, {"am", SG_W_STOP}, {"among", SG_W_STOP},
    {"an", SG_W_STOP | SG_W_SMALL}, {"and", SG_W_STOP | SG_W_SMALL},
    {"another", SG_W_STOP}, {"any", SG_W_STOP}, {"anyone", SG_W_STOP},
    {"anything", SG_W_STOP}, {"are", SG_W_STOP}, {"aren't", SG_W_STOP},
    {"around", SG_W_STOP}, {"as", SG_W_STOP | SG_W_SMALL},
    {"at", SG_W_STOP | SG_W_SMALL}, {"back", SG_W_STOP}, {"be", SG_W_STOP},
    {"became", SG_W_STOP}, {"because", SG_W_STOP}, {"become", SG_W_STOP},
    {"been", SG_W_STOP}, {"before", SG_W_STOP}, {"behind", SG_W_STOP},
    {"being", SG_W_STOP}, {"below", SG_W_STOP}, {"beside", SG_W_STOP},
    {"besides", SG_W_STOP}, {"between", SG_W_STOP}, {"beyond", SG_W_STOP},
    {"bluesky", SG_W_NETWORK}, {"both", SG_W_STOP},
    {"but", SG_W_STOP | SG_W_SMALL}, {"by", SG_W_STOP | SG_W_SMALL},
    {"can", SG_W_STOP}, {"can't", SG_W_STOP}, {"cannot", SG_W_STOP},
    {"copy", SG_W_SHARE}, {"could", SG_W_STOP}, {"couldn't", SG_W_STOP},
    {"did", SG_W_STOP}, {"didn't", SG_W_STOP}, {"discord", SG_W_NETWORK},
    {"do", SG_W_STOP}, {"does", SG_W_STOP}, {"doesn't", SG_W_STOP},
    {"doing", SG_W_STOP}, {"don't", SG_W_STOP}, {"down", SG_W_STOP},
    {"during", SG_W_STOP}, {"e-mail", SG_W_SHARE}, {"each", SG_W_STOP},
    {"either", SG_W_STOP}, {"else", SG_W_STOP}, {"email", SG_W_SHARE},
    {"enough", SG_W_STOP}, {"even", SG_W_STOP}, {"ever", SG_W_STOP},
    {"every", SG_W_STOP}, {"everyone", SG_W_STOP}, {"everything", SG_W_STOP},
    {"facebook", SG_W_NETWORK}, {"few", SG_W_STOP},
    {"flipboard", SG_W_NETWORK}, {"for", SG_W_STOP | SG_W_SMALL},
    {"from", SG_W_STOP | SG_W_SMALL}, {"further", SG_W_STOP},
    {"get", SG_W_STOP}, {"gets", SG_W_STOP}, {"got", SG_W_STOP},
    {"had", SG_W_STOP}, {"hadn't", SG_W_STOP}, {"has", SG_W_STOP},
    {"hasn't", SG_W_STOP}, {"have", SG_W_STOP}, {"haven't", SG_W_STOP},
    {"having", SG_W_STOP}, {"he", SG_W_STOP}, {"he'd", SG_W_STOP},
    {"he'll", SG_W_STOP}, {"he's", SG_W_STOP}, {"her", SG_W_STOP},
    {"here", SG_W_STOP}, {"here's", SG_W_STOP}, {"hers", SG_W_STOP},
    {"herself", SG_W_STOP}, {"him", SG_W_STOP}, {"himself", SG_W_STOP},
    {"his", SG_W_STOP}, {"how", SG_W_STOP}, {"how's", SG_W_STOP},
    {"however", SG_W_STOP}, {"i", SG_W_STOP}, {"i'd", SG_W_STOP},
    {"i'll", SG_W_STOP}, {"i'm", SG_W_STOP}, {"i've", SG_W_STOP},
    {"if", SG_W_STOP}, {"in", SG_W_STOP | SG_W_SMALL}, {"indeed", SG_W_STOP},
    {"instagram", SG_W_NETWORK}, {"into", SG_W_STOP | SG_W_SMALL},
    {"is", SG_W_STOP}, {"isn't", SG_W_STOP}, {"it", SG_W_STOP},
    {"it's", SG_W_STOP}, {"its", SG_W_STOP}, {"itself", SG_W_STOP},
    {"just", SG_W_STOP}, {"least", SG_W_STOP}, {"less", SG_W_STOP},
    {"let's", SG_W_STOP}, {"like", SG_W_STOP}, {"link", SG_W_SHARE},
    {"linkedin", SG_W_NETWORK}, {"mail", SG_W_SHARE}, {"many", SG_W_STOP},
    {"mastodon", SG_W_NETWORK}, {"may", SG_W_STOP}, {"maybe", SG_W_STOP},
    {"me", SG_W_STOP}, {"messenger", SG_W_NETWORK}, {"might", SG_W_STOP},
    {"more", SG_W_STOP}, {"most", SG_W_STOP}, {"much", SG_W_STOP},
    {"must", SG_W_STOP}, {"mustn't", SG_W_STOP}, {"my", SG_W_STOP},
    {"myself", SG_W_STOP}, {"neither", SG_W_STOP}, {"never", SG_W_STOP},
    {"no", SG_W_STOP}, {"nobody", SG_W_STOP}, {"none", SG_W_STOP},
    {"nor", SG_W_STOP | SG_W_SMALL}, {"not", SG_W_STOP},
    {"nothing", SG_W_STOP}, {"now", SG_W_STOP}, {"of", SG_W_STOP | SG_W_SMALL},
    {"off", SG_W_STOP}, {"often", SG_W_STOP}, {"on", SG_W_STOP | SG_W_SMALL},
    {"once", SG_W_STOP}, {"one", SG_W_STOP}, {"only", SG_W_STOP},
    {"onto", SG_W_STOP | SG_W_SMALL}, {"or", SG_W_STOP | SG_W_SMALL},
    {"other", SG_W_STOP}, {"others", SG_W_STOP}, {"otherwise", SG_W_STOP},
    {"our", SG_W_STOP}, {"ours", SG_W_STOP}, {"ourselves", SG_W_STOP},
    {"out", SG_W_STOP}, {"over", SG_W_STOP}, {"own", SG_W_STOP},
    {"per", SG_W_SMALL}, {"perhaps", SG_W_STOP}, {"pin", SG_W_SHARE},
    {"pinterest", SG_W_NETWORK}, {"pocket", SG_W_NETWORK},
    {"print", SG_W_SHARE}, {"quite", SG_W_STOP}, {"rather", SG_W_STOP},
    {"really", SG_W_STOP}, {"reddit", SG_W_NETWORK}, {"rss", SG_W_NETWORK},
    {"same", SG_W_STOP}, {"seem", SG_W_STOP}, {"seems", SG_W_STOP},
    {"shall", SG_W_STOP}, {"share", SG_W_SHARE}, {"she", SG_W_STOP},
    {"she'd", SG_W_STOP}, {"she'll", SG_W_STOP}, {"she's", SG_W_STOP},
    {"should", SG_W_STOP}, {"shouldn't", SG_W_STOP}, {"since", SG_W_STOP},
    {"sms", SG_W_SHARE}, {"snapchat", SG_W_NETWORK}, {"so", SG_W_STOP},
    {"some", SG_W_STOP}, {"someone", SG_W_STOP}, {"something", SG_W_STOP},
    {"still", SG_W_STOP}, {"such", SG_W_STOP}, {"telegram", SG_W_NETWORK},
    {"than", SG_W_STOP}, {"that", SG_W_STOP}, {"that's", SG_W_STOP},
    {"the", SG_W_STOP | SG_W_SMALL}, {"their", SG_W_STOP},
    {"theirs", SG_W_STOP}, {"them", SG_W_STOP}, {"themselves", SG_W_STOP},
    {"then", SG_W_STOP}, {"there", SG_W_STOP}, {"there's", SG_W_STOP},
    {"these", SG_W_STOP}, {"they", SG_W_STOP}, {"they'd", SG_W_STOP},
    {"they'll", SG_W_STOP}, {"they're", SG_W_STOP}, {"they've", SG_W_STOP},
    {"this", SG_W_STOP}, {"those", SG_W_STOP}, {"though", SG_W_STOP},
    {"threads", SG_W_NETWORK}, {"through", SG_W_STOP}, {"thus", SG_W_STOP},
    {"tiktok", SG_W_NETWORK}, {"to", SG_W_STOP | SG_W_SMALL},
    {"too", SG_W_STOP}, {"toward", SG_W_STOP}, {"towards", SG_W_STOP},
    {"tumblr", SG_W_NETWORK}, {"tweet", SG_W_SHARE}, {"twitch", SG_W_NETWORK},
    {"twitter", SG_W_NETWORK}, {"under", SG_W_STOP}, {"unless", SG_W_STOP},
    {"until", SG_W_STOP}, {"up", SG_W_STOP}, {"upon", SG_W_STOP},
    {"us", SG_W_STOP}, {"very", SG_W_STOP}, {"via", SG_W_SMALL},
    {"vk", SG_W_NETWORK}, {"vs", SG_W_SMALL}, {"was", SG_W_STOP},
    {"wasn't", SG_W_STOP}, {"we", SG_W_STOP}, {"we'd", SG_W_STOP},
    {"we'll", SG_W_STOP}, {"we're", SG_W_STOP}, {"we've", SG_W_STOP},
    {"well", SG_W_STOP}, {"were", SG_W_STOP}, {"weren't", SG_W_STOP},
    {"what", SG_W_STOP}, {"what's", SG_W_STOP}, {"whatever", SG_W_STOP},
    {"whatsapp", SG_W_NETWORK}, {"when", SG_W_STOP}, {"when's", SG_W_STOP},
    {"whenever", SG_W_STOP}, {"where", SG_W_STOP}, {"where's", SG_W_STOP},
    {"whether", SG_W_STOP}, {"which", SG_W_STOP}, {"while", SG_W_STOP},
    {"who", SG_W_STOP}, {"who's", SG_W_STOP}, {"whoever", SG_W_STOP},
    {"whom", SG_W_STOP}, {"whose", SG_W_STOP}, {"why", SG_W_STOP},
    {"why's", SG_W_STOP}, {"will", SG_W_STOP},
    {"with", SG_W_STOP | SG_W_SMALL}, {"within", SG_W_STOP},
    {"without", SG_W_STOP}, {"won't", SG_W_STOP}, {"would", SG_W_STOP},
    {"wouldn't", SG_W_STOP}, {"x", SG_W_NETWORK}, {"yet", SG_W_STOP},
    {"you", SG_W_STOP}, {"you'd", SG_W_STOP}, {"you'll", SG_W_STOP},
    {"you're", SG_W_STOP}, {"you've", SG_W_STOP}, {"your", SG_W_STOP},
    {"yours", SG_W_STOP}, {"yourself", SG_W_STOP}, {"yourselves", SG_W_STOP},
    {"youtube", SG_W_NETWORK},
};
/* clang-format on */

/* ---- characters and words ------------------------------------------------------ */

/* Horizontal blank at s[i]: space, tab, CR, FF, VT, NBSP, BOM, U+3000;
 * returns its length in bytes, else 0. */
size_t sg_blank_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (sg_is_hspace(c))
        return 1;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
        return 2;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
        return 3;
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;
    return 0;
}

/* Length of the separator (space or punctuation) at s[i], 0 when a word
 * character starts there.  Bytes that are not valid UTF-8 are word bytes. */
static size_t sg_sep_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return sg_is_alnum(c) ? 0 : 1;
    if (c == 0xC2 && i + 1 < n) {
        unsigned char d = s[i + 1];
        /* NBSP « » · © ® ¦ ¡ ¿ */
        if (d == 0xA0 || d == 0xAB || d == 0xBB || d == 0xB7 || d == 0xA9 || d == 0xAE ||
            d == 0xA6 || d == 0xA1 || d == 0xBF)
            return 2;
        return 0;
    }
    if (c == 0xE2 && i + 2 < n) {
        unsigned char d = s[i + 1], e = s[i + 2];
        if ((e & 0xC0) != 0x80)
            return 0;
        if (d == 0x80 || d == 0x81) /* general punctuation: spaces, dashes,
                                       quotes, bullets, ellipsis, joiners */
            return 3;
        if (d >= 0x86 && d <= 0x87) /* arrows */
            return 3;
        if (d >= 0x96 && d <= 0x97) /* geometric shapes used as bullets */
            return 3;
        if (d == 0x98 && (e == 0x85 || e == 0x86)) /* stars */
            return 3;
        return 0;
    }
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 &&
        (s[i + 2] == 0x80 || s[i + 2] == 0x81 || s[i + 2] == 0x82))
        return 3;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
        return 3;
    return 0;
}

/* Does the separator at s[i] (of `sl` bytes) join two parts of one word:
 * an apostrophe (' or U+2019) or a hyphen with word bytes on both sides? */
static int sg_sep_joins(const unsigned char *s, size_t n, size_t i, size_t sl)
{
    int joiner = (sl == 1 && (s[i] == '\'' || s[i] == '-')) ||
                 (sl == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99);
    return joiner && i + sl < n && !sg_sep_len(s, n, i + sl);
}

/* A word as the scanner reads it: its first 16 bytes, lower-cased and
 * zero-padded, and its length.  Words never hold a NUL byte, so the bytes
 * alone tell words of up to 16 bytes apart. */
typedef struct sg_wkey {
    unsigned char b[16];
    size_t n;
} sg_wkey;
_Static_assert(SG_W_MAX < 16, "table words fit a key");

/* Past 16 bytes the key wraps around: such a word is longer than any in
 * the table and is never looked up, so its key does not matter, and the
 * store needs no test. */
static void sg_wkey_add(sg_wkey *w, unsigned char c)
{
    w->b[w->n++ & 15] = c;
}

/* The kind of an ASCII letter or digit (one bit), 0 for every other byte. */
enum { SG_K_UPPER = 1, SG_K_LOWER = 2, SG_K_DIGIT = 4 };
static unsigned char sg_kind[256];

/* The word table by key, built once: the scanner keeps each word's bytes
 * as it reads them, so a lookup is one multiply and a probe or two, with
 * no string hashed or compared. */
#define SG_WTAB_BITS 10
#define SG_WTAB_SLOTS (1u << SG_WTAB_BITS)
typedef struct sg_wslot {
    uint64_t k[2];
    unsigned char flags; /* 0: empty (every word in the table has a class) */
} sg_wslot;
static sg_wslot sg_wtab[SG_WTAB_SLOTS];
static pthread_once_t sg_word_once = PTHREAD_ONCE_INIT;

static size_t sg_wkey_slot(const uint64_t k[2])
{
    uint64_t h = (k[0] ^ (k[1] * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> (64 - SG_WTAB_BITS));
}

static void sg_word_init(void)
{
    for (int c = 0; c < 256; c++)
        sg_kind[c] = sg_is_upper((unsigned char)c)   ? SG_K_UPPER
                     : sg_is_lower((unsigned char)c) ? SG_K_LOWER
                     : sg_is_digit((unsigned char)c) ? SG_K_DIGIT
                                                     : 0;
    for (size_t i = 0; i < sizeof sg_words / sizeof *sg_words; i++) {
        uint64_t key[2] = {0, 0};
        memcpy(key, sg_words[i].w, strlen(sg_words[i].w));
        size_t k = sg_wkey_slot(key);
        while (sg_wtab[k].flags)
            k = (k + 1) & (SG_WTAB_SLOTS - 1);
        sg_wtab[k].k[0] = key[0];
        sg_wtab[k].k[1] = key[1];
        sg_wtab[k].flags = sg_words[i].flags;
    }
}

/* The SG_W_ classes of the word whose key is `key`. */
static inline unsigned sg_key_flags(const uint64_t key[2])
{
    for (size_t k = sg_wkey_slot(key); sg_wtab[k].flags;
         k = (k + 1) & (SG_WTAB_SLOTS - 1))
        if (sg_wtab[k].k[0] == key[0] && sg_wtab[k].k[1] == key[1])
            return sg_wtab[k].flags;
    return 0;
}

/* The SG_W_ classes of a word. */
static unsigned sg_word_flags(const sg_wkey *w)
{
    if (!w->n || w->n > SG_W_MAX)
        return 0;
    uint64_t key[2];
    memcpy(key, w->b, sizeof key);
    return sg_key_flags(key);
}

/* Bytes [16 - n, 32 - n) are a mask of a key's first n bytes. */
static const unsigned char sg_key_mask[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* The SG_W_ classes of the plain ASCII word s[0, n) of letters and
 * digits, `room` bytes of text from its start: its key is its bytes
 * lower-cased (| 0x20 leaves digits alone).  With room for 16 bytes the
 * key is read whole and masked, not built byte by byte. */
static unsigned sg_ascii_word_flags(const unsigned char *s, size_t n, size_t room)
{
    if (n > SG_W_MAX)
        return 0;
    uint64_t key[2], mask[2];
    if (room >= sizeof key)
        memcpy(key, s, sizeof key);
    else {
        unsigned char b[16] = {0};
        memcpy(b, s, n);
        memcpy(key, b, sizeof key);
    }
    memcpy(mask, sg_key_mask + 16 - n, sizeof mask);
    key[0] = (key[0] | 0x2020202020202020ull) & mask[0];
    key[1] = (key[1] | 0x2020202020202020ull) & mask[1];
    return sg_key_flags(key);
}

/* Does a sentence end right after the word ending at s[i]: ". " or "? ",
 * closing quotes passed over? */
static int sg_stop_after(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == '"' || s[i] == '\'' || s[i] == ')' ||
                     (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                      (s[i + 2] == 0x9D || s[i + 2] == 0x99))))
        i += s[i] == 0xE2 ? 3 : 1;
    return i + 1 < n && (s[i] == '.' || s[i] == '!' || s[i] == '?') &&
           (s[i + 1] == ' ' || s[i + 1] == '\t');
}

/* Count the run s[0, n) of ASCII letters and digits, whose bytes are of
 * the SG_K_ kinds `kinds`, into f's letter case. */
static void sg_tfeat_run(sg_tfeat *f, const unsigned char *s, size_t n,
                         unsigned char kinds)
{
    if (kinds & SG_K_LOWER)
        f->has_lower = 1;
    else if ((kinds & SG_K_UPPER) && !f->has_lower)
        for (size_t k = 0; k < n; k++)
            f->uppers += sg_kind[s[k]] & SG_K_UPPER;
}

/* Read the word starting at s[i] into w; returns its end. */
static size_t sg_word_read(const unsigned char *s, size_t n, size_t i, sg_tfeat *f,
                           sg_wkey *w)
{
    for (;;) {
        /* a run of ASCII letters and digits, the common case: their case
         * is counted and they join the key lower-cased */
        size_t a = i;
        unsigned char k, kinds = 0;
        while (i < n && (k = sg_kind[s[i]])) {
            kinds |= k;
            sg_wkey_add(w, s[i] | 0x20);
            i++;
        }
        sg_tfeat_run(f, s + a, i - a, kinds);
        if (i >= n)
            return i;
        unsigned char c = s[i];
        if (c < 0x80) { /* ASCII: what sg_sep_len says, without the call */
            if (!((c == '\'' || c == '-') && i + 1 < n && !sg_sep_len(s, n, i + 1)))
                return i;
            sg_wkey_add(w, c);
            i++;
            continue;
        }
        size_t sl = sg_sep_len(s, n, i);
        if (sl) {
            if (!sg_sep_joins(s, n, i, sl))
                return i;
            sg_wkey_add(w, '\''); /* a joiner past ASCII is U+2019 */
            i += sl;
            continue;
        }
        sg_wkey_add(w, c); /* past ASCII: no case */
        i++;
    }
}

void sg_tfeat_scan(const char *text, size_t len, sg_tfeat *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < SG_SCAN_BYTES ? len : SG_SCAN_BYTES;
    pthread_once(&sg_word_once, sg_word_init);
    sg_tfeat f; /* a local copy the compiler may keep in registers */
    memset(&f, 0, sizeof f);
    int seen_letter_word = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char first = s[i];
        if (first < 0x80 && !sg_kind[first]) {
            i++; /* an ASCII separator: what sg_sep_len says, without the call */
            continue;
        }
        if (first >= 0x80) {
            size_t sl = sg_sep_len(s, n, i);
            if (sl) {
                i += sl;
                continue;
            }
        }
        /* a run of ASCII letters and digits, most words whole: only the
         * kinds of its bytes are gathered here, its key is made at its end */
        size_t a = i;
        unsigned char k, kinds = 0;
        if (f.has_lower) /* the case of letters no longer matters */
            while (i < n && sg_kind[s[i]])
                i++;
        else
            while (i < n && (k = sg_kind[s[i]])) {
                kinds |= k;
                i++;
            }
        sg_tfeat_run(&f, s + a, i - a, kinds);
        /* what follows: a space, the usual case, neither goes on with the
         * word nor ends a sentence there (nor does the end of the text) */
        unsigned char c = i < n ? s[i] : ' ';
        unsigned cls;
        if (c != ' ' && (c >= 0x80 || c == '\'' || c == '-')) {
            /* it may go on past a joiner or a byte past ASCII: read on */
            sg_wkey w = {{0}, 0};
            for (size_t j = a; j < i; j++)
                sg_wkey_add(&w, s[j] | 0x20);
            i = sg_word_read(s, n, i, &f, &w);
            cls = sg_word_flags(&w);
            c = i < n ? s[i] : ' ';
        } else
            cls = sg_ascii_word_flags(s + a, i - a, n - a);
        f.words++;
        if (c != ' ' && !f.inner_stop && sg_stop_after(s, n, i))
            f.inner_stop = 1;
        else if (i < n && c == ' ')
            i++; /* a separator: passed over here, not by another round */
        f.stops += (cls & SG_W_STOP) != 0;
        f.networks += (cls & SG_W_NETWORK) != 0;
        f.shares += (cls & (SG_W_NETWORK | SG_W_SHARE)) == SG_W_SHARE;
        if (sg_is_upper(first)) {
            f.caps++;
            if (!seen_letter_word)
                f.first_cap = 1;
            seen_letter_word = 1;
        } else if (sg_is_lower(first)) {
            if (!(cls & SG_W_SMALL))
                f.lowers++;
            seen_letter_word = 1;
        }
    }
    /* the last significant byte, closing quotes and brackets passed over */
    n = len;
    size_t e = n;
    while (e > 0) {
        unsigned char c = s[e - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' ||
            c == ')' || c == ']' || c == '*' || c == '_') {
            e--;
            continue;
        }
        /* ” ’ */
        if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && (c == 0x9D || c == 0x99)) {
            e -= 3;
            continue;
        }
        if (e >= 2 && s[e - 2] == 0xC2 && (c == 0xBB || c == 0xA0)) {
            e -= 2;
            continue;
        }
        break;
    }
    if (e > 0) {
        unsigned char c = s[e - 1];
        f.last = c;
        if (c == '.' || c == '!' || c == '?')
            f.end_punct = 1;
        else if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && c == 0xA6)
            f.end_punct = 1, f.last = '.'; /* … */
        else if (e >= 3 && s[e - 3] == 0xE3 && s[e - 2] == 0x80 && c == 0x82)
            f.end_punct = 1, f.last = '.'; /* 。 */
    }
    *out = f;
}

/* Title Case or ALL CAPS, and short. */
int sg_title_like(const sg_tfeat *f)
{
    if (!f->words || f->words > SG_HEADING_MAX_WORDS)
        return 0;
    if (f->uppers >= 2 && !f->has_lower)
        return 1;
    return f->first_cap && f->caps &&
           f->caps * 100 >= (size_t)SG_TITLE_PCT * (f->caps + f->lowers);
}
