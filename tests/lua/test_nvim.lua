-- spoilerguard in Neovim, run headless:
--   SG_ROOT=. SG_BUILD=build [SG_CORPUS=../shared/corpus] \
--     nvim --headless -u NONE -i NONE -c "luafile tests/lua/test_nvim.lua"
-- Prints "N passed, N failed" and exits with :cquit on failure.
local root = vim.fn.fnamemodify(os.getenv("SG_ROOT") or ".", ":p"):gsub("/$", "")
local build = vim.fn.fnamemodify(os.getenv("SG_BUILD") or (root .. "/build"), ":p"):gsub("/$", "")
local corpus = os.getenv("SG_CORPUS") or (root .. "/../shared/corpus")

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. "\n") io.stdout:flush() end

local function test(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    out("ok   " .. name)
  else
    failed = failed + 1
    out("FAIL " .. name .. ": " .. tostring(err))
  end
end

local function check(cond, msg, ...)
  if not cond then error(select("#", ...) > 0 and msg:format(...) or msg, 2) end
end

local function short(v)
  local s = vim.inspect(v)
  return #s > 300 and (s:sub(1, 300) .. "...") or s
end

local function eq(got, want, what)
  if got ~= want then
    error(("%s: got %s, want %s"):format(what or "value", short(got), short(want)), 2)
  end
end

local function finish()
  out(("%d passed, %d failed"):format(passed, failed))
  if failed > 0 then vim.cmd("cquit 1") else vim.cmd("qall!") end
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

-- The lazy.nvim spec the README gives, read from README.md (lazy.nvim itself
-- needs Neovim 0.8: this checks the spec's shape in 0.7): `dir` is the
-- plugin's folder; `build`, a shell command as lazy.nvim runs it there, runs
-- the cmake build into build/, where the plugin loads the binding from;
-- `config`, called as lazy.nvim calls it, calls setup with `opts`.
local function lazy_spec_tests()
  local f = assert(io.open(root .. "/README.md", "rb"))
  local readme = f:read("*a")
  f:close()
  -- the Lua block whose first line names lazy.nvim
  local block = readme:match("```lua\n(%-%-[^\n]*lazy%.nvim[^\n]*\n.-)```")
  local spec
  test("readme_has_a_lazy_nvim_spec_that_loads", function()
    check(block, "no ```lua block opening with a comment that names lazy.nvim in README.md")
    local chunk, err = load(block, "=README.md lazy.nvim spec")
    check(chunk, "the block does not load: %s", tostring(err))
    spec = chunk()
    check(type(spec) == "table", "the block returns %s, not a spec", type(spec))
  end)
  if not spec then return end

  test("spec_names_the_plugin_folder", function()
    check(type(spec.dir) == "string" and spec.dir:match("/spoilerguard$"),
          "dir is %s, not a folder named spoilerguard", vim.inspect(spec.dir))
    check(spec[1] == nil and spec.url == nil, "a local plugin has dir and no repository")
  end)

  test("spec_loads_for_reviews", function()
    local ft = type(spec.ft) == "string" and { spec.ft } or spec.ft or {}
    check(vim.tbl_contains(ft, "markdown") and vim.tbl_contains(ft, "html"),
          "ft is %s", vim.inspect(spec.ft))
  end)

  test("build_runs_the_cmake_build_into_build_in_the_plugin_folder", function()
    -- lazy.nvim runs a build string that does not open with ':' as a shell
    -- command in the plugin's folder: run it so, with a cmake that records
    -- its arguments and the folder it ran in
    check(type(spec.build) == "string" and spec.build:sub(1, 1) ~= ":",
          "build is %s, not a shell command", vim.inspect(spec.build))
    local bin = vim.fn.tempname()
    vim.fn.mkdir(bin, "p")
    local fake = assert(io.open(bin .. "/cmake", "w"))
    fake:write('#!/bin/sh\nprintf "%s|%s\\n" "$PWD" "$*" >> "' .. bin .. '/calls"\n')
    fake:close()
    vim.fn.setfperm(bin .. "/cmake", "rwx------")
    local res = vim.fn.system({ "sh", "-c", 'cd "$1" && PATH="$2:$PATH" && eval "$3"', "sh",
                                root, bin, spec.build })
    check(vim.v.shell_error == 0, "the build command failed: %s", res)
    local calls = {}
    for line in io.lines(bin .. "/calls") do calls[#calls + 1] = line end
    vim.fn.delete(bin, "rf")
    check(#calls == 2, "cmake ran %d times: %s", #calls, vim.inspect(calls))
    local real = vim.loop.fs_realpath(root)
    for _, c in ipairs(calls) do
      local dir = c:match("^(.-)|")
      check(vim.loop.fs_realpath(dir) == real, "cmake ran in %s, not the plugin folder", dir)
    end
    check(calls[1]:find("|-S . -B build ", 1, true) and calls[1]:find("-DCMAKE_BUILD_TYPE=Release", 1, true),
          "the configure step is %s", calls[1])
    check(calls[2]:find("|--build build", 1, true), "the build step is %s", calls[2])
  end)

  test("the_plugin_loads_its_binding_from_that_build", function()
    vim.opt.runtimepath:prepend(root)
    local m = require("spoilerguard.nvim")
    local want = root .. "/build/luajit/"
    local found = false
    for _, c in ipairs(m.status().candidates) do
      found = found or c:sub(1, #want) == want
    end
    check(found, "the plugin does not look in %s: %s", want, vim.inspect(m.status().candidates))
  end)

  test("config_calls_setup_with_opts", function()
    -- lazy.nvim loads a plugin: its folder on the runtime path, its plugin/
    -- files sourced, then config(plugin, opts)
    vim.opt.runtimepath:prepend(root)
    vim.cmd("runtime! plugin/spoilerguard.lua")
    local m = require("spoilerguard.nvim")
    local setup, seen = m.setup, nil
    m.setup = function(o) seen = o return setup(o) end
    spec.config({ dir = root, name = "spoilerguard" }, spec.opts)
    m.setup = setup
    check(seen ~= nil and seen == spec.opts, "setup got %s, not opts", vim.inspect(seen))
    check(vim.fn.exists(":SpoilerCheck") == 2, "no :SpoilerCheck")
    if spec.opts and spec.opts.auto then
      check(#vim.api.nvim_get_autocmds({ group = "spoilerguard" }) > 0,
            "auto = true set no autocommands")
    end
  end)
end

local function main()
  -- Messages the plugin gives, instead of the screen.
  local notes = {}
  vim.notify = function(msg, level) notes[#notes + 1] = { msg = msg, level = level } end

  vim.opt.runtimepath:prepend(root)
  vim.g.spoilerguard_binding = build .. "/luajit/?.so"

  local REVIEW = table.concat({
    "# Ballerina",
    "",
    "Okju is a contract killer who wants out.",
    "",
    "In the final act, Okju dies in her mentor's arms.",
    "",
    "The action scenes are superb. Rating: 7/10",
  }, "\n")

  local function new_buffer(text, ft)
    vim.cmd("enew!")
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].buftype = "nofile"
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, "\n", { plain = true }))
    vim.bo[buf].filetype = ft or "markdown"
    -- start a new undo block, so the next change can be undone on its own
    vim.bo[buf].undolevels = vim.bo[buf].undolevels
    return buf
  end

  local function buffer_text(buf)
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  end

  local nv

  test("plugin_file_is_harmless_to_source_and_defines_the_commands", function()
    vim.cmd("runtime plugin/spoilerguard.lua")
    vim.cmd("runtime plugin/spoilerguard.lua") -- twice: still fine
    for _, c in ipairs { "SpoilerCheck", "SpoilerMark", "SpoilerStrip", "SpoilerBadge" } do
      eq(vim.fn.exists(":" .. c), 2, c)
    end
    eq(package.loaded["spoilerguard.core"], nil, "binding not loaded until used")
  end)

  test("binding_loads_under_luajit", function()
    nv = require("spoilerguard.nvim")
    local want = vim.fn.fnamemodify(build .. "/luajit/spoilerguard/core.so", ":p")
    nv.setup { binding = build .. "/luajit" }
    eq(nv.status().candidates[1], want, "the binding option is looked at first")
    eq(nv.status().binding, want, "loaded from the binding option")
    nv.setup { defaults = false, rules = { { id = "test.dies", kind = "death", severity = "major", pattern = [[\bdies\b]] },
                         { id = "test.contract", kind = "plot", pattern = [[\bcontract killer\b]] } } }
    local sg, err = nv.load()
    check(sg, "load: %s", tostring(err))
    eq(sg.core.lua_abi, 501, "LuaJIT binding")
    check(nv.engine(), "engine")
  end)

  if not nv or not nv.load() then
    return
  end

  test("spoiler_check_sets_diagnostics_with_severity_kind_and_rule", function()
    local buf = new_buffer(REVIEW)
    vim.cmd("SpoilerCheck")
    local diags = vim.diagnostic.get(buf, { namespace = nv.namespace })
    check(#diags >= 2, "diagnostics: %d", #diags)
    local by_rule = {}
    for _, d in ipairs(diags) do by_rule[d.code] = d end
    local death = by_rule["test.dies"]
    check(death, "death diagnostic")
    eq(death.severity, vim.diagnostic.severity.WARN, "major is WARN")
    eq(death.lnum, 4, "line of the death sentence")
    check(death.message:find("death", 1, true) and death.message:find("test.dies", 1, true),
          "message names kind and rule: %s", death.message)
    local plot = by_rule["test.contract"]
    check(plot, "plot diagnostic")
    eq(plot.severity, vim.diagnostic.severity.HINT, "minor is HINT")
    eq(vim.api.nvim_get_namespaces()["spoilerguard"], nv.namespace, "namespace name")
  end)

  test("spoiler_mark_is_one_undo_step_and_strip_gives_the_buffer_back", function()
    local buf = new_buffer(REVIEW)
    local before = buffer_text(buf)
    local n = #notes
    vim.cmd("SpoilerMark")
    local marked = buffer_text(buf)
    check(marked ~= before, "SpoilerMark changed the buffer")
    check(#notes > n and notes[#notes].msg:find("marked %d+ spoiler sentence") and
          notes[#notes].msg:find("badge 7/10", 1, true),
          "SpoilerMark says what it did: " .. tostring(notes[#notes] and notes[#notes].msg))
    vim.cmd("silent undo")
    eq(buffer_text(buf), before, "one undo restores the buffer")
    vim.cmd("silent redo")
    eq(buffer_text(buf), marked, "redo")
    vim.bo[buf].undolevels = vim.bo[buf].undolevels
    vim.cmd("SpoilerStrip")
    eq(buffer_text(buf), before, "SpoilerStrip gives the buffer back")
    check(notes[#notes].msg:find("removed what spoilerguard inserted (" .. (#marked - #before) ..
                                 " bytes)", 1, true),
          "SpoilerStrip says what it did: " .. notes[#notes].msg)
    eq(#vim.diagnostic.get(buf, { namespace = nv.namespace }), 0, "strip clears diagnostics")
    vim.cmd("SpoilerStrip")
    check(notes[#notes].msg:find("nothing to strip", 1, true), "a second strip says so")
  end)

  test("spoiler_strip_warns_about_what_an_edit_left", function()
    local buf = new_buffer(REVIEW, "text")
    local before = buffer_text(buf)
    vim.cmd("SpoilerMark")
    local marked = buffer_text(buf)
    -- the copy lost a mark's closing piece: strip leaves that mark and says so
    local edited = marked:gsub(" %[/spoiler%]", "", 1)
    check(edited ~= marked, "a closing piece to delete in: " .. marked)
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(edited, "\n", { plain = true }))
    vim.cmd("SpoilerStrip")
    check(buffer_text(buf) ~= before, "the half mark stays")
    eq(notes[#notes].level, vim.log.levels.WARN, "a warning")
    check(notes[#notes].msg:find("does not close", 1, true), "it says what: " .. notes[#notes].msg)
  end)

  test("spoiler_badge_inserts_only_the_badge_and_strips_back", function()
    local buf = new_buffer(REVIEW)
    local before = buffer_text(buf)
    vim.cmd("SpoilerBadge")
    local after = buffer_text(buf)
    check(after ~= before, "badge inserted")
    vim.cmd("SpoilerStrip")
    eq(buffer_text(buf), before, "strip removes the badge")
  end)

  test("format_follows_the_filetype", function()
    local html = "<p>Okju is a contract killer.</p>\n<p>In the end, Okju dies.</p>\n"
    local buf = new_buffer(html, "html")
    local _, from = nv.buffer_text(buf)
    eq(from, "html", "html filetype")
    local report = assert(nv.check(buf))
    eq(report.format, "html", "analysed as html")
    vim.bo[buf].filetype = "text"
    local _, from2 = nv.buffer_text(buf)
    eq(from2, "plain", "other filetypes are plain")
  end)

  test("failing_hook_is_reported_and_neovim_survives", function()
    nv.setup { on = { flag = function() error("hook exploded") end } }
    local buf = new_buffer(REVIEW)
    notes = {}
    vim.cmd("SpoilerCheck")
    check(#notes >= 1, "a notification")
    check(notes[#notes].msg:find("hook 'flag' failed", 1, true), "message: %s", notes[#notes].msg)
    check(notes[#notes].msg:find("hook exploded", 1, true), "message: %s", notes[#notes].msg)
    eq(#vim.diagnostic.get(buf, { namespace = nv.namespace }), 0, "no stale diagnostics")
    nv.setup { on = false }
  end)

  test("user_hooks_from_setup_run_in_neovim", function()
    local seen = 0
    nv.setup { on = { flag = function(f) seen = seen + 1 if f.rule == "test.contract" then return false end end } }
    local buf = new_buffer(REVIEW)
    vim.cmd("SpoilerCheck")
    check(seen >= 2, "flag hook ran (%d)", seen)
    for _, d in ipairs(vim.diagnostic.get(buf, { namespace = nv.namespace })) do
      check(d.code ~= "test.contract", "vetoed flag has no diagnostic")
    end
    nv.setup { on = false }
  end)

  test("auto_checks_on_write", function()
    nv.setup { auto = true, debounce = 20 }
    local path = vim.fn.tempname() .. ".md"
    vim.cmd("edit " .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = "markdown"
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(REVIEW, "\n", { plain = true }))
    vim.cmd("silent write")
    check(#vim.diagnostic.get(buf, { namespace = nv.namespace }) >= 1, "diagnostics after write")
    -- a change is checked once the timer fires
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, { "Nothing happens here." })
    vim.api.nvim_exec_autocmds("TextChanged", { buffer = buf })
    vim.wait(2000, function() return #vim.diagnostic.get(buf, { namespace = nv.namespace }) == 0 end, 10)
    eq(#vim.diagnostic.get(buf, { namespace = nv.namespace }), 0, "diagnostics after the debounced check")
    vim.cmd("bwipeout!")
    os.remove(path)
    nv.setup { auto = false }
  end)

  test("seed_review_as_markdown_gets_diagnostics_matching_its_report", function()
    local text = read_file(corpus .. "/seeds/ballerina-scmp.txt")
    if not text then
      out("skip seed review: no corpus at " .. corpus)
      return
    end
    nv.setup { rules = "default", defaults = true }
    local buf = new_buffer(text:gsub("\n$", ""), "markdown")
    local report = assert(nv.check(buf))
    local diags = vim.diagnostic.get(buf, { namespace = nv.namespace })
    eq(#diags, #report.spoilers, "one diagnostic per reported spoiler")
    check(#diags >= 1, "the seed has spoilers")
    local want = { major = vim.diagnostic.severity.WARN, minor = vim.diagnostic.severity.HINT }
    local sev = {}
    for _, f in ipairs(report.spoilers) do sev[f.rule .. ":" .. f.start] = want[f.severity] end
    local majors = 0
    for _, d in ipairs(diags) do
      check(d.severity == want.major or d.severity == want.minor, "severity %s", d.severity)
      if d.severity == want.major then majors = majors + 1 end
    end
    local expected_majors = 0
    for _, f in ipairs(report.spoilers) do if f.severity == "major" then expected_majors = expected_majors + 1 end end
    eq(majors, expected_majors, "major spoilers are warnings")
    local before = buffer_text(buf)
    vim.cmd("SpoilerMark")
    vim.cmd("SpoilerStrip")
    eq(buffer_text(buf), before, "mark then strip gives the seed back")
  end)

  test("health_check_reports_the_binding", function()
    local lines = {}
    local h = package.loaded["health"]
    local ok_h, health = pcall(require, "health")
    if ok_h then h = health end
    local saved = {}
    -- catch what the check reports, whichever API this Neovim has
    local targets = { vim.health or {}, h or {} }
    for _, t in ipairs(targets) do
      for _, k in ipairs { "start", "ok", "info", "warn", "error",
                           "report_start", "report_ok", "report_info", "report_warn", "report_error" } do
        if t[k] then
          saved[#saved + 1] = { t, k, t[k] }
          t[k] = function(msg) lines[#lines + 1] = k .. ": " .. msg end
        end
      end
    end
    local ok, err = pcall(require("spoilerguard.health").check)
    for _, s in ipairs(saved) do s[1][s[2]] = s[3] end
    check(ok, "check ran: %s", tostring(err))
    local all = table.concat(lines, "\n")
    check(all:find("binding loaded from", 1, true), "reports the binding: %s", all)
  end)

  test("spoiler_check_on_a_10000_line_buffer_is_timed", function()
    nv.setup { rules = "default", defaults = true }
    -- a long review: plain paragraphs, with a spoiler every 400 lines
    local para = {
      "The film opens on a rainy street and the camera lingers on the neon signs.",
      "Its lead gives a committed performance, even when the script falters.",
      "The score is loud and the editing is brisk, which suits the material.",
      "",
    }
    local lines, paragraphs = {}, 0
    while #lines < 10000 do
      for _, l in ipairs(para) do lines[#lines + 1] = l end
      paragraphs = paragraphs + 1
      if paragraphs % 100 == 0 then
        lines[#lines + 1] = "In the final act, the mentor dies and the heroine walks away alone."
        lines[#lines + 1] = ""
      end
    end
    vim.cmd("enew!")
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].buftype = "nofile"
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
    vim.bo[buf].filetype = "markdown"
    nv.check(buf) -- warm up (engine, JIT)
    local best = math.huge
    for _ = 1, 3 do
      local t0 = vim.loop.hrtime()
      vim.cmd("SpoilerCheck")
      local ms = (vim.loop.hrtime() - t0) / 1e6
      if ms < best then best = ms end
    end
    local n = #vim.diagnostic.get(buf, { namespace = nv.namespace })
    out(("time :SpoilerCheck on %d lines: %.1f ms (best of 3), %d diagnostics"):format(#lines, best, n))
    check(n > 0, "diagnostics on the large buffer")
    check(best < 5000, "check of 10,000 lines took %.0f ms", best)

    -- the same buffer split across threads gives the same diagnostics
    local function keyed()
      local t = {}
      for _, d in ipairs(vim.diagnostic.get(buf, { namespace = nv.namespace })) do
        t[#t + 1] = ("%d:%d:%d:%d %s %s"):format(d.lnum, d.col, d.end_lnum, d.end_col,
                                               tostring(d.code), d.message)
      end
      table.sort(t)
      return table.concat(t, "\n")
    end
    local one = keyed()
    nv.setup { threads = 3 }
    vim.cmd("SpoilerCheck")
    eq(keyed(), one, "diagnostics with threads = 3")
    check(#vim.api.nvim_buf_get_lines(buf, 0, -1, false) == #lines, "buffer untouched")
    nv.setup { threads = 0 }
    vim.cmd("SpoilerCheck")
    check(#notes > 0 and notes[#notes].msg:find("threads", 1, true),
          "threads = 0 is refused with a message naming it: %s",
          #notes > 0 and notes[#notes].msg or "(none)")
    nv.setup { threads = 1 }
  end)

  lazy_spec_tests()
end

-- any error outside a test still ends Neovim, with a failure
local ok, err = xpcall(main, debug.traceback)
if not ok then
  failed = failed + 1
  out("FAIL the test script itself: " .. tostring(err))
end
finish()
