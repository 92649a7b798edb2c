--- spoilerguard in Neovim: spoilers as diagnostics, commands to mark and
--- strip them and to insert the rating badge.
---
---   require("spoilerguard.nvim").setup{
---     auto = true,                 -- check on BufWritePost and TextChanged
---     rules = { "~/reviews/house-rules.lua", { id = ..., pattern = ... } },
---     on = { flag = function(f, doc) ... end },
---     binding = nil,               -- path to core.so, a "?.so" pattern or a
---                                  -- directory; default <plugin root>/build/luajit
---     debounce = 400,              -- ms after the last change (auto)
---     filetypes = { "markdown", "html", "text", "mail", "gitcommit" },  -- auto
---     -- engine options: min_severity, min_confidence, style, badge, jsonld,
---     -- warning, max_input, max_depth, characters, defaults, and threads
---     -- (split a large buffer's rules and scorer across threads; the
---     -- diagnostics are the same whatever the number)
---   }
---
--- Commands (plugin/spoilerguard.lua): :SpoilerCheck, :SpoilerMark,
--- :SpoilerStrip, :SpoilerBadge.  Hooks and rules are your own config, run in
--- Neovim's Lua (LuaJIT) with no instruction budget.
local M = {}

local api = vim.api
local uv = vim.uv or vim.loop

M.namespace = api.nvim_create_namespace("spoilerguard")

local ENGINE_KEYS = { "min_severity", "min_confidence", "style", "badge", "jsonld", "assets",
                      "warning", "max_input", "max_depth", "threads", "characters",
                      "defaults" }

local config = {
  auto = false,
  debounce = 400,
  filetypes = { "markdown", "html", "text", "mail", "gitcommit", "pandoc", "rst" },
}
local state = { sg = nil, load_error = nil, binding = nil, engine = nil, timers = {} }

--- The plugin's root: two directories above lua/spoilerguard/.
function M.root()
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then src = src:sub(2) end
  return vim.fn.fnamemodify(src, ":p:h:h:h")
end

local function readable(path)
  return vim.fn.filereadable(path) == 1
end

