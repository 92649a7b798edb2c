--- spoilerguard.filetypes: the format spoilerguard reads for an editor
--- filetype or a file extension, in plain Lua (it needs no binding), for the
--- Lua API (sg.format_for) and the Neovim plugin alike.
local M = {}

--- Filetype or extension (lower case) -> "markdown" or "html".
M.formats = {
  markdown = "markdown", md = "markdown", pandoc = "markdown", rmd = "markdown",
  quarto = "markdown", vimwiki = "markdown",
  html = "html", xhtml = "html", htm = "html", htmldjango = "html",
}

--- The format for an editor filetype or a file extension ("plain" otherwise).
function M.format_for(name)
  return M.formats[(name or ""):lower()] or "plain"
end

return M
