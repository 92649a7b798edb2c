--- spoilerguard: find the sentences of a review that give the story away,
--- mark them, and badge the review's own rating.
---
---   local sg = require "spoilerguard"
---   local e = sg.new{ rules = "default", style = "html", min_severity = "minor" }
---   e:add_rule{ id = "twist.butler", kind = "twist", severity = "major",
---               pattern = [[\bthe butler did it\b]] }
---   e:on("flag", function(f, doc) if f.rule == "death.generic" then return false end end)
---   local report = e:analyze(text, { from = "markdown" })
---   local out, report = e:annotate(text, { from = "markdown" })
---   local original = e:strip(out)
---   local words, report = e:words(text, { from = "markdown" })  -- for a host
---     -- writing its own markup: words.warning_lead, words.warning,
---     -- words.badge, words.badge_label (nil where there are none)
---
--- Engine options (sg.new{...}; any of the first group may also be given per
--- call to analyze/annotate):
---   from|format   "plain", "markdown", "html" or "auto" (default: by content)
---   style         "html-span", "html-details", "md-discord", "md-reddit",
---                 "md-pandoc", "md-html", "md-hugo", "md-obsidian", "plain"
---                 or "auto" (the default: by what the text shows, its
---                 front matter and [[links]]; report.style says which);
---                 or a platform's name for its dialect: "discord",
---                 "reddit", "pandoc", "hugo", "obsidian", "details", "html"
---                 (html-span), "markdown" (md-html), "text"
---   badge         "auto", "none", "text", "html", "svg", "image", or a boolean
---   min_severity  "minor" (default) or "major"
---   min_confidence  a number in [0, 1] (default sg.default_min_confidence)
---   jsonld, warning  booleans (default true)
---   assets           boolean (default true): HTML marked html-span inlines the
---                    CSS and script that hide each spoiler behind a button
---   max_input     bytes; larger inputs give nil, message
---   max_depth     HTML nesting past this gives nil, message
---   threads       threads for the rules and the scorer of a large article
---                 (default 1); the result is the same whatever the number
---   marks         (per call) false to insert no spoiler marks, only the badge;
---                 the report still lists every flag
---   rules         "default" (the built-in pack), "none", or a list of rule
---                 tables and rule file paths added to the built-in pack
---   defaults      false to leave the built-in pack out of a list of rules
---   characters    names of the work's characters, as if the article named them
---   on            { hook_name = function or list of functions }
---
--- Rules: { id, kind, severity = "minor"|"major", confidence,
---   pattern | patterns = {...}          PCRE2, caseless unless case_sensitive
---   requires, unless, lower_if, major_if, minor_if  (strings or lists)
---   character = true|"near"|"required", case_sensitive = true,
---   match = function(s, doc) ... end }  a Lua rule: true, false/nil or a
---                                       table {kind, severity, confidence}
---
--- Hooks, in the order they run for each article:
---   document(doc)             edit doc.meta, or return a table of fields;
---                             genres is a list of strings (or one
---                             comma-separated string), nil for none
---   sentence(s, doc)          return nil, a flag table {kind, severity,
---                             confidence, rule} or a list of them
---   flag(f, doc)              return false to veto, a table of edits
---                             (kind, severity, confidence), or edit f in place
---   rating(r, doc)            r is nil when the review gives none; return
---                             false to remove it or a rating table
---   warning(markup, doc, flags), badge(markup, doc, flags)
---                             return replacement markup (a string)
---   publish(out, doc)         return a replacement for the output
--- s = {text, start, ["end"], finish, index, block}; f = a report spoiler
--- entry (kind, severity, rule, confidence, model, evidence, ...) and its
--- index, finish and model_score; doc = {format, text,
--- meta = {title, work, year, author, date, excerpt, genres}}.  Offsets are
--- 0-based bytes with an exclusive end, as in the JSON report, so the text of
--- s is doc.text:sub(s.start + 1, s["end"]).
---
--- Misuse (wrong types, an unknown hook, an invalid pattern) raises an error
--- naming the rule, file and line.  Input that cannot be processed, and a hook
--- or Lua rule that fails, give nil and a message; the host carries on.
local core = require "spoilerguard.core"

local M = {}

M.core = core
M.version = core.version
M.default_min_confidence = core.default_min_confidence
M.hooks = { "document", "sentence", "flag", "rating", "warning", "badge", "publish" }

--- A new engine (see the options above).
M.new = core.new
--- Remove what spoilerguard inserted: sg.strip(text [, from]) -> text, left.
--- `left` is nil, or (when an edit of a published plain, Discord or Reddit
--- copy left pieces of spoilerguard's form it could not prove its own, such
--- as a mark whose closing piece was deleted) one "line N: why" a line; those
--- pieces stay in the text.
M.strip = core.strip
--- sg.assets() -> css, js: the CSS and script that hide each spoiler behind a
--- button (what html-span inlines once per page).
M.assets = core.assets
--- sg.label{"death", "ending"} -> "Spoiler (death, ending)": how a mark over
--- a sentence flagged with these kinds is labelled.
M.label = core.label
--- "plain", "markdown" or "html", guessed from the text.
M.detect_format = core.detect_format

--- The format for an editor filetype or a file extension ("plain" otherwise).
M.format_for = require("spoilerguard.filetypes").format_for

--- Offsets of the start of each line of `text` (0-based; first is 0).
function M.line_starts(text)
  local starts, n, pos = { 0 }, 1, 1
  while true do
    local nl = text:find("\n", pos, true)
    if not nl then break end
    n = n + 1
    starts[n] = nl
    pos = nl + 1
  end
  return starts
end

--- 1-based line and 0-based byte column of 0-based byte `offset`, given
--- M.line_starts of the text.
function M.position(starts, offset)
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if starts[mid] <= offset then lo = mid else hi = mid - 1 end
  end
  return lo, offset - starts[lo]
end

--- A report's spoilers as editor diagnostics: a list of
--- {lnum, col, end_lnum, end_col (1-based lines, 0-based byte columns),
---  severity, kind, rule, confidence, message}.
function M.diagnostics(report, text)
  local out = {}
  if not report or not report.spoilers then return out end
  local starts = M.line_starts(text)
  for i, f in ipairs(report.spoilers) do
    local l1, c1 = M.position(starts, f.start)
    local l2, c2 = M.position(starts, f["end"])
    out[i] = {
      lnum = l1, col = c1, end_lnum = l2, end_col = c2,
      severity = f.severity, kind = f.kind, rule = f.rule,
      confidence = f.confidence,
      message = ("spoiler (%s, %s): rule %s"):format(f.kind, f.severity, f.rule),
    }
  end
  return out
end

return M