-- Candidate files for the binding, from the option (a file, a ?.so pattern
-- or a directory), the global g:spoilerguard_binding, then the build tree.
local function binding_candidates()
  local out, seen = {}, {}
  local function push(path)
    path = vim.fn.fnamemodify(path, ":p")
    if not seen[path] then
      seen[path] = true
      out[#out + 1] = path
    end
  end
  local function add(spec)
    if type(spec) ~= "string" or spec == "" then return end
    spec = vim.fn.expand(spec)
    if spec:find("?", 1, true) then
      push((spec:gsub("%?", "spoilerguard/core")))
    elseif spec:match("%.so$") or spec:match("%.dll$") or spec:match("%.dylib$") then
      push(spec)
    else
      push(spec .. "/spoilerguard/core.so")
      push(spec .. "/core.so")
    end
  end
  add(config.binding)
  add(vim.g.spoilerguard_binding)
  if type(vim.g.spoilerguard_root) == "string" then
    add(vim.g.spoilerguard_root .. "/build/luajit/?.so")
  end
  add(M.root() .. "/build/luajit/?.so")
  return out
end

--- Load the binding and the Lua API.  Returns the spoilerguard module, or
--- nil, the reason, and the paths tried.
function M.load()
  if state.sg then return state.sg, nil, state.binding end
  if state.load_error then return nil, state.load_error end
  local tried, errors = {}, {}
  if not package.loaded["spoilerguard.core"] and not package.preload["spoilerguard.core"] then
    for _, path in ipairs(binding_candidates()) do
      tried[#tried + 1] = path
      if readable(path) then
        local open, err = package.loadlib(path, "luaopen_spoilerguard_core")
        if open then
          package.preload["spoilerguard.core"] = open
          state.binding = path
          break
        end
        errors[#errors + 1] = err
      end
    end
  end
  if not package.preload["spoilerguard.core"] and not package.loaded["spoilerguard.core"] then
    state.load_error = (#errors > 0 and table.concat(errors, "; ") or "no binding found")
        .. " (tried " .. table.concat(tried, ", ") .. "; build it with cmake, or set "
        .. "setup{binding = ...} or g:spoilerguard_binding)"
    return nil, state.load_error
  end
  local ok, sg = pcall(require, "spoilerguard")
  if not ok then
    state.load_error = tostring(sg)
    return nil, state.load_error
  end
  if sg.core.lua_abi ~= 501 then
    state.load_error = ("the binding at %s was built for Lua %d, Neovim runs LuaJIT (build/luajit)")
        :format(tostring(state.binding), sg.core.lua_abi)
    return nil, state.load_error
  end
  state.sg = sg
  return sg, nil, state.binding
end

--- The engine for the current configuration (made once, after setup).
function M.engine()
  if state.engine then return state.engine end
  local sg, err = M.load()
  if not sg then return nil, err end
  local opts = {}
  for _, k in ipairs(ENGINE_KEYS) do
    if config[k] ~= nil then opts[k] = config[k] end
  end
  if config.rules then opts.rules = config.rules end
  if config.on then opts.on = config.on end
  local ok, e = pcall(sg.new, opts)
  if not ok then return nil, tostring(e) end
  state.engine = e
  return e
end

local function notify(msg, level)
  vim.notify("spoilerguard: " .. msg, level or vim.log.levels.INFO)
end

local function bufnr(buf)
  if buf == nil or buf == 0 then return api.nvim_get_current_buf() end
  return buf
end

--- The format spoilerguard reads for a filetype: markdown, html, else plain
--- (the table in spoilerguard.filetypes, which needs no binding).
M.format_for = require("spoilerguard.filetypes").format_for

--- The buffer's text (with a final newline, as written to disk) and format.
function M.buffer_text(buf)
  buf = bufnr(buf)
  local lines = api.nvim_buf_get_lines(buf, 0, -1, false)
  local text = table.concat(lines, "\n")
  if #lines > 0 and vim.bo[buf].eol then text = text .. "\n" end
  return text, M.format_for(vim.bo[buf].filetype)
end

-- Replace the whole buffer in one nvim_buf_set_lines call: one undo step.
-- 'endofline' says whether the text ends with a newline, so that reading
-- the buffer back gives the same bytes.
local function set_text(buf, text)
  local eol = text:sub(-1) == "\n"
  if eol then text = text:sub(1, -2) end
  api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, "\n", { plain = true }))
  vim.bo[buf].eol = eol
end

local SEVERITY = {
  major = vim.diagnostic.severity.WARN,
  minor = vim.diagnostic.severity.HINT,
}

--- Check a buffer: set diagnostics in the "spoilerguard" namespace.  Returns
--- the report, or nil and a message.  opts.quiet: no notification.
function M.check(buf, opts)
  buf = bufnr(buf)
  opts = opts or {}
  local e, err = M.engine()
  if not e then
    if not opts.quiet then notify(err, vim.log.levels.ERROR) end
    return nil, err
  end
  local text, from = M.buffer_text(buf)
  local report, msg = e:analyze(text, { from = from })
  if not report then
    vim.diagnostic.reset(M.namespace, buf)
    if not opts.quiet then notify(msg, vim.log.levels.ERROR) end
    return nil, msg
  end
  local diags = {}
  for i, d in ipairs(state.sg.diagnostics(report, text)) do
    if not report.spoilers[i].marked then
      diags[#diags + 1] = {
        lnum = d.lnum - 1, col = d.col, end_lnum = d.end_lnum - 1, end_col = d.end_col,
        severity = SEVERITY[d.severity] or vim.diagnostic.severity.INFO,
        message = d.message, source = "spoilerguard", code = d.rule,
        user_data = { kind = d.kind, rule = d.rule, confidence = d.confidence },
      }
    end
  end
  vim.diagnostic.set(M.namespace, buf, diags)
  state.checked = state.checked or {}
  state.checked[buf] = true
  return report
end

-- Annotate with `call_opts` and put the result in the buffer.
local function rewrite(buf, call_opts, what)
  buf = bufnr(buf)
  local e, err = M.engine()
  if not e then
    notify(err, vim.log.levels.ERROR)
    return nil, err
  end
  local text, from = M.buffer_text(buf)
  call_opts.from = from
  local out, report = e:annotate(text, call_opts)
  if not out then
    notify(report, vim.log.levels.ERROR)
    return nil, report
  end
  if out == text then
    notify("nothing to " .. what)
  else
    set_text(buf, out)
    notify(M.summary(what, report))
  end
  return out, report
end

--- What :SpoilerMark or :SpoilerBadge did, in one line ("marked 3 spoiler
--- sentences (2 major); badge 7/10").
function M.summary(what, report)
  local rating = report.rating and report.rating.text
  if what == "badge" then
    return rating and ("inserted the badge for " .. rating) or "inserted the badge"
  end
  local n, major = 0, 0
  for _, s in ipairs(report.spoilers or {}) do
    if not s.marked then
      n = n + 1
      if s.severity == "major" then major = major + 1 end
    end
  end
  local msg = ("marked %d spoiler sentence%s (%d major)"):format(n, n == 1 and "" or "s", major)
  return rating and (msg .. "; badge " .. rating) or msg
end

--- Insert spoiler marks, the warning and the badge (one undo step).
function M.mark(buf)
  buf = bufnr(buf)
  local out, report = rewrite(buf, {}, "mark")
  if out then M.check(buf, { quiet = true }) end
  return out, report
end

--- Insert only the rating badge (one undo step).
function M.badge(buf)
  return rewrite(buf, { marks = false, warning = false }, "badge")
end

--- Remove what spoilerguard inserted (one undo step).
function M.strip(buf)
  buf = bufnr(buf)
  local sg, err = M.load()
  if not sg then
    notify(err, vim.log.levels.ERROR)
    return nil, err
  end
  local text, from = M.buffer_text(buf)
  local out, msg = sg.strip(text, from)
  if not out then
    notify(msg, vim.log.levels.ERROR)
    return nil, msg
  end
  if out ~= text then
    set_text(buf, out)
    notify(("removed what spoilerguard inserted (%d bytes)"):format(#text - #out))
  else
    notify("nothing to strip")
  end
  if msg then
    -- an edit left pieces strip could not prove its own: they stay
    notify("left as it is:\n" .. msg, vim.log.levels.WARN)
  end
  vim.diagnostic.reset(M.namespace, buf)
  return out
end

local function wants_auto(buf)
  if state.checked and state.checked[buf] then return true end
  local ft = vim.bo[buf].filetype
  for _, f in ipairs(config.filetypes or {}) do
    if f == ft then return true end
  end
  return false
end

-- Check `buf` once the user has stopped typing for config.debounce ms.
local function schedule_check(buf)
  local timer = state.timers[buf]
  if not timer then
    timer = uv.new_timer()
    state.timers[buf] = timer
  end
  timer:stop()
  timer:start(config.debounce, 0, vim.schedule_wrap(function()
    if api.nvim_buf_is_valid(buf) then M.check(buf, { quiet = true }) end
  end))
end

local function drop_timer(buf)
  local timer = state.timers[buf]
  if timer then
    timer:stop()
    if not timer:is_closing() then timer:close() end
    state.timers[buf] = nil
  end
  if state.checked then state.checked[buf] = nil end
end

--- Configure (see the top of this file).  May be called again; the engine is
--- made anew with the new rules and hooks.
function M.setup(opts)
  opts = opts or {}
  for k, v in pairs(opts) do config[k] = v end
  if opts.binding and not state.sg then state.load_error = nil end
  state.engine = nil
  local group = api.nvim_create_augroup("spoilerguard", { clear = true })
  if config.auto then
    api.nvim_create_autocmd("BufWritePost", {
      group = group,
      callback = function(ev)
        if wants_auto(ev.buf) then M.check(ev.buf, { quiet = true }) end
      end,
    })
    api.nvim_create_autocmd({ "TextChanged", "InsertLeave" }, {
      group = group,
      callback = function(ev)
        if wants_auto(ev.buf) then schedule_check(ev.buf) end
      end,
    })
    api.nvim_create_autocmd({ "BufDelete", "BufWipeout" }, {
      group = group,
      callback = function(ev) drop_timer(ev.buf) end,
    })
  end
  return M
end

--- What :checkhealth reports (lua/spoilerguard/health.lua).
function M.status()
  local sg, err, path = M.load()
  local e, eerr
  if sg then e, eerr = M.engine() end
  return {
    loaded = sg ~= nil, error = err, binding = path, version = sg and sg.version,
    engine = e ~= nil, engine_error = eerr, rules = e and e:rule_count(),
    candidates = binding_candidates(), auto = config.auto,
  }
end

return M
