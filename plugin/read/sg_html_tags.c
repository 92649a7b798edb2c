/* sg_html_tags.c -- what the HTML reader knows of elements: the class of
 * each tag (whether it is void, phrasing, a block of its own, special in
 * the tree-construction sense, why its content is or is not article text),
 * and the words of class, id and role attributes that name page chrome,
 * an article's body or a spoiler. */
#include "sg_html_tags.h"
#include "sg_text.h"

/* ---- element classes ---------------------------------------------------------- */

/* Sorted by name (strcmp order) for bsearch. */
const sg_html_tag_info sg_html_tags[] = {
    {"a", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"abbr", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"address", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"applet", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"area", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"article", SG_HT_S | SG_HT_P | SG_HT_T | SG_HT_N, SG_WHY_ARTICLE,
     SG_BLOCK_PARAGRAPH},
    {"aside", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_RELATED, SG_BLOCK_PARAGRAPH},
    {"audio", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"b", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"base", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"basefont", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bdi", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bdo", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bgsound", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"big", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"blockquote", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_Q | SG_HT_B, SG_WHY_ARTICLE,
     SG_BLOCK_QUOTE},
    {"body", SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"br", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"button", SG_HT_S | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"canvas", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"caption", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"center", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"cite", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"code", SG_HT_I | SG_HT_X, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
    {"col", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"colgroup", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"data", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"datalist", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"dd", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"del", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"details", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dfn", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dialog", SG_HT_S | SG_HT_P, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"dir", SG_HT_S | SG_HT_P | SG_HT_L, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"div", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dl", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dt", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"em", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"embed", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"fieldset", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"figcaption", SG_HT_S | SG_HT_P | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"figure", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"font", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"footer", SG_HT_S | SG_HT_P, SG_WHY_FOOTER, SG_BLOCK_PARAGRAPH},
    {"form", SG_HT_S | SG_HT_P, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"frame", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"frameset", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"h1", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h2", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h3", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h4", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h5", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h6", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"head", SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"header", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"hgroup", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"hr", SG_HT_V | SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"html", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"i", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"iframe", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"image", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"img", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"input", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ins", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"kbd", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"keygen", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"label", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"legend", SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"li", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_LIST_ITEM},
    {"link", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"listing", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_CODE, SG_BLOCK_CODE},
    {"main", SG_HT_S | SG_HT_P | SG_HT_T | SG_HT_N, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"map", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"mark", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"marquee", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"math", SG_HT_I | SG_HT_F, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"menu", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"meta", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"meter", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"nav", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_NAVIGATION, SG_BLOCK_PARAGRAPH},
    {"nobr", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"noembed", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"noframes", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"noscript", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"object", SG_HT_S | SG_HT_C | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"ol", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"optgroup", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"option", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"output", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"p", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"param", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"picture", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"plaintext", SG_HT_S | SG_HT_P | SG_HT_R, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
    {"pre", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_CODE, SG_BLOCK_CODE},
    {"progress", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"q", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rb", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rp", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rt", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rtc", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ruby", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"s", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"samp", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"script", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_SCRIPT, SG_BLOCK_PARAGRAPH},
    {"search", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_NAVIGATION, SG_BLOCK_PARAGRAPH},
    {"section", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"select", SG_HT_S | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"slot", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"small", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"source", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"span", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"strike", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"strong", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"style", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_STYLE, SG_BLOCK_PARAGRAPH},
    {"sub", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"summary", SG_HT_S | SG_HT_P | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"sup", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"svg", SG_HT_I | SG_HT_F, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"table", SG_HT_S | SG_HT_C | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tbody", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"td", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_TABLE_CELL},
    {"template", SG_HT_S | SG_HT_C | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"textarea", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"tfoot", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"th", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_TABLE_CELL},
    {"thead", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"time", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"title", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tr", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"track", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tt", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"u", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ul", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"var", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"video", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"wbr", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"xmp", SG_HT_S | SG_HT_P | SG_HT_R, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
};

_Static_assert(sizeof sg_html_tags / sizeof sg_html_tags[0] == SG_TAG__COUNT,
               "one entry per SG_TAG_* id");

const sg_html_tag_info *sg_html_tag_find(const sg_html_token *tok)
{
    /* a NUL in a name makes it another name ("p\0" is not "p") */
    if (tok->name_len >= SG_HTML_NAME_MAX || strlen(tok->name) != tok->name_len)
        return NULL;
    size_t lo = 0, hi = sizeof sg_html_tags / sizeof sg_html_tags[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(tok->name, sg_html_tags[mid].name);
        if (!c)
            return &sg_html_tags[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

sg_why sg_html_tag_class(const sg_html_token *tok, sg_block_kind *kind, int *block,
                         int *is_void)
{
    const sg_html_tag_info *ti = sg_html_tag_find(tok);
    *kind = ti ? ti->kind : SG_BLOCK_PARAGRAPH;
    *block = ti && !(ti->flags & SG_HT_I);
    *is_void = ti && (ti->flags & SG_HT_V);
    return ti ? ti->why : SG_WHY_ARTICLE;
}

/* ---- class, id and role words ------------------------------------------------- */

typedef struct sg_html_word {
    const char *word;
    size_t len;
    int prefix; /* also matches words it starts ("nav" -> "navbar") */
    sg_why why;
} sg_html_word;

static const sg_html_word sg_html_chrome_words[] = {
    {"nav", 3, 1, SG_WHY_NAVIGATION},
    {"menu", 4, 1, SG_WHY_NAVIGATION},
    {"breadcrumb", 10, 1, SG_WHY_NAVIGATION},
    {"pagination", 10, 1, SG_WHY_NAVIGATION},
    {"pager", 5, 0, SG_WHY_NAVIGATION},
    {"skip", 4, 0, SG_WHY_NAVIGATION},
    {"related", 7, 1, SG_WHY_RELATED},
    {"trending", 8, 1, SG_WHY_RELATED},
    {"popular", 7, 1, SG_WHY_RELATED},
    {"recommended", 11, 1, SG_WHY_RELATED},
    {"sidebar", 7, 1, SG_WHY_RELATED},
    {"recirc", 6, 1, SG_WHY_RELATED},
    {"outbrain", 8, 1, SG_WHY_RELATED},
    {"taboola", 7, 1, SG_WHY_RELATED},
    {"newsletter", 10, 1, SG_WHY_NEWSLETTER},
    {"subscribe", 9, 1, SG_WHY_NEWSLETTER},
    {"subscription", 12, 1, SG_WHY_NEWSLETTER},
    {"signup", 6, 1, SG_WHY_NEWSLETTER},
    {"optin", 5, 1, SG_WHY_NEWSLETTER},
    {"share", 5, 1, SG_WHY_SHARE},
    {"sharing", 7, 1, SG_WHY_SHARE},
    {"social", 6, 1, SG_WHY_SHARE},
    {"comment", 7, 1, SG_WHY_COMMENTS},
    {"disqus", 6, 1, SG_WHY_COMMENTS},
    {"footer", 6, 1, SG_WHY_FOOTER},
    {"copyright", 9, 1, SG_WHY_FOOTER},
    {"colophon", 8, 1, SG_WHY_FOOTER},
    {"byline", 6, 1, SG_WHY_BYLINE},
    {"author", 6, 1, SG_WHY_BYLINE},
    {"dateline", 8, 1, SG_WHY_BYLINE},
    {"meta", 4, 0, SG_WHY_BYLINE},
    {"tags", 4, 0, SG_WHY_BOILERPLATE},
    {"tag", 3, 0, SG_WHY_BOILERPLATE},
    {"tagcloud", 8, 1, SG_WHY_BOILERPLATE},
    {"widget", 6, 1, SG_WHY_BOILERPLATE},
    {"cookie", 6, 1, SG_WHY_BOILERPLATE},
    {"consent", 7, 1, SG_WHY_BOILERPLATE},
    {"gdpr", 4, 1, SG_WHY_BOILERPLATE},
    {"advert", 6, 1, SG_WHY_BOILERPLATE},
    {"ad", 2, 0, SG_WHY_BOILERPLATE},
    {"ads", 3, 0, SG_WHY_BOILERPLATE},
    {"adsense", 7, 1, SG_WHY_BOILERPLATE},
    {"adslot", 6, 1, SG_WHY_BOILERPLATE},
    {"sponsor", 7, 1, SG_WHY_BOILERPLATE},
    {"promo", 5, 1, SG_WHY_BOILERPLATE},
    {"masthead", 8, 1, SG_WHY_BOILERPLATE},
};

/* Class names that say "this is the article's body". */
static const char *const sg_html_root_classes[] = {
    "entry-content", "post-content", "article-body",  "article-content",  "post-body",
    "story-body",    "entry-body",   "article--body", "article--content", "story-content",
    "articlebody",   "post-entry",   "review-body",   "review-content",   NULL};


/* Look at one class token or id: split camelCase and '-', '_' into words. */
void sg_html_class_token(const char *t, size_t n, sg_html_class *c)
{
    char w[160];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof w - 2; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (sg_is_upper(ch) && i > 0 && sg_is_lower((unsigned char)t[i - 1]))
            w[k++] = '-';
        w[k++] = ch == '_' ? '-' : (char)sg_to_lower(ch);
    }
    w[k] = '\0';
    if (strstr(w, "body") || strstr(w, "content") || strstr(w, "entry"))
        for (size_t r = 0; sg_html_root_classes[r]; r++)
            if (strstr(w, sg_html_root_classes[r]))
                c->root = 1;
    int no_spoiler = strstr(w, "no-spoiler") || strstr(w, "spoiler-free") ||
                     strstr(w, "spoilerfree") || strstr(w, "nospoiler");
    sg_why tw = strstr(w, "sign-up") ? SG_WHY_NEWSLETTER : SG_WHY_ARTICLE;
    int wrapper = 0;
    for (size_t i = 0; i < k;) {
        while (i < k && !sg_is_alpha((unsigned char)w[i]))
            i++;
        size_t j = i;
        while (j < k && sg_is_alpha((unsigned char)w[j]))
            j++;
        size_t wl = j - i;
        if (!wl)
            break;
        if (!no_spoiler && ((wl == 7 && !memcmp(w + i, "spoiler", 7)) ||
                            (wl == 8 && !memcmp(w + i, "spoilers", 8))))
            c->spoiler = 1;
        /* layout words: "content-sidebar-wrap", "has-sidebar", "no-comments"
         * describe a wrapper of the article or a state, not chrome */
        static const char *const layout[] = {"content", "layout", "has", "with",
                                             "no",      "body",   NULL};
        for (size_t r = 0; layout[r]; r++)
            if (wl == strlen(layout[r]) && !memcmp(w + i, layout[r], wl))
                wrapper = 1;
        if (!tw && !(wl == 10 && !memcmp(w + i, "commentary", 10))) {
            for (size_t r = 0;
                 r < sizeof sg_html_chrome_words / sizeof sg_html_chrome_words[0]; r++) {
                const sg_html_word *cw = &sg_html_chrome_words[r];
                size_t cl = cw->len;
                if (w[i] == cw->word[0] && (wl == cl || (cw->prefix && wl > cl)) &&
                    !memcmp(w + i, cw->word, cl)) {
                    tw = cw->why;
                    break;
                }
            }
        }
        i = j;
    }
    if (!c->why && !wrapper)
        c->why = tw;
}

/* Is the first white-space separated word of v (n bytes) `w`? */
int sg_html_word_at(const char *v, size_t n, const char *w)
{
    size_t i = 0;
    while (i < n && sg_is_ws((unsigned char)v[i]))
        i++;
    size_t j = i;
    while (j < n && !sg_is_ws((unsigned char)v[j]))
        j++;
    return sg_ieq(v + i, j - i, w);
}

/* The why a role names; *root when it names the main content. */
sg_why sg_html_role(const char *v, size_t n, int *root)
{
    static const struct {
        const char *role;
        sg_why why;
    } roles[] = {{"navigation", SG_WHY_NAVIGATION},  {"search", SG_WHY_NAVIGATION},
                 {"menu", SG_WHY_NAVIGATION},        {"menubar", SG_WHY_NAVIGATION},
                 {"banner", SG_WHY_BOILERPLATE},     {"contentinfo", SG_WHY_FOOTER},
                 {"complementary", SG_WHY_RELATED},  {"dialog", SG_WHY_BOILERPLATE},
                 {"alertdialog", SG_WHY_BOILERPLATE}};
    for (size_t i = 0; i < n;) {
        while (i < n && sg_is_ws((unsigned char)v[i]))
            i++;
        size_t j = i;
        while (j < n && !sg_is_ws((unsigned char)v[j]))
            j++;
        if (j > i) {
            if (sg_ieq(v + i, j - i, "main") || sg_ieq(v + i, j - i, "article"))
                *root = 1;
            for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
                if (sg_ieq(v + i, j - i, roles[r].role))
                    return roles[r].why;
        }
        i = j;
    }
    return SG_WHY_ARTICLE;
}
