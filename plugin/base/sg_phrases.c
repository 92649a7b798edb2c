/*
 * sg_phrases.c -- the phrase lists (sg_phrases.h): phrases of one or more
 * words that the readers and detectors look for, each list indexed by the
 * phrases' first bytes when the word table is built (sg_words_init).
 */
#include "sg_internal.h"
#include "sg_phrases.h"

#include <strings.h>

/* clang-format off */
/* A phrase matched whole, at a byte, or anywhere, with nothing more said. */
#define SG_PW(w) {w, SG_PHRASE_WHOLE, 0, 0, 0, 0}
#define SG_PS(w) {w, SG_PHRASE_START, 0, 0, 0, 0}
#define SG_PA(w) {w, SG_PHRASE_ANYWHERE, 0, 0, 0, 0}

/* What opens a byline before the name (sg_meta.c). */
static const sg_phrase sg_leads[] = {
    SG_PS("posted by"), SG_PS("written by"), SG_PS("reviewed by"), SG_PS("review by"),
    SG_PS("words by"), SG_PS("story by"),
};

/* Bylines and credits inside a sentence, near its start: such a sentence is
 * no excerpt (sg_meta.c). */
static const sg_phrase sg_credits[] = {
    SG_PS("posted by"), SG_PS("written by"), SG_PS("image credit"), SG_PS("photo:"),
    SG_PS("photograph:"), SG_PS("credit:"), SG_PS("min read"), SG_PS("mins read"),
    SG_PS("minute read"), SG_PS("updated:"), SG_PS("pictured:"), SG_PS("(photo"),
    SG_PS("in a still from"),
};

/* Genres, as tags name them (lower case, words apart): a post's tags and
 * keywords are mostly other things (the site's sections, the work, its
 * people, "review"), and only these are taken from them (sg_meta.c). */
static const sg_phrase sg_genres[] = {
    SG_PW("action"), SG_PW("adventure"), SG_PW("animation"), SG_PW("animated"),
    SG_PW("biography"), SG_PW("biopic"), SG_PW("comedy"), SG_PW("black comedy"),
    SG_PW("dark comedy"), SG_PW("romantic comedy"), SG_PW("rom com"), SG_PW("romcom"),
    SG_PW("crime"), SG_PW("documentary"), SG_PW("drama"), SG_PW("family"),
    SG_PW("fantasy"), SG_PW("dark fantasy"), SG_PW("epic fantasy"),
    SG_PW("high fantasy"), SG_PW("urban fantasy"), SG_PW("science fantasy"),
    SG_PW("film noir"), SG_PW("noir"), SG_PW("neo noir"), SG_PW("history"),
    SG_PW("historical"), SG_PW("historical fiction"), SG_PW("alternate history"),
    SG_PW("horror"), SG_PW("body horror"), SG_PW("folk horror"), SG_PW("cosmic horror"),
    SG_PW("psychological horror"), SG_PW("survival horror"), SG_PW("martial arts"),
    SG_PW("musical"), SG_PW("mystery"), SG_PW("cozy mystery"), SG_PW("whodunit"),
    SG_PW("romance"), SG_PW("romantasy"), SG_PW("science fiction"), SG_PW("sci fi"),
    SG_PW("scifi"), SG_PW("sf"), SG_PW("hard science fiction"), SG_PW("space opera"),
    SG_PW("cyberpunk"), SG_PW("steampunk"), SG_PW("dystopia"), SG_PW("dystopian"),
    SG_PW("post apocalyptic"), SG_PW("apocalyptic"), SG_PW("sport"), SG_PW("sports"),
    SG_PW("superhero"), SG_PW("thriller"), SG_PW("psychological thriller"),
    SG_PW("political thriller"), SG_PW("erotic thriller"), SG_PW("techno thriller"),
    SG_PW("spy"), SG_PW("espionage"), SG_PW("heist"), SG_PW("war"), SG_PW("western"),
    SG_PW("slasher"), SG_PW("supernatural"), SG_PW("paranormal"), SG_PW("satire"),
    SG_PW("parody"), SG_PW("mockumentary"), SG_PW("disaster"), SG_PW("monster"),
    SG_PW("kaiju"), SG_PW("zombie"), SG_PW("mecha"), SG_PW("shonen"), SG_PW("shounen"),
    SG_PW("shojo"), SG_PW("shoujo"), SG_PW("seinen"), SG_PW("josei"), SG_PW("isekai"),
    SG_PW("slice of life"), SG_PW("magical girl"), SG_PW("magical realism"),
    SG_PW("literary fiction"), SG_PW("young adult"), SG_PW("coming of age"),
    SG_PW("period drama"), SG_PW("legal drama"), SG_PW("medical drama"),
    SG_PW("crime drama"), SG_PW("teen drama"), SG_PW("melodrama"), SG_PW("sitcom"),
    SG_PW("procedural"), SG_PW("police procedural"), SG_PW("true crime"),
    SG_PW("suspense"), SG_PW("sword and sorcery"), SG_PW("grimdark"),
    SG_PW("time travel"), SG_PW("fairy tale"), SG_PW("mythology"), SG_PW("gothic"),
    SG_PW("found footage"), SG_PW("giallo"), SG_PW("wuxia"), SG_PW("samurai"),
    SG_PW("rpg"), SG_PW("jrpg"), SG_PW("role playing"), SG_PW("roguelike"),
    SG_PW("roguelite"), SG_PW("metroidvania"), SG_PW("platformer"),
    SG_PW("visual novel"), SG_PW("first person shooter"), SG_PW("shooter"),
    SG_PW("puzzle"), SG_PW("strategy"), SG_PW("simulation"), SG_PW("open world"),
    SG_PW("stealth"), SG_PW("fighting"), SG_PW("racing"), SG_PW("rhythm"),
    SG_PW("sandbox"), SG_PW("survival"), SG_PW("point and click"), SG_PW("soulslike"),
};

