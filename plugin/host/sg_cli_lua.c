/*
 * sg_cli_lua.c -- the command line's user rule files and hooks, run in a Lua
 * 5.4 state of the CLI's own (one per worker thread).
 *
 * Rule files are not trusted by default: they run without os, io, require,
 * load, dofile, loadfile, debug, package and collectgarbage (--trust-rules
 * lifts this).  Every call into a rule file -- loading it, a Lua rule, a
 * hook -- gets an instruction budget (a count hook) and a memory cap (the
 * state's allocator), so a rule that loops or hoards stops with a message
 * naming it instead of hanging the pipeline.
 *
 * The rules and hooks are registered with the worker's engine, which runs
 * them (sg_lua_hooks.c); an article's Lua values live on this state's stack
 * between sg_cli_lua_begin and sg_cli_lua_end.
 */
#include "sg_cli.h"
#include "sg_lua.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Instructions one call into a rule file may run. */
#define SG_CLI_LUA_BUDGET 10000000L
/* How often the count hook looks (instructions). */
#define SG_CLI_LUA_STEP 1000
/* Memory one call may add to the state. */
#define SG_CLI_LUA_MEMORY ((size_t)64 << 20)

struct sg_cli_lua {
    lua_State *L;
    sg_engine *engine;
    int trust;
    int hooks_ref;
    int active;
    /* limits of the call running now */
    size_t used, limit;
    size_t base; /* memory in use once the rule files loaded */
    long steps, budget;
    int in_call;
    char label[384];
    sg_lua_guard guard;
    sg_lua_host host; /* where the rules and hooks run */
    sg_lua_run run;   /* the article being processed */
};

static sg_cli_lua *sg_cli_lua_of(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (sg_cli_lua *)ud;
}

static void *sg_cli_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sg_cli_lua *c = (sg_cli_lua *)ud;
    size_t old = ptr ? osize : 0; /* without ptr, osize tells the type */
    void *p;
    if (nsize == 0) {
        free(ptr);
        c->used -= old;
        return NULL;
    }
    if (nsize > old && c->used - old + nsize > c->limit) {
        if (c->in_call && !c->guard.tripped) {
            c->guard.tripped = 1;
            snprintf(c->guard.message, sizeof c->guard.message,
                     "exceeded its memory cap (%lu MiB)",
                     (unsigned long)(SG_CLI_LUA_MEMORY >> 20));
        }
        return NULL;
    }
    p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    c->used = c->used - old + nsize;
    return p;
}

static void sg_cli_lua_count(lua_State *L, lua_Debug *ar)
{
    sg_cli_lua *c = sg_cli_lua_of(L);
    (void)ar;
    if (!c->in_call)
        return;
    c->steps += SG_CLI_LUA_STEP;
    if (c->steps <= c->budget && !c->guard.tripped)
        return;
    if (!c->guard.tripped) {
        c->guard.tripped = 1;
        snprintf(c->guard.message, sizeof c->guard.message,
                 "exceeded its instruction budget (%ld instructions)", c->budget);
    }
    /* from now on fail at every instruction, so a pcall inside the rule
     * cannot swallow the stop and loop on */
    lua_sethook(L, sg_cli_lua_count, LUA_MASKCOUNT, 1);
    luaL_error(L, "%s", c->guard.message);
}

static void sg_cli_lua_enter(sg_lua_guard *g, lua_State *L, const char *what,
                             const char *name, const char *source)
{
    sg_cli_lua *c = sg_cli_lua_of(L);
    (void)g;
    if (strcmp(what, "file") == 0)
        snprintf(c->label, sizeof c->label, "rule file %.360s", source);
    else
        snprintf(c->label, sizeof c->label, "%.8s '%.120s' in %.240s", what, name,
                 source ? source : "?");
    c->steps = 0;
    c->guard.tripped = 0;
    c->guard.message[0] = '\0';
    c->limit = c->used + SG_CLI_LUA_MEMORY;
    c->in_call = 1;
    lua_sethook(L, sg_cli_lua_count, LUA_MASKCOUNT, SG_CLI_LUA_STEP);
}

