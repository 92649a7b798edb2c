/*
 * sg_lua_hooks.c -- Lua functions as the core's hooks and custom rules, and
 * the core's values as Lua tables, for the binding and the command line
 * (sg_lua.h).
 *
 * The core runs every hook in stage order (sg_hooks.c); each Lua function is
 * registered with it as a C callback that shows Lua the core's struct (a
 * flag, the metadata, a rating) as a table, calls the function under the
 * host's limits, and turns what it returns back into the struct, naming the
 * function when the value has the wrong type.  What a host keeps for one
 * article (the doc table every hook shares, the tables of the sentence and
 * flag being looked at, what the last function returned) lives in the run
 * table, on the stack of the Lua call that analyses the article.
 */
#include "sg_lua.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The hooks, in the order the core runs them; a custom rule is SG_LUA_RULE. */
enum {
    SG_LUA_RULE = -1,
    SG_LUA_DOCUMENT,
    SG_LUA_SENTENCE,
    SG_LUA_FLAG,
    SG_LUA_RATING,
    SG_LUA_WARNING,
    SG_LUA_BADGE,
    SG_LUA_PUBLISH
};

static const char *const sg_lua_hook_names[] = {
    "document", "sentence", "flag", "rating", "warning", "badge", "publish", NULL};

static const char *const sg_lua_meta_fields[] = {"title", "work",    "year", "author",
                                                 "date",  "excerpt", NULL};

/* ---- the report as Lua tables -------------------------------------------- */

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

/* A flag as hooks see it: the report's entry, its index, `finish` (= end)
 * and the model's score as `model_score`. */
static void sg_lua_push_flag(lua_State *L, const sg_analysis *a, const sg_flag *f,
                             size_t index)
{
    sg_lua_walk w = {L, 0, {0}};
    sg_lua_walk_done(L, sg_report_walk_flag(a, f, &sg_lua_walker, &w));
    sg_lua_pushcount(L, index);
    lua_setfield(L, -2, "index");
    sg_lua_pushcount(L, f->end);
    lua_setfield(L, -2, "finish");
    if (!isnan(f->model_score)) {
        lua_pushnumber(L, f->model_score);
        lua_setfield(L, -2, "model_score");
    }
}

static void sg_lua_push_rating(lua_State *L, const sg_rating *r)
{
    sg_lua_walk w = {L, 0, {0}};
    sg_lua_walk_done(L, sg_report_walk_rating(r, &sg_lua_walker, &w));
}

static void sg_lua_push_meta(lua_State *L, const sg_analysis *a)
{
    sg_lua_walk w = {L, 0, {0}};
    sg_lua_walk_done(L, sg_report_walk_meta(a, &sg_lua_walker, &w));
}

/* ---- the hook table: registering Lua functions with the core ------------- */

/* A Lua function registered with the core: the host that runs it, its slot
 * in the hook table's `fns` and the hook it is (or SG_LUA_RULE). */
typedef struct sg_lua_reg {
    sg_lua_host *host;
    int slot;
    int stage;
} sg_lua_reg;

void sg_lua_hooks_new(lua_State *L, sg_lua_host *host)
{
    lua_newtable(L);
    lua_newtable(L);
    lua_setfield(L, -2, "fns");
    lua_newtable(L);
    lua_setfield(L, -2, "ids");
    lua_pushlightuserdata(L, host);
    lua_setfield(L, -2, "host");
}

