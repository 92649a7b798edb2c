/*
 * sg_lua.c -- the binding module spoilerguard.core, and the rule and hook
 * machinery it shares with the command line (sg_lua.h).
 *
 * One source for Lua 5.4, Lua 5.3 and LuaJIT 2.1 (sg_luacompat.h).  Only the
 * public API (spoilerguard.h) is used, so the module builds against an
 * installed header.  An engine is a userdata holding the C engine and its
 * options; its Lua rules and hooks hang off it as its user value, so engines
 * never share state and nothing lives in globals.
 */
#include "sg_lua.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SG_LUA_ENGINE_MT "spoilerguard.engine"
#define SG_LUA_BOX_MT "spoilerguard.box"

/* The confidence of a Lua rule or sentence hook flag that names none. */
#define SG_LUA_DEFAULT_CONFIDENCE 0.7

static const char *const sg_lua_hook_names[] = {
    "document", "sentence", "flag", "rating", "warning", "badge", "publish", NULL};

static const char *const sg_lua_meta_fields[] = {"title", "work",    "year", "author",
                                                 "date",  "excerpt", NULL};

/* ---- small utilities ------------------------------------------------------ */

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

/* "file:line" of the nearest Lua code at `level` calls up or above (so a
 * call through pcall still names the Lua line), or "?" when there is none. */
static void sg_lua_where(lua_State *L, int level, char *buf, size_t n)
{
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(buf, n, "%s:%d", ar.short_src, ar.currentline);
            return;
        }
    }
    snprintf(buf, n, "?");
}

/* "file:line" where the function at `idx` was defined. */
static void sg_lua_fn_source(lua_State *L, int idx, char *buf, size_t n)
{
    lua_Debug ar;
    lua_pushvalue(L, idx);
    if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
        snprintf(buf, n, "%s:%d", ar.short_src, ar.linedefined);
    else
        snprintf(buf, n, "%s", ar.short_src[0] ? ar.short_src : "?");
}

static const char *sg_lua_severity_name(int sev)
{
    return sev == SG_MAJOR ? "major" : "minor";
}

/* -1 when the value at `idx` names no severity. */
static int sg_lua_severity_at(lua_State *L, int idx)
{
    const char *s;
    if (lua_type(L, idx) != LUA_TSTRING)
        return -1;
    s = lua_tostring(L, idx);
    if (strcmp(s, "major") == 0)
        return SG_MAJOR;
    if (strcmp(s, "minor") == 0)
        return SG_MINOR;
    return -1;
}

static void sg_lua_setfield_str(lua_State *L, int t, const char *k, const char *v)
{
    if (!v)
        return;
    lua_pushstring(L, v);
    lua_setfield(L, t, k);
}

static void sg_lua_setfield_num(lua_State *L, int t, const char *k, double v)
{
    if (isnan(v))
        return;
    lua_pushnumber(L, v);
    lua_setfield(L, t, k);
}

static void sg_lua_setfield_count(lua_State *L, int t, const char *k, size_t v)
{
    sg_lua_pushcount(L, v);
    lua_setfield(L, t, k);
}

/* A short English name of the value at `idx` for messages. */
static const char *sg_lua_typename(lua_State *L, int idx)
{
    return lua_typename(L, lua_type(L, idx));
}

