--- spoilerguard as a pandoc Lua filter:
---   pandoc --lua-filter lua/spoilerguard/pandoc.lua review.md -o review.html
---
--- The filter reads the document as the command line reads the Markdown it
--- came from: it writes the text blocks back as Markdown (headings, list
--- items and quotes as such, the metadata as front matter) and has the core
--- analyse that, so the same sentences are flagged, by the same thresholds.
--- Every word it inserts comes from the core too (the warning, the labels,
--- the badge), so the filter and `spoilerguard review.md` say the same.
---
--- How a flagged sentence is marked depends on what the output can do:
---   HTML        hidden behind a button, as spoilerguard's html-span writes
---               it, with the CSS and script that work it once before the
---               first flagged block; a sentence that cannot be cut out of its
---               block's inlines cleanly (it starts or ends inside emphasis, a
---               link, ...) puts the whole block in a closed <details>.
---   EPUB 3      each flagged block in a closed <details> whose summary says
---               what it holds (e-readers run no script; <details> needs
---               none), the sentence inside a Span with class "spoiler".
---   Markdown    a Span with class "spoiler" ([...]{.spoiler}), a Div for a
---               whole block.
---   any other   (docx, odt, LaTeX, EPUB 2, plain text ...) nothing can be
---               hidden: each sentence is preceded by its label in bold
---               ("Spoiler (death):") and set in the custom style "Spoiler"
---               (docx and odt; a reference document can give it a look),
---               the label in "Spoiler Label", the warning in "Spoiler
---               Warning".
--- A warning goes before the first flagged top-level block, and the rating
--- badge first (under a leading title heading).  Metadata for templates:
--- spoilerguard_rating, spoilerguard_rating_value,
--- spoilerguard_rating_normalized, spoilerguard_excerpt,
--- spoilerguard_spoilers (their number), and rating when the document has
--- none.
---
--- Options, in the document's metadata:
---   spoilerguard:
---     rules: [house-rules.lua]      rule files (paths as given)
---     min_severity: major           minor (default) or major
---     min_confidence: 0.6
---     warning: false                no warning
---     badge: false                  no badge
---     defaults: false               leave the built-in rules out
---
--- The binding is loaded, for the Lua that pandoc runs (pandoc 2 has 5.3,
--- pandoc 3 has 5.4), from $SPOILERGUARD_BUILD/lua53 or lua54 when that is
--- set, else from <root>/build/lua53 or lua54 where <root> is two
--- directories above this file (the source tree), else from where
--- `cmake --install` put it beside this file (installed.lua says where).

local function dirname(path)
  return (path:gsub("[/\\][^/\\]*$", ""))
end

local script = PANDOC_SCRIPT_FILE or (debug.getinfo(1, "S").source:gsub("^@", ""))
local here = dirname(script)                       -- <root>/lua/spoilerguard
if here == script or here == "" then here = "." end
local lua_dir = dirname(here)                      -- <root>/lua
if lua_dir == here or lua_dir == "" then lua_dir = "." end
local root = dirname(lua_dir)
if root == lua_dir then root = "." end
local abi = ({ ["Lua 5.3"] = "lua53", ["Lua 5.4"] = "lua54" })[_VERSION]