/* Verdicts in words and their place on the [0,1] scale of a rating, in
 * hundredths: the one verdict table of the engine (the Lua `rating` hook
 * may override what it gives) (sg_rating_value.c).  SG_VERDICT_ALONE: the
 * phrase is a verdict on a line of its own; plain adjectives ("good",
 * "average") are verdicts only after a label (SG_VA). */
#define SG_V(w, hundredths, flags) {w, SG_PHRASE_START, 0, flags, 0, hundredths}
#define SG_VA SG_VERDICT_ALONE
static const sg_phrase sg_verdicts[] = {
    SG_V("must see", 100, SG_VA),
    SG_V("must-see", 100, SG_VA),
    SG_V("must watch", 100, SG_VA),
    SG_V("must-watch", 100, SG_VA),
    SG_V("must read", 100, SG_VA),
    SG_V("must-read", 100, SG_VA),
    SG_V("must play", 100, SG_VA),
    SG_V("must-play", 100, SG_VA),
    SG_V("masterpiece", 100, 0),
    SG_V("essential", 100, 0),
    SG_V("highly recommended", 90, SG_VA),
    SG_V("two thumbs up", 90, SG_VA),
    SG_V("strongly recommended", 90, SG_VA),
    SG_V("certified fresh", 90, SG_VA),
    SG_V("excellent", 90, 0),
    SG_V("awesome", 90, 0),
    SG_V("great", 85, 0),
    SG_V("recommended", 80, SG_VA),
    SG_V("worth watching", 75, SG_VA),
    SG_V("worth a watch", 75, SG_VA),
    SG_V("worth seeing", 75, SG_VA),
    SG_V("worth reading", 75, SG_VA),
    SG_V("worth playing", 75, SG_VA),
    SG_V("stream it", 70, SG_VA),
    SG_V("worth it", 70, 0),
    SG_V("watch it", 75, 0),
    SG_V("see it", 75, 0),
    SG_V("buy it", 80, 0),
    SG_V("rent it", 50, 0),
    SG_V("thumbs up", 75, SG_VA),
    SG_V("fresh", 75, SG_VA),
    SG_V("good", 70, 0),
    SG_V("solid", 70, 0),
    SG_V("decent", 60, 0),
    SG_V("average", 50, 0),
    SG_V("mixed", 50, 0),
    SG_V("fair", 50, 0),
    SG_V("okay", 50, 0),
    SG_V("mediocre", 40, 0),
    SG_V("meh", 40, 0),
    SG_V("disappointing", 35, 0),
    SG_V("poor", 30, 0),
    SG_V("bad", 25, 0),
    SG_V("thumbs down", 25, SG_VA),
    SG_V("two thumbs down", 10, SG_VA),
    SG_V("rotten", 25, SG_VA),
    SG_V("not recommended", 20, SG_VA),
    SG_V("not worth it", 30, 0),
    SG_V("skip it", 20, SG_VA),
    SG_V("skip", 20, 0),
    SG_V("avoid", 10, 0),
    SG_V("awful", 10, 0),
    SG_V("terrible", 10, 0),
};
#undef SG_VA