/* Pop the error on top and raise it again as it is (no position added). */
static int sg_lua_raise(lua_State *L, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int sg_lua_raise(lua_State *L, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lua_pushstring(L, msg);
    return lua_error(L);
}

/* Set the environment of the Lua function at `fn` to the table on top (popped). */
static void sg_lua_setchunkenv(lua_State *L, int fn)
{
#if LUA_VERSION_NUM == 501
    lua_setfenv(L, fn);
#else
    /* a main chunk's first upvalue is _ENV */
    if (!lua_setupvalue(L, fn, 1))
        lua_pop(L, 1);
#endif
}

static void sg_lua_pushglobals(lua_State *L)
{
#if LUA_VERSION_NUM == 501
    lua_pushvalue(L, LUA_GLOBALSINDEX);
#else
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
#endif
}

/* ---- boxes: C memory owned by a userdata, freed even when Lua raises ------ */

enum { SG_BOX_ANALYSIS = 1, SG_BOX_BUFFER = 2 };

typedef struct sg_lua_box {
    void *p;
    int kind;
} sg_lua_box;

static void sg_lua_box_release(sg_lua_box *b)
{
    if (!b->p)
        return;
    if (b->kind == SG_BOX_ANALYSIS)
        sg_analysis_free((sg_analysis *)b->p);
    else
        sg_free(b->p);
    b->p = NULL;
}

static int sg_lua_box_gc(lua_State *L)
{
    sg_lua_box *b = (sg_lua_box *)luaL_checkudata(L, 1, SG_LUA_BOX_MT);
    sg_lua_box_release(b);
    return 0;
}

static sg_lua_box *sg_lua_box_push(lua_State *L, int kind)
{
    sg_lua_box *b = (sg_lua_box *)lua_newuserdata(L, sizeof *b);
    b->p = NULL;
    b->kind = kind;
    if (luaL_newmetatable(L, SG_LUA_BOX_MT)) {
        lua_pushcfunction(L, sg_lua_box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return b;
}

/* ---- the report as Lua tables ---------------------------------------------- */

/* Objects and lists nest this deep in a walk (the report, a flag, its
 * evidence). */
#define SG_LUA_WALK_DEPTH 8

/* Builds Lua tables from a walk (sg_report_walk): objects and lists become
 * tables, null sets nothing, numbers keep every digit. */
typedef struct sg_lua_walk {
    lua_State *L;
    int depth;
    int next[SG_LUA_WALK_DEPTH]; /* the last index used in the list at each depth */
} sg_lua_walk;

/* Store the value on top in the table below it, by name or as the list's
 * next element; the walk's outermost table stays on the stack. */
static void sg_lua_walk_store(sg_lua_walk *w, const char *key)
{
    if (w->depth == 0)
        return;
    if (key)
        lua_setfield(w->L, -2, key);
    else
        lua_rawseti(w->L, -2, ++w->next[w->depth - 1]);
}

static int sg_lua_walk_enter(const sg_report_value *x, void *ud)
{
    sg_lua_walk *w = (sg_lua_walk *)ud;
    (void)x;
    if (w->depth >= SG_LUA_WALK_DEPTH)
        return -1;
    luaL_checkstack(w->L, 2, "spoilerguard report");
    lua_newtable(w->L);
    w->next[w->depth++] = 0;
    return 0;
}

static int sg_lua_walk_leave(const sg_report_value *x, void *ud)
{
    sg_lua_walk *w = (sg_lua_walk *)ud;
    w->depth--;
    sg_lua_walk_store(w, x->key);
    return 0;
}

static int sg_lua_walk_value(const sg_report_value *x, void *ud)
{
    sg_lua_walk *w = (sg_lua_walk *)ud;
    switch (x->type) {
    case SG_REPORT_STRING:
        lua_pushlstring(w->L, x->string, x->len);
        break;
    case SG_REPORT_OFFSET:
        sg_lua_pushcount(w->L, x->offset);
        break;
    case SG_REPORT_NUMBER:
#if LUA_VERSION_NUM >= 503
        /* a whole number is an integer, as Lua reads one written without a
         * fraction */
        if (x->number == floor(x->number) && fabs(x->number) < 1e15) {
            lua_pushinteger(w->L, (lua_Integer)x->number);
            break;
        }
#endif
        lua_pushnumber(w->L, x->number);
        break;
    case SG_REPORT_SCORE:
        lua_pushnumber(w->L, x->number);
        break;
    case SG_REPORT_BOOL:
        lua_pushboolean(w->L, x->boolean);
        break;
    default:
        /* null sets nothing; in a list it leaves a hole */
        if (!x->key && w->depth > 0)
            w->next[w->depth - 1]++;
        return 0;
    }
    sg_lua_walk_store(w, x->key);
    return 0;
}

static const sg_report_visitor sg_lua_walker = {sg_lua_walk_enter, sg_lua_walk_leave,
                                                sg_lua_walk_value};

/* Raise unless the walk that built the table on top went to its end. */
static void sg_lua_walk_done(lua_State *L, int rc)
{
    if (rc != 0)
        luaL_error(L, "spoilerguard: out of memory building the report");
}

void sg_lua_push_report(lua_State *L, const sg_analysis *a)
{
    sg_lua_walk w = {L, 0, {0}};
    sg_lua_walk_done(L, sg_report_walk(a, &sg_lua_walker, &w));
}

/* ---- the hook table -------------------------------------------------------- */

void sg_lua_hooks_new(lua_State *L)
{
    int t;
    const char *const *name;
    lua_newtable(L);
    t = lua_gettop(L);
    lua_newtable(L);
    for (name = sg_lua_hook_names; *name; name++) {
        lua_newtable(L);
        lua_setfield(L, -2, *name);
    }
    lua_setfield(L, t, "hooks");
    lua_newtable(L);
    lua_setfield(L, t, "rules");
    lua_newtable(L);
    lua_setfield(L, t, "ids");
}

/* Push hooks.hooks[name] (a list, possibly empty). */
static void sg_lua_hook_list(lua_State *L, int hooks, const char *name)
{
    lua_getfield(L, hooks, "hooks");
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
}

int sg_lua_hooks_has(lua_State *L, int hooks, const char *name)
{
    size_t n;
    hooks = sg_lua_absindex(L, hooks);
    sg_lua_hook_list(L, hooks, name);
    n = sg_lua_rawlen(L, -1);
    lua_pop(L, 1);
    return n > 0;
}

int sg_lua_hooks_active(lua_State *L, int hooks)
{
    const char *const *name;
    size_t n;
    hooks = sg_lua_absindex(L, hooks);
    lua_getfield(L, hooks, "rules");
    n = lua_istable(L, -1) ? sg_lua_rawlen(L, -1) : 0;
    lua_pop(L, 1);
    if (n)
        return 1;
    for (name = sg_lua_hook_names; *name; name++)
        if (sg_lua_hooks_has(L, hooks, *name))
            return 1;
    return 0;
}

void sg_lua_add_hook(lua_State *L, int hooks, const char *name, int fn)
{
    const char *const *k;
    char src[256];
    hooks = sg_lua_absindex(L, hooks);
    fn = sg_lua_absindex(L, fn);
    for (k = sg_lua_hook_names; *k; k++)
        if (strcmp(*k, name) == 0)
            break;
    if (!*k)
        luaL_error(L,
                   "unknown hook '%s' (expected document, sentence, flag, "
                   "rating, warning, badge or publish)",
                   name);
    if (lua_type(L, fn) != LUA_TFUNCTION)
        luaL_error(L, "hook '%s' must be a function, got %s", name,
                   sg_lua_typename(L, fn));
    sg_lua_fn_source(L, fn, src, sizeof src);
    sg_lua_hook_list(L, hooks, name);
    lua_newtable(L);
    lua_pushvalue(L, fn);
    lua_setfield(L, -2, "fn");
    lua_pushstring(L, src);
    lua_setfield(L, -2, "source");
    lua_rawseti(L, -2, (int)sg_lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
}

/* ---- rule tables ----------------------------------------------------------- */

static const char *const sg_lua_rule_fields[] = {
    "id",       "kind",      "severity",       "confidence", "pattern",
    "patterns", "requires",  "unless",         "lower_if",   "major_if",
    "minor_if", "character", "case_sensitive", "match",      "description",
    NULL};

/* A NULL-terminated array of the strings in field `key` of the rule at
 * `rule` (a string or a list of strings), in memory owned by a userdata
 * left on the stack; NULL when the field is absent. */
static const char *const *sg_lua_rule_strings(lua_State *L, int rule, const char *key,
                                              const char *id, const char *source)
{
    const char **arr;
    int t, k, n;
    lua_getfield(L, rule, key);
    t = lua_gettop(L);
    if (lua_isnil(L, t)) {
        lua_pop(L, 1);
        lua_pushnil(L); /* keep the stack shape: one slot per field */
        return NULL;
    }
    if (lua_type(L, t) == LUA_TSTRING) {
        arr = (const char **)lua_newuserdata(L, 2 * sizeof *arr);
        arr[0] = lua_tostring(L, t);
        arr[1] = NULL;
        lua_replace(L, t);
        /* the string stays referenced by the rule table */
        return arr;
    }
    if (!lua_istable(L, t))
        sg_lua_raise(L,
                     "rule '%s' (%s): %s must be a string or a list of "
                     "strings, got %s",
                     id, source, key, sg_lua_typename(L, t));
    n = (int)sg_lua_rawlen(L, t);
    arr = (const char **)lua_newuserdata(L, (size_t)(n + 1) * sizeof *arr);
    for (k = 1; k <= n; k++) {
        if (sg_lua_rawgeti(L, t, k) != LUA_TSTRING)
            sg_lua_raise(L, "rule '%s' (%s): %s[%d] must be a string, got %s", id, source,
                         key, k, sg_lua_typename(L, -1));
        /* anchored by the list, which the rule table holds */
        arr[k - 1] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    arr[n] = NULL;
    lua_replace(L, t);
    return arr;
}

void sg_lua_add_rule(lua_State *L, int hooks, int rule, sg_engine *engine,
                     const char *source)
{
    sg_rule_def def;
    const char *const *pattern, *const *patterns;
    const char *id, *kind;
    int severity = SG_MINOR, has_match, top;
    double confidence = 0;
    char src[512];
    sg_error err;

    hooks = sg_lua_absindex(L, hooks);
    rule = sg_lua_absindex(L, rule);
    top = lua_gettop(L);
    snprintf(src, sizeof src, "%s", source ? source : "?");
    if (!lua_istable(L, rule))
        sg_lua_raise(L, "%s: a rule must be a table, got %s", src,
                     sg_lua_typename(L, rule));
    if (sg_lua_getfield(L, rule, "id") != LUA_TSTRING || !lua_tostring(L, -1)[0])
        sg_lua_raise(L, "%s: a rule needs an id (a non-empty string)", src);
    id = lua_tostring(L, -1);
    lua_pop(L, 1); /* the rule table anchors it */

    /* unknown fields are almost always typos ("paterns") */
    lua_pushnil(L);
    while (lua_next(L, rule)) {
        const char *const *f;
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            sg_lua_raise(L, "rule '%s' (%s): field names must be strings", id, src);
        for (f = sg_lua_rule_fields; *f; f++)
            if (strcmp(*f, lua_tostring(L, -1)) == 0)
                break;
        if (!*f)
            sg_lua_raise(L, "rule '%s' (%s): unknown field '%s'", id, src,
                         lua_tostring(L, -1));
    }

    lua_getfield(L, hooks, "ids");
    if (sg_lua_getfield(L, -1, id) == LUA_TSTRING)
        sg_lua_raise(L, "rule '%s' (%s): id already used by the rule at %s", id, src,
                     lua_tostring(L, -1));
    lua_pop(L, 2);

    if (sg_lua_getfield(L, rule, "kind") != LUA_TSTRING || !lua_tostring(L, -1)[0])
        sg_lua_raise(L,
                     "rule '%s' (%s): kind must be a non-empty string "
                     "(death, ending, twist, identity, plot or your own)",
                     id, src);
    kind = lua_tostring(L, -1);
    lua_pop(L, 1);

    lua_getfield(L, rule, "severity");
    if (!lua_isnil(L, -1)) {
        severity = sg_lua_severity_at(L, -1);
        if (severity < 0)
            sg_lua_raise(L,
                         "rule '%s' (%s): severity must be \"minor\" or "
                         "\"major\"",
                         id, src);
    } else {
        severity = SG_MINOR;
    }
    lua_pop(L, 1);

    lua_getfield(L, rule, "confidence");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            sg_lua_raise(L, "rule '%s' (%s): confidence must be a number", id, src);
        confidence = lua_tonumber(L, -1);
        if (!(confidence >= 0 && confidence <= 1))
            sg_lua_raise(L, "rule '%s' (%s): confidence must be in [0, 1]", id, src);
    }
    lua_pop(L, 1);

    memset(&def, 0, sizeof def);
    def.id = id;
    def.kind = kind;
    def.severity = (sg_severity)severity;
    def.confidence = confidence;
    def.source = src;

    lua_getfield(L, rule, "character");
    switch (lua_type(L, -1)) {
    case LUA_TNIL:
        break;
    case LUA_TBOOLEAN:
        def.character = lua_toboolean(L, -1) ? 1 : 0;
        break;
    case LUA_TNUMBER:
        def.character = (int)lua_tonumber(L, -1);
        break;
    case LUA_TSTRING: {
        /* the rule packs' words (ignore, boost, major) and their older
         * synonyms (near, required) */
        const char *c = lua_tostring(L, -1);
        if (strcmp(c, "ignore") == 0)
            def.character = 0;
        else if (strcmp(c, "near") == 0 || strcmp(c, "boost") == 0)
            def.character = 1;
        else if (strcmp(c, "required") == 0 || strcmp(c, "major") == 0)
            def.character = 2;
        else
            def.character = -1;
        break;
    }
    default:
        def.character = -1;
        break;
    }
    if (def.character < 0 || def.character > 2)
        sg_lua_raise(L,
                     "rule '%s' (%s): character must be \"ignore\", \"boost\" or "
                     "\"major\" (or true, false, \"near\", \"required\")",
                     id, src);
    lua_pop(L, 1);
    lua_getfield(L, rule, "case_sensitive");
    def.case_sensitive = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, rule, "description");
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        sg_lua_raise(L, "rule '%s' (%s): description must be a string", id, src);
    lua_pop(L, 1);

    lua_getfield(L, rule, "match");
    has_match = !lua_isnil(L, -1);
    if (has_match && lua_type(L, -1) != LUA_TFUNCTION)
        sg_lua_raise(L, "rule '%s' (%s): match must be a function, got %s", id, src,
                     sg_lua_typename(L, -1));
    lua_pop(L, 1);

    pattern = sg_lua_rule_strings(L, rule, "pattern", id, src);
    patterns = sg_lua_rule_strings(L, rule, "patterns", id, src);
    def.requires = sg_lua_rule_strings(L, rule, "requires", id, src);
    def.unless = sg_lua_rule_strings(L, rule, "unless", id, src);
    def.lower_if = sg_lua_rule_strings(L, rule, "lower_if", id, src);
    def.major_if = sg_lua_rule_strings(L, rule, "major_if", id, src);
    def.minor_if = sg_lua_rule_strings(L, rule, "minor_if", id, src);

    if (has_match) {
        if (pattern || patterns)
            sg_lua_raise(L,
                         "rule '%s' (%s): give either pattern(s) or match, "
                         "not both",
                         id, src);
        if (def.requires || def.unless || def.lower_if || def.major_if || def.minor_if ||
            def.character)
            sg_lua_raise(L,
                         "rule '%s' (%s): requires, unless, lower_if, "
                         "major_if, minor_if and character apply to "
                         "patterns; a match function decides alone",
                         id, src);
        lua_getfield(L, hooks, "rules");
        lua_newtable(L);
        lua_pushstring(L, id);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, kind);
        lua_setfield(L, -2, "kind");
        lua_pushinteger(L, severity);
        lua_setfield(L, -2, "severity");
        lua_pushnumber(L, confidence > 0 ? confidence : SG_LUA_DEFAULT_CONFIDENCE);
        lua_setfield(L, -2, "confidence");
        lua_getfield(L, rule, "match");
        lua_setfield(L, -2, "match");
        lua_pushstring(L, src);
        lua_setfield(L, -2, "source");
        lua_rawseti(L, -2, (int)sg_lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    } else {
        const char **all;
        size_t n1 = 0, n2 = 0, k;
        while (pattern && pattern[n1])
            n1++;
        while (patterns && patterns[n2])
            n2++;
        if (n1 + n2 == 0)
            sg_lua_raise(L,
                         "rule '%s' (%s) needs a pattern, patterns or a "
                         "match function",
                         id, src);
        all = (const char **)lua_newuserdata(L, (n1 + n2 + 1) * sizeof *all);
        for (k = 0; k < n1; k++)
            all[k] = pattern[k];
        for (k = 0; k < n2; k++)
            all[n1 + k] = patterns[k];
        all[n1 + n2] = NULL;
        def.patterns = all;
        if (!engine)
            sg_lua_raise(L, "rule '%s' (%s): no engine to add it to", id, src);
        memset(&err, 0, sizeof err);
        if (sg_engine_add_rule(engine, &def, &err) != SG_OK) {
            if (strstr(err.message, id))
                sg_lua_raise(L, "%s", err.message);
            sg_lua_raise(L, "rule '%s' (%s): %s", id, src, err.message);
        }
    }

    lua_getfield(L, hooks, "ids");
    lua_pushstring(L, src);
    lua_setfield(L, -2, id);
    lua_settop(L, top);
}

/* ---- rule files ------------------------------------------------------------- */

/* The line in `text` where the string literal `id` first appears, or 0. */
static int sg_lua_id_line(const char *text, size_t len, const char *id)
{
    size_t idn = strlen(id), i, line = 1;
    if (!idn)
        return 0;
    for (i = 0; i + idn + 2 <= len; i++) {
        char q = text[i];
        if (text[i] == '\n')
            line++;
        if ((q == '"' || q == '\'') && memcmp(text + i + 1, id, idn) == 0 &&
            text[i + 1 + idn] == q)
            return (int)line;
        if (q == '[' && i + idn + 4 <= len && text[i + 1] == '[' &&
            memcmp(text + i + 2, id, idn) == 0 && text[i + 2 + idn] == ']')
            return (int)line;
    }
    return 0;
}

/* on(name, fn) in a rule file; the hook table is upvalue 1. */
static int sg_lua_file_on(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    sg_lua_add_hook(L, lua_upvalueindex(1), name, 2);
    return 0;
}

/* characters{"Name", ...} in a rule file: names of the work's characters for
 * the engine.  Upvalue 1 holds the engine while the file loads, NULL after. */
static int sg_lua_file_characters(lua_State *L)
{
    sg_engine **slot = (sg_engine **)lua_touserdata(L, lua_upvalueindex(1));
    const char **names;
    int k, n;
    sg_error err;
    if (!slot || !*slot)
        return luaL_error(L, "characters() works only while the rule file "
                             "loads");
    luaL_checktype(L, 1, LUA_TTABLE);
    n = (int)sg_lua_rawlen(L, 1);
    names = (const char **)lua_newuserdata(L, (size_t)(n + 1) * sizeof *names);
    for (k = 1; k <= n; k++) {
        if (sg_lua_rawgeti(L, 1, k) != LUA_TSTRING)
            return luaL_error(L, "characters[%d] must be a string, got %s", k,
                              sg_lua_typename(L, -1));
        names[k - 1] = lua_tostring(L, -1); /* anchored by the list */
        lua_pop(L, 1);
    }
    names[n] = NULL;
    memset(&err, 0, sizeof err);
    if (sg_engine_add_characters(*slot, names, &err) != SG_OK)
        return luaL_error(L, "characters: %s", err.message);
    return 0;
}

/* Read the file at `path` and push its contents. */
static void sg_lua_read_file(lua_State *L, const char *path)
{
    luaL_Buffer b;
    FILE *f = fopen(path, "rb");
    size_t got;
    if (!f)
        sg_lua_raise(L, "cannot open rule file %s: %s", path, strerror(errno));
    luaL_buffinit(L, &b);
    do {
        char *p = luaL_prepbuffer(&b);
        got = fread(p, 1, LUAL_BUFFERSIZE, f);
        luaL_addsize(&b, got);
    } while (got == LUAL_BUFFERSIZE);
    if (ferror(f)) {
        fclose(f);
        sg_lua_raise(L, "cannot read rule file %s", path);
    }
    fclose(f);
    luaL_pushresult(&b);
}

void sg_lua_load_rules(lua_State *L, int hooks, sg_engine *engine, const char *path,
                       int env, sg_lua_guard *guard)
{
    const char *text, *code;
    size_t len, codelen;
    char chunkname[1024], src[1024];
    int textidx, fn, st, res, top = lua_gettop(L);
    sg_engine **slot;

    hooks = sg_lua_absindex(L, hooks);
    if (env)
        env = sg_lua_absindex(L, env);
    sg_lua_read_file(L, path);
    textidx = lua_gettop(L);
    text = lua_tolstring(L, textidx, &len);
    code = text;
    codelen = len;
    if (codelen > 0 && code[0] == '#') {
        /* a "#!" line: skip it but keep its newline so lines still count */
        while (codelen > 0 && code[0] != '\n') {
            code++;
            codelen--;
        }
    }
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    if (luaL_loadbufferx(L, code, codelen, chunkname, "t") != 0)
        lua_error(L); /* "path:line: message" already */
    fn = lua_gettop(L);

    /* the file's own globals: on(), then the host's (or the sandbox's) */
    lua_newtable(L);
    lua_pushvalue(L, hooks);
    lua_pushcclosure(L, sg_lua_file_on, 1);
    lua_setfield(L, -2, "on");
    slot = (sg_engine **)lua_newuserdata(L, sizeof *slot);
    *slot = engine;
    lua_pushcclosure(L, sg_lua_file_characters, 1);
    lua_setfield(L, -2, "characters");
    lua_newtable(L);
    if (env)
        lua_pushvalue(L, env);
    else
        sg_lua_pushglobals(L);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    sg_lua_setchunkenv(L, fn);

    if (guard) {
        guard->tripped = 0;
        if (guard->enter)
            guard->enter(guard, L, "file", path, path);
    }
    st = lua_pcall(L, 0, 1, 0);
    if (guard && guard->leave)
        guard->leave(guard, L);
    *slot = NULL;
    if (st != 0) {
        if (guard && guard->tripped)
            sg_lua_raise(L, "%s", guard->message);
        if (lua_type(L, -1) != LUA_TSTRING)
            sg_lua_raise(L, "%s: rule file raised a %s value", path,
                         sg_lua_typename(L, -1));
        lua_error(L);
    }
    res = lua_gettop(L);
    if (lua_isnil(L, res)) {
        lua_settop(L, top);
        return;
    }
    if (!lua_istable(L, res))
        sg_lua_raise(L, "%s: a rule file must return a list of rules, got %s", path,
                     sg_lua_typename(L, res));
    if (sg_lua_getfield(L, res, "id") == LUA_TSTRING) {
        /* a single rule */
        int line = sg_lua_id_line(text, len, lua_tostring(L, -1));
        lua_pop(L, 1);
        if (line)
            snprintf(src, sizeof src, "%s:%d", path, line);
        else
            snprintf(src, sizeof src, "%s", path);
        sg_lua_add_rule(L, hooks, res, engine, src);
    } else {
        int k, n = (int)sg_lua_rawlen(L, res);
        lua_pop(L, 1);
        for (k = 1; k <= n; k++) {
            int line = 0;
            lua_rawgeti(L, res, k);
            if (lua_istable(L, -1) && sg_lua_getfield(L, -1, "id") == LUA_TSTRING)
                line = sg_lua_id_line(text, len, lua_tostring(L, -1));
            lua_pop(L, 1);
            if (line)
                snprintf(src, sizeof src, "%s:%d", path, line);
            else
                snprintf(src, sizeof src, "%s (rule %d)", path, k);
            sg_lua_add_rule(L, hooks, -1, engine, src);
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
}

/* ---- running hooks on an analysis ------------------------------------------- */

typedef struct sg_lua_run {
    lua_State *L;
    int hooks, text, doc;
    const char *src;
    size_t len;
    sg_analysis *a;
    sg_lua_guard *guard;
    sg_error *err;
} sg_lua_run;

/* Call the function below `nargs` arguments.  On failure fill r->err and
 * return -1 with nothing left on the stack of the call. */
static int sg_lua_run_call(sg_lua_run *r, int nargs, int nres, int is_rule,
                           const char *name, const char *source)
{
    lua_State *L = r->L;
    int st;
    if (r->guard) {
        r->guard->tripped = 0;
        if (r->guard->enter)
            r->guard->enter(r->guard, L, is_rule ? "rule" : "hook", name, source);
    }
    st = lua_pcall(L, nargs, nres, 0);
    if (r->guard && r->guard->leave)
        r->guard->leave(r->guard, L);
    if (st == 0)
        return 0;
    {
        const char *msg = lua_tostring(L, -1);
        if (!msg)
            msg = "(error object is not a string)";
        if (r->guard && r->guard->tripped)
            sg_lua_seterr(r->err, SG_ERR_HOOK, "%s", r->guard->message);
        else if (is_rule)
            sg_lua_seterr(r->err, SG_ERR_HOOK, "rule '%s' (%s) failed: %s", name, source,
                          msg);
        else
            sg_lua_seterr(r->err, SG_ERR_HOOK, "hook '%s' failed: %s", name, msg);
    }
    lua_pop(L, 1);
    return -1;
}

/* A hook or rule returned a value of the wrong type. */
static int sg_lua_run_bad_return(sg_lua_run *r, int is_rule, const char *name,
                                 const char *source, int idx, const char *expected)
{
    if (is_rule)
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "rule '%s' (%s) failed: returned a %s (expected %s)", name, source,
                      sg_lua_typename(r->L, idx), expected);
    else
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "hook '%s' failed: %s: returned a %s (expected %s)", name, source,
                      sg_lua_typename(r->L, idx), expected);
    return -1;
}

static void sg_lua_push_meta(sg_lua_run *r)
{
    lua_State *L = r->L;
    const char *const *f;
    const char *const *genres;
    size_t n = 0, k;
    int t;
    lua_newtable(L);
    t = lua_gettop(L);
    for (f = sg_lua_meta_fields; *f; f++)
        sg_lua_setfield_str(L, t, *f, sg_analysis_meta(r->a, *f));
    genres = sg_analysis_genres(r->a, &n);
    lua_newtable(L);
    for (k = 0; k < n && genres; k++) {
        lua_pushstring(L, genres[k]);
        lua_rawseti(L, -2, (int)k + 1);
    }
    lua_setfield(L, t, "genres");
}

/* Apply meta.genres of the meta table at `meta` when a hook changed it: a
 * list of strings, one comma-separated string, or nil (or false) for none.
 * sg_analysis_set_meta splits the joined list at commas. */
static int sg_lua_apply_genres(sg_lua_run *r, int meta)
{
    lua_State *L = r->L;
    int top = lua_gettop(L), ty, was;
    size_t i, n = 0;
    const char *const *cur = sg_analysis_genres(r->a, &n);
    const char *now = NULL;
    luaL_Buffer b;

    luaL_buffinit(L, &b);
    for (i = 0; i < n; i++) {
        if (i)
            luaL_addchar(&b, ',');
        luaL_addstring(&b, cur[i]);
    }
    luaL_pushresult(&b);
    was = lua_gettop(L);
    ty = sg_lua_getfield(L, meta, "genres");
    if (ty == LUA_TTABLE) {
        int list = lua_gettop(L);
        size_t len = sg_lua_rawlen(L, list);
        luaL_buffinit(L, &b);
        for (i = 1; i <= len; i++) {
            if (i > 1)
                luaL_addchar(&b, ',');
            ty = sg_lua_rawgeti(L, list, (int)i);
            if (ty != LUA_TSTRING && ty != LUA_TNUMBER) {
                sg_lua_seterr(r->err, SG_ERR_HOOK,
                              "hook 'document' failed: meta.genres[%lu] must be a "
                              "string, got %s",
                              (unsigned long)i, sg_lua_typename(L, -1));
                lua_settop(L, top);
                return -1;
            }
            luaL_addvalue(&b);
        }
        luaL_pushresult(&b);
        now = lua_tostring(L, -1);
    } else if (ty == LUA_TSTRING || ty == LUA_TNUMBER) {
        now = lua_tostring(L, -1);
    } else if (ty != LUA_TNIL && !(ty == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "hook 'document' failed: meta.genres must be a list of strings, "
                      "a string or nil, got %s",
                      sg_lua_typename(L, -1));
        lua_settop(L, top);
        return -1;
    }
    if (now ? strcmp(now, lua_tostring(L, was)) != 0 : n > 0) {
        if (sg_analysis_set_meta(r->a, "genres", now) != SG_OK) {
            sg_lua_seterr(r->err, SG_ERR_MEMORY,
                          "hook 'document': cannot set meta.genres");
            lua_settop(L, top);
            return -1;
        }
    }
    lua_settop(L, top);
    return 0;
}

/* doc = {format, text, meta}; left on the stack, r->doc set. */
static void sg_lua_push_doc(sg_lua_run *r)
{
    lua_State *L = r->L;
    lua_newtable(L);
    r->doc = lua_gettop(L);
    lua_pushstring(L, sg_format_name(sg_analysis_format(r->a)));
    lua_setfield(L, r->doc, "format");
    lua_pushvalue(L, r->text);
    lua_setfield(L, r->doc, "text");
    sg_lua_push_meta(r);
    lua_setfield(L, r->doc, "meta");
}

static int sg_lua_run_document(sg_lua_run *r)
{
    lua_State *L = r->L;
    const char *const *f;
    int list, k, n, top = lua_gettop(L);
    sg_lua_hook_list(L, r->hooks, "document");
    list = lua_gettop(L);
    n = (int)sg_lua_rawlen(L, list);
    if (n == 0) {
        lua_settop(L, top);
        return 0;
    }
    for (k = 1; k <= n; k++) {
        const char *source;
        int res;
        lua_rawgeti(L, list, k);
        lua_getfield(L, -1, "source");
        source = lua_tostring(L, -1);
        lua_getfield(L, -2, "fn");
        lua_pushvalue(L, r->doc);
        if (sg_lua_run_call(r, 1, 1, 0, "document", source) != 0)
            goto fail;
        res = lua_gettop(L);
        if (lua_istable(L, res)) {
            /* a returned table holds metadata fields to set */
            lua_getfield(L, r->doc, "meta");
            lua_pushnil(L);
            while (lua_next(L, res)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_settable(L, -4);
            }
            lua_pop(L, 1);
        } else if (!lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
            sg_lua_run_bad_return(r, 0, "document", source, res,
                                  "nil or a table of metadata");
            goto fail;
        }
        lua_settop(L, list);
    }
    /* apply what the hooks changed in doc.meta */
    lua_getfield(L, r->doc, "meta");
    if (!lua_istable(L, -1)) {
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "hook 'document' failed: doc.meta must stay a table");
        goto fail;
    }
    for (f = sg_lua_meta_fields; *f; f++) {
        const char *cur = sg_analysis_meta(r->a, *f), *now = NULL;
        int ty = sg_lua_getfield(L, -1, *f);
        if (ty == LUA_TSTRING || ty == LUA_TNUMBER) {
            now = lua_tostring(L, -1);
        } else if (ty != LUA_TNIL && !(ty == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
            sg_lua_seterr(r->err, SG_ERR_HOOK,
                          "hook 'document' failed: meta.%s must be a string "
                          "or nil, got %s",
                          *f, sg_lua_typename(L, -1));
            goto fail;
        }
        if ((now == NULL) != (cur == NULL) || (now && strcmp(now, cur) != 0)) {
            if (sg_analysis_set_meta(r->a, *f, now) != SG_OK) {
                sg_lua_seterr(r->err, SG_ERR_MEMORY,
                              "hook 'document': cannot set meta.%s", *f);
                goto fail;
            }
        }
        lua_pop(L, 1);
    }
    if (sg_lua_apply_genres(r, lua_gettop(L)) != 0)
        goto fail;
    lua_settop(L, top);
    return 0;
fail:
    lua_settop(L, top);
    return -1;
}

/* The span of sentence `i` and its block index (the analysis holds only
 * article sentences); 0 when there is no such sentence. */
static int sg_lua_sentence_span(sg_analysis *a, size_t i, size_t *start, size_t *end,
                                int *block)
{
    *start = *end = 0;
    *block = 0;
    return sg_analysis_sentence(a, i, start, end, block);
}

static int sg_lua_add_flag_from(sg_lua_run *r, size_t si, int t, const char *kind,
                                int severity, const char *rule, double confidence,
                                int is_rule, const char *name, const char *source)
{
    lua_State *L = r->L;
    sg_error e;
    /* a returned table may override kind, severity, confidence (and a
     * sentence hook's rule id) */
    if (t) {
        int ty = sg_lua_getfield(L, t, "kind");
        if (ty == LUA_TSTRING && lua_tostring(L, -1)[0])
            kind = lua_tostring(L, -1);
        else if (ty != LUA_TNIL)
            goto bad_kind;
        lua_pop(L, 1); /* t anchors it */
        ty = sg_lua_getfield(L, t, "severity");
        if (ty != LUA_TNIL) {
            severity = sg_lua_severity_at(L, -1);
            if (severity < 0) {
                lua_pop(L, 1);
                goto bad_severity;
            }
        }
        lua_pop(L, 1);
        ty = sg_lua_getfield(L, t, "confidence");
        if (ty == LUA_TNUMBER)
            confidence = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (ty != LUA_TNIL &&
            (ty != LUA_TNUMBER || !(confidence >= 0 && confidence <= 1)))
            goto bad_confidence;
        if (!is_rule) {
            ty = sg_lua_getfield(L, t, "rule");
            if (ty == LUA_TSTRING)
                rule = lua_tostring(L, -1);
            lua_pop(L, 1);
        }
    }
    if (!kind) {
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "hook '%s' failed: %s: returned a flag without a kind", name,
                      source);
        return -1;
    }
    memset(&e, 0, sizeof e);
    if (sg_analysis_add_flag(r->a, si, kind, (sg_severity)severity, rule, confidence,
                             &e) != SG_OK) {
        if (is_rule)
            sg_lua_seterr(r->err, e.status, "rule '%s' (%s): %s", name, source,
                          e.message);
        else
            sg_lua_seterr(r->err, e.status, "hook '%s' (%s): %s", name, source,
                          e.message);
        return -1;
    }
    return 0;
bad_kind:
    lua_pop(L, 1);
    sg_lua_seterr(r->err, SG_ERR_HOOK,
                  is_rule ? "rule '%s' (%s) failed: kind must be a non-empty "
                            "string"
                          : "hook '%s' failed: %s: kind must be a non-empty "
                            "string",
                  name, source);
    return -1;
bad_severity:
    sg_lua_seterr(r->err, SG_ERR_HOOK,
                  is_rule ? "rule '%s' (%s) failed: severity must be \"minor\" "
                            "or \"major\""
                          : "hook '%s' failed: %s: severity must be \"minor\" "
                            "or \"major\"",
                  name, source);
    return -1;
bad_confidence:
    sg_lua_seterr(r->err, SG_ERR_HOOK,
                  is_rule ? "rule '%s' (%s) failed: confidence must be a "
                            "number in [0, 1]"
                          : "hook '%s' failed: %s: confidence must be a number "
                            "in [0, 1]",
                  name, source);
    return -1;
}

/* Lua rules and sentence hooks over every article sentence. */
static int sg_lua_run_sentences(sg_lua_run *r)
{
    lua_State *L = r->L;
    int rules, hooks, nrules, nhooks, top = lua_gettop(L);
    size_t i, n;

    lua_getfield(L, r->hooks, "rules");
    rules = lua_gettop(L);
    nrules = (int)sg_lua_rawlen(L, rules);
    sg_lua_hook_list(L, r->hooks, "sentence");
    hooks = lua_gettop(L);
    nhooks = (int)sg_lua_rawlen(L, hooks);
    if (nrules == 0 && nhooks == 0) {
        lua_settop(L, top);
        return 0;
    }
    n = sg_analysis_sentence_count(r->a);
    for (i = 0; i < n; i++) {
        size_t start, end;
        int s, k, block;
        if (!sg_lua_sentence_span(r->a, i, &start, &end, &block) || end > r->len ||
            start > end)
            continue;
        lua_newtable(L);
        s = lua_gettop(L);
        lua_pushlstring(L, r->src + start, end - start);
        lua_setfield(L, s, "text");
        sg_lua_setfield_count(L, s, "start", start);
        sg_lua_setfield_count(L, s, "end", end);
        sg_lua_setfield_count(L, s, "finish", end);
        sg_lua_setfield_count(L, s, "index", i);
        sg_lua_setfield_count(L, s, "block", (size_t)(block < 0 ? 0 : block));

        for (k = 1; k <= nrules; k++) {
            const char *id, *kind, *source;
            int severity, res;
            double confidence;
            lua_rawgeti(L, rules, k);
            lua_getfield(L, -1, "id");
            id = lua_tostring(L, -1);
            lua_getfield(L, -2, "kind");
            kind = lua_tostring(L, -1);
            lua_getfield(L, -3, "source");
            source = lua_tostring(L, -1);
            lua_getfield(L, -4, "severity");
            severity = (int)lua_tointeger(L, -1);
            lua_getfield(L, -5, "confidence");
            confidence = lua_tonumber(L, -1);
            lua_pop(L, 2);
            lua_getfield(L, -4, "match");
            lua_pushvalue(L, s);
            lua_pushvalue(L, r->doc);
            if (sg_lua_run_call(r, 2, 1, 1, id, source) != 0)
                goto fail;
            res = lua_gettop(L);
            if (lua_type(L, res) == LUA_TBOOLEAN || lua_isnil(L, res)) {
                if (lua_toboolean(L, res) &&
                    sg_lua_add_flag_from(r, i, 0, kind, severity, id, confidence, 1, id,
                                         source) != 0)
                    goto fail;
            } else if (lua_istable(L, res)) {
                if (sg_lua_add_flag_from(r, i, res, kind, severity, id, confidence, 1, id,
                                         source) != 0)
                    goto fail;
            } else {
                sg_lua_run_bad_return(r, 1, id, source, res,
                                      "true, false, nil or a flag table");
                goto fail;
            }
            lua_settop(L, s);
        }
        for (k = 1; k <= nhooks; k++) {
            const char *source;
            int res;
            lua_rawgeti(L, hooks, k);
            lua_getfield(L, -1, "source");
            source = lua_tostring(L, -1);
            lua_getfield(L, -2, "fn");
            lua_pushvalue(L, s);
            lua_pushvalue(L, r->doc);
            if (sg_lua_run_call(r, 2, 1, 0, "sentence", source) != 0)
                goto fail;
            res = lua_gettop(L);
            if (lua_istable(L, res)) {
                int is_list;
                lua_getfield(L, res, "kind");
                is_list = lua_isnil(L, -1) && sg_lua_rawlen(L, res) > 0;
                lua_settop(L, res);
                if (is_list) {
                    /* a list of flags */
                    int m, nm = (int)sg_lua_rawlen(L, res);
                    for (m = 1; m <= nm; m++) {
                        lua_rawgeti(L, res, m);
                        if (!lua_istable(L, -1)) {
                            sg_lua_run_bad_return(r, 0, "sentence", source, -1,
                                                  "a flag table in the list");
                            goto fail;
                        }
                        if (sg_lua_add_flag_from(
                                r, i, lua_gettop(L), NULL, SG_MINOR, "hook.sentence",
                                SG_LUA_DEFAULT_CONFIDENCE, 0, "sentence", source) != 0)
                            goto fail;
                        lua_pop(L, 1);
                    }
                } else {
                    if (sg_lua_add_flag_from(r, i, res, NULL, SG_MINOR, "hook.sentence",
                                             SG_LUA_DEFAULT_CONFIDENCE, 0, "sentence",
                                             source) != 0)
                        goto fail;
                }
            } else if (!lua_isnil(L, res) &&
                       !(lua_type(L, res) == LUA_TBOOLEAN && !lua_toboolean(L, res))) {
                sg_lua_run_bad_return(r, 0, "sentence", source, res,
                                      "nil, false or a flag table");
                goto fail;
            }
            lua_settop(L, s);
        }
        lua_settop(L, hooks);
    }
    lua_settop(L, top);
    return 0;
fail:
    lua_settop(L, top);
    return -1;
}

/* Push a flag as a table. */
static void sg_lua_push_flag(sg_lua_run *r, const sg_flag *f, size_t index)
{
    lua_State *L = r->L;
    int t;
    lua_newtable(L);
    t = lua_gettop(L);
    sg_lua_setfield_count(L, t, "index", index);
    sg_lua_setfield_count(L, t, "start", f->start);
    sg_lua_setfield_count(L, t, "end", f->end);
    sg_lua_setfield_count(L, t, "finish", f->end);
    if (f->end <= r->len && f->start <= f->end) {
        lua_pushlstring(L, r->src + f->start, f->end - f->start);
        lua_setfield(L, t, "text");
    }
    sg_lua_setfield_str(L, t, "kind", f->kind);
    sg_lua_setfield_str(L, t, "severity", sg_lua_severity_name(f->severity));
    sg_lua_setfield_str(L, t, "rule", f->rule);
    sg_lua_setfield_num(L, t, "confidence", f->confidence);
    sg_lua_setfield_num(L, t, "model_score", f->model_score);
    sg_lua_setfield_str(L, t, "cue", f->cue);
    sg_lua_setfield_str(L, t, "character", f->character);
    lua_pushboolean(L, f->marked);
    lua_setfield(L, t, "marked");
    lua_newtable(L);
    sg_lua_setfield_count(L, t + 1, "start", f->evidence_start);
    sg_lua_setfield_count(L, t + 1, "end", f->evidence_end);
    lua_setfield(L, t, "evidence");
}

typedef struct sg_lua_edit {
    int keep, changed, severity;
    double confidence;
    const char *kind; /* anchored by the flag's table */
} sg_lua_edit;

static int sg_lua_run_flags(sg_lua_run *r)
{
    lua_State *L = r->L;
    const sg_flag *flags;
    sg_lua_edit *edits;
    size_t n, i;
    int hooks, nhooks, list, top = lua_gettop(L);

    sg_lua_hook_list(L, r->hooks, "flag");
    hooks = lua_gettop(L);
    nhooks = (int)sg_lua_rawlen(L, hooks);
    flags = sg_analysis_all_flags(r->a, &n);
    if (nhooks == 0 || n == 0 || !flags) {
        lua_settop(L, top);
        return 0;
    }
    edits = (sg_lua_edit *)lua_newuserdata(L, n * sizeof *edits);
    lua_newtable(L);
    list = lua_gettop(L);
    for (i = 0; i < n; i++) {
        int f, k, ty;
        sg_lua_edit *e = &edits[i];
        e->keep = 1;
        e->changed = 0;
        sg_lua_push_flag(r, &flags[i], i);
        f = lua_gettop(L);
        lua_pushvalue(L, f);
        lua_rawseti(L, list, (int)i + 1);
        for (k = 1; k <= nhooks && e->keep; k++) {
            const char *source;
            int res;
            lua_rawgeti(L, hooks, k);
            lua_getfield(L, -1, "source");
            source = lua_tostring(L, -1);
            lua_getfield(L, -2, "fn");
            lua_pushvalue(L, f);
            lua_pushvalue(L, r->doc);
            if (sg_lua_run_call(r, 2, 1, 0, "flag", source) != 0)
                goto fail;
            res = lua_gettop(L);
            if (lua_type(L, res) == LUA_TBOOLEAN && !lua_toboolean(L, res)) {
                e->keep = 0;
            } else if (lua_istable(L, res)) {
                static const char *const keys[] = {"kind", "severity", "confidence",
                                                   NULL};
                const char *const *key;
                for (key = keys; *key; key++) {
                    lua_getfield(L, res, *key);
                    if (lua_isnil(L, -1))
                        lua_pop(L, 1);
                    else
                        lua_setfield(L, f, *key);
                }
            } else if (!lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
                sg_lua_run_bad_return(r, 0, "flag", source, res,
                                      "false to veto, nil to keep or a table "
                                      "of edits");
                goto fail;
            }
            /* check what the hook left, naming it while we know it */
            ty = sg_lua_getfield(L, f, "kind");
            if (ty != LUA_TSTRING || !lua_tostring(L, -1)[0]) {
                sg_lua_seterr(r->err, SG_ERR_HOOK,
                              "hook 'flag' failed: %s: kind must be a "
                              "non-empty string",
                              source);
                goto fail;
            }
            e->kind = lua_tostring(L, -1);
            lua_pop(L, 1);
            lua_getfield(L, f, "severity");
            e->severity = sg_lua_severity_at(L, -1);
            lua_pop(L, 1);
            if (e->severity < 0) {
                sg_lua_seterr(r->err, SG_ERR_HOOK,
                              "hook 'flag' failed: %s: severity must be "
                              "\"minor\" or \"major\"",
                              source);
                goto fail;
            }
            ty = sg_lua_getfield(L, f, "confidence");
            e->confidence = lua_tonumber(L, -1);
            lua_pop(L, 1);
            if (ty != LUA_TNUMBER || !(e->confidence >= 0 && e->confidence <= 1)) {
                sg_lua_seterr(r->err, SG_ERR_HOOK,
                              "hook 'flag' failed: %s: confidence must be a "
                              "number in [0, 1]",
                              source);
                goto fail;
            }
            lua_settop(L, f);
        }
        if (e->keep)
            e->changed = strcmp(e->kind, flags[i].kind ? flags[i].kind : "") != 0 ||
                         e->severity != (int)flags[i].severity ||
                         e->confidence != flags[i].confidence;
        lua_settop(L, list);
    }
    /* from the last, so an index is never moved by an earlier drop */
    for (i = n; i-- > 0;) {
        sg_lua_edit *e = &edits[i];
        sg_status st = SG_OK;
        size_t m = 0;
        const sg_flag *now = sg_analysis_all_flags(r->a, &m);
        if (!now || i >= m)
            continue;
        if (!e->keep)
            st = sg_analysis_edit_flag(r->a, i, 0, now[i].kind, (int)now[i].severity,
                                       now[i].confidence);
        else if (e->changed)
            st = sg_analysis_edit_flag(r->a, i, 1, e->kind, e->severity, e->confidence);
        if (st != SG_OK) {
            sg_lua_seterr(r->err, st, "hook 'flag': cannot edit flag %lu",
                          (unsigned long)i);
            goto fail;
        }
    }
    lua_settop(L, top);
    return 0;
fail:
    lua_settop(L, top);
    return -1;
}

static void sg_lua_push_rating(lua_State *L, const sg_rating *rt)
{
    int t;
    lua_newtable(L);
    t = lua_gettop(L);
    sg_lua_setfield_str(L, t, "text", rt->text);
    sg_lua_setfield_num(L, t, "value", rt->value);
    sg_lua_setfield_num(L, t, "scale", rt->scale);
    sg_lua_setfield_num(L, t, "normalized", rt->normalized);
    sg_lua_setfield_str(L, t, "verdict", rt->verdict);
    sg_lua_setfield_count(L, t, "start", rt->start);
    sg_lua_setfield_count(L, t, "end", rt->end);
}

static double sg_lua_optnum(lua_State *L, int t, const char *k)
{
    double v = NAN;
    if (sg_lua_getfield(L, t, k) == LUA_TNUMBER)
        v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static int sg_lua_same_num(double x, double y)
{
    return (isnan(x) && isnan(y)) || x == y;
}

static int sg_lua_same_str(const char *x, const char *y)
{
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static int sg_lua_run_rating(sg_lua_run *r)
{
    lua_State *L = r->L;
    const sg_rating *orig = sg_analysis_rating(r->a);
    sg_rating nr;
    int hooks, nhooks, k, cur, top = lua_gettop(L);
    const char *source = "?";

    sg_lua_hook_list(L, r->hooks, "rating");
    hooks = lua_gettop(L);
    nhooks = (int)sg_lua_rawlen(L, hooks);
    if (nhooks == 0) {
        lua_settop(L, top);
        return 0;
    }
    if (orig)
        sg_lua_push_rating(L, orig);
    else
        lua_pushnil(L);
    cur = lua_gettop(L);
    for (k = 1; k <= nhooks; k++) {
        int res;
        lua_rawgeti(L, hooks, k);
        lua_getfield(L, -1, "source");
        source = lua_tostring(L, -1);
        lua_getfield(L, -2, "fn");
        lua_pushvalue(L, cur);
        lua_pushvalue(L, r->doc);
        if (sg_lua_run_call(r, 2, 1, 0, "rating", source) != 0)
            goto fail;
        res = lua_gettop(L);
        if (lua_type(L, res) == LUA_TBOOLEAN && !lua_toboolean(L, res)) {
            lua_pushnil(L);
            lua_replace(L, cur);
        } else if (lua_istable(L, res)) {
            lua_pushvalue(L, res);
            lua_replace(L, cur);
        } else if (!lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
            sg_lua_run_bad_return(r, 0, "rating", source, res,
                                  "false to remove, nil to keep or a rating "
                                  "table");
            goto fail;
        }
        lua_settop(L, cur);
    }
    if (lua_isnil(L, cur)) {
        if (orig && sg_analysis_set_rating(r->a, NULL) != SG_OK)
            goto oom;
        lua_settop(L, top);
        return 0;
    }
    memset(&nr, 0, sizeof nr);
    if (sg_lua_getfield(L, cur, "text") != LUA_TSTRING &&
        lua_type(L, -1) != LUA_TNUMBER) {
        sg_lua_seterr(r->err, SG_ERR_HOOK,
                      "hook 'rating' failed: %s: a rating needs text (a "
                      "string such as \"7/10\")",
                      source);
        goto fail;
    }
    nr.text = lua_tostring(L, -1); /* anchored below */
    lua_setfield(L, cur, "text");
    lua_getfield(L, cur, "text");
    nr.text = lua_tostring(L, -1);
    if (sg_lua_getfield(L, cur, "verdict") == LUA_TSTRING)
        nr.verdict = lua_tostring(L, -1);
    nr.value = sg_lua_optnum(L, cur, "value");
    nr.scale = sg_lua_optnum(L, cur, "scale");
    /* normalized follows a changed value or scale; else it is as given */
    nr.normalized = sg_lua_optnum(L, cur, "normalized");
    if (!isnan(nr.value) && !isnan(nr.scale) && nr.scale > 0 &&
        (!orig || !sg_lua_same_num(nr.value, orig->value) ||
         !sg_lua_same_num(nr.scale, orig->scale) || isnan(nr.normalized)))
        nr.normalized = nr.value / nr.scale;
    {
        double s = sg_lua_optnum(L, cur, "start"), e = sg_lua_optnum(L, cur, "end");
        nr.start = !isnan(s) && s >= 0 ? (size_t)s : (orig ? orig->start : 0);
        nr.end = !isnan(e) && e >= 0 ? (size_t)e : (orig ? orig->end : 0);
        if (nr.end > r->len || nr.start > nr.end)
            nr.start = nr.end = 0;
    }
    if (!orig || !sg_lua_same_str(nr.text, orig->text) ||
        !sg_lua_same_str(nr.verdict, orig->verdict) ||
        !sg_lua_same_num(nr.value, orig->value) ||
        !sg_lua_same_num(nr.scale, orig->scale) ||
        !sg_lua_same_num(nr.normalized, orig->normalized) || nr.start != orig->start ||
        nr.end != orig->end) {
        if (sg_analysis_set_rating(r->a, &nr) != SG_OK)
            goto oom;
    }
    lua_settop(L, top);
    return 0;
oom:
    sg_lua_seterr(r->err, SG_ERR_MEMORY, "hook 'rating': cannot set the rating");
fail:
    lua_settop(L, top);
    return -1;
}

/* The reported flags as a list (for warning and badge hooks). */
static void sg_lua_push_flags(sg_lua_run *r)
{
    size_t n = 0, i;
    const sg_flag *f = sg_analysis_flags(r->a, &n);
    lua_newtable(r->L);
    for (i = 0; i < n && f; i++) {
        sg_lua_push_flag(r, &f[i], i);
        lua_rawseti(r->L, -2, (int)i + 1);
    }
}

static int sg_lua_run_markup(sg_lua_run *r, const char *what)
{
    lua_State *L = r->L;
    int hooks, nhooks, k, cur, flags, top = lua_gettop(L);
    size_t dlen = 0, clen;
    const char *now;
    char *def;

    sg_lua_hook_list(L, r->hooks, what);
    hooks = lua_gettop(L);
    nhooks = (int)sg_lua_rawlen(L, hooks);
    if (nhooks == 0) {
        lua_settop(L, top);
        return 0;
    }
    def = sg_analysis_markup(r->a, what, &dlen);
    if (!def) {
        /* nothing would be inserted (no flag, no rating): nothing to replace */
        lua_settop(L, top);
        return 0;
    }
    lua_pushlstring(L, def, dlen);
    sg_free(def);
    cur = lua_gettop(L);
    lua_pushvalue(L, cur);
    sg_lua_push_flags(r);
    flags = lua_gettop(L);
    for (k = 1; k <= nhooks; k++) {
        const char *source;
        int res;
        lua_rawgeti(L, hooks, k);
        lua_getfield(L, -1, "source");
        source = lua_tostring(L, -1);
        lua_getfield(L, -2, "fn");
        lua_pushvalue(L, cur);
        lua_pushvalue(L, r->doc);
        lua_pushvalue(L, flags);
        if (sg_lua_run_call(r, 3, 1, 0, what, source) != 0)
            goto fail;
        res = lua_gettop(L);
        if (lua_type(L, res) == LUA_TSTRING) {
            lua_pushvalue(L, res);
            lua_replace(L, cur);
        } else if (lua_type(L, res) == LUA_TBOOLEAN && !lua_toboolean(L, res)) {
            lua_pushliteral(L, "");
            lua_replace(L, cur);
        } else if (!lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
            sg_lua_run_bad_return(r, 0, what, source, res,
                                  "a string, false to insert nothing or nil "
                                  "to keep");
            goto fail;
        }
        lua_settop(L, flags);
    }
    now = lua_tolstring(L, cur, &clen);
    {
        size_t olen;
        const char *orig = lua_tolstring(L, cur + 1, &olen);
        if ((clen != olen || memcmp(now, orig, clen) != 0) &&
            sg_analysis_set_markup(r->a, what, now, clen) != SG_OK) {
            sg_lua_seterr(r->err, SG_ERR_MEMORY, "hook '%s': cannot set markup", what);
            goto fail;
        }
    }
    lua_settop(L, top);
    return 0;
fail:
    lua_settop(L, top);
    return -1;
}

static void sg_lua_run_init(sg_lua_run *r, lua_State *L, int hooks, int text,
                            sg_analysis *a, sg_lua_guard *guard, sg_error *err)
{
    r->L = L;
    r->hooks = sg_lua_absindex(L, hooks);
    r->text = sg_lua_absindex(L, text);
    r->src = lua_tolstring(L, r->text, &r->len);
    r->a = a;
    r->guard = guard;
    r->err = err;
    r->doc = 0;
}

sg_status sg_lua_hooks_run(lua_State *L, int hooks, int text, sg_analysis *a, int stages,
                           sg_lua_guard *guard, sg_error *err)
{
    sg_lua_run r;
    int top = lua_gettop(L), rc = 0;
    sg_error local;
    if (!err)
        err = &local;
    err->status = SG_OK;
    err->message[0] = '\0';
    luaL_checkstack(L, 24, "spoilerguard hooks");
    sg_lua_run_init(&r, L, hooks, text, a, guard, err);
    sg_lua_push_doc(&r);
    if (stages & SG_LUA_STAGE_ANALYSIS) {
        rc = sg_lua_run_document(&r);
        if (rc == 0) {
            /* later hooks see the edited metadata */
            sg_lua_push_meta(&r);
            lua_setfield(L, r.doc, "meta");
            rc = sg_lua_run_sentences(&r);
        }
        if (rc == 0)
            rc = sg_lua_run_flags(&r);
        if (rc == 0)
            rc = sg_lua_run_rating(&r);
        if (rc == 0)
            sg_analysis_finish(a);
    }
    if (rc == 0 && (stages & SG_LUA_STAGE_MARKUP)) {
        rc = sg_lua_run_markup(&r, "warning");
        if (rc == 0)
            rc = sg_lua_run_markup(&r, "badge");
    }
    lua_settop(L, top);
    if (rc != 0 && err->status == SG_OK)
        err->status = SG_ERR_HOOK;
    return rc == 0 ? SG_OK : err->status;
}

sg_status sg_lua_hooks_publish(lua_State *L, int hooks, int text, sg_analysis *a,
                               const char *out, size_t len, sg_lua_guard *guard,
                               sg_error *err)
{
    sg_lua_run r;
    int top = lua_gettop(L), list, n, k, cur;
    sg_error local;
    if (!err)
        err = &local;
    err->status = SG_OK;
    err->message[0] = '\0';
    luaL_checkstack(L, 16, "spoilerguard hooks");
    sg_lua_run_init(&r, L, hooks, text, a, guard, err);
    lua_pushlstring(L, out, len);
    cur = lua_gettop(L);
    sg_lua_hook_list(L, r.hooks, "publish");
    list = lua_gettop(L);
    n = (int)sg_lua_rawlen(L, list);
    if (n > 0)
        sg_lua_push_doc(&r);
    for (k = 1; k <= n; k++) {
        const char *source;
        int res;
        lua_rawgeti(L, list, k);
        lua_getfield(L, -1, "source");
        source = lua_tostring(L, -1);
        lua_getfield(L, -2, "fn");
        lua_pushvalue(L, cur);
        lua_pushvalue(L, r.doc);
        if (sg_lua_run_call(&r, 2, 1, 0, "publish", source) != 0)
            goto fail;
        res = lua_gettop(L);
        if (lua_type(L, res) == LUA_TSTRING) {
            lua_pushvalue(L, res);
            lua_replace(L, cur);
        } else if (!lua_isnil(L, res) &&
                   !(lua_type(L, res) == LUA_TBOOLEAN && lua_toboolean(L, res))) {
            sg_lua_run_bad_return(&r, 0, "publish", source, res,
                                  "a string or nil to keep");
            goto fail;
        }
        lua_settop(L, r.doc);
    }
    lua_settop(L, cur);
    return SG_OK;
fail:
    lua_settop(L, top);
    if (err->status == SG_OK)
        err->status = SG_ERR_HOOK;
    return err->status;
}

/* ---- the module: options ---------------------------------------------------- */

typedef struct sg_lua_engine {
    sg_engine *engine;
    sg_options opts;
    int busy; /* an analysis of this engine is running its hooks */
} sg_lua_engine;

static sg_lua_engine *sg_lua_check_engine(lua_State *L, int idx)
{
    sg_lua_engine *e = (sg_lua_engine *)luaL_checkudata(L, idx, SG_LUA_ENGINE_MT);
    if (!e->engine)
        luaL_error(L, "spoilerguard engine already freed");
    return e;
}

/* Options an engine or a call may set; the engine-only ones are skipped here
 * (`skip`, NULL-terminated) and read by the caller.  A call (`per_call`) may
 * also set "marks". */
static void sg_lua_parse_options(lua_State *L, int idx, sg_options *o,
                                 const char *const *skip, int per_call)
{
    idx = sg_lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k;
        int v = lua_gettop(L), ty = lua_type(L, v), parsed;
        const char *const *sk;
        if (lua_type(L, v - 1) != LUA_TSTRING)
            luaL_error(L, "option names must be strings");
        k = lua_tostring(L, v - 1);
        for (sk = skip; sk && *sk; sk++)
            if (strcmp(*sk, k) == 0)
                break;
        if (sk && *sk) {
            lua_pop(L, 1);
            continue;
        }
        if (strcmp(k, "from") == 0 || strcmp(k, "format") == 0) {
            parsed = ty == LUA_TSTRING ? sg_format_parse(lua_tostring(L, v)) : -1;
            if (parsed < 0)
                luaL_error(L,
                           "option %s: expected \"plain\", \"markdown\", "
                           "\"html\" or \"auto\"",
                           k);
            o->format = (sg_format)parsed;
        } else if (strcmp(k, "style") == 0) {
            parsed = ty == LUA_TSTRING ? sg_style_parse(lua_tostring(L, v)) : -1;
            if (parsed < 0)
                luaL_error(L, "option style: unknown dialect (html-span, "
                              "html-details, md-discord, md-reddit, md-pandoc, "
                              "md-html, md-hugo, md-obsidian, plain or auto; or "
                              "discord, reddit, pandoc, hugo, obsidian, details, "
                              "html, markdown, text)");
            o->style = (sg_style)parsed;
        } else if (strcmp(k, "badge") == 0) {
            if (ty == LUA_TBOOLEAN)
                parsed = sg_badge_parse(lua_toboolean(L, v) ? "auto" : "none");
            else
                parsed = ty == LUA_TSTRING ? sg_badge_parse(lua_tostring(L, v)) : -1;
            if (parsed < 0)
                luaL_error(L, "option badge: expected auto, none, text, html, "
                              "svg, image or a boolean");
            o->badge = (sg_badge)parsed;
        } else if (strcmp(k, "min_severity") == 0) {
            parsed = sg_lua_severity_at(L, v);
            if (parsed < 0)
                luaL_error(L, "option min_severity: expected \"minor\" or "
                              "\"major\"");
            o->min_severity = (sg_severity)parsed;
        } else if (strcmp(k, "min_confidence") == 0) {
            double x = lua_tonumber(L, v);
            if (ty != LUA_TNUMBER || !(x >= 0 && x <= 1))
                luaL_error(L, "option min_confidence: expected a number in "
                              "[0, 1]");
            o->min_confidence = x;
        } else if (strcmp(k, "jsonld") == 0 || strcmp(k, "warning") == 0 ||
                   strcmp(k, "assets") == 0 || (per_call && strcmp(k, "marks") == 0)) {
            if (ty != LUA_TBOOLEAN)
                luaL_error(L, "option %s: expected a boolean", k);
            if (k[0] == 'j')
                o->jsonld = lua_toboolean(L, v);
            else if (k[0] == 'w')
                o->warning = lua_toboolean(L, v);
            else if (k[0] == 'a')
                o->assets = lua_toboolean(L, v);
            else
                o->marks = lua_toboolean(L, v);
        } else if (strcmp(k, "max_input") == 0 || strcmp(k, "max_depth") == 0 ||
                   strcmp(k, "threads") == 0) {
            double x = lua_tonumber(L, v);
            if (ty != LUA_TNUMBER || !(x >= 1) || x > 1e15)
                luaL_error(L, "option %s: expected a positive number", k);
            if (k[0] == 't')
                o->threads = x > 64 ? 64 : (int)x;
            else if (k[4] == 'i')
                o->max_input = (size_t)x;
            else
                o->max_depth = x > 1e9 ? 1000000000 : (int)x;
        } else {
            luaL_error(L, "unknown option '%s'", k);
        }
        lua_pop(L, 1);
    }
}

/* ---- the module: engines ---------------------------------------------------- */

static int sg_lua_engine_gc(lua_State *L)
{
    sg_lua_engine *e = (sg_lua_engine *)luaL_checkudata(L, 1, SG_LUA_ENGINE_MT);
    if (e->engine)
        sg_engine_free(e->engine);
    e->engine = NULL;
    return 0;
}

static int sg_lua_engine_tostring(lua_State *L)
{
    sg_lua_engine *e = (sg_lua_engine *)luaL_checkudata(L, 1, SG_LUA_ENGINE_MT);
    lua_pushfstring(L, "spoilerguard engine (%d rules)",
                    e->engine ? (int)sg_engine_rule_count(e->engine) : 0);
    return 1;
}

static void sg_lua_not_busy(lua_State *L, sg_lua_engine *e, const char *what)
{
    if (e->busy)
        luaL_error(L,
                   "%s: the engine is running an analysis (called from one "
                   "of its own hooks?)",
                   what);
}

/* e:add_rule{...} */
static int sg_lua_engine_add_rule(lua_State *L)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    char src[512];
    sg_lua_not_busy(L, e, "add_rule");
    luaL_checktype(L, 2, LUA_TTABLE);
    sg_lua_where(L, 1, src, sizeof src);
    sg_lua_getuservalue(L, 1);
    sg_lua_add_rule(L, lua_gettop(L), 2, e->engine, src);
    lua_settop(L, 1);
    return 1;
}

/* e:load_rules(path) */
static int sg_lua_engine_load_rules(lua_State *L)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    const char *path = luaL_checkstring(L, 2);
    sg_lua_not_busy(L, e, "load_rules");
    sg_lua_getuservalue(L, 1);
    sg_lua_load_rules(L, lua_gettop(L), e->engine, path, 0, NULL);
    lua_settop(L, 1);
    return 1;
}

/* e:on(name, fn) */
static int sg_lua_engine_on(lua_State *L)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    const char *name = luaL_checkstring(L, 2);
    (void)e;
    sg_lua_getuservalue(L, 1);
    sg_lua_add_hook(L, lua_gettop(L), name, 3);
    lua_settop(L, 1);
    return 1;
}

