/*
 * sg_style.c -- which dialect an article wants, by what it shows (--style
 * auto, the default).  HTML takes html-span and plain text plain.  Markdown
 * is written for a site, and says which: its front matter (TOML is Hugo's;
 * layout and permalink are Jekyll's; draft is Hugo's; cssclasses and aliases
 * that name the note are Obsidian's), the folder it stands in (an Obsidian
 * vault holds .obsidian/, a Hugo site's content/ sits beside hugo.toml or
 * config.toml, a Jekyll site's _posts/ beside _config.yml), and its links
 * ([[wikilinks]] are Obsidian's).  Front matter speaks first, being written
 * for the site that publishes the page; then the folder; then the links.
 * With no sign, Markdown takes md-html, which the renderers that keep raw
 * HTML publish (Jekyll's kramdown among them, so Jekyll needs nothing else).
 * The dialects' and badge forms' names, and the short names of dialects,
 * are here too: every host and stage takes them from this file.
 */
#include "sg_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

/* The value of front-matter field `key` (the first), or NULL. */
static const char *sg_fm_value(const sg_doc *d, const char *key)
{
    for (size_t i = 0; i < d->nfields; i++)
        if (!strcasecmp(d->fields[i].key, key))
            return d->fields[i].value;
    return NULL;
}

/* Do the aliases name the note (Obsidian), rather than old URLs of the page
 * (Hugo, whose aliases are paths)?  1, 0, or -1 without aliases. */
static int sg_aliases_name_the_note(const sg_doc *d)
{
    int any = 0;
    for (size_t i = 0; i < d->nfields; i++) {
        if (strcasecmp(d->fields[i].key, "aliases"))
            continue;
        /* "- alias" lines, or one "[a, b]" */
        const char *v = d->fields[i].value;
        while (*v == '[' || *v == ' ' || *v == '"' || *v == '\'')
            v++;
        if (!*v || *v == ']')
            continue;
        any = 1;
        if (*v != '/')
            return 1;
    }
    return any ? 0 : -1;
}

/* The dialect the front matter asks for, or SG_STYLE_AUTO. */
static sg_style sg_style_by_front_matter(const char *text, size_t len, const char **why)
{
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = text;
    d.len = len;
    size_t fm = sg_front_matter(&d, text, len);
    sg_style s = SG_STYLE_AUTO;
    int aliases = sg_aliases_name_the_note(&d);
    if (fm && text[0] == '+') {
        s = SG_STYLE_MD_HUGO;
        *why = "TOML front matter, as Hugo writes it";
    } else if (sg_fm_value(&d, "cssclasses") || sg_fm_value(&d, "cssclass")) {
        s = SG_STYLE_MD_OBSIDIAN;
        *why = "front matter cssclasses, an Obsidian property";
    } else if (sg_fm_value(&d, "layout") || sg_fm_value(&d, "permalink")) {
        s = SG_STYLE_MD_HTML;
        *why = "front matter layout or permalink, as Jekyll writes it, whose kramdown "
               "keeps raw HTML";
    } else if (sg_fm_value(&d, "draft")) {
        s = SG_STYLE_MD_HUGO;
        *why = "front matter draft, as Hugo writes it";
    } else if (aliases >= 0) {
        s = aliases ? SG_STYLE_MD_OBSIDIAN : SG_STYLE_MD_HUGO;
        *why = aliases ? "front matter aliases that name the note, as Obsidian writes them"
                       : "front matter aliases that are old URLs, as Hugo writes them";
    }
    sg_doc_free(&d);
    return s;
}

static int sg_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int sg_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The dialect of the site the file at `path` stands in: the nearest folder
 * above it that is the root of an Obsidian vault, a Hugo site or a Jekyll
 * site, or SG_STYLE_AUTO. */
static sg_style sg_style_by_folder(const char *path, const char **why)
{
    char dir[4096], probe[4200];
    char *abs = realpath(path, NULL); /* the folders above a relative path too */
    const char *full = abs ? abs : path;
    size_t n = strlen(full);
    if (!n || n >= sizeof dir) {
        free(abs);
        return SG_STYLE_AUTO;
    }
    memcpy(dir, full, n + 1);
    free(abs);
    /* `under` names the folder the walk came up from: Hugo's pages are in
     * content/, Jekyll's posts in _posts/ or _drafts/ */
    const char *under = "";
    for (int depth = 0; depth < 64; depth++) {
        char *slash = strrchr(dir, '/');
        if (!slash) {
            if (!strcmp(dir, ".") || !dir[0])
                return SG_STYLE_AUTO;
            memcpy(dir, ".", 2); /* a relative path's first folder */
        } else if (slash == dir)
            dir[1] = '\0';
        else
            *slash = '\0';
        snprintf(probe, sizeof probe, "%s/.obsidian", dir);
        if (sg_is_dir(probe)) {
            *why = "the note is in an Obsidian vault, a folder holding .obsidian/";
            return SG_STYLE_MD_OBSIDIAN;
        }
        static const char *const hugo[] = {"hugo.toml", "hugo.yaml", "hugo.json", "config.toml"};
        for (size_t k = 0; !strcmp(under, "content") && k < sizeof hugo / sizeof *hugo; k++) {
            snprintf(probe, sizeof probe, "%s/%s", dir, hugo[k]);
            if (sg_is_file(probe)) {
                *why = "the page is in a Hugo site's content/";
                return SG_STYLE_MD_HUGO;
            }
        }
        snprintf(probe, sizeof probe, "%s/_config.yml", dir);
        if ((!strcmp(under, "_posts") || !strcmp(under, "_drafts")) && sg_is_file(probe)) {
            *why = "the post is in a Jekyll site's _posts/ or _drafts/, whose kramdown "
                   "keeps raw HTML";
            return SG_STYLE_MD_HTML;
        }
        if (!strcmp(dir, "/") || !strcmp(dir, "."))
            return SG_STYLE_AUTO;
        const char *base = strrchr(dir, '/');
        under = base ? base + 1 : dir;
    }
    return SG_STYLE_AUTO;
}

