/*
 * sg_lua_errors.c -- how the Lua side reports a failure (sg_lua.h): to Lua,
 * as an error raised with the message as it is, and to the core, in the
 * sg_error it hands a hook or a host.
 */
#include "sg_lua.h"

#include <stdarg.h>
#include <stdio.h>

/* Raise the message as it is (no position added). */
int sg_lua_raise(lua_State *L, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lua_pushstring(L, msg);
    return lua_error(L);
}

/* Fill `err` (when not NULL) with status `st` and the formatted message. */
void sg_lua_seterr(sg_error *err, sg_status st, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return;
    err->status = st;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}
