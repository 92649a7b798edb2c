/*
 * sg_phrases.c -- the phrase lists (sg_phrases.h): phrases of one or more
 * words that the readers and detectors look for, each list indexed by the
 * phrases' first bytes when the word table is built (sg_words_init).
 */
#include "sg_internal.h"
#include "sg_phrases.h"

#include <strings.h>

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
    SG_PW("crime"), SG_PW("documentary"), SG_PW("drama"), SG_PW("family"), SG_PW("fantasy"),
    SG_PW("dark fantasy"), SG_PW("epic fantasy"), SG_PW("high fantasy"),
    SG_PW("urban fantasy"), SG_PW("science fantasy"), SG_PW("film noir"), SG_PW("noir"),
    SG_PW("neo noir"), SG_PW("history"), SG_PW("historical"), SG_PW("historical fiction"),
    SG_PW("alternate history"), SG_PW("horror"), SG_PW("body horror"), SG_PW("folk horror"),
    SG_PW("cosmic horror"), SG_PW("psychological horror"), SG_PW("survival horror"),
    SG_PW("martial arts"), SG_PW("musical"), SG_PW("mystery"), SG_PW("cozy mystery"),
    SG_PW("whodunit"), SG_PW("romance"), SG_PW("romantasy"), SG_PW("science fiction"),
    SG_PW("sci fi"), SG_PW("scifi"), SG_PW("sf"), SG_PW("hard science fiction"),
    SG_PW("space opera"), SG_PW("cyberpunk"), SG_PW("steampunk"), SG_PW("dystopia"),
    SG_PW("dystopian"), SG_PW("post apocalyptic"), SG_PW("apocalyptic"), SG_PW("sport"),
    SG_PW("sports"), SG_PW("superhero"), SG_PW("thriller"), SG_PW("psychological thriller"),
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
    SG_PW("procedural"), SG_PW("police procedural"), SG_PW("true crime"), SG_PW("suspense"),
    SG_PW("sword and sorcery"), SG_PW("grimdark"), SG_PW("time travel"),
    SG_PW("fairy tale"), SG_PW("mythology"), SG_PW("gothic"), SG_PW("found footage"),
    SG_PW("giallo"), SG_PW("wuxia"), SG_PW("samurai"), SG_PW("rpg"), SG_PW("jrpg"),
    SG_PW("role playing"), SG_PW("roguelike"), SG_PW("roguelite"), SG_PW("metroidvania"),
    SG_PW("platformer"), SG_PW("visual novel"), SG_PW("first person shooter"),
    SG_PW("shooter"), SG_PW("puzzle"), SG_PW("strategy"), SG_PW("simulation"),
    SG_PW("open world"), SG_PW("stealth"), SG_PW("fighting"), SG_PW("racing"),
    SG_PW("rhythm"), SG_PW("sandbox"), SG_PW("survival"), SG_PW("point and click"),
    SG_PW("soulslike"),
};

/* Verdicts in words and their place on the [0,1] scale of a rating, in
 * hundredths: the one verdict table of the engine (the Lua `rating` hook
 * may override what it gives) (sg_rating_value.c).  SG_VERDICT_ALONE: the
 * phrase is a verdict on a line of its own; plain adjectives ("good",
 * "average") are verdicts only after a label. */
