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
/* Load a rule file: a Lua file returning a list of rule tables (patterns go
 * to the engine, functions stay in the state) and/or registering hooks.
 * SG_ERR_RULE with "file:line: message" on a syntax error, a bad rule, an
 * invalid pattern or an exhausted budget. */
sg_status sg_cli_lua_load(sg_cli_lua *L, const char *path, sg_error *err);
/* Whether any Lua rule or hook was loaded (else the CLI skips the calls). */
int sg_cli_lua_active(const sg_cli_lua *L);
/* Run the document, sentence, Lua-rule, flag and rating hooks on an analysis,
 * then the warning and badge hooks (through sg_analysis_set_markup), and
 * sg_analysis_finish.  SG_ERR_HOOK naming the hook, file and line on error. */
sg_status sg_cli_lua_run(sg_cli_lua *L, sg_analysis *a, sg_error *err);
/* The publish hook on the rendered output; may replace *out (freed with
 * sg_free) and *len. */
sg_status sg_cli_lua_publish(sg_cli_lua *L, sg_analysis *a, char **out,
                             size_t *len, sg_error *err);
void sg_cli_lua_free(sg_cli_lua *L);

#endif