static void sg_cli_lua_leave(sg_lua_guard *g, lua_State *L)
{
    sg_cli_lua *c = sg_cli_lua_of(L);
    (void)g;
    c->in_call = 0;
    c->limit = SIZE_MAX;
    lua_sethook(L, sg_cli_lua_count, LUA_MASKCOUNT, SG_CLI_LUA_STEP);
}

/* print() writes to standard error: standard output carries the article. */
static int sg_cli_lua_print(lua_State *L)
{
    int n = lua_gettop(L), i;
    for (i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            fputc('\t', stderr);
        fwrite(s, 1, len, stderr);
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    return 0;
}

/* setmetatable without finalizers: a __gc would run outside any rule's
 * budget, whenever the collector likes. */
static int sg_cli_lua_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "finalizers (__gc) are not available to rule files "
                             "(--trust-rules allows them)");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* Open the libraries a rule file may use, then drop what the sandbox keeps
 * from untrusted files. */
static int sg_cli_lua_open(lua_State *L)
{
    sg_cli_lua *c = (sg_cli_lua *)lua_touserdata(L, 1);
    static const char *const drop[] = {
        "os",       "io",    "require", "load",           "loadstring", "dofile",
        "loadfile", "debug", "package", "collectgarbage", NULL};
    const char *const *k;
    if (c->trust) {
        luaL_openlibs(L);
    } else {
        luaL_requiref(L, "_G", luaopen_base, 1);
        luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
        luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
        luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
        luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
        luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
        lua_settop(L, 1);
        for (k = drop; *k; k++) {
            lua_pushnil(L);
            lua_setglobal(L, *k);
        }
        lua_pushcfunction(L, sg_cli_lua_setmetatable);
        lua_setglobal(L, "setmetatable");
        /* string.dump gives bytecode, which is only useful to load() */
        lua_getglobal(L, "string");
        lua_pushnil(L);
        lua_setfield(L, -2, "dump");
        lua_pop(L, 1);
    }
    lua_pushcfunction(L, sg_cli_lua_print);
    lua_setglobal(L, "print");
    sg_lua_hooks_new(L, &c->host);
    c->hooks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

sg_cli_lua *sg_cli_lua_new(sg_engine *engine, int trust, sg_error *err)
{
    sg_cli_lua *c = (sg_cli_lua *)calloc(1, sizeof *c);
    if (!c) {
        sg_lua_seterr(err, SG_ERR_MEMORY, "out of memory starting Lua");
        return NULL;
    }
    c->engine = engine;
    c->trust = trust;
    c->limit = SIZE_MAX;
    c->budget = SG_CLI_LUA_BUDGET;
    c->hooks_ref = LUA_NOREF;
    c->guard.enter = sg_cli_lua_enter;
    c->guard.leave = sg_cli_lua_leave;
    c->host.engine = engine;
    c->host.guard = &c->guard;
    c->L = lua_newstate(sg_cli_lua_alloc, c);
    if (!c->L) {
        free(c);
        sg_lua_seterr(err, SG_ERR_MEMORY, "out of memory starting Lua");
        return NULL;
    }
    lua_pushcfunction(c->L, sg_cli_lua_open);
    lua_pushlightuserdata(c->L, c);
    if (lua_pcall(c->L, 1, 0, 0) != LUA_OK) {
        sg_lua_seterr(err, SG_ERR_MEMORY, "cannot start Lua: %s", lua_tostring(c->L, -1));
        lua_close(c->L);
        free(c);
        return NULL;
    }
    /* threads created later inherit the hook, so coroutines are counted */
    lua_sethook(c->L, sg_cli_lua_count, LUA_MASKCOUNT, SG_CLI_LUA_STEP);
    return c;
}

/* (c, path): load one rule file, in protected mode. */
static int sg_cli_lua_load_body(lua_State *L)
{
    sg_cli_lua *c = (sg_cli_lua *)lua_touserdata(L, 1);
    const char *path = lua_tostring(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->hooks_ref);
    sg_lua_load_rules(L, lua_gettop(L), c->engine, path, &c->guard);
    c->active = sg_lua_hooks_active(L, lua_gettop(L));
    return 0;
}

/* An error from an untrusted rule file that reached for what the sandbox
 * left out ("attempt to index a nil value (global 'os')") says how to allow
 * it. */
static void sg_cli_lua_hint(const sg_cli_lua *c, sg_error *err)
{
    static const char *const dropped[] = {"os",      "io",    "require", "load",
                                          "loadstring", "dofile", "loadfile", "debug",
                                          "package", "collectgarbage", NULL};
    if (c->trust || !err || err->status == SG_OK)
        return;
    for (const char *const *k = dropped; *k; k++) {
        char what[64];
        snprintf(what, sizeof what, "(global '%s')", *k);
        if (strstr(err->message, what)) {
            size_t n = strlen(err->message);
            snprintf(err->message + n, sizeof err->message - n,
                     ": rule files run without %s unless --trust-rules is given", *k);
            return;
        }
    }
}

sg_status sg_cli_lua_load(sg_cli_lua *c, const char *path, sg_error *err)
{
    lua_State *L = c->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, sg_cli_lua_load_body);
    lua_pushlightuserdata(L, c);
    lua_pushstring(L, path);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        sg_lua_seterr(err, SG_ERR_RULE, "%s", msg ? msg : "rule file failed");
        sg_cli_lua_hint(c, err);
        lua_settop(L, top);
        return SG_ERR_RULE;
    }
    lua_settop(L, top);
    lua_gc(L, LUA_GCCOLLECT, 0);
    c->base = c->used;
    return SG_OK;
}

