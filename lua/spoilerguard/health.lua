--- :checkhealth spoilerguard -- whether the binding loads, and why not.
local M = {}

-- vim.health (0.10: start/ok/..., 0.8-0.9: report_*), else the older
-- require("health") module (0.7).
local function reporter()
  local h = vim.health
  if not (h and (h.start or h.report_start)) then
    local ok, old = pcall(require, "health")
    h = ok and old or {}
  end
  local function pick(new, old)
    return h[new] or h[old] or function(msg) print(new .. ": " .. msg) end
  end
  return {
    start = pick("start", "report_start"),
    ok = pick("ok", "report_ok"),
    info = pick("info", "report_info"),
    warn = pick("warn", "report_warn"),
    error = pick("error", "report_error"),
  }
end

function M.check()
  local r = reporter()
  r.start("spoilerguard")
  local nv = require("spoilerguard.nvim")
  local s = nv.status()
  if s.loaded then
    r.ok(("binding loaded from %s (spoilerguard %s)"):format(tostring(s.binding), tostring(s.version)))
  else
    r.error("binding not loaded: " .. tostring(s.error), {
      "Build it: cmake -S . -B build && cmake --build build (needs libluajit-5.1-dev)",
      "Or point to it: require('spoilerguard.nvim').setup{ binding = '/path/to/build/luajit' }",
      "Looked in: " .. table.concat(s.candidates, ", "),
    })
    return
  end
  if s.engine then
    r.ok(("engine ready with %d rules"):format(s.rules or 0))
  else
    r.error("the engine could not be made: " .. tostring(s.engine_error),
            { "Check the rules and hooks given to setup{}" })
  end
  if s.auto then
    r.info("automatic checks on write and after edits are on")
  else
    r.info("automatic checks are off (setup{ auto = true } turns them on)")
  end
end

return M