int sg_lua_hooks_active(lua_State *L, int hooks)
{
    size_t n;
    lua_getfield(L, hooks, "fns");
    n = lua_istable(L, -1) ? sg_lua_rawlen(L, -1) : 0;
    lua_pop(L, 1);
    return n > 0;
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

/* Keep the function at `fn` in the next slot of the hook table's `fns`, as
 * `name` (a hook's name or a rule's id) written at `source`. */
static sg_lua_reg *sg_lua_register(lua_State *L, int hooks, int fn, int stage,
                                   const char *name, const char *source)
{
    sg_lua_reg *reg;
    lua_getfield(L, hooks, "fns");
    lua_newtable(L);
    lua_pushvalue(L, fn);
    lua_setfield(L, -2, "fn");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, source);
    lua_setfield(L, -2, "source");
    reg = (sg_lua_reg *)lua_newuserdata(L, sizeof *reg);
    lua_getfield(L, hooks, "host");
    reg->host = (sg_lua_host *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    reg->slot = (int)sg_lua_rawlen(L, -3) + 1;
    reg->stage = stage;
    lua_setfield(L, -2, "reg");
    lua_rawseti(L, -2, reg->slot);
    lua_pop(L, 1);
    return reg;
}

/* Forget a function the core refused, then raise its message. */
static void sg_lua_unregister(lua_State *L, int hooks, sg_lua_reg *reg, const char *msg)
{
    lua_getfield(L, hooks, "fns");
    lua_pushnil(L);
    lua_rawseti(L, -2, reg->slot);
    lua_pop(L, 1);
    sg_lua_raise(L, "%s", msg);
}

/* ---- the run of one article ---------------------------------------------- */

void sg_lua_run_push(lua_State *L, int hooks, int text)
{
    hooks = sg_lua_absindex(L, hooks);
    text = text ? sg_lua_absindex(L, text) : 0;
    lua_newtable(L);
    lua_pushvalue(L, hooks);
    lua_setfield(L, -2, "hooks");
    if (text) {
        lua_pushvalue(L, text);
        lua_setfield(L, -2, "text");
    }
}

void sg_lua_run_start(sg_lua_host *host, sg_lua_run *run, lua_State *L, int table)
{
    memset(run, 0, sizeof *run);
    run->L = L;
    run->table = sg_lua_absindex(L, table);
    run->sentence = run->flag = SIZE_MAX;
    host->run = run;
}

void sg_lua_run_stop(sg_lua_host *host)
{
    host->run = NULL;
}

/* ---- calling a Lua function from a callback ------------------------------ */

/* One call of the core into a Lua function: what the core passed and where
 * the answer goes. */
typedef struct sg_lua_call {
    sg_lua_reg *reg;
    int stage; /* the registered function's */
    const sg_analysis *a;
    sg_error *err;
    int result; /* sg_hook_result */
    sg_document *doc;
    const sg_sentence_info *s;
    sg_flag_edit *flag; /* sentence, rule and flag */
    const sg_flag *f;
    size_t index;
    const sg_rating *current;
    sg_rating *rating;
    sg_markup *markup; /* warning, badge and publish */
} sg_lua_call;

/* Run `body` protected, with the call and the run table as its arguments:
 * the user's function is called protected inside it, so what raises here is
 * the binding itself running out of memory, never a crash of the host. */
static int sg_lua_dispatch(sg_lua_call *c, lua_CFunction body)
{
    sg_lua_run *run = c->reg->host->run;
    lua_State *L;
    if (!run) {
        sg_lua_seterr(c->err, SG_ERR_HOOK, "a Lua function ran outside an analysis");
        return SG_HOOK_FAIL;
    }
    L = run->L;
    c->stage = c->reg->stage;
    if (!lua_checkstack(L, 4)) {
        sg_lua_seterr(c->err, SG_ERR_MEMORY, "Lua stack overflow");
        return SG_HOOK_FAIL;
    }
    c->result = SG_HOOK_FAIL;
    lua_pushcfunction(L, body);
    lua_pushlightuserdata(L, c);
    lua_pushvalue(L, run->table);
    if (lua_pcall(L, 2, 0, 0) != 0) {
        const char *msg = lua_tostring(L, -1);
        sg_lua_seterr(c->err, SG_ERR_MEMORY, "%s", msg ? msg : "Lua error");
        lua_pop(L, 1);
        return SG_HOOK_FAIL;
    }
    return c->result;
}

/* In a body: the call (argument 1; the run table is argument 2), and the
 * function's entry in the hook table pushed at *entry. */
static sg_lua_call *sg_lua_body(lua_State *L, int *entry)
{
    sg_lua_call *c = (sg_lua_call *)lua_touserdata(L, 1);
    luaL_checkstack(L, 24, "spoilerguard hooks");
    lua_getfield(L, 2, "hooks");
    lua_getfield(L, -1, "fns");
    lua_rawgeti(L, -1, c->reg->slot);
    *entry = lua_gettop(L);
    return c;
}

static const char *sg_lua_entry_str(lua_State *L, int entry, const char *key)
{
    const char *s;
    lua_getfield(L, entry, key);
    s = lua_tostring(L, -1); /* the entry holds it */
    lua_pop(L, 1);
    return s ? s : "?";
}

/* Keep the value at `idx` in the run table until the next call, so the
 * strings the core reads from it stay alive. */
static void sg_lua_keep(lua_State *L, int idx)
{
    lua_pushvalue(L, idx);
    lua_setfield(L, 2, "result");
}

/* Push the doc table all hooks of the article share ({format, text, meta}),
 * made on first use; meta is made again after a document hook changed the
 * metadata, and once the analysis is finished (the excerpt follows the
 * flags), so later hooks see the core's values. */
static void sg_lua_push_doc(lua_State *L, sg_lua_call *c)
{
    sg_lua_run *run = c->reg->host->run;
    if (c->stage >= SG_LUA_WARNING && !run->finished) {
        run->finished = 1;
        run->meta_stale = 1;
    }
    if (!run->doc_ready) {
        lua_newtable(L);
        lua_pushstring(L, sg_format_name(sg_analysis_format(c->a)));
        lua_setfield(L, -2, "format");
        if (sg_lua_getfield(L, 2, "text") == LUA_TNIL) {
            size_t n;
            const char *text = sg_analysis_text(c->a, &n);
            lua_pop(L, 1);
            lua_pushlstring(L, text, n);
        }
        lua_setfield(L, -2, "text");
        sg_lua_push_meta(L, c->a);
        lua_setfield(L, -2, "meta");
        lua_setfield(L, 2, "doc");
        run->doc_ready = 1;
        run->meta_stale = 0;
    } else if (run->meta_stale && c->stage != SG_LUA_DOCUMENT) {
        lua_getfield(L, 2, "doc");
        sg_lua_push_meta(L, c->a);
        lua_setfield(L, -2, "meta");
        lua_pop(L, 1);
        run->meta_stale = 0;
    }
    lua_getfield(L, 2, "doc");
}

/* Call the entry's function on the `nargs` values on top, leaving its one
 * result; 0 (with the error filled) when it raised or hit a limit.  A hook's
 * own message already names its place; a limit is named with the hook's
 * source (a rule's source is in the core's message). */
static int sg_lua_call_user(lua_State *L, sg_lua_call *c, int entry, int nargs)
{
    sg_lua_guard *g = c->reg->host->guard;
    const char *name = sg_lua_entry_str(L, entry, "name");
    const char *source = sg_lua_entry_str(L, entry, "source");
    int st;
    lua_getfield(L, entry, "fn");
    lua_insert(L, -(nargs + 1));
    if (g) {
        g->tripped = 0;
        if (g->enter)
            g->enter(g, L, c->stage == SG_LUA_RULE ? "rule" : "hook", name, source);
    }
    st = lua_pcall(L, nargs, 1, 0);
    if (g && g->leave)
        g->leave(g, L);
    if (st == 0)
        return 1;
    if (g && g->tripped && c->stage == SG_LUA_RULE)
        sg_lua_seterr(c->err, SG_ERR_HOOK, "%s", g->message);
    else if (g && g->tripped)
        sg_lua_seterr(c->err, SG_ERR_HOOK, "%s: %s", source, g->message);
    else
        sg_lua_seterr(c->err, SG_ERR_HOOK, "%s",
                      lua_tostring(L, -1) ? lua_tostring(L, -1)
                                          : "(error object is not a string)");
    lua_pop(L, 1);
    c->result = SG_HOOK_FAIL;
    return 0;
}

/* The function returned a value of the wrong type. */
static void sg_lua_bad_return(lua_State *L, sg_lua_call *c, int entry, int idx,
                              const char *expected)
{
    if (c->stage == SG_LUA_RULE)
        sg_lua_seterr(c->err, SG_ERR_HOOK, "returned a %s (expected %s)",
                      sg_lua_typename(L, idx), expected);
    else
        sg_lua_seterr(c->err, SG_ERR_HOOK, "%s: returned a %s (expected %s)",
                      sg_lua_entry_str(L, entry, "source"), sg_lua_typename(L, idx),
                      expected);
    c->result = SG_HOOK_FAIL;
}

/* false itself (not nil): what hooks return to veto, drop or remove. */
static int sg_lua_is_false(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TBOOLEAN && !lua_toboolean(L, idx);
}

/* ---- document ------------------------------------------------------------ */

/* A metadata value as a string kept alive in the list at `keep` (a number
 * is written as Lua writes it), NULL for nil or false; 1 in *bad for any
 * other type. */
static const char *sg_lua_meta_string(lua_State *L, int idx, int keep, int *bad)
{
    int ty = lua_type(L, idx);
    *bad = 0;
    if (ty == LUA_TSTRING || ty == LUA_TNUMBER) {
        const char *s;
        lua_pushvalue(L, idx);
        s = lua_tostring(L, -1);
        lua_rawseti(L, keep, (int)sg_lua_rawlen(L, keep) + 1); /* keep holds it */
        return s;
    }
    *bad = !(ty == LUA_TNIL || sg_lua_is_false(L, idx));
    return NULL;
}

/* meta.genres comma-separated: a list of strings, one string, or nil. */
static int sg_lua_meta_genres(lua_State *L, sg_lua_call *c, int meta, int keep)
{
    int bad, list;
    size_t i, n;
    luaL_Buffer b;
    if (sg_lua_getfield(L, meta, "genres") != LUA_TTABLE) {
        c->doc->genres = sg_lua_meta_string(L, lua_gettop(L), keep, &bad);
        if (bad)
            sg_lua_seterr(c->err, SG_ERR_HOOK,
                          "meta.genres must be a list of strings, a string or nil, "
                          "got %s",
                          sg_lua_typename(L, -1));
        return !bad;
    }
    list = lua_gettop(L);
    n = sg_lua_rawlen(L, list);
    luaL_buffinit(L, &b);
    for (i = 1; i <= n; i++) {
        int ty = sg_lua_rawgeti(L, list, (int)i);
        if (ty != LUA_TSTRING && ty != LUA_TNUMBER) {
            sg_lua_seterr(c->err, SG_ERR_HOOK,
                          "meta.genres[%lu] must be a string, got %s", (unsigned long)i,
                          sg_lua_typename(L, -1));
            return 0;
        }
        if (i > 1)
            luaL_addchar(&b, ',');
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    c->doc->genres = sg_lua_meta_string(L, lua_gettop(L), keep, &bad);
    return 1;
}

static int sg_lua_document_body(lua_State *L)
{
    int entry, doc, res, meta, keep, k, bad;
    sg_lua_call *c = sg_lua_body(L, &entry);
    const char **field[] = {&c->doc->title,  &c->doc->work, &c->doc->year,
                            &c->doc->author, &c->doc->date, &c->doc->excerpt};
    sg_lua_push_doc(L, c);
    doc = lua_gettop(L);
    lua_pushvalue(L, doc);
    if (!sg_lua_call_user(L, c, entry, 1))
        return 0;
    res = lua_gettop(L);
    if (!lua_istable(L, res) && !lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
        sg_lua_bad_return(L, c, entry, res, "nil or a table of metadata");
        return 0;
    }
    lua_getfield(L, doc, "meta");
    meta = lua_gettop(L);
    if (!lua_istable(L, meta)) {
        sg_lua_seterr(c->err, SG_ERR_HOOK, "doc.meta must stay a table");
        return 0;
    }
    if (lua_istable(L, res)) {
        /* a returned table holds metadata fields to set */
        lua_pushnil(L);
        while (lua_next(L, res)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_settable(L, meta);
        }
    }
    lua_newtable(L);
    keep = lua_gettop(L);
    sg_lua_keep(L, keep);
    for (k = 0; sg_lua_meta_fields[k]; k++) {
        lua_getfield(L, meta, sg_lua_meta_fields[k]);
        *field[k] = sg_lua_meta_string(L, lua_gettop(L), keep, &bad);
        if (bad) {
            sg_lua_seterr(c->err, SG_ERR_HOOK, "meta.%s must be a string or nil, got %s",
                          sg_lua_meta_fields[k], sg_lua_typename(L, -1));
            return 0;
        }
        lua_pop(L, 1);
    }
    if (!sg_lua_meta_genres(L, c, meta, keep))
        return 0;
    c->reg->host->run->meta_stale = 1;
    c->result = SG_HOOK_SET;
    return 0;
}

/* ---- sentence: Lua rules and sentence hooks ------------------------------ */

/* Push the sentence's table, one for every rule and hook of that sentence:
 * {text, start, end, finish, index, block}. */
static void sg_lua_push_sentence(lua_State *L, sg_lua_call *c)
{
    sg_lua_run *run = c->reg->host->run;
    const sg_sentence_info *s = c->s;
    if (run->sentence != s->index) {
        lua_newtable(L);
        lua_pushlstring(L, s->text, s->end - s->start);
        lua_setfield(L, -2, "text");
        sg_lua_pushcount(L, s->start);
        lua_setfield(L, -2, "start");
        sg_lua_pushcount(L, s->end);
        lua_setfield(L, -2, "end");
        sg_lua_pushcount(L, s->end);
        lua_setfield(L, -2, "finish");
        sg_lua_pushcount(L, s->index);
        lua_setfield(L, -2, "index");
        sg_lua_pushcount(L, (size_t)(s->block < 0 ? 0 : s->block));
        lua_setfield(L, -2, "block");
        lua_setfield(L, 2, "sentence");
        run->sentence = s->index;
    }
    lua_getfield(L, 2, "sentence");
}

/* The severity the value at `idx` names ("minor", "major"), else -1. */
int sg_lua_severity_at(lua_State *L, int idx)
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

/* What a flag table at `t` says: kind, severity, confidence and (with
 * `rule`) the rule id, over the values in *flag.  A value of the wrong type
 * becomes one the core refuses with the right message. */
static void sg_lua_read_flag(lua_State *L, int t, sg_flag_edit *flag, int rule)
{
    int ty = sg_lua_getfield(L, t, "kind");
    if (ty == LUA_TSTRING)
        flag->kind = lua_tostring(L, -1); /* t holds it */
    else if (ty != LUA_TNIL)
        flag->kind = "";
    lua_pop(L, 1);
    if (sg_lua_getfield(L, t, "severity") != LUA_TNIL)
        flag->severity = sg_lua_severity_at(L, -1);
    lua_pop(L, 1);
    ty = sg_lua_getfield(L, t, "confidence");
    if (ty != LUA_TNIL)
        flag->confidence = ty == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
    lua_pop(L, 1);
    if (rule && sg_lua_getfield(L, t, "rule") == LUA_TSTRING)
        flag->rule = lua_tostring(L, -1);
    if (rule)
        lua_pop(L, 1);
}

static int sg_lua_rule_body(lua_State *L)
{
    int entry, res;
    sg_lua_call *c = sg_lua_body(L, &entry);
    sg_lua_push_sentence(L, c);
    sg_lua_push_doc(L, c);
    if (!sg_lua_call_user(L, c, entry, 2))
        return 0;
    res = lua_gettop(L);
    sg_lua_keep(L, res);
    if (lua_type(L, res) == LUA_TBOOLEAN || lua_isnil(L, res)) {
        c->result = lua_toboolean(L, res) ? SG_HOOK_SET : SG_HOOK_KEEP;
    } else if (lua_istable(L, res)) {
        sg_lua_read_flag(L, res, c->flag, 0);
        c->result = SG_HOOK_SET;
    } else {
        sg_lua_bad_return(L, c, entry, res, "true, false, nil or a flag table");
    }
    return 0;
}

/* A sentence hook may return a list of flags: the core calls again for each
 * after the first (s->repeat), and the list kept from the first call
 * answers. */
static int sg_lua_sentence_body(lua_State *L)
{
    int entry, res;
    sg_lua_call *c = sg_lua_body(L, &entry);
    if (c->s->repeat == 0) {
        sg_lua_push_sentence(L, c);
        sg_lua_push_doc(L, c);
        if (!sg_lua_call_user(L, c, entry, 2))
            return 0;
        sg_lua_keep(L, -1);
    } else {
        lua_getfield(L, 2, "result");
    }
    res = lua_gettop(L);
    if (lua_istable(L, res)) {
        size_t n = sg_lua_rawlen(L, res);
        int is_list = sg_lua_getfield(L, res, "kind") == LUA_TNIL && n > 0;
        lua_pop(L, 1);
        if (!is_list) {
            sg_lua_read_flag(L, res, c->flag, 1);
            c->result = SG_HOOK_SET;
            return 0;
        }
        lua_rawgeti(L, res, (int)c->s->repeat + 1);
        if (!lua_istable(L, -1)) {
            sg_lua_bad_return(L, c, entry, -1, "a flag table in the list");
            return 0;
        }
        sg_lua_read_flag(L, lua_gettop(L), c->flag, 1);
        c->result = c->s->repeat + 1 < n ? SG_HOOK_MORE : SG_HOOK_SET;
    } else if (lua_isnil(L, res) || sg_lua_is_false(L, res)) {
        c->result = SG_HOOK_KEEP;
    } else {
        sg_lua_bad_return(L, c, entry, res, "nil, false or a flag table");
    }
    return 0;
}

/* ---- flag ---------------------------------------------------------------- */

static int sg_lua_same_edit(const sg_flag_edit *x, const sg_flag_edit *y)
{
    return x->kind && y->kind && !strcmp(x->kind, y->kind) &&
           x->severity == y->severity && x->confidence == y->confidence;
}

/* The candidate's table, one for every flag hook of that candidate, so a
 * hook sees what the one before it did to the table (in place or by what it
 * returned). */
static void sg_lua_push_flag_of(lua_State *L, sg_lua_call *c)
{
    sg_lua_run *run = c->reg->host->run;
    if (run->flag != c->index) {
        sg_lua_push_flag(L, c->a, c->f, c->index);
        lua_setfield(L, 2, "flag");
        run->flag = c->index;
        run->flag_left =
            (sg_flag_edit){c->f->kind, (int)c->f->severity, c->f->confidence, NULL};
    }
    lua_getfield(L, 2, "flag");
    if (!sg_lua_same_edit(c->flag, &run->flag_left)) {
        /* another hook changed the flag since this table was made */
        lua_pushstring(L, c->flag->kind);
        lua_setfield(L, -2, "kind");
        lua_pushstring(L, c->flag->severity == SG_MAJOR ? "major" : "minor");
        lua_setfield(L, -2, "severity");
        lua_pushnumber(L, c->flag->confidence);
        lua_setfield(L, -2, "confidence");
    }
}

static int sg_lua_flag_body(lua_State *L)
{
    static const char *const edits[] = {"kind", "severity", "confidence", NULL};
    const char *const *key;
    int entry, ft, res;
    sg_lua_call *c = sg_lua_body(L, &entry);
    sg_lua_push_flag_of(L, c);
    ft = lua_gettop(L);
    lua_pushvalue(L, ft);
    sg_lua_push_doc(L, c);
    if (!sg_lua_call_user(L, c, entry, 2))
        return 0;
    res = lua_gettop(L);
    if (sg_lua_is_false(L, res)) {
        c->result = SG_HOOK_DROP;
        return 0;
    }
    if (lua_istable(L, res)) {
        for (key = edits; *key; key++) {
            if (sg_lua_getfield(L, res, *key) == LUA_TNIL)
                lua_pop(L, 1);
            else
                lua_setfield(L, ft, *key);
        }
    } else if (!lua_isnil(L, res) && lua_type(L, res) != LUA_TBOOLEAN) {
        sg_lua_bad_return(L, c, entry, res,
                          "false to veto, nil to keep or a table of edits");
        return 0;
    }
    /* what the hook left in the table, edited in place or not: each value
     * must be there */
    c->flag->kind = "";
    c->flag->severity = -1;
    c->flag->confidence = NAN;
    sg_lua_read_flag(L, ft, c->flag, 0);
    c->reg->host->run->flag_left = *c->flag;
    c->result = SG_HOOK_SET;
    return 0;
}

/* ---- rating -------------------------------------------------------------- */

static double sg_lua_optnum(lua_State *L, int t, const char *k)
{
    double v = NAN;
    if (sg_lua_getfield(L, t, k) == LUA_TNUMBER)
        v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static int sg_lua_rating_body(lua_State *L)
{
    int entry, res, ty;
    double start, end;
    sg_lua_call *c = sg_lua_body(L, &entry);
    sg_rating *r = c->rating;
    if (c->current)
        sg_lua_push_rating(L, c->current);
    else
        lua_pushnil(L);
    sg_lua_push_doc(L, c);
    if (!sg_lua_call_user(L, c, entry, 2))
        return 0;
    res = lua_gettop(L);
    sg_lua_keep(L, res);
    if (sg_lua_is_false(L, res)) {
        c->result = SG_HOOK_DROP;
        return 0;
    }
    if (!lua_istable(L, res)) {
        if (lua_isnil(L, res) || lua_type(L, res) == LUA_TBOOLEAN)
            c->result = SG_HOOK_KEEP;
        else
            sg_lua_bad_return(L, c, entry, res,
                              "false to remove, nil to keep or a rating table");
        return 0;
    }
    /* a returned table replaces the rating; only its span may be left out */
    ty = sg_lua_getfield(L, res, "text");
    r->text = NULL;
    if (ty == LUA_TSTRING || ty == LUA_TNUMBER) {
        lua_tostring(L, -1);
        lua_pushvalue(L, -1);
        lua_setfield(L, res, "text"); /* the table holds the string */
        r->text = lua_tostring(L, -1);
    }
    r->verdict =
        sg_lua_getfield(L, res, "verdict") == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    r->value = sg_lua_optnum(L, res, "value");
    r->scale = sg_lua_optnum(L, res, "scale");
    r->normalized = sg_lua_optnum(L, res, "normalized");
    start = sg_lua_optnum(L, res, "start");
    end = sg_lua_optnum(L, res, "end");
    if (!isnan(start) && start >= 0)
        r->start = (size_t)start;
    if (!isnan(end) && end >= 0)
        r->end = (size_t)end;
    c->result = SG_HOOK_SET;
    return 0;
}

/* ---- warning, badge, publish --------------------------------------------- */

static int sg_lua_markup_body(lua_State *L)
{
    int entry, res;
    size_t i, n = 0;
    sg_lua_call *c = sg_lua_body(L, &entry);
    lua_pushlstring(L, c->markup->text, c->markup->len);
    sg_lua_push_doc(L, c);
    if (c->stage != SG_LUA_PUBLISH) {
        /* warning and badge see the reported flags */
        const sg_flag *flags = sg_analysis_flags(c->a, &n);
        lua_newtable(L);
        for (i = 0; i < n && flags; i++) {
            sg_lua_push_flag(L, c->a, &flags[i], i);
            lua_rawseti(L, -2, (int)i + 1);
        }
    }
    if (!sg_lua_call_user(L, c, entry, c->stage == SG_LUA_PUBLISH ? 2 : 3))
        return 0;
    res = lua_gettop(L);
    sg_lua_keep(L, res);
    if (lua_type(L, res) == LUA_TSTRING) {
        c->markup->text = lua_tolstring(L, res, &c->markup->len);
        c->result = SG_HOOK_SET;
    } else if (c->stage != SG_LUA_PUBLISH && sg_lua_is_false(L, res)) {
        c->result = SG_HOOK_DROP;
    } else if (lua_isnil(L, res) ||
               (lua_type(L, res) == LUA_TBOOLEAN && lua_toboolean(L, res))) {
        c->result = SG_HOOK_KEEP;
    } else {
        sg_lua_bad_return(L, c, entry, res,
                          c->stage == SG_LUA_PUBLISH
                              ? "a string or nil to keep"
                              : "a string, false to insert nothing or nil to keep");
    }
    return 0;
}

/* ---- the callbacks the core calls ---------------------------------------- */

static int sg_lua_on_document(const sg_analysis *a, sg_document *doc, sg_error *err,
                              void *ud)
{
    sg_lua_call c = {.reg = ud, .a = a, .err = err, .doc = doc};
    return sg_lua_dispatch(&c, sg_lua_document_body);
}

/* a sentence hook or a Lua rule */
static int sg_lua_on_sentence(const sg_analysis *a, const sg_sentence_info *s,
                              sg_flag_edit *flag, sg_error *err, void *ud)
{
    sg_lua_call c = {.reg = ud, .a = a, .err = err, .s = s, .flag = flag};
    return sg_lua_dispatch(&c, c.reg->stage == SG_LUA_RULE ? sg_lua_rule_body
                                                           : sg_lua_sentence_body);
}

static int sg_lua_on_flag(const sg_analysis *a, const sg_flag *f, size_t index,
                          sg_flag_edit *edit, sg_error *err, void *ud)
{
    sg_lua_call c = {.reg = ud, .a = a, .err = err, .flag = edit, .f = f, .index = index};
    return sg_lua_dispatch(&c, sg_lua_flag_body);
}

static int sg_lua_on_rating(const sg_analysis *a, const sg_rating *current,
                            sg_rating *rating, sg_error *err, void *ud)
{
    sg_lua_call c = {.reg = ud, .a = a, .err = err, .current = current, .rating = rating};
    return sg_lua_dispatch(&c, sg_lua_rating_body);
}

/* warning, badge and publish */
static int sg_lua_on_markup(const sg_analysis *a, sg_markup *m, sg_error *err, void *ud)
{
    sg_lua_call c = {.reg = ud, .a = a, .err = err, .markup = m};
    return sg_lua_dispatch(&c, sg_lua_markup_body);
}

/* ---- registering --------------------------------------------------------- */

void sg_lua_add_hook(lua_State *L, int hooks, const char *name, int fn)
{
    int stage;
    char src[256];
    sg_lua_reg *reg;
    sg_hooks h;
    sg_error err;
    hooks = sg_lua_absindex(L, hooks);
    fn = sg_lua_absindex(L, fn);
    for (stage = 0; sg_lua_hook_names[stage]; stage++)
        if (strcmp(sg_lua_hook_names[stage], name) == 0)
            break;
    if (!sg_lua_hook_names[stage])
        luaL_error(L,
                   "unknown hook '%s' (expected document, sentence, flag, "
                   "rating, warning, badge or publish)",
                   name);
    if (lua_type(L, fn) != LUA_TFUNCTION)
        luaL_error(L, "hook '%s' must be a function, got %s", name,
                   sg_lua_typename(L, fn));
    sg_lua_fn_source(L, fn, src, sizeof src);
    reg = sg_lua_register(L, hooks, fn, stage, name, src);
    memset(&h, 0, sizeof h);
    h.userdata = reg;
    h.source = src;
    switch (stage) {
    case SG_LUA_DOCUMENT:
        h.document = sg_lua_on_document;
        break;
    case SG_LUA_SENTENCE:
        h.sentence = sg_lua_on_sentence;
        break;
    case SG_LUA_FLAG:
        h.flag = sg_lua_on_flag;
        break;
    case SG_LUA_RATING:
        h.rating = sg_lua_on_rating;
        break;
    case SG_LUA_WARNING:
        h.warning = sg_lua_on_markup;
        break;
    case SG_LUA_BADGE:
        h.badge = sg_lua_on_markup;
        break;
    default:
        h.publish = sg_lua_on_markup;
        break;
    }
    memset(&err, 0, sizeof err);
    if (sg_engine_add_hooks(reg->host->engine, &h, &err) != SG_OK)
        sg_lua_unregister(L, hooks, reg, err.message);
}

void sg_lua_add_custom_rule(lua_State *L, int hooks, int fn, sg_rule_def *def)
{
    sg_lua_reg *reg;
    sg_error err;
    hooks = sg_lua_absindex(L, hooks);
    reg = sg_lua_register(L, hooks, sg_lua_absindex(L, fn), SG_LUA_RULE, def->id,
                          def->source);
    def->match = sg_lua_on_sentence;
    def->userdata = reg;
    memset(&err, 0, sizeof err);
    if (sg_engine_add_rule(reg->host->engine, def, &err) != SG_OK)
        sg_lua_unregister(L, hooks, reg, err.message);
}
