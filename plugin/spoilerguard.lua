-- spoilerguard for Neovim: :SpoilerCheck, :SpoilerMark, :SpoilerStrip and
-- :SpoilerBadge.  Sourcing this file only defines the commands; the binding
-- (<plugin root>/build/luajit/spoilerguard/core.so, or setup{binding = ...},
-- or g:spoilerguard_binding) is loaded the first time one of them runs.
-- Options and hooks: require("spoilerguard.nvim").setup{...}.
if vim.g.loaded_spoilerguard or vim.fn.has("nvim-0.7") == 0 then
  return
end
vim.g.loaded_spoilerguard = true

-- the plugin root, two levels above this file: the binding is looked for in
-- <root>/build/luajit unless setup{binding = ...} or g:spoilerguard_binding
-- says otherwise
if vim.g.spoilerguard_root == nil then
  local src = debug.getinfo(1, "S").source:gsub("^@", "")
  vim.g.spoilerguard_root = vim.fn.fnamemodify(src, ":p:h:h")
end

local function command(name, fn, desc)
  vim.api.nvim_create_user_command(name, function()
    fn(require("spoilerguard.nvim"))
  end, { desc = desc })
end

command("SpoilerCheck", function(m) m.check(0) end,
        "spoilerguard: show spoilers in this buffer as diagnostics")
command("SpoilerMark", function(m) m.mark(0) end,
        "spoilerguard: mark the spoilers, insert the warning and badge")
command("SpoilerStrip", function(m) m.strip(0) end,
        "spoilerguard: remove what spoilerguard inserted")
command("SpoilerBadge", function(m) m.badge(0) end,
        "spoilerguard: insert the review's rating badge")
