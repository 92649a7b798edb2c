-- The Lua API in the reference host (lua5.4):
--   SG_ROOT=. SG_BUILD=build [SG_CORPUS=../shared/corpus] lua5.4 tests/lua/test_api.lua
-- or: lua5.4 tests/lua/test_api.lua ROOT BUILD [CORPUS]
local root = arg[1] or os.getenv("SG_ROOT") or "."
local build = arg[2] or os.getenv("SG_BUILD") or (root .. "/build")
local corpus = arg[3] or os.getenv("SG_CORPUS") or (root .. "/../shared/corpus")
local abi = os.getenv("SG_LUA_ABI") or (_VERSION == "Lua 5.3" and "lua53" or "lua54")

package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = build .. "/" .. abi .. "/?.so;" .. package.cpath

local passed, failed = 0, 0

local function test(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    print("ok   " .. name)
  else
    failed = failed + 1
    print("FAIL " .. name .. ": " .. tostring(err))
  end
end

local function check(cond, msg, ...)
  if not cond then error(select("#", ...) > 0 and msg:format(...) or msg, 2) end
end

local function short(v)
  local s = type(v) == "string" and ("%q"):format(v) or tostring(v)
  return #s > 300 and (s:sub(1, 300) .. "...") or s
end

local function eq(got, want, what)
  if got ~= want then
    error(("%s: got %s, want %s"):format(what or "value", short(got), short(want)), 2)
  end
end

local function has(s, needle, what)
  if type(s) ~= "string" or not s:find(needle, 1, true) then
    error(("%s: %q does not contain %q"):format(what or "message", tostring(s), needle), 2)
  end
end

-- The error a call raises (fails when it raises none).
local function raises(fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected an error", 2) end
  return tostring(err)
end

local function write_file(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
  return path
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local this_file = debug.getinfo(1, "S").short_src

local ok_load, sg = pcall(require, "spoilerguard")
if not ok_load then
  print("FAIL require spoilerguard: " .. tostring(sg))
  print("0 passed, 1 failed")
  os.exit(1)
end

local REVIEW = table.concat({
  "Okju is a contract killer who wants out.",
  "In the final act, Okju dies in her mentor's arms.",
  "The action scenes are superb and the score is loud.",
  "Rating: 7/10",
}, "\n\n")

local function spoiler_with(report, rule)
  for _, f in ipairs(report.spoilers) do
    if f.rule == rule then return f end
  end
end

-- How many reported flags a rule raised (the engine's learned scorer may add
-- flags of its own, so tests count by rule).
local function count_rule(report, rule)
  local n = 0
  for _, f in ipairs(report.spoilers) do
    if f.rule == rule then n = n + 1 end
  end
  return n
end

-- An engine with no built-in rules, so flags come only from the test's own
-- rules (and the learned scorer, whose flags tests tell apart by rule).
local function bare(opts)
  opts = opts or {}
  opts.rules = opts.rules or "none"
  return sg.new(opts)
end

local function death_rule(e, extra)
  local r = { id = "death.dies", kind = "death", severity = "minor", pattern = [[\bdies\b]] }
  for k, v in pairs(extra or {}) do r[k] = v end
  return e:add_rule(r)
end

test("new_gives_an_engine_with_the_default_pack", function()
  local e = sg.new()
  check(e:rule_count() > 0, "default pack has rules")
  eq(bare():rule_count(), 0, "rules = none")
  check(tostring(e):find("spoilerguard engine"), "tostring")
end)

test("pattern_rule_flags_the_sentence_with_its_id_kind_and_severity", function()
  local e = bare()
  eq(death_rule(e, { severity = "major" }), e, "add_rule returns the engine")
  local report = assert(e:analyze(REVIEW, { from = "plain" }))
  eq(report.format, "plain", "format")
  local f = spoiler_with(report, "death.dies")
  check(f, "flag from death.dies")
  eq(f.kind, "death", "kind")
  eq(f.severity, "major", "severity")
  has(REVIEW:sub(f.start + 1, f["end"]), "Okju dies", "flagged span")
  eq(f.text and f.text:find("Okju dies", 1, true) ~= nil, true, "flag text")
end)

test("lua_rule_true_flags_with_the_rule_defaults", function()
  local e = bare()
  e:add_rule { id = "death.named", kind = "death", severity = "major",
               match = function(s, doc)
                 eq(type(doc.text), "string", "doc.text")
                 eq(doc.text:sub(s.start + 1, s["end"]), s.text, "s.text is the span")
                 eq(s.finish, s["end"], "finish = end")
                 return s.text:find("Okju dies") ~= nil
               end }
  local report = assert(e:analyze(REVIEW))
  local f = spoiler_with(report, "death.named")
  check(f, "flag from the Lua rule")
  eq(f.severity, "major", "severity")
  eq(count_rule(report, "death.named"), 1, "one flag")
end)

test("lua_rule_table_result_overrides_kind_and_severity", function()
  local e = bare()
  e:add_rule { id = "ending.final", kind = "death",
               match = function(s)
                 if s.text:find("final act") then return { kind = "ending", severity = "major" } end
               end }
  local report = assert(e:analyze(REVIEW))
  local f = spoiler_with(report, "ending.final")
  check(f, "flag")
  eq(f.kind, "ending", "kind")
  eq(f.severity, "major", "severity")
end)

test("sentence_hook_returns_a_flag", function()
  local e = bare()
  local seen = 0
  e:on("sentence", function(s, doc)
    seen = seen + 1
    eq(doc.format, "plain", "doc.format")
    if s.text:find("mentor") then return { kind = "twist", severity = "major", rule = "my.mentor" } end
  end)
  local report = assert(e:analyze(REVIEW, { from = "plain" }))
  check(seen >= 3, "hook saw every sentence (%d)", seen)
  local f = spoiler_with(report, "my.mentor")
  check(f, "flag from the sentence hook")
  eq(f.kind, "twist", "kind")
end)

test("sentence_hook_may_return_a_list_of_flags", function()
  local e = bare()
  e:on("sentence", function(s)
    if s.text:find("Okju dies") then
      return { { kind = "death", rule = "h.death" }, { kind = "ending", rule = "h.ending" } }
    end
  end)
  local report = assert(e:analyze(REVIEW))
  check(spoiler_with(report, "h.death") and spoiler_with(report, "h.ending"), "two flags")
end)

test("flag_hook_false_vetoes_the_flag", function()
  local e = bare()
  death_rule(e)
  e:add_rule { id = "plot.contract", kind = "plot", pattern = "contract killer" }
  e:on("flag", function(f) if f.rule == "death.dies" then return false end end)
  local report = assert(e:analyze(REVIEW))
  check(not spoiler_with(report, "death.dies"), "vetoed flag is gone")
  check(spoiler_with(report, "plot.contract"), "other flag stays")
end)

test("flag_hook_table_edits_kind_severity_and_confidence", function()
  local e = bare()
  death_rule(e)
  e:on("flag", function(f, doc)
    eq(type(f.evidence), "table", "evidence")
    eq(doc.text, REVIEW, "doc.text")
    return { kind = "fate", severity = "major", confidence = 0.99 }
  end)
  local report = assert(e:analyze(REVIEW))
  local f = spoiler_with(report, "death.dies")
  check(f, "flag kept")
  eq(f.kind, "fate", "kind")
  eq(f.severity, "major", "severity")
  check(math.abs(f.confidence - 0.99) < 1e-9, "confidence %s", f.confidence)
end)

test("hooks_and_the_report_see_scores_exact_not_rounded", function()
  local e = bare()
  death_rule(e)
  local seen
  e:on("flag", function() return { confidence = 0.123456789 } end)
  e:on("flag", function(f) seen = f.confidence end)
  local report = assert(e:analyze(REVIEW, { min_confidence = 0.1 }))
  eq(seen, 0.123456789, "confidence the next flag hook sees")
  eq(spoiler_with(report, "death.dies").confidence, 0.123456789, "confidence in the report")
  local _, annotated = assert(e:annotate(REVIEW, { min_confidence = 0.1 }))
  eq(spoiler_with(annotated, "death.dies").confidence, 0.123456789, "annotate's report")
  -- the learned scorer's probability, as a hook sees it and as the report gives it
  local m = sg.new()
  local model
  m:on("flag", function(f) if f.rule == "death.dies" then model = f.model_score end end)
  local f = spoiler_with(assert(m:analyze(REVIEW)), "death.dies")
  check(f and model, "a death.dies flag with a model score")
  eq(f.model, model, "model score")
  check(f.model ~= tonumber(("%.3f"):format(f.model)), "model score %.17g has more than three decimals", f.model)
end)

test("flag_hook_in_place_edit_is_applied_and_chained", function()
  local e = bare()
  death_rule(e)
  e:on("flag", function(f) f.severity = "major" end)
  e:on("flag", function(f) eq(f.severity, "major", "second hook sees the first edit") end)
  local report = assert(e:analyze(REVIEW))
  eq(spoiler_with(report, "death.dies").severity, "major", "severity")
end)

test("flag_hook_can_lower_confidence_below_the_threshold", function()
  local e = bare()
  death_rule(e)
  e:on("flag", function() return { confidence = 0.01 } end)
  local report = assert(e:analyze(REVIEW))
  eq(#report.spoilers, 0, "flag under min_confidence is not reported")
end)

test("rating_hook_replaces_and_removes_the_rating", function()
  local e = bare()
  e:on("rating", function(r)
    return { text = "4/5", value = 4, scale = 5 }
  end)
  local report = assert(e:analyze(REVIEW))
  check(report.rating, "rating present")
  eq(report.rating.text, "4/5", "text")
  eq(report.rating.value, 4, "value")
  check(math.abs(report.rating.normalized - 0.8) < 1e-9, "normalized follows value/scale")
  local e2 = bare()
  e2:on("rating", function() return false end)
  eq(assert(e2:analyze(REVIEW)).rating, nil, "rating removed")
end)

test("document_hook_edits_metadata", function()
  local e = bare()
  e:on("document", function(doc)
    doc.meta.title = "Ballerina, reviewed"
    return { work = "Ballerina" }
  end)
  local seen_title
  e:on("flag", function(f, doc) seen_title = doc.meta.title end)
  death_rule(e)
  local report = assert(e:analyze(REVIEW))
  eq(report.meta.title, "Ballerina, reviewed", "title")
  eq(report.meta.work, "Ballerina", "work")
  eq(seen_title, "Ballerina, reviewed", "later hooks see the edit")
end)

test("document_hook_sets_genres", function()
  local e = bare()
  e:on("document", function(doc) doc.meta.genres = { "Action", "Thriller" } end)
  local seen
  e:on("flag", function(f, doc) seen = table.concat(doc.meta.genres, "|") end)
  death_rule(e)
  local report = assert(e:analyze(REVIEW))
  eq(table.concat(report.meta.genres, "|"), "Action|Thriller", "genres from a list")
  eq(seen, "Action|Thriller", "later hooks see the genres")
  local e2 = bare()
  e2:on("document", function() return { genres = "Drama, Crime" } end)
  eq(table.concat(assert(e2:analyze(REVIEW)).meta.genres, "|"), "Drama|Crime",
     "genres from a comma-separated string")
  local e3 = bare()
  e3:on("document", function(doc) doc.meta.genres = { "Drama", {} } end)
  local ok, err = e3:analyze(REVIEW)
  check(not ok and tostring(err):find("meta.genres%[2%] must be a string"),
        "a genre that is not a string is refused: %s", tostring(err))
end)

test("document_hook_excerpt_is_kept", function()
  local e = bare()
  e:on("document", function(doc) doc.meta.excerpt = "A lean revenge thriller." end)
  death_rule(e)
  eq(assert(e:analyze(REVIEW)).meta.excerpt, "A lean revenge thriller.",
     "the hook's excerpt, not the one built from the sentences")
end)

test("threads_give_the_same_report_on_a_large_article", function()
  local parts = {}
  for i = 1, 9000 do
    parts[i] = ("In chapter %d, Okju dies and it turns out her sister lied. "
      .. "The score is lovely.\n\n"):format(i)
  end
  local text = table.concat(parts) -- about 800 KB: three threads' worth
  local e = sg.new()
  local one = assert(e:analyze(text, { from = "plain" }))
  local three = assert(e:analyze(text, { from = "plain", threads = 3 }))
  check(#one.spoilers > 9000, "flags in every paragraph (%d)", #one.spoilers)
  eq(#three.spoilers, #one.spoilers, "flags with three threads")
  for i = 1, #one.spoilers, 997 do
    eq(three.spoilers[i].start, one.spoilers[i].start, "flag " .. i .. " start")
    eq(three.spoilers[i].rule, one.spoilers[i].rule, "flag " .. i .. " rule")
  end
  eq(assert(e:annotate(text, { from = "plain", threads = 2 })),
     assert(e:annotate(text, { from = "plain" })), "annotated output")
  has(raises(e.analyze, e, text, { threads = 0 }), "threads", "threads = 0")
end)

test("strip_of_annotate_gives_the_input_back", function()
  local e = sg.new { rules = { { id = "test.dies", kind = "death", pattern = [[\bdies\b]] } } }
  for _, from in ipairs { "plain", "markdown", "html" } do
    local text = from == "html" and ("<p>" .. REVIEW:gsub("\n\n", "</p>\n<p>") .. "</p>") or REVIEW
    local out, report = e:annotate(text, { from = from })
    check(out, "annotate %s: %s", from, tostring(report))
    check(type(report) == "table" and #report.spoilers >= 1, "report for %s", from)
    check(out ~= text, "%s: something was inserted", from)
    eq(e:strip(out, { from = from }), text, from .. " round trip")
    eq(sg.strip(out, from), text, from .. " round trip (module strip)")
  end
end)

test("strip_says_what_an_edit_left_of_its_marks", function()
  local e = sg.new { rules = { { id = "test.dies", kind = "death", pattern = [[\bdies\b]] } } }
  local text = "A quiet film.\n\nIn the end the hero dies. The villain dies too.\n"
  local out = assert(e:annotate(text, { from = "plain" }))
  has(out, "In the end the hero dies. [/spoiler]", "plain output")
  local back, left = sg.strip(out, "plain")
  eq(back, text, "an unedited copy strips back")
  eq(left, nil, "nothing left")
  -- a published copy lost one mark's closing piece
  local edited = out:gsub(" %[/spoiler%]$", "", 1):gsub(" %[/spoiler%]\n$", "\n", 1)
  check(edited ~= out, "the copy was edited")
  back, left = sg.strip(edited, { from = "plain" })
  has(back, "[spoiler: death] The villain dies too.", "the half mark stays")
  has(left, "does not close", "what was left")
  has(left, "line 5:", "where it was left")
end)

test("warning_and_badge_hooks_replace_the_inserted_markup", function()
  local e = bare()
  death_rule(e)
  local got_flags
  e:on("warning", function(markup, doc, flags)
    eq(type(markup), "string", "default warning")
    got_flags = #flags
    return "CUSTOM-WARNING"
  end)
  e:on("badge", function(markup) return "CUSTOM-BADGE" end)
  local out = assert(e:annotate(REVIEW, { from = "plain" }))
  has(out, "CUSTOM-WARNING", "output")
  has(out, "CUSTOM-BADGE", "output")
  eq(got_flags, 1, "warning hook gets the flags")
  eq(e:strip(out), REVIEW, "strip removes hook markup too")
end)

test("publish_hook_gets_and_replaces_the_output", function()
  local e = bare()
  death_rule(e)
  e:on("publish", function(out, doc)
    eq(doc.text, REVIEW, "doc.text")
    return out .. "\n<!-- published -->"
  end)
  local out = assert(e:annotate(REVIEW, { from = "plain" }))
  check(out:sub(-18) == "<!-- published -->", "publish replaced the output")
end)

test("hook_error_aborts_the_article_with_hook_name_file_and_line", function()
  local e = bare()
  death_rule(e)
  local line = debug.getinfo(1, "l").currentline + 1
  e:on("flag", function() error("boom") end)
  local report, msg = e:analyze(REVIEW)
  eq(report, nil, "no report")
  has(msg, "hook 'flag' failed", "message")
  has(msg, this_file .. ":" .. line, "message")
  has(msg, "boom", "message")
  -- the host survives and other engines still work
  local e2 = bare()
  death_rule(e2)
  check(e2:analyze(REVIEW), "another engine still works")
end)

test("every_hook_kind_reports_its_failure", function()
  for _, name in ipairs { "document", "sentence", "flag", "rating", "warning", "badge", "publish" } do
    local e = bare()
    death_rule(e)
    e:on(name, function() error("broken " .. name) end)
    local out, msg = e:annotate(REVIEW, { from = "plain" })
    eq(out, nil, name .. ": no output")
    has(msg, "hook '" .. name .. "' failed", name)
    has(msg, "broken " .. name, name)
  end
end)

test("lua_rule_error_names_the_rule_and_where_it_was_added", function()
  local e = bare()
  local line = debug.getinfo(1, "l").currentline + 1
  e:add_rule { id = "bad.rule", kind = "death", match = function(s) return s.text.nope.x end }
  local report, msg = e:analyze(REVIEW)
  eq(report, nil, "no report")
  has(msg, "rule 'bad.rule'", "message")
  has(msg, this_file .. ":" .. line, "message")
end)

test("hook_returning_a_wrong_type_is_an_error_naming_the_hook", function()
  local e = bare()
  death_rule(e)
  e:on("flag", function() return 42 end)
  local report, msg = e:analyze(REVIEW)
  eq(report, nil, "no report")
  has(msg, "hook 'flag' failed", "message")
  has(msg, "number", "message")
  local e2 = bare()
  e2:on("sentence", function() return { severity = "major" } end)
  local _, msg2 = e2:analyze(REVIEW)
  has(msg2, "without a kind", "sentence hook flag without kind")
  local e3 = bare()
  death_rule(e3)
  e3:on("flag", function() return { severity = "huge" } end)
  local _, msg3 = e3:analyze(REVIEW)
  has(msg3, "severity", "bad severity")
end)

test("invalid_pattern_raises_naming_the_rule_id_file_and_line", function()
  local e = bare()
  local line = debug.getinfo(1, "l").currentline + 1
  local ok, err = pcall(e.add_rule, e, { id = "twist.broken", kind = "twist", pattern = "(unclosed" })
  eq(ok, false, "raised")
  has(err, "twist.broken", "error")
  has(err, this_file .. ":" .. line, "error")
  eq(e:rule_count(), 0, "nothing added")
end)

test("misuse_raises_clear_errors", function()
  local e = bare()
  has(raises(e.on, e, "flags", function() end), "unknown hook 'flags'", "unknown hook")
  has(raises(e.on, e, "flag", 42), "must be a function", "hook not a function")
  has(raises(e.add_rule, e, 5), "table", "rule not a table")
  has(raises(e.add_rule, e, { kind = "death", pattern = "x" }), "needs an id", "no id")
  has(raises(e.add_rule, e, { id = "x.nokind", pattern = "x" }), "kind", "no kind")
  has(raises(e.add_rule, e, { id = "x.typo", kind = "death", paterns = { "x" } }),
      "unknown field 'paterns'", "typo")
  has(raises(e.add_rule, e, { id = "x.sev", kind = "death", severity = "huge", pattern = "x" }),
      "severity", "severity")
  has(raises(e.add_rule, e, { id = "x.none", kind = "death" }), "needs a pattern", "nothing to match")
  has(raises(e.add_rule, e, { id = "x.both", kind = "death", pattern = "x", match = function() end }),
      "not both", "pattern and match")
  e:add_rule { id = "x.once", kind = "death", pattern = "x" }
  has(raises(e.add_rule, e, { id = "x.once", kind = "death", pattern = "y" }), "already used", "duplicate id")
  has(raises(e.analyze, e, 42), "string", "text not a string")
  has(raises(e.analyze, e, "x", { from = "docx" }), "from", "bad format")
  has(raises(sg.new, { stlye = "html" }), "unknown option 'stlye'", "option typo")
  has(raises(sg.new, { min_severity = "big" }), "min_severity", "bad min_severity")
end)

test("load_rules_reads_rules_and_hooks_from_a_file", function()
  local path = write_file([[
on("flag", function(f)
  if f.rule == "file.contract" then return { severity = "major" } end
end)
return {
  { id = "file.contract", kind = "plot", pattern = "contract killer" },
  { id = "file.mentor", kind = "twist",
    match = function(s) return s.text:find("mentor", 1, true) ~= nil end },
}
]])
  local e = bare()
  eq(e:load_rules(path), e, "load_rules returns the engine")
  eq(e:rule_count(), 2, "two rules")
  local report = assert(e:analyze(REVIEW))
  eq(spoiler_with(report, "file.contract").severity, "major", "hook from the file ran")
  check(spoiler_with(report, "file.mentor"), "Lua rule from the file")
  os.remove(path)
end)

test("load_rules_with_a_syntax_error_names_file_and_line", function()
  local path = write_file("return {\n  { id = 'a', kind = 'death', pattern = 'x' },\n  oops oops\n}\n")
  local err = raises(sg.new { rules = "none" }.load_rules, sg.new { rules = "none" }, path)
  has(err, path .. ":3", "syntax error position")
  os.remove(path)
end)

test("load_rules_with_an_invalid_pattern_names_rule_file_and_line", function()
  local path = write_file("return {\n  { id = 'ok.rule', kind = 'death', pattern = 'fine' },\n\n  { id = 'bad.pattern', kind = 'death', pattern = '[z-a]' },\n}\n")
  local e = bare()
  local err = raises(e.load_rules, e, path)
  has(err, "bad.pattern", "rule id")
  has(err, path .. ":4", "file and line")
  os.remove(path)
end)

test("load_rules_of_a_missing_file_or_a_bad_result_raises", function()
  local e = bare()
  has(raises(e.load_rules, e, "/nonexistent/rules.lua"), "/nonexistent/rules.lua", "missing file")
  local path = write_file("return 42\n")
  has(raises(e.load_rules, e, path), "must return a list of rules", "bad result")
  os.remove(path)
  local path2 = write_file("error('refused')\n")
  has(raises(e.load_rules, e, path2), path2 .. ":1: refused", "runtime error")
  os.remove(path2)
end)

test("too_large_input_gives_nil_and_a_message", function()
  local e = sg.new { max_input = 16 }
  local report, msg = e:analyze(REVIEW)
  eq(report, nil, "no report")
  check(type(msg) == "string" and #msg > 0, "a message")
  local out, msg2 = e:annotate(REVIEW)
  eq(out, nil, "no output")
  check(type(msg2) == "string", "a message")
  check(e:analyze("short text"), "small input still works")
  check(sg.new():analyze(REVIEW, { max_input = 10 }) == nil, "per-call max_input")
end)

test("two_engines_are_independent", function()
  local a, b = bare(), bare()
  death_rule(a)
  b:add_rule { id = "plot.contract", kind = "plot", pattern = "contract killer" }
  local a_calls, b_calls = 0, 0
  a:on("flag", function(f) if f.rule == "death.dies" then a_calls = a_calls + 1 end end)
  b:on("flag", function(f) if f.rule == "plot.contract" then b_calls = b_calls + 1 end return false end)
  local ra = assert(a:analyze(REVIEW))
  local rb = assert(b:analyze(REVIEW))
  check(spoiler_with(ra, "death.dies") and not spoiler_with(ra, "plot.contract"), "a has its rule only")
  eq(#rb.spoilers, 0, "b vetoed its own flags")
  eq(a_calls, 1, "a's hook ran once")
  eq(b_calls, 1, "b's hook ran once")
  -- an analysis of one engine inside the other's hook
  a:on("document", function() assert(b:analyze(REVIEW)) end)
  check(a:analyze(REVIEW), "nested use of another engine")
end)

test("engine_used_from_its_own_hook_is_refused_not_crashed", function()
  local e = bare()
  death_rule(e)
  e:on("flag", function() e:analyze("x") end)
  local report, msg = e:analyze(REVIEW)
  eq(report, nil, "no report")
  has(msg, "running an analysis", "message")
  check(e:analyze("Nothing here."), "engine usable afterwards")
end)

test("marks_false_inserts_only_the_badge_and_reports_every_flag", function()
  local e = bare()
  death_rule(e)
  local out, report = e:annotate(REVIEW, { from = "plain", marks = false })
  check(out, tostring(report))
  -- the article gets no mark and no warning, the report keeps every flag
  local marked = assert(e:annotate(REVIEW, { from = "plain" }))
  check(#out < #marked, "fewer insertions than with marks")
  check(not out:find("SPOILER", 1, true), "no mark inserted")
  check(#report.spoilers >= 1, "the report still lists the spoilers")
  eq(report.spoilers[1].rule, "death.dies", "the flag's rule")
  eq(e:strip(out), REVIEW, "round trip")
end)

test("options_reach_the_engine", function()
  local e = bare { min_severity = "major" }
  death_rule(e)
  eq(count_rule(assert(e:analyze(REVIEW)), "death.dies"), 0, "minor flag under min_severity major")
  eq(count_rule(assert(e:analyze(REVIEW, { min_severity = "minor" })), "death.dies"), 1, "per-call override")
  local e2 = bare { style = "html", badge = false, jsonld = false, warning = false, min_confidence = 0.2 }
  death_rule(e2)
  local html = "<p>" .. REVIEW:gsub("\n\n", "</p>\n<p>") .. "</p>"
  local out, msg = e2:annotate(html, { from = "html" })
  check(out, "html alias style: %s", tostring(msg))
  has(out, 'class="spoiler"', "html-span output")
  local e3 = bare { style = "reddit" }
  death_rule(e3)
  has(assert(e3:annotate(REVIEW, { from = "markdown" })), ">!", "the core's short name reddit")
end)

test("characters_option_and_add_characters_accept_names", function()
  local e = sg.new { characters = { "Jang Ok-ju", "Okju" } }
  eq(e:add_characters { "Ms. Kim" }, e, "add_characters returns the engine")
  has(raises(e.add_characters, e, { 1 }), "characters[1]", "non-string name")
  check(e:analyze(REVIEW), "analysis")
end)

test("on_option_registers_hooks_at_creation", function()
  local vetoed = 0
  local e = sg.new {
    rules = { { id = "death.dies", kind = "death", pattern = [[\bdies\b]] } },
    defaults = false,
    on = { flag = function() vetoed = vetoed + 1 return false end },
  }
  eq(e:rule_count(), 1, "defaults = false")
  eq(#assert(e:analyze(REVIEW)).spoilers, 0, "vetoed")
  eq(vetoed, 1, "hook ran")
end)

test("odd_input_never_crashes", function()
  local e = sg.new()
  local inputs = { "", "\0\0\0", "\255\254 broken \192 utf8. Okju dies.", ("a. "):rep(5000),
                   "<p><b><i>unclosed", "# only a heading", ("\n"):rep(1000) }
  for i, text in ipairs(inputs) do
    local r, msg = e:analyze(text)
    check(r or msg, "input %d gave a report or a message", i)
    local out = e:annotate(text)
    if out then eq(e:strip(out), text, "round trip of input " .. i) end
  end
end)

test("report_text_keeps_invalid_bytes_and_nul_as_they_are", function()
  local e = bare()
  death_rule(e)
  local text = "Caf\195\169 owner Zo\195\169 \255\254 dies in the end.\0 Next one."
  local report = assert(e:analyze(text))
  local f = spoiler_with(report, "death.dies")
  check(f, "flag")
  eq(f.text, text:sub(f.start + 1, f["end"]), "flag text is the input bytes")
end)

test("line_starts_and_position_map_offsets_to_lines", function()
  local text = "ab\ncd\n\nef"
  local starts = sg.line_starts(text)
  eq(#starts, 4, "lines")
  local l, c = sg.position(starts, 4)
  eq(l, 2, "line") eq(c, 1, "col")
  l, c = sg.position(starts, 7)
  eq(l, 4, "line") eq(c, 0, "col")
  eq(sg.format_for("markdown"), "markdown", "ft") eq(sg.format_for("lua"), "plain", "ft")
end)

test("seed_reviews_give_a_report_of_the_documented_shape", function()
  local seeds = { "ballerina-user-review.txt", "ballerina-411mania.txt",
                  "ballerina-butwhytho.txt", "ballerina-scmp.txt" }
  local any = false
  for _, name in ipairs(seeds) do
    local text = read_file(corpus .. "/seeds/" .. name)
    if text then
      any = true
      local e = sg.new()
      local report = assert(e:analyze(text))
      eq(type(report.meta), "table", name .. " meta")
      eq(type(report.spoilers), "table", name .. " spoilers")
      eq(type(report.skipped), "table", name .. " skipped")
      for _, f in ipairs(report.spoilers) do
        check(f.start < f["end"] and f["end"] <= #text, "%s: span in range", name)
        check(f.severity == "minor" or f.severity == "major", "%s: severity", name)
      end
      local out = assert(e:annotate(text))
      eq(e:strip(out), text, name .. " round trip")
    end
  end
  if not any then print("skip seed reviews: no corpus at " .. corpus) end
end)

test("every default rule pack loads through add_rule, the same rules as the built-in pack", function()
  local e, n = sg.new { rules = "none" }, 0
  for _, pack in ipairs { "deaths", "endings", "twists", "relationships", "counters" } do
    local rules = dofile(root .. "/lua/spoilerguard/rules/" .. pack .. ".lua")
    for _, r in ipairs(rules) do
      local ok, err = pcall(e.add_rule, e, r)
      check(ok, "%s: rule %s: %s", pack, tostring(r.id), tostring(err))
      n = n + 1
    end
  end
  eq(e:rule_count(), n, "rules loaded")
  eq(e:rule_count(), sg.new():rule_count(), "rules of the built-in pack")
end)

test("words_are_what_the_annotated_article_says", function()
  local e = sg.new { rules = { { id = "t.dies", kind = "death", severity = "major", pattern = [[\bdies\b]] } },
                     defaults = false }
  local text = "# Night Ferry\n\nThe ferry is slow. In the end, Ada dies on the pier.\n\nRating: 3/5\n"
  local words, report = e:words(text, { from = "markdown" })
  eq(#report.spoilers, 1, "the report comes second")
  eq(words.warning_lead, "Spoiler warning:", "the warning's lead")
  local out = e:annotate(text, { from = "markdown", style = "md-html", badge = "text" })
  has(out, "**" .. words.warning_lead .. "** " .. words.warning, "the Markdown warning")
  has(words.warning, "(deaths)", "the warning names the kinds")
  has(out, words.badge, "the text badge")
  local html = e:annotate(text, { from = "markdown" })
  has(html, 'aria-label="' .. words.badge_label .. '"', "the badge's spoken label")
  has(html, ">" .. sg.label { "death" } .. "</button>", "the button's label")
  local none = e:words("The ferry is slow.", { from = "plain" })
  eq(next(none), nil, "no words without a flag or a rating")
end)

test("label_names_each_kind_once", function()
  eq(sg.label { "death", "ending", "death", "" }, "Spoiler (death, ending)", "label")
  check(select(2, pcall(sg.label, { 1 })):find("kinds must be strings"), "a number is refused")
end)

print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
