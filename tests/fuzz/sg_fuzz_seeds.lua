-- sg_fuzz_seeds.lua -- the fuzz targets' seed corpora, made at build time
-- from the shared corpus (never copied into the project).
--
--   lua5.4 sg_fuzz_seeds.lua CORPUS_DIR OUT_DIR [SPOILERGUARD_CLI]
--
-- OUT_DIR gets one folder per target:
--   plain/ markdown/ html/  each seed review as plain text, as Markdown (front
--                           matter, heading, list, a fence, an author's own
--                           ||spoiler||) and as an HTML page (menus, a script,
--                           related posts, meta tags); short spoiler sentences
--                           from the TV Tropes split as plain text
--   jsonl/                  those articles as batch lines
--   roundtrip/              selector bytes (format and style, see
--                           fuzz_roundtrip.c) followed by an article
--   strip/                  a format byte and the CLI's render of an article
--                           in each style that fits (or the article itself
--                           when no CLI is given)
-- A missing corpus is not an error: the targets then start from nothing.

local corpus, out, cli = arg[1], arg[2], arg[3]
if not corpus or not out then
  io.stderr:write("usage: lua5.4 sg_fuzz_seeds.lua CORPUS_DIR OUT_DIR [SPOILERGUARD_CLI]\n")
  os.exit(2)
end

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function spit(dir, name, data)
  local path = out .. "/" .. dir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
  return path
end