/* clang-format off */
static const sg_phrase sg_verdicts[] = {
    {"must see", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must-see", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must watch", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must-watch", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must read", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must-read", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must play", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"must-play", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 100},
    {"masterpiece", SG_PHRASE_START, 0, 0, 0, 100},
    {"essential", SG_PHRASE_START, 0, 0, 0, 100},
    {"highly recommended", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 90},
    {"two thumbs up", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 90},
    {"strongly recommended", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 90},
    {"certified fresh", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 90},
    {"excellent", SG_PHRASE_START, 0, 0, 0, 90},
    {"awesome", SG_PHRASE_START, 0, 0, 0, 90},
    {"great", SG_PHRASE_START, 0, 0, 0, 85},
    {"recommended", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 80},
    {"worth watching", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"worth a watch", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"worth seeing", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"worth reading", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"worth playing", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"stream it", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 70},
    {"worth it", SG_PHRASE_START, 0, 0, 0, 70},
    {"watch it", SG_PHRASE_START, 0, 0, 0, 75},
    {"see it", SG_PHRASE_START, 0, 0, 0, 75},
    {"buy it", SG_PHRASE_START, 0, 0, 0, 80},
    {"rent it", SG_PHRASE_START, 0, 0, 0, 50},
    {"thumbs up", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"fresh", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 75},
    {"good", SG_PHRASE_START, 0, 0, 0, 70},
    {"solid", SG_PHRASE_START, 0, 0, 0, 70},
    {"decent", SG_PHRASE_START, 0, 0, 0, 60},
    {"average", SG_PHRASE_START, 0, 0, 0, 50},
    {"mixed", SG_PHRASE_START, 0, 0, 0, 50},
    {"fair", SG_PHRASE_START, 0, 0, 0, 50},
    {"okay", SG_PHRASE_START, 0, 0, 0, 50},
    {"mediocre", SG_PHRASE_START, 0, 0, 0, 40},
    {"meh", SG_PHRASE_START, 0, 0, 0, 40},
    {"disappointing", SG_PHRASE_START, 0, 0, 0, 35},
    {"poor", SG_PHRASE_START, 0, 0, 0, 30},
    {"bad", SG_PHRASE_START, 0, 0, 0, 25},
    {"thumbs down", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 25},
    {"two thumbs down", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 10},
    {"rotten", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 25},
    {"not recommended", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 20},
    {"not worth it", SG_PHRASE_START, 0, 0, 0, 30},
    {"skip it", SG_PHRASE_START, 0, SG_VERDICT_ALONE, 0, 20},
    {"skip", SG_PHRASE_START, 0, 0, 0, 20},
    {"avoid", SG_PHRASE_START, 0, 0, 0, 10},
    {"awful", SG_PHRASE_START, 0, 0, 0, 10},
    {"terrible", SG_PHRASE_START, 0, 0, 0, 10},
};
/* clang-format on */

/* Labels that introduce the review's own verdict or score: such lines are
 * article, whatever their length (sg_boiler.c). */
static const sg_phrase sg_score_labels[] = {
    SG_PS("rating"), SG_PS("score"), SG_PS("verdict"), SG_PS("grade"), SG_PS("final score"),
    SG_PS("the final score"), SG_PS("our rating"), SG_PS("my rating"),
    SG_PS("overall rating"), SG_PS("overall score"), SG_PS("overall"),
    SG_PS("final verdict"), SG_PS("the verdict"), SG_PS("our verdict"), SG_PS("my verdict"),
    SG_PS("final grade"), SG_PS("stars"),
};

/* Whole lines that head the verdict ("TL;DR" above its summary). */
static const sg_phrase sg_verdict_heads[] = {
    SG_PW("tl;dr"), SG_PW("tldr"), SG_PW("tl; dr"), SG_PW("verdict"), SG_PW("the verdict"),
    SG_PW("final verdict"), SG_PW("our verdict"), SG_PW("bottom line"),
    SG_PW("the bottom line"), SG_PW("conclusion"), SG_PW("final thoughts"), SG_PW("rating"),
    SG_PW("score"), SG_PW("the score"), SG_PW("our rating"), SG_PW("my rating"),
};

/* Job words of an author box ("Sarah is a writer and editor ..."). */
static const sg_phrase sg_bio_words[] = {
    SG_PA("writer"), SG_PA("editor"), SG_PA("critic"), SG_PA("journalist"),
    SG_PA("contributor"), SG_PA("reporter"), SG_PA("author"), SG_PA("blogger"),
    SG_PA("columnist"), SG_PA("freelance"), SG_PA("correspondent"), SG_PA("staff"),
};

