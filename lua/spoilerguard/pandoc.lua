--- spoilerguard as a pandoc Lua filter:
---   pandoc --lua-filter lua/spoilerguard/pandoc.lua review.md -o review.html
---
--- The document's text (each paragraph, plain block and heading, stringified,
--- joined with blank lines) is analysed as plain text.  In HTML output each
--- flagged sentence is hidden behind a button, as spoilerguard's html-span
--- writes it, with the CSS and script that work it once before the first
--- flagged block; in other formats it is wrapped in a Span with class
--- "spoiler" and an aria-label.  Where a sentence cannot be cut out of its
--- block's inlines cleanly (it starts or ends inside emphasis, a link, ...),
--- the whole block goes in a closed <details> (HTML) or a Div with class
--- "spoiler".  A warning Div goes before the first flagged
--- top-level block, and the rating badge first (under a leading title
--- heading).  Metadata for templates: spoilerguard_rating,
--- spoilerguard_rating_value, spoilerguard_rating_normalized,
--- spoilerguard_excerpt, spoilerguard_spoilers (their number), and rating
--- when the document has none.
---
--- Options, in the document's metadata:
---   spoilerguard:
---     rules: [house-rules.lua]      rule files (paths as given)
---     min_severity: major           minor (default) or major
---     min_confidence: 0.6
---     warning: false                no warning Div
---     badge: false                  no badge
---     defaults: false               leave the built-in rules out
---
--- The binding is loaded from <root>/build/lua53 or <root>/build/lua54 (by
--- the Lua that pandoc runs: pandoc 2 has 5.3, pandoc 3 has 5.4), where
--- <root> is two directories above this file; SPOILERGUARD_BUILD overrides
--- the build directory.

local function dirname(path)
  return (path:gsub("[/\\][^/\\]*$", ""))
end

local script = PANDOC_SCRIPT_FILE or (debug.getinfo(1, "S").source:gsub("^@", ""))
local lua_dir = dirname(dirname(script))           -- <root>/lua
if lua_dir == script or lua_dir == "" then lua_dir = "." end
local root = dirname(lua_dir)
if root == lua_dir then root = "." end
local build = os.getenv("SPOILERGUARD_BUILD") or (root .. "/build")
local abi = ({ ["Lua 5.3"] = "lua53", ["Lua 5.4"] = "lua54" })[_VERSION]

local sg, load_error
if not abi then
  load_error = "spoilerguard: no binding for " .. _VERSION
else
  package.path = lua_dir .. "/?.lua;" .. lua_dir .. "/?/init.lua;" .. package.path
  package.cpath = build .. "/" .. abi .. "/?.so;" .. package.cpath
  local ok, mod = pcall(require, "spoilerguard")
  if ok then sg = mod else load_error = "spoilerguard: " .. tostring(mod) end
end

local stringify = pandoc.utils.stringify

local TEXT_BLOCKS = { Para = true, Plain = true, Header = true }
local CONTAINERS = { BlockQuote = true, Div = true }
local LISTS = { BulletList = true, OrderedList = true }

-- Visit the text blocks of `blocks` in reading order: visit(block, top)
-- returns the block to put in its place (the same one to keep it).  Every
-- list is assigned back to its parent, since pandoc 3 hands out copies of an
-- element's content.  `top` is the index of the top-level block.
local function each_text_block(blocks, visit, top)
  for i, b in ipairs(blocks) do
    local t = top or i
    if TEXT_BLOCKS[b.t] then
      blocks[i] = visit(b, t)
    elseif CONTAINERS[b.t] then
      local content = b.content
      each_text_block(content, visit, t)
      b.content = content
      blocks[i] = b
    elseif LISTS[b.t] then
      local list = b.content
      for j, item in ipairs(list) do
        each_text_block(item, visit, t)
        list[j] = item
      end
      b.content = list
      blocks[i] = b
    elseif b.t == "DefinitionList" then
      local list = b.content
      for _, entry in ipairs(list) do
        for _, def in ipairs(entry[2]) do each_text_block(def, visit, t) end
      end
      b.content = list
      blocks[i] = b
    end
  end
  return blocks
