-- Counter-evidence (kind "counter"): sentences whose death or ending words
-- are a figure of speech, or an opinion about the film itself.  A counter
-- rule raises no flag; its confidence is how much it discounts the learned
-- scorer's probability for the sentence, since the scorer learnt "kill" and
-- "ending" from plot and cannot tell "a killer performance" from a killing.
-- Rule hits on the same sentence still stand on their own evidence.

-- an event told in the same sentence: then it is not only an opinion
local EVENT = [[(?:dies|died|dying|death|kills|killed|murder|suicide|marr(?:y|ies|ied)|escape|surviv|reveal|turns out|arrested|betray|is alive|fate|wedding|pregnan)]]

return {
  {
    id = "counter.figurative",
    kind = "counter", severity = "minor", confidence = 0.7,
    description = "a death word used as a figure of speech: a killer performance, dead serious, to die for",
    patterns = {
      [[\b(?:killer (?:performance|soundtrack|score|cast|app|instinct|line|look|chemistry|opening|premise|combo|hook|riff|beat|twist|idea|smile|heels|outfit)|kill(?:s|ed|ing)? (?:it|time|the (?:mood|vibe|momentum|pacing|tension|buzz|joke|fun|suspense))|killing it|(?:it|that|this) (?:just |really |totally )?kill(?:s|ed) me|would kill for|to die for|die[ -]?hard fans?|dead (?:serious|set on|giveaway|ringer|tired|on arrival|in the water|heat)|deadpan|dying to (?:see|watch|know|meet|find out|read|hear)|die of (?:laughter|boredom|embarrassment|shame)|died (?:laughing|of laughter)|bored (?:me )?to death|scared (?:me )?to death|done to death|overkill|killing machine|at the end of the day|(?:franchise|genre|series|career|idea|joke|romance|spark|chemistry|subplot|sequel|humou?r|comedy) (?:is|was|feels?|seems?) (?:\w+ )?dead)\b]],
      [[\b(?:drown(?:s|ed|ing)? in (?:exposition|clich(?:e|é)s|subplots|cgi|details?|dialogue|jargon|noise|sentiment|sentimentality|melodrama|lore|references|style|backstory|characters)|dead ?pan|death by (?:a thousand cuts|committee))\b]],
    },
    unless = { [[\b(?:dies|died|is killed|was killed|kills (?:him|her|them)|killed (?:him|her|them)|murdered)\b]] },
  },
  {
    id = "counter.nobody",
    kind = "counter", severity = "minor", confidence = 0.5,
    description = "nobody dies: a claim about the film's tone, not an event",
    patterns = {
      [[\b(?:no one|nobody|none of (?:them|the \w+)|not a single (?:\w+ )?(?:character|person|soul)|no (?:main |major )?characters?) (?:really |actually |ever |even )?(?:dies|is killed|gets killed|is hurt|gets hurt|is in (?:real )?danger)\b]],
    },
  },
  {
    id = "counter.opinion",
    kind = "counter", severity = "minor", confidence = 0.5,
    description = "an opinion about the ending, the twist or the third act that tells nothing of them",
    patterns = {
      [[^(?!.*\b]] .. EVENT .. [[).*\b(?:ending|finale|third act|final act|climax|conclusion|twist|last act|denouement)\s+(?:\w+\s+)?(?:is|was|feels?|felt|seems?|seemed|drags?|dragged|falls?|fell|works?|worked|lands?|landed|comes? (?:off|across)|left me|leaves?|disappoints?|satisfies)\b]],
      [[^(?!.*\b]] .. EVENT .. [[).*\b(?:no|without|zero|free of|spoiler-free|no major) spoilers?\b]],
    },
  },
}
