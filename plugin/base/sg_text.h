/*
 * sg_text.h -- ASCII character classes and case, the same in every locale
 * and without a call per byte.  Header-only (static inline), like
 * sg_utf8.h.  Bytes of 0x80 and above are never letters, digits or spaces
 * here: what UTF-8 holds beyond ASCII is decoded with sg_utf8_decode.
 */
#ifndef SG_TEXT_H
#define SG_TEXT_H

#include <stddef.h>

static inline int sg_is_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}

static inline int sg_is_lower(unsigned char c)
{
    return (unsigned)(c - 'a') < 26u;
}

static inline int sg_is_alpha(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static inline int sg_is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

static inline int sg_is_alnum(unsigned char c)
{
    return sg_is_alpha(c) || sg_is_digit(c);
}

static inline int sg_is_xdigit(unsigned char c)
{
    return sg_is_digit(c) || (unsigned)((c | 0x20) - 'a') < 6u;
}

/* isspace() in the C locale: space, \t, \n, \v, \f, \r. */
static inline int sg_is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* White space within a line: sg_is_space but \n. */
static inline int sg_is_hspace(unsigned char c)
{
    return c != '\n' && sg_is_space(c);
}

/* ASCII white space as HTML has it: space, \t, \n, \f, \r (no \v). */
static inline int sg_is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* What sg_skip_spaces passes besides white space within a line and NBSP:
 * line breaks ('\n'); thin (U+2009), hair (U+200A) and narrow no-break
 * (U+202F) spaces. */
#define SG_SP_NEWLINE 1
#define SG_SP_THIN 2

/* The first byte at or after t[i] (of n) that starts no space: ASCII white
 * space within a line (sg_is_hspace), NBSP, and what `flags` adds. */
static inline size_t sg_skip_spaces(const unsigned char *t, size_t n, size_t i,
                                    unsigned flags)
{
    for (;;) {
        if (i < n && (sg_is_hspace(t[i]) || (t[i] == '\n' && (flags & SG_SP_NEWLINE))))
            i++;
        else if (i + 1 < n && t[i] == 0xC2 && t[i + 1] == 0xA0)
            i += 2;
        else if ((flags & SG_SP_THIN) && i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x80 &&
                 (t[i + 2] == 0x89 || t[i + 2] == 0xAF || t[i + 2] == 0x8A))
            i += 3;
        else
            return i;
    }
}

static inline unsigned char sg_to_lower(unsigned char c)
{
    return sg_is_upper(c) ? (unsigned char)(c + 32) : c;
}

static inline unsigned char sg_to_upper(unsigned char c)
{
    return sg_is_lower(c) ? (unsigned char)(c - 32) : c;
}

/* Do the n bytes at s equal the lower-case ASCII word w, ignoring case? */
static inline int sg_ieq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (sg_to_lower((unsigned char)s[i]) != (unsigned char)w[i])
            return 0;
    return i == n && w[i] == '\0';
}

#endif