/* e:add_characters{"Name", ...} */
static int sg_lua_engine_add_characters(lua_State *L)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    const char **names;
    int k, n;
    sg_error err;
    sg_lua_not_busy(L, e, "add_characters");
    luaL_checktype(L, 2, LUA_TTABLE);
    n = (int)sg_lua_rawlen(L, 2);
    names = (const char **)lua_newuserdata(L, (size_t)(n + 1) * sizeof *names);
    for (k = 1; k <= n; k++) {
        if (sg_lua_rawgeti(L, 2, k) != LUA_TSTRING)
            luaL_error(L, "characters[%d] must be a string, got %s", k,
                       sg_lua_typename(L, -1));
        names[k - 1] = lua_tostring(L, -1); /* anchored by the list */
        lua_pop(L, 1);
    }
    names[n] = NULL;
    memset(&err, 0, sizeof err);
    if (sg_engine_add_characters(e->engine, names, &err) != SG_OK)
        luaL_error(L, "add_characters: %s", err.message);
    lua_settop(L, 1);
    return 1;
}

static int sg_lua_engine_rule_count(lua_State *L)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    size_t n = sg_engine_rule_count(e->engine);
    sg_lua_getuservalue(L, 1);
    lua_getfield(L, -1, "rules");
    n += sg_lua_rawlen(L, -1);
    sg_lua_pushcount(L, n);
    return 1;
}