/* Labels that introduce the review's own verdict or score: such lines are
 * article, whatever their length (sg_boiler.c). */
static const sg_phrase sg_score_labels[] = {
    SG_PS("rating"), SG_PS("score"), SG_PS("verdict"), SG_PS("grade"),
    SG_PS("final score"), SG_PS("the final score"), SG_PS("our rating"),
    SG_PS("my rating"), SG_PS("overall rating"), SG_PS("overall score"),
    SG_PS("overall"), SG_PS("final verdict"), SG_PS("the verdict"),
    SG_PS("our verdict"), SG_PS("my verdict"), SG_PS("final grade"), SG_PS("stars"),
};

/* Whole lines that head the verdict ("TL;DR" above its summary). */
static const sg_phrase sg_verdict_heads[] = {
    SG_PW("tl;dr"), SG_PW("tldr"), SG_PW("tl; dr"), SG_PW("verdict"),
    SG_PW("the verdict"), SG_PW("final verdict"), SG_PW("our verdict"),
    SG_PW("bottom line"), SG_PW("the bottom line"), SG_PW("conclusion"),
    SG_PW("final thoughts"), SG_PW("rating"), SG_PW("score"), SG_PW("the score"),
    SG_PW("our rating"), SG_PW("my rating"),
};

/* Job words of an author box ("Sarah is a writer and editor ..."). */
static const sg_phrase sg_bio_words[] = {
    SG_PA("writer"), SG_PA("editor"), SG_PA("critic"), SG_PA("journalist"),
    SG_PA("contributor"), SG_PA("reporter"), SG_PA("author"), SG_PA("blogger"),
    SG_PA("columnist"), SG_PA("freelance"), SG_PA("correspondent"), SG_PA("staff"),
};

/* Page chrome by what it says (sg_boiler.c): a block's normalised start is
 * matched whole, at its start or anywhere, when the block has at most
 * `max_words` words (0: any).  Section headings that start a chrome region
 * carry SG_CHROME_REGION (SG_CR); single words that could also be a film's
 * title are weak (SG_CW); SG_CN: only when the block ends no sentence. */
