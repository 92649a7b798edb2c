-- The characters of one work -- Ballerina (2023, Lee Chung-hyun) -- for
-- reviews of it:
--   spoilerguard --rules examples/rules/ballerina-characters.lua review.txt
--   e:load_rules("examples/rules/ballerina-characters.lua")      -- from Lua
--
-- A death verb whose subject or object is a known character is stronger
-- evidence than one about "someone"; the engine learns names from the review
-- itself, and this list adds the ones a review may use without introducing.
-- A rule file like this needs nothing from the sandbox: it runs without
-- --trust-rules.
characters {
  "Jang Ok-ju", "Ok-ju", "Okju",
  "Choi Pil-ho", "Choi",
  "Moon Min-hee", "Min-hee", "Minhee",
}

-- One alternation of the names above, for patterns.
local who = [[(?:Jang\s+)?Ok-?ju|Okju|Choi(?:\s+Pil-?ho)?|(?:Moon\s+)?Min-?hee]]

return {
  { id = "ballerina.death.named", kind = "death", severity = "major",
    description = "a named character dies or is killed",
    patterns = {
      [[\b(?:]] .. who .. [[)\b[^.!?]{0,60}?\b(?:dies|died|is killed|gets killed|is shot dead|bleeds out|does not survive|doesn't survive)\b]],
      [[\b(?:kills|killed|murders|murdered|shoots|shot)\s+(?:]] .. who .. [[)\b]],
    },
    unless = { [[\b(?:almost|nearly|tries to|tried to|wants to|plans to)\b]] },
    character = "required" },

  { id = "ballerina.ending.revenge", kind = "ending", severity = "major",
    description = "how the revenge plot ends",
    patterns = {
      [[\b(?:finally|eventually|in the end)\b[^.!?]{0,60}\b(?:takes down|kills|gets her revenge on|avenges)\b]],
    },
    requires = { who } },

  { id = "ballerina.plot.premise", kind = "plot", severity = "minor",
    description = "the inciting death every synopsis gives",
    patterns = { [[\bMin-?hee\b[^.!?]{0,60}\b(?:suicide|takes her own life|took her own life)\b]] } },
}