typedef struct sg_lua_call_args {
    sg_lua_engine *e;
    sg_options opts;
    int annotate;
    int words; /* e:words: the words table before the report */
} sg_lua_call_args;

/* The words a host writes in its own markup (sg_analysis_words), as a table
 * with the fields warning_lead, warning, badge and badge_label (nil where
 * there are none). */
static void sg_lua_push_words(lua_State *L, const sg_analysis *a)
{
    static const char *const what[][2] = {{"warning-lead", "warning_lead"},
                                          {"warning", "warning"},
                                          {"badge", "badge"},
                                          {"badge-label", "badge_label"}};
    size_t k;
    lua_createtable(L, 0, 4);
    for (k = 0; k < sizeof what / sizeof *what; k++) {
        size_t n;
        char *w = sg_analysis_words(a, what[k][0], &n);
        if (!w)
            continue;
        lua_pushlstring(L, w, n);
        sg_free(w);
        lua_setfield(L, -2, what[k][1]);
    }
}

/* Drop every flag, so only the badge (and JSON-LD) is inserted. */
/* The body of analyze/annotate, run protected: (engine, text, args).
 * Returns report | out, report | nil, message. */
static int sg_lua_analyze_body(lua_State *L)
{
    sg_lua_call_args *c = (sg_lua_call_args *)lua_touserdata(L, 3);
    sg_lua_box *abox, *obox;
    sg_analysis *a = NULL;
    size_t len, olen = 0;
    const char *text = lua_tolstring(L, 2, &len);
    char *out;
    int hooks, active;
    sg_error err;

    memset(&err, 0, sizeof err);
    abox = sg_lua_box_push(L, SG_BOX_ANALYSIS);
    if (sg_analyze(c->e->engine, text, len, &c->opts, &a, &err) != SG_OK) {
        lua_pushnil(L);
        lua_pushstring(L, err.message[0] ? err.message : sg_status_name(err.status));
        return 2;
    }
    abox->p = a;
    sg_lua_getuservalue(L, 1);
    hooks = lua_gettop(L);
    active = sg_lua_hooks_active(L, hooks);
    if (active &&
        sg_lua_hooks_run(L, hooks, 2, a, SG_LUA_STAGE_ANALYSIS, NULL, &err) != SG_OK) {
        lua_pushnil(L);
        lua_pushstring(L, err.message);
        return 2;
    }
    if (c->annotate) {
        if (active &&
            sg_lua_hooks_run(L, hooks, 2, a, SG_LUA_STAGE_MARKUP, NULL, &err) != SG_OK) {
            lua_pushnil(L);
            lua_pushstring(L, err.message);
            return 2;
        }
        obox = sg_lua_box_push(L, SG_BOX_BUFFER);
        out = sg_render(a, &olen, &err);
        if (!out) {
            lua_pushnil(L);
            lua_pushstring(L, err.message[0] ? err.message : "out of memory");
            return 2;
        }
        obox->p = out;
        if (sg_lua_hooks_has(L, hooks, "publish")) {
            if (sg_lua_hooks_publish(L, hooks, 2, a, out, olen, NULL, &err) != SG_OK) {
                lua_pushnil(L);
                lua_pushstring(L, err.message);
                return 2;
            }
        } else {
            lua_pushlstring(L, out, olen);
        }
        sg_lua_box_release(obox);
    }
    sg_lua_push_report(L, a);
    if (c->words) {
        /* words, report */
        sg_lua_push_words(L, a);
        lua_insert(L, -2);
        sg_lua_box_release(abox);
        return 2;
    }
    sg_lua_box_release(abox);
    return c->annotate ? 2 : 1;
}

