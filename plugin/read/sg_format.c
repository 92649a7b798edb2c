/* sg_format.c -- the input formats: their names, the format a file name
 * says, the format a text looks like (sg_detect_format), and the names of
 * the reasons a block is not article text. */
#include "sg_internal.h"
#include "sg_text.h"

#include <strings.h>

/* ---- names ---------------------------------------------------------------- */

int sg_format_parse(const char *name)
{
    if (!name)
        return -1;
    if (!strcmp(name, "plain") || !strcmp(name, "text") || !strcmp(name, "txt"))
        return SG_FORMAT_PLAIN;
    if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        return SG_FORMAT_MARKDOWN;
    if (!strcmp(name, "html") || !strcmp(name, "htm"))
        return SG_FORMAT_HTML;
    if (!strcmp(name, "auto"))
        return SG_FORMAT_AUTO;
    return -1;
}

const char *sg_format_name(sg_format format)
{
    switch (format) {
    case SG_FORMAT_MARKDOWN: return "markdown";
    case SG_FORMAT_HTML: return "html";
    case SG_FORMAT_PLAIN: return "plain";
    case SG_FORMAT_AUTO: break;
    }
    return "auto";
}

sg_format sg_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return SG_FORMAT_AUTO;
    static const struct {
        const char *ext;
        sg_format f;
    } exts[] = {{".md", SG_FORMAT_MARKDOWN},   {".markdown", SG_FORMAT_MARKDOWN},
                {".mkd", SG_FORMAT_MARKDOWN},  {".mdown", SG_FORMAT_MARKDOWN},
                {".html", SG_FORMAT_HTML},     {".htm", SG_FORMAT_HTML},
                {".xhtml", SG_FORMAT_HTML},    {".txt", SG_FORMAT_PLAIN},
                {".text", SG_FORMAT_PLAIN}};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (!strcasecmp(dot, exts[i].ext))
            return exts[i].f;
    return SG_FORMAT_AUTO;
}

static const char *const sg_block_tags[] = {
    "<p>", "<p ", "<div", "<br", "<html", "<body", "<article", "<h1", "<h2",
    "<h3", "<span", "<section", "<!doctype", "<ul", "<li", "<table", "<a href",
    "<em>", "<strong>", "<head", "<meta", "<img", NULL};

/* Does byte `a` followed by byte `b` occur in t[0, n)?  memchr skips the
 * long stretches between the rare first bytes. */
static int sg_has_pair(const char *t, size_t n, char a, char b)
{
    for (const char *p = n ? memchr(t, a, n) : NULL; p;
         p = memchr(p + 1, a, n - (size_t)(p + 1 - t)))
        if ((size_t)(p + 1 - t) < n && p[1] == b)
            return 1;
    return 0;
}

sg_format sg_detect_format(const char *text, size_t len)
{
    size_t scan = len < 65536 ? len : 65536;
    size_t i = 0;
    while (i < scan && sg_is_space((unsigned char)text[i]))
        i++;
    if (i + 1 < scan && text[i] == '<' &&
        (sg_is_alpha((unsigned char)text[i + 1]) || text[i + 1] == '!' ||
         text[i + 1] == '?')) {
        /* "<!--sg:" alone is Markdown's signature, not HTML */
        if (!(scan - i >= 7 && !memcmp(text + i, "<!--sg:", 7)))
            return SG_FORMAT_HTML;
    }
    /* Markdown output of an earlier run carries <!--sg: signatures, and may
     * hold raw HTML spans that would otherwise count as tags */
    for (const char *p = memchr(text, '<', scan); p;
         p = memchr(p + 1, '<', scan - (size_t)(p + 1 - text)))
        if ((size_t)(p - text) + 7 <= scan && !memcmp(p, "<!--sg:", 7))
            return SG_FORMAT_MARKDOWN;
    /* distinct block tags, in one pass over the '<' bytes */
    int tags = 0;
    unsigned char seen[sizeof sg_block_tags / sizeof *sg_block_tags] = {0};
    for (const char *p = memchr(text, '<', scan); p;
         p = (size_t)(p + 1 - text) < scan ? memchr(p + 1, '<', scan - (size_t)(p + 1 - text))
                                           : NULL) {
        size_t at = (size_t)(p - text);
        for (size_t k = 0; sg_block_tags[k]; k++) {
            size_t tl = strlen(sg_block_tags[k]);
            if (!seen[k] && at + tl <= scan && !strncasecmp(p, sg_block_tags[k], tl)) {
                seen[k] = 1;
                tags++;
            }
        }
    }
    if (tags >= 2)
        return SG_FORMAT_HTML;
    /* Markdown block syntax at the start of lines, inline syntax anywhere */
    int heading = 0, fence = 0, list = 0, quote = 0, link = 0, emph = 0,
        front = 0;
    if (scan >= 4 && (!memcmp(text, "---\n", 4) || !memcmp(text, "+++\n", 4)))
        front = 1;
    /* line starts, found by memchr rather than byte by byte */
    for (size_t j = 0; j < scan;) {
        char c = text[j];
        if (c == '#') {
            size_t k = j;
            while (k < scan && text[k] == '#' && k - j < 7)
                k++;
            if (k < scan && text[k] == ' ')
                heading++;
        } else if ((c == '`' || c == '~') && j + 2 < scan &&
                   text[j + 1] == c && text[j + 2] == c)
            fence++;
        else if ((c == '-' || c == '*' || c == '+') && j + 1 < scan &&
                 text[j + 1] == ' ')
            list++;
        else if (c == '>' && j + 1 < scan && text[j + 1] == ' ')
            quote++;
        const char *nl = memchr(text + j, '\n', scan - j);
        if (!nl)
            break;
        j = (size_t)(nl - text) + 1;
    }
    /* inline syntax: only whether there is any counts */
    link = sg_has_pair(text, scan, ']', '(');
    emph = sg_has_pair(text, scan, '*', '*') || sg_has_pair(text, scan, '_', '_');
    int signals = (heading > 0) + (fence > 0) + (list > 1) + (quote > 0) +
                  (link > 0) + (emph > 0) + front;
    if (heading || fence || front || signals >= 2)
        return SG_FORMAT_MARKDOWN;
    return SG_FORMAT_PLAIN;
}

const char *sg_why_name(sg_why why)
{
    static const char *const names[SG_WHY__COUNT] = {
        "article",    "code",     "script",     "style",  "front-matter",
        "navigation", "related",  "newsletter", "share",  "comments",
        "footer",     "byline",   "off",        "boilerplate"};
    return why < SG_WHY__COUNT ? names[why] : "boilerplate";
}