-- every byte of a line
local function lines(s)
  local t = {}
  for l in (s .. "\n"):gmatch("([^\n]*)\n") do t[#t + 1] = l end
  return t
end

local function trim(s) return (s:gsub("^[ \t\r]+", ""):gsub("[ \t\r]+$", "")) end

local function md_escape(s) return (s:gsub("[%*_`%[%]<>#|\\]", "\\%0")) end

local function html_escape(s)
  return (s:gsub("[&<>\"']", {["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                              ['"'] = "&quot;", ["'"] = "&#39;"}))
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local named = {['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t",
                   ["\r"] = "\\r"}
    return named[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function to_markdown(text)
  local b, first, n = {}, true, 0
  b[#b + 1] = "---\ntitle: A review\nauthor: Staff\n---\n\n"
  for _, l in ipairs(lines(text)) do
    local t = trim(l)
    if t ~= "" then
      n = n + 1
      if first then
        b[#b + 1] = "# " .. md_escape(t) .. "\n\n"
        first = false
      elseif t:sub(1, 3) == "\xE2\x80\xA2" then
        b[#b + 1] = "- " .. md_escape(trim(t:sub(4))) .. "\n"
      else
        b[#b + 1] = md_escape(t) .. "\n\n"
      end
      if n == 3 then
        b[#b + 1] = "```\nthe hero dies in the end\n```\n\n||An author's own spoiler.||\n\n"
      end
    end
  end
  return table.concat(b)
end

local function to_html(text)
  local b, first = {}, true
  b[#b + 1] = '<!doctype html>\n<html><head><meta charset="utf-8">' ..
              '<meta property="og:title" content="A review">' ..
              '<meta name="author" content="Staff"><title>Review</title>\n' ..
              '<script>var msg = "<p>Everyone dies</p>"; if (a < b) {}</script>\n' ..
              '</head>\n<body>\n<nav class="menu"><ul><li><a href="/">Home</a></li>' ..
              '</ul></nav>\n<article>\n'
  for _, l in ipairs(lines(text)) do
    local t = trim(l)
    if t ~= "" then
      if first then
        b[#b + 1] = "<h1>" .. html_escape(t) .. "</h1>\n"
        first = false
      else
        b[#b + 1] = "<p>" .. html_escape(t) .. "</p>\n"
      end
    end
  end
  b[#b + 1] = '<details class="spoiler"><summary>Spoiler</summary><p>An author&#39;s ' ..
              'own spoiler.</p></details>\n</article>\n<aside class="related-posts">' ..
              "<h2>Related Posts</h2><ul><li><span>6.0</span> <a href=\"/x\">Other " ..
              "film</a></li></ul></aside>\n<footer>Copyright</footer>\n</body></html>\n"
  return table.concat(b)
end

-- the first `want` spoiler sentences of a TV Tropes split (sentence,spoiler,...)
local function tropes(path, want)
  local s = slurp(path)
  local got = {}
  if not s then return got end
  local pos = s:find("\n") or #s
  pos = pos + 1
  while pos <= #s and #got < want do
    local sentence
    if s:sub(pos, pos) == '"' then
      local buf, i = {}, pos + 1
      while i <= #s do
        local c = s:sub(i, i)
        if c == '"' and s:sub(i + 1, i + 1) == '"' then
          buf[#buf + 1] = '"'
          i = i + 2
        elseif c == '"' then
          i = i + 1
          break
        else
          buf[#buf + 1] = c
          i = i + 1
        end
      end
      sentence, pos = table.concat(buf), i
    else
      local comma = s:find(",", pos, true) or #s + 1
      sentence, pos = s:sub(pos, comma - 1), comma
    end
    local eol = s:find("\n", pos, true) or #s + 1
    local rest = s:sub(pos, eol - 1)
    if rest:match("^,True,") then got[#got + 1] = sentence end
    pos = eol + 1
  end
  return got
end

local docs = {} -- {name, format, text}
local seeds = {"ballerina-411mania", "ballerina-butwhytho", "ballerina-scmp",
               "ballerina-user-review"}
for _, name in ipairs(seeds) do
  local text = slurp(corpus .. "/seeds/" .. name .. ".txt")
  if text then
    docs[#docs + 1] = {name, "plain", text}
    docs[#docs + 1] = {name, "markdown", to_markdown(text)}
    docs[#docs + 1] = {name, "html", to_html(text)}
  end
end
for i, sentence in ipairs(tropes(corpus .. "/tvtropes/dev1.balanced.csv", 40)) do
  docs[#docs + 1] = {string.format("tropes-%02d", i), "plain", sentence}
end

local ext = {plain = "txt", markdown = "md", html = "html"}
local fmt_index = {plain = 0, markdown = 1, html = 2}     -- fuzz_roundtrip byte 0
local strip_index = {plain = 1, markdown = 2, html = 3}   -- fuzz_strip byte 0
-- styles in the order fuzz_roundtrip.c lists them for each format
local styles = {
  plain = {"auto", "md-discord", "md-reddit", "md-pandoc", "plain"},
  markdown = {"auto", "html-span", "html-details", "md-discord", "md-reddit",
              "md-pandoc", "md-html", "plain"},
  html = {"auto", "html-span", "html-details", "md-html"},
}
-- byte 1: badge auto, warning before the first flag, JSON-LD on; then
-- warning at the top with a lower confidence bar and the second badge form
local opt_bytes = {24, 6 * 2 + 18 + 36 + 1}

local made, jsonl = 0, {}
for _, d in ipairs(docs) do
  local name, fmt, text = d[1], d[2], d[3]
  local file = spit(fmt, name .. "." .. ext[fmt], text)
  jsonl[#jsonl + 1] = "{\"id\":" .. json_string(name .. "-" .. fmt) .. ",\"text\":" ..
                      json_string(text) .. ",\"from\":\"" .. fmt .. "\"}\n"
  local all = name:match("^tropes") and 1 or #styles[fmt]
  for si = 1, all do
    -- one option byte per style, the two taking turns
    local oi = 1 + (si + #name) % #opt_bytes
    local b0 = fmt_index[fmt] + 3 * (si - 1)
    spit("roundtrip", string.format("%s-%s-%s", name, fmt, styles[fmt][si]),
         string.char(b0, opt_bytes[oi]) .. text)
    made = made + 1
    if cli and cli ~= "" then
      local p = io.popen(string.format("'%s' --from %s --style %s '%s' 2>/dev/null", cli,
                                       fmt, styles[fmt][si], file), "r")
      local rendered = p:read("a")
      p:close()
      if rendered and #rendered > 0 then
        spit("strip", string.format("%s-%s-%s", name, fmt, styles[fmt][si]),
             string.char(strip_index[fmt]) .. rendered)
        made = made + 1
      end
    else
      spit("strip", string.format("%s-%s", name, fmt), string.char(strip_index[fmt]) .. text)
    end
  end
end
-- batch lines, one per file, and one with a number id and escapes
for i, l in ipairs(jsonl) do spit("jsonl", string.format("line-%02d", i), l) end
spit("jsonl", "id-number", '{"id": 12.5e3, "text": "A \\u00e9t\\u00e9 \\ud83c\\udfac", "x": [1, {"y": null}]}\n')
print(string.format("sg_fuzz_seeds: %d articles, %d seed inputs in %s", #docs,
                    made + #docs + #jsonl + 1, out))