static int sg_lua_engine_run(lua_State *L, int annotate)
{
    sg_lua_engine *e = sg_lua_check_engine(L, 1);
    sg_lua_call_args c;
    int st, base;
    luaL_checktype(L, 2, LUA_TSTRING);
    c.e = e;
    c.opts = e->opts;
    c.annotate = annotate == 1;
    c.words = annotate == 2;
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        sg_lua_parse_options(L, 3, &c.opts, NULL, 1);
    }
    sg_lua_not_busy(L, e, annotate == 2 ? "words" : annotate ? "annotate" : "analyze");
    lua_settop(L, 2);
    base = lua_gettop(L);
    lua_pushcfunction(L, sg_lua_analyze_body);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushlightuserdata(L, &c);
    e->busy = 1;
    st = lua_pcall(L, 3, LUA_MULTRET, 0);
    e->busy = 0;
    if (st != 0)
        return lua_error(L);
    return lua_gettop(L) - base;
}

static int sg_lua_engine_analyze(lua_State *L)
{
    return sg_lua_engine_run(L, 0);
}
static int sg_lua_engine_annotate(lua_State *L)
{
    return sg_lua_engine_run(L, 1);
}
/* e:words(text [, opts]) -> words, report: what the analysis would have
 * spoilerguard write (sg_lua_push_words), for a host that writes its own
 * markup, then the report as e:analyze gives it. */