-- Where the binding for this Lua is: a build directory, or the installed
-- module directory that installed.lua (written by cmake --install) names.
local function binding_paths()
  local build = os.getenv("SPOILERGUARD_BUILD")
  if build then return { build .. "/" .. abi .. "/?.so" } end
  local paths = { root .. "/build/" .. abi .. "/?.so" }
  local ok, installed = pcall(dofile, here .. "/installed.lua")
  if ok and type(installed) == "table" and installed.cmod then
    paths[#paths + 1] = here .. "/" .. installed.cmod .. "/" .. _VERSION:match("%d+%.%d+") .. "/?.so"
  end
  return paths
end

local sg, load_error
if not abi then
  load_error = "spoilerguard: no binding for " .. _VERSION
else
  package.path = lua_dir .. "/?.lua;" .. lua_dir .. "/?/init.lua;" .. package.path
  package.cpath = table.concat(binding_paths(), ";") .. ";" .. package.cpath
  local ok, mod = pcall(require, "spoilerguard")
  if ok then sg = mod else load_error = "spoilerguard: " .. tostring(mod) end
end

local stringify = pandoc.utils.stringify

-- What the output can do (see the top of this file).
local OUT = type(FORMAT) == "string" and FORMAT or "html"
local HTML = OUT:match("html") ~= nil or OUT == "revealjs"
local EPUB = OUT == "epub" or OUT == "epub3"
local MARKDOWN = OUT:match("^markdown") ~= nil or OUT:match("^commonmark") ~= nil or OUT == "gfm"
local LABELLED = not (HTML or EPUB or MARKDOWN)

local TEXT_BLOCKS = { Para = true, Plain = true, Header = true }

-- ---- the text of inlines, as the core reads the same Markdown --------------

-- The text the core sees of an inline: no image alt text, no code, no raw
-- markup and no footnote (the Markdown reader skips them), quotes as the
-- curly ones pandoc stands for, a space for a line break.
local QUOTES = { SingleQuote = { "‘", "’" }, DoubleQuote = { "“", "”" } }
local inline_text
local function inlines_text(list)
  local out = {}
  for i, il in ipairs(list) do out[i] = inline_text(il) end
  return table.concat(out)
end
function inline_text(il)
  local t = il.t
  if t == "Str" then return il.text end
  if t == "Space" or t == "SoftBreak" or t == "LineBreak" then return " " end
  if t == "Code" or t == "RawInline" or t == "Image" or t == "Note" then return "" end
  if t == "Math" then return il.text end
  if t == "Quoted" then
    local q = QUOTES[il.quotetype] or QUOTES.DoubleQuote
    return q[1] .. inlines_text(il.content) .. q[2]
  end
  if il.content then return inlines_text(il.content) end
  return stringify(il)
end

local function is_spoiler_span(il)
  if il.t ~= "Span" then return false end
  for _, c in ipairs(il.classes or il.attr.classes) do
    if c == "spoiler" then return true end
  end
  return false
end

-- ---- the document as Markdown ------------------------------------------------

-- A writer of the Markdown: its pieces and how many bytes they hold.
local function md_writer(first)
  local w = { out = { first }, pos = #first }
  function w.put(piece)
    w.out[#w.out + 1] = piece
    w.pos = w.pos + #piece
  end
  return w
end

-- Write `text` (one line) so that Markdown reads it back as it is: ASCII
-- punctuation that could open inline markup escaped, and at the start of a
-- line (`line_start`) what would open a block there.  Each backslash put in
-- is listed in entry.ins as {at, 1}, `at` relative to entry.md_start, so a
-- position in the Markdown maps back to one in the text.
local INLINE_PUNCT = "[\\`*_%[%]<>&~|#!$]"
local function md_escape(w, entry, text, line_start)
  local digits = line_start and text:match("^%d+")
  for i = 1, #text do
    local c = text:sub(i, i)
    if c:match(INLINE_PUNCT) or (line_start and i == 1 and c:match("[+%-=]"))
        or (digits and i == #digits + 1 and c:match("[.)]")) then
      entry.ins[#entry.ins + 1] = { w.pos - entry.md_start, 1 }
      w.put("\\")
    end
    w.put(c)
  end
end

-- A position in the Markdown (relative to a block's first byte) as one in
-- the block's text: the runs put in before it taken out.
local function md_to_text(entry, off)
  local t = off
  for _, run in ipairs(entry.ins) do
    if run[1] >= off then break end
    t = t - math.min(run[2], off - run[1])
  end
  return entry.lead + t
end

local INLINE_TAGS = {}
for tag in ("Str Emph Underline Strong Strikeout Superscript Subscript SmallCaps Quoted Cite "
            .. "Code Space SoftBreak LineBreak Math RawInline Link Image Note Span"):gmatch("%S+") do
  INLINE_TAGS[tag] = true
end

-- Front matter from the metadata, for what the core reads there (title,
-- author, date, genres, the rating ...): one line a key, lists as "- item".
local function front_matter(meta)
  local lines = {}
  local keys = {}
  for k in pairs(meta) do
    if k ~= "spoilerguard" and k:match("^[%w_%-]+$") then keys[#keys + 1] = k end
  end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = meta[k]
    -- pandoc 2 hands MetaInlines out as a plain list of inlines
    local list = type(v) == "table" and (v.t == "MetaList" or (v.t == nil and #v > 0 and
                 not (type(v[1]) == "table" and INLINE_TAGS[v[1].t])))
    if list then
      lines[#lines + 1] = k .. ":"
      for _, x in ipairs(v) do
        lines[#lines + 1] = "- " .. stringify(x):gsub("[\r\n]+", " ")
      end
    elseif type(v) ~= "table" or v.t ~= "MetaMap" then
      local s = type(v) == "boolean" and tostring(v) or stringify(v)
      lines[#lines + 1] = k .. ": " .. s:gsub("[\r\n]+", " ")
    end
  end
  if #lines == 0 then return "" end
  return "---\n" .. table.concat(lines, "\n") .. "\n---\n\n"
end

-- Visit the text blocks of `blocks` (and code blocks too with `code`) in
-- reading order: visit(block, top, lead, prefix) returns the block to put in
-- its place (the same one to keep it).  `prefix` is the Markdown that puts a
-- line where the block is (quote and list markers), `lead` that for the
-- block's first line (a list item's first block has its marker there).
-- Every list is assigned back to its parent, since pandoc 3 hands out copies
-- of an element's content.  `top` is the index of the top-level block.
local function each_text_block(blocks, visit, top, prefix, first, code)
  prefix = prefix or ""
  for i, b in ipairs(blocks) do
    local t = top or i
    local lead = (i == 1 and first) or prefix
    if TEXT_BLOCKS[b.t] or (b.t == "CodeBlock" and code) then
      blocks[i] = visit(b, t, lead, prefix)
    elseif b.t == "BlockQuote" or b.t == "Div" then
      local content = b.content
      local inner = b.t == "BlockQuote" and "> " or ""
      each_text_block(content, visit, t, prefix .. inner, lead .. inner, code)
      b.content = content
      blocks[i] = b
    elseif b.t == "BulletList" or b.t == "OrderedList" then
      local list = b.content
      for j, item in ipairs(list) do
        each_text_block(item, visit, t, prefix .. "  ", (j == 1 and lead or prefix) .. "- ", code)
        list[j] = item
      end
      b.content = list
      blocks[i] = b
    elseif b.t == "DefinitionList" then
      local list = b.content
      for _, entry in ipairs(list) do
        for _, def in ipairs(entry[2]) do each_text_block(def, visit, t, prefix, lead, code) end
      end
      b.content = list
      blocks[i] = b
    end
  end
  return blocks
end

-- The Markdown of a text block: its lead (and `prefix` on each later line),
-- a heading's marks, the text escaped, line breaks where the author broke
-- lines (the command line reads a paragraph's lines), an author's
-- [...]{.spoiler} kept as such.  Fills `entry` with where the text starts
-- and ends, the leading spaces left out and the runs put in.
local function block_markdown(w, b, lead, prefix, entry)
  w.put(lead)
  if b.t == "Header" then w.put(("#"):rep(b.level) .. " ") end
  entry.md_start = w.pos
  entry.ins = {}
  entry.lead = #inlines_text(b.content):match("^%s*")
  local skip, line_start = entry.lead, true
  local function put_in(piece)
    entry.ins[#entry.ins + 1] = { w.pos - entry.md_start, #piece }
    w.put(piece)
  end
  for _, il in ipairs(b.content) do
    local s = inline_text(il)
    if skip >= #s then
      skip = skip - #s
    elseif (il.t == "SoftBreak" or il.t == "LineBreak") and b.t ~= "Header" then
      w.put("\n") -- the text's space
      if #prefix > 0 then put_in(prefix) end
      line_start = true
    else
      s = s:sub(skip + 1):gsub("[\r\n]", " ")
      skip = 0
      local spoiler = is_spoiler_span(il)
      if spoiler then put_in("[") end
      md_escape(w, entry, s, line_start)
      if spoiler then put_in("]{.spoiler}") end
      line_start = false
    end
  end
  entry.md_end = w.pos
  w.put("\n\n")
end

-- A code block as a fence: the command line reads one where the author
-- wrote it, and skips it.
local function code_markdown(w, b, lead, prefix)
  local fence = "```"
  while b.text:find(fence, 1, true) do fence = fence .. "`" end
  w.put(lead .. fence .. "\n")
  for line in (b.text .. "\n"):gmatch("([^\n]*)\n") do w.put(prefix .. line .. "\n") end
  w.put(prefix .. fence .. "\n\n")
end

-- ---- marking ------------------------------------------------------------------

local function attr(classes, attributes)
  return pandoc.Attr("", classes, attributes)
end

local function escape_html(text)
  return (text:gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

-- A sentence's inlines as a disclosure: the button, then the hidden text.
local function disclosure(inside, kinds)
  local button = '<button type="button" data-spoilerguard="toggle" aria-expanded="false">'
                 .. escape_html(sg.label(kinds)) .. "</button>"
  return pandoc.Span({ pandoc.RawInline("html", button),
                       pandoc.Span(inside, attr({}, { { "data-spoilerguard", "content" }, { "hidden", "" } })) },
                     attr({ "spoiler" }, { { "data-spoilerguard", kinds[1] } }))
end

-- The label a reader sees before a spoiler where nothing can hide it, in
-- the character style "Spoiler Label".
local function label_inlines(kinds)
  return { pandoc.Span({ pandoc.Strong({ pandoc.Str(sg.label(kinds) .. ":") }) },
                       attr({ "spoiler-label" }, { { "custom-style", "Spoiler Label" } })),
           pandoc.Space() }
end

-- What a flagged sentence's inlines become, as a list of inlines.
local function marked(inside, kinds)
  if HTML then return { disclosure(inside, kinds) } end
  -- in EPUB the <details> around the block says what it holds
  local span = pandoc.Span(inside, attr({ "spoiler" }, EPUB and {} or { { "aria-label", sg.label(kinds) } }))
  if not LABELLED then return { span } end
  -- nothing can hide it: the reader learns what it is before reading it
  span.attributes["custom-style"] = "Spoiler"
  local out = label_inlines(kinds)
  out[#out + 1] = span
  return out
end

-- Split the Str at position `i` of `inlines` so that a boundary falls `cut`
-- bytes into it.  Returns true when it did (or the boundary was there).
local function split_str(inlines, i, cut)
  local il = inlines[i]
  if cut == 0 then return true end
  if il.t ~= "Str" or cut >= #il.text then return cut == #inline_text(il) end
  local text = il.text
  table.remove(inlines, i)
  table.insert(inlines, i, pandoc.Str(text:sub(cut + 1)))
  table.insert(inlines, i, pandoc.Str(text:sub(1, cut)))
  return true
end

-- Mark bytes [s, e) of the block's text.  Returns false when the range
-- cannot be cut out of the top-level inlines.
local function wrap_range(block, s, e, kinds)
  -- a split Str that is not wrapped in the end reads the same, so a failed
  -- attempt leaves nothing visible behind
  local inlines = block.content
  local function find(at)
    -- index of the inline holding byte `at`, and the byte offset into it
    local pos = 0
    for i, il in ipairs(inlines) do
      local n = #inline_text(il)
      if at < pos + n then return i, at - pos end
      pos = pos + n
    end
    return #inlines + 1, 0
  end
  local i1, c1 = find(s)
  if i1 > #inlines then return false end
  if c1 > 0 then
    if not split_str(inlines, i1, c1) then return false end
    i1 = i1 + 1
  end
  local i2, c2 = find(e)
  if c2 > 0 then
    if not split_str(inlines, i2, c2) then return false end
    i2 = i2 + 1
  end
  if i2 <= i1 then return false end
  local inside = {}
  for _ = i1, i2 - 1 do inside[#inside + 1] = table.remove(inlines, i1) end
  for k, il in ipairs(marked(inside, kinds)) do table.insert(inlines, i1 + k - 1, il) end
  -- set it back: pandoc 3 may hand out a copy of an element's content
  block.content = inlines
  return true
end

-- A block whose sentences cannot all be marked in place (and every flagged
-- block in EPUB): the whole block behind a closed <details> where the output
-- has one, else in a Div with class "spoiler", or, where nothing can hide
-- it, its text labelled and styled as a sentence would be.
local function whole_block(b, kinds)
  local label = sg.label(kinds)
  if HTML or EPUB then
    local open = ('<details class="spoiler" data-spoilerguard="%s"><summary data-spoilerguard="summary">%s</summary>')
                 :format(escape_html(kinds[1]), escape_html(label))
    return pandoc.Div({ pandoc.RawBlock("html", open), b, pandoc.RawBlock("html", "</details>") })
  end
  if not LABELLED then
    return pandoc.Div({ b }, attr({ "spoiler" }, { { "aria-label", label } }))
  end
  b.content = marked(b.content, kinds)
  return b
end

local function meta_option(meta, key)
  local m = meta.spoilerguard
  if type(m) ~= "table" then return nil end
  local v = m[key]
  if v == nil then return nil end
  if type(v) == "boolean" then return v end
  if type(v) == "table" and v.t == "MetaBool" then return v.c end
  if type(v) == "table" and (v.t == "MetaList" or (v.t == nil and #v > 0 and type(v[1]) == "table" and v[1].t ~= "Str")) then
    local out = {}
    for _, x in ipairs(v) do out[#out + 1] = stringify(x) end
    return out
  end
  return stringify(v)
end

local function engine_for(meta)
  local opts = {}
  local rules = meta_option(meta, "rules")
  if type(rules) == "string" then rules = { rules } end
  if type(rules) == "table" and #rules > 0 then opts.rules = rules end
  local defaults = meta_option(meta, "defaults")
  if defaults == false or defaults == "false" then opts.defaults = false end
  local sev = meta_option(meta, "min_severity")
  if sev then opts.min_severity = sev end
  local conf = tonumber(meta_option(meta, "min_confidence") or "")
  if conf then opts.min_confidence = conf end
  return sg.new(opts)
end

local function is_off(v) return v == false or v == "false" or v == "no" or v == "off" end

local function badge_block(words)
  return pandoc.Div({ pandoc.Plain({ pandoc.Span({ pandoc.Str(words.badge) },
                      attr({ "sg-rating" }, { { "role", "img" }, { "aria-label", words.badge_label or words.badge } })) }) },
                    attr({ "sg-badge" }, {}))
end

local function warning_block(words)
  local attrs = { { "role", "note" } }
  if LABELLED then attrs[#attrs + 1] = { "custom-style", "Spoiler Warning" } end
  return pandoc.Div({ pandoc.Para({ pandoc.Strong({ pandoc.Str(words.warning_lead) }), pandoc.Space(),
                                    pandoc.Str(words.warning) }) },
                    attr({ "spoiler-warning" }, attrs))
end

local function Pandoc(doc)
  if not sg then
    io.stderr:write(tostring(load_error), "\n")
    error(load_error)
  end
  local e = engine_for(doc.meta)

  -- the document as the Markdown the command line would read
  local w = md_writer(front_matter(doc.meta))
  local entries = {}
  each_text_block(doc.blocks, function(b, top, lead, prefix)
    if b.t == "CodeBlock" then
      code_markdown(w, b, lead, prefix)
      return b
    end
    local entry = { top = top }
    block_markdown(w, b, lead, prefix, entry)
    entries[#entries + 1] = entry
    return b
  end, nil, nil, nil, true)
  local words, report = e:words(table.concat(w.out), { from = "markdown" })
  if not words then error("spoilerguard: " .. tostring(report)) end

  -- the block of an offset (a flag never crosses blocks: they are paragraphs)
  local function entry_of(at)
    local lo, hi = 1, #entries
    while lo < hi do
      local mid = math.floor((lo + hi + 1) / 2)
      if entries[mid].md_start <= at then lo = mid else hi = mid - 1 end
    end
    return lo
  end
  -- each flagged sentence once, with all its kinds, grouped by block; one an
  -- author already marked is left as it is, as the command line leaves it
  local per_block, by_key, first_top = {}, {}, nil
  for _, f in ipairs(report.spoilers) do
    local key = f.start .. ":" .. f["end"]
    local s = by_key[key]
    if not s and not f.marked and #entries > 0 then
      local bi = entry_of(f.start)
      local en = entries[bi]
      if f.start >= en.md_start and f.start < en.md_end then
        s = { start = md_to_text(en, f.start - en.md_start),
              finish = md_to_text(en, math.min(f["end"], en.md_end) - en.md_start),
              kinds = {} }
        by_key[key] = s
        per_block[bi] = per_block[bi] or {}
        table.insert(per_block[bi], s)
        if not first_top or en.top < first_top then first_top = en.top end
      end
    end
    if s then s.kinds[#s.kinds + 1] = f.kind end
  end

  -- mark the sentences, from the last of a block to the first so that the
  -- offsets of the earlier ones hold; a block that cannot be cut cleanly is
  -- marked whole, and in EPUB every flagged block is
  local k = 0
  doc.blocks = each_text_block(doc.blocks, function(b)
    k = k + 1
    local spans = per_block[k]
    if not spans then return b end
    table.sort(spans, function(x, y) return x.start > y.start end)
    local kinds, seen, whole = {}, {}, EPUB
    for i = #spans, 1, -1 do
      for _, kind in ipairs(spans[i].kinds) do
        if not seen[kind] then seen[kind] = true kinds[#kinds + 1] = kind end
      end
    end
    for _, s in ipairs(spans) do
      if not whole and not wrap_range(b, s.start, s.finish, s.kinds) then whole = true end
      if EPUB then wrap_range(b, s.start, s.finish, s.kinds) end
    end
    if whole then return whole_block(b, kinds) end
    return b
  end)

  -- the badge goes under a leading title heading, else first
  local blocks = doc.blocks
  if words.badge and not is_off(meta_option(doc.meta, "badge")) then
    local at = (blocks[1] and blocks[1].t == "Header") and 2 or 1
    table.insert(blocks, at, badge_block(words))
    if first_top and at <= first_top then first_top = first_top + 1 end
  end
  if first_top and words.warning and not is_off(meta_option(doc.meta, "warning")) then
    table.insert(blocks, first_top, warning_block(words))
  end
  if first_top and HTML then
    local css, js = sg.assets()
    table.insert(blocks, first_top, pandoc.RawBlock("html",
      '<style data-spoilerguard="style">' .. css .. '</style>\n<script data-spoilerguard="script">'
      .. js .. "</script>"))
  end
  doc.blocks = blocks

  local flagged = 0
  for _ in pairs(by_key) do flagged = flagged + 1 end
  doc.meta.spoilerguard_spoilers = pandoc.MetaString(tostring(flagged))
  local rating = report.rating
  if rating then
    doc.meta.spoilerguard_rating = pandoc.MetaString(rating.text)
    if rating.value then doc.meta.spoilerguard_rating_value = pandoc.MetaString(tostring(rating.value)) end
    if rating.normalized then
      doc.meta.spoilerguard_rating_normalized = pandoc.MetaString(("%.3f"):format(rating.normalized))
    end
    if doc.meta.rating == nil then doc.meta.rating = pandoc.MetaString(rating.text) end
  end
  if report.meta and report.meta.excerpt then
    doc.meta.spoilerguard_excerpt = pandoc.MetaString(report.meta.excerpt)
  end
  return doc
end

return { { Pandoc = Pandoc } }