/* Page chrome by what it says (sg_boiler.c): a block's normalised start is
 * matched whole, at its start or anywhere.  Section headings that start a
 * chrome region carry SG_CHROME_REGION; single words that could also be a
 * film's title are weak. */
/* clang-format off */
static const sg_phrase sg_chrome[] = {
    /* navigation */
    {"close menu", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"main menu", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"open menu", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"menu", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_WEAK, 0, 0},
    {"navigation", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_WEAK, 0, 0},
    {"toggle navigation", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"skip to content", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"skip to main content", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"search", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_WEAK, 0, 0},
    {"home", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_WEAK, 0, 0},
    {"login", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"log in", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"sign in", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"log out", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"my account", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"categories", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_WEAK, 0, 0},
    {"select a category", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_REGION, 0, 0},
    {"back to top", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"scroll to top", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"you are here", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_NOPUNCT, 12, 0},
    {"previous article", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"next article", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"previous post", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"next post", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"prev post", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"older posts", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"newer posts", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, 0, 0, 0},
    {"tags", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_REGION, 0, 0},
    {"tags:", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_REGION, 40, 0},
    {"tagged:", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_REGION, 40, 0},
    {"tagged with", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_REGION, 40, 0},
    {"filed under", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 20, 0},
    {"article topics", SG_PHRASE_START, SG_WHY_NAVIGATION, SG_CHROME_REGION, 20, 0},
    {"topics", SG_PHRASE_WHOLE, SG_WHY_NAVIGATION, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"type above and press enter to search", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 20, 0},
    {"press esc to cancel", SG_PHRASE_START, SG_WHY_NAVIGATION, 0, 10, 0},
    /* related and trending lists */
    {"related", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"related posts", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"related articles", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"related stories", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"related reviews", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"related content", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"related news", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"you may also like", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"you might also like", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"you may like", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"you might like", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"more from", SG_PHRASE_START, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 8, 0},
    {"more stories", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"more reviews", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"more articles", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"more news", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"recommended", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"recommended for you", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"recommended reading", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"recommended stories", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"trending", SG_PHRASE_START, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 4, 0},
    {"popular", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"popular posts", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"most popular", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"most read", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"read next", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"read more", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"up next", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"latest", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"latest posts", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"latest reviews", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"latest news", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"latest articles", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"what to read next", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"also read", SG_PHRASE_START, SG_WHY_RELATED, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 20, 0},
    {"don't miss", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"editor's picks", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"in case you missed it", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"from the web", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"around the web", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    {"sponsored stories", SG_PHRASE_WHOLE, SG_WHY_RELATED, SG_CHROME_REGION, 0, 0},
    /* comments */
    {"comments", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"comment", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"leave a reply", SG_PHRASE_START, SG_WHY_COMMENTS, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 8, 0},
    {"leave a comment", SG_PHRASE_START, SG_WHY_COMMENTS, SG_CHROME_REGION | SG_CHROME_NOPUNCT,
     8, 0},
    {"post a comment", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"add a comment", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"join the discussion", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"join the conversation", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"discussion", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"responses", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION | SG_CHROME_WEAK, 0, 0},
    {"reader comments", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"show comments", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    {"view comments", SG_PHRASE_WHOLE, SG_WHY_COMMENTS, SG_CHROME_REGION, 0, 0},
    /* newsletter boxes */
    {"newsletter", SG_PHRASE_WHOLE, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 0, 0},
    {"subscribe", SG_PHRASE_WHOLE, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 0, 0},
    {"subscribe to", SG_PHRASE_START, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 25, 0},
    {"sign up for", SG_PHRASE_START, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 25, 0},
    {"sign up", SG_PHRASE_WHOLE, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 0, 0},
    {"join our mailing list", SG_PHRASE_START, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 25, 0},
    {"in your inbox", SG_PHRASE_ANYWHERE, SG_WHY_NEWSLETTER, SG_CHROME_REGION, 12, 0},
    {"our newsletter", SG_PHRASE_ANYWHERE, SG_WHY_NEWSLETTER, 0, 25, 0},
    {"weekly newsletter", SG_PHRASE_ANYWHERE, SG_WHY_NEWSLETTER, 0, 25, 0},
    {"daily newsletter", SG_PHRASE_ANYWHERE, SG_WHY_NEWSLETTER, 0, 25, 0},
    /* share bars */
    {"share", SG_PHRASE_WHOLE, SG_WHY_SHARE, SG_CHROME_WEAK, 0, 0},
    {"share this", SG_PHRASE_START, SG_WHY_SHARE, SG_CHROME_REGION | SG_CHROME_NOPUNCT, 6, 0},
    {"share on", SG_PHRASE_START, SG_WHY_SHARE, SG_CHROME_NOPUNCT, 6, 0},
    {"share via", SG_PHRASE_START, SG_WHY_SHARE, SG_CHROME_NOPUNCT, 6, 0},
    {"share the article", SG_PHRASE_WHOLE, SG_WHY_SHARE, 0, 0, 0},
    {"share article", SG_PHRASE_WHOLE, SG_WHY_SHARE, 0, 0, 0},
    {"email this", SG_PHRASE_WHOLE, SG_WHY_SHARE, 0, 0, 0},
    {"copy link", SG_PHRASE_WHOLE, SG_WHY_SHARE, 0, 0, 0},
    /* footers */
    {"copyright", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_REGION, 12, 0},
    {"copyright \xc2\xa9", SG_PHRASE_ANYWHERE, SG_WHY_FOOTER, SG_CHROME_REGION, 30, 0},
    {"\xc2\xa9 copyright", SG_PHRASE_ANYWHERE, SG_WHY_FOOTER, SG_CHROME_REGION, 30, 0},
    {"all rights reserved", SG_PHRASE_ANYWHERE, SG_WHY_FOOTER, SG_CHROME_REGION, 30, 0},
    {"\xc2\xa9", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT | SG_CHROME_WEAK, 12, 0},
    {"privacy policy", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT, 8, 0},
    {"privacy", SG_PHRASE_WHOLE, SG_WHY_FOOTER, SG_CHROME_WEAK, 0, 0},
    {"terms of use", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT, 8, 0},
    {"terms of service", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT, 8, 0},
    {"terms and conditions", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT, 8, 0},
    {"cookie policy", SG_PHRASE_START, SG_WHY_FOOTER, SG_CHROME_NOPUNCT, 8, 0},
    {"cookie settings", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"contact us", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"about us", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"advertise", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"advertise with us", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"sitemap", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    {"site map", SG_PHRASE_WHOLE, SG_WHY_FOOTER, 0, 0, 0},
    /* bylines and dates */
    {"min read", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"mins read", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"minute read", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"minutes read", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"min. read", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"reading time", SG_PHRASE_START, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 8, 0},
    {"posted by", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    {"written by", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    {"words by", SG_PHRASE_START, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    {"updated:", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"published:", SG_PHRASE_ANYWHERE, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 15, 0},
    {"published on", SG_PHRASE_START, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    {"posted on", SG_PHRASE_START, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    {"last updated", SG_PHRASE_START, SG_WHY_BYLINE, SG_CHROME_NOPUNCT, 12, 0},
    /* other chrome */
    {"support us", SG_PHRASE_START, SG_WHY_BOILERPLATE, SG_CHROME_REGION, 4, 0},
    {"click here", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"advertisement", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"sponsored", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, SG_CHROME_WEAK, 0, 0},
    {"sponsored content", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"continue reading", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"load more", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"show more", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"learn more", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"see all", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"view all", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, 0, 0, 0},
    {"loading", SG_PHRASE_WHOLE, SG_WHY_BOILERPLATE, SG_CHROME_WEAK, 0, 0},
};
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
