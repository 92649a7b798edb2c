-- Endings and fates: how it ends, who survives, who wins, who is caught.
-- Talk about the ending itself ("the ending feels rushed") is an opinion, not
-- plot: these rules look for what happens to someone, or a plain hint of it.

local A = "[’']"
local POSS = [[(?:his|her|their)]]
local NAME = [[(?-i:\p{Lu}[\p{L}\-]+)]]

-- an event verb: what a character does or undergoes in the story
local EVENT = [[(?:dies|died|is killed|was killed|gets killed|kills|killed|marries|married|escapes|escaped|survives|survived|wins|won|loses|lost|leaves|left|returns|returned|reunites|reunited|is arrested|was arrested|goes to (?:jail|prison)|ends up|ended up|becomes|became|realizes|realises|realized|learns|discovers|finds out|chooses|chose|decides|decided|is revealed|turns out|gets (?:away|married|revenge)|takes (?:over|down|revenge)|is saved|is rescued|saves|rescues|defeats|defeated|confronts|faces|sacrifices|betrays|forgives|walks away|drives off|rides off|is left|sits|stands|kisses|shoots|is shot|wakes up|sees|finds|meets|met|fails|failed|never|does not|doesn[’']t|is unable|manages|managed|got|gets|has|is|are|was|were)]]

-- what a critic says about an ending, not what happens in it
local OPINION = [[\b(?:rushed|abrupt(?:ly)?|anticlimactic|anti-climactic|unsatisfying|satisfying|unearned|earned|predictable|disappointing|disappoints?|letdown|let down|messy|muddled|confusing|ambiguous|open-ended|underwhelming|overlong|drags?|dragged|falls? (?:flat|apart)|fell (?:flat|apart)|loses? (?:steam|its way|momentum)|lost (?:steam|its way|momentum)|feels?|felt|seems?|works?|worked|lands?|landed|pays? off|payoff|worth|memorable|forgettable|powerful|moving|beautiful(?:ly)?|gorgeous|stunning|great|good|bad|best|worst|weak|strong|perfect|brilliant|fitting|note|high note|low note|whimper|bang|thud|flourish|cheesy|corny|silly)\b]]
-- the reviewer wondering, wishing, or promising not to tell
local HYPO = [[\b(?:if(?! (?:you|anything|nothing|only|not)\b)|unless|whether|what if|as if|would(?!\s+(?:later|eventually|soon|ultimately|go on|end up|never|finally))(?:n[’']t)?|could(?:n[’']t)? have|should(?:n[’']t)? have|might have|wish(?:es|ed)?|hop(?:e|ed|ing)|imagine|suppose)\b]]
local VOICE = [[\b(?:I|we|you|me|my|us|our)\b|\b(?:won]] .. A .. [[t|will not|don]] .. A .. [[t want to|not going to|can]] .. A .. [[t) (?:spoil|say|tell|reveal|give)\b|\bwithout (?:spoiling|giving (?:\w+ )?away|revealing)\b|\bno spoilers\b]]

return {
  {
    id = "ending.fate",
    kind = "ending", severity = "major", confidence = 0.75, character = "boost",
    description = "a character's final fate",
    patterns = {
      [[\b(?:(?:final|ultimate|eventual|tragic|grim|sad|cruel|grisly|gruesome|unhappy|happy|true) fate|fate (?:of (?:his|her|their|the|a|]] .. NAME .. [[)|awaits|is sealed)|seals? ]] .. POSS .. [[ (?:own )?fate|sealed ]] .. POSS .. [[ (?:own )?fate|]] .. POSS .. [[ fate|]] .. NAME .. A .. [[s? (?:final |ultimate |eventual |tragic |own )?fate|]] .. NAME .. A .. [[s? (?:\w+ )?end (?:is|was|comes|came|feels|felt)\b)\b]],
    },
    unless = { [[\bfate of the (?:franchise|series|film|movie|show|studio|genre|world|universe|planet|galaxy|kingdom|nation|country|city)\b]], [[\b(?:twist|quirk|hand|wheel) of fate\b]] },
    lower_if = { HYPO },
  },
  {
    id = "ending.ends",
    kind = "ending", severity = "major", confidence = 0.7, character = "major",
    description = "the film (or a character's arc) ends with what happens to someone",
    patterns = {
      [[\b(?:(?:film|movie|story|series|show|season|episode|book|novel|game|saga|tale|it) (?:all )?(?:ends|ended|closes|closed|concludes|concluded|wraps up) (?:with|when|as|on (?:a|an|the) (?:\w+ )?(?:death|wedding|funeral|kiss|cliffhanger|twist|reveal|reunion|shot of|image of))|the (?:final|last|closing) (?:scene|shot|image|moments?|frame|minutes|sequence|episode|chapter)s? (?:of the (?:film|movie|show|series|episode|season|book) )?(?:shows?|showed|reveals?|revealed|sees?|saw|finds?|found|depicts?|features?|has (?:]] .. NAME .. [[|him|her|them|the))|in the (?:final|last|closing) (?:scene|shot|act|episode|chapter|moments?|minutes|sequence|reel),? (?:\w+ ){0,3}]] .. EVENT .. [[|by the end(?: of the (?:film|movie|story|series|season|episode|book|show))?,? (?:\w+ ){0,3}]] .. EVENT .. [[|(?:in the end|at the end(?: of it all)?|ultimately|eventually|finally),? (?:\w+ ){0,3}(?:dies|fails|never|does not|doesn[’']t|is unable|meets|got|is killed|gets killed|kills|marries|escapes|survives|wins|loses|is arrested|goes to (?:jail|prison)|ends up|becomes|returns|leaves|chooses|decides|is revealed|turns out|is saved|is rescued|saves|defeats|forgives|walks away|sacrifices|betrays|realizes|realises|learns|discovers|gets))\b]],
    },
    unless = { [[\b(?:ends?|ended) (?:with|on) (?:a|an) (?:\w+ )?(?:note|bang|whimper|flourish|thud|question mark|sour taste)\b]] },
    lower_if = { HYPO, VOICE, OPINION },
    minor_if = { [[\b(?:first|opening|pilot|premiere)\b]] },
  },
  {
    id = "ending.position",
    kind = "ending", severity = "major", confidence = 0.62, character = "major",
    description = "what happens at a late point of the story: the finale, the end of the season",
    patterns = {
      [[\b(?:(?:in|during|by|at|before) the (?:\w+ )?(?:season|series|mid-season|two-part|show[’']s|film[’']s)? ?finale|(?:at|during|in) the (?:\w+ )?climax\b(?: of)?|at the (?:very )?end of [_*]?(?!World War)]] .. NAME .. [[|at the (?:very )?end of (?:the|this|that|his|her|their) (?:\w+ )?(?:episode|season|series|film|movie|book|story|show|game|novel|arc|pilot|trilogy|saga|war)|(?:in|during) the (?:final|last|closing) (?:episode|season|act|chapter|scene|battle|showdown|confrontation|moments?|minutes)|(?:series|season|show) finale|final (?:showdown|confrontation|battle) (?:with|between|against))\b]],
    },
    unless = { [[\bfinale (?:is|was|feels|felt)\b]], [[\b(?:finale|ending|climax|end) (?:\w+ ){0,2}(?:took|takes|left|leaves|blew|blows|surprised|shocked|impressed|moved|floored|wrecked|broke|caught) (?:me|us)\b]] },
    lower_if = { HYPO, VOICE, OPINION },
  },
  {
    id = "ending.outcome",
    kind = "ending", severity = "major", confidence = 0.65, character = "major",
    description = "survives, escapes, wins, is caught: the outcome for a character",
    patterns = {
      [[\b(?:(?:is|gets|was|got|are|were) (?:put|thrown|sent|locked) (?:in|into|to|up in) (?:a |the )?(?:prison|jail|cell)|]] .. NAME .. [[ (?:is |was )?(?:arrested|jailed|imprisoned|executed) (?:for|by|after)|(?:is|was|gets|got|are|were) (?:named|crowned|proclaimed|declared|elected|made) (?:the )?(?:new )?(?:king|queen|emperor|empress|ruler|leader|president|chancellor|pope)|(?:names?|named|crowns?|crowned) (?:\S+ ){1,3}(?:king|queen|emperor|empress|ruler)\b|(?:is|gets|was|got|are|were) (?:\w+ )?(?:arrested|caught|convicted|sentenced|jailed|imprisoned|locked up|executed|exonerated|acquitted|cleared)|(?:goes|went|sent|go) (?:back )?to (?:jail|prison)|behind bars|brought to justice|turns? (?:himself|herself|themselves) in|gets away with (?:it|murder|the crime)|(?:survives|survived) (?:the|to|in|being|his|her|their)|(?:is|was) the (?:only|sole|lone|last) survivor|(?:only|sole|lone) survivor|makes? it out alive|made it out alive|lives? happily ever after|manages? to (?:escape|survive|defeat|kill|stop|save)|managed to (?:escape|survive|defeat|kill|stop|save)|(?:finally|eventually|ultimately) (?:succeeds? in|succeeded in|overthrows?|overthrew|defeats?|defeated|kills?|killed|escapes?|escaped|wins?|won|marries|married|returns?|returned|reunites?|reunited|confronts?|gets? (?:her|his|their) revenge|catches|caught|arrests|arrested|saves?|saved)|(?:gets|got|takes|took) (?:her|his|their) revenge|exacts? (?:her|his|their) revenge|(?:avenges|avenged) (?:her|his|their)|defeats (?:the|his|her|their|]] .. NAME .. [[)|(?:is|was) defeated|escapes (?:from|with|to|the)|(?:wins|won) the (?:war|battle|fight|duel|election|case|trial|tournament|competition|championship|race|game|bet))\b]],
    },
    unless = { [[\bcaught (?:between|in|up|on|off|with|a|the)\b]] },
    lower_if = { HYPO, [[\b(?:will (?:she|he|they)|can (?:she|he|they)|to see (?:if|whether)|tries to|trying to|attempts? to)\b]] },
  },
  {
    id = "ending.coming",
    kind = "ending", severity = "major", confidence = 0.6, character = "major",
    description = "a plain hint at how it ends: you see it coming",
    patterns = {
      [[\b(?:see (?:it )?coming|seen coming|saw (?:it )?coming|predictable (?:ending|conclusion|finale|end|fate|death|demise)|telegraphed|(?:you|we|I) (?:know|knew|can tell) (?:how|where) (?:it|this|the film|the story) (?:ends|will end|is going))\b]],
    },
    requires = { [[\b(?:fate|death|dies|die|dying|kill(?:s|ed)?|survives?|after|demise|ends up|where (?:he|she|they) ends)\b]] },
  },
  {
    id = "ending.cliffhanger",
    kind = "ending", severity = "minor", confidence = 0.6,
    description = "it ends on a cliffhanger or an open ending: a hint at the shape of the end",
    patterns = {
      [[\b(?:ends? (?:on|with) (?:a|an) (?:\w+ )?cliffhanger|cliffhanger ending|(?:film|movie|show|series|season|story) ends (?:before|without))\b]],
    },
    lower_if = { HYPO },
  },
  {
    id = "ending.credits",
    kind = "ending", severity = "major", confidence = 0.65, character = "boost",
    description = "what a post-credits or final scene shows",
    patterns = {
      [[\b(?:(?:post|mid|after)[- ]?credits? (?:scene|sequence|stinger|tag|scenes)|(?:final|last|closing) (?:scene|shot|image|frame|moments?|minutes)) (?:\w+ )?(?:shows?|showed|reveals?|revealed|features?|sees?|saw|finds?|found|teases?|teased|hints?|hinted|confirms?|implies|implied|brings?|ends? with)\b]],
    },
    lower_if = { HYPO, VOICE, OPINION },
  },
  {
    id = "ending.open",
    kind = "ending", severity = "major", confidence = 0.6,
    description = "the question the ending leaves open: whether someone lives, wakes, returns",
    patterns = {
      [[\b(?:ending|finale|last scene|final scene|film|movie|book|story|series|episode) (?:\w+ )?(?:leaves?|left|leaving) (?:it )?(?:\w+ )?(?:open|ambiguous|unclear|unanswered|unresolved|up in the air|to the viewer|to the reader) (?:whether|if|who|what|how)\b]],
    },
    unless = { [[\b(?:if you|whether you|whether it works|whether (?:the|this) (?:film|movie|show|story) (?:works|succeeds))\b]] },
  },
  {
    id = "ending.gives_up",
    kind = "ending", severity = "major", confidence = 0.6, character = "boost",
    description = "a character gives up what they hold dear to save others",
    patterns = {
      [[\b(?:(?:gives?|gave|giving) up (?:his|her|their|the) (?:\w+ ){0,2}(?:to save|for the sake of|so that|in exchange for|to protect|to rescue)|(?:trades?|traded) (?:his|her|their) (?:\w+ ){0,2}(?:for|to save|to protect))\b]],
    },
    lower_if = { HYPO, VOICE, [[\b(?:must|has to|have to|needs? to|would have to|whether|decide|choose|choice)\b]] },
  },
}
