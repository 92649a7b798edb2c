/*
 * sg_plain.c -- the plain-text reader and the boilerplate classifier.
 *
 * Reading.  Lines are grouped by blank lines.  A group is one hard-wrapped
 * paragraph only when it looks wrapped (lines of similar width between 40
 * and 100 columns, mostly not ending a sentence, not Title Case); otherwise
 * each line is a block of its own, as in reviews pasted one paragraph per
 * line and in page text copied with its menus.  Bullet lines are list
 * items; short Title Case lines followed by prose are headings.  A block's
 * text is mapped byte for byte to the input; bullets and indentation stay
 * out of it, and what an earlier spoilerguard run inserted is left out.
 *
 * Classifying, in the manner of jusText.  Each block is first judged alone:
 * long prose, prose-like, a score line, short, or chrome by a cue (a menu, a
 * share bar, a byline, a "Related Posts" heading ...).  Then by context: a
 * heading that opens a chrome region makes what follows chrome until long
 * prose comes back, except the blocks right before that prose with no cued
 * chrome between; a heading shortly before long prose is article; short
 * blocks take the class of the blocks around them.  When unsure a block is
 * article, and a text with no chrome cue at all (a byline, a run of short
 * list items or a weak cue alone do not count) is all article.
 */
#include "sg_internal.h"

#include <pthread.h>

/* ---- thresholds ------------------------------------------------------------ */

/* Hard wrapping: editors and mail programs wrap between these widths. */
#define SG_WRAP_MIN_COLS 40
#define SG_WRAP_MAX_COLS 100
/* Wrapped lines are of similar width: the narrowest is at least this share
 * (percent) of the widest. */
#define SG_WRAP_SIMILAR_PCT 60
/* A wrapped line may pass the widest joined line by this much (its words
 * did not fit on the line above). */
#define SG_WRAP_OVERSHOOT 10
/* Two lines are one wrapped paragraph only when the first is this wide: a
 * shorter first line is more likely a caption or title above a line. */
#define SG_WRAP_PAIR_MIN_COLS 60

/* Headings are short lines. */
#define SG_HEADING_MAX_WORDS 12
#define SG_HEADING_MAX_COLS 100
/* A heading is followed by a paragraph: a unit of this many words or one
 * that ends a sentence. */
#define SG_PARA_MIN_WORDS 8
/* Title Case: at least this share (percent) of the significant words start
 * with a capital. */
#define SG_TITLE_PCT 75

/* Long prose (jusText's LENGTH_HIGH): such a block is article by itself. */
#define SG_BP_GOOD_BYTES 200
/* Medium text (jusText's LENGTH_LOW) with enough stop words reads as prose. */
#define SG_BP_NEAR_BYTES 70
/* Prose has at least this share (percent) of stop words; menus, titles and
 * lists of names have few (jusText uses 30 with a longer list). */
#define SG_BP_STOP_PCT 25
/* A heading this close (bytes between) before long prose is the article's
 * own heading (jusText's MAX_HEADING_DISTANCE). */
#define SG_BP_HEADING_DISTANCE 200
/* This many short Title Case list items in a row are a menu. */
#define SG_BP_MENU_RUN 3
#define SG_BP_MENU_ITEM_WORDS 5
/* Score lines, dates, bylines and breadcrumbs are short. */
#define SG_BP_SCORE_WORDS 8
#define SG_BP_DATE_WORDS 8
#define SG_BP_BYLINE_WORDS 8
#define SG_BP_CRUMB_WORDS 25
#define SG_BP_CRUMB_SEGMENT_WORDS 5
/* A share bar: mostly names of networks and share actions, short. */
#define SG_BP_SHARE_WORDS 16
#define SG_BP_SHARE_PCT 60
/* "Follow us on ..." lines and author boxes. */
#define SG_BP_FOLLOW_WORDS 20
#define SG_BP_BIO_WORDS 120
/* Cues are looked for in this many bytes at the start of a block. */
#define SG_BP_HEAD_BYTES 160
/* Past this many words no test of a block's start applies: each test is
 * for as many words or fewer (a cue's max_words is 40 at most), and an
 * exact cue needs the whole block in the head, where each word and each
 * gap between two takes a byte at least. */
#define SG_BP_LONG_WORDS SG_BP_BIO_WORDS
_Static_assert(2 * SG_BP_LONG_WORDS - 1 > SG_BP_HEAD_BYTES,
               "the words of a long block do not fit in a head");
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

/* Month and weekday names, for lines that are only a date. */
static const char *const sg_date_words[] = {
    "january", "february",  "march",   "april",    "may",      "june",      "july",
    "august",  "september", "october", "november", "december", "jan",       "feb",
    "mar",     "apr",       "jun",     "jul",      "aug",      "sep",       "sept",
    "oct",     "nov",       "dec",     "monday",   "tuesday",  "wednesday", "thursday",
    "friday",  "saturday",  "sunday",  "mon",      "tue",      "tues",      "wed",
    "thu",     "thurs",     "fri",     "sat",      "sun",      NULL};
/* Words a date line may hold besides names and numbers. */
static const char *const sg_date_glue[] = {"am",  "pm",  "at",  "on",  "of", "the",
                                           "utc", "gmt", "est", "pst", NULL};

/* Job words of an author box ("Sarah is a writer and editor ..."). */
static const char *const sg_bio_words[] = {
    "writer",        "editor", "critic",  "journalist", "contributor",
    "reporter",      "author", "blogger", "columnist",  "freelance",
    "correspondent", "staff",  NULL};

/* Labels that introduce the review's own verdict or score: such lines are
 * article, whatever their length. */
static const char *const sg_score_labels[] = {
    "rating",          "score",         "verdict",     "grade",          "final score",
    "the final score", "our rating",    "my rating",   "overall rating", "overall score",
    "overall",         "final verdict", "the verdict", "our verdict",    "my verdict",
    "final grade",     "stars",         NULL};
/* Whole lines that head the verdict ("TL;DR" above its summary). */
static const char *const sg_verdict_heads[] = {
    "tl;dr",          "tldr",        "tl; dr",      "verdict",         "the verdict",
    "final verdict",  "our verdict", "bottom line", "the bottom line", "conclusion",
    "final thoughts", "rating",      "score",       "the score",       "our rating",
    "my rating",      NULL};

/* How a cue phrase is matched against a block's normalised start. */
enum { SG_CUE_EXACT, SG_CUE_PREFIX, SG_CUE_CONTAINS };
/* Cue flags: opens a chrome region; only when the block ends no sentence;
 * weak (chrome only with chrome around it, and never on its own). */
#define SG_CUE_REGION 1
#define SG_CUE_NOPUNCT 2
#define SG_CUE_WEAK 4

typedef struct sg_cue {
    const char *text;
    unsigned char mode;
    unsigned char why;
    unsigned char flags;
    unsigned char max_words; /* the block has at most this many words */
} sg_cue;

/* Page chrome by what it says.  Section headings that start a chrome region
 * carry SG_CUE_REGION; single words that could also be a film's title are
 * weak. */
