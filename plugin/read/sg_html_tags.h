/* sg_html_tags.h -- what the HTML reader knows of elements: each tag's
 * class (sg_html_tags, indexed by SG_TAG_*), and the words of class, id and
 * role attributes that name page chrome or an article's body. */
#ifndef SG_HTML_TAGS_H
#define SG_HTML_TAGS_H

#include "sg_html.h"

enum {
    SG_HT_V = 1 << 0,  /* void: never pushed */
    SG_HT_I = 1 << 1,  /* phrasing: does not break a paragraph */
    SG_HT_S = 1 << 2,  /* "special" in the tree-construction sense */
    SG_HT_C = 1 << 3,  /* bounds the default scope */
    SG_HT_P = 1 << 4,  /* its start tag closes an open <p> */
    SG_HT_B = 1 << 5,  /* a text block of its own */
    SG_HT_H = 1 << 6,  /* h1-h6 */
    SG_HT_X = 1 << 7,  /* breaks out of <svg>/<math> content */
    SG_HT_L = 1 << 8,  /* a list */
    SG_HT_Q = 1 << 9,  /* a quotation */
    SG_HT_T = 1 << 10, /* sectioning: article aside main nav section search */
    SG_HT_N = 1 << 11, /* an article root by its tag */
    SG_HT_R = 1 << 12, /* content read raw by the tokenizer */
    SG_HT_F = 1 << 13  /* foreign content root */
};

typedef struct sg_html_tag_info {
    const char *name;
    unsigned flags;
    sg_why why;
    sg_block_kind kind;
} sg_html_tag_info;

/* Tag ids: indices into sg_html_tags. */
enum {
    SG_TAG_A,
    SG_TAG_ABBR,
    SG_TAG_ADDRESS,
    SG_TAG_APPLET,
    SG_TAG_AREA,
    SG_TAG_ARTICLE,
    SG_TAG_ASIDE,
    SG_TAG_AUDIO,
    SG_TAG_B,
    SG_TAG_BASE,
    SG_TAG_BASEFONT,
    SG_TAG_BDI,
    SG_TAG_BDO,
    SG_TAG_BGSOUND,
    SG_TAG_BIG,
    SG_TAG_BLOCKQUOTE,
    SG_TAG_BODY,
    SG_TAG_BR,
    SG_TAG_BUTTON,
    SG_TAG_CANVAS,
    SG_TAG_CAPTION,
    SG_TAG_CENTER,
    SG_TAG_CITE,
    SG_TAG_CODE,
    SG_TAG_COL,
    SG_TAG_COLGROUP,
    SG_TAG_DATA,
    SG_TAG_DATALIST,
    SG_TAG_DD,
    SG_TAG_DEL,
    SG_TAG_DETAILS,
    SG_TAG_DFN,
    SG_TAG_DIALOG,
    SG_TAG_DIR,
    SG_TAG_DIV,
    SG_TAG_DL,
    SG_TAG_DT,
    SG_TAG_EM,
    SG_TAG_EMBED,
    SG_TAG_FIELDSET,
    SG_TAG_FIGCAPTION,
    SG_TAG_FIGURE,
    SG_TAG_FONT,
    SG_TAG_FOOTER,
    SG_TAG_FORM,
    SG_TAG_FRAME,
    SG_TAG_FRAMESET,
    SG_TAG_H1,
    SG_TAG_H2,
    SG_TAG_H3,
    SG_TAG_H4,
    SG_TAG_H5,
    SG_TAG_H6,
    SG_TAG_HEAD,
    SG_TAG_HEADER,
    SG_TAG_HGROUP,
    SG_TAG_HR,
    SG_TAG_HTML,
    SG_TAG_I,
    SG_TAG_IFRAME,
    SG_TAG_IMAGE,
    SG_TAG_IMG,
    SG_TAG_INPUT,
    SG_TAG_INS,
    SG_TAG_KBD,
    SG_TAG_KEYGEN,
    SG_TAG_LABEL,
    SG_TAG_LEGEND,
    SG_TAG_LI,
    SG_TAG_LINK,
    SG_TAG_LISTING,
    SG_TAG_MAIN,
    SG_TAG_MAP,
    SG_TAG_MARK,
    SG_TAG_MARQUEE,
    SG_TAG_MATH,
    SG_TAG_MENU,
    SG_TAG_META,
    SG_TAG_METER,
    SG_TAG_NAV,
    SG_TAG_NOBR,
    SG_TAG_NOEMBED,
    SG_TAG_NOFRAMES,
    SG_TAG_NOSCRIPT,
    SG_TAG_OBJECT,
    SG_TAG_OL,
    SG_TAG_OPTGROUP,
    SG_TAG_OPTION,
    SG_TAG_OUTPUT,
    SG_TAG_P,
    SG_TAG_PARAM,
    SG_TAG_PICTURE,
    SG_TAG_PLAINTEXT,
    SG_TAG_PRE,
    SG_TAG_PROGRESS,
    SG_TAG_Q,
    SG_TAG_RB,
    SG_TAG_RP,
    SG_TAG_RT,
    SG_TAG_RTC,
    SG_TAG_RUBY,
    SG_TAG_S,
    SG_TAG_SAMP,
    SG_TAG_SCRIPT,
    SG_TAG_SEARCH,
    SG_TAG_SECTION,
    SG_TAG_SELECT,
    SG_TAG_SLOT,
    SG_TAG_SMALL,
    SG_TAG_SOURCE,
    SG_TAG_SPAN,
    SG_TAG_STRIKE,
    SG_TAG_STRONG,
    SG_TAG_STYLE,
    SG_TAG_SUB,
    SG_TAG_SUMMARY,
    SG_TAG_SUP,
    SG_TAG_SVG,
    SG_TAG_TABLE,
    SG_TAG_TBODY,
    SG_TAG_TD,
    SG_TAG_TEMPLATE,
    SG_TAG_TEXTAREA,
    SG_TAG_TFOOT,
    SG_TAG_TH,
    SG_TAG_THEAD,
    SG_TAG_TIME,
    SG_TAG_TITLE,
    SG_TAG_TR,
    SG_TAG_TRACK,
    SG_TAG_TT,
    SG_TAG_U,
    SG_TAG_UL,
    SG_TAG_VAR,
    SG_TAG_VIDEO,
    SG_TAG_WBR,
    SG_TAG_XMP,
    SG_TAG__COUNT
};

extern const sg_html_tag_info sg_html_tags[SG_TAG__COUNT];

/* The tag's entry in sg_html_tags, or NULL for a tag the reader does not
 * know (or a name cut to fit or holding a NUL). */
const sg_html_tag_info *sg_html_tag_find(const sg_html_token *tok);

typedef struct sg_html_class {
    sg_why why;  /* the first chrome word found */
    int root;    /* names an article body */
    int spoiler; /* marks a spoiler */
} sg_html_class;

/* Look at one class token or id (n bytes at t) and add what its words say
 * to *c: camelCase and '-', '_' split it into words. */
void sg_html_class_token(const char *t, size_t n, sg_html_class *c);
/* Is the first white-space separated word of v (n bytes) `w` (lower-case)? */
int sg_html_word_at(const char *v, size_t n, const char *w);
/* The why a role attribute's value (n bytes at v) names; sets *root when
 * it names the main content. */
sg_why sg_html_role(const char *v, size_t n, int *root);

#endif
