/*
 * sg_lua.h -- what the binding (sg_lua.c) shares with the command line's
 * rule files (sg_cli_lua.c): adding rule tables, loading rule files and
 * running hooks on an analysis.  Built once per Lua ABI with that ABI's
 * headers; nothing here is part of the public C API.
 *
 * Rules and hooks of one engine live in one Lua table, the "hook table":
 *   { hooks = { document = { {fn=, source=}, ... }, sentence = ..., flag,
 *               rating, warning, badge, publish },
 *     rules = { {id=, kind=, severity=, confidence=, match=, source=}, ... },
 *     ids   = { [id] = "file:line" } }
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
 * the call sets `tripped` and writes `message`, which is then reported as it
 * is (it names the rule or hook itself). */
typedef struct sg_lua_guard sg_lua_guard;
struct sg_lua_guard {
    void (*enter)(sg_lua_guard *g, lua_State *L, const char *what, const char *name,
                  const char *source);
    void (*leave)(sg_lua_guard *g, lua_State *L);
    int tripped;
    char message[512];
};

/* Which hooks sg_lua_hooks_run runs. */
#define SG_LUA_STAGE_ANALYSIS 1 /* document, Lua rules, sentence, flag, rating */
#define SG_LUA_STAGE_MARKUP 2   /* warning and badge */

/* Push a new, empty hook table. */
void sg_lua_hooks_new(lua_State *L);
/* Whether the hook table at `hooks` holds any Lua rule or hook. */
int sg_lua_hooks_active(lua_State *L, int hooks);
/* Whether it holds hooks of the given name ("publish", ...). */
int sg_lua_hooks_has(lua_State *L, int hooks, const char *name);

/* Add the rule table at `rule`: patterns go to `engine`, a `match` function
 * to the hook table.  `source` ("file:line") names where it was written.
 * Raises a Lua error naming the rule id and source on misuse or an invalid
 * pattern. */
void sg_lua_add_rule(lua_State *L, int hooks, int rule, sg_engine *engine,
                     const char *source);
/* Register function at `fn` as hook `name`; raises on an unknown name. */
void sg_lua_add_hook(lua_State *L, int hooks, const char *name, int fn);

/* Load a rule file: run it with `on(name, fn)` and `characters{names}` in
 * its environment (whose other globals come from the table at `env`, or the
 * globals when 0), then
 * add each rule table of the list it returns.  Text only, never bytecode.
 * `guard` may be NULL.  Raises a Lua error "file:line: message" on failure. */
void sg_lua_load_rules(lua_State *L, int hooks, sg_engine *engine, const char *path,
                       int env, sg_lua_guard *guard);

/* Run the hooks of `stages` on analysis `a` of the string at `text` (the
 * analysed input), and sg_analysis_finish after the analysis stage.  Must be
 * called in protected mode (it may raise on memory errors); errors of user
 * code come back as SG_ERR_HOOK with "hook 'flag' failed: file:line: msg" or
 * "rule 'id' (file:line) failed: ...". */
sg_status sg_lua_hooks_run(lua_State *L, int hooks, int text, sg_analysis *a, int stages,
                           sg_lua_guard *guard, sg_error *err);
/* The publish hooks on the rendered output `*out` (`*len` bytes, from
 * sg_render); a hook's replacement takes its place (a new sg-free-able
 * buffer is not made: the result is pushed on the stack instead).  Pushes
 * the final output string; on error pushes nothing. */
sg_status sg_lua_hooks_publish(lua_State *L, int hooks, int text, sg_analysis *a,
                               const char *out, size_t len, sg_lua_guard *guard,
                               sg_error *err);

/* Push the report of `a` as Lua tables, built by a walk of the analysis
 * (sg_report_walk): the JSON report's shape, null as nil, scores exact.
 * Raises on memory errors. */
void sg_lua_push_report(lua_State *L, const sg_analysis *a);

/* Fill `err` (when not NULL) with status `st` and a printf-style message. */
void sg_lua_seterr(sg_error *err, sg_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
