-- :SpoilerCheck on a 10,000-line Markdown buffer built from the seed reviews
-- (goal: under 50 ms).  Run from the project's root:
--   SG_CORPUS=../shared/corpus nvim --headless -u NONE -i NONE -c "luafile tests/bench/nvim_check_time.lua"
local function main()
  local root = vim.fn.getcwd()
  vim.opt.runtimepath:append(root)
  vim.cmd("runtime plugin/spoilerguard.lua")
  local sgn = require("spoilerguard.nvim")
  local corpus = os.getenv("SG_CORPUS") or (root .. "/../shared/corpus")
  local src = {}
  for _, f in ipairs(vim.fn.glob(corpus .. "/seeds/*.txt", false, true)) do
    for _, l in ipairs(vim.fn.readfile(f)) do src[#src + 1] = l end
  end
  if #src == 0 then
    io.stdout:write("  :SpoilerCheck: no seeds under " .. corpus .. ", skipped\n")
    return
  end
  local lines = {}
  while #lines < 10000 do lines[#lines + 1] = src[(#lines % #src) + 1] end
  vim.cmd("enew")
  vim.bo.filetype = "markdown"
  vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
  local function best_of_5()
    local best = math.huge
    for _ = 1, 5 do
      local t = vim.loop.hrtime()
      vim.cmd("SpoilerCheck")
      best = math.min(best, (vim.loop.hrtime() - t) / 1e6)
    end
    return best, #vim.diagnostic.get(0, { namespace = sgn.namespace })
  end
  local best, n = best_of_5()
  io.stdout:write(string.format(
    "  :SpoilerCheck on %d lines (%d bytes): best of 5 %.1f ms (goal < 50 ms), %d diagnostics\n",
    #lines, #table.concat(lines, "\n"), best, n))
  sgn.setup { threads = 2 }
  local best2, n2 = best_of_5()
  io.stdout:write(string.format(
    "  with setup{threads = 2}: best of 5 %.1f ms, %d diagnostics%s\n", best2, n2,
    n2 == n and "" or " (DIFFERENT from one thread)"))
end
local ok, err = pcall(main)
if not ok then io.stdout:write("  :SpoilerCheck: " .. tostring(err) .. "\n") end
vim.cmd("qall!")