static const sg_cue sg_cues[] = {
    /* navigation */
    {"close menu", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"main menu", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"open menu", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"menu", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_WEAK, 0},
    {"navigation", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_WEAK, 0},
    {"toggle navigation", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"skip to content", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"skip to main content", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"search", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_WEAK, 0},
    {"home", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_WEAK, 0},
    {"login", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"log in", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"sign in", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"log out", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"my account", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"categories", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_WEAK, 0},
    {"select a category", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_REGION, 0},
    {"back to top", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"scroll to top", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"you are here", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_NOPUNCT, 12},
    {"previous article", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"next article", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"previous post", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"next post", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"prev post", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"older posts", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"newer posts", SG_CUE_EXACT, SG_WHY_NAVIGATION, 0, 0},
    {"tags", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_REGION, 0},
    {"tags:", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_REGION, 40},
    {"tagged:", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_REGION, 40},
    {"tagged with", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_REGION, 40},
    {"filed under", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_REGION | SG_CUE_NOPUNCT, 20},
    {"article topics", SG_CUE_PREFIX, SG_WHY_NAVIGATION, SG_CUE_REGION, 20},
    {"topics", SG_CUE_EXACT, SG_WHY_NAVIGATION, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"type above and press enter to search", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 20},
    {"press esc to cancel", SG_CUE_PREFIX, SG_WHY_NAVIGATION, 0, 10},
    /* related and trending lists */
    {"related", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"related posts", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"related articles", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"related stories", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"related reviews", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"related content", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"related news", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"you may also like", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"you might also like", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"you may like", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"you might like", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"more from", SG_CUE_PREFIX, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_NOPUNCT, 8},
    {"more stories", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"more reviews", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"more articles", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"more news", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"recommended", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"recommended for you", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"recommended reading", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"recommended stories", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"trending", SG_CUE_PREFIX, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_NOPUNCT, 4},
    {"popular", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"popular posts", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"most popular", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"most read", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"read next", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"read more", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"up next", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"latest", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"latest posts", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"latest reviews", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"latest news", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"latest articles", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"what to read next", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"also read", SG_CUE_PREFIX, SG_WHY_RELATED, SG_CUE_REGION | SG_CUE_NOPUNCT, 20},
    {"don't miss", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"editor's picks", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"in case you missed it", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"from the web", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"around the web", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    {"sponsored stories", SG_CUE_EXACT, SG_WHY_RELATED, SG_CUE_REGION, 0},
    /* comments */
    {"comments", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"comment", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"leave a reply", SG_CUE_PREFIX, SG_WHY_COMMENTS, SG_CUE_REGION | SG_CUE_NOPUNCT, 8},
    {"leave a comment", SG_CUE_PREFIX, SG_WHY_COMMENTS, SG_CUE_REGION | SG_CUE_NOPUNCT,
     8},
    {"post a comment", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"add a comment", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"join the discussion", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"join the conversation", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"discussion", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"responses", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION | SG_CUE_WEAK, 0},
    {"reader comments", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"show comments", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    {"view comments", SG_CUE_EXACT, SG_WHY_COMMENTS, SG_CUE_REGION, 0},
    /* newsletter boxes */
    {"newsletter", SG_CUE_EXACT, SG_WHY_NEWSLETTER, SG_CUE_REGION, 0},
    {"subscribe", SG_CUE_EXACT, SG_WHY_NEWSLETTER, SG_CUE_REGION, 0},
    {"subscribe to", SG_CUE_PREFIX, SG_WHY_NEWSLETTER, SG_CUE_REGION, 25},
    {"sign up for", SG_CUE_PREFIX, SG_WHY_NEWSLETTER, SG_CUE_REGION, 25},
    {"sign up", SG_CUE_EXACT, SG_WHY_NEWSLETTER, SG_CUE_REGION, 0},
    {"join our mailing list", SG_CUE_PREFIX, SG_WHY_NEWSLETTER, SG_CUE_REGION, 25},
    {"in your inbox", SG_CUE_CONTAINS, SG_WHY_NEWSLETTER, SG_CUE_REGION, 12},
    {"our newsletter", SG_CUE_CONTAINS, SG_WHY_NEWSLETTER, 0, 25},
    {"weekly newsletter", SG_CUE_CONTAINS, SG_WHY_NEWSLETTER, 0, 25},
    {"daily newsletter", SG_CUE_CONTAINS, SG_WHY_NEWSLETTER, 0, 25},
    /* share bars */
    {"share", SG_CUE_EXACT, SG_WHY_SHARE, SG_CUE_WEAK, 0},
    {"share this", SG_CUE_PREFIX, SG_WHY_SHARE, SG_CUE_REGION | SG_CUE_NOPUNCT, 6},
    {"share on", SG_CUE_PREFIX, SG_WHY_SHARE, SG_CUE_NOPUNCT, 6},
    {"share via", SG_CUE_PREFIX, SG_WHY_SHARE, SG_CUE_NOPUNCT, 6},
    {"share the article", SG_CUE_EXACT, SG_WHY_SHARE, 0, 0},
    {"share article", SG_CUE_EXACT, SG_WHY_SHARE, 0, 0},
    {"email this", SG_CUE_EXACT, SG_WHY_SHARE, 0, 0},
    {"copy link", SG_CUE_EXACT, SG_WHY_SHARE, 0, 0},
    /* footers */
    {"copyright", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_REGION, 12},
    {"copyright \xc2\xa9", SG_CUE_CONTAINS, SG_WHY_FOOTER, SG_CUE_REGION, 30},
    {"\xc2\xa9 copyright", SG_CUE_CONTAINS, SG_WHY_FOOTER, SG_CUE_REGION, 30},
    {"all rights reserved", SG_CUE_CONTAINS, SG_WHY_FOOTER, SG_CUE_REGION, 30},
    {"\xc2\xa9", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT | SG_CUE_WEAK, 12},
    {"privacy policy", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT, 8},
    {"privacy", SG_CUE_EXACT, SG_WHY_FOOTER, SG_CUE_WEAK, 0},
    {"terms of use", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT, 8},
    {"terms of service", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT, 8},
    {"terms and conditions", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT, 8},
    {"cookie policy", SG_CUE_PREFIX, SG_WHY_FOOTER, SG_CUE_NOPUNCT, 8},
    {"cookie settings", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"contact us", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"about us", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"advertise", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"advertise with us", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"sitemap", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    {"site map", SG_CUE_EXACT, SG_WHY_FOOTER, 0, 0},
    /* bylines and dates */
    {"min read", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"mins read", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"minute read", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"minutes read", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"min. read", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"reading time", SG_CUE_PREFIX, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 8},
    {"posted by", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    {"written by", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    {"words by", SG_CUE_PREFIX, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    {"updated:", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"published:", SG_CUE_CONTAINS, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 15},
    {"published on", SG_CUE_PREFIX, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    {"posted on", SG_CUE_PREFIX, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    {"last updated", SG_CUE_PREFIX, SG_WHY_BYLINE, SG_CUE_NOPUNCT, 12},
    /* other chrome */
    {"support us", SG_CUE_PREFIX, SG_WHY_BOILERPLATE, SG_CUE_REGION, 4},
    {"click here", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"advertisement", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"sponsored", SG_CUE_EXACT, SG_WHY_BOILERPLATE, SG_CUE_WEAK, 0},
    {"sponsored content", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"continue reading", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"load more", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"show more", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"learn more", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"see all", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"view all", SG_CUE_EXACT, SG_WHY_BOILERPLATE, 0, 0},
    {"loading", SG_CUE_EXACT, SG_WHY_BOILERPLATE, SG_CUE_WEAK, 0},
};

/* ---- characters and words ------------------------------------------------------ */

static int sg_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
static int sg_is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
static int sg_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
static int sg_is_alnum(unsigned char c)
{
    return sg_is_upper(c) || sg_is_lower(c) || sg_is_digit(c);
}
static unsigned char sg_lower(unsigned char c)
{
    return sg_is_upper(c) ? (unsigned char)(c + 32) : c;
}

/* Horizontal blank at s[i]: space, tab, CR, FF, VT, NBSP, BOM, U+3000;
 * returns its length in bytes, else 0. */
static size_t sg_blank_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
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

static int sg_in_list(const char *const *list, const char *w, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return 1;
    return 0;
}

/* What the classifiers read off a run of text in one pass. */
typedef struct sg_tfeat {
    size_t words;       /* words: letters and digits, inner ' and - kept */
    size_t stops;       /* of them English stop words */
    size_t caps;        /* significant words with a capital first letter */
    size_t lowers;      /* significant words with a small first letter */
    size_t networks;    /* names of social networks */
    size_t shares;      /* share actions ("share", "email", ...) */
    size_t uppers;      /* upper-case ASCII letters, counted until a lower-case
                           one is seen (only then does the count matter) */
    int has_lower;      /* any lower-case ASCII letter */
    int first_cap;      /* the first word with a letter starts with a capital */
    int end_punct;      /* the text ends a sentence (. ! ? or an ellipsis) */
    int inner_stop;     /* a sentence ends inside it ("... a still. Photo: ...") */
    unsigned char last; /* its last byte before closing quotes and blanks */
} sg_tfeat;

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

static void sg_tfeat_scan(const char *text, size_t len, sg_tfeat *out)
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
static int sg_title_like(const sg_tfeat *f)
{
    if (!f->words || f->words > SG_HEADING_MAX_WORDS)
        return 0;
    if (f->uppers >= 2 && !f->has_lower)
        return 1;
    return f->first_cap && f->caps &&
           f->caps * 100 >= (size_t)SG_TITLE_PCT * (f->caps + f->lowers);
}

/* ---- the plain-text reader ------------------------------------------------------- */

/* One input line that holds text. */
typedef struct sg_pline {
    size_t start;       /* its first byte not inside an earlier insertion */
    size_t cstart;      /* its text: after indentation and bullet */
    size_t cend;        /* end of its text: trailing blanks and CR dropped */
    size_t cols;        /* code points from its first byte to cend */
    int indent;         /* columns of indentation (a tab is 4) */
    int bullet;         /* starts with a list bullet */
    int title;          /* Title Case or ALL CAPS */
    int inner_stop;     /* a sentence ends inside it */
    int end_punct;      /* ends a sentence */
    unsigned char last; /* its last byte, closing quotes passed over */
    size_t words;
    sg_tfeat f; /* what the scan read off its text */
} sg_pline;

/* A block to be: lines [first, last] of the line array. */
typedef struct sg_punit {
    size_t first, last;
} sg_punit;

/* Length of a list bullet at s[i] ("•", "-", "*", "+", "1.", "1)", "a)"),
 * with the blanks after it; 0 when none.  A bullet needs text after it. */
static size_t sg_bullet_len(const unsigned char *s, size_t end, size_t i)
{
    size_t m = 0;
    if (i < end && (s[i] == '-' || s[i] == '*' || s[i] == '+'))
        m = 1;
    else if (i + 2 < end && s[i] == 0xE2 &&
             ((s[i + 1] == 0x80 && (s[i + 2] == 0xA2 || s[i + 2] == 0xA3)) || /* • ‣ */
              (s[i + 1] == 0x97 && (s[i + 2] == 0xA6 || s[i + 2] == 0x8F || /* ◦ ● */
                                    s[i + 2] == 0x8B)) ||                   /* ○ */
              (s[i + 1] == 0x96 && (s[i + 2] == 0xAA || s[i + 2] == 0xA0 || /* ▪ ■ */
                                    s[i + 2] == 0xB8 || s[i + 2] == 0xBA)) || /* ▸ ► */
              (s[i + 1] == 0x9E && s[i + 2] == 0xA2)))                        /* ➢ */
        m = 3;
    else if (i + 1 < end && s[i] == 0xC2 && s[i + 1] == 0xB7) /* · */
        m = 2;
    else if (i < end && sg_is_digit(s[i])) {
        size_t d = i;
        while (d < end && d - i < 3 && sg_is_digit(s[d]))
            d++;
        if (d < end && (s[d] == '.' || s[d] == ')'))
            m = d + 1 - i;
    } else if (i + 1 < end && sg_is_lower(s[i]) && s[i + 1] == ')')
        m = 2;
    if (!m)
        return 0;
    size_t j = i + m;
    if (j >= end || (s[j] != ' ' && s[j] != '\t'))
        return 0;
    while (j < end && (s[j] == ' ' || s[j] == '\t'))
        j++;
    return j < end ? j - i : 0;
}

/* A line of one repeated mark ("-----", "* * *", "====") separates like a
 * blank line. */
static int sg_rule_line(const unsigned char *s, size_t a, size_t b)
{
    unsigned char mark = 0;
    size_t count = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = s[i];
        if (c == ' ' || c == '\t')
            continue;
        if (!strchr("-=*_~#+.", c) || c == 0 || (mark && c != mark))
            return 0;
        mark = c;
        count++;
    }
    return count >= 3;
}

/* Length of the run of printable ASCII and spaces (0x20 to 0x7F) that
 * starts s[0, n).  Eight bytes are tried at a time: none is below 0x20 or
 * from 0x80 on when neither they nor they less 0x20 each have a top bit set
 * (a byte below 0x20 is the first to borrow, and its top bit then is). */
static size_t sg_ascii_run(const unsigned char *s, size_t n)
{
    size_t q = 0;
    for (; n - q >= 8; q += 8) {
        uint64_t x;
        memcpy(&x, s + q, sizeof x);
        if ((x | (x - 0x2020202020202020ull)) & 0x8080808080808080ull)
            break;
    }
    while (q < n && (unsigned char)(s[q] - ' ') < 0x60)
        q++;
    return q;
}

/* First chunk (earlier insertion) whose end is after `pos`. */
static size_t sg_plain_chunk_after(const sg_doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->nchunks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->chunks[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Would lines [a, b] be joined as one hard-wrapped paragraph?  Lines that
 * a bullet line follows end their item and are not judged. */
static int sg_wrapped(const sg_pline *L, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    size_t joined = 0, punct = 0, titles = 0, maxc = 0, minc = (size_t)-1;
    for (size_t i = a; i < b; i++) {
        if (L[i + 1].bullet)
            continue;
        size_t c = L[i].cols;
        if (c < SG_WRAP_MIN_COLS || c > SG_WRAP_MAX_COLS)
            return 0;
        joined++;
        if (c > maxc)
            maxc = c;
        if (c < minc)
            minc = c;
        punct += L[i].end_punct;
        titles += L[i].title;
    }
    if (!joined || minc * 100 < maxc * SG_WRAP_SIMILAR_PCT)
        return 0;
    if (joined == 1 && maxc < SG_WRAP_PAIR_MIN_COLS)
        return 0;
    if (punct * 2 > joined || titles * 3 > joined)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!L[i + 1].bullet && L[i + 1].cols > maxc + SG_WRAP_OVERSHOOT)
            return 0;
    return 1;
}

typedef struct sg_plain_state {
    sg_pline *lines;
    size_t nlines, cap_lines;
    sg_punit *units;
    size_t nunits, cap_units;
} sg_plain_state;

/* Cut the group of lines [a, b] into units. */
static int sg_group_units(sg_plain_state *st, size_t a, size_t b)
{
    const sg_pline *L = st->lines;
    size_t from = a;
    int wrapped = sg_wrapped(L, a, b);
    /* a heading line on top of a wrapped paragraph */
    if (!wrapped && b >= a + 2 && !L[a].bullet &&
        (L[a].title || L[a].cols < SG_WRAP_MIN_COLS) && sg_wrapped(L, a + 1, b)) {
        sg_punit u = {a, a};
        if (!SG_VEC_PUSH(st->units, st->nunits, st->cap_units, u))
            return 0;
        from = a + 1;
        wrapped = 1;
    }
    for (size_t i = from; i <= b;) {
        sg_punit u = {i, i};
        i++;
        if (wrapped)
            while (i <= b && !L[i].bullet)
                u.last = i++;
        if (!SG_VEC_PUSH(st->units, st->nunits, st->cap_units, u))
            return 0;
    }
    return 1;
}

/* Split the input into lines and the lines into units. */
static int sg_plain_lines(sg_doc *doc, sg_plain_state *st, size_t pos)
{
    const unsigned char *s = (const unsigned char *)doc->src;
    size_t len = doc->len;
    size_t group = (size_t)-1; /* first line of the open group */
    while (pos < len) {
        /* the line's end: the next newline not inside an earlier insertion */
        size_t eol, from = pos;
        for (;;) {
            const unsigned char *nl = memchr(s + from, '\n', len - from);
            eol = nl ? (size_t)(nl - s) : len;
            if (eol >= len)
                break;
            size_t kk = sg_plain_chunk_after(doc, eol);
            if (kk < doc->nchunks && doc->chunks[kk].start <= eol) {
                from = doc->chunks[kk].end; /* that newline was inserted */
                if (from >= len) {
                    eol = len;
                    break;
                }
                continue;
            }
            break;
        }
        /* one pass over the line: indentation, text span, width */
        sg_pline ln;
        memset(&ln, 0, sizeof ln);
        size_t kc = sg_plain_chunk_after(doc, pos);
        size_t p = pos, first = (size_t)-1, last = pos, cols = 0, cols_at_last = 0;
        ln.start = (size_t)-1;
        int any = 0, in_indent = 1, inserted = 0;
        while (p < eol) {
            while (kc < doc->nchunks && doc->chunks[kc].end <= p)
                kc++;
            if (kc < doc->nchunks && doc->chunks[kc].start <= p) {
                p = doc->chunks[kc].end < eol ? doc->chunks[kc].end : eol;
                inserted = 1;
                continue;
            }
            if (ln.start == (size_t)-1)
                ln.start = p;
            if (s[p] > ' ' && s[p] < 0x80) {
                /* a run of printable ASCII and spaces up to the next
                 * insertion: one column a byte, and the text goes on to
                 * its last byte that is not a space */
                size_t lim = kc < doc->nchunks && doc->chunks[kc].start < eol
                                 ? doc->chunks[kc].start
                                 : eol;
                if (first == (size_t)-1)
                    first = p;
                in_indent = 0;
                any = 1;
                size_t q = p + sg_ascii_run(s + p, lim - p);
                last = q;
                while (s[last - 1] == ' ') /* s[p] is not one */
                    last--;
                cols_at_last = cols + (last - p);
                cols += q - p;
                p = q;
                continue;
            }
            size_t bl = sg_blank_len(s, eol, p);
            if (bl) {
                if (in_indent)
                    ln.indent += s[p] == '\t' ? 4 : 1;
                cols++;
                p += bl;
                continue;
            }
            in_indent = 0;
            if (first == (size_t)-1)
                first = p;
            any = 1;
            if ((s[p] & 0xC0) != 0x80)
                cols++;
            p++;
            /* finish a multi-byte character so `last` ends on its end */
            while (p < eol && (s[p] & 0xC0) == 0x80 &&
                   !(kc < doc->nchunks && doc->chunks[kc].start <= p))
                p++;
            last = p;
            cols_at_last = cols;
        }
        int blank = !any || sg_rule_line(s, first == (size_t)-1 ? pos : first, last);
        if (!any && inserted) {
            /* a line an earlier run inserted (a warning): as if not there */
        } else if (blank) {
            if (group != (size_t)-1) {
                if (!sg_group_units(st, group, st->nlines - 1))
                    return 0;
                group = (size_t)-1;
            }
        } else {
            size_t bl = sg_bullet_len(s, last, first);
            ln.bullet = bl > 0;
            ln.cstart = first + bl;
            ln.cend = last;
            ln.cols = cols_at_last;
            sg_tfeat_scan(doc->src + ln.cstart, ln.cend - ln.cstart, &ln.f);
            ln.title = !ln.bullet && sg_title_like(&ln.f);
            ln.end_punct = ln.f.end_punct;
            ln.inner_stop = ln.f.inner_stop;
            ln.last = ln.f.last;
            ln.words = ln.f.words;
            if (!SG_VEC_PUSH(st->lines, st->nlines, st->cap_lines, ln))
                return 0;
            if (group == (size_t)-1)
                group = st->nlines - 1;
        }
        pos = eol < len ? eol + 1 : len;
    }
    if (group != (size_t)-1 && !sg_group_units(st, group, st->nlines - 1))
        return 0;
    return 1;
}

/* Is unit `u` a heading: one short Title Case line followed by prose? */
static int sg_unit_heading(const sg_plain_state *st, size_t u)
{
    const sg_punit *U = st->units;
    const sg_pline *l = &st->lines[U[u].first];
    if (U[u].first != U[u].last || l->bullet || !l->title || l->inner_stop)
        return 0;
    if (l->cols > SG_HEADING_MAX_COLS || l->words > SG_HEADING_MAX_WORDS)
        return 0;
    if (l->last == '.' || l->last == ',' || l->last == ';' || l->last == ':')
        return 0;
    if (u + 1 >= st->nunits)
        return 0;
    const sg_pline *nf = &st->lines[U[u + 1].first];
    const sg_pline *nl = &st->lines[U[u + 1].last];
    if (nf->bullet)
        return 0;
    return U[u + 1].first != U[u + 1].last || nl->end_punct ||
           nl->words >= SG_PARA_MIN_WORDS;
}

static void sg_classify_with(sg_doc *doc, size_t first_block, const sg_pline *const *pre,
                             size_t npre);

sg_status sg_read_plain(sg_doc *doc, sg_error *err)
{
    sg_plain_state st;
    const sg_pline **pre = NULL;
    size_t npre = 0;
    memset(&st, 0, sizeof st);
    size_t first_block = doc->nblocks;
    size_t pos = sg_front_matter(doc, doc->src, doc->len);
    if (pos && !sg_doc_skip(doc, 0, pos, SG_WHY_FRONT_MATTER))
        goto oom;
    if (!sg_plain_lines(doc, &st, pos))
        goto oom;
    /* a one-line block's text is its line's: the classifier can reuse the
     * line's scan (NULL: it scans again, as it would anyway) */
    npre = st.nunits + 1;
    pre = calloc(npre ? npre : 1, sizeof *pre);
    int headings = 0, prose_seen = 0;
    for (size_t u = 0; u < st.nunits; u++) {
        const sg_pline *a = &st.lines[st.units[u].first];
        const sg_pline *z = &st.lines[st.units[u].last];
        sg_block_kind kind = SG_BLOCK_PARAGRAPH;
        int level = 0;
        if (a->bullet) {
            kind = SG_BLOCK_LIST_ITEM;
            level = 1 + (a->indent > 10 ? 10 : a->indent) / 2;
        } else if (sg_unit_heading(&st, u)) {
            kind = SG_BLOCK_HEADING;
            level = headings++ == 0 && !prose_seen ? 1 : 2;
        } else
            prose_seen = 1;
        if (!sg_doc_begin_block(doc, kind, level, SG_WHY_ARTICLE, a->start, a->start) ||
            !sg_doc_add_text(doc, doc->src + a->cstart, z->cend - a->cstart, a->cstart,
                             z->cend - a->cstart, 1))
            goto oom;
        sg_block *b = &doc->blocks[doc->nblocks - 1];
        if (!b->view_len) { /* all of it was inserted earlier: no block */
            doc->npieces = b->piece_first;
            doc->view.len = b->view_start;
            doc->nblocks--;
            continue;
        }
        if (!sg_doc_end_block(doc, z->cend))
            goto oom;
        size_t bk = doc->nblocks - 1 - first_block;
        if (pre && a == z && bk < npre)
            pre[bk] = a;
    }
    if (doc->view.failed) {
        free(pre);
        free(st.lines);
        free(st.units);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading plain text");
        return SG_ERR_MEMORY;
    }
    sg_classify_with(doc, first_block, pre, pre ? npre : 0);
    free(pre);
    free(st.lines);
    free(st.units);
    return SG_OK;
oom:
    free(pre);
    free(st.lines);
    free(st.units);
    sg_set_error(err, SG_ERR_MEMORY, "out of memory reading plain text");
    return SG_ERR_MEMORY;
}

/* ---- boilerplate ------------------------------------------------------------------ */

/* How a block is judged, alone and then in context. */
typedef enum sg_bp_class {
    SG_BP_SKIP = 0, /* not judged: no words, or skipped for another reason */
    SG_BP_PRE,      /* chrome already (a reader's container): context only */
    SG_BP_CHROME,   /* chrome */
    SG_BP_GOOD,     /* long prose */
    SG_BP_NEAR,     /* prose-like: a sentence, or medium text with stop words */
    SG_BP_SCORE,    /* a score line or verdict label: the review's own */
    SG_BP_TITLE,    /* a heading shortly before long prose */
    SG_BP_SHORT,    /* short, no cue: takes its neighbours' class */
    SG_BP_WEAK      /* a weak cue: chrome unless article on both sides */
} sg_bp_class;

/* What the nearest judged block on one side is. */
enum { SG_SIDE_EDGE = 0, SG_SIDE_ARTICLE, SG_SIDE_CHROME };

typedef struct sg_bp {
    unsigned char cls, why;
    unsigned char region;    /* opens a chrome region */
    unsigned char cued;      /* judged by a cue of its own */
    unsigned char orig;      /* its class before regions were drawn */
    unsigned char in_region; /* made chrome by a region, not by its own cue */
    unsigned char titleish;  /* a heading or a Title Case line */
    unsigned char prev, prev_why, next, next_why; /* sides, for smoothing */
    size_t bytes;
} sg_bp;

/* A block's start, normalised for matching cues: ASCII lower-cased, blank
 * runs as one space, curly apostrophes as "'", trailing punctuation and a
 * trailing count "(3)" dropped. */
typedef struct sg_head {
    char t[SG_BP_HEAD_BYTES];
    unsigned char up[SG_BP_HEAD_BYTES]; /* the byte was an upper-case letter */
    size_t n;
    int whole; /* the whole block is in t */
} sg_head;

static void sg_head_make(const char *text, size_t n, sg_head *h)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, len = 0; /* not h->n: each store to h->t would reload it */
    int space = 0;
    while (i < n) {
        unsigned char c = s[i];
        /* printable ASCII, the common case, is no blank */
        size_t bl = c == ' ' ? 1 : c > ' ' && c < 0x80 ? 0 : sg_blank_len(s, n, i);
        if (bl || c == '\n') {
            i += bl ? bl : 1;
            space = len > 0;
            continue;
        }
        if (len + 2 > SG_BP_HEAD_BYTES)
            break;
        if (space) {
            h->t[len] = ' ';
            h->up[len++] = 0;
            space = 0;
        }
        if (c > ' ' && c < 0x80) {
            /* a run of printable ASCII, the common case, as far as room
             * is left (a byte is added while len + 2 <= SG_BP_HEAD_BYTES) */
            size_t room = SG_BP_HEAD_BYTES - 1 - len;
            size_t lim = n - i < room ? n : i + room;
            for (; i < lim && s[i] > ' ' && s[i] < 0x80; i++) {
                h->t[len] = (char)sg_lower(s[i]);
                h->up[len++] = (unsigned char)sg_is_upper(s[i]);
            }
            continue;
        }
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
            c = '\'';
            i += 3;
        } else
            i++;
        h->t[len] = (char)sg_lower(c);
        h->up[len++] = (unsigned char)sg_is_upper(c);
    }
    h->n = len;
    h->whole = i >= n;
    for (;;) {
        size_t m = h->n;
        while (m && strchr(" :!.|-", h->t[m - 1]) && h->t[m - 1])
            m--;
        if (m >= 2 && (unsigned char)h->t[m - 2] == 0xC2 &&
            ((unsigned char)h->t[m - 1] == 0xBB))
            m -= 2;
        if (m && h->t[m - 1] == ')') {
            size_t d = m - 1;
            while (d && sg_is_digit((unsigned char)h->t[d - 1]))
                d--;
            if (d && d < m - 1 && h->t[d - 1] == '(')
                m = d - 1;
        }
        if (m == h->n)
            break;
        h->n = m;
    }
}

static int sg_head_alnum(const sg_head *h, size_t at)
{
    return at < h->n && sg_is_alnum((unsigned char)h->t[at]);
}

/* May a word start (or end) at t[at]?  Yes at the ends, beside a
 * non-alphanumeric byte, or at a change to upper case ("ArticleREVIEW"). */
static int sg_head_boundary(const sg_head *h, size_t at)
{
    if (at == 0 || at >= h->n)
        return 1;
    if (!sg_head_alnum(h, at) || !sg_head_alnum(h, at - 1))
        return 1;
    return h->up[at] && !h->up[at - 1];
}

/* Does `p` (pl bytes) occur in t at `at` as whole words? */
static int sg_head_at(const sg_head *h, size_t at, const char *p, size_t pl)
{
    if (at + pl > h->n || memcmp(h->t + at, p, pl))
        return 0;
    if (sg_is_alnum((unsigned char)p[0]) && !sg_head_boundary(h, at))
        return 0;
    if (sg_is_alnum((unsigned char)p[pl - 1]) && !sg_head_boundary(h, at + pl))
        return 0;
    return 1;
}

/* The first whole-word occurrence of `p` in t starting in [from, last]. */
static int sg_head_find_in(const sg_head *h, const char *p, size_t from, size_t last)
{
    size_t pl = strlen(p);
    if (pl > h->n)
        return -1;
    size_t end = h->n - pl < last ? h->n - pl : last; /* the last start tried */
    for (size_t at = from; at <= end; at++) {
        /* memchr to the first byte, unless it is a space, found all over a
         * head; the second is tried before the call */
        if (p[0] != ' ') {
            const char *q = memchr(h->t + at, p[0], end + 1 - at);
            if (!q)
                break;
            at = (size_t)(q - h->t);
        } else if (h->t[at] != ' ')
            continue;
        if ((pl < 2 || h->t[at + 1] == p[1]) && sg_head_at(h, at, p, pl))
            return (int)at;
    }
    return -1;
}

static int sg_head_find(const sg_head *h, const char *p, size_t from)
{
    return sg_head_find_in(h, p, from, SIZE_MAX);
}

/* For each first byte of a head, the cues worth trying there, as bits in
 * table order: those that may stand anywhere, and the exact and prefix
 * cues that start with that byte.  A head is thus tried against a dozen
 * cues or two, not all of them. */
#define SG_NCUES (sizeof sg_cues / sizeof *sg_cues)
#define SG_CUE_SETS ((SG_NCUES + 63) / 64)
static uint64_t sg_cue_try[256][SG_CUE_SETS];
static size_t sg_cue_len[SG_NCUES];
static pthread_once_t sg_cue_once = PTHREAD_ONCE_INIT;

static void sg_cue_init(void)
{
    for (size_t i = 0; i < SG_NCUES; i++) {
        sg_cue_len[i] = strlen(sg_cues[i].text);
        for (int b = 0; b < 256; b++)
            if (sg_cues[i].mode == SG_CUE_CONTAINS ||
                (unsigned char)sg_cues[i].text[0] == b)
                sg_cue_try[b][i / 64] |= 1ull << (i % 64);
    }
}

static const sg_cue *sg_cue_match(const sg_head *h, const sg_tfeat *f)
{
    pthread_once(&sg_cue_once, sg_cue_init);
    /* an empty head: only the cues that stand anywhere, and they fail */
    const uint64_t *try = sg_cue_try[h->n ? (unsigned char)h->t[0] : 0];
    for (size_t set = 0; set < SG_CUE_SETS; set++)
        for (uint64_t bits = try[set]; bits; bits &= bits - 1) {
            size_t k = set * 64 + (size_t)__builtin_ctzll(bits), pl = sg_cue_len[k];
            const sg_cue *c = &sg_cues[k];
            if (c->max_words && f->words > c->max_words)
                continue;
            if ((c->flags & SG_CUE_NOPUNCT) && f->end_punct)
                continue;
            switch (c->mode) {
            case SG_CUE_EXACT:
                if (h->whole && h->n == pl && !memcmp(h->t, c->text, pl))
                    return c;
                break;
            case SG_CUE_PREFIX:
                if (sg_head_at(h, 0, c->text, pl))
                    return c;
                break;
            default:
                if (sg_head_find(h, c->text, 0) >= 0)
                    return c;
                break;
            }
        }
    return NULL;
}

/* Number of words in t[a, b). */
static size_t sg_head_words(const sg_head *h, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = a; i < b; i++)
        if (h->t[i] != ' ' && (i == a || h->t[i - 1] == ' '))
            w++;
    return w;
}

/* A breadcrumb trail: "Home » Film » Review" (strong: returns 2) or
 * "Movies & TV / Reviews" (weak: returns 1). */
static int sg_bp_crumbs(const sg_head *h, const sg_tfeat *f)
{
    static const char *const strong[] = {" \xc2\xbb ", " \xe2\x80\xba ", NULL};
    static const char *const weak[] = {" / ", " | ", " > ", NULL};
    if (f->words > SG_BP_CRUMB_WORDS || sg_head_find(h, "\xc2\xab", 0) >= 0)
        return 0;
    for (size_t k = 0; strong[k]; k++) {
        int at = sg_head_find(h, strong[k], 0);
        if (at > 0 && sg_head_words(h, 0, (size_t)at) <= 3)
            return 2;
    }
    if (!h->whole || f->end_punct || f->words > SG_HEADING_MAX_WORDS)
        return 0;
    for (size_t k = 0; weak[k]; k++) {
        size_t a = 0, segs = 0;
        int ok = 1;
        for (;;) {
            int at = sg_head_find(h, weak[k], a);
            size_t b = at < 0 ? h->n : (size_t)at;
            size_t w = sg_head_words(h, a, b);
            if (!w || w > SG_BP_CRUMB_SEGMENT_WORDS ||
                !(h->up[a] || sg_is_digit((unsigned char)h->t[a])))
                ok = 0;
            segs++;
            if (at < 0 || !ok)
                break;
            a = (size_t)at + strlen(weak[k]);
        }
        if (ok && segs >= 2)
            return 1;
    }
    return 0;
}

/* A line that is only a date: "08/07/2025", "October 12, 2023", "Mon 3 Jun
 * 2024 10:30 am". */
static int sg_bp_date(const char *text, size_t n, const sg_tfeat *f)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!f->words || f->words > SG_BP_DATE_WORDS)
        return 0;
    int named = 0, digits = 0, chain = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (sg_is_alnum(c)) {
            size_t a = i;
            while (i < n && sg_is_digit(s[i]))
                i++;
            size_t d = i - a;
            size_t b = i;
            while (i < n && (sg_is_upper(s[i]) || sg_is_lower(s[i])))
                i++;
            if (i < n && sg_is_digit(s[i]))
                return 0;
            char w[12];
            size_t wl = i - b;
            if (wl >= sizeof w)
                return 0;
            for (size_t k = 0; k < wl; k++)
                w[k] = (char)sg_lower(s[b + k]);
            if (d) {
                digits = 1;
                if (wl && !(wl == 2 && (!memcmp(w, "st", 2) || !memcmp(w, "nd", 2) ||
                                        !memcmp(w, "rd", 2) || !memcmp(w, "th", 2) ||
                                        !memcmp(w, "am", 2) || !memcmp(w, "pm", 2))))
                    return 0;
                /* 08/07/2025, 2025-08-07, 07.08.2025 */
                if (i + 1 < n && (s[i] == '/' || s[i] == '-' || s[i] == '.') &&
                    sg_is_digit(s[i + 1]))
                    chain++;
            } else if (sg_in_list(sg_date_words, w, wl))
                named = 1;
            else if (!sg_in_list(sg_date_glue, w, wl))
                return 0;
            continue;
        }
        if (!(c == ' ' || c == '\t' || c == ',' || c == '|' || c == '/' || c == '-' ||
              c == '.' || c == ':' || c == '\n' || c == '\r'))
            return 0;
        i++;
    }
    return digits && (named || chain >= 2);
}

/* A score line or a verdict label: "7/10", "3/5 stars", "6.0",
 * "Rating - 7/10", "The final score: review Average", "TL;DR". */
static int sg_bp_score(const sg_head *h, const sg_tfeat *f)
{
    if (!h->n || f->words > SG_BP_SCORE_WORDS)
        return 0;
    if (h->whole)
        for (size_t k = 0; sg_verdict_heads[k]; k++)
            if (h->n == strlen(sg_verdict_heads[k]) &&
                !memcmp(h->t, sg_verdict_heads[k], h->n))
                return 1;
    for (size_t k = 0; sg_score_labels[k]; k++) {
        size_t pl = strlen(sg_score_labels[k]);
        if (!sg_head_at(h, 0, sg_score_labels[k], pl))
            continue;
        size_t j = pl;
        while (j < h->n && h->t[j] == ' ')
            j++;
        if (j < h->n && (h->t[j] == ':' || h->t[j] == '-' || h->t[j] == '='))
            return 1;
        if (j + 2 < h->n && (unsigned char)h->t[j] == 0xE2 &&
            (unsigned char)h->t[j + 1] == 0x80 &&
            ((unsigned char)h->t[j + 2] == 0x93 || (unsigned char)h->t[j + 2] == 0x94))
            return 1;
    }
    size_t stars = 0;
    for (size_t i = 0; i < h->n; i++) {
        unsigned char c = (unsigned char)h->t[i];
        if (c == 0xE2 && i + 2 < h->n && (unsigned char)h->t[i + 1] == 0x98 &&
            ((unsigned char)h->t[i + 2] == 0x85 || (unsigned char)h->t[i + 2] == 0x86))
            stars++;
        if (!sg_is_digit(c) || (i && sg_is_alnum((unsigned char)h->t[i - 1])))
            continue;
        size_t j = i;
        while (j < h->n && sg_is_digit((unsigned char)h->t[j]) && j - i < 4)
            j++;
        if (j - i > 3 || (j < h->n && sg_is_digit((unsigned char)h->t[j])))
            continue;
        if (j + 1 < h->n && (h->t[j] == '.' || h->t[j] == ',') &&
            sg_is_digit((unsigned char)h->t[j + 1])) {
            j++;
            while (j < h->n && sg_is_digit((unsigned char)h->t[j]) && j < i + 8)
                j++;
        }
        if (i == 0 && j == h->n && h->whole)
            return 1; /* a bare score: "6.0", "8" */
        size_t k = j;
        while (k < h->n && h->t[k] == ' ')
            k++;
        if (k < h->n && h->t[k] == '/') {
            k++;
            while (k < h->n && h->t[k] == ' ')
                k++;
            size_t d = k;
            while (k < h->n && sg_is_digit((unsigned char)h->t[k]))
                k++;
            if (k > d && k - d <= 3 && !(k < h->n && (h->t[k] == '/' || h->t[k] == '-')))
                return 1;
            continue;
        }
        if (sg_head_at(h, k, "out of", 6) || sg_head_at(h, k, "stars", 5) ||
            sg_head_at(h, k, "star", 4))
            return 1;
    }
    return stars >= 3;
}

/* An author box: "Sarah is a writer and editor for ...". */
static int sg_bp_bio(const sg_head *h, const sg_tfeat *f)
{
    static const char *const is[] = {" is a ", " is an ", " is the ", NULL};
    if (!h->up[0] || f->words > SG_BP_BIO_WORDS)
        return 0;
    /* near the start, after a name; most heads have no " is " there */
    int first = sg_head_find_in(h, " is ", 0, 40);
    if (first < 0)
        return 0;
    for (size_t k = 0; is[k]; k++) {
        int at = sg_head_find_in(h, is[k], (size_t)first, 40);
        if (at < 0)
            continue;
        for (size_t w = 0; sg_bio_words[w]; w++)
            if (sg_head_find(h, sg_bio_words[w], (size_t)at) >= 0)
                return 1;
    }
    return 0;
}

/* A block of n bytes with no cue of chrome: prose by its length and stop
 * words, or short. */
static void sg_bp_prose(sg_bp *bp, size_t n, const sg_tfeat *f, int title)
{
    bp->cued = 0;
    int stopful = f->stops * 100 >= (size_t)SG_BP_STOP_PCT * f->words;
    if (n >= SG_BP_GOOD_BYTES && stopful)
        bp->cls = SG_BP_GOOD;
    else if (n >= SG_BP_GOOD_BYTES || (n >= SG_BP_NEAR_BYTES && stopful) ||
             (f->end_punct && f->words >= 3 && !title))
        bp->cls = SG_BP_NEAR;
    else
        bp->cls = SG_BP_SHORT;
}

/* Judge one block alone. */
static void sg_bp_judge(const sg_doc *doc, const sg_block *b, const sg_tfeat *pre,
                        sg_bp *bp)
{
    const char *text = doc->view.data + b->view_start;
    size_t n = b->view_len;
    sg_tfeat f;
    sg_head h;
    if (pre)
        f = *pre;
    else
        sg_tfeat_scan(text, n, &f);
    bp->bytes = n;
    if (!f.words) {
        bp->cls = SG_BP_SKIP;
        return;
    }
    int title = sg_title_like(&f);
    bp->titleish = (unsigned char)(b->kind == SG_BLOCK_HEADING || title);
    if (f.words > SG_BP_LONG_WORDS) {
        /* every test of the block's start below is for fewer words, and
         * the start of this many is no exact cue either (see
         * SG_BP_LONG_WORDS): the head is not made */
        sg_bp_prose(bp, n, &f, title);
        return;
    }
    sg_head_make(text, n, &h);
    const sg_cue *cue = sg_cue_match(&h, &f);
    bp->cued = 1;
    if (cue) {
        bp->cls = (cue->flags & SG_CUE_WEAK) ? SG_BP_WEAK : SG_BP_CHROME;
        bp->why = cue->why;
        bp->region = (unsigned char)((cue->flags & SG_CUE_REGION) != 0);
        return;
    }
    bp->cls = SG_BP_CHROME;
    /* "By Name ..." */
    if (h.n > 3 && !memcmp(h.t, "by ", 3) && h.up[3] && f.words <= SG_BP_BYLINE_WORDS &&
        !f.end_punct) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    /* "Facebook Twitter Pinterest Email" */
    if (f.words <= SG_BP_SHARE_WORDS && f.networks >= 2 &&
        (f.networks + f.shares) * 100 >= (size_t)SG_BP_SHARE_PCT * f.words) {
        bp->why = SG_WHY_SHARE;
        return;
    }
    /* "12 Comments" */
    if (h.n && sg_is_digit((unsigned char)h.t[0]) && f.words <= 3) {
        size_t d = 0;
        while (d < h.n && sg_is_digit((unsigned char)h.t[d]))
            d++;
        if (sg_head_at(&h, d, " comment", 8) || sg_head_at(&h, d, " comments", 9) ||
            sg_head_at(&h, d, " responses", 10)) {
            bp->why = SG_WHY_COMMENTS;
            bp->region = 1;
            return;
        }
    }
    int crumbs = sg_bp_crumbs(&h, &f);
    if (crumbs == 2) {
        bp->why = SG_WHY_NAVIGATION;
        return;
    }
    bp->cls = SG_BP_WEAK;
    if (sg_bp_date(text, n, &f)) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    if (sg_bp_score(&h, &f)) {
        bp->cls = SG_BP_SCORE;
        bp->cued = 0;
        return;
    }
    if (sg_bp_bio(&h, &f)) {
        bp->why = SG_WHY_BYLINE;
        return;
    }
    if (f.words <= SG_BP_FOLLOW_WORDS &&
        (sg_head_find(&h, "follow us", 0) >= 0 ||
         (f.networks && sg_head_find(&h, "follow", 0) >= 0))) {
        bp->why = SG_WHY_SHARE;
        return;
    }
    if (crumbs == 1) {
        bp->why = SG_WHY_NAVIGATION;
        return;
    }
    sg_bp_prose(bp, n, &f, title);
}

/* Is this reason page chrome (as opposed to code, front matter, off ...)? */
static int sg_why_chrome(sg_why why)
{
    return why == SG_WHY_NAVIGATION || why == SG_WHY_RELATED ||
           why == SG_WHY_NEWSLETTER || why == SG_WHY_SHARE || why == SG_WHY_COMMENTS ||
           why == SG_WHY_FOOTER || why == SG_WHY_BYLINE || why == SG_WHY_BOILERPLATE;
}

/* Runs of short Title Case list items are menus. */
static void sg_bp_menus(const sg_doc *doc, sg_bp *bp, size_t first, size_t n)
{
    size_t run = 0, titles = 0, start = first;
    for (size_t i = first; i <= n; i++) {
        int item = 0;
        if (i < n && bp[i - first].cls != SG_BP_SKIP) {
            const sg_block *b = &doc->blocks[i];
            const sg_bp *c = &bp[i - first];
            if (b->kind == SG_BLOCK_LIST_ITEM &&
                (c->cls == SG_BP_SHORT || c->cls == SG_BP_WEAK ||
                 c->cls == SG_BP_CHROME)) {
                sg_tfeat f;
                sg_tfeat_scan(doc->view.data + b->view_start, b->view_len, &f);
                if (f.words <= SG_BP_MENU_ITEM_WORDS && !f.end_punct) {
                    item = 1;
                    titles += (size_t)sg_title_like(&f);
                }
            }
        } else if (i < n)
            continue; /* empty blocks neither make nor break a run */
        if (item) {
            if (!run++)
                start = i;
            continue;
        }
        if (run >= SG_BP_MENU_RUN && titles * 100 >= (size_t)SG_TITLE_PCT * run)
            for (size_t k = start; k < i; k++) {
                sg_bp *c = &bp[k - first];
                if (c->cls == SG_BP_SHORT || c->cls == SG_BP_WEAK) {
                    c->cls = SG_BP_CHROME;
                    c->why = SG_WHY_NAVIGATION;
                }
            }
        run = titles = 0;
    }
}

void sg_classify_boilerplate(sg_doc *doc, size_t first_block)
{
    sg_classify_with(doc, first_block, NULL, 0);
}

/* pre[i], when there, is the one line block first_block + i was made of:
 * when the block's text is that line's text, the line's scan is the block's. */
static void sg_classify_with(sg_doc *doc, size_t first_block, const sg_pline *const *pre,
                             size_t npre)
{
    if (!doc || first_block >= doc->nblocks || !doc->view.data)
        return;
    size_t n = doc->nblocks, m = n - first_block;
    sg_bp *bp = calloc(m, sizeof *bp);
    if (!bp)
        return; /* unsure: everything stays article */
    int chrome = 0;
    for (size_t i = first_block; i < n; i++) {
        const sg_block *b = &doc->blocks[i];
        sg_bp *c = &bp[i - first_block];
        if (b->why != SG_WHY_ARTICLE) {
            c->cls = sg_why_chrome(b->why) ? SG_BP_PRE : SG_BP_SKIP;
            c->why = (unsigned char)b->why;
            c->bytes = b->view_len;
        } else {
            const sg_pline *l = i - first_block < npre ? pre[i - first_block] : NULL;
            int same = l && b->view_len == l->cend - l->cstart &&
                       !memcmp(doc->view.data + b->view_start, doc->src + l->cstart,
                               b->view_len);
            sg_bp_judge(doc, b, same ? &l->f : NULL, c);
        }
    }
    /* Page chrome is there when a block says so by a cue; a byline, a run of
     * short list items or a weak cue alone may well be the author's own. */
    for (size_t i = 0; i < m; i++)
        if (bp[i].cls == SG_BP_PRE ||
            (bp[i].cls == SG_BP_CHROME && bp[i].why != SG_WHY_BYLINE))
            chrome = 1;
    if (!chrome) { /* no page chrome around: all article */
        free(bp);
        return;
    }
    sg_bp_menus(doc, bp, first_block, n);

    /* regions: a chrome heading makes what follows chrome until long prose */
    unsigned char region = 0;
    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        c->orig = c->cls;
        if (c->cls == SG_BP_SKIP || c->cls == SG_BP_PRE)
            continue;
        if (c->region) {
            c->cls = SG_BP_CHROME;
            region = c->why;
            continue;
        }
        if (!region || c->cls == SG_BP_CHROME)
            continue;
        if (c->cls == SG_BP_WEAK) { /* its own cue names it better */
            c->cls = SG_BP_CHROME;
            continue;
        }
        if (c->cls == SG_BP_GOOD) {
            region = 0;
            continue;
        }
        c->cls = SG_BP_CHROME;
        c->why = region;
        c->in_region = 1;
    }

    /* Walking back from each stretch of long prose: the blocks right before
     * it with no cued chrome between are not the region's after all (a short
     * paragraph after a newsletter box), and a heading shortly before it,
     * with only a byline or share bar between, is the article's own. */
    size_t good = (size_t)-1, dist = 0;
    int run = 0;
    for (size_t i = m; i-- > 0;) {
        sg_bp *c = &bp[i];
        if (c->cls == SG_BP_SKIP) {
            dist += c->bytes;
            continue;
        }
        if (run && c->in_region && !c->cued) {
            c->cls = c->orig;
            c->in_region = 0;
        } else if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            run = 0;
        if (c->titleish && good != (size_t)-1 && dist <= SG_BP_HEADING_DISTANCE &&
            !c->cued &&
            (c->cls == SG_BP_SHORT || (c->cls == SG_BP_CHROME && c->in_region)))
            c->cls = SG_BP_TITLE;
        if (c->cls == SG_BP_GOOD) {
            good = i;
            dist = 0;
            run = 1;
        } else if (c->region || (c->cued && c->cls == SG_BP_CHROME &&
                                 c->why != SG_WHY_BYLINE && c->why != SG_WHY_SHARE))
            good = (size_t)-1; /* only bylines and share bars sit between a
                                  title and its text */
        else
            dist += c->bytes;
    }

    /* the nearest judged block on each side */
    unsigned char side = SG_SIDE_EDGE, side_why = 0;
    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        c->prev = side;
        c->prev_why = side_why;
        if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            side = SG_SIDE_CHROME, side_why = c->why;
        else if (c->cls == SG_BP_GOOD || c->cls == SG_BP_NEAR || c->cls == SG_BP_SCORE ||
                 c->cls == SG_BP_TITLE)
            side = SG_SIDE_ARTICLE;
    }
    side = SG_SIDE_EDGE;
    side_why = 0;
    for (size_t i = m; i-- > 0;) {
        sg_bp *c = &bp[i];
        c->next = side;
        c->next_why = side_why;
        if (c->cls == SG_BP_CHROME || c->cls == SG_BP_PRE)
            side = SG_SIDE_CHROME, side_why = c->why;
        else if (c->cls == SG_BP_GOOD || c->cls == SG_BP_NEAR || c->cls == SG_BP_SCORE ||
                 c->cls == SG_BP_TITLE)
            side = SG_SIDE_ARTICLE;
    }

    for (size_t i = 0; i < m; i++) {
        sg_bp *c = &bp[i];
        sg_block *b = &doc->blocks[first_block + i];
        unsigned char why = 0;
        switch (c->cls) {
        case SG_BP_CHROME:
            why = c->why;
            break;
        case SG_BP_NEAR:
            if (c->prev == SG_SIDE_CHROME && c->next == SG_SIDE_CHROME)
                why = c->prev_why;
            break;
        case SG_BP_SHORT:
            if (c->prev != SG_SIDE_ARTICLE && c->next != SG_SIDE_ARTICLE &&
                (c->prev | c->next) != SG_SIDE_EDGE)
                why = c->prev == SG_SIDE_CHROME ? c->prev_why : c->next_why;
            break;
        case SG_BP_WEAK:
            if (!(c->prev == SG_SIDE_ARTICLE && c->next == SG_SIDE_ARTICLE))
                why = c->why;
            break;
        default:
            break;
        }
        if (why && b->why == SG_WHY_ARTICLE)
            b->why = (sg_why)why;
    }
    free(bp);
}
