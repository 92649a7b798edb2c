-- Twists and identity reveals: what turns out to be true all along.

local A = "[’']"
local POSS = [[(?:his|her|their)]]
local NAME = [[(?-i:\p{Lu}[\p{L}\-]+)]]
local KIN = [[(?:father|mother|dad|mom|mum|son|daughter|brother|sister|twin|uncle|aunt|grandfather|grandmother|husband|wife|child|parents?|sibling|half-brother|half-sister|cousin)]]

local HYPO = [[\b(?:if(?! (?:you|anything|nothing|only|not)\b)|unless|whether|what if|as if|might|may|perhaps|maybe|would(?!\s+(?:later|eventually|soon|ultimately|go on|end up|never|finally))(?:n[’']t)?|could(?:n[’']t)? have|should(?:n[’']t)? have|wish(?:es|ed)?|hop(?:e|ed|ing)|imagine|suppose|guess)\b]]
local VOICE = [[\b(?:I|we|you|me|my|us|our)\b|\b(?:won]] .. A .. [[t|will not|don]] .. A .. [[t want to|not going to|can]] .. A .. [[t) (?:spoil|say|tell|reveal|give)\b|\bwithout (?:spoiling|giving (?:\w+ )?away|revealing)\b|\bno spoilers\b]]
-- the film, not a character, is what "turns out" well or badly
local ABOUT_FILM = [[\b(?:film|movie|show|series|sequel|remake|result|experience|script|screenplay|plot|story|ride|watch|ending|premise|cast|performance|scene|sequence|episode|book|game)\s+(?:\w+\s+)?turns? out\b|\bturns? out (?:to be )?(?:a |an |the |quite |rather |pretty |very |much |far |so )?(?:\w+ )?(?:delight|surprise|fun|mess|disappointment|success|failure|hit|flop|joy|treat|slog|bore|winner|letdown|let-down|dud|triumph|gem|entertaining|enjoyable|watchable|decent|solid|good|great|bad|fine|okay|ok|better|worse|well|badly|alright|all right|right)\b|\bas it turns out\b]]

return {
  {
    id = "twist.reveal",
    kind = "twist", severity = "major", confidence = 0.7, character = "boost",
    description = "it turns out / is revealed that ...",
    patterns = {
      [[\b(?:the (?:\w+ )?twist (?:is|was) that|turns? out (?:to be|that|to have)|turned out (?:to be|that|to have)|it turns out|it turned out|(?:is|was|are|were|gets|got) (?:later |eventually |finally |then |also |ultimately )?revealed (?:to be|to have|that|as)|it (?:is|was) (?:later |eventually |finally |then )?revealed|reveal(?:s|ed)? (?:that|himself|herself|themselves|(?:his|her|their) (?:true|real) )|(?:the|a) (?:shocking |big |final |twist )?(?:reveal|revelation) (?:that|of who|is that)|(?:was|is|were|are) (?:actually|really|secretly) (?:a |an |the |his |her |their |]] .. NAME .. [[ )?(?:\w+ )?(?:killer|murderer|villain|spy|traitor|mole|ghost|dead|alive|behind|responsible|working for|the one|in league|one of|]] .. KIN .. [[)|all along|(?:was|were|had been|has been|is|are) (?:[\w\-]+ ){0,4}the (?:whole|entire) time|the (?:real|true|actual|secret) (?:killer|villain|culprit|mastermind|murderer|big bad|enemy|traitor|mole)|the (?:killer|murderer|culprit|mastermind|big bad) (?:is|was|turns out)|(?:is|was) the (?:killer|murderer|mastermind|culprit|traitor|mole|big bad) (?:all along|the whole time)?|(?:learns|learned|discovers|discovered|finds out|found out|realizes|realized|realises|realised) (?:that )?(?:he|she|they|his|her|their|]] .. NAME .. [[) (?:is|was|has been|had been) (?:actually|really|secretly|never|not|the|a|an|his|her|their|dead|alive))\b]],
    },
    unless = {
      ABOUT_FILM,
      [[\b(?:no|without (?:a|any)|lacks? (?:a|any)|zero) (?:real |big |major )?(?:twists?|surprises?|reveals?|revelations?)\b]],
      [[\b(?:knew|known|guessed|suspected|felt|said|thought) (?:it )?all along\b]],
    },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "twist.betrayal",
    kind = "twist", severity = "major", confidence = 0.65, character = "major",
    description = "a character betrays another or was secretly on the other side",
    patterns = {
      [[\b(?:betray(?:s|ed|ing)|double[- ]cross(?:es|ed|ing)?|(?:was|is|were|are) (?:secretly|really) (?:working|in league|plotting|on)|stabs? (?:\w+ )?in the back|(?:turns?|turned) (?:on|against) (?:him|her|them|his|her|their|the|]] .. NAME .. [[)|sells? (?:him|her|them|\w+) out|sold (?:him|her|them|\w+) out|(?:is|was|the) (?:a )?(?:traitor|mole|double agent|turncoat|rat|snitch|informant))\b]],
    },
    unless = {
      [[\b(?:film|movie|script|screenplay|writing|ending|sequel|remake|show|series|director|it|this)\s+(?:\w+\s+)?betrays\b]],
      [[\b(?:feels?|felt) betrayed\b]],
    },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "twist.identity",
    kind = "identity", severity = "major", confidence = 0.7,
    description = "a character's hidden identity or a hidden family tie",
    patterns = {
      [[\b(?:(?:is|was) (?:in fact|actually|really|secretly) ]] .. NAME .. [[\b|(?:guess|guessed|guessing|figure out|figured out|realize|realized|realise|realised|predict|predicted) that ]] .. NAME .. [[ (?:is|was) (?:\w+ )?]] .. NAME .. [[\b|(?:real|true|secret|hidden|double|other) identity|identity (?:is|was) revealed|(?:is|was) (?:actually|really|secretly) ]] .. POSS .. [[ (?:[\w\-]+ )?]] .. KIN .. [[|(?:is|was) ]] .. POSS .. [[ (?:long-lost|biological|real|birth|secret) ]] .. KIN .. [[|]] .. POSS .. [[ (?:real |biological |birth |true )(?:father|mother|parents?|dad|mom)|]] .. POSS .. [[ (?:father|mother|brother|sister) all along|(?:was|is|were) (?:the same person as|an imposter|an impostor|a clone|a robot|an android|a cyborg|a figment|an alien|a shapeshifter|a changeling|a doppelg(?:a|ä)nger|a (?:sleeper )?agent|a double agent|a plant|adopted)|(?:is|was|gets) unmasked|unmasks|in disguise|(?:was|is) (?:posing|masquerading) as|alter ego|(?:evil|secret|identical) twin|secret (?:son|daughter|child|brother|sister|father|mother|lover|wife|husband|affair))\b]],
    },
    unless = { [[\b(?:his|her|their) (?:father|mother|brother|sister|son|daughter|wife|husband) (?:is|was) (?:played|portrayed)\b]] },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "twist.alive",
    kind = "twist", severity = "major", confidence = 0.7,
    description = "a death that was not one: alive after all, faked, back from the dead",
    patterns = {
      [[\b(?:(?:is|was|were|are) (?:still |actually |really |very much )alive|alive (?:all along|after all)|(?:fakes?|faked|faking) (?:his|her|their) (?:own )?death|(?:came|comes?|coming) back (?:from the dead|to life)|back from the dead|brought back (?:to life|from the dead)|resurrect(?:s|ed|ion)|(?:rises|rose) from the (?:dead|grave)|(?:was|is) (?:dead|a ghost) (?:all along|the whole time|from the start))\b]],
    },
    unless = { [[\b(?:franchise|series|genre|hope|spirit|legacy|career|tradition|formula|humou?r|comedy) (?:is |was )?(?:still )?alive\b]], [[\bresurrect(?:s|ed|ion)? (?:the|a|an|this|his|her) (?:franchise|series|genre|career|formula)\b]] },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "twist.unreal",
    kind = "twist", severity = "major", confidence = 0.65,
    description = "it was a dream, a hallucination, never real",
    patterns = {
      [[\b(?:(?:all|only|just) (?:been )?a dream|was dreaming (?:the whole time|all along)|figment of|hallucinat(?:ion|ions|ing|ed|es)|(?:was|were|is|are) (?:imaginary|never real|in (?:his|her|their) head)|never (?:really )?existed|(?:a|the) simulation|purgatory|(?:was|is) dead the whole time)\b]],
    },
    unless = { [[\b(?:dream (?:cast|team|role|project|come true)|fever dream of a (?:film|movie))\b]] },
    lower_if = { HYPO, VOICE },
  },
  {
    id = "twist.real",
    kind = "twist", severity = "major", confidence = 0.62,
    description = "who or what someone really is: the real monsters, ghosts all along",
    patterns = {
      [[\b(?:(?:is|are|was|were) (?:the )?(?:real|true|actual) (?:monsters?|villains?|killers?|culprits?|murderers?|enemy|enemies|threat|bad guys?|mastermind|traitor|mole|parents?|father|mother|son|daughter)|(?:is|are|was|were|had been) (?:\w+ ){0,3}all along|(?:is|are|was|were) (?:never|not) (?:really |actually )?(?:there|human|alive|who (?:he|she|they) (?:says?|said|claims?|claimed)))\b]],
    },
    unless = { [[\b(?:real|true) (?:star|hero of the film|highlight|draw|standout|strength|problem|issue|heart|MVP)\b]] },
    lower_if = { HYPO, VOICE },
  },
}
