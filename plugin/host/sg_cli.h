/*
 * sg_cli.h -- what the command line needs from the Lua side (sg_cli_lua.c):
 * user rule files and hooks run in a Lua 5.4 state of the CLI's own.
 */
#ifndef SG_CLI_H
#define SG_CLI_H

#include "spoilerguard.h"

typedef struct sg_cli_lua sg_cli_lua;

/* A Lua state for one worker thread.  `trust` lifts the sandbox (os, io,
 * require, load, dofile, debug).  NULL and `err` on failure. */
sg_cli_lua *sg_cli_lua_new(sg_engine *engine, int trust, sg_error *err);
/* Load a rule file: a Lua file returning a list of rule tables and/or
 * registering hooks (patterns go to the engine; functions stay in the state
 * and are registered with the engine, which calls them).
 * SG_ERR_RULE with "file:line: message" on a syntax error, a bad rule, an
 * invalid pattern or an exhausted budget. */
sg_status sg_cli_lua_load(sg_cli_lua *L, const char *path, sg_error *err);
/* Whether any Lua rule or hook was loaded (else the CLI skips the calls). */
int sg_cli_lua_active(const sg_cli_lua *L);
/* An article begins: the rules and hooks (which the engine runs from
 * sg_analyze and sg_annotate on) may run until sg_cli_lua_end.
 * SG_ERR_HOOK when the rules keep more than their memory cap between
 * articles. */
sg_status sg_cli_lua_begin(sg_cli_lua *L, sg_error *err);
/* The article is done; when `err` holds a hook's failure, it learns how to
 * allow what the sandbox refused. */
void sg_cli_lua_end(sg_cli_lua *L, sg_error *err);
void sg_cli_lua_free(sg_cli_lua *L);

#endif