#define SG_CH(w, mode, why, flags, max) {w, SG_PHRASE_##mode, SG_WHY_##why, flags, max, 0}
#define SG_CR SG_CHROME_REGION
#define SG_CN SG_CHROME_NOPUNCT
#define SG_CW SG_CHROME_WEAK
static const sg_phrase sg_chrome[] = {
    /* navigation */
    SG_CH("close menu", WHOLE, NAVIGATION, 0, 0),
    SG_CH("main menu", WHOLE, NAVIGATION, 0, 0),
    SG_CH("open menu", WHOLE, NAVIGATION, 0, 0),
    SG_CH("menu", WHOLE, NAVIGATION, SG_CW, 0),
    SG_CH("navigation", WHOLE, NAVIGATION, SG_CW, 0),
    SG_CH("toggle navigation", WHOLE, NAVIGATION, 0, 0),
    SG_CH("skip to content", WHOLE, NAVIGATION, 0, 0),
    SG_CH("skip to main content", WHOLE, NAVIGATION, 0, 0),
    SG_CH("search", WHOLE, NAVIGATION, SG_CW, 0),
    SG_CH("home", WHOLE, NAVIGATION, SG_CW, 0),
    SG_CH("login", WHOLE, NAVIGATION, 0, 0),
    SG_CH("log in", WHOLE, NAVIGATION, 0, 0),
    SG_CH("sign in", WHOLE, NAVIGATION, 0, 0),
    SG_CH("log out", WHOLE, NAVIGATION, 0, 0),
    SG_CH("my account", WHOLE, NAVIGATION, 0, 0),
    SG_CH("categories", WHOLE, NAVIGATION, SG_CW, 0),
    SG_CH("select a category", WHOLE, NAVIGATION, SG_CR, 0),
    SG_CH("back to top", WHOLE, NAVIGATION, 0, 0),
    SG_CH("scroll to top", WHOLE, NAVIGATION, 0, 0),
    SG_CH("you are here", START, NAVIGATION, SG_CN, 12),
    SG_CH("previous article", START, NAVIGATION, 0, 20),
    SG_CH("next article", START, NAVIGATION, 0, 20),
    SG_CH("previous post", START, NAVIGATION, 0, 20),
    SG_CH("next post", START, NAVIGATION, 0, 20),
    SG_CH("prev post", START, NAVIGATION, 0, 20),
    SG_CH("older posts", WHOLE, NAVIGATION, 0, 0),
    SG_CH("newer posts", WHOLE, NAVIGATION, 0, 0),
    SG_CH("tags", WHOLE, NAVIGATION, SG_CR, 0),
    SG_CH("tags:", START, NAVIGATION, SG_CR, 40),
    SG_CH("tagged:", START, NAVIGATION, SG_CR, 40),
    SG_CH("tagged with", START, NAVIGATION, SG_CR, 40),
    SG_CH("filed under", START, NAVIGATION, SG_CR | SG_CN, 20),
    SG_CH("article topics", START, NAVIGATION, SG_CR, 20),
    SG_CH("topics", WHOLE, NAVIGATION, SG_CR | SG_CW, 0),
    SG_CH("type above and press enter to search", START, NAVIGATION, 0, 20),
    SG_CH("press esc to cancel", START, NAVIGATION, 0, 10),
    /* related and trending lists */
    SG_CH("related", WHOLE, RELATED, SG_CR | SG_CW, 0),
    SG_CH("related posts", WHOLE, RELATED, SG_CR, 0),
    SG_CH("related articles", WHOLE, RELATED, SG_CR, 0),
    SG_CH("related stories", WHOLE, RELATED, SG_CR, 0),
    SG_CH("related reviews", WHOLE, RELATED, SG_CR, 0),
    SG_CH("related content", WHOLE, RELATED, SG_CR, 0),
    SG_CH("related news", WHOLE, RELATED, SG_CR, 0),
    SG_CH("you may also like", WHOLE, RELATED, SG_CR, 0),
    SG_CH("you might also like", WHOLE, RELATED, SG_CR, 0),
    SG_CH("you may like", WHOLE, RELATED, SG_CR, 0),
    SG_CH("you might like", WHOLE, RELATED, SG_CR, 0),
    SG_CH("more from", START, RELATED, SG_CR | SG_CN, 8),
    SG_CH("more stories", WHOLE, RELATED, SG_CR, 0),
    SG_CH("more reviews", WHOLE, RELATED, SG_CR, 0),
    SG_CH("more articles", WHOLE, RELATED, SG_CR, 0),
    SG_CH("more news", WHOLE, RELATED, SG_CR, 0),
    SG_CH("recommended", WHOLE, RELATED, SG_CR | SG_CW, 0),
    SG_CH("recommended for you", WHOLE, RELATED, SG_CR, 0),
    SG_CH("recommended reading", WHOLE, RELATED, SG_CR, 0),
    SG_CH("recommended stories", WHOLE, RELATED, SG_CR, 0),
    SG_CH("trending", START, RELATED, SG_CR | SG_CN, 4),
    SG_CH("popular", WHOLE, RELATED, SG_CR | SG_CW, 0),
    SG_CH("popular posts", WHOLE, RELATED, SG_CR, 0),
    SG_CH("most popular", WHOLE, RELATED, SG_CR, 0),
    SG_CH("most read", WHOLE, RELATED, SG_CR, 0),
    SG_CH("read next", WHOLE, RELATED, SG_CR, 0),
    SG_CH("read more", WHOLE, RELATED, SG_CR, 0),
    SG_CH("up next", WHOLE, RELATED, SG_CR, 0),
    SG_CH("latest", WHOLE, RELATED, SG_CR | SG_CW, 0),
    SG_CH("latest posts", WHOLE, RELATED, SG_CR, 0),
    SG_CH("latest reviews", WHOLE, RELATED, SG_CR, 0),
    SG_CH("latest news", WHOLE, RELATED, SG_CR, 0),
    SG_CH("latest articles", WHOLE, RELATED, SG_CR, 0),
    SG_CH("what to read next", WHOLE, RELATED, SG_CR, 0),
    SG_CH("also read", START, RELATED, SG_CR | SG_CN, 20),
    SG_CH("don't miss", WHOLE, RELATED, SG_CR, 0),
    SG_CH("editor's picks", WHOLE, RELATED, SG_CR, 0),
    SG_CH("in case you missed it", WHOLE, RELATED, SG_CR, 0),
    SG_CH("from the web", WHOLE, RELATED, SG_CR, 0),
    SG_CH("around the web", WHOLE, RELATED, SG_CR, 0),
    SG_CH("sponsored stories", WHOLE, RELATED, SG_CR, 0),
    /* comments */
    SG_CH("comments", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("comment", WHOLE, COMMENTS, SG_CR | SG_CW, 0),
    SG_CH("leave a reply", START, COMMENTS, SG_CR | SG_CN, 8),
    SG_CH("leave a comment", START, COMMENTS, SG_CR | SG_CN, 8),
    SG_CH("post a comment", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("add a comment", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("join the discussion", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("join the conversation", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("discussion", WHOLE, COMMENTS, SG_CR | SG_CW, 0),
    SG_CH("responses", WHOLE, COMMENTS, SG_CR | SG_CW, 0),
    SG_CH("reader comments", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("show comments", WHOLE, COMMENTS, SG_CR, 0),
    SG_CH("view comments", WHOLE, COMMENTS, SG_CR, 0),
    /* newsletter boxes */
    SG_CH("newsletter", WHOLE, NEWSLETTER, SG_CR, 0),
    SG_CH("subscribe", WHOLE, NEWSLETTER, SG_CR, 0),
    SG_CH("subscribe to", START, NEWSLETTER, SG_CR, 25),
    SG_CH("sign up for", START, NEWSLETTER, SG_CR, 25),
    SG_CH("sign up", WHOLE, NEWSLETTER, SG_CR, 0),
    SG_CH("join our mailing list", START, NEWSLETTER, SG_CR, 25),
    SG_CH("in your inbox", ANYWHERE, NEWSLETTER, SG_CR, 12),
    SG_CH("our newsletter", ANYWHERE, NEWSLETTER, 0, 25),
    SG_CH("weekly newsletter", ANYWHERE, NEWSLETTER, 0, 25),
    SG_CH("daily newsletter", ANYWHERE, NEWSLETTER, 0, 25),
    /* share bars */
    SG_CH("share", WHOLE, SHARE, SG_CW, 0),
    SG_CH("share this", START, SHARE, SG_CR | SG_CN, 6),
    SG_CH("share on", START, SHARE, SG_CN, 6),
    SG_CH("share via", START, SHARE, SG_CN, 6),
    SG_CH("share the article", WHOLE, SHARE, 0, 0),
    SG_CH("share article", WHOLE, SHARE, 0, 0),
    SG_CH("email this", WHOLE, SHARE, 0, 0),
    SG_CH("copy link", WHOLE, SHARE, 0, 0),
    /* footers */
    SG_CH("copyright", START, FOOTER, SG_CR, 12),
    SG_CH("copyright \xc2\xa9", ANYWHERE, FOOTER, SG_CR, 30),
    SG_CH("\xc2\xa9 copyright", ANYWHERE, FOOTER, SG_CR, 30),
    SG_CH("all rights reserved", ANYWHERE, FOOTER, SG_CR, 30),
    SG_CH("\xc2\xa9", START, FOOTER, SG_CN | SG_CW, 12),
    SG_CH("privacy policy", START, FOOTER, SG_CN, 8),
    SG_CH("privacy", WHOLE, FOOTER, SG_CW, 0),
    SG_CH("terms of use", START, FOOTER, SG_CN, 8),
    SG_CH("terms of service", START, FOOTER, SG_CN, 8),
    SG_CH("terms and conditions", START, FOOTER, SG_CN, 8),
    SG_CH("cookie policy", START, FOOTER, SG_CN, 8),
    SG_CH("cookie settings", WHOLE, FOOTER, 0, 0),
    SG_CH("contact us", WHOLE, FOOTER, 0, 0),
    SG_CH("about us", WHOLE, FOOTER, 0, 0),
    SG_CH("advertise", WHOLE, FOOTER, 0, 0),
    SG_CH("advertise with us", WHOLE, FOOTER, 0, 0),
    SG_CH("sitemap", WHOLE, FOOTER, 0, 0),
    SG_CH("site map", WHOLE, FOOTER, 0, 0),
    /* bylines and dates */
    SG_CH("min read", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("mins read", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("minute read", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("minutes read", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("min. read", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("reading time", START, BYLINE, SG_CN, 8),
    SG_CH("posted by", ANYWHERE, BYLINE, SG_CN, 12),
    SG_CH("written by", ANYWHERE, BYLINE, SG_CN, 12),
    SG_CH("words by", START, BYLINE, SG_CN, 12),
    SG_CH("updated:", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("published:", ANYWHERE, BYLINE, SG_CN, 15),
    SG_CH("published on", START, BYLINE, SG_CN, 12),
    SG_CH("posted on", START, BYLINE, SG_CN, 12),
    SG_CH("last updated", START, BYLINE, SG_CN, 12),
    /* other chrome */
    SG_CH("support us", START, BOILERPLATE, SG_CR, 4),
    SG_CH("click here", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("advertisement", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("sponsored", WHOLE, BOILERPLATE, SG_CW, 0),
    SG_CH("sponsored content", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("continue reading", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("load more", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("show more", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("learn more", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("see all", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("view all", WHOLE, BOILERPLATE, 0, 0),
    SG_CH("loading", WHOLE, BOILERPLATE, SG_CW, 0),
};
#undef SG_CR
#undef SG_CN
#undef SG_CW
/* clang-format on */

#define SG_LIST(a) {a, sizeof a / sizeof *a, {0}, {{0}}, {0}}

sg_phrase_list sg_phrase_lists[SG_PHRASES__COUNT] = {
    [SG_PHRASES_LEADS] = SG_LIST(sg_leads),
    [SG_PHRASES_CREDITS] = SG_LIST(sg_credits),
    [SG_PHRASES_GENRES] = SG_LIST(sg_genres),
    [SG_PHRASES_VERDICTS] = SG_LIST(sg_verdicts),
    [SG_PHRASES_SCORE_LABELS] = SG_LIST(sg_score_labels),
    [SG_PHRASES_VERDICT_HEADS] = SG_LIST(sg_verdict_heads),
    [SG_PHRASES_BIO] = SG_LIST(sg_bio_words),
    [SG_PHRASES_CHROME] = SG_LIST(sg_chrome),
};

#define SG_FITS(a) (sizeof a / sizeof *a <= 64 * SG_PHRASE_SETS)
_Static_assert(SG_FITS(sg_leads) && SG_FITS(sg_credits) && SG_FITS(sg_genres) &&
                   SG_FITS(sg_verdicts) && SG_FITS(sg_score_labels) &&
                   SG_FITS(sg_verdict_heads) && SG_FITS(sg_bio_words) && SG_FITS(sg_chrome),
               "every list fits its index");

void sg_phrases_build(void)
{
    for (size_t l = 0; l < SG_PHRASES__COUNT; l++) {
        sg_phrase_list *L = &sg_phrase_lists[l];
        for (size_t k = 0; k < L->n; k++) {
            const sg_phrase *p = &L->p[k];
            L->len[k] = (unsigned char)strlen(p->text);
            for (int b = 0; b < 256; b++)
                if (p->mode == SG_PHRASE_ANYWHERE || (unsigned char)p->text[0] == b) {
                    L->at[b][k / 64] |= 1ull << (k % 64);
                    L->some[b] = 1;
                }
        }
    }
}

size_t sg_phrase_at(sg_phrase_list_id list, const unsigned char *t, size_t n, size_t i)
{
    const sg_phrase_list *L = &sg_phrase_lists[list];
    unsigned char c = t[i] | 0x20;
    if (!L->some[c])
        return 0;
    for (size_t set = 0; set < SG_PHRASE_SETS; set++)
        for (uint64_t ks = L->at[c][set]; ks; ks &= ks - 1) {
            size_t k = set * 64 + (size_t)__builtin_ctzll(ks), l = L->len[k];
            const char *w = L->p[k].text;
            /* the second byte first: it rules out most without a call */
            if (i + l <= n && (l < 2 || (t[i + 1] | 0x20) == (w[1] | 0x20)) &&
                !strncasecmp((const char *)t + i, w, l))
                return l;
        }
    return 0;
}

int sg_phrase_is(sg_phrase_list_id list, const char *s, size_t n)
{
    const sg_phrase_list *L = &sg_phrase_lists[list];
    if (!n)
        return 0;
    const uint64_t *at = L->at[(unsigned char)s[0]];
    for (size_t set = 0; set < SG_PHRASE_SETS; set++)
        for (uint64_t ks = at[set]; ks; ks &= ks - 1) {
            size_t k = set * 64 + (size_t)__builtin_ctzll(ks);
            if (L->len[k] == n && !memcmp(L->p[k].text, s, n))
                return 1;
        }
    return 0;
}