/* Does the text link as Obsidian does, "[[Note]]" (or "![[Note]]") on one
 * line? */
static int sg_has_wikilink(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    while (p < end && (p = memmem(p, (size_t)(end - p), "[[", 2)) != NULL) {
        const char *q = p + 2;
        while (q < end && q - p < 256 && *q != ']' && *q != '[' && *q != '\n')
            q++;
        if (q > p + 2 && q + 1 < end && q[0] == ']' && q[1] == ']' && p[2] != ' ')
            return 1;
        p += 2;
    }
    return 0;
}

sg_style sg_style_detect(const char *text, size_t len, sg_format format, const char *path,
                         const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    if (!text)
        len = 0, text = "";
    if (format != SG_FORMAT_PLAIN && format != SG_FORMAT_MARKDOWN && format != SG_FORMAT_HTML)
        format = sg_detect_format(text, len);
    if (format == SG_FORMAT_HTML) {
        *why = "HTML";
        return SG_STYLE_HTML_SPAN;
    }
    if (format == SG_FORMAT_PLAIN) {
        *why = "plain text";
        return SG_STYLE_PLAIN;
    }
    sg_style s = sg_style_by_front_matter(text, len, why);
    if (s == SG_STYLE_AUTO && path)
        s = sg_style_by_folder(path, why);
    if (s == SG_STYLE_AUTO && sg_has_wikilink(text, len)) {
        s = SG_STYLE_MD_OBSIDIAN;
        *why = "[[wikilinks]], as Obsidian links notes";
    }
    if (s == SG_STYLE_AUTO) {
        s = SG_STYLE_MD_HTML;
        *why = "Markdown with no sign of a site: raw HTML, which most of its renderers keep";
    }
    return s;
}

/* ---- names -------------------------------------------------------------- */

static const char *const sg_style_names[] = {
    "auto", "html-span", "html-details", "md-discord", "md-reddit",
    "md-pandoc", "md-html", "plain", "md-hugo", "md-obsidian"};

/* Short names: the platform or form a dialect is for. */
static const struct {
    const char *name;
    sg_style style;
} sg_style_aliases[] = {{"html", SG_STYLE_HTML_SPAN},
                        {"span", SG_STYLE_HTML_SPAN},
                        {"details", SG_STYLE_HTML_DETAILS},
                        {"discord", SG_STYLE_MD_DISCORD},
                        {"reddit", SG_STYLE_MD_REDDIT},
                        {"pandoc", SG_STYLE_MD_PANDOC},
                        {"markdown", SG_STYLE_MD_HTML},
                        {"md", SG_STYLE_MD_HTML},
                        {"hugo", SG_STYLE_MD_HUGO},
                        {"obsidian", SG_STYLE_MD_OBSIDIAN},
                        {"text", SG_STYLE_PLAIN}};

int sg_style_parse(const char *name)
{
    for (size_t i = 0; name && i < sizeof sg_style_names / sizeof *sg_style_names; i++)
        if (!strcmp(name, sg_style_names[i]))
            return (int)i;
    for (size_t i = 0; name && i < sizeof sg_style_aliases / sizeof *sg_style_aliases;
         i++)
        if (!strcmp(name, sg_style_aliases[i].name))
            return (int)sg_style_aliases[i].style;
    return -1;
}

const char *sg_style_name(sg_style style)
{
    return (unsigned)style < sizeof sg_style_names / sizeof *sg_style_names
               ? sg_style_names[style]
               : "auto";
}

static const char *const sg_badge_names[] = {"auto", "none", "text", "html", "svg",
                                             "image"};

int sg_badge_parse(const char *name)
{
    for (size_t i = 0; name && i < sizeof sg_badge_names / sizeof *sg_badge_names; i++)
        if (!strcmp(name, sg_badge_names[i]))
            return (int)i;
    return -1;
}

const char *sg_badge_name(sg_badge badge)
{
    return (unsigned)badge < sizeof sg_badge_names / sizeof *sg_badge_names
               ? sg_badge_names[badge]
               : "auto";
}
