/*
 * sg_lua.h -- what the binding (sg_lua.c) shares with the command line's
 * rule files (sg_cli_lua.c): Lua functions registered as the core's hooks
 * and custom rules (sg_lua_hooks.c), rule tables and rule files
 * (sg_lua_rules.c), the core's values as Lua tables, and the errors raised
 * and reported (sg_lua_errors.c).  Built once per Lua ABI with that ABI's
 * headers; nothing here is part of the public C API.
 *
 * The core runs the hooks (sg_hooks.c); here each Lua function becomes a C
 * callback that turns the core's structs into Lua values and back.  The
 * functions of one engine live in one Lua table, the "hook table":
 *   { fns = { {fn=, source=, name=}, ... },  -- hooks and Lua rules, by slot
 *     ids = { [id] = "file:line" } }          -- every rule id added
 * Offsets and indices handed to Lua are 0-based bytes and 0-based indices,
 * as in the JSON report; `end` (also `finish`) is exclusive.
 */
#ifndef SG_LUA_H
#define SG_LUA_H

#include "sg_luacompat.h"
#include "spoilerguard.h"

/* A limit around each call into user code (the command line's instruction
 * budget and memory cap).  `enter` is called before a rule ("rule"), hook
 * ("hook") or rule file ("file") runs, `leave` after; a limit that stops
 * the call sets `tripped` and writes `message`, which says which limit
 * ("exceeded its instruction budget (...)"); the caller names the code. */
typedef struct sg_lua_guard sg_lua_guard;
struct sg_lua_guard {
    void (*enter)(sg_lua_guard *g, lua_State *L, const char *what, const char *name,
                  const char *source);
    void (*leave)(sg_lua_guard *g, lua_State *L);
    int tripped;
    char message[512];
};

/* One article whose Lua hooks may run: where its Lua values live. */
typedef struct sg_lua_run {
    lua_State *L;
    int table;              /* stack index of the run table (sg_lua_run_push) */
    int doc_ready;          /* the run table's doc is built */
    int meta_stale;         /* a document hook changed the metadata since */
    int finished;           /* a hook of sg_annotate has run */
    size_t sentence;        /* the sentence whose table is kept, or SIZE_MAX */
    size_t flag;            /* the candidate whose table is kept, or SIZE_MAX */
    sg_flag_edit flag_left; /* what that table held when its hook returned */
} sg_lua_run;

/* Where a host's Lua functions are registered and run: the Lua module's
 * engine, or the command line's Lua state. */
typedef struct sg_lua_host {
    sg_engine *engine;   /* registered with */
    sg_lua_guard *guard; /* limits around each call, or NULL */
    sg_lua_run *run;     /* the article being processed, or NULL */
} sg_lua_host;

/* Push a new, empty hook table whose functions register with `host`. */
void sg_lua_hooks_new(lua_State *L, sg_lua_host *host);
/* Whether the hook table at `hooks` holds any Lua rule or hook. */
int sg_lua_hooks_active(lua_State *L, int hooks);
/* Register the function at `fn` as hook `name` of the hook table at
 * `hooks`; raises on an unknown name or a value that is not a function. */
void sg_lua_add_hook(lua_State *L, int hooks, const char *name, int fn);
/* Register the function at `fn` as the custom rule `def` (whose id, kind,
 * severity, confidence and source are set; `match` is filled in here);
 * raises with the core's message when it refuses the rule. */
void sg_lua_add_custom_rule(lua_State *L, int hooks, int fn, sg_rule_def *def);

/* Push the run table of an article, for the hook table at `hooks` and the
 * analysed text at `text` (0: taken from the analysis when a hook needs
 * it).  Raises on memory errors. */
void sg_lua_run_push(lua_State *L, int hooks, int text);
/* Start the run whose table is at stack index `table` of L: the host's hooks
 * run in it until sg_lua_run_stop.  `run` must outlive that. */
void sg_lua_run_start(sg_lua_host *host, sg_lua_run *run, lua_State *L, int table);
void sg_lua_run_stop(sg_lua_host *host);

/* Add the rule table at `rule`: patterns go to `engine`, a `match` function
 * becomes a custom rule.  `source` ("file:line") names where it was written.
 * Raises a Lua error naming the rule id and source on misuse or an invalid
 * pattern. */
void sg_lua_add_rule(lua_State *L, int hooks, int rule, sg_engine *engine,
                     const char *source);
/* Load a rule file: run it with `on(name, fn)` and `characters{names}` in
 * its environment (whose other globals are the host's), then add each rule
 * table of the list it returns.  Text only, never bytecode.  `guard` may be
 * NULL.  Raises a Lua error "file:line: message" on failure. */
void sg_lua_load_rules(lua_State *L, int hooks, sg_engine *engine, const char *path,
                       sg_lua_guard *guard);

/* Push the report of `a` as Lua tables, built by a walk of the analysis
 * (sg_report_walk): the JSON report's shape, null as nil, scores exact.
 * Raises on memory errors. */
void sg_lua_push_report(lua_State *L, const sg_analysis *a);

/* -1 when the value at `idx` names no severity ("minor", "major")
 * (sg_lua_hooks.c). */
int sg_lua_severity_at(lua_State *L, int idx);
/* Raise the formatted message as it is (no position added)
 * (sg_lua_errors.c). */
int sg_lua_raise(lua_State *L, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Fill `err` (when not NULL) with status `st` and a printf-style message
 * (sg_lua_errors.c). */
void sg_lua_seterr(sg_error *err, sg_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define sg_lua_typename(L, idx) lua_typename((L), lua_type((L), (idx)))

#endif