end

local function attr(classes, attributes)
  return pandoc.Attr("", classes, attributes)
end

local function label_for(kinds)
  return "Spoiler: " .. table.concat(kinds, ", ")
end

-- HTML output hides each spoiler behind a button, as the core's html-span
-- does, with the core's CSS and script once (what a browser needs to show
-- it); other formats get Spans and Divs with class "spoiler".
local HTML = type(FORMAT) == "string" and FORMAT:match("html") ~= nil

local function escape_html(text)
  return (text:gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

-- A sentence's inlines as a disclosure: the button, then the hidden text.
local function disclosure(inside, kinds)
  local button = ('<button type="button" data-spoilerguard="toggle" aria-expanded="false">'
                  .. "Spoiler (%s)</button>"):format(escape_html(table.concat(kinds, ", ")))
  return pandoc.Span({ pandoc.RawInline("html", button),
                       pandoc.Span(inside, attr({}, { { "data-spoilerguard", "content" }, { "hidden", "" } })) },
                     attr({ "spoiler" }, { { "data-spoilerguard", kinds[1] } }))
end

-- Split the Str at position `i` of `inlines` so that a boundary falls `cut`
-- bytes into it.  Returns true when it did (or the boundary was there).
local function split_str(inlines, i, cut)
  local il = inlines[i]
  if cut == 0 then return true end
  if il.t ~= "Str" or cut >= #il.text then return cut == #stringify(il) end
  local text = il.text
  table.remove(inlines, i)
  table.insert(inlines, i, pandoc.Str(text:sub(cut + 1)))
  table.insert(inlines, i, pandoc.Str(text:sub(1, cut)))
  return true
end

-- Wrap bytes [s, e) of the block's stringified text in a Span.  Returns
-- false when the range cannot be cut out of the top-level inlines.
local function wrap_range(block, s, e, kinds)
  -- a split Str that is not wrapped in the end reads the same, so a failed
  -- attempt leaves nothing visible behind
  local inlines = block.content
  local function find(at)
    -- index of the inline holding byte `at`, and the byte offset into it
    local pos = 0
    for i, il in ipairs(inlines) do
      local n = #stringify(il)
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
  table.insert(inlines, i1, HTML and disclosure(inside, kinds)
                              or pandoc.Span(inside, attr({ "spoiler" }, { { "aria-label", label_for(kinds) } })))
  -- set it back: pandoc 3 may hand out a copy of an element's content
  block.content = inlines
  return true
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

local STARS = 5

local function badge_block(rating)
  local text
  if rating.normalized then
    local full = math.floor(rating.normalized * STARS + 0.5)
    if full < 0 then full = 0 elseif full > STARS then full = STARS end
    text = ("Rating: %s%s %s"):format(("★"):rep(full), ("☆"):rep(STARS - full), rating.text)
  else
    text = "Verdict: " .. tostring(rating.verdict or rating.text)
  end
  local label = rating.normalized
      and ("Rated %s"):format(rating.text)
      or ("Verdict: %s"):format(tostring(rating.verdict or rating.text))
  return pandoc.Div({ pandoc.Plain({ pandoc.Span({ pandoc.Str(text) },
                      attr({ "sg-rating" }, { { "role", "img" }, { "aria-label", label } })) }) },
                    attr({ "sg-badge" }, {}))
end

local function warning_block(kinds)
  local what = #kinds > 0 and (" (" .. table.concat(kinds, ", ") .. ")") or ""
  return pandoc.Div({ pandoc.Para({ pandoc.Strong({ pandoc.Str("Spoiler warning:") }), pandoc.Space(),
                                    pandoc.Str("this review reveals details of the story" .. what .. ".") }) },
                    attr({ "spoiler-warning" }, { { "role", "note" } }))
end

local function Pandoc(doc)
  if not sg then
    io.stderr:write(tostring(load_error), "\n")
    error(load_error)
  end
  local e = engine_for(doc.meta)

  -- the text: each text block stringified, joined with blank lines
  local parts, offsets, tops, pos = {}, {}, {}, 0
  each_text_block(doc.blocks, function(b, top)
    local text = stringify(b)
    parts[#parts + 1] = text
    offsets[#offsets + 1] = pos
    tops[#tops + 1] = top
    pos = pos + #text + 2
    return b
  end)
  local report, err = e:analyze(table.concat(parts, "\n\n"), { from = "plain" })
  if not report then error("spoilerguard: " .. tostring(err)) end

  -- the block of an offset (a flag never crosses blocks: they are paragraphs)
  local function block_of(at)
    local lo, hi = 1, #offsets
    while lo < hi do
      local mid = math.floor((lo + hi + 1) / 2)
      if offsets[mid] <= at then lo = mid else hi = mid - 1 end
    end
    return lo
  end
  -- each flagged sentence once, with all its kinds, grouped by block
  local per_block, by_key, first_top, kinds_seen, kinds = {}, {}, nil, {}, {}
  for _, f in ipairs(report.spoilers) do
    local key = f.start .. ":" .. f["end"]
    local s = by_key[key]
    if not s and #offsets > 0 then
      local bi = block_of(f.start)
      s = { start = f.start - offsets[bi], finish = math.min(f["end"] - offsets[bi], #parts[bi]),
            kinds = {} }
      by_key[key] = s
      per_block[bi] = per_block[bi] or {}
      table.insert(per_block[bi], s)
      if not first_top or tops[bi] < first_top then first_top = tops[bi] end
    end
    if s then
      s.kinds[#s.kinds + 1] = f.kind
      if not kinds_seen[f.kind] then kinds_seen[f.kind] = true kinds[#kinds + 1] = f.kind end
    end
  end

  -- wrap the sentences, from the last of a block to the first so that the
  -- offsets of the earlier ones hold; a block that cannot be cut cleanly is
  -- wrapped whole
  local k = 0
  doc.blocks = each_text_block(doc.blocks, function(b)
    k = k + 1
    local spans = per_block[k]
    if not spans then return b end
    table.sort(spans, function(x, y) return x.start > y.start end)
    local labels, whole = {}, false
    for _, s in ipairs(spans) do
      labels[#labels + 1] = table.concat(s.kinds, ", ")
      if not whole and not wrap_range(b, s.start, s.finish, s.kinds) then whole = true end
    end
    if whole and HTML then
      -- a closed <details>, which needs no script
      local open = ('<details class="spoiler" data-spoilerguard="%s"><summary data-spoilerguard="summary">'
                    .. "Spoiler (%s)</summary>"):format(escape_html(spans[1].kinds[1]),
                                                       escape_html(table.concat(labels, "; ")))
      return pandoc.Div({ pandoc.RawBlock("html", open), b, pandoc.RawBlock("html", "</details>") })
    elseif whole then
      return pandoc.Div({ b }, attr({ "spoiler" }, { { "aria-label", "Spoiler: " .. table.concat(labels, "; ") } }))
    end
    return b
  end)

  table.sort(kinds)
  -- the badge goes under a leading title heading, else first
  local blocks = doc.blocks
  local rating = report.rating
  if rating and not is_off(meta_option(doc.meta, "badge")) then
    local at = (blocks[1] and blocks[1].t == "Header") and 2 or 1
    table.insert(blocks, at, badge_block(rating))
    if first_top and at <= first_top then first_top = first_top + 1 end
  end
  if first_top and not is_off(meta_option(doc.meta, "warning")) then
    table.insert(blocks, first_top, warning_block(kinds))
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
