/*
 * sg_luacompat.h -- the few calls that differ between Lua 5.4, Lua 5.3 and
 * LuaJIT 2.1 (the Lua 5.1 API), so one binding source builds against each
 * host's own headers.  Only what sg_lua.c and sg_cli_lua.c use is here.
 */
#ifndef SG_LUACOMPAT_H
#define SG_LUACOMPAT_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM < 501
#error "spoilerguard needs Lua 5.1 (LuaJIT 2.1) or later headers"
#endif

#if LUA_VERSION_NUM == 501

/* LuaJIT 2.1 has luaL_setfuncs, luaL_testudata, luaL_setmetatable and
 * luaL_traceback; these are the rest. */
#define sg_lua_rawlen(L, i) lua_objlen((L), (i))
#define sg_lua_absindex(L, i)                                                            \
    (((i) > 0 || (i) <= LUA_REGISTRYINDEX) ? (i) : lua_gettop(L) + (i) + 1)
/* A userdata's attached table: the environment in Lua 5.1. */
#define sg_lua_setuservalue(L, i) lua_setfenv((L), (i))
#define sg_lua_getuservalue(L, i) lua_getfenv((L), (i))
#define sg_lua_isinteger(L, i) 0

#else

#define sg_lua_rawlen(L, i) ((size_t)lua_rawlen((L), (i)))
#define sg_lua_absindex(L, i) lua_absindex((L), (i))
#define sg_lua_setuservalue(L, i) lua_setuservalue((L), (i))
/* Lua 5.3 returns the type, 5.4's macro too; the result is not used. */
#define sg_lua_getuservalue(L, i) ((void)lua_getuservalue((L), (i)))
#define sg_lua_isinteger(L, i) lua_isinteger((L), (i))

#endif

/* lua_getfield and lua_rawgeti return the type from 5.3 on and nothing in
 * 5.1: these give the type everywhere. */
static inline int sg_lua_getfield(lua_State *L, int idx, const char *k)
{
    lua_getfield(L, idx, k);
    return lua_type(L, -1);
}

static inline int sg_lua_rawgeti(lua_State *L, int idx, int n)
{
    lua_rawgeti(L, idx, n);
    return lua_type(L, -1);
}

/* Push a number as an integer when it is one and the host has integers. */
static inline void sg_lua_pushcount(lua_State *L, size_t n)
{
#if LUA_VERSION_NUM >= 503
    lua_pushinteger(L, (lua_Integer)n);
#else
    lua_pushnumber(L, (lua_Number)n);
#endif
}

#endif
