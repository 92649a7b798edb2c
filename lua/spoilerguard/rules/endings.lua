-- Endings and fates: how it ends, who survives, who wins, who is caught.
return {
  {
    id = "ending.fate",
    kind = "ending", severity = "major", confidence = 0.75, character = "boost",
    description = "a character's final fate",
    patterns = {
      [[\b(?:(?:final|ultimate|eventual|tragic|grim|sad) fate|fate (?:of|awaits)|(?:his|her|their)[’']?s? fate|[\p{L}\-]+[’']s (?:final |ultimate )?fate)\b]],
    },
    unless = { [[\bfate of the (?:franchise|series|film|movie|show|studio|genre)\b]] },
  },
  {
    id = "ending.ends",
    kind = "ending", severity = "major", confidence = 0.7,
    description = "the film (or a character's arc) ends with ...",
    patterns = {
      [[\b(?:(?:film|movie|story|series|show|season|episode|book|novel|game) ends (?:with|when|on|as|in)|ends with (?:\w+ )?(?:death|wedding|marriage|kiss|reunion|killing|him|her|them|the)|the (?:final|last) (?:scene|shot|image|moments?|frame|twist|reveal)s? (?:of the (?:film|movie|show|series|episode) )?(?:shows?|reveals?|sees?|finds?|has|is|are|ends?)|in the (?:final|last) (?:scene|shot|act|episode|chapter|moments?),? [\p{L}\-]+ (?:\w+ )?(?:dies|kills|marries|escapes|returns|reveals|survives|wins|loses|is)|by the end(?: of the (?:film|movie|story|series|season|episode))?,? (?:\w+ )?(?:\w+ )?(?:is|are|has|have|dies|kills|marries|escapes|ends up|becomes|realizes|returns)|(?:in the end|ultimately|eventually),? (?:\w+ )?(?:\w+ )?(?:dies|is killed|kills|marries|escapes|survives|wins|loses|is arrested|goes to (?:jail|prison)|ends up|becomes|returns|leaves|chooses|decides|is revealed))\b]],
    },
    lower_if = { [[\b(?:I|we|you)\b[^.]{0,40}\b(?:wish|hope|hoped|expected|would have|liked)\b]] },
  },
  {
    id = "ending.outcome",
    kind = "ending", severity = "major", confidence = 0.65, character = "major",
    description = "survives, escapes, wins, is arrested: the outcome for a character",
    patterns = {
      [[\b(?:(?:is|gets|was) (?:arrested|caught|convicted|sentenced|jailed|imprisoned)|goes to (?:jail|prison)|survives (?:the|to|in)|manages to (?:escape|survive|defeat|kill|stop)|(?:finally|eventually|ultimately) (?:defeats?|kills?|escapes?|wins?|marries|returns|reunites?|confronts?|gets? (?:her|his|their) revenge)|(?:gets|got|takes|took) (?:her|his|their) revenge|exacts? (?:her|his|their) revenge|(?:avenges|avenged) (?:her|his|their))\b]],
    },
    lower_if = { [[\b(?:if|whether|will (?:she|he|they)|can (?:she|he|they)|to see if|hope|hoping|tries to|trying to)\b]] },
  },
  {
    id = "ending.coming",
    kind = "ending", severity = "major", confidence = 0.6, character = "major",
    description = "a plain hint at how it ends: you see it coming",
    patterns = {
      [[\b(?:see (?:it )?coming|seen coming|saw (?:it )?coming|predictable (?:ending|conclusion|finale|end)|telegraphed)\b]],
    },
    requires = { [[\b(?:fate|end(?:s|ing)?|death|dies|kill|final|survive|after)\b]] },
  },
}
