-- Twists and identity reveals: what turns out to be true all along.
return {
  {
    id = "twist.reveal",
    kind = "twist", severity = "major", confidence = 0.7, character = "boost",
    description = "it turns out / is revealed that ...",
    patterns = {
      [[\b(?:turns out (?:to be|that)|it turns out|(?:is|was|are|were) (?:later |eventually |finally )?revealed (?:to be|that|as)|it is revealed|reveals? (?:that|himself|herself|themselves) (?:to be|as)|(?:was|is|were) (?:actually|really|secretly) (?:a |an |the |his |her |their )?(?:\w+ )?(?:killer|murderer|villain|spy|traitor|mole|ghost|dead|alive|father|mother|brother|sister|son|daughter|behind|responsible|working for|the one)|all along|the (?:real|true) (?:killer|villain|culprit|identity|mastermind)|the killer (?:is|was)|(?:is|was) the (?:killer|murderer|mastermind|culprit) all along)\b]],
    },
    unless = { [[\b(?:no|without (?:a|any)|lacks? (?:a|any)) (?:real )?(?:twist|surprise)s?\b]] },
    lower_if = { [[\b(?:if|whether|I|we|might|may)\b]] },
  },
  {
    id = "twist.betrayal",
    kind = "twist", severity = "major", confidence = 0.65, character = "major",
    description = "a character betrays another or was secretly on the other side",
    patterns = {
      [[\b(?:betray(?:s|ed)|double[- ]cross(?:es|ed)?|(?:was|is) (?:secretly|really) (?:working|in league|in love|plotting)|stabs? (?:\w+ )?in the back)\b]],
    },
    lower_if = { [[\b(?:if|whether|feels? betrayed|betrayed by the (?:film|script|ending|writing))\b]] },
  },
  {
    id = "twist.identity",
    kind = "identity", severity = "major", confidence = 0.7,
    description = "a character's hidden identity",
    patterns = {
      [[\b(?:(?:real|true|secret|hidden) identity|is (?:his|her|their) (?:long-lost |biological |real )?(?:father|mother|brother|sister|son|daughter|twin)|(?:his|her|their) (?:father|mother|brother|sister) all along|(?:was|is) (?:the same person as|an imposter|an impostor|a clone|a robot|an android|a figment))\b]],
    },
  },
}