int sg_cli_lua_active(const sg_cli_lua *c)
{
    return c && c->active;
}

/* (c): push the run table of an article, in protected mode. */
static int sg_cli_lua_run_body(lua_State *L)
{
    sg_cli_lua *c = (sg_cli_lua *)lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->hooks_ref);
    sg_lua_run_push(L, -1, 0);
    return 1;
}

sg_status sg_cli_lua_begin(sg_cli_lua *c, sg_error *err)
{
    lua_State *L;
    if (!c || !c->active)
        return SG_OK;
    L = c->L;
    /* what rules keep from one article to the next counts against the cap
     * too, or a slow leak would grow by a cap per article */
    if (c->used > c->base + SG_CLI_LUA_MEMORY) {
        lua_gc(L, LUA_GCCOLLECT, 0);
        if (c->used > c->base + SG_CLI_LUA_MEMORY) {
            sg_lua_seterr(err, SG_ERR_HOOK,
                          "rule files keep more than their memory cap (%lu "
                          "MiB) between articles; last run: %s",
                          (unsigned long)(SG_CLI_LUA_MEMORY >> 20), c->label);
            return SG_ERR_HOOK;
        }
    }
    lua_settop(L, 0);
    lua_pushcfunction(L, sg_cli_lua_run_body);
    lua_pushlightuserdata(L, c);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        sg_lua_seterr(err, SG_ERR_MEMORY, "rule files: %s", msg ? msg : "failed");
        lua_settop(L, 0);
        return SG_ERR_MEMORY;
    }
    sg_lua_run_start(&c->host, &c->run, L, -1);
    return SG_OK;
}

void sg_cli_lua_end(sg_cli_lua *c, sg_error *err)
{
    if (!c || !c->active)
        return;
    sg_lua_run_stop(&c->host);
    lua_settop(c->L, 0);
    if (err && err->status == SG_ERR_HOOK)
        sg_cli_lua_hint(c, err);
}

void sg_cli_lua_free(sg_cli_lua *c)
{
    if (!c)
        return;
    if (c->L)
        lua_close(c->L);
    free(c);
}