static int sg_lua_engine_words(lua_State *L)
{
    return sg_lua_engine_run(L, 2);
}

/* strip(text [, from]) where `from` is a format name or {from = ...}:
 * the text, and what an edit left that strip could not prove its own (one
 * "line N: why" a line) when there is any. */
static int sg_lua_strip_at(lua_State *L, int textidx, int fromidx)
{
    size_t len, olen = 0;
    const char *text = luaL_checklstring(L, textidx, &len);
    int fmt = SG_FORMAT_AUTO;
    sg_lua_box *box, *nbox;
    sg_error err;
    char *out, *notes = NULL;
    if (lua_type(L, fromidx) == LUA_TSTRING) {
        fmt = sg_format_parse(lua_tostring(L, fromidx));
    } else if (lua_istable(L, fromidx)) {
        lua_getfield(L, fromidx, "from");
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_getfield(L, fromidx, "format");
        }
        fmt = lua_isnil(L, -1)
                  ? SG_FORMAT_AUTO
                  : (lua_type(L, -1) == LUA_TSTRING ? sg_format_parse(lua_tostring(L, -1))
                                                    : -1);
        lua_pop(L, 1);
    } else if (!lua_isnoneornil(L, fromidx)) {
        fmt = -1;
    }
    if (fmt < 0)
        luaL_error(L, "strip: from must be \"plain\", \"markdown\", \"html\" "
                      "or \"auto\"");
    memset(&err, 0, sizeof err);
    box = sg_lua_box_push(L, SG_BOX_BUFFER);
    nbox = sg_lua_box_push(L, SG_BOX_BUFFER);
    out = sg_strip_with_notes(text, len, (sg_format)fmt, &olen, &notes, &err);
    if (!out) {
        lua_pushnil(L);
        lua_pushstring(L, err.message[0] ? err.message : "out of memory");
        return 2;
    }
    box->p = out;
    nbox->p = notes;
    lua_pushlstring(L, out, olen);
    if (notes)
        lua_pushstring(L, notes);
    sg_lua_box_release(box);
    sg_lua_box_release(nbox);
    return notes ? 2 : 1;
}

