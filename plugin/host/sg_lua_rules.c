/*
 * sg_lua_rules.c -- rule tables and rule files, for the binding and the
 * command line (sg_lua.h): a rule's patterns go to the engine as they are, a
 * `match` function becomes a custom rule of the core (sg_lua_hooks.c), and a
 * rule file is run with on() and characters() in its environment.
 */
#include "sg_lua.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        def.case_sensitive = 0; /* a match function decides alone */
        lua_getfield(L, rule, "match");
        sg_lua_add_custom_rule(L, hooks, lua_gettop(L), &def);
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

/* Push the text given as a light userdata and a length (run protected). */
static int sg_lua_push_text(lua_State *L)
{
    lua_pushlstring(L, (const char *)lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 1;
}

/* Read the file at `path` and push its contents. */
static void sg_lua_read_file(lua_State *L, const char *path)
{
    sg_error err;
    size_t len;
    char *text;
    int st;
    FILE *f = fopen(path, "rb");
    if (!f)
        sg_lua_raise(L, "cannot open rule file %s: %s", path, strerror(errno));
    text = sg_read_stream(f, 0, &len, &err);
    fclose(f);
    if (!text && err.status == SG_ERR_MEMORY)
        sg_lua_raise(L, "not enough memory");
    if (!text)
        sg_lua_raise(L, "cannot read rule file %s", path);
    /* pushing may run out of memory: the buffer is freed either way */
    lua_pushcfunction(L, sg_lua_push_text);
    lua_pushlightuserdata(L, text);
    lua_pushinteger(L, (lua_Integer)len);
    st = lua_pcall(L, 2, 1, 0);
    sg_free(text);
    if (st != 0)
        lua_error(L);
}

void sg_lua_load_rules(lua_State *L, int hooks, sg_engine *engine, const char *path,
                       sg_lua_guard *guard)
{
    const char *text, *code;
    size_t len, codelen;
    char chunkname[1024], src[1024];
    int textidx, fn, st, res, top = lua_gettop(L);
    sg_engine **slot;

    hooks = sg_lua_absindex(L, hooks);
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
            sg_lua_raise(L, "%s: %s", path, guard->message);
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
