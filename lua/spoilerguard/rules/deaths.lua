-- Deaths: who dies, who kills whom, who takes their own life.
-- A rule is data: id, kind, severity, PCRE2 patterns (caseless), and
-- declarative conditions (see README "Rules").  Apostrophes match ' and ’.
-- The pieces below are plain strings joined into patterns: the pack stays
-- pure data, and every rule names the same cues the same way.

local A = "[’']"                       -- either apostrophe
local PRON = [[(?:him|her|them|himself|herself)]]
local POSS = [[(?:his|her|their)]]
-- a capitalised name: "Ok-ju", "Choi" (case-sensitive inside (?-i:...))
local NAME = [[(?-i:\p{Lu}[\p{L}\-]+)]]

-- where in the story: late events are major
local LATE = [[\b(?:third act|final act|last act|finale|climax|climactic|final (?:showdown|confrontation|battle|fight|duel|scene|shot|moments?|minutes|reel|episode|chapter)|last (?:scene|shot|moments?|minutes|reel|episode|chapter)|in the end|at the end|by the end|towards? the end|before the end|end of the (?:film|movie|story|series|season|episode|book|show)|epilogue|ultimately|eventually|last-minute|twist)\b]]

-- what every synopsis gives: the inciting death, a death in the back story
local PREMISE = [[\b(?:aveng(?:e|es|ed|ing)|revenge (?:for|on)|vengeance (?:for|on)|(?:after|since|following|over) (?:the|his|her|their|a|an) (?:\w+ ){0,2}(?:death|murder|suicide|killing|loss)|investigat\w* (?:the|a|an|his|her|their) (?:\w+ ){0,2}(?:death|murder|killing|disappearance)|(?:had|has|have) (?:been|already) (?:\w+ )?(?:killed|murdered|died)|(?:years|months|long) (?:ago|earlier|before)|(?:whose|with her|with his) (?:\w+ )?(?:late|dead|deceased|murdered)|responsible for (?:\w+ ){0,2}(?:\w+[’']s )?(?:death|murder|suicide|killing)|(?:the|a) (?:man|woman|person|people|one|ones|men|gang) (?:who|that) (?:killed|murdered)|griev\w*|mourn\w*|the (?:opening|first) (?:scene|minutes|moments|act|episode|chapter)|early on|at the (?:start|beginning)|(?:opens|begins|starts|kicks off) with|sets? (?:the (?:plot|story)|things|events) in motion|inciting|premise|synopsis|trailer)\b]]

-- the reviewer wondering, wishing, or promising not to tell
local HYPO = [[\b(?:if(?! (?:you|anything|nothing|only|not)\b)|unless|whether|what if|as if|as though|would(?!\s+(?:later|eventually|soon|ultimately|go on|end up|never|finally))(?:n[’']t)?|could(?:n[’']t)? have|should(?:n[’']t)? have|might have|wish(?:es|ed)?|hop(?:e|ed|ing)|imagine|suppose)\b]]
local VOICE = [[\b(?:I|we)\b[^.!?]{0,40}\b(?:wish|wished|hope|hoped|wanted|expected|would have|liked|loved|thought|think|guess|suspect|bet|felt)\b|\b(?:won]] .. A .. [[t|will not|don]] .. A .. [[t want to|not going to|can]] .. A .. [[t|refuse to|I]] .. A .. [[ll not) (?:spoil|say|tell|reveal|give)\b|\bwithout (?:spoiling|giving (?:\w+ )?away|revealing)\b|\bno spoilers\b]]
-- counterfactual: what did not happen ("if Choi had been the one", "I would
-- have liked him to die")
local COUNTERFACTUAL = [[\b(?:if (?:\w+ ){0,3}(?:had|were|was to|could have)|what if|would(?:n[’']t)? have|could(?:n[’']t)? (?:\w+ ){0,2}have|should(?:n[’']t)? have|might have|wish(?:es|ed)? (?:\w+ ){0,3}(?:had|would|could))\b]]
-- nobody at all dies: a claim about the genre, not an event
local NOBODY = [[\b(?:no one|nobody|none of (?:them|the \w+)|no character|not a single (?:\w+ )?(?:character|person|soul))\b]]
-- almost, not quite: the event did not happen (still plot, but minor)
local NEAR = [[\b(?:almost|nearly|narrowly|barely|near-death|about to|close to death|(?:tries|tried|try|trying|attempts?|attempted|plans?|planned|plots?|plotted|wants?|wanted|sets? out|set out|is out|hired|sent|vows?|vowed|swears?|swore|threatens?|threatened|going|intends?|fails?|failed) to (?:\w+ )?(?:kill|murder|assassinate|die))\b]]

-- a figure of speech with a death word in it
local FIGURATIVE = [[\b(?:killer (?:performance|soundtrack|score|cast|app|instinct|line|look|chemistry|opening|premise|combo|hook|riff|beat|twist|idea|smile|body|heels|fashion|outfit|design|cinematography)|kill(?:s|ed|ing)? (?:it|time|the (?:mood|vibe|momentum|pacing|tension|buzz|joke|fun|suspense|film|movie|show|franchise|series))|killing it|(?:it|that|this) (?:just |really )?kill(?:s|ed) me|would kill for|to die for|die[ -]?hard|dead (?:serious|set|last|giveaway|ringer|end|weight|air|space|zone|tired|on arrival|in the water|heat|center|centre|silence|eyes|pan)|deadpan|dying (?:to (?:see|watch|know|meet|find out|read|hear)|breed|art|genre|industry)|would(?:n[’']t)? (?:rather )?die|die of (?:laughter|boredom|embarrassment|shame)|died (?:laughing|of laughter)|dies? down|died down|drop[- ]dead (?:gorgeous|funny)|walking dead|evil dead|dead or alive|undead|brain[- ]dead|bored to death|scared to death|worked to death|done to death|beaten to death (?:by|in) (?:the )?(?:trailer|marketing)|(?:the )?death of (?:cinema|the (?:genre|franchise|series|movie|film|author|rom-com|comedy))|(?:dies|died|dead) (?:at|in) the box office|death (?:metal|stare|glare)|murder (?:of crows|mystery (?:genre|fans))|killing (?:machine|floor|field)s?|overkill|(?:franchise|genre|series|career|idea|joke|romance|spark|chemistry|subplot|plot|story|film|movie|sequel|humou?r|comedy) (?:is|was|feels?|seems?) (?:\w+ )?dead)\b]]

return {
  {
    id = "death.kills",
    kind = "death", severity = "major", confidence = 0.75, character = "major",
    description = "a character kills, murders, shoots dead or finishes off someone",
    patterns = {
      [[\b(?:kill(?:s|ed)|killing (?:everyone|everybody|all of (?:them|us)|]] .. PRON .. [[\b(?! way)|]] .. NAME .. [[)|murder(?:s|ed)|slay(?:s|ed)?|slew|slain|assassinat(?:es|ed)|strangl(?:es|ed)|smother(?:s|ed)|suffocat(?:es|ed)|behead(?:s|ed)|decapitat(?:es|ed)|disembowel(?:s|ed|led)?|execut(?:es|ed) ]] .. PRON .. [[|stab(?:s|bed)? (?:\w+ ){0,2}to death|beat(?:s|en)? (?:\w+ ){0,2}to death|(?:shoots?|shot) (?:\w+ ){0,2}(?:dead|in the head)|guns? (?:\w+ )?down|gunned (?:\w+ )?down|poison(?:s|ed) (?:]] .. PRON .. "|" .. POSS .. "|" .. NAME .. [[)|finish(?:es|ed) ]] .. PRON .. [[ off|(?:takes?|took) ]] .. PRON .. [[ out|(?:runs?|ran) ]] .. PRON .. [[ through|snaps? ]] .. POSS .. [[ neck|snapped ]] .. POSS .. [[ neck|(?:blows?|blew) (?:]] .. PRON .. [[|everyone|everybody|them all) up|burn(?:s|ed)? ]] .. PRON .. [[ alive|(?:pushes|pushed|throws|threw) ]] .. PRON .. [[ (?:off|out of|from) (?:a|the) (?:\w+ )?(?:cliff|roof|building|window|balcony|bridge|train|plane)|kill(?:s|ed) off)\b]],
    },
    unless = { FIGURATIVE, [[\bkill(?:s|ed)? (?:\w+ )?(?:thugs?|goons?|henchm[ae]n|zombies|bad guys|enemies|mooks|soldiers|guards|people|dozens|hundreds|scores|countless|everyone in sight)\b]] },
    lower_if = { HYPO, VOICE, NOBODY },
    minor_if = { NEAR, PREMISE, COUNTERFACTUAL },
    major_if = { LATE },
  },
  {
    id = "death.dies",
    kind = "death", severity = "major", confidence = 0.7, character = "major",
    description = "someone dies, is killed, is found dead, does not survive",
    patterns = {
      [[\b(?:dies|died|dying|perish(?:es|ed)|pass(?:es|ed) away|(?:is|was|gets|got|are|were|been|being) (?:\w+ )?(?:killed|murdered|slain|executed|assassinated|shot dead|beheaded|poisoned|eaten(?: alive)?|stabbed to death|beaten to death|burned alive|buried alive|decapitated|strangled|drowned|crushed to death|gunned down|killed off)|(?:is|was) (?:found |left )?dead|found dead|(?:ends?|ended|winds?|wound) up dead|(?:doesn|didn|won|wouldn|does not|did not|will not)(?:]] .. A .. [[t)? (?:survive|make it(?: out alive)?)|fails? to survive|(?:loses?|lost) ]] .. POSS .. [[ li(?:fe|ves)|]] .. POSS .. [[ (?:own )?(?:death|demise|murder|killing|execution|funeral)|]] .. NAME .. A .. [[s? (?:\w+ )?(?:death|demise|murder|killing|funeral)|(?:the|a) death of (?:his|her|their|the|a|]] .. NAME .. [[)|(?:his|her|their|the) (?:\w+ )?[\w\-]+]] .. A .. [[s? (?:death|demise|murder|killing|suicide)|(?:characters|people|heroes|villains|friends|members|kids|children|soldiers|they|both|all|many|most|several|two|three|four|five) (?:all |both |then |eventually |finally |also )?die\b(?! (?:for|hard|down|laughing|of))|(?:see|seeing|saw|watch|watching|watched) (?:\w+ ){1,4}die\b|bleeds? out|bled out|drowns|succumbs? to|succumbed to|meets? ]] .. POSS .. [[ (?:end|maker|demise|death)|met ]] .. POSS .. [[ (?:end|maker|demise|death)|breathes? ]] .. POSS .. [[ last|breathed ]] .. POSS .. [[ last|(?:is|was) (?:dispatched|no more)|(?:are|were) dispatched)\b]],
    },
    unless = {
      FIGURATIVE,
      [[\b(?:the dead|the dying|dying (?:man|woman|world|planet|town|city|star|light|embers|wish)|living dead)\b]],
      [[\bdispatched (?:to|from|by mail|on a mission)\b]],
      -- a work's title ("The Death of Ivan Ilyich"), a thing that failed ("it died a slow death")
      [[(?-i:\S\s+(?:The\s+)?Death\s+of\s+\p{Lu})|\b(?:it|this|that) (?:\w+ )?died (?:a|an) (?:\w+ ){0,3}death\b]],
      -- craft, not an execution: "the episodes are executed well"
      [[\bexecuted (?:as |so |very |really |rather |quite )?(?:well|poorly|badly|brilliantly|perfectly|flawlessly|beautifully|nicely|competently|cleverly|masterfully)\b|\b(?:well|poorly|badly|brilliantly|perfectly|flawlessly|beautifully|nicely|competently|cleverly|masterfully)[- ]executed\b]],
    },
    lower_if = {
      HYPO, VOICE, NOBODY,
      [[\b(?:seemingly|apparently|supposedly|presumed|presumably|believed|thought to be|fake[sd]?|faking)\b]],
    },
    minor_if = { NEAR, PREMISE, COUNTERFACTUAL },
    major_if = { LATE },
  },
  {
    id = "death.suicide",
    kind = "death", severity = "minor", confidence = 0.8,
    description = "suicide: often the premise (minor); late or final ones are major",
    patterns = {
      [[\b(?:(?:commits?|committed|attempts?|attempted) suicide|suicide|kill(?:s|ed|ing)? (?:himself|herself|themselves)|(?:took|takes?|taken|taking) ]] .. POSS .. [[ own li(?:fe|ves)|(?:slit|slash(?:es|ed)?|cut) ]] .. POSS .. [[ (?:own )?wrists|wrists slashed|hang(?:s|ed) (?:himself|herself|themselves)|(?:shoots?|shot) (?:himself|herself|themselves)|(?:jumps?|jumped|throws? (?:himself|herself)|threw (?:himself|herself)) (?:off|from) (?:a|the) (?:\w+ )?(?:roof|building|bridge|cliff|balcony)|overdos(?:es|ed))\b]],
    },
    unless = { [[\bsuicide (?:squad|mission|run|king|doors?|blonde|note of a film)\b]], FIGURATIVE },
    lower_if = { COUNTERFACTUAL, VOICE, NOBODY },
    major_if = { [[\b(?:third act|final act|finale|climax|in the end|at the end|by the end|towards? the end|final (?:scene|shot|moments?)|last (?:scene|shot|moments?)|ultimately|twist)\b]] },
  },
  {
    id = "death.body",
    kind = "death", severity = "minor", confidence = 0.7,
    description = "a body is found",
    patterns = {
      [[\b(?:finds?|found|discovers?|discovered|discovery of|comes? across|stumbles? (?:up)?on) (?:his|her|their|the|a|]] .. NAME .. A .. [[s) (?:dead |lifeless |mutilated |bloody |decapitated |charred )?(?:body|bodies|corpse|remains)\b]],
      [[\b(?:body|bodies|corpse|remains) (?:is|was|are|were) (?:later )?(?:found|discovered|pulled|recovered|dumped)\b]],
    },
    unless = { [[\b(?:body (?:of work|horror|language|count|double|swap)|remains (?:to be seen|a mystery|unclear))\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "death.sacrifice",
    kind = "death", severity = "major", confidence = 0.75,
    description = "a character gives their life",
    patterns = {
      [[\b(?:sacrific(?:es|ed|ing) (?:himself|herself|themselves|]] .. NAME .. [[\b(?! (?:of|for))|]] .. POSS .. [[ (?:own )?li(?:fe|ves))|heroic sacrifice|(?:gives?|gave|giving) (?:up )?]] .. POSS .. [[ (?:own )?li(?:fe|ves)|(?:]] .. POSS .. [[|]] .. NAME .. A .. [[s|the \w+]] .. A .. [[s) (?:heroic |noble |final |ultimate )?sacrifice|(?:takes?|took) the (?:bullet|blast|hit|gunshot|shot|blow|fall) for)\b]],
    },
    lower_if = { [[\b(?:almost|nearly|would|willing to|ready to|offers? to|offered to|prepared to)\b]], HYPO, VOICE },
  },
  {
    id = "death.dispatched",
    kind = "death", severity = "major", confidence = 0.75, character = "boost",
    description = "a character is dispatched, done away with, taken care of for good",
    patterns = {
      [[\b(?:dispatched|dispatches (?:him|her|them|the)|done away with|does away with|did away with|bumped off|offed|snuffed out|wiped out|put down for good|(?:takes?|took) care of (?:him|her|them) for good|(?:meets|met) a (?:grisly|gruesome|violent|bloody|sticky|tragic|untimely|brutal) end|(?:gets|got) (?:what|the end) (?:he|she|they) deserved?)\b]],
    },
    unless = { [[\bdispatched (?:to|from|by mail|on a mission)\b]], [[\bwiped out (?:by|from) (?:exhaustion|the heat)\b]],
               -- sent, not killed: "the reinforcements were dispatched"
               [[\b(?:reinforcements|troops|soldiers|units?|forces|help|police|officers|agents|ships|squads?|a team|the team) (?:\w+ )?(?:were|was|are|is|being|been|gets?|got) dispatched\b]] },
    lower_if = { HYPO, VOICE },
    minor_if = { NEAR, PREMISE },
  },
  {
    id = "death.massacre",
    kind = "death", severity = "minor", confidence = 0.65,
    description = "a massacre or a body count left by the story's events",
    patterns = {
      [[\b(?:massacre[sd]?|slaughter(?:s|ed)|(?:kills|killed|wipes out|wiped out) (?:everyone|everybody|the (?:whole|entire) (?:\w+ )?(?:family|crew|team|village|town|gang))|mass (?:murder|suicide)|(?:only|sole|lone|last) (?:one )?(?:left )?alive)\b]],
    },
    unless = { FIGURATIVE, [[\b(?:massacre(?:d|s)? (?:at|by) the (?:box office|critics)|slaughter(?:s|ed)? (?:by|at) the (?:box office|critics))\b]] },
    lower_if = { HYPO, VOICE },
    major_if = { LATE },
  },
  {
    id = "death.murder_case",
    kind = "death", severity = "minor", confidence = 0.6,
    description = "a murder that sets a mystery going (the premise, not its answer)",
    patterns = {
      [[\b(?:a|the|an?) (?:\w+ )?(?:murder|killing|homicide)s? (?:case|trial|investigation|inquiry|victim|suspect|weapon|scene|spree)?\b]],
    },
    requires = { [[\b(?:murder|killing|homicide)s?\b]] },
    unless = { FIGURATIVE, [[\bmurder (?:mystery|mysteries|drama|thriller|ballad|podcast|show|genre)\b]] },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "death.idiom",
    kind = "death", severity = "major", confidence = 0.65, character = "boost",
    description = "a death said by an idiom: not everyone makes it, is written out, bites the dust",
    patterns = {
      [[\b(?:not (?:everyone|everybody|all of them) (?:makes? it|survives?|gets? out|lives?|comes? (?:back|home|out))|(?:is|was|gets|got|are|were) written out|(?:few|none|not all|only (?:\w+ ){1,2}) (?:of them |of the \w+ )?(?:survives?|makes? it|lives?|gets? out)\b(?! (?:to|a|an|the|on|in|with|off))|bites? the dust|bit the dust|six feet under|(?:is|was) no longer (?:alive|with us|among the living)|(?:kicks|kicked) the bucket)\b]],
    },
    unless = { FIGURATIVE, [[\bwritten out (?:of the (?:script|budget)|in (?:the )?credits)\b]] },
    lower_if = { HYPO, VOICE },
    minor_if = { NEAR, PREMISE },
    major_if = { LATE },
  },
  {
    id = "death.count",
    kind = "death", severity = "major", confidence = 0.7,
    description = "a count of the dead: three of the five friends are dead, everyone dies",
    patterns = {
      [[\b(?:(?:\w+|\d+) of (?:the|his|her|their|them|us) (?:\w+ ){0,2}(?:are|is|were|was|end up|ended up|wind up|lie) (?:\w+ )?(?:dead|killed|gone for good)|(?:everyone|everybody|all of them|the whole (?:\w+ )?(?:family|crew|team|group)|the rest of (?:them|the \w+)) (?:\w+ )?(?:dies|die|died|is dead|are dead|gets killed|get killed|is killed|are killed|were killed|was killed)|(?:the )?body count (?:rises|climbs|grows|mounts))\b]],
    },
    unless = { FIGURATIVE },
    lower_if = { HYPO, VOICE, NOBODY },
    minor_if = { PREMISE, COUNTERFACTUAL },
  },
  {
    id = "death.violent_end",
    kind = "death", severity = "major", confidence = 0.65, character = "boost",
    description = "a violent end in the passive: pushed from a rooftop, hit by a truck, mauled",
    patterns = {
      [[\b(?:(?:is|was|gets|got|are|were) (?:\w+ )?(?:pushed|thrown|hurled|flung|tossed|kicked) (?:off|from|out of|down) (?:a|an|the) (?:\w+ )?(?:rooftop|roof|cliff|building|window|balcony|bridge|train|tower|ledge|stairs|staircase|well|airlock|ship)|(?:is|was|gets|got) (?:hit|run over|mowed down|struck) by (?:a|an|the) (?:\w+ )?(?:car|truck|bus|train|van)|(?:is|was|gets|got|are|were) (?:\w+ )?(?:hanged|lynched|electrocuted|impaled|mauled|devoured|torn apart|torn to pieces|blown to pieces|incinerated|vaporized|vaporised|disintegrated|eaten alive))\b]],
    },
    unless = { FIGURATIVE },
    lower_if = { HYPO, VOICE, NEAR },
    minor_if = { PREMISE, COUNTERFACTUAL },
    major_if = { LATE },
  },
}
