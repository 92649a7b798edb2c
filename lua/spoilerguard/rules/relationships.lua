-- Relationships and other turns of the story where they spoil: who ends up
-- with whom, weddings, break-ups, babies, reunions, kidnappings, a character
-- changed for good.  These are plot (kind "plot"): minor unless they come at
-- the end, where they are how the story ends (major).

local A = "[’']"
local PRON = [[(?:him|her|them)]]
local POSS = [[(?:his|her|their)]]
local NAME = [[(?-i:\p{Lu}[\p{L}\-]+)]]

local LATE = [[\b(?:third act|final act|last act|finale|climax|in the end|at the end|by the end|towards? the end|end of the (?:film|movie|story|series|season|episode|book|show)|final (?:scene|shot|moments?|minutes|episode|chapter)|last (?:scene|shot|moments?|minutes|episode|chapter)|epilogue|ultimately|eventually|finally)\b]]
local HYPO = [[\b(?:if(?! (?:you|anything|nothing|only|not)\b)|unless|whether|what if|as if|would(?!\s+(?:later|eventually|soon|ultimately|go on|end up|never|finally))(?:n[’']t)?|could(?:n[’']t)? have|should(?:n[’']t)? have|might|wish(?:es|ed)?|hop(?:e|ed|ing)|imagine|suppose|(?:tries|trying|tried|attempts?|wants?|wanted|plans?|planning|hopes?) to)\b]]
local VOICE = [[\b(?:I|we|you|me|my|us|our)\b|\b(?:won]] .. A .. [[t|will not|don]] .. A .. [[t want to|not going to|can]] .. A .. [[t) (?:spoil|say|tell|reveal|give)\b|\bwithout (?:spoiling|giving (?:\w+ )?away|revealing)\b|\bno spoilers\b]]
-- the actors, not the characters
local ACTORS = [[\b(?:in real life|real-life|off-screen|offscreen|actors?|actress(?:es)?|co-stars?|(?:was|were) cast|casting|in reality|tabloids?|director|filmmakers?|screenwriters?|writer-director|helmer|leading (?:lady|man)|collaborators?|collaboration|studio|franchise)\b]]

return {
  {
    id = "plot.together",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "who ends up with whom: together, hooked up, in love, married",
    patterns = {
      [[\b(?:(?:ends?|ended|winds?|wound) up (?:together|with (?:]] .. NAME .. [[|him|her|them|the|his|her)|married|dating|in bed)|(?:gets?|got|getting) (?:back )?together|(?:hooks?|hooked|hooking) up|(?:falls?|fell|falling) (?:madly |head over heels )?in love|(?:sleeps?|slept|sleeping) with|(?:confess(?:es|ed)?|declares?|declared) (?:his|her|their) (?:love|feelings)|(?:first|final|last) kiss|(?:kiss(?:es|ed))(?! (?:of death|goodbye to))|(?:starts?|started|begins?|began) (?:dating|seeing|a relationship|an affair)|(?:propos(?:es|ed)) to|(?:gets?|got) engaged|(?:marr(?:ies|ied)) (?:]] .. NAME .. [[|him|her|them|his|her|the|each other)|(?:gets?|got) married|(?:their|the) wedding)\b]],
    },
    unless = { ACTORS, [[\b(?:kiss(?:es|ed)? (?:goodbye|off)|falls? in love with (?:the|this) (?:film|movie|show|series|city|place|story))\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.breakup",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "a couple breaks up, divorces, is cheated on",
    patterns = {
      [[\b(?:(?:breaks?|broke|breaking) up|(?:splits?|splitting) up|(?:divorc(?:es|ed|ing))|(?:gets?|got) (?:a )?divorced?|(?:dumps?|dumped) (?:]] .. NAME .. [[|him|her|them|his|her)|(?:leaves?|left) (?:him|her|them) for|(?:cheats?|cheated|cheating) on|(?:has|had|having) an affair|(?:ends?|ended) (?:the|their|his|her) (?:relationship|engagement|marriage)|calls? off the (?:wedding|engagement))\b]],
    },
    unless = { ACTORS, [[\bbreak(?:s)? up (?:the|a) (?:fight|party|monotony|action|tension)\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.baby",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "a pregnancy, a birth, a miscarriage",
    patterns = {
      [[\b(?:(?:gets?|got|is|was|becomes?|became|falls?|fell) pregnant|pregnan(?:t|cy) (?:with|by)|(?:gives?|gave|giving) birth|miscarr(?:ies|ied|iage)|(?:has|had|having) (?:a|the|his|her|their) baby|(?:is|was) (?:the )?(?:baby|child)[’']s father)\b]],
    },
    unless = { ACTORS },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.reunion",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "characters reunited, or someone returns for good",
    patterns = {
      [[\b(?:reunit(?:es|ed|ing) with|(?:are|were|is|was|gets?|got) reunited|(?:a |the |their )?reunion (?:with|between|of)|(?:returns?|returned|comes? back|came back) (?:home|for good|to (?:life|the (?:team|fold|family)))|(?:forgives?|forgave) (?:him|her|them|his|her|]] .. NAME .. [[))\b]],
    },
    unless = { ACTORS, [[\b(?:cast|crew|franchise|director|actors?) (?:reunion|reunites?)\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.captured",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "a character is kidnapped, captured, rescued or saved",
    patterns = {
      [[\b(?:(?:is|was|are|were|gets?|got|been) (?:\w+ )?(?:kidnapped|abducted|captured|taken hostage|held hostage|rescued|saved)|(?:kidnaps?|kidnapped|abducts?|abducted|captures?|captured) (?:]] .. NAME .. [[|him|her|them|his|her|the)|(?:rescues?|rescued|saves?|saved) (?:]] .. NAME .. [[|him|her|them|his|her|the (?:girl|boy|child|day|world|city|town|hostages?)))\b]],
    },
    unless = { ACTORS, [[\b(?:saved|saves?) (?:by|only by) (?:the|a|its|an) (?:\w+ )?(?:performance|cast|script|score|soundtrack|cinematography|action|ending|direction|lead|acting)\b]], [[\b(?:saves?|saved) (?:the (?:film|movie|show|series)|it from)\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.harmed",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "a character is shot, stabbed, poisoned, attacked (not killed)",
    patterns = {
      [[\b(?:(?:is|was|gets|got|are|were|been|being|be) (?:\w+ )?(?:shot (?:in|by|at|and|twice|point-blank)|stabbed|wounded|injured|poisoned|tortured|raped|beaten up|attacked|mauled|bitten|hit by a (?:car|truck|bus|train)|run over)|(?:shoots|stabs|poisons|tortures|rapes|attacks|bites) (?:]] .. NAME .. [[|him|her|them|his|her|the))\b]],
    },
    unless = {
      ACTORS,
      -- the camera, not a gun: "the film is shot in Seoul", "beautifully shot"
      [[\b(?:film|movie|scene|sequence|footage|picture|episode|series|show|it|everything|action|fight)\s+(?:is|was|were|are)\s+(?:\w+\s+)?shot\b]],
      [[\bshot (?:by (?:the )?(?:cinematographer|DP|director)|on (?:film|location|digital|an iphone)|in (?:black|colou?r|\d|one take|ibiza|seoul|london))\b]],
    },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "plot.changed",
    kind = "plot", severity = "minor", confidence = 0.6, character = "boost",
    description = "a character changed for good: turned, crippled, in a coma, gone",
    patterns = {
      [[\b(?:(?:becomes?|became|is turned into|was turned into|turns? into|turned into) (?:a|an) (?:\w+ )?(?:vampire|zombie|werewolf|ghost|monster|demon|robot|cyborg|villain|killer|murderer)|(?:los(?:es|t)|losing) (?:his|her|their) (?:powers?|memory|memories|sight|hearing|mind|sanity|arm|leg|hand|eye|legs|soul|virginity)|(?:goes|went|is|was) (?:blind|insane|mad|deaf)|(?:is|was|left) (?:paralyzed|paralysed|crippled|in a coma)|(?:falls?|fell|slips?|slipped) into a coma|(?:wakes?|woke) (?:up )?from (?:a|his|her|the) coma|(?:has|had|gets?|got) amnesia|(?:is|was|gets?|got) (?:fired|expelled|demoted|promoted)|(?:is|was|gets?|got) written out|(?:leaves?|left) (?:the (?:show|series|team|group|crew|force|agency|town)|for good))\b]],
    },
    unless = { ACTORS, [[\b(?:los(?:es|t)|losing) (?:its|the film[’']s|the movie[’']s) (?:\w+ )?(?:mind|way|soul|sanity)\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
}
