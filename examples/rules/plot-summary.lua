-- A house rule: a review's "Plot summary" (or "Synopsis") section is where a
-- reader expects to be told the story, and its heading is the warning, so
-- flags inside it are vetoed; the rest of the review is checked as usual.
--   spoilerguard --rules examples/rules/plot-summary.lua review.md
--
-- Sections are found in Markdown (ATX "## Plot summary" and setext headings),
-- HTML (<h1>..<h6>) and plain text (the title alone on a line).  A section
-- runs to the next heading of the same or a higher level (in plain text, to
-- the next title-like line after a blank line).

local TITLES = { ["plot summary"] = true, ["synopsis"] = true, ["plot"] = true,
                 ["the plot"] = true, ["story"] = true }

local function is_title(s)
  s = s:gsub("<[^>]*>", ""):gsub("[%*_`]", ""):gsub("^%s+", ""):gsub("[%s:]+$", "")
  return TITLES[s:lower()] == true
end

-- The lines of `text` as {start (0-based), text} in order.
local function lines(text)
  local out, pos = {}, 1
  while pos <= #text do
    local nl = text:find("\n", pos, true) or (#text + 1)
    out[#out + 1] = { pos - 1, text:sub(pos, nl - 1):gsub("\r$", "") }
    pos = nl + 1
  end
  return out
end

local function markdown_sections(text)
  local ls, heads = lines(text), {}
  for i, l in ipairs(ls) do
    local hashes, title = l[2]:match("^ ? ? ?(#+)%s+(.-)%s*#*%s*$")
    if hashes and #hashes <= 6 then
      heads[#heads + 1] = { at = l[1], level = #hashes, title = title }
    elseif i > 1 and l[2]:match("^ ? ? ?=+%s*$") and ls[i - 1][2]:match("%S") then
      heads[#heads + 1] = { at = ls[i - 1][1], level = 1, title = ls[i - 1][2] }
    elseif i > 1 and l[2]:match("^ ? ? ?%-+%s*$") and ls[i - 1][2]:match("%S") then
      heads[#heads + 1] = { at = ls[i - 1][1], level = 2, title = ls[i - 1][2] }
    end
  end
  return heads
end

local function html_sections(text)
  local heads, pos = {}, 1
  while true do
    local s, e, level = text:find("<[hH]([1-6])[^>]*>", pos)
    if not s then break end
    local close = text:find("</[hH]" .. level .. "%s*>", e + 1)
    local title = close and text:sub(e + 1, close - 1) or ""
    heads[#heads + 1] = { at = s - 1, level = tonumber(level), title = title }
    pos = (close or e) + 1
  end
  return heads
end

local function plain_sections(text)
  local ls, heads = lines(text), {}
  for i, l in ipairs(ls) do
    local t = l[2]
    local after_blank = i == 1 or not ls[i - 1][2]:match("%S")
    if after_blank and t:match("%S") and #t <= 60 and not t:match("[%.!?,;\"]%s*$") then
      heads[#heads + 1] = { at = l[1], level = 1, title = t }
    end
  end
  return heads
end

-- The byte ranges {start, finish} of the plot summary sections of a document.
local cache = setmetatable({}, { __mode = "k" })
local function summary_ranges(doc)
  if cache[doc] then return cache[doc] end
  local find = doc.format == "html" and html_sections
            or doc.format == "markdown" and markdown_sections
            or plain_sections
  local heads, ranges = find(doc.text), {}
  for i, h in ipairs(heads) do
    if is_title(h.title) then
      local finish = #doc.text
      for j = i + 1, #heads do
        if heads[j].level <= h.level then finish = heads[j].at break end
      end
      ranges[#ranges + 1] = { h.at, finish }
    end
  end
  cache[doc] = ranges
  return ranges
end

on("flag", function(f, doc)
  for _, r in ipairs(summary_ranges(doc)) do
    if f.start >= r[1] and f.start < r[2] then return false end
  end
end)

return {}