static int sg_lua_engine_strip(lua_State *L)
{
    sg_lua_check_engine(L, 1);
    return sg_lua_strip_at(L, 2, 3);
}

static int sg_lua_core_strip(lua_State *L)
{
    return sg_lua_strip_at(L, 1, 2);
}

static int sg_lua_core_detect_format(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    lua_pushstring(L, sg_format_name(sg_detect_format(text, len)));
    return 1;
}

/* new{rules =, style =, ..., characters = {...}, on = {...}} */
static int sg_lua_core_new(lua_State *L)
{
    static const char *const engine_keys[] = {"rules", "defaults", "characters", "on",
                                              NULL};
    sg_lua_engine *e;
    sg_error err;
    int hooks, defaults = 1, ud;
    char src[512];

    if (!lua_isnoneornil(L, 1))
        luaL_checktype(L, 1, LUA_TTABLE);
    else {
        lua_settop(L, 0);
        lua_newtable(L);
    }
    lua_settop(L, 1);
    sg_lua_where(L, 1, src, sizeof src);

    e = (sg_lua_engine *)lua_newuserdata(L, sizeof *e);
    memset(e, 0, sizeof *e);
    ud = lua_gettop(L);
    luaL_getmetatable(L, SG_LUA_ENGINE_MT);
    lua_setmetatable(L, ud);
    sg_lua_hooks_new(L);
    hooks = lua_gettop(L);
    lua_pushvalue(L, hooks);
    sg_lua_setuservalue(L, ud);
    sg_options_init(&e->opts);
    sg_lua_parse_options(L, 1, &e->opts, engine_keys, 0);

    lua_getfield(L, 1, "defaults");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TBOOLEAN)
            luaL_error(L, "option defaults: expected a boolean");
        defaults = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "rules");
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *pack = lua_tostring(L, -1);
        if (strcmp(pack, "none") == 0)
            defaults = 0;
        else if (strcmp(pack, "default") != 0)
            luaL_error(L, "option rules: expected \"default\", \"none\" or a "
                          "list of rule tables and rule files");
    } else if (lua_type(L, -1) == LUA_TBOOLEAN) {
        defaults = lua_toboolean(L, -1);
    } else if (!lua_isnil(L, -1) && !lua_istable(L, -1)) {
        luaL_error(L, "option rules: expected \"default\", \"none\" or a list "
                      "of rule tables and rule files");
    }
    memset(&err, 0, sizeof err);
    e->engine = defaults ? sg_engine_new(&err) : sg_engine_new_empty(&err);
    if (!e->engine)
        luaL_error(L, "spoilerguard: %s", err.message);
    if (lua_istable(L, -1)) {
        int list = lua_gettop(L), k, n = (int)sg_lua_rawlen(L, list);
        for (k = 1; k <= n; k++) {
            lua_rawgeti(L, list, k);
            if (lua_type(L, -1) == LUA_TSTRING)
                sg_lua_load_rules(L, hooks, e->engine, lua_tostring(L, -1), 0, NULL);
            else
                sg_lua_add_rule(L, hooks, -1, e->engine, src);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);

    if (sg_lua_getfield(L, 1, "characters") != LUA_TNIL) {
        lua_pushcfunction(L, sg_lua_engine_add_characters);
        lua_pushvalue(L, ud);
        lua_pushvalue(L, -3);
        lua_call(L, 2, 0);
    }
    lua_pop(L, 1);

    if (sg_lua_getfield(L, 1, "on") != LUA_TNIL) {
        int on = lua_gettop(L);
        if (!lua_istable(L, on))
            luaL_error(L, "option on: expected a table of hook functions");
        lua_pushnil(L);
        while (lua_next(L, on)) {
            if (lua_type(L, -2) != LUA_TSTRING)
                luaL_error(L, "option on: hook names must be strings");
            if (lua_istable(L, -1)) {
                int k, n = (int)sg_lua_rawlen(L, -1), fns = lua_gettop(L);
                for (k = 1; k <= n; k++) {
                    lua_rawgeti(L, fns, k);
                    sg_lua_add_hook(L, hooks, lua_tostring(L, fns - 1), -1);
                    lua_pop(L, 1);
                }
            } else {
                sg_lua_add_hook(L, hooks, lua_tostring(L, -2), -1);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, ud);
    return 1;
}

static const luaL_Reg sg_lua_engine_methods[] = {
    {"add_rule", sg_lua_engine_add_rule},
    {"load_rules", sg_lua_engine_load_rules},
    {"on", sg_lua_engine_on},
    {"add_characters", sg_lua_engine_add_characters},
    {"rule_count", sg_lua_engine_rule_count},
    {"analyze", sg_lua_engine_analyze},
    {"annotate", sg_lua_engine_annotate},
    {"words", sg_lua_engine_words},
    {"strip", sg_lua_engine_strip},
    {NULL, NULL}};

/* assets() -> css, js: what makes a spoiler a button that shows it. */
static int sg_lua_core_assets(lua_State *L)
{
    const char *css, *js;
    sg_assets(&css, &js);
    lua_pushstring(L, css);
    lua_pushstring(L, js);
    return 2;
}

/* label{"death", "ending"} -> "Spoiler (death, ending)" (sg_spoiler_label) */
static int sg_lua_core_label(lua_State *L)
{
    const char *kinds[8];
    size_t n = 0, i, len;
    char *label;
    luaL_checktype(L, 1, LUA_TTABLE);
    for (i = 1; n < sizeof kinds / sizeof *kinds; i++) {
        int ty = sg_lua_rawgeti(L, 1, (int)i);
        if (ty == LUA_TNIL) {
            lua_pop(L, 1);
            break;
        }
        if (ty != LUA_TSTRING)
            luaL_error(L, "label: kinds must be strings, got %s", sg_lua_typename(L, -1));
        kinds[n++] = lua_tostring(L, -1); /* kept alive by the table */
        lua_pop(L, 1);
    }
    label = sg_spoiler_label(kinds, n, &len);
    if (!label)
        luaL_error(L, "label: out of memory");
    lua_pushlstring(L, label, len);
    sg_free(label);
    return 1;
}

static const luaL_Reg sg_lua_core_functions[] = {
    {"label", sg_lua_core_label},
    {"new", sg_lua_core_new},
    {"assets", sg_lua_core_assets},
    {"strip", sg_lua_core_strip},
    {"detect_format", sg_lua_core_detect_format},
    {NULL, NULL}};

#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int luaopen_spoilerguard_core(lua_State *L);

int luaopen_spoilerguard_core(lua_State *L)
{
    if (luaL_newmetatable(L, SG_LUA_ENGINE_MT)) {
        lua_newtable(L);
        luaL_setfuncs(L, sg_lua_engine_methods, 0);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, sg_lua_engine_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, sg_lua_engine_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_pop(L, 1);
    lua_newtable(L);
    luaL_setfuncs(L, sg_lua_core_functions, 0);
    lua_pushliteral(L, SG_VERSION);
    lua_setfield(L, -2, "version");
    lua_pushinteger(L, LUA_VERSION_NUM);
    lua_setfield(L, -2, "lua_abi");
    lua_pushnumber(L, SG_DEFAULT_MIN_CONFIDENCE);
    lua_setfield(L, -2, "default_min_confidence");
    return 1;
}
