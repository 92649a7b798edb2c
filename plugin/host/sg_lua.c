/*
 * sg_lua.c -- the binding module spoilerguard.core: engines, their options,
 * analyze, annotate and strip.  Lua rules and hooks are registered with the
 * core, which runs them (sg_lua_hooks.c, sg_lua_rules.c).
 *
 * One source for Lua 5.4, Lua 5.3 and LuaJIT 2.1 (sg_luacompat.h).  Only the
 * public API (spoilerguard.h) is used, so the module builds against an
 * installed header.  An engine is a userdata holding the C engine and its
 * options; its Lua rules and hooks hang off it as its user value, so engines
 * never share state and nothing lives in globals.
 */
#include "sg_lua.h"

#include <stdio.h>
#include <string.h>

#define SG_LUA_ENGINE_MT "spoilerguard.engine"
#define SG_LUA_BOX_MT "spoilerguard.box"

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

/* ---- the module: options ---------------------------------------------------- */

typedef struct sg_lua_engine {
    sg_engine *engine;
    sg_options opts;
    int busy;         /* an analysis of this engine is running its hooks */
    sg_lua_host host; /* where its Lua rules and hooks run */
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
    sg_lua_load_rules(L, lua_gettop(L), e->engine, path, NULL);
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
    sg_lua_pushcount(L, sg_engine_rule_count(e->engine));
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

/* The body of analyze/annotate/words, run protected: (engine, text, args).
 * The core runs the engine's Lua rules and hooks while it analyses and
 * annotates.  Returns report | out, report | words, report | nil, message. */
static int sg_lua_analyze_body(lua_State *L)
{
    sg_lua_call_args *c = (sg_lua_call_args *)lua_touserdata(L, 3);
    sg_lua_box *abox, *obox;
    sg_analysis *a = NULL;
    sg_lua_run run;
    size_t len, olen = 0;
    const char *text = lua_tolstring(L, 2, &len);
    char *out;
    sg_error err;

    memset(&err, 0, sizeof err);
    abox = sg_lua_box_push(L, SG_BOX_ANALYSIS);
    sg_lua_getuservalue(L, 1);
    sg_lua_run_push(L, -1, 2);
    sg_lua_run_start(&c->e->host, &run, L, -1);
    if (sg_analyze(c->e->engine, text, len, &c->opts, &a, &err) != SG_OK) {
        sg_lua_run_stop(&c->e->host);
        lua_pushnil(L);
        lua_pushstring(L, err.message[0] ? err.message : sg_status_name(err.status));
        return 2;
    }
    abox->p = a;
    if (c->annotate) {
        obox = sg_lua_box_push(L, SG_BOX_BUFFER);
        out = sg_annotate(a, &olen, &err);
        if (!out) {
            sg_lua_run_stop(&c->e->host);
            lua_pushnil(L);
            lua_pushstring(L, err.message[0] ? err.message : "out of memory");
            return 2;
        }
        obox->p = out;
        lua_pushlstring(L, out, olen);
        sg_lua_box_release(obox);
    }
    sg_lua_run_stop(&c->e->host);
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
    sg_lua_run_stop(&e->host); /* when the body raised */
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
    sg_lua_hooks_new(L, &e->host);
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
    e->host.engine = e->engine;
    if (lua_istable(L, -1)) {
        int list = lua_gettop(L), k, n = (int)sg_lua_rawlen(L, list);
        for (k = 1; k <= n; k++) {
            lua_rawgeti(L, list, k);
            if (lua_type(L, -1) == LUA_TSTRING)
                sg_lua_load_rules(L, hooks, e->engine, lua_tostring(L, -1), NULL);
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
