-- Deaths: who dies, who kills whom, who takes their own life.
-- A rule is data: id, kind, severity, PCRE2 patterns (caseless), and
-- declarative conditions (see README "Rules").  Apostrophes match ' and ’.
return {
  {
    id = "death.kills",
    kind = "death", severity = "major", confidence = 0.75, character = "major",
    description = "a character kills, murders or slays someone",
    patterns = {
      [[\b(?:kill(?:s|ed)?|murder(?:s|ed)?|slay(?:s)?|slew|slain|assassinat(?:es|ed)|execut(?:es|ed) (?:him|her|them)|strangl(?:es|ed)|stab(?:s|bed) (?:\w+ )?to death|shoots? (?:\w+ )?dead|shot (?:\w+ )?dead|beheads?|beheaded|decapitat(?:es|ed)|poison(?:s|ed) (?:him|her|them|his|her)|finish(?:es|ed) (?:him|her|them) off|takes? (?:him|her|them) out)\b(?!\s+(?:time|it|the mood|the vibe|me|us)\b)]],
    },
    unless = {
      [[\bkiller (?:performance|soundtrack|score|cast|app|instinct|line|look|chemistry|opening|premise)\b]],
      [[\b(?:would|could|should|might|want(?:ed|s)? to|wish(?:ed)?|if)\b[^.;]{0,40}\bkill]],
      [[\bkill(?:s|ed|ing)? (?:it|time|the mood|the vibe|the momentum|the pacing|the tension)\b]],
      [[\b(?:try|tries|tried|trying|attempt(?:s|ed)?|plan(?:s|ned)?|plot(?:s|ted)?|out|sets? out|hired|sent|wants?|wanted|seeks?|vows?|swears?) to (?:kill|murder|assassinate)\b]],
      [[\bkill(?:s|ed|ing)? (?:\w+ )?(?:thugs?|goons?|henchm[ae]n|zombies|bad guys|enemies|mooks|soldiers|people|dozens|hundreds)\b]],
    },
    lower_if = { [[\b(?:almost|nearly|no one|nobody|never|not|n[o']t|doesn[’']t|didn[’']t)\b]] },
  },
  {
    id = "death.dies",
    kind = "death", severity = "major", confidence = 0.7, character = "major",
    description = "someone dies, is killed, is found dead, does not survive",
    patterns = {
      [[\b(?:dies|died|dying|perish(?:es|ed)|(?:is|was|gets|got|are|were|been|being) (?:\w+ )?(?:killed|murdered|slain|executed|assassinated|shot dead|beheaded|poisoned|eaten)|(?:is|was) (?:found|left) dead|found dead|(?:is|was) dead|ends? up dead|(?:doesn|didn|won|wouldn)[’']t (?:survive|make it)|fails? to survive|loses? (?:his|her|their) life|lost (?:his|her|their) life|(?:his|her|their) (?:death|demise|murder)|bleeds? out|drowns?|drowned|succumbs?|meets? (?:his|her|their) (?:end|maker|demise)|killed off|is dispatched|was dispatched|(?:are|were) dispatched)\b]],
    },
    unless = {
      [[\b(?:to die for|die[ -]hard|dead serious|dead ?pan|deadpan|dead(?:ly)? (?:on|set|last|giveaway|ringer|end)|dying to (?:see|watch|know)|would(?:n[’']t)? die|die of (?:laughter|boredom|embarrassment)|dies? down|died down|the dead\b|walking dead|dead or alive|undead|brain[- ]dead|dead weight|dead air|dead space|dead zone)]],
      [[\b(?:would|could|might|should)(?: have)?(?: liked?| loved?)? (?:\w+ )?(?:to )?(?:die|be killed)\b]],
      [[\b(?:no one|nobody|none of (?:them|the \w+)) (?:really )?(?:dies|is killed|gets killed)\b]],
      [[\bdies? (?:in|at) the box office\b]],
    },
    lower_if = {
      [[\b(?:if|unless|whether|almost|nearly|seemingly|apparently|supposedly|presumed|faked?|fakes?)\b]],
      [[\b(?:I|we)\b[^.]{0,30}\b(?:wish|hope|wanted|would have|expected)\b]],
    },
    major_if = { [[\b(?:at the end|in the end|by the end|final(?:ly)?|climax|third act|finale|last (?:scene|act|episode|moment)|eventually|ultimately)\b]] },
  },
  {
    id = "death.suicide",
    kind = "death", severity = "minor", confidence = 0.8,
    description = "suicide: often the premise (minor); late or final ones are major",
    patterns = {
      [[\b(?:suicide|kill(?:s|ed)? (?:himself|herself|themselves)|took (?:his|her|their) own li(?:fe|ves)|tak(?:es|en|ing) (?:his|her|their) own li(?:fe|ves)|(?:slit|slash(?:es|ed)?|cut) (?:his|her|their) (?:own )?wrists|wrists slashed|hang(?:s|ed) (?:himself|herself|themselves))\b]],
    },
    unless = { [[\bsuicide (?:squad|mission|run|king|doors?)\b]] },
    major_if = { [[\b(?:at the end|in the end|by the end|final(?:ly)?|climax|third act|finale|last (?:scene|act|episode|moment))\b]] },
  },
  {
    id = "death.body",
    kind = "death", severity = "minor", confidence = 0.7,
    description = "a body is found",
    patterns = {
      [[\b(?:finds?|found|discovers?|discovered|discovery of) (?:his|her|their|the|a) (?:dead |lifeless |mutilated )?(?:body|bodies|corpse|remains)\b]],
      [[\b(?:body|corpse) (?:is|was) (?:found|discovered)\b]],
    },
  },
  {
    id = "death.sacrifice",
    kind = "death", severity = "major", confidence = 0.75,
    description = "a character gives their life",
    patterns = {
      [[\b(?:sacrific(?:es|ed|ing) (?:himself|herself|themselves|(?:his|her|their) (?:own )?li(?:fe|ves))|heroic sacrifice|gives? (?:his|her|their) life|gave (?:his|her|their) life|(?:his|her|their) (?:heroic )?sacrifice)\b]],
    },
    lower_if = { [[\b(?:almost|nearly|would|willing to|ready to|offers? to)\b]] },
  },
  {
    id = "death.dispatched",
    kind = "death", severity = "major", confidence = 0.75, character = "boost",
    description = "a character is dispatched, done away with, taken care of for good",
    patterns = {
      [[\b(?:dispatched|done away with|bumped off|offed|snuffed out|wiped out|put down for good|takes? care of (?:him|her) for good)\b]],
    },
    unless = { [[\bdispatched (?:to|from|by mail|on a mission)\b]] },
  },
}
