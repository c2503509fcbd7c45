package safety

// English crisis rules. Patterns are written in normal form: "do not" for
// don't, "i am" for i'm, "want to" for wanna. See pattern for the syntax and
// doc.go for how matches are then checked for negation, subject, idioms and
// time.
var crisisEN = []ruleDef{
	{id: "kill-myself", pats: []string{
		"(kill|killing|killed|kills|offing|offed|murder|murdering|shoot|shooting|shot|hang|hanging|hanged|hung|drown|drowning|poison|poisoning|gas|gassing|suffocate|suffocating|strangle|strangling|electrocute|stab|stabbing|end|ending) {myself}",
		"(kill|shoot|hang|drown|poison) my (self|body)",
		// "off" compares equal to "of" (repeated letters collapse), so
		// "scared of myself" must not match: only "to off myself".
		"(to|will|just|i) off {myself}",
	}},
	{id: "end-my-life", pats: []string{
		"(end|ending|ended|take|taking|took|finish|finishing|stop) my [own] (life|existence)",
		"(end|ending|ended|finish|finishing) (it all|everything|this life|things $|it $|it tonight|it today|it soon|it now|it for good|it once and for all)",
		"(want|need|going|ready|planning|plan|decided|about|try|trying) to end (it|things) [all|now|tonight|today|soon|here|for good] $",
		"(should|could|might|will) just end (it|things|everything)",
		"(my|this) life (needs|has|ought|is going) to end",
	}},
	{id: "suicide", flags: fBare, pats: []string{
		"(commit|committing|commited|committed|attempt|attempted|attempting|try|tried|trying|consider|considering|considered|contemplate|contemplating|contemplated|plan|planning|planned|want|wanting|wanted|choose|chose|survived|thinking about|thought about|think about|thinking of|thought of|thoughts of|thoughts about|researching|research) ~1 suicide",
		"(attempted|tried|try|trying|want|going) to commit suicide",
		"suicide (plan|plans|note|notes|attempt|attempts|letter|method|methods|pact|watch|risk|date)",
		"suicide (is|seems|feels|looks|sounds) ~2 (only|best|easiest|answer|way out|solution|option|choice|way)",
		"ctb",
	}},
	{id: "suicidal", flags: fBare, pats: []string{
		"(suicidal|suicidality)", "(passive|active|my|having|have|had|with|experiencing) si (again|is|has|today|this|back|$)",
	}},
	{id: "want-to-die", pats: []string{
		"(want|wants|wanted|wanting|wish|wished|need|needed|ready|hope|hoping|pray|praying|deserve|prefer|going|longing|long|desire|like|love|would like|would love) to [just|simply|really|finally|literally|actually|honestly|peacefully|quietly] (die|be dead|stop living|stop breathing)",
		"all i (can|do|ever) (think about|want|dream about|dream of) (is|are) (dying|death|to die|killing myself|ending it|ending my life|being dead|not existing|suicide)",
		"(want|need|wanted|needed) out (of this life|of life|of this world|of existence|of living)",
		"(feel|feeling|felt) like dying", "(dying|death|suicide) (seems|is|feels|looks|sounds) [like] (the|my) (only|best|easiest) (option|way|answer|solution|choice|way out)",
		"(let|leave) me die", "(welcome|welcoming|longing for|long for|pray for|praying for|wish for|wishing for|hoping for) death",
		"rather die than (live|keep living|go on|continue|carry on|wake up|be alive|face)",
	}},
	{id: "not-want-to-live", pats: []string{
		"(not|never|no longer) [really|even|actually|honestly|particularly] (want|wish|feel like|like|care) to (live|be alive|exist|stay alive|keep living|continue living|be living|keep existing|survive)",
		"(not|never|no longer) [really|even|actually|honestly] (want|wish|feel like) to (go on|keep going|carry on|continue|wake up) (anymore|any more|any longer|no more|again|like this|tomorrow|ever again|in this world|on this earth|$)",
		"(not|no longer) sure [if|whether|that] i (want|wish) to (live|be alive|exist|go on|keep going|be here|keep living|survive)",
		"(not|no longer) know (if|whether|why) i (want|wish|should|would) [to] (live|be alive|keep going|keep living|go on|exist|stay alive)",
		"(want|wish|need) to (stop|quit) (living|existing|being alive|breathing)",
	}},
	{id: "self-harm", flags: fHarm, pats: []string{
		"(cut|cutting|cuts|burn|burning|burns|burnt|burned|hurt|hurting|hurts|harm|harming|harmed|scratch|scratching|scratched|hit|hitting|punch|punching|punched|starve|starving|starved|bruise|bruising|carve|carving|carved|mutilate|mutilating|injure|injuring|injured|bite|biting|beat|beating) {myself}",
		"self (harm|harming|harmed|harms|injury|injure|injuring|injured|injuries|mutilation|mutilate|mutilating)", "nssi",
		"(relapse|relapsed|relapsing|urges|urge|clean from) ~2 (sh|cutting|self harm|harm)",
		"cutting (again|myself|my (arms|arm|wrists|wrist|legs|leg|thighs|thigh|skin|stomach|hips))",
		"cut (my|both) (wrists|wrist|arms|arm|thighs|thigh|legs|skin)",
		"(slit|slice|slash|slashed|slashing|sliced|slicing|slitting) my (wrists|wrist|arms|arm|throat|veins)",
		"(urge|urges|tempted|craving|need|needed|itch) to (cut|burn|self harm|harm myself|hurt myself) [again|so bad|so badly|today|tonight|right now|$]",
		"(make|made|making) myself (bleed|bleeding)",
		"(cut|cutting|burned|burnt|burning|relapsed|relapsing) again",
		"(burning|burn|burned|burnt|cutting|cut|scratching|scratched|carving|carved|hitting|hit) my (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hips|body) (with|again|on purpose|until|to feel|so|when|because)",
		"(keep|kept|been|started|start|stop) (burning|cutting|scratching|hitting|hurting|harming|punching|starving) (my|myself)",
	}},
	{id: "overdose", flags: fHarm, pats: []string{
		"(took|taken|swallowed|downed|ate|take|swallow|down) (all|every one of|the rest of|a whole|the whole|a full|too many of|too many|loads of|a handful of|a bunch of|lots of|heaps of|half a|half the|#10|#10 of) ~2 (pills|tablets|meds|medication|medications|painkillers|sleeping pills|sleeping tablets|paracetamol|tylenol|ibuprofen|antidepressants|bottle|box|pack|packet|strip|blister|prescription|capsules|of them|them)",
		"(i|i have|i had|i will|i am going to|i might|i could|i should|going to|want to|planning to|plan to|thinking about|thought about|considering|tried to|try to|attempted to|urge to|about to) [just] (overdose|overdosing|overdosed)",
		"(took|take|taking|taken|had|attempted) an overdose",
		"(lethal|fatal|deadly|toxic) (dose|amount|quantity|overdose)",
		"how (many|much) ~3 (pills|tablets|paracetamol|tylenol|meds|sleeping pills|ibuprofen) ~3 (take to die|to die|to kill|would kill|kill me|are lethal|is lethal|are fatal|is fatal|to overdose|to end it|would it take to|does it take to)",
		"(saving|saved|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|building up|collecting up) [up] [my|the|some|all|extra|all my] ~1 (pills|tablets|meds|medication|medications|painkillers|sleeping pills)",
		"(pills|tablets|meds|rope|gun|razor|razors|blade|blades|noose) [are|is] (ready|prepared|laid out|lined up)",
		"(looked up|look up|looking up|googled|googling|searched|searching|researched|researching|calculated|counted|figured out|worked out) ~2 how (many|much) ~3 (pills|tablets|paracetamol|tylenol|meds|sleeping pills|ibuprofen)",
		"(pills|tablets|meds|sleeping pills|painkillers) ~1 (counted|lined up|laid out|set out|sorted out|ready to go)",
		"(counted|counting|count) [out|up] ~2 (pills|tablets|sleeping pills|painkillers)",
		"(vodka|alcohol|booze|whiskey|whisky|wine|beer|drink|drinks) and all [of] my (pills|tablets|meds|medication|sleeping pills|painkillers)",
		"all [of] my (pills|tablets|meds|medication|sleeping pills|painkillers) and (a|the|some) ~1 (vodka|alcohol|booze|whiskey|whisky|wine|rope|knife|razor|blade)",
		"enough (pills|tablets|meds|medication) to (die|kill|end|overdose|do it|not wake up)",
		"enough ~4 to (die|kill myself|not wake up|never wake up|end it all|end my life|stop my heart)",
	}},
	{id: "method", pats: []string{
		"(jump|jumping|jumped|throw myself|step|stepping|walk|walking|run|running) (off|from|in front of|into|under) (a|the|this|that|my) ~1 (bridge|building|roof|balcony|cliff|train|tracks|car|bus|truck|traffic|tower|window|ledge|subway|tram|river|sea|ocean|lake)",
		"(drive|drove|driving|crash|crashing|steer) [my|the] [car] (into|off) (a|the|oncoming) ~1 (tree|wall|traffic|bridge|cliff|river|truck|lake)",
		"(crash|crashing|crashed) my car on purpose",
		"(standing|sitting|stood|sat) on (the|a|this) (bridge|ledge|roof|rooftop|tracks|railing|edge) [right now|now|again] $",
		"(standing|sitting) (on|at) the edge of (the|a) (bridge|roof|building|cliff|platform)",
		"(use|using|used|turn|turning|point|pointing) (it|the gun|a gun|my gun|the knife|a knife|the rope|the pills|them) (on|against|at) myself",
		"(thinking about|thought about|think about|want to|wanted to|urge to|tempted to|going to|will|might|could just|fantasize about|fantasizing about) (drive|driving|crash|crashing|swerve|swerving|steer|steering) ~3 (off the road|off a cliff|off a bridge|off the bridge|into a tree|into a wall|into traffic|into oncoming traffic|into a truck|into the river)",
		"(want to|going to|about to|ready to|will) jump $", "(tie|tied|tying|make|made|making|bought|buy) a noose",
		"(bought|buy|buying|got|get|have) a (gun|rope|razor|blade) to (kill|shoot|hang|end|cut|do it)",
		"(googled|googling|searched|searching|looked up|looking up|researched|researching|reading about|read about|look up) ~3 (how|ways|methods|way) to (die|kill myself|end it|end my life|overdose|commit suicide|hang myself)",
		"how (to|do you|can i|could i|do i|would i) (kill myself|commit suicide|end my life|die painlessly|hang myself|overdose|die quickly)",
		"(painless|easiest|quickest|quick|best|fastest|peaceful) (way|ways) to (die|kill myself|end it|end my life|go)",
		"(picked|set|chose|chosen|decided on|picked out) (a|the) (date|day|time|method|place|spot|bridge) ~4 (die|end|kill|do it|it)",
	}},
	{id: "unsafe", pats: []string{
		"(i am|am|i feel|feel|feeling|i do not feel|do not feel|not feeling) [really|so|just] not safe (right now|tonight|alone|anymore|any more|with myself|around myself|from myself|today|$)",
		"(do not|not|never|no longer) (feel|feeling) safe (with|around|from|alone with) (myself|me)",
		"(do not|not) (feel|feeling) safe (right now|tonight|alone|anymore|any more|today|$)",
		"(a|an) (danger|threat|risk) to (myself|my own life|me)",
		"(can not|could not|unable to|do not know how to|not able to) (keep|stay) [myself] safe",
		"(i|i might|i may|i could|i will|i am going to|i am scared i will|i am afraid i will) do something (stupid|to myself|drastic|tonight|$)",
	}},
	{id: "ideation", pats: []string{
		"(thoughts|thinking|thought|think|thinks|fantasize|fantasizing|fantasies|fantasise|dream|dreaming|daydream|daydreaming|obsessing|obsessed|preoccupied|images|urges) (about|of) (killing myself|ending (it|my life|things|everything)|ending it all|taking my [own] life|hurting myself|harming myself|cutting myself|jumping)",
		"(voices|voice|something in my head|my head) ~4 (tell|telling|told|say|saying|says|tells) me to (kill|hurt|harm|cut|end|die|jump)",
	}},
	{id: "overdose-ketamine", pats: []string{
		"(all|every|whole|entire|rest of) [of] [my|the|mine|these|those] ~1 {ket} ~4 (at once|in one go|at the same time|together|all at once|at one time)",
		"(take|taking|took|taken|swallow|swallowed|swallowing|use|used|using|snort|snorted|snorting|spray|sprayed|did|do|had|have) (all|every one of|everything|the whole|a whole|the entire|the rest of|all of|all the) ~2 {ket}",
		"(what|what would|what will) (happen|happens) if i ~5 (all|every|whole|entire|everything|rest of) ~3 {ket}",
		"how (much|many) ~4 {ket} ~6 (heart gives out|heart stops|heart to stop|heart would stop|kill|die|lethal|fatal|deadly|overdose|wake up|not wake up|never wake up|not to wake up|stop my heart|stop breathing|end it|to go)",
		"how (much|many) ~6 (to kill me|kill me|be lethal|be fatal|be deadly|to die|not wake up|never wake up|stop my heart|stop breathing|not to wake up)",
		"(dose|amount|much|many) [of] ~3 (would|will|to|could|does it take to|would it take to) ~2 (kill|be lethal|be fatal|be deadly)",
		"(too much|too many|way too much|way too many|so much|loads of|a lot of|double|triple) ~2 {ket} ~6 (can not breathe|breathing|barely breathe|can not feel|heart|pass out|passing out|can not move|dying|help|numb|blue|spinning)",
		"(took|taken|had|done|did|used|snorted|sprayed|overdid|swallowed) (too much|too many|way too much|way too many|more than|double|triple|extra) ~6 (can not breathe|breathing|barely breathe|heart|pass out|passing out|can not feel|can not move|can not stand|help|spinning|dying|numb|blue)",
		"i (think i|might have|may have|must have) (overdosed|overdose|taken too much|took too much|done too much|had too much)",
		"(k hole|khole) (forever|and never come back|and not come back|permanently|for good)",
		"(take|taking|swallow|swallowing|use|using) (everything|all of it|all of them|the lot|all i have) [i have|i have got] [left] (tonight|at once|now|$)",
		"(full|whole|entire) bottle of (vodka|wine|whisky|whiskey|rum|gin|tequila|alcohol|booze|liquor) ~6 (took|taken|pills|tablets|meds|{ket})",
		"(stockpiling|stockpiled|saving up|saving|hoarding|hoarded|collecting|stashing) ~2 {ket}",
	}},
	{id: "plan", pats: []string{
		"(do it|doing it|go|it happens|it will happen|it is happening|end it|be gone|go through with it) ~4 (when|while|once|after|as soon as) (everyone|everybody|no one|nobody|the house|the flat|the kids|my (wife|husband|partner|family|kids|parents|mum|mom|dad|roommate|flatmate)) ~5 (asleep|sleeps|sleeping|gone|away|leaves|left|out|at work|empty|goes|takes|is out|are out|is away|are away)",
		"(when|while|once|as soon as) (everyone|everybody|no one|nobody|the house|the flat|my (wife|husband|partner|family|kids|parents|mum|mom|dad|roommate|flatmate)) ~6 (asleep|sleeps|sleeping|gone|away|leaves|left|out|at work|empty|takes) ~5 (i will do it|do it|doing it|i will go|i go|it happens|it is happening|is when)",
		"(tonight|tomorrow|tomorrow night|this weekend|today|friday|saturday|sunday|monday|tuesday|wednesday|thursday) (is when|is the night|is the day) (i go|i do it|it happens|i leave|i end it)",
		"(date is set|set the date|picked the date|picked a date|chosen the date|chose the date|chosen a date|chose a date) ~6 (do it|happening|happen|go|end|die)",
		"(made up my mind|made my decision|i have decided|decided) ~8 (do it|end it|go through with it|kill|die|take them|take all)",
		"(make|making|made) it (look|seem) like an accident",
		"(rope|noose) ~6 (heading|going|walking|driving) to (the|a) (park|woods|forest|bridge|garage|river|lake)",
		"(charcoal|helium) ~8 (car|tent|tape|bathroom|garage|do it|bag|seal)",
		"(plan|intention|idea) is to (overdose|kill myself|end it|end my life|jump|hang myself|die|take them all)",
		"(let|letting) myself (bleed out|bleed to death|die|drown|freeze to death)", "bleed out",
		"(going|go|walk|walking|drive|driving|head|heading) (to|into) the (bridge|river|sea|tracks|cliffs|cliff|woods|roof|lake|ocean|station|forest) ~4 (not coming back|never coming back|not come back|never come back)",
		"(step|stepping|jump|jumping|throw myself|walk|walking) in front of (the|a) next [one|train|bus|truck|tram|car]",
		"end it (after|before|once|when|on|this|next|at) ",
		"(take|taking|swallow|swallowing) (every|all the) (pill|pills|tablet|tablets|med|meds|medicine|capsule|capsules) (in|i have|i can find|we have)",
		"(holding|held|hold|pressing|pressed|press) (a|the|my) (knife|blade|razor|gun|scissors|pistol) (to|against|on|at) my (wrist|wrists|arm|arms|throat|neck|head|skin|temple)",
		"(loaded|loading|load) (the|a|my|his|dads|dad) (gun|pistol|rifle|shotgun)",
		"(letter|letters|note|notes|will) ~8 (tonight|today|tomorrow) is (it|the night|the day)",
		"how (much|many) ~4 {ket} ~4 (would it take|does it take|would i need|do i need|will it take) to [just|finally] (stop|end it|end everything|be done|go to sleep forever|sleep forever|die)",
		"(took|taken|had|used|did|sprayed|swallowed) (#2|double|triple) ~2 {ket} ~2 (instead of|rather than|more than)",
		"(car|engine|motor) ~4 (running|on) ~4 (garage|closed garage)", "(exhaust|hose|charcoal) ~4 (car|tent|room|garage)",
		"(plan to|planning to|want to|going to|about to|ready to|will) jump ({when}|$)",
		"(rope|noose) ~2 (tied|ready|hung|hanging|set up|up already)",
		"(kids|children|wife|husband|partner|family|everyone|parents|roommate) ~4 (away|at|out|gone|asleep) ~6 (when i will do it|when i do it|when i will go|when i am doing it|is when)",
		"(have|got) everything i need ~6 (picked|chosen|set|decided on) (the|a) (day|date|time|place)",
		"(what if|what would happen if|what happens if|what if i just) [i] ~2 (took|take|swallowed|swallow|used|use|snorted|snort) (all|every|the whole|everything|all of) ~3 {ket}",
		"(a gram|grams|gram|a lot|loads|a bunch|lines|bumps|a bag|the whole|all) of ~1 {ket} ~8 (can not breathe|breathing|chest|heart|pass out|can not move|numb|blue|help)",
		"(rope|noose|gun|pistol|razor|blade|blades) ~1 {when}",
		"(planning|going|plan) to go ~4 with (the|a|my) (rope|gun|pills|noose|pistol)",
		"(researching|research|researched|googling|googled|looking up|looked up|searching) ~2 (which|what) (pills|meds|drugs|method|methods|way|ways|tablets) ~3 (work best|would work|would kill|lethal|painless|quickest|fastest)",
		"(took|swallowed|taken|ate|downed|swallow|take) (#10|a handful|a bunch|loads|lots|a pile|a whole pack) of (my|the|his|her|their|all|ex) ~2 ({drugname}|{medword}|oxy)",
		"(goodbye|farewell|letters|letter|note|notes) ~8 (do it|doing it|go through with it) {when}",
		"(ending|end|ended) things ({when}|soon|for good|before|once and for all)",
		"(gun|pistol|rifle|shotgun) (to|in|against) my (head|mouth|temple|chest)",
		"(have|got|holding|hold|sitting with|sat with|bought|loaded) (a|the|my|his|her|dad|dads) ~1 (gun|pistol|rifle|shotgun|firearm) ~8 (sitting|holding|staring|in my hand|loaded|to my head|in my mouth|ready|with it)",
		"(jump|jumping|jumped|throw myself) (off|from) (a|the|this|that|my) ~2 (garage|car park|parking garage|multi storey|overpass|platform|motorway bridge|building|roof|bridge|tower|balcony|cliff)",
		"(walk|walking|wade|wading|swim|swimming) (into|out into) (the|a) (sea|ocean|lake|river|water|waves) ~3 (tonight|and not come back|and never come back|{when}|$)",
	}},
	{id: "self-harm-other", flags: fHarm, pats: []string{
		"(cut|cutting|sliced|slicing) ~2 (deep|deeper|too deep)",
		"(scratch|scratched|scratching|pick|picked|picking|bite|bit|biting|hit|hitting|punch|punching|punched|bang|banged|banging|burn|burned|burnt|burning|pinch|pinched|pull|pulled|pulling) ~4 (until|till|til|so) ~3 (bled|bleed|bleeds|bleeding|bruised|bruises|bruise|broke|breaks|break|blistered|blisters|scarred|dizzy|numb)",
		"(bang|banged|banging|hit|hitting|smash|smashed|smashing|slam|slammed|slamming) my head (against|on|into) (the|a) (wall|floor|door|desk|table)",
		"(burned|burnt|burn|burning) myself (with|on purpose|again)",
		"(starving|starve|starved) myself",
	}},
	// Means made ready, a last goodbye, a decision already carried out: a
	// crisis without a trigger word (fitted batch 8).
	{id: "last-goodbye", flags: fNoSubject, pats: []string{
		"(does not|do not|did not|will not) (know|realise|realize) ~3 (last time|final time|goodbye)",
	}},
	{id: "means-ready", pats: []string{
		"(stockpil*|hoard*|saving up|saved up|collecting|collected|stashing|stashed|hiding|hid|squirrel*) ~3 ({drugname}|{medword}|pills|tablets|meds|medication|medications|sleeping pills|painkillers)",
		"(pills|tablets|meds|sleeping pills|painkillers|blade|blades|razor|razors|rope|noose|gun) ~3 (lined up|laid out|counted out|in front of me|in my hand|on the table in front of me|ready to go)",
		"(take|taking|swallow|swallowing|down|downing) ~2 (everything|every pill|all the pills|all the meds|whatever) ~3 (medicine cabinet|medicine cupboard|bathroom cabinet|first aid kit|pill box|pillbox)",
		"(razor|blade|blades|knife|rope|noose|gun|pills) ~8 (going to|will|i will) use (it|them) (tonight|today|now|soon|later|this weekend|tomorrow)",
		"(cliff|cliffs|bridge|roof|rooftop|ledge|tracks|railway|balcony|parking garage|car park|tower) ~8 (long way down|high enough|far enough|ready to jump|going to jump|about to jump)",
		"(going|go|drive|driving|walk|walking|head|heading|taking|bring|bringing) ~6 with (the|a|my) (rope|noose|gun|pills)",
		"(bunch|handful|fistful|whole bottle|whole pack|whole packet|whole box|all) ~3 ({drugname}|pills|meds|tablets|sleeping pills|painkillers) ~3 (with|and) ~2 {subst}",
		"(not going to|will not|never going to) wake up ~6 (made sure|make sure|took care|taken care|saw to)",
		"(used|using|use) (the|a|broken) ~1 (shards|shard|glass|blade|razor|knife|scissors|lighter|compass) on my (arm|arms|leg|legs|wrist|wrists|thigh|thighs|skin|stomach|body|chest)",
	}},
	// Fitted batch 9: methods without "kill", notes for after, acts with a
	// body part, on-purpose overdoses.
	{id: "method-v2", pats: []string{
		"(walk|walking|run|running|step|stepping|lie|lying|lay|laying) ~2 (onto|on to|into|in front of|out onto) (the|a) (highway|motorway|freeway|tracks|train|traffic|road|interstate)",
		"(if|when|by the time) (you are|anyone is|someone is|you) (reading|read|find|see) (this|these|my note|my message) ~3 (i am|i will be|i have|i am already) ~2 (gone|dead|not here|not alive|no longer here|no longer alive)",
		"(cut|cutting|sliced|slicing|carved|carving|stabbed|stabbing|burned|burning|burnt) ~1 (into|open) ~1 my (arm|arms|forearm|forearms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip|hips)",
		"(cut|cutting|sliced|carved) my (forearm|forearms|wrist|wrists|thigh|thighs|arm|arms|legs|leg|skin) ~3 (open|again|deep|deeper|till|until|on purpose)",
		"(took|take|taken|taking|used|sprayed|swallowed|did) ~3 (extra|too much|too many|more|all|double|way more) ~3 on purpose",
		"(on purpose|deliberately|intentionally) ~3 (took|take|taken|taking|used|sprayed|swallowed) ~3 (extra|too much|too many|more|all|double|way more)",
		"(how long|how many|how much) ~6 (to die|die from|kill me|be fatal|is fatal|are fatal|would be lethal|is lethal|be lethal)",
		"(die|dying|death|to die) from (an|a) ~2 overdose",
		"#10 ({drugname}|pills|tablets|meds) ~8 (taking them all|take them all|all at once|swallow them all|swallowing them all|taking all of them|take all of them)",
		"all the ({drugname}|pills|tablets|meds|painkillers|sleeping pills) ~3 (i can find|i can get|i have|in the house)",
	}},
	// Fitted batch 10.
	{id: "method-v3", pats: []string{
		"(popped|took|swallowed|downed|taken|necked|took like) #8 ({drugname}|pills|tablets|meds|sleeping pills|painkillers|bars)",
		"(see|find out|find|see whether) if i (wake up|survive|make it)",
		"(going|walk|walking|go|wade|wading) into the (water|sea|ocean|lake|river) (tonight|and not|and never|for good|$)",
		"(blow|blowing|blew|put|putting) (my|a bullet in my) (brains|head|brain) [out|off]",
		"(pills|tablets|sleeping pills|meds) (are|is) already (kicking in|taking effect|working)",
		"(goodbye letter|goodbye letters|suicide note|farewell letter|goodbye note|goodbye notes|letters to my) ~8 ~4 (blade|blades|rope|noose|pills|gun|knife|razor)",
		"(stopped|stop|quit) (eating|drinking) ~6 (to be over|to end|to die|die|until i die)",
		"(going to|will) do it (tonight|today|now|this weekend|tomorrow) $ ~2 i am done",
		"(chugged|downed|drank|swallowed|took|sprayed|used) (the|a|my) (whole|entire) (bottle|pack|box|packet) ~2 ({drugname}|{medword}|pills|meds|{ket})",
	}},
	// Fitted batch 11.
	{id: "method-v4", pats: []string{
		"(ticket|flight|booked|appointment|signed up|registered) ~6 (assisted dying|assisted suicide|dignitas|euthanasia)",
		"(bottle|bottles|glasses|beers|shots) ~4 (and|with|plus) all (my|the|of my) ~1 ({drugname}|pills|meds|tablets|sleeping pills)",
		"(climb|climbing|climbed|step|stepping|go|going) (over|onto) the (railing|rail|ledge|barrier|parapet)",
		"garage ~6 (engine running|motor running|car running)", "(engine|motor|car) running ~6 garage",
		"my last day (on earth|alive|of my life|here on earth|on this earth|of living)",
		"(mind is made up|made up my mind|decision is made|decided) ~5 (i am gone|i will be gone|i will be dead|i am dead)",
	}},
	// Fitted batch 12.
	{id: "method-v5", pats: []string{
		"(took|taken|swallowed|have|got|had|downed|take) ~4 ({drugname}|pills|tablets|meds|painkillers) ~6 (it is|that is|should be|that should be|those are|they are) enough $",
		"(drink|drinking|drank) myself to death",
		"(tied|tie|tying|attached|hung|fastened) (the|a|my) (belt|rope|cord|cable|scarf|noose|sheet) (to|on|around|from) (the|a) (door|doorknob|hook|beam|rafter|pipe|railing|banister|ceiling fan|tree)",
		"(took|swallowed|taken) enough $", "still alive ~4 miracle",
	}},
	// Round 3, fitted batch 13 on: rules built from slots (an intent or an
	// act × a way of taking or hurting × the whole of a means or an outcome),
	// so that new wordings of the same structure match.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(going to|want to|wanting to|thinking of|thinking about|planning to|plan to|about to|ready to|tempted to|urge to|decided to|could just|might just|should just|will just|i will|i am going to|easy to just|easy to) ~2 {odverb} ~1 {allof} ~3 {pillword}",
		"{allof} ~1 {pillword} ~6 (tonight|at once|in one go|all at once|at the same time|together|and be done|and just sleep|and sleep|and go|and not wake)",
		"how (much|many) ~8 (so|so that|until|before|to|would|will|does|do|enough to|for me to) ~4 {nowake}",
		"(max|maximum|most|how much|how many|what amount) ~6 (before|until) (it|they|that|this) (kills|kill|would kill|will kill|stops|stop) (you|me|a person|someone|your heart|my heart)",
		"(took|swallowed|downed|necked|popped|taken|had|have taken|used|sprayed|did) (my|the|a|his|her|all my|mums|moms|dads|grandmas) (whole|entire|full|complete) ~1 ((month|months|weeks|week) (worth|supply|worth of|of {pillword})|supply|prescription|script|bottle|pack|packet|box|strip|blister|stash|lot)",
		"(#5|a bunch|a handful|loads|lots|a pile) [of] (my|the|his|her|their|mums|moms|dads|grandmas|grandpas|nans) ~2 ({pillword}|heart pills|blood pressure pills|bp pills|pills) ~8 (to see|see what|and see|so i|to make|to end|to die|to not)",
		"(#5) (times|sprays|pumps|squirts|puffs|doses|lozenges|troches) (in a row|back to back|at once|in one go|straight)",
		"(to see|see|find out|just to see) (if|whether) i (would|will|could|can) (stop breathing|die|wake up|survive|make it|come back)",
	}},
	{id: "compose-purpose", pats: []string{
		"(so|so that|to make sure|to be sure|enough that|enough so) i [just|finally|would|will|can|never] ((do not|will not|would not|never) (wake up|come back)|stop breathing|die|am dead|be dead)",
		"(try and|to try and|trying to|to try to|in order to|so as to|to) (not|never) (wake up|wake|come back)",
		"(hoping|hope|trying|tried|so|until) [that] i (would|will|could|might) (drown|die|stop breathing|bleed out|suffocate|freeze to death)",
		"(want|wish|need|hoping|hope) (my body|my heart|my organs|my lungs) (to|would|will) ~2 (give up|give out|shut down|stop|fail|pack in)",
		"(overdose|die|kill me|fatal|lethal) ~8 (to make sure|make sure it works|to be sure|so it works|to finish the job|add something)",
		"i (will|would|am going to) be dead (by|before|on|at|then|{when}|by then|by the time)",
		"(hope|hoping|wish|want) [that] i (do not|never|will not|would not) (come back|come out of it|come round|make it back|return)",
		"(k hole|khole|k holing|khole) ~8 (forever|never come back|not come back|permanently|for good|and stay there|staying there|never come out|not come out|never wake|never return)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(scratch|scratched|scratching|pick|picked|picking|bite|biting|hit|hitting|punch|punching|punched|bang|banged|banging|burn|burned|burnt|burning|pinch|pinched|pull|pulled|pulling|smash|smashed|smashing|slam|slammed|slamming|claw|clawed|clawing|dig|dug|digging) ~4 (until|till|til|so) ~3 ({hurtend}|see stars|saw stars|pass out|passed out|black out|blacked out)",
		"(hurt|hurting|harmed|harming|cut|cutting|burned|burning|hit|hitting) myself (with|using) (a|the|my) ~2 (blade|razor|lighter|fork|knife|scissors|glass|compass|needle|pin|cigarette|iron|pencil sharpener|sharpener|belt|bottle)",
	}},
	{id: "compose-means", pats: []string{
		"(have|got|keep|kept|hid|hidden|put|packed|bought|carrying) the (rope|noose) ~3 (in|under|behind|ready|hidden|at|on)",
		"(gun|pistol|rifle|shotgun|firearm|revolver) ~4 (nightstand|bedside|next to me|beside me|next to my bed|in my lap|in my hand|on my lap|on the bed|under my pillow)",
		"(gun|pistol|rifle|shotgun|revolver) (is|was|sits|sitting) [now|already] loaded ~4 (next to|beside|nightstand|bedside|on the|in my)",
	}},
	// A decision or a farewell is a plan when the message also names a
	// means, a place or a time (hPart); alone it is possible.
	{id: "decided", flags: fPlan | fAlone, pats: []string{
		"(i have|i) (decided|made up my mind|made my decision|made my choice) $",
		"(my mind is made up|the decision is made|decision is made|no going back|there is no going back|point of no return)",
		"i (think|guess|know|feel like) (this|today|tonight|now|it) is (it|the day|the night|the time) $",
		"(this|today|tonight|now|it) (feels|seems|is) (right|the right time|like the right time|like the night|like the day|like the time) $",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(the|my) plan is ~3 ({when}|tonight|later|after work|after my shift)",
	}},
	{id: "farewell-plan", flags: fPlan | fAway, pats: []string{
		"(it|this) (was|is|will be) not your fault",
		"(do not|never) blame yourself",
		"(wrote|written|writing|left|leaving) [some|my|the|goodbye] (letters|letter|notes|note) (for|to) ~2 (my|everyone|everybody|mum|mom|dad|you)",
	}},
	// Fitted batch 14.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"how (much|many) ~6 {nowake}",
		"if i {odverb} {allof} ~3 {pillword} ~6 (at once|in one go|together|with (a|some|the|my) ~1 ({subst}|bottle|drink))",
		"{allof} ~3 {pillword} ~8 (will|would|is|does) (that|it|this) (do it|be enough|enough|kill me|work|do the job)",
		"{pillword} ~2 (saved up|stashed|stockpiled|hoarded|hidden away|put aside|set aside|squirrelled away|squireled away)",
		"(swallowed|drank|drunk|drink|drinking|swallow|swallowing|took|ate|eat|have taken|had|going to drink|downed) ~2 {poison}",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(cut|cutting|burned|burnt|burning|burn|scalded|scalding|hit|hitting|punched|punching|scratched|scratching|bit|biting|stabbed|stabbing|hurt|hurting|carved|carving) my ~1 {body} ~6 (on purpose|deliberately|intentionally|to feel|so i|so it|so that|until|till|because i deserve|as punishment|to punish)",
		"(on purpose|deliberately|intentionally) ~6 (cut|burned|burnt|hit|punched|scratched|bit|hurt|injured|scalded|stabbed) (myself|my)",
		"(hit|hitting|punched|punching|slapped|slapping|smacked|smacking) myself ~6 (until|till|so|over and over|again and again)",
		"(cord|cable|charger|charger cable|phone charger|belt|scarf|rope|ligature|tie|shoelace|shoelaces) ~3 (round|around) my (neck|throat)",
	}},
	{id: "compose-method", flags: fAway | fAlone, pats: []string{
		"i am [standing|sitting] (at|on|by|under) the (bridge|ledge|roof|rooftop|tracks|cliff|cliffs|edge|railway|platform edge|top) [right now|now|again]",
	}},
	{id: "compose-method", pats: []string{
		"(practising|practicing|practised|practiced|practise|practice|learning|learned|learnt) ~2 (tying|to tie|tie) (the|a) (knot|noose)",
		"(writing|wrote|written|sent|sending|send|recorded|recording|finished|finishing) (my|the|some) (goodbye|farewell|last) {farewellthing}",
		"(and|but) (i have|i have got|i made|i have made) (a|the) plan",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"i (know|have picked|picked|chose|have chosen|found) (which|the|a) (door|beam|tree|hook|bridge|spot|place|building|date|day|rope|way)",
		"(not|never) (planning|going|intending|meaning) to come (home|back)", "(will not|am not going to|will never) come (home|back)",
		"({pillword}|vodka|pills|box|bottle) ~4 (are|is) (on the table|ready|laid out|lined up|in front of me|next to me|on my bed|on the bed|on the counter)",
	}},
	// Fitted batch 15.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(dose|amount|quantity|how much|how many) ~5 (that|which|to|would|will) ~2 {nowake}",
		"(dose|amount|quantity|how much|how many) ~4 (is|would be|are|will be) (lethal|fatal|deadly)",
		"(took|take|taking|swallowed|swallow) (everything|all of it|the lot|it all) (in|from) (the|my) (cabinet|medicine cabinet|cupboard|bathroom cabinet|first aid kit|drawer|pill box)",
		"(enough|plenty) [of] [my|the] ~1 {pillword} ~2 (saved|stashed|hidden|left|put aside|to do it|to die|to end it|for it)",
		"{pillword} ~8 (going to|will|about to|want to|might) ~1 (do|take|have|use|finish|snort|swallow|down) (the rest|the lot|all the rest|what is left)",
		"(plastic bag|bag|pillow) (over|on) my (head|face)",
		"(car|engine) ~6 (garage|hose|exhaust) ~4 (ready|running|set up|taped|attached)", "(hose|exhaust|pipe) ~2 (ready|taped|attached|set up|connected|in the window)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(cut|cuts|cutting|cuttin|cuting|slice|slicing|sliced|slit|slitting|carve|carving|carved|scratch|scratching|scratched|burn|burning|burned|burnt) (my|both) ~1 {body} ~6 (again|agian|deeper|deep|on purpose|every|to feel|till|until|worse|more)",
		"(bang|banged|banging|hit|hitting|smash|smashed|smashing|slam|slammed|slamming) my head (off|against|on|into) (the|a) (wall|floor|door|desk|table)",
	}},
	{id: "compose-method", pats: []string{
		"(standing|sitting|stood|sat|perched) on (the|a|this|my) ~1 (ledge|railing|edge|windowsill|sill|parapet|tracks)",
		"(if|when) (anyone|someone|somebody|you) (finds|find|reads|read|sees|see) this ~3 (sorry|i am sorry|forgive me|goodbye|i love you)",
		"(will not|would not|am not going to) be a (problem|burden|bother|nuisance) ~2 (after tonight|after today|from tomorrow|by tomorrow|by morning|after {when})",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(it is|its|it|is) (looking|looks|feeling|feels|seeming|seems) like (tonight|today|tomorrow|this weekend|{when})",
		"(thinking about|think about|thought about|tempted to|urge to|want to) (go over|going over|go off|going off|step off|stepping off|climb over|climbing over|let go|letting go|lean over|leaning over)",
	}},
	// Fitted batch 16.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(boxes|packs|packets|bottles|strips|blisters|box|pack|packet|bottle) of ~2 {pillword} ~8 (planning to|going to|want to|will|about to) (take|swallow|down|have|neck)",
		"#2 (boxes|packs|packets|bottles|strips|blisters) of ~1 {pillword} (saved|stashed|hidden|put aside|ready|saved up)",
		"(kill|killing|murder|take) {victim} ~2 (and then|then|and|before|after) (myself|me|my own life)",
	}},
	{id: "compose-method", pats: []string{
		"(throw|throwing|threw|fling|flinging|hurl|hurling) myself (under|in front of|off|from|onto|out of)", "(throw|throwing|threw|fling|flinging) myself into (the|a) (river|sea|traffic|road|water|lake|canal)",
		"(went|go|going|drove|drive|walked|walk|got|get) ~4 (to|onto|up|on) (the|a) ~1 {enplace} ~2 to (jump|do it|end it|die|kill myself)",
		"i am (on|at) (the|a) (roof|rooftop|top|edge) of (my|the|a) ~1 (building|block|flats|car park|multistorey|tower|bridge|hospital|office)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(got|have|picked|chosen) (a|the) (date|day) (picked|chosen|set|sorted|decided|in mind)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"you (know|can guess|can imagine) (why|what for|what it is for)",
		"(the pain|it|everything|it all|all of this|this) will [all] be over (soon|tonight|tomorrow|{when})",
		"(can|could|would|will) ~4 ({pillword}|dose|amount) ~4 (kill|be lethal|be fatal) (someone|a person|somebody|me|you)",
	}},
	// Fitted batch 17.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(took|swallowed|downed|necked|taken|ate|popped) (a load|loads|a lot|lots|a ton|tons|heaps|a heap|a pile|a handful|a bunch|a whole lot) of (my|the|his|her|their|mums|moms|dads|mum|mom|dad|grandmas|nans|partners) ~2 {pillword}",
		"(took|swallowed|downed|drank|necked) (a|the|an entire|a whole) (bottle|box|pack|packet|tub|strip) of (my|the|his|her) ~1 {pillword}",
		"(going to|planning to|plan to|about to|will|want to|decided to) ~1 {odverb} (the lot|the whole lot|everything|all of them|all of it) ~3 ({when}|tonight|after|when|once|$)",
	}},
	{id: "compose-method", pats: []string{
		"(jump|jumping|jumped|throw myself|fall|falling) (off|from|out of) (the|a) (top|top floor|roof|window|balcony|edge)",
		"(hang|hanging) (from|off) (the|a|my) ~1 (banister|bannister|beam|tree|door|ceiling|loft hatch|rafter|hook|railing)",
		"ready to (go|die|leave this world|leave) ~6 (said|told) (everything|goodbye|my goodbyes)",
		"(crash|crashing|wreck|drive) (the|my) car ~2 (on purpose|deliberately|intentionally)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(planning|plan|planned|plotting|arranging) my (exit|way out|departure|end|death|suicide|last day)",
		"(do it|end it|go through with it) with (the|a|my) ~1 (knife|rope|pills|gun|belt|blade|razor|cord|cable|tablets)",
	}},
	{id: "farewell-plan", flags: fPlan | fAway, pats: []string{
		"thank you for trying [to help me|to help]",
	}},
	// Fitted batch 18.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(enough|plenty) [of] [my|the] ~1 {pillword} ~3 to (finish it|finish things|finish me|end it|end things|do it|die|be done|go through with it)",
		"(downed|swallowed|took|necked|finished|emptied|drank) (a|the|half a|a whole|the whole|half the|my) (bottle|box|pack|packet|strip|tub|blister|jar) of ~3 {pillword}",
		"{odverb} (the|my) ~2 {pillword} ~2 (all of it|the whole thing|the lot|every drop|every last one|all at once|all in one go)",
		"(stopped|stop|stopping|skipping|skip|quit|not taking) ~3 (insulin|heart meds|heart pills|blood thinners) ~3 (on purpose|deliberately|intentionally|so i|so that i|to die)",
		"(overdose|die|kill me|lethal|fatal|stop my heart|stop breathing) ~8 (asking|ask) (because|since) i (want to|plan to|am going to|intend to|might|am planning to)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(hold|holding|held|push|pushing|pushed|put|putting|keep) my (head|face) under (the|water) ~2 (water|bathwater|bath|sink|tub)",
		"(bang|banged|banging|hit|hitting|smash|smashed|smashing|slam|slammed|slamming) my head (off|against|on|into) (the|a) (radiator|sink|mirror|window|cupboard|doorframe|door frame|fridge|tiles|bathtub|headboard|steering wheel)",
		"(bang|banged|banging|hit|hitting|smash|smashed|smashing|slam|slammed|slamming|punch|punched|punching) ~6 (until|till|til) (it|they|i) ~2 ({hurtend}|see stars|saw stars|passed out|blacked out)",
	}},
	{id: "compose-method", pats: []string{
		"(on|at|by) the ~2 ({enplace}|railway bridge|rail bridge|level crossing|tracks) ~8 (waiting|waited|wait) for (the|a) ~1 (train|freight train|express|lorry|truck)",
		"(bought|got|have|buying|get|getting|found) (a|the) ~1 (hose|pipe|tube) (for|to fit|that fits) (the|my) ~1 (exhaust|car)",
		"(going to|will|want to|plan to|about to|might|tempted to|planning to) ~1 (crash|drive|steer|swerve|plough|plow|ram) (my|the) (car|motor) ~3 (into|off|in front of) (a|the|oncoming) ~2 (lorry|lorries|truck|trucks|tree|wall|bridge|traffic|train|river|pillar|lane|barrier|cliff|bus)",
		"know exactly (which|what) ~2 ({enplace}|roof|rooftop|building|tree|beam|spot|place|train)",
		"(decided|made my mind up|made up my mind|my mind is made up) ~3 (have|got|bought) (what i need|everything i need|all i need|the stuff i need)",
		"(gun|pistol|rifle|shotgun|revolver) [is] [now|already] loaded ~4 (next to|beside|on the|in my|and on|and ready|ready)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(then|and then|after that) (it is|it will be|everything is|it will all be) (over|done|finished) $",
		"(will not|am not|am never|will never) (be coming|coming|going to come) (home|back)",
	}},
	{id: "decided", flags: fPlan | fAlone, pats: []string{
		"(i am|i feel) (ready|ready now|ready to go) $",
	}},
	// Fitted batch 19.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(washed|wash|washing) down ~5 {pillword} with",
		"(drink|drinking) (till|until) i (drop|pass out|black out|collapse) ~4 {pillword}",
		"{pillword} ~2 (lined up|laid out|ready) ~4 (tomorrow|tonight|today) [is|will be] my (day|night)",
		"(ordered|bought|got|getting|order) ~2 {poison} ~2 (online|off the internet|from the internet)", "(ordered|bought) poison",
		"the {pillword} (are|is) (taken|gone|in me|down)",
		"(injected|inject|injecting|took) ~3 (extra|too much|all my|a load of) ~1 insulin",
		"(necking|neck|taking|take|swallowing|swallow|downing|down) (every|all the|each) ~2 {pillword} i (can|could) (find|get)",
		"(doing|do) it with the {pillword} ~2 (now|tonight|today|bye)",
	}},
	{id: "compose-found", flags: fNoSubject, pats: []string{
		"(will|is going to|going to) find me (in the morning|tomorrow|tonight|later|dead) ~6 (note|letter|letters)",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(stubbing|stubbed|stub|putting|put) ~2 (cigarette|cigarettes|cig|cigs|fag|fags) out on my ~1 {body}",
		"(poured|pour|pouring|tipped) (boiling|hot|scalding) (water|oil|kettle) ~3 (on|over) my ~1 {body}",
		"(hit|hitting|smash|smashing|smashed|bash|bashed|bashing) my ~1 {body} with (a|the|my) ~1 (hammer|brick|rock|stone|bat|pan) ~4 (until|till|so)",
		"(stop|stopping|stopped) (eating|eating and drinking|drinking) ~4 (until|till) my (body|heart) (gives up|gives out|stops|shuts down|packs in)",
	}},
	{id: "compose-method", pats: []string{
		"(belt|rope|cord|cable|scarf|noose) (is|was) ~1 (tied|fixed|attached|hung|hanging) (to|from|on|over) (the|a|my) ~1 (beam|loft beam|banister|bannister|hook|door|rail|railing|tree|pipe)",
		"(driving|drive|going to drive) ~3 into the (reservoir|river|sea|lake|canal|quarry|harbour)",
		"(close|near) to using the (noose|rope|gun|belt|blade)",
		"(checked out|scoped out|found|picked|chosen|chose) (the|a) (spot|place) (under|on|at|by|near) the ~2 ({enplace}|motorway bridge|bridge)",
		"(next time|tonight|tomorrow) i am (lying|laying|staying|lying down) ~2 (down|on the tracks|there)",
		"(by|on|at) the tracks ~6 (waiting|waited)",
		"(sit|sitting|sat|going to sit) in the (garage|car) with the engine (on|running)",
		"(on|up on|at) the (roof|top|edge) of the ~2 (shopping centre|mall|building|hospital|car park|tower|flats|block|station) ~3 (looking down|staring down|about to)",
	}},
	// Fitted batch 20.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(took|take|taking|swallowed|swallow) (everything|all of it|the lot|it all) (in|from) (the|my) (medicine box|meds box|medicine cupboard|medicine drawer|medicine tin|pill drawer|first aid box)",
	}},
	{id: "compose-purpose", pats: []string{
		"{pillword} ~8 so [that] i (would not|will not|do not|never|would never|could not|can not) ~2 feel ~2 (ever again|again|anymore|any more)",
		// Round 10 (review10s): a death given as the purpose of an act
		// ("i stopped taking my lithium so i can finally die"), which the
		// medicine's name sent to the medical reply.
		"(so i can|so that i can|so i could|so that i could|so i will) [finally|just|at last] (die|be dead|never wake up|not wake up) [already|now|at last|sooner|faster|quicker] $",
	}},
	{id: "compose-self-harm", flags: fHarm, pats: []string{
		"(slice|slicing|sliced|slit|slitting|carve|carving|carved) my ~1 {body}",
		"(put|held|hold|holding|pressed|press|pressing) (a|the|my) ~1 (knife|blade|razor|scissors|glass|shard) (to|against|on|into) my ~1 ({body}|wrist|wrists|throat)",
	}},
	{id: "compose-method", pats: []string{
		"(practising|practicing|practice|practise|rehearsing|rehearse) ~6 (with a|with the|using a|using the) (bag|plastic bag|belt|rope|cord|noose)",
		"(stepped|step|walked|walk|ran|run|jumped|jump) (in front of|out in front of|into) (a|the|an) ~1 (bus|car|train|lorry|truck|traffic|tram|van) ~4 (on purpose|deliberately|intentionally)",
		"(goodbye|farewell|suicide) (letters|letter|notes|note) (are|is) ~3 (stamped|posted|sent|in the post|sealed|in the post box|addressed)",
		"(got|took|taken|grabbed|have got|fetched) (the|my|his|her|dads|uncles|grandads) ~2 (gun|pistol|rifle|shotgun|revolver) (from|out of) ~3 (safe|cabinet|cupboard|drawer|locker|gun safe)",
		"(bath|bathtub|tub) ~5 (hairdryer|hair dryer|toaster|radio|heater|straighteners|hair straighteners)",
		"(writing|texting|typing|messaging|sending) (this|you) (from|on) the (top|roof|edge|ledge) of",
		"ending it ~8 (decided|made up my mind|my mind is made up|final)",
		"(settled on|decided on) (the|a) ~2 ({enplace}|train line|train|rope|pills|gun|tracks)",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"plan is still (on|set|happening|going ahead)",
		"where (no one|nobody) (would|will|could|can) (see|find|stop|hear) me",
	}},
	// Fitted batch 21.
	{id: "compose-overdose", flags: fHarm, pats: []string{
		"(swallowed|took|downed|taken|necked) #1 (packs|packets|boxes|bottles|strips|blisters) of ~1 {pillword}",
	}},
	{id: "compose-self-harm", pats: []string{
		"(burn|burning|burned|burnt|scald|scalding) my ~1 ({body}|skin) with (a|the|my) ~1 (iron|lighter|cigarette|match|matches|kettle|straighteners|curling iron|candle|hob)",
	}},
	{id: "compose-method", pats: []string{
		"(wrote|written|writing|left|posted) (the|my) (letters|notes|letter|note|goodbye letters) ~8 (driving|going|walking|heading) (to|towards) the ~1 {enplace}",
		"(turned|turn|turning|put|switched|left) (the|on the) gas ~2 (shut|closed|close|sealed|seal|taped) (the|all the) (windows|window|doors|door)",
		"i know where i (will|am going to|would) (tie|hang|attach|fix) (it|the rope|the belt)",
		"(driving|going|walking|heading|cycling) to the ~1 {enplace} (and|to) (jump|jumping|jump off|end it|do it)",
		"(lying|lie|lay|laying) down on the (tracks|railway|rails|road|motorway)",
		"(on|at) the ~1 {enplace} (right now|now) (staring|looking) (at|into|down at) the (water|river|drop|sea|tracks)",
		"(drive|driving|crash|crashing) myself to death",
	}},
	{id: "decided", flags: fPlan, pats: []string{
		"(gun|pistol|rifle|shotgun|revolver|rope|noose|pills|tablets) [is|are] already (in|on|under|next to|beside) (my|the)",
		"(think|feel like) i (can|could|will) do it (today|tonight|now) $",
	}},
	// Fitted batch 22.
	{id: "decided", flags: fPlan, pats: []string{
		"(knife|blade|razor) (is|are) (ready|sharpened|laid out)",
		"am (jumping|going to jump) $",
	}},
	// Round 5 (fitted batches 23 to 34): a method × a time, a place or a
	// decision; ketamine taken to go under for good; self-harm named by
	// its tool and body part; an overdose told with a time or a count.
	{id: "r5-ketamine", pats: []string{
		"{ket} ~8 (until|till|so that|hoping|and hope|and just|so) ~2 i ~1 (do not|never|will not|would not|can not) ~1 (come back|come back up|wake up|wake|come out)",
		"(drift off|slip away|fade out|go under|sink) (and|then) (not|never) (come back|wake up|wake)",
		"(so deep|deep enough|far enough) [that] i (do not|will not|never) (come back|come out|come up|wake)",
		"(going in|go in|go under) and (staying|stay) (there|in it|in there|under) (for good|forever)",
		"{ket} ~8 (hope|hoping|wish) ~3 i [just] (do not|never|will not|would not) (come back|wake up|wake)",
		"({ket}|{pillword}|dose|enough) ~6 (stop my breathing|stop me breathing|put me under for good|under for good|put me to sleep for good|put me down for good|to stop breathing|to stop my heart)",
		"({ket}|{pillword}|combine|mix|binge|taking more) ~8 (till|until) i (stop breathing|do not wake up|never wake up|die|am gone|stop waking up|pass out for good)",
		"(most|max|maximum) ~3 {ket} ~6 (before|until) ~3 (heart stops|heart would stop|stop breathing|die|dead)",
		"{ket} (and|with|plus) (the|a|my|a whole) ~1 (bottle|vodka|whisky|whiskey|gin|benzos) ~6 (tonight|then nothing|and end|to end|and go)",
	}},
	{id: "r5-method", pats: []string{
		"(going to|will|plan to|planning to|about to|want to|ready to|decided to) jump (from|off) ~5 ({enplace}|floor|building|roof|balcony|multistory|multistorey|car park|top floor|block)",
		"(going to|will|plan to|planning to|about to|want to|ready to|tonight|tomorrow) ~2 (jump|step|throw myself|walk|lie down) in front of (the|a) (#|express|train|tram|lorry|truck|bus|next)",
		"(drive|driving|crash|crashing|steer|steering|swerve|swerving|plough|ram) ~3 (into|off) (a|the|an|oncoming) ~2 (overpass|pillar|lorry|bus|wall|reservoir|quarry|embankment|barrier|bridge support|tree|cliff|river) ~6 ({when}|tonight|tomorrow|on purpose|look like an accident|no seatbelt|next time)",
		"(drove|steered|swerved) ~4 (into|at|towards) ~3 (oncoming|lorry|truck|wall|tree|bridge|traffic) ~4 on purpose",
		"(crash|crashing|wreck|wrecking|total) (the|my) car ~4 (tonight|tomorrow|on purpose|no seatbelt|without a seatbelt|without my seatbelt)",
		"(cut|cutting) the (brakes|brake line|brake lines) on my own",
		"(pockets|backpack|rucksack|coat) (full of|filled with|with) (rocks|stones|weights)",
		"(out on|onto|walk on) the ice ~8 (till|until) ~2 (breaks|it breaks|give way)",
		"(tied|tie|tying|hung|hanged|hang|hanging|attached|fixed) (the|a|my) ~1 (belt|rope|cord|scarf|cable|sheet|tie|noose|dressing gown cord) (to|from|round|over|on) (the|a|my) ~2 (rod|beam|hatch|loft hatch|door|doorframe|bannister|banister|railing|hook|pipe|tree|closet|wardrobe|rail|light fitting|clothes rail)",
		"(rope|noose) is (up|ready|tied|hanging)",
		"(tied|put|wrapped) (something|it|a belt|a cord|a scarf) (round|around) my (neck|throat)",
		"(exit bag|exit bags|suicide bag|helium tank|nitrogen tank)",
		"(how to do it|how to end it|way to do it|way to end it) (painlessly|quickly|peacefully|without pain)",
		"(holding|hold|held|keep|kept) my (breath|head) under ~2 water ~6 (push past|as long as|longer|until|till|trying|not come up)",
		"(bath|bath is running|in the bath|run the bath|let the bath run) ~8 (the blade|a blade|the razor|a razor|the knife|my {ket}|the pills|my pills|take my)",
		"(hose|pipe) (fits|is attached|is on|on the exhaust|to the exhaust)",
		"(finish|end) (it|things|everything|myself) (with|using) (my|the|a) ~2 ({ket}|{pillword}|stash|rope|gun|blade|knife|razor|insulin)",
		"(i|still) (have|got) the method",
		"this time i (am not going to|will not) (fail|mess it up|survive|wake up|be found)",
		"(tried|attempted) ~4 (failed|did not work|survived) ~8 (planning|going to|this time|properly|again)",
		"(planning|plan) it (properly|for real|right) ~4 ({when}|this time|next week)",
		"(plan|plan is) (the|to) ~2 ({enplace}|pills|rope|gun|tracks|bridge|roof|train|multistory|multistorey|river|overdose)",
		"(decided|made up my mind) ~4 (it is happening|happening|doing it) ~6 ({when}|next week|birthday|tonight|tomorrow)",
		"i am (on|at) the (roof|bridge|ledge|tracks|cliff|cliffs|edge|platform edge|top floor) ~8 (almost ready|ready|up here|someone to know|jump|goodbye|looking down|been here)",
		"({enplace}|reservoir) ~8 (not turning back|no turning back|not coming back)",
		"(got|have|written|wrote|left) (the|my|a) (note|notes|letter|letters|goodbye letter) ~8 (got|have|bought) (the|a|my) (gun|rope|pills|blade|razor|knife|hose|tablets)",
		"(got|have|bought) (the|a|my) (gun|rope|pills|blade|razor|knife|hose|tablets) ~8 (got|have|written|wrote) (the|my|a) (note|notes|letter|letters)",
	}},
	{id: "r5-self-harm", flags: fHarm, pats: []string{
		"(burning|burned|burnt|burn) myself ~4 (can not stop|again and|want to do more|every night|to feel|on purpose|deliberately|last night and tonight|tonight)",
		"(marks|cuts|lines|scratches|wounds|it) on my {body} ~4 (deeper|worse|more)",
		"({body}|glass|blade|razor|compass|lighter) ~6 deeper ~4 (this time|than|tonight|last night|and i want|i want more|and)",
		"(running|ran|drag|dragging|dragged|press|pressed|pressing) (the|a|my) (knife|blade|razor|glass|scissors) (along|across|into|against|on) my {body}",
		"(took|take|taking|put|putting) (a|the|my) (razor|blade|knife|glass|compass|lighter|scissors) to my {body}",
		"(scratching|scratched|scratch|cutting|carving|slicing) my {body} (with|w) (a|the|my) ~1 (razor|blade|knife|glass|compass|scissors|lighter|needle|pin|broken glass)",
		"(using|used|use) (my|a|the) (razor|blade|knife|glass|compass|lighter|scissors) on my {body}",
		"(stabbing|stabbed|stab|poking|jabbing|jabbed) my {body} with (a|the|my) ~1 (compass|pen|pencil|knife|scissors|needle|pin|fork|blade)",
		"(do|doing|did) my (legs|arms|thighs|wrists|stomach|hips) (this time|tonight|again|next)",
		"(cut|cutting|burn|burning|harm|harming) ~8 (started again|again last night|again tonight)",
		"(did it|doing it|done it) again ~6 (glass|blade|razor|lighter|compass|deeper)",
	}},
	{id: "r5-overdose", flags: fHarm, pats: []string{
		"(took|swallowed|downed|necked|taken|have taken|just took|just swallowed) {allof} ~3 {pillword} ~8 (ago|# tabs|# tablets|# pills|feel weird|feel sick|feel strange|can not stay awake|and some|with|on purpose|i am sorry|sorry)",
		"(took|swallowed|taken|have taken|just took|downed) #5 [of] [the|my] ~3 ({pillword}|{ket}|tabs|lozenges) ~8 (and|with|plus|ago|going to sleep|want this|on purpose|feel)",
		"(#2|two|three|four|five|double|triple) times (my|the) ~2 (dose|{ket}|{pillword}) ~4 on purpose",
		"(swallowed|took|downed|taken) (every|all the) (pill|pills|tablet|tablets|med|meds|medicine|capsule|capsules) (in|i had|i could find|we had|i have)",
		"(saving|saved|stockpiling|hoarding) my ~1 {pillword} (since|for) ~4 (enough|tonight|now)",
		"(counting|counted) (them|my meds|my pills|the pills) ~6 (take them|after i send|tonight)",
		"(meds|pills|tablets) [are] [all] in a pile",
	}},
	{id: "r5-plan", flags: fPlan, pats: []string{
		"[the] will (is|has been) (updated|written|sorted|done|signed)",
		"(gave|given) (my|the) (cat|dog|pets|pet|cats|dogs) (to|away)",
		"i (know|have decided) (how|when|where) i am going to do it $",
	}},
	// Round 6 (fitted batches 23 to 43; 50 to 52 checked before): a
	// statement of doing it, counting only with a lethal means or a place
	// elsewhere in the message (fMeans: "ive got the knife, im doing it";
	// never with a time alone); an act already done, counting with a last
	// farewell (fBye: "i've taken them. goodbye"); and methods told with
	// their object.
	{id: "r6-doing-it", flags: fPlan | fMeans, pats: []string{
		"(going to|about to|ready to|finally|tonight|today|tomorrow) [finally|really|actually|just] (do it|go through with it|make it happen|end it|go over|jump|walk in|take them|use it|use them)",
		"(doing it|going over|jumping|ending it) ({when}|now|this time|tonight|$)",
		"(happening|going to happen) (tonight|today|{when}|at midnight|$)",
		"({when}|tonight|today) [is] the (night|day) $",
		"(taking|take|swallow|swallowing|down|downing|use|using) them (all|at midnight|tonight|{when}|here|after|when|once|one after the other)",
		"(do it|go through with it) (here|there) ~2 (then|and then|after)",
		"(not|never) (coming|going to come) (back|home)",
		"(this time|tonight|finally) i (will|am going to) (go through with it|do it|not fail)",
		"(picked|chosen|chose|settled on|decided on) (the|a|my) (bridge|method|spot|place|tree|beam|cliff|building|day|date)",
		"will [just] (do it|go through with it) (while|when|once|as soon as|after|before|{when})",
		"(going to|about to|ready to|tonight|will) (drive off|drive over|go off|walk off|step off|throw myself|walk onto|walk into|step onto|step out)",
		"(ending|end) it {when}",
		"(rope|noose|gun|hose|charcoal|helium|blade|razor) (is|was|are|got) [already|now|all] (bought|ready|sorted|here|loaded|set up|in place)",
		"{odverb} (the|a|my|his|her|that) (bottle|box|pack|packet|strip|tub|blister) of ~1 {pillword} ~8 (all of it|tonight|at once|as soon as|when|once|{when}|the lot)",
	}},
	{id: "r6-here-now", flags: fPlan | fBye, pats: []string{
		"({enplace}|quarry|cliff top|clifftop|motorway bridge) ~3 (right now|now)",
		"(writing|texting|typing|sending) (this|you) (from|in|on|at) the ~3 ({enplace}|car|hotel room|hotel|quarry|cliff top|bath)",
	}},
	{id: "r6-decided", flags: fPlan | fBye, pats: []string{
		"(this is it|it will be tonight|it is tonight|it is this weekend|it will be this weekend|tomorrow is the day|tonight is the night) $",
		"(not going to|will not) be (around|here|alive) (after|by|on|past|for) ~1 ({when}|tomorrow|tonight|the next)",
		"(going|go|heading|head|driving|drive) to the ~2 ({enplace}|woods|motorway bridge) ~3 ({when}|after work|tonight|tomorrow|now|$)",
	}},
	{id: "r6-self-harm", flags: fHarm, pats: []string{
		"(scratched|scratching|sliced|slicing|slashed) my ~1 {body} open",
		"(found|got out|dug out|bought|kept) my (old|spare) (blades|blade|razors|razor)",
		"(blades|blade|razor|razors) ~3 used (them|it) $",
		"(did it|done it) again ~6 (worse|deeper|wrap|bandage|tea towel|bleeding)",
	}},
	{id: "r6-overdose", flags: fHarm, pats: []string{
		"(taken|took|had|used|done) (a lot more|way more|much more|more) ~3 {ket} than (i was meant to|i should|i was supposed to|prescribed|i am meant to)",
		"(took|taken|had|downed) ~4 (the rest of|all of|all my) ~2 {pillword} ~8 (beers|vodka|wine|gin|whisky|drinks|whatever happens|floaty)",
		"(#2|double|triple|three times|twice) ~2 (my|the) ~2 (dose|{ket}|insulin) ~4 on purpose", "# x (my|the) ~2 (dose|{ket}|insulin) ~4 on purpose",
		"(bought|buying|got) {pillword} from (#2|two|three|four|five|different|several) ~2 (shops|pharmacies|chemists|stores)",
		"(crushed|crush|crushing) [up] (all|every) ~4 {pillword}",
		"(is|are|would) #2 ~3 {pillword} ~2 enough to (do it|end it|die)",
	}},
	{id: "r6-done-it", flags: fPlan | fBye, pats: []string{
		"(did|done|taken|took|swallowed) (it|them|the lot|everything) ~3 (ago|already|now)",
		"(taken|took|swallowed) (them|them all|all of them|everything|the lot|the pills|the tablets|the rest)", "(did|done) it (with|using) (the|a|my) ~1 (razor|blade|knife|pills|tablets|rope|belt|glass)",
		"(taken|took|swallowed|downed) ~2 {pillword}",
	}},
	{id: "r6-method", pats: []string{
		"(poured|pouring|pour|doused|dousing) (petrol|gasoline|lighter fluid|fuel|paraffin|kerosene) (on|over) (myself|me|my)",
		"(wrong|other|outside) side of the ~1 (railing|railings|barrier|parapet|rail|fence of the bridge|bridge)",
		"(going to|about to|will|want to|ready to|tonight) ~2 (go|jump|throw myself|step|climb) over (the|it) ~1 (edge|railing|railings|side|parapet|barrier|balcony)",
		"(stood|standing) (at|on|by) the (edge|yellow line) of the (platform|tracks|bridge|roof|cliff)",
		"(stood|standing) at the (yellow line|edge)",
		"(cut|cutting|slice|slit|open) (the|an|my) (artery|arteries|vein|veins)",
		"(worked out|figured out|planned out|planned|know exactly|decided) how i (would|will|am going to|could|would) do it",
		"(planned|worked out|figured out|decided) (how|when and how|how and when|how and where) $",
		"(researching|researched|looked up|looking up|reading about|googling|googled) (methods|ways|how) ~8 (picked|chosen|chose|found|decided on) (one|the one|mine|a method)",
		"({pillword}|{ket}|tablets) i (have been|had been|have|had) (saving|hoarding|stockpiling|collecting|stashing|keeping|putting aside|saving up|saved|hoarded|stockpiled|stashed|collected)",
		"(tested|testing|checked) (the|a) (branch|beam|hook|knot|noose|rope) ~8 ({when}|tonight|the night|hold|weight|ready)",
		"(tried|try|trying|want|wanted|going) to stay (in it|under|in the hole|in the k hole|there) (forever|for good|permanently)",
		"{odverb} {allof} (bottle|box|pack|packet|stash|supply|lot|strip|blister) of ~2 {ket}",
		"(use|using|take|taking|put|putting) (the|my|all the|all my) ~1 {ket} ~4 (on myself|under my tongue) ~4 (all at once|at once|in one go|one after the other|all of them)",
		"(putting|put) them all under my tongue",
		"{ket} [and|with|plus] (the|a|my|a whole) ~1 (bottle|vodka|whisky|whiskey|gin|benzos) ~6 (tonight|then nothing|and end|to end|and go)",
		"(stopped|stop|not) (eating and drinking|eating or drinking|drinking water|eating or drinking anything) ~6 (on purpose|deliberately|want it to be over|to die|until i die)",
		"(hairdryer|hair dryer|toaster|radio|heater|straighteners|hair straighteners) ~3 (in|into) the (bath|tub|bathtub) ~3 (with me|while i am in|when i am in|i am in)",
		"(researching|researched|research|looked up|look up|looking up|googling|googled|searched|searching|worked out|figured out|calculated|counted) how (much|many) ~4 ({ket}|{pillword}|tablets|pills|i would need|i need) ~4 (it would take|would take|it takes|is too much|would be too much|i would need|i need|i would need to|to take|would be enough)",
		"(worked out|figured out|calculated) how (much|many) (i would|i will|i|i would ever) need",
		"{harmverb} {victim} ~2 (and then|then|and after that|before) (myself|me|kill myself|do myself)",
		"(gun|pistol|rifle|shotgun|revolver) (is|was) [now|already] loaded ~4 ({when}|tonight|in the drawer|in my|on my|under my|and ready)",
		"(ill|will) overdose on",
	}},
	{id: "r6-overdose", flags: fHarm, pats: []string{
		"(swallowed|swallowing|swallow|ate|eating|eat) (batteries|glass|razor blades|magnets|screws|nails|bleach|a battery) ~6 (on purpose|to hurt|wanted it to hurt|deliberately|will do more|again)",
		"(going to|planning to|about to|will) (take|swallow|down|use) (both|the) (bottles|boxes|packs) ~3 ({when}|tonight|at once|together)",
		"(took|swallowed|taken|downed|had) ~4 (bump|bumps|grams|gram|lines|line) of ~1 {ket} ~8 (on purpose|do not care|see if my heart|wanted to die|not wake)",
		"on purpose to see if (my heart|i) (would stop|wake up|die|survive)",
	}},
	// Round 7 (fitted batches 23-67; 68 on checked before fitting): an
	// overdose told as done, by how much was taken (the rest, the whole
	// supply, a count of tablets) or with a sign it was meant (at once, on
	// top, an hour ago, feeling it); a supply to be taken at a time; going
	// to a place of a method with its end ("and that's the end", "and
	// stepping off"); a means taken out, hung or tested; a decision said
	// once more ("made my mind up"), counting with a part of a plan.
	{id: "r7-overdose", flags: fHarm, pats: []string{
		enTook7 + " (the rest of|the remainder of|the remaining|what was left of|what is left of|a fistful of|a handful of|a load of|loads of|a bunch of|a pile of|a whole|the whole|my whole|her whole|his whole|the entire|my entire|a full|the full) [my|the|his|her|their|me|of my|of the] ~2 " + enOD7,
		enTook7 + " [about|around|like|over|nearly|almost|maybe|roughly|at least|probably] #8 (pills|tablets|tabs|capsules|caps|lozenges|troches|sleeping tablets|sleeping pills|sleepers|painkillers|paracetamol|ibuprofen|aspirin|co codamol|benzos|bars|xans|oxys|percs|vials|ampoules|units)",
		enTook7 + " [about|around|like|over|nearly|almost|maybe|roughly|at least|probably] #5 of (my|the|her|his|their|those|these|mums|moms|dads) ~2 " + enOD7,
		enTook7 + " (all|all of|every one of|every last one of|all #) (my|the|his|her|their|me|of my|of the|those|these) ~2 " + enOD7 + " ~8 (ago|at once|in one go|together|on purpose|on top|sorry|goodbye|bye|want it over|wanted it over|to die|to end it|whatever happens|do not want help|can not stay awake|can not stand|can not feel|feel weird|feel strange|feel sleepy|feel drowsy|feel floaty|feel sick|feel dizzy|feeling it|feeling weird|feeling sleepy|feeling drowsy|heart|with (vodka|wine|whisky|whiskey|gin|beer|beers|alcohol|a bottle|booze|the bottle|rum)|and (some|a bottle of|a) ~1 (vodka|wine|whisky|whiskey|gin|beers|alcohol|booze|rum))",
		"(going to|about to|planning to|plan to|will|i am|decided to) ~1 (take|taking|swallow|swallowing|inject|injecting|have|having|use|using|down|downing|neck|necking|mix|mixing) (all|all of|every one of|the rest of|the whole|the lot of|my whole|the entire) [my|the|his|her|of my|of the] ~2 " + enOD7 + " ~8 (tonight|after|when|once|on|this|{when}|at|as soon as|before|in one go|at once|together|with|into myself|and that is it|and be done|$)",
	}},
	// Asked sideways: how many would finish one off, the whole supply with
	// alcohol to make sure, knowing how much.
	{id: "r7-overdose", flags: fHarm, pats: []string{
		"how (many|much) [of] ~3 " + enOD7 + " ~4 (would|will|to|does it take to|would it take to) ~2 (finish me|finish me off|do me in|do it|do the job)",
		"(whole|entire|all my|all of my) (supply|stash|prescription|script|troches|lozenges|meds|pills) ~6 (with|and) ~2 (alcohol|vodka|drink|booze|wine|whisky|gin) ~6 (to make sure|so it works|to be sure|make sure)",
		"(worked out|figured out|calculated|know) exactly how (many|much) ~4 " + enOD7 + " ~4 (it takes|would take|i need|i would need|it would take)",
		"(have|got) (my|the) ~1 " + enOD7 + " and [i] know (how much|how many|the dose|what i need)",
	}},
	{id: "r7-overdose", flags: fHarm | fPlan | fMeans, pats: []string{
		"(going to|about to|planning to|plan to|will|i am|decided to) ~1 (take|taking|swallow|swallowing|inject|injecting|have|having|use|using|down|downing|neck|necking) (the lot|the whole lot|them all|all of them|all of it|everything|every last one) ~4 (tonight|once|when|after|{when}|as soon as|at midnight|into myself|$)",
	}},
	{id: "r7-method", pats: []string{
		"(going|go|drive|driving|drove|walk|walking|head|heading|get|getting) (to|up to|down to|out to|over to|into) (the|a) ~3 (" + enPlace7 + ") ~8 (and that is the end|and that will be the end|that is the end|that will be the end|the end of it|the end of me|and stepping off|and step off|and jump|and jumping|to jump|and go over|go over|over the side|and not (come|coming) back|to end it|to do it|to finish it|and walk in|and walking in|and stepping in)",
		"(going|go|went|heading|head|walk|walking|climb|climbing) (up|out|down) to the (" + enPlace7 + ") ~3 with (the|a|my|dads|his) ~1 " + enMeans7,
		"(hung|tied|put up|fixed|rigged|set up) (a|the|my) (rope|noose|belt|cord|cable) (in|from|on|to|over) the ~2 (barn|loft|garage|shed|beam|tree|attic|stairwell|banister|bannister|rafters|hook|door)",
		"(tested|tried) (it|the belt|the rope|the cord|the beam|the knot|the hook|the branch) ~6 (hold me|hold my weight|my weight|take my weight|takes my weight|would hold|it held)",
		"(beam|hook|branch|rail|banister|bannister|loft hatch) ~6 (perfect|strong enough|hold my weight|hold me|take my weight)",
		"(barrel|muzzle|gun|pistol|revolver|shotgun|rifle|shotty) ~3 (under my chin|in my mouth|against my head|against my temple|to my head|to my temple|in my lap|on my lap)",
		"(opened|turned on|turn on|open|left on|leave on) the gas ~6 (closed|shut|sealed|windows|doors|door)",
		"(go|going|jump|jumping|step|stepping|throw myself|throwing myself) over the side",
		"(nobody|no one|noone|they) (will|would|is going to) (know|think|guess|tell|find out) ~3 (was not|is not|was|not) (an accident|on purpose)",
		"(waiting for|wait for|step in front of|walk onto|walking onto|jump in front of|jumping in front of) (the|a) ~2 (express|freight|freight train|fast train|through train|one that does not stop)",
		"(express|freight|freight train|fast train|train|one) ~4 (does not stop|is not stopping|not stopping|goes straight through|go straight through) ~8 (waiting for|that is the plan|that is the one|i will be|i am going to|step|jump|walk onto|walking onto|in front)",
		"(walk|walked|walking|wade|waded|wading|went) into the (sea|water|river|lake|ocean|waves) ~8 (going back|go further|further|deeper|all the way|not come back|and keep going)",
		"(sitting|sat|sit) in the (car|truck|van) with (a|the) (hose|pipe|tube)",
		"(hose|pipe|tube) (from|on|to|in) the exhaust",
	}},
	{id: "r7-method", flags: fPlan, pats: []string{
		"(got|have|took|get|getting|taken|brought) (the|my|dads|a|his) ~2 (gun|shotgun|rifle|shotty|pistol|revolver|rope|belt) (out of|from|down from) (the|his|her|my|our) ~1 (safe|cabinet|cupboard|loft|attic|drawer|wardrobe|shed|garage)",
		"(hose|tape|hosepipe) ~6 (boot|trunk|back seat|car)",
		"(and|then) (step|stepping|walk|walking|jump|jumping) off $",
		"(made|make) my mind up $", "(already|i have already|i already) decided $", "(it is|it has been|everything is) (all planned|planned out|planned) $",
	}},
	{id: "r7-method", flags: fPlan | fBye, pats: []string{
		"({when}|tonight|today|tomorrow) (is|will be) the (day|night)",
		"(pills|tablets|meds|ket|{ket}) (are|is) (working|kicking in) [already|now]",
	}},
	// Round 7, more slots on fitted batches 23-67.
	{id: "r7-method", pats: []string{
		"(end it|ending it|go through with it|going through with it) ~4 (when|while|once|after|as soon as) (they|he|she|the kids|everyone|everybody|my {person}|the {person}) ~4 (are|is|go|goes|gone|asleep|away|out|leave|leaves|left|sleeps|sleep)",
		"(top|roof|edge) of the ~1 (multistorey|car park|parking garage|bridge|building|cliff|tower) ~8 (deciding|decide|ready|goodbye|sorry|looking down|almost)",
		"(know|knew) exactly (where and how|how and where|how and when|when and how|where and when)",
		"the method is (in|ready|here|sorted|under|in the)", "enough to kill (a horse|an elephant|me|myself)",
		"(way more|much more|far more|many times more|loads more|a lot more) (than|as) ~4 (usually|allowed|prescribed|meant to|supposed to|normal|i should) ~6 (on purpose|wanted|can not stand|can not stay awake|can barely|spinning|turning|going under|do not care)",
		"(swallowed|took|taken|downed|necked) everything (in|from) (my|the) (bag|handbag|house|box|cupboard|cabinet|drawer)",
	}},
	{id: "r7-method", flags: fPlan, pats: []string{
		"(very nearly|nearly|almost) (went over|jumped|stepped off|went through with it)",
		"(fence|railing|railings|barrier|wall) is (lowest|low|lower|easy to climb)",
		"(the|my) plan is (made|ready|set|sorted)", "(planning|planned) it for (weeks|months|days|a while|ages)",
	}},
	{id: "r7-method", flags: fPlan | fBye, pats: []string{
		"(when|once|after|so) (they|someone|somebody|he|she|you|the kids|my {person}) ~3 (find|finds|found) me",
	}},
	{id: "r7-method", flags: fAway, pats: []string{
		"(wrote|written) ~2 (letters|note|goodbye|notes) ~6 (doing it|do it|it will be|it is happening|happening|the end)",
		"(wrote|written) (the|my) (letters|note) ~3 ({when}|tonight|tomorrow)",
	}},
	// Round 8: an intake in excess (too much, the rest, on top of the
	// dose, with alcohol) with a sign of intoxication elsewhere in the
	// message (fSign: "can't feel my legs", "breathing is slow") is a
	// crisis when the speaker took it, unless said to be an accident; acute
	// alone undersold it (someone else's overdose stays acute).
	{id: "r8-taken-signs", flags: fPlan | fSign | fHarm, pats: []string{
		"{odverb} ~3 (too much|too many|way too much|way too many|too much of|extra|a load of|loads of|a lot of|a bunch of|the rest of|the rest|all of|the whole|half of|half|a big|another|more of) ~3 ({pillword}|{ket}|k|ket|bump|bumps|sprays|spray|{subst}|it|them|capsules|tablets)",
		"{odverb} (too much|too many|way too much|way too many) $",
		"overdosed",
		"{odverb} ~3 ({pillword}|{ket}|k|ket|dose|spray|sprays) ~4 (plus|and|with|on top of|on top|then) ~3 ({subst}|{pillword}|{ket}|bottle|drinks|shots|bumps|a bump)",
		"({pillword}|{ket}) ~4 (plus|and|with|on top of) ~3 ({subst}|bottle|drinks|shots) ~3 (an hour ago|tonight|just now|earlier|on purpose)",
	}},
	// Round 8 (fitted batches to 79 and 82): slots for preparations and
	// acts told in passing. A means fixed or made ready ("tied the belt to
	// the top of the door", "loaded my service weapon"), a self-harm tool
	// used on the body ("used the iron on my forearm", "pushing drawing pins
	// into my feet"), a supply to be taken at a time ("im having all of it
	// after fridays session"), the end announced for when the message is
	// read, and a decision with a date (fPlan).
	{id: "r8-prepared", flags: fHarm, pats: []string{
		"(tied|tie|tying|attached|fixed|hung|knotted) (the|a|my) ~1 (belt|rope|cord|cable|scarf|noose|dressing gown cord|tie|lead|charger cable) ~4 (to|on|over|around|round) (the|a|my) ~2 (door|top of the door|beam|banister|bannister|hook|rail|loft hatch|tree|pipe|branch|railing|door handle|wardrobe)",
		"(loaded|cleaned and loaded|loading) (my|the|his|dads|my dads) ~2 (gun|shotgun|rifle|pistol|revolver|weapon|service weapon|service pistol)",
		"(used|put|pressed|pushed|pushing|held|holding|stuck|sticking|jabbed|jabbing|dragged|dragging|ran|running) ~2 (the|a|my) ~2 (iron|lighter|hot spoon|spoon|knife|craft knife|blade|razor|pins|drawing pins|needle|needles|compass|scissors|cigarette|hot metal|kettle|straighteners|hair straighteners|pen knife|stanley knife|box cutter) ~3 (on|into|onto|against|across|over|through|in) (my|the skin on my|the soles of my) ~1 {body}",
		"(pushing|pushed|sticking|stuck|jabbing|jabbed) ~3 (pins|drawing pins|needles|needle|nails|staples) ~2 (into|in) (my|the soles of my) ~1 {body}",
		"(opened|sliced|carved|split) ~1 (my|up my) ~1 {body} ~2 (up|open)",
		"(drank|drunk|swallowed|drinking|had|downed) ~3 (the|some|some of the|a bottle of|a cup of|half the|a glass of|half a bottle of) ~2 {poison}",
		"(whoever|the person who|the one who) (finds|will find|find) me",
		"by the time (you|they|anyone|someone|people|he|she|everyone) (read|reads|see|sees|find|finds|get|gets) ~3 (it will be over|i will be gone|i will be dead|it is over|i am gone|i will be dead|it is done|it will be done)",
		"(so|that) (nobody|no one|noone) (would|will|could|can) (notice|see|know|realise|realize) ~4 (how many|how much) ~2 ({pillword}|packs|packets|boxes|i was buying|i bought)",
		"(life insurance|life policy|the policy|insurance) ~6 (pay out|pays out|cover|covers|paid out) ~4 (suicide|whatever the cause|any cause|if i kill|if i die by)",
		"(i am|i will|going to) (going|drive|driving|steer|steering|crash|crashing|swerve|swerving) (into|in to) (the|a|an) ~2 (tree|oak|wall|lorry|truck|pillar|bridge support|oncoming|bus|train|river)",
		"(next time|tomorrow|tonight) ~3 (fill|filling) my pockets (with|full of) ~1 (stones|rocks|weights|bricks)",
		"(know|knows|i know) exactly (what|how much|how many) ~3 (would do it|it takes to|will do it|would kill|will kill)",
		"how much ~4 ({ket}|{pillword}) ~4 (would|will|to|could) stop (someones|somebodys|a persons|your|my|the|their) heart",
		"{odverb} ~3 {allof} ~2 (pack|packet|box|bottle|blister|blister pack|{pillword}) ~8 {nowake}",
	}},
	{id: "r8-supply-at-a-time", flags: fPlan | fMeans, pats: []string{
		"(i am|i will|going to|i plan to|plan to) (having|have|taking|take|swallowing|swallow|necking|neck|doing|do) (all of it|all of them|the lot|all of that|every last one)",
		"(my plan is|the plan is|plan is) (the|my|to take|to use|to do|to) ~3 ({pillword}|rope|belt|gun|car|bridge|train|knife|tablets|pills|it)",
		"(i am|i have) (not|never) (walking|driving|swimming|coming|getting|going) (back|home)",
		"(with|and) nothing to bring me back",
		"(date is set|the date is set|set the date|picked the date|picked a date|i know when|everything is arranged|all arranged|tying up loose ends|tied up loose ends|loose ends tied up|and that is decided|it is decided)",
		"(tonight|today|this weekend|tomorrow) (is|feels like) the (night|day)",
		"(the|my) ({pillword}|rope|belt|gun|hose|razor|blades|tablets|pills) (are|is) (sorted|ready|collected|collected already|laid out|drawn up|in an envelope|in the drawer|in my locker|in my work locker|counted)",
		"(everything i need|all i need|what i need) (is|are) (in|at|under|ready)",
		"(i have|i) (decided|made up my mind) ~2 (i am doing it|to do it|to finish|to end it|doing it)",
		"(i decided|decided) to (finish|end it|end things|go) (after|on|before|this|next)",
	}},
	{id: "r8-taken-signs", flags: fPlan | fSign | fHarm, pats: []string{
		"{odverb} ~2 {allof} ~3 ({pillword}|{ket}|blister pack|pack|packet|box|bottle|the ket|k|ket)",
	}},
	// Round 10: a supply of any medicine of the vocabulary hoarded or
	// counted out, with enough, tonight or all at once ("counted out all
	// my diazepam, it's enough now"): a crisis, which wins over the
	// medical question the medicine's name raises.
	{id: "r10-hoard", flags: fHarm, pats: []string{
		"(saving|saved|saving up|saved up|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|collecting|collected|counting|counted|counted out|lining up|lined up|putting aside|put aside|setting aside|set aside) ~2 [all|all of|every|every one of] [my|the|his|her] ~2 ({med9}|{pillword}) ~8 " + enEnough10,
		"({med9}|{pillword}) ~2 (saved up|stashed|stockpiled|hoarded|counted|counted out|lined up|put aside|set aside) ~8 " + enEnough10,
		"(put|putting|set|setting|keep|keeping) (one|a|two|#|some|the) ~2 ({med9}|{pillword}) aside ~8 " + enEnough10,
	}},
}

// enEnough10 is a hoarded supply said to be complete, or to be taken at
// once: "it's enough now" at a clause end, "taking them all tonight"
// (never "enough for the trip", "enough now until my next refill", "saving
// my vitamins for tonight", "she takes them all at once with breakfast").
const enEnough10 = `((it is|that is|they are|there are|that should be|it should be) [finally] enough [now] $|enough now $|finally enough $|nearly enough $|almost enough $|enough to (die|end it|not wake up|do it|be done|never wake up|finish it|sleep for good|sleep forever)|(take|taking|swallow|swallowing|down|going to take) (them|it|all|all of them|everything|the lot|all of it|them all) ~2 (tonight|at once|in one go|all together))`

// English medical-question rules. A match counts only in a sentence that is
// a question or asks for advice (see hCue), or just before one.
var medicalEN = []ruleDef{
	{id: "dose", pats: []string{
		"(dose|doses|dosage|dosages|dosing|mg|milligrams|milligram|mcg|micrograms|microgram|ml|milliliters|millilitres|microdose|microdosing|mg kg|mgkg)",
		"how (much|many) ~2 ({drugname}|{medword})",
		"(too much|too many|too little|enough|more|less|extra|higher|lower|double|triple|half|bigger|smaller|stronger|weaker|another) ~2 ({drugname}|{medword}|dose|dosage)",
		"(double|triple|halve|increase|decrease|raise|lower|reduce|up|adjust|split|change) ~2 (dose|dosage|doses|{drugname}|{medword})",
		"# ~1 ({medword}|mg|ml|doses|mcg|drops)", "#10 {drugname}",
	}},
	{id: "medication-change", pats: []string{
		"(stop|stopping|stopped|quit|quitting|skip|skipping|skipped|pause|pausing|paused|come off|coming off|came off|go off|going off|went off|get off|taper|tapering|wean|weaning|switch|switching|change|changing|changed|swap|swapping|reduce|reducing|cut down|cut back|hold|holding|miss|missed|missing|forget|forgot|forgotten|discontinue|discontinuing|keep taking|continue taking|continue|continuing|resume|restart|stay on|staying on|withdraw|withdrawing) ~4 ({drugname}|{medword}|dose|doses|dosage)",
		"({drugname}|{medword}) ~4 (stop|stopped|skip|skipped|pause|hold|continue|change|changed|switch|switched|taper|reduce|reduced|increased|decreased|adjusted|missed)",
	}},
	{id: "interaction", pats: []string{
		"{consume} ~3 ({drugname}|{medword}|{subst})", "(do|doing|did) ~2 {subst}",
		"({drugname}|{subst}) ~3 (before|after|during|with|while|between|on|the day|the night|the morning|around) ~3 ({session}|{drugname}|{subst}|{medword})",
		"({drugname}|{subst}) (and|with|plus|or) ~1 ({drugname}|{subst}|{medword})",
		"(mix|mixing|mixed|combine|combining|combined|interact|interacts|interaction|interactions|interfere|interferes|contraindicated|contraindication|together) ~6 ({drugname}|{medword}|{subst})",
		"({drugname}|{medword}|{subst}) ~6 (mix|mixing|mixed|combine|combining|combined|interact|interacts|interaction|interactions|interfere|interferes|contraindicated|together)",
		"(drink|drinking|drank) (before|after|during|on|with|while on|the night before|the day before|the day after|between) ~3 {session}",
		"{drugname} ~4 (safe|ok|okay|fine|allowed|dangerous|risky|a problem|affect|affects)",
		// Round 5: a named medicine beside ketamine, a session or another
		// medicine, in a question ("does lamictal blunt the ketamine effect?").
		"{drugname} ~8 ({ket}|session|sessions|infusion|infusions|treatment|treatments|{drugname})",
		"(safe|ok|okay|fine|allowed|dangerous|risky) ~3 {drugname}",
	}},
	{id: "side-effect", pats: []string{
		"(side effect|side effects|sideeffect|sideeffects|adverse|aftereffects|after effects|long term effects|long term damage|addictive|habit forming|withdrawal symptoms)",
		"(risk|risks|addicted|addiction|dependence|dependent|tolerance|withdrawal|overdose|overdosing|toxic|toxicity|damage|brain damage) ~6 ({drugname}|{medword}|{treatment})",
		"({drugname}|{medword}|{treatment}) ~6 (risk|risks|addicted|addiction|dependence|dependent|tolerance|withdrawal|overdose|toxic|damage)",
		"({drugname}|{medword}|{treatment}|this) ~3 (make|makes|cause|causes|caused|give|gives|affect|affects|damage|harm|trigger|triggers|worsen|interfere with|raise|raises|increase|increases|lower|lowers|decrease|decreases|change|changes) ~3 ({symptom}|memory|bladder|liver|kidneys|heart|brain|sleep|mood|psychosis|mania|worse|high)",
		"(make|makes|made) me ~2 {symptom}",
		"(will|would|could|might|can|do|does) (i|it|this|ketamine|the treatment|the infusion|the session|you|people) ~2 (feel|be|get|become|cause) ~2 {symptom}",
	}},
	{id: "symptom", pats: []string{
		"{symptom} ~8 {symcue}",
		"(worried|worry|concerned|should i|is it normal|normal to|what if|do i need) ~8 {symptom}",
		"is (it|that|this) normal [to|that|if] ~4 (feel|feeling|be|have|get|experience|see|hear|cry|sleep|not sleep|not feel)",
		"why (do|does|did|am|is|was|are) ~4 (feel|feels|felt|hurt|hurts|ache|aches|{symptom})",
		"(stay|stays|stayed|remain|remains) in (my|your|the) (system|body|blood)",
	}},
	// A symptom reported in one sentence and asked about in the next: "my
	// hands are still shaking. is that dangerous?"
	{id: "symptom", flags: fNextCue, pats: []string{"{symptom}"}},
	{id: "condition", pats: []string{
		"{condition} ~8 {condcue}", "{condcue} ~8 {condition}",
		"(can|could|would|will) (you|the doctor|the clinic|someone) (prescribe|recommend) ~3 ({drugname}|{medword}|something|anything)",
		"(do i have|could i have|is this|am i having|might i have) (depression|ptsd|adhd|bipolar|anxiety disorder|a panic attack|psychosis|an allergy|an allergic reaction)",
	}},
	// A stated intent to change a medicine counts without a question: "i'm
	// going to stop my lithium", "i skipped my dose".
	{id: "intent-change", flags: fStatement, pats: []string{
		"(not going to|will not|no longer going to|am not going to) (take|use) ~2 ({drugname}|{medword}) (anymore|any more|again|from now on)",
		"(going to|planning to|plan to|decided to|want to|thinking of|thinking about|about to|will|just|i) ~1 (stop|stopping|skip|skipping|quit|quitting|double|doubling|halve|halving|cut|cutting|change|changing|switch|switching|reduce|reducing|lower|lowering|increase|increasing|up|upping|come off|coming off|go off|going off|taper|tapering|wean|weaning|drop|dropping|stop taking|stopping taking|double up on|ditch|ditching) ~3 ({drugname}|{medword}|dose|doses|dosage|{ket})",
		"i (stopped|quit|skipped|doubled|halved|came off|went off|dropped|ditched|stopped taking|have stopped|have skipped|have doubled) ~3 ({drugname}|{medword}|dose|doses|dosage|{ket})",
		"(going to|will|plan to|planning to) (take|use|have) (#|double|extra|more|less|two|three|half) ~2 ({drugname}|{medword}|dose|doses|{ket})",
		// Round 5: not taking, a break, another dose or time, someone else's
		// medicine, a swap.
		"(will not|not going to|am not going to|do not want to) (take|use|have) ~2 ({drugname}|{medword}|{ket}) (tonight|today|tomorrow|this weekend|this week|on the day|before|so|until)",
		"(take|taking|have|use|using) ~4 ({drugname}|{medword}|{ket}|dose) ~6 instead of",
		"(take|taking) a break from ~2 ({drugname}|{medword})",
		"(thinking of|thinking about|planning on|planning to|going to|want to|will|might) ~2 (swap|swapping|go back on|going back on|start taking|take|taking) ~4 (mums|moms|dads|partners|friends|sisters|brothers|someones|old dose|a half dose|half a dose|half dose|half my|double|twice|every day|every other day|only every)",
		"(switching|switch|swap|swapping|going|go) [myself] from # ~1 to # ~2 [of] [my] ~1 ({drugname}|{medword}|{ket}|mg)",
		"(want|want to|going to|will) take # ~3 (because|since|as) ~3 (not working|is not working|does not work)",
	}},
	// Round 5: a vital sign or lab value reported out of the ordinary is a
	// question for the care team even unasked ("my bp was 160/100 right
	// before the session"); a settled one is not ("all normal", hTold).
	{id: "vitals-report", flags: fStatement, pats: []string{
		"{vital} ~4 # ~6 (after|since|all day|right before|before the|higher|high|too high|low|too low|than usual|still|and i feel|and feel)",
	}},
	{id: "vitals", pats: []string{
		"{vital} ~5 #", "# ~3 {vital}",
		"(normal|high|low|good|bad|safe|dangerous) {vital}",
		"{vital} ~4 (normal|high|low|too high|too low|a problem|ok|okay|bad|matter|dangerous|worry)",
	}},
	{id: "opinion", pats: []string{
		"which (strength|strengths|dose|dosage|concentration|formulation|form|version|product|size|one) ~4 ({medword}|{drugname}|{ket}|should i|do i|to take|for me)",
		"({drugname}|{medword}|dose|dosage|mg|#) ~8 (do you (think|agree|recommend|reckon)|what do you (think|reckon|say|recommend)|does that (sound|seem)|is that (right|correct|too much|too high|too low|ok|okay|enough)|which is (right|better|correct))",
		"(what about|how about|and|also|plus) {drugname}",
		"my {drugname} ~3 (as usual|still|too|as well|normally)",
	}},
	{id: "extra-dose", flags: fStatement, pats: []string{
		"(take|taking|took|have|having|use|using) (an extra|extra|another|a second|one more|a double|double|an additional|two) ~2 ({drugname}|{medword}|dose|doses|pill|pills|tablet|tablets|{ket})",
	}},
	// Fitted batch 10: how long it works.
	{id: "duration", pats: []string{
		"how long (does|do|will|would) ~3 ({drugname}|{medword}|the effect|the effects|{ket}) ~2 (last|keep working|work|stay|wear off)",
	}},
	// Fitted batch 11: taking a part of a dose.
	{id: "partial-dose", flags: fStatement, pats: []string{
		"taking (half|double|a quarter of|twice) (my|the|of my) ~1 ({drugname}|{medword}|dose|pills)",
	}},
	// Fitted batch 12: alcohol beside a medicine.
	{id: "alcohol-with", pats: []string{
		"({subst}|drinking|drink) ~8 (on|taking|with) {drugname}",
	}},
	// Round 3, fitted batch 13 on: a statement of taking more, less or none.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(do not think|doubt|not sure) i (will|am going to|want to) (take|use|keep taking|continue|continue taking) ~2 ({drugname}|{medword}) (anymore|any more|again|from now on)",
		"(been|have been|keep|kept|started|start|i am|i) ~1 (doubling|doubling up|doubled up|tripling|halving|skipping|stopping|cutting down|cutting back|taking extra|taking more|taking less|taking double|not taking|splitting|upping|lowering) ~2 [on|up on|of] [my|the|his|her] ~1 ({drugname}|{medword}|dose|doses|dosage|{ket})",
	}},
	// Fitted batch 16.
	{id: "compose-opinion", pats: []string{
		"which ~3 (better|stronger|best|safer|right|weaker) ~4 ({pillword}|{ket}|dose|strength)",
		"(what|how high|how low) (should|is|would) my {vital} (be|stay|get)",
		"(was|welche|welches|welcher) (ist|sind) ~2 (besser|staerker|sicherer|geeigneter|schwaecher) ~4 ({pillword}|{ket}|dosis|staerke)",
		"{vital} ~4 (erhoeht|erniedrigt|zu hoch|zu niedrig|hoch|niedrig|schlecht|auffaellig)",
	}},
	// Fitted batch 17.
	{id: "compose-opinion", pats: []string{
		"what (strength|dose|dosage) ~3 ({pillword}|{ket}|should i|do i)",
		"(vertraegt|vertragen|vertraeglich) ~4 ({drugname}|{medword}|{subst})",
	}},
	// Fitted batch 19.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(only|just) (take|taking) half (my|the|of my) ~1 {pillword}",
		"(coming|come|going|go|getting|get) off (the|my) ~1 {drugname}",
	}},
	// Fitted batch 20.
	{id: "compose-intent", flags: fStatement, pats: []string{
		"(switch|switching|change|changing|drop|dropping|move|moving|go down|going down|go up|going up|cut|cutting) (to|down to|up to) [the|a] # mg",
	}},
	// Fitted batch 21.
	{id: "compose-question", pats: []string{
		"({ket}|{drugname}) (bad|harmful|dangerous|damaging) for (the|my|your) ~1 ({body}|bladder|kidneys|liver|heart|brain|teeth|memory)",
		"how many (sessions|infusions|treatments|doses) ~4 (work|to work|before it works|until it works|see results|feel better)",
	}},
	// Round 5 (fitted batches 23 to 34): a medicine, a dose or a value ×
	// a question form; the question form is part of the pattern where a
	// patient leaves out the question mark ("i'm breastfeeding, is
	// spravato ok"), so those count as statements.
	{id: "r5-question", flags: fStatement, pats: []string{
		"(is|are|would|will|could|does|do) [my|the|taking|mixing] ({drugname}|" + enDrug5 + "|{ket}|{medword}) ~3 (ok|okay|fine|safe|alright|a problem|an issue|a risk|dangerous|compatible|contraindicated|interact|interfere|matter|rule me out|affect|change|dull|blunt|dampen|weaken|block|reduce|cancel|stop) ~4 ({drugname}|" + enDrug5 + "|{ket}|{session}|treatment|with|together|for me|to take|on|before|after|during|the day|the morning|the night|$)",
		"({drugname}|" + enDrug5 + "|{medword}|{condition}|{vital}|on|take|taking) ~8 (any|anything) ~2 (issue|issues|problem|problems|concern|concerns|risk|risks|interaction|interactions|danger|dangers|reason|to know|i should know|i should change|i need to know|to worry about)",
		"(issue|issues|problem|problems|concern|concerns|risk|risks|interaction|interactions|danger|dangers) (with|doing|for|about|taking|on|if) ~3 ({drugname}|" + enDrug5 + "|{ket}|{treatment}|{medword}|{subst}|iv|infusions|sessions|the needles)",
		"(rule|rules|ruled|rule out) me out",
		"(does|do|would|will|could|can) ~3 ({drugname}|" + enDrug5 + "|{medword}|it|that) ~2 (blunt|dampen|weaken|block|cancel|reduce|interfere with|stop|make) ~3 ({ket}|the ketamine|ketamine|the effect|the effects|it work|the treatment|the infusion|the sessions|less effective|hit harder|stronger|weaker)",
		"({drugname}|" + enDrug5 + "|{medword}) ~3 (and|with|plus) ~2 ({ket}|ketamine|esketamine|spravato|the troches|the infusion|the sessions) ~3 (any|ok|okay|fine|safe|concern|concerns|together|right|$)",
		"(chew|chewed|chewing|swallow|swallowed|swallowing|crush|crushed|crushing|split|splitting|suck|sucked|dissolve|dissolving|spit|spat) ~3 (the|my|a|it|them) ~1 ({ket}|{medword}) ~6 (instead|by mistake|accidentally|still work|is that|ok|okay|fine|should|what|will|can|does)",
		"(can|could|should|do|may) (i|we) ~2 (chew|swallow|crush|split|cut|break|share|halve|take|use) ~3 (the|my|a|his|her) ~1 ({ket}|{medword}|{drugname}|" + enDrug5 + ")",
		"(do i need to|should i|do i have to|need to) (fast|pump and dump|pump|stop breastfeeding) ~3 (before|after|during) ~3 ({session}|iv|infusion|infusions|spray|troche|lozenge)",
		"how (long|many hours) ~3 (fast|fasting|pump and dump|pump|stop breastfeeding)",
		"(pregnant|pregnancy|weeks pregnant|trimester|breastfeeding|trying to conceive|ttc) ~8 (stop|pause|continue|ok|okay|safe|ketamine|spravato|esketamine|troches|sessions|treatment|infusion)",
		"(pregnancy test|pregnancy tests) ~4 (before|each|every|first)",
		"(can|could|should|do) i ~3 (drink|have a drink|have a beer|have a glass|have alcohol|have wine|have a pint|smoke|vape) ~4 (after|before|the day after|the night before|the day of|on the day) ~3 ({session}|$)",
		"({subst}|drink|drinking|drinks|pint|pints|beer|beers|weed|wine) ~4 (ok|okay|fine|alright|safe) ~4 (after|before|the day after|the night before|with|on)",
		"(pint|pints|drink|drinks|pub|beer|beers|wine) ~8 ({ket}|{drugname}|" + enDrug5 + "|{session}) ~4 (fine|ok|okay|safe)",
		"({ket}|{drugname}|" + enDrug5 + ") ~8 (the pub|a pint|pints|a few beers|beers|drinks) ~6 (fine|ok|okay|safe|is one)",
		"({drugname}|" + enDrug5 + "|{medword}) (before) or after",
		"(before) or after ~3 ({session}|{ket}|{drugname}|" + enDrug5 + ")",
		"(max|maximum|limit|most) [number of|amount of] ~2 ({ket}|{session}|sessions|infusions|troches|doses) ~3 (per|a|each|in a) (year|month|week|day)",
		"(same|different) (strength|dose|concentration) as ~3 ({ket}|{medword}|clinic|the ones|the other)",
		"(higher|lower|different|bigger|smaller) dose ~4 (for me|because|given|since)",
		"(should|would|could) (the|my) (dose|dosage|dosing) ~3 (be|change|different|adjusted|lower|higher)",
		"(do|should|would|will) (i|they|you|the doctor) ~2 (need to|have to|check|know|hold|stop|skip|pause|continue|keep|take) ~4 ({drugname}|" + enDrug5 + "|{medword}|my meds|blood|bloods|levels|{vital}|a wash out|washout|wash out)",
		"(wash out|washout|wash out period)",
		"({vital}|qt|long qt|prolonged qt|ecg|ekg|ana|eye pressure|clot|fainting|vasovagal|low bp|high bp) ~2 (a problem|an issue|matter|rule me out|a risk|affect|change anything) (for|with|when|if|$)",
		"({vital}|qt|long qt|prolonged qt|ecg|ekg|eye pressure|ana|clot|aic|hb) ~8 (do they need|do i need|should i|can i still|is it [still](ok|okay|safe)|could that|would that|will that|does that|anything to know|need to know|still do|still come|still have)",
		"(should|can|could|do) i ~2 [still](come|come in|have|do|start|keep|go ahead with) ~3 ({session}|spray|infusion|iv|troche|lozenge|ketamine|treatment|appointment) ~6 ({vital}|temp|temperature|fever|cold|flu|infection|uti|pregnant|antibiotic|antibiotics|{drugname}|" + enDrug5 + ")",
		"({vital}|temp|temperature|fever|cold|flu|infection|uti|congested|{drugname}|" + enDrug5 + ") ~8 (should|can|could|will|do) (i|they|you) ~2 [still](come|come in|have|do|start|keep|go ahead|work|do the)",
		"(will|would|does|do|can) (the|my) (nasal spray|spray|troche|troches|lozenge|infusion|ketamine|treatment) [still](work|absorb|be absorbed|be effective)",
		"(can|could|should) (we|i) share (a|the|my|his|her) ~1 ({ket}|{medword})",
		"(can|could|should|do) (i|we) (start|begin|add|restart|go back on) ~2 ({drugname}|" + enDrug5 + "|{medword}) ~6 (middle|during|while|before|after|until|till|or wait)",
		"({drugname}|" + enDrug5 + "|{medword}|dose|mg|#) ~6 (thoughts|thoughts|your thoughts|is that (right|ok|okay|normal|a lot|a big jump|too much|high|safe)|is that how it usually|does that sound|sounds like a lot|seems high|seems like a lot|a big jump|is not that a lot|a lot compared)",
		"(seems|sounds|seem|is it|is that) (high|a lot|too much|too high|like a lot|low|too low) ~3 (for|compared|given|to me)",
		"(you|clinic) [be] (ok|okay|fine|happy) with (that|this|it)",
		"(can|could) the (clinic|doctor|doc|nurse|prescriber) (okay|ok|approve|sign off|agree)",
		"(should|do) i ~2 (worry|be worried|be concerned) ~6 ({drugname}|" + enDrug5 + "|{ket}|{vital}|dose|dampen|interact)",
		"(can|could) ({ket}|{drugname}|" + enDrug5 + "|{treatment}|ketamine|it) [still](work|help) (for|with|if|on) (me|someone)",
		"(reddit|leaflet|online|google|googled|tiktok|forum) ~8 ({drugname}|" + enDrug5 + "|{ket}|dose|mg|nmda|helps) ~8 (should i|do i|is it|can i|true)",
	}},
	// Stated intent to change how a medicine is taken, in the forms
	// patients use.
	{id: "r5-intent", flags: fStatement, pats: []string{
		"({pillword}|{ket}|doses|mg) ~6 instead of ~4 ({pillword}|{ket}|dose|mg|#|one|every|the|three|twice|once|a single)",
		"(break|holiday|rest|pause|time off) from (my|the|all my) ~1 ({drugname}|" + enDrug5 + "|{medword}|antidepressants|meds)",
		"not (take|taking|use|using) (my|the|any) ~1 ({drugname}|" + enDrug5 + "|{medword}|{ket}) (tonight|today|tomorrow|this weekend|this week|so|before|on|until|till|anymore|any more|for|from)",
		"(thinking of|thinking about|planning on|planning to|going to|might|want to|will) (not taking|stop taking|stopping|quitting|skipping|halving|doubling|tapering|dropping) (my|the|his|her) ~2 ({drugname}|" + enDrug5 + "|{medword}|{ket}|dose|beta blocker)",
		"(halving|doubling|tapering|stopping|skipping|quitting|dropping|ditching|upping|lowering|cutting|reducing|increasing) (my|the) ~2 ({drugname}|" + enDrug5 + "|{medword}|dose|{ket}|beta blocker) ~4 (from|tomorrow|tonight|today|this|next|on|fyi|now|since|so|because|$)",
		"(ran out of|run out of|running out of) (my|the) ~1 ({drugname}|" + enDrug5 + "|{medword}) ~8 (stay off|not going to|going to stay|will not|just going to|leave it|not bother)",
		"(stay|staying|stay off) off (it|them|my meds|the meds) ~3 (now|for good|from now)",
		"(start|starting|going to start|begin|begin taking) (taking|using|on) ~3 ({drugname}|" + enDrug5 + "|{medword}) ~6 (before|for|to|on|every|instead)",
		"(go|going|get|getting|went) back on ~3 ({drugname}|" + enDrug5 + "|{medword}|dose|my old dose)",
		"(go|going|went|move|moving|jump|jumping) from # ~2 to # ~4 ({pillword}|{ket}|mg|of)",
		"({drugname}|" + enDrug5 + "|{medword}|{ket}) (only every|every other day|at night instead|in the morning instead)",
		"(taking|take|took|been taking) (more|extra) of my ~1 ({ket}|{medword}|{drugname}|" + enDrug5 + ") (every|each|to|because|so)",
		"taking # ({ket}|{medword}|{pillword}) instead of",
		"i do not want to take (the|my) ~1 ({drugname}|" + enDrug5 + "|{medword}) (anymore|any more)",
		"(share|sharing|borrow|borrowing|use|using|take|taking) (my|his|her) (mums|moms|dads|partners|husbands|wifes|friends|sisters|brothers|sons|daughters|mum|mom|dad|friend|sister|brother|son|daughter) ~1 ({drugname}|" + enDrug5 + "|{medword}|{ket})",
	}},
	// A vital sign or a lab value reported out of range counts without a
	// question: the clinic should see it.
	{id: "r5-vitals", flags: fStatement | fRecent, pats: []string{
		"(bp|blood pressure|pressure|bp cuff|cuff|monitor) ~4 #150 [over] #90 ~8 (after|before|this morning|today|since|right before|higher|still|foggy|session|troche|lozenge|spray|infusion|dizzy|headache)",
		"(bp|blood pressure|pressure|bp cuff|cuff) ~4 #150 [over] #90",
		"(heart rate|pulse|hr) ~3 (sitting at|at|is|was|of|stays|stayed|hit|around) #110 ~8 (all day|after|since|still|sitting|resting|couch|hours|session|troche|lozenge|spray)",
		"(blood sugar|glucose|sugar) ~3 (was|is|of|at|reads|dropped to) # ~6 (after|before|skipping|fasting|infusion|session|should|is)",
		"(pulse|heart rate) # ~6 (sitting|couch|resting|lying|after|hrs|hours)",
		"(heart|pulse) (races|racing|goes|went|jumps|jumped) [up]to #120 ~6 (after|during|each|every)",
		"(palpitations|flutter|fluttering|skipped beats|skipping beats) ~8 (since|after|on and off|evenings|session|troche|lozenge|infusion)",
	}},
	// Round 5: the medicine names of enDrug5 in a question, as {drugname}
	// is in the rules above.
	{id: "r5-names", pats: []string{
		"(" + enDrug5 + ") ~8 ({ket}|{session}|{drugname}|{subst}|{medword}|safe|ok|okay|fine|a problem|risk|issue|affect|interact|interfere|stop|skip|hold|continue|pause|take it|dose)",
		"(stop|stopping|skip|skipping|hold|pause|taking|take|on|continue) (my|the|his|her) ~1 (" + enDrug5 + ")",
		"({ket}|{drugname}) ~6 (" + enDrug5 + ")",
	}},
	// Round 5, asked with a question word elsewhere in the sentence
	// ("does that rule me out", "is it still okay to do the iv"): these
	// count only in a question, so a past marker does not clear them.
	{id: "r5-asked", pats: []string{
		"(rule|rules) me out",
		"(interfere|interact|react|dull|blunt|dampen|cap|raise|affect|change|weaken) ~3 ({ket}|the ketamine|ketamine|the infusions|infusions|the sessions|sessions|the treatment|treatment|my heart rate|the dosing|the ketamine dosing|dosing|the spray|the troches)",
		"(still ok|still okay|still fine|still safe|ok|okay|fine|safe) to (do|start|continue|get|keep) ~3 ({session}|iv|infusion|infusions|spray|troche|troches|treatment)",
		"(still ok|still okay|still fine|still safe|safe) to continue $",
		"still (ok|okay|fine|safe) to come in",
		"(as normal|as usual) (on|before|the day of|the night of) ~2 ({session}|infusion day|session day|treatment day|the troche|the spray)",
		"(stay|stays) in (breast milk|breastmilk|my milk|the milk)",
		"should i (lower|reduce|increase|decrease|up|halve|double|stop|change) (it|the dose|my dose|them|the amount)",
	}},
	{id: "r5-intent", flags: fStatement, pats: []string{
		"({ket}|{drugname}|those|they|them|it) (are|is) ~1 (fine|ok|okay|safe) together",
		"(swap|swapping|switch|switching) my ~1 ({drugname}|" + enDrug5 + ") (for|to|with)",
		"(stop|stopping|quit|quitting|come off|coming off) ~2 (cold|cold turkey)",
		"not (refilling|renewing|picking up) (my|the) ~1 ({drugname}|" + enDrug5 + "|{medword})",
	}},
	// Round 9 (ids r9-*, soft): the slots above with every medicine of
	// medicines.txt (" + enMed9 + ": names, classes and INN stems), so that a
	// medicine no batch has named is asked about, changed or held like
	// the ones that were: beside the treatment or another medicine, with a
	// verb of taking or changing, with a question carried by its form
	// ("metformin the morning of, yes or no"), and stated changes.
	{id: "r9-asks", pats: []string{
		enMed9 + " ~8 (" + enSession9 + "|treatment|{subst}|a problem|an issue|risk|risky|dangerous|affect|affects|interact|interacts|interfere|interferes|mix|mixing|combine|together|stop|skip|hold|continue|pause|take it|take them|dose|dosage|as usual|as normal|like normal|like usual|like always|same as always)",
		"(" + enSession9 + "|the treatment|this treatment) ~8 " + enMed9,
		"(can|could|should|may|do|must|need to|have to|would|will|is it ok to|is it okay to|is it safe to|ok to|okay to|safe to) (i|we|he|she|they|you|people) ~3 (" + enTake9 + ") ~4 " + enMed9,
		"(" + enTake9 + ") (my|the|his|her|their|a|an|some|any) ~2 " + enMed9 + " ~8 (or|before|after|during|on|the day|the morning|the night|while|with|until|till|first|then|instead)",
		"(is|are|does|do|would|will|could|can|should|might|may) ~3 " + enMed9 + " ~4 (ok|okay|fine|safe|alright|a problem|an issue|a risk|dangerous|compatible|contraindicated|interact|interfere|matter|affect|change|dull|blunt|dampen|weaken|block|reduce|cancel|stop|mess|work|help|cause|make|react|raise|lower|count)",
		enMed9 + " ~4 (any|anything) ~2 (issue|issues|problem|problems|concern|concerns|risk|risks|interaction|interactions|to know|to worry about)",
	}},
	{id: "r9-asks", pats: []string{
		// A medicine named, then taken up again in the question ("hydroxyzine
		// 25 for anxiety, can i take one before i go in").
		enMed9 + " ~8 (can|could|should|may|do|must) (i|we) ~2 (take|have|use|skip|stop|keep|keep taking|continue|pause|hold|double|halve|split|crush|chew|bring|up|lower|raise|increase|reduce) (one|it|them|some|a dose|my dose|that|those|these|half|two|extra|another|more|less)",
	}},
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		enMed9 + " ~8 (yes or no|ok or no|okay or no|ok or not|okay or not|safe or not|or not|or skip it|or skip|or wait|or hold it|that is ok right|that is okay right|ok right|okay right|fine right|safe right|good idea|thoughts)",
		enMed9 + " ~3 (and|with|plus|on top of) ~2 ({ket}|ketamine|the session|the sessions|the infusion|the infusions|the treatment|the troches) ~3 (fine|ok|okay|safe|alright|good|compatible|together|any issues|a problem|$)",
		enMed9 + " ~8 $ (ok|okay|fine|safe|alright) (this week|today|tonight|tomorrow|before|after|on the day|then|still|$)",
	}},
	{id: "r9-intent", flags: fStatement, pats: []string{
		"(going to|will|am|i am|planning to|plan to|decided to) not (take|use|have|bother with|refill|restart) ~3 (" + enMed9 + "|{medword}|dose|doses)",
		"not (taking|going to take|restarting|refilling) (my|the) ~2 (" + enMed9 + "|{medword}) ~4 (on session day|on treatment day|on the day|on infusion day|tonight|tomorrow|before|the night before|the morning of|this week|this month|again|anymore|any more|until|till)",
		"(take|taking|have|having|use|using) (an extra|extra|another|a second|one more|a double|double) [one] [of] [my|the] ~2 (" + enMed9 + "|{medword})",
		"(stretch|stretching|ration|rationing) (my|the) ~1 (prescription|script|meds|pills|tablets|supply|" + enMed9 + ")",
		"(taking|take) (it|them|my meds|my pills|my tablets) (every other day|every second day|every few days|only on weekdays|only at weekends|only on weekends)",
		"(swap|swapping|switch|switching|trade|trading) (my|the) ~3 (" + enMed9 + "|{medword}|med) (for|to|with) ~4 (one|ones|pills|meds|tablets|" + enMed9 + ")",
	}},
	{id: "r9-asks", pats: []string{
		"(stop|skip|quit|double|halve|cut|reduce|lower|increase|up|bump|taper|drop|pause|hold|split|switch|swap) (my|the|his|her) ~2 " + enMed9,
		"(forgetting|keep forgetting|kept forgetting|forgot|missing|missed|skipped|skipping) ~4 (" + enMed9 + "|{medword}|dose|doses)",
		"(and|also|plus|what about|how about|same question for|same for|and with) [with|for] [my|the|his|her] ~1 (" + enMed9 + "|{medword}|inhaler|inhalers) $",
		"(is|was|are) #70 [over] #40 ~2 (bad|high|low|ok|okay|normal|dangerous|too high|too low|a problem|safe|fine|worrying)",
		"(cuff|monitor|reading|readings|bp|blood pressure|pulse|heart rate|blood sugar|sugar level|sugar levels|glucose|oxygen|sats) ~4 # [over] [#] ~8 (should i|worry|worried|ok|okay|normal|too high|high|bad|dangerous|safe)",
		"(is there|are there) (anything|something) (i can|i could|i should|to) (take|use|have)",
		"(can|could|should) i (take|have|use) (something|anything) (for|to)",
		"(what|anything) (helps|help|works|would help|will help) (with|for) ~3 ({symptom}|that|this|it|sleep|the pain|the headache)",
		"(could|can|might|would) (it|this|that) be (the|my) ~2 (" + enMed9 + "|{medword}|med|ketamine|{ket}|treatment|sessions|infusion|infusions)",
		"(start|starting|begin) with [the] # [mg|mcg|ml|milligrams] or [the] # (mg|mcg|ml|milligrams|strength|dose|troche|troches|spray|sprays|puffs|pills|tablets|tabs|lozenges)",
		enMed9 + " ~6 (start|starting|begin) with [the] # or [the] #",
	}},
	// A question that takes up a medicine named just before ("my doctor
	// gave me ozempic. does that matter for the fasting?").
	{id: "r9-asks-after", flags: fPrevMed, pats: []string{
		"(does|do|would|will|could|can|is|are|might) (that|this|it|they|those|these|them|either|any of that|any of them|either of them) ~3 (matter|affect|a problem|an issue|interfere|interact|change anything|close enough|mess|count|clash|cancel|block|dampen|blunt|react|get in the way|make a difference)",
		"(do i need to|should i|do i have to|must i) ~2 (wait|stop|skip|hold|pause|finish|move|reschedule|delay|postpone|keep taking|continue) ~4 (it|that|them|those|the course|my|the|till|until|before|after)",
		"(is it|is that|would it be|would that be|is this) (safe|ok|okay|fine|alright|a problem|an issue|dangerous) (with|for|to|given)",
	}},
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		enMed9 + " ~3 (before|after) or (no|not|after|before)",
		"(the|a) # or (the|a) # (strength|one|ones|mg|dose|troche|troches)",
	}},
	// Fitted batches 91 to 98: a medicine with a short question after it
	// ("augmentin for a chest infection, safe with ketamine", "nucynta 50
	// as needed, ok same day?"), taking up the dose ("when do i take
	// it"), someone else's medicine.
	{id: "r9-asks", pats: []string{
		enMed9 + " ~8 $ (ok|okay|safe|keep going|continue|carry on|still ok|still okay|same day|to start|to continue|to keep)",
		enMed9 + " ~8 (can|could|should|do) i ~2 [still] (come|come in|have|do|go ahead|start|keep|continue|get|attend)",
		enMed9 + " ~8 (anything|something) (i need to|i should|to) (do|know|change|watch|stop)",
		"(when|what time) (do|should|can|would) (i|we) (take|have|use) (it|them|my|the)",
		"how (much|many|often) (do|should|can|would|could) (i|we|he|she) (take|use|have|inject|spray|give)",
	}},
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		enMed9 + " ~8 (safe|ok|okay|fine|alright|compatible) (with|alongside|before|after|on) ~2 ({ket}|ketamine|session|sessions|infusion|infusions|treatment|spray|troches|iv)",
		enMed9 + " ~8 (ok|okay|fine|safe) (same day|the same day|on the day|the night after|the night before|the day after|the day before)",
		enMed9 + " ~8 (too much|too strong|too many) together",
		"(i|we) (stop|skip|take|continue|hold|pause|keep) or (no|not|continue|keep|stop|skip)",
	}},
	{id: "r9-intent", flags: fStatement, pats: []string{
		"(take|taking|use|using|borrow|borrowing|share|sharing|try|trying) (my|his|her) (wifes|husbands|partners|mums|moms|dads|sisters|brothers|friends|sons|daughters|roommates|flatmates|girlfriends|boyfriends|wife|husband|partner|mum|mom|dad|sister|brother|friend) ~2 (" + enMed9 + "|{medword}|{ket})",
		"(switching|switch|swapping|swap|moving|going) (myself|me) from ~3 (" + enMed9 + "|{medword}) to",
	}},
	// Fitted batch 101 (after its first run).
	{id: "r9-asks-inline", flags: fStatement, pats: []string{
		enMed9 + " ~8 (keep taking it|keep taking them|still take it|still take them|take it or not|or leave it out|or skip it|or keep going|or go slower|too much|any difference|any reason to hold it|ok with ketamine|ok with the ketamine)",
		enMed9 + " ~6 taking (half|double|two|extra|more|less) (tomorrow|tonight|today|from now|this week|on)",
		"(dbl|double) dose of ~2 (" + enMed9 + "|{medword})",
	}},
	{id: "r9-asks-after", flags: fPrevMed, pats: []string{
		"(anything|something) (i should|should i|do i need to|to) (stop|hold|skip|pause|change)",
		"(do|should) i (need to) (hold|stop|skip|pause) (anything|something)",
		"(do|should) i (lower|raise|reduce|increase|halve|double|skip|hold|stop|adjust|change) (it|them|the dose|my dose)",
	}},
	{id: "r9-vitals", flags: fStatement, pats: []string{
		"{vital} ~6 # ~8 ~2 (ok|okay|fine|safe|alright|good enough|high enough|low enough|too high|too low) (for|before|to do|to have|to go ahead|to come|to start)",
	}},
	{id: "r9-intent", flags: fStatement, pats: []string{
		"(going to|planning to|plan to|decided to|deciding to|want to|wanting to|intend to|intending to|mean to|thinking of|thinking about|about to|will|ill|might|may|i|i am|am) ~1 (" + enChange9 + ") ~2 [my|the|his|her|all my|all the|all of my|of my|off my|off the|off] ~2 " + enMed9,
		"(" + enChanging9 + ") (my|the|all my|of my|off my|off the) ~2 " + enMed9 + " ~6 (from|tomorrow|tonight|today|this|next|on|fyi|now|since|so|because|till|until|before|after|myself|for|up|down|in half|again|anymore|any more|for good|$)",
		"(not|never|no longer) (going to|planning to|taking|take|start|starting|refill|refilling|filling) ~3 " + enMed9 + " (anymore|any more|again|from now on|tonight|today|tomorrow|this week|before|on|so|until|till|for)",
		enMed9 + " ~6 (stopped|quit|ditched|dropped|halved|doubled|paused|skipped|tapered|binned) ~3 (myself|on my own|without|yesterday|last|this|since|a week|a few|for)",
		"(stop|stopping|quit|quitting|come off|coming off|done with|finished with) ~2 (all|all of|all my|my) ~1 (" + enMedClass9 + ") ~4 (this|next|from|now|tomorrow|today|for good|myself|because|since|if|when|$)",
	}},
	// Round 10 (ids r10-*, soft; fitted batches 91 to 102): a question told
	// by its form after a medicine named in its sentence or the two before
	// ("my urologist says avodart ..., what do you think", "depo-provera
	// shot next week, any reason to delay it", "rybelsus ..., how do i time
	// it"), with or without a question mark; the bot's view asked of a
	// medicine; how much of one is safe; a taper told as a plan.
	{id: "r10-asks-after", flags: fPrevMed | fStatement, pats: []string{
		"(what do you think|what do you reckon|what would you do|what would you suggest|your thoughts|any thoughts|good idea or (no|not)|is that a good idea|bad idea|is that a bad idea|any issue|any issues|any problem|any problems|any concern|any concerns|any difference|any interaction|any interactions) $",
		"any reason to (delay|hold|stop|skip|move|wait|pause|change|postpone|space) ~2 (it|them|that|this|those|the|my|$)",
		"(is|would) (that|this|it) [be] (a problem|an issue|ok|okay|fine|safe|alright|too close|too soon|too late|too tight) $",
		"(is|would) (that|this|it) [be] (a problem|an issue|ok|okay|fine|safe|alright) (before|after|with|during|on|for|around) ~3 (" + enSession9 + "|ketamine|treatment|the series|the sessions|the treatment)",
		"(fine|ok|okay|safe|alright) right $", "no need to (stop|hold|skip|pause) [it|them] $",
		"how (do|should|would|can) i (time|space|schedule|fit|plan) (it|them|that|this|the doses|my doses|the dose|my dose)",
		"how (far apart|long|much time|many days|many hours|much of a gap|big a gap) ~3 (should|do|must|would) i (leave|wait|space|give|keep|have)",
		"how far (from|apart|away from) ~4 (should|do|must) i (space|leave|take|have|put)",
		"(can|could|should|may) i (take|have|use|do) (it|that|this|them|one|those|these) (post|after|before|during|on|the night|the morning|the day|with|around)",
		"(should|do|must|would) i (switch|stop|change|pause|skip|hold|wait|delay|reschedule|move|space) (before|first|beforehand|it|them|that|those)",
		"should i not (schedule|book|do|take|have|start|come)",
		"(does|do|would|will|could) (that|this|it|they|those) (stack|add up|combine|double up|overlap) with",
		"(will|would|could|might) i (go|get|be|feel|end up) ~2 (hypo|low|sick|dizzy|withdrawal|withdrawals|shaky|sedated)",
		"(do|should) i take (it|them|that) or (not|skip|wait|leave it)",
		"is ~2 (ketamine|ketamine therapy|the treatment|this treatment|treatment|{ket}|the infusion|infusions) (even|still|actually) (possible|an option|ok|okay|safe|allowed)",
		"(anything|something) (i need to|i should|i have to|i must|to) (do|stop|know|change|hold|skip|pause|avoid|watch) ~3 (before|after|ahead|beforehand|for) ~3 (" + enSession9 + "|ketamine|treatment|it|$)",
		"(any difference|a difference|any impact|any effect|any change) (for|with|to|on) ~2 (" + enSession9 + "|ketamine|treatment|the treatment|the sessions)",
		"what do you (think|reckon) ~4 (should|is better|would be better|pick|choose|go with)",
	}},
	{id: "r10-asks-after", flags: fPrevMed, pats: []string{
		"(take|have|use) (it|them|one|that|those) (before|after|during|on the day of|the night before|the morning of) ~2 (" + enSession9 + "|ketamine|treatment|the treatment)",
	}},
	{id: "r10-asks", flags: fStatement, pats: []string{
		"how (much|many) ~2 " + enMed9 + " (is|are|can|should|could|would|do) ~3 (safe|ok|okay|too much|too many|i take|i have|i use)",
		enMed9 + " ~8 $ (fine|alright|all right|no problem) $",
		enMed9 + " ~8 (ok|okay|fine|safe|alright) (during|through|throughout) ~2 (the series|the sessions|the treatment|treatment|the course|ketamine|{ket}|the infusions|infusions)",
	}},
	{id: "r10-intent", flags: fStatement, pats: []string{
		// Round 11: "down to #" only with a unit or a dose form ("cut down
		// to 2 coffees a day" is no medicine; a medicine named before it
		// is the fPrevMed form below).
		"(want to|going to|planning to|plan to|will|might|thinking of|thinking about|about to|decided to) ~2 (taper|cut|go|drop|come|get|step) down to # (mg|milligrams|mcg|micrograms|ml|units|tablet|tablets|pill|pills|capsule|capsules|troche|troches|lozenge|lozenges|spray|sprays|puffs|drops|a half|half)",
		// A dose moved in time or swapped by the patient ("gonna take the
		// troche an hour earlier than the plan says", "i'll take the
		// zopiclone a bit early on session night").
		"(ill|i will|going to|i am going to|i will just|ill just|planning to|plan to) ~2 (take|have|use|do|start|restart|try) ~2 (the|my|a|an|some|one|two|half) ~3 (" + enMed9 + "|{ket}|{medword}) ~6 (early|earlier|later|an hour|half an hour|a bit early|at night from now on|from now on|instead|than the plan|than planned)",
		"(take|taking|have|having|start|starting) [my|the] ~2 (" + enMed9 + "|{ket}|{medword}) (again|back up) ~4 (for|while|during|alongside|with|from)",
		"(take|taking|have) (one|two|a couple|some|#) of (my|his|her) (husbands|wifes|partners|mums|moms|dads|sisters|brothers|friends|roommates|flatmates|girlfriends|boyfriends) (tonight|instead|today|tomorrow|$)",
		"(said|says|prescribed|gave me|wants) ~4 # ~8 (but|i think) ~3 (ill|i will|going to|i am going to) ~2 (start with|take|do|try|stick with|only take|just take) (#|one|half|only)",
		"(just|ill just|i will just) keep taking the ~2 (" + enMed9 + "|{medword}) i have left",
	}},
	{id: "r10-asks-after", flags: fPrevMed | fStatement, pats: []string{
		"(thoughts|true or nah|true or not|true or false|which one|which is better|what is the plan now|what now|what do i do now|what should i do now|fine for my session|ok for my session|okay for my session) $",
		"(the|a) # [mg|mcg] or (the|a) # [mg|mcg] (of|for) ~2 (" + enMed9 + "|{ket}|{medword})",
		"# [mg|mcg] or # [mg|mcg] ~6 (which one|which|which is better|what do you recommend)",
	}},
	// Fitted batch 105 (after its forward check): food, drink and fasting
	// before a session, a vaccine too close to one, someone else's medicine
	// asked about for them ("my wife takes tramadol for her back, should
	// she stop it before her sessions").
	{id: "r10-asks", flags: fStatement, pats: []string{
		"(can|could|may|should) i (eat|drink|have) ~4 (before|beforehand|the night before|the morning of|that morning|instead) ~3 (" + enSession9 + "|treatment|$)",
		"(coffee|caffeine|tea|green tea|decaf|decaf coffee|energy drink|energy drinks|food|a snack|breakfast|a banana|gum|a cigarette|a vape) ~4 (ok|okay|fine|bad idea|alright|allowed) ~3 (before|beforehand|y n|yes or no|please)",
		"(booster|vaccine|vaccination|jab|flu shot|covid shot|shingles shot|injection) ~8 (too close|too soon|too near)",
	}},
	{id: "r10-asks-after", flags: fPrevMed, pats: []string{
		"(should|can|could|may|must|does) (he|she|they) ~2 (stop|skip|take|have|hold|keep|continue|pause|drop|miss) (it|that|them|his|her|their) ~4 (before|on|that|the|this|during|morning|day|$)",
	}},
	// A lab value or a reading with a number, asked about ("ferritin 9
	// ug/l, ... true or nah", "platelets 98, any reason not to go ahead").
	{id: "r10-labs", flags: fStatement, pats: []string{
		"(ferritin|potassium|platelets|platelet count|tsh|alt|ast|egfr|gfr|lipase|sodium|hb|haemoglobin|hemoglobin|iron|vitamin d|inr|aic|hbaic|creatinine|glucose|sats|oxygen|pulse ox|oximeter|temp|temperature|bp|blood pressure|heart rate|pulse) ~2 # ~8 (any reason|is it fine|is it ok|is it okay|is that ok|is that okay|a problem|an issue|true or|ok for|okay for|safe for|fine for|should i|can i still|go ahead|normal at|is that normal|is tremor normal|what does that mean|too low|too high)",
	}},
	{id: "r10-intent", flags: fStatement | fPrevMed, pats: []string{
		"(want to|going to|planning to|plan to|will|might|thinking of|thinking about|about to|decided to) ~2 (taper|cut|go|drop|come|get|step) down to #",
	}},
	// Round 11 (med11, labelling policy of round 11): eating, drinking,
	// fasting, driving, napping, exercise, a dentist or an operation
	// around a session asked as a question is medical ("can i eat before
	// the session", "do i need to fast", "will i be able to drive myself
	// home after"); a plan or a logistics question is not ("my husband
	// drives me home", "can i bring a snack", hCost).
	{id: "r11-around", pats: []string{
		"(can|could|may|should|shall|must) i [still|even|also|actually|just] (eat|drink|drive|nap|exercise|work out|go to the gym|go running|smoke|vape|fast|have breakfast|have lunch|have dinner|have coffee|have a coffee|have a drink|have a beer|have a glass|have alcohol|have caffeine) ~8 (before|after|afterwards|beforehand|straight after|the day of|the morning of|the night before|the day after|the next day|between|in between|on session day|session|sessions|infusion|spray|troche|or not|or should|or nothing|$)",
		"(is it|is that|would it be|will it be) (ok|okay|fine|safe|alright|allowed|a problem|bad) (to|if i) ~2 (eat|drink|drive (home|back|after|afterwards|tomorrow|the next day|the day after|that day|later)|drive myself home|nap|exercise|work out|smoke|vape|fast|have a drink|have alcohol|have coffee|have a coffee|have breakfast|have a beer|have a glass|have that)",
		"(do|will|would) i (need|have) to (fast|stop eating|not eat|skip breakfast|be fasting|avoid food|avoid alcohol|avoid coffee|avoid caffeine)",
		"(must|should) i (fast|be fasting|be without eating|stop eating|avoid food|avoid alcohol|avoid coffee)",
		"how (long|many hours|soon) ~4 (until|before|after|can|should|do|must) ~3 (eat|drink|drive|fast|stop eating|have coffee|have a coffee|exercise|have a drink|have alcohol)",
		"what (should|can|could|do) i (eat|drink|avoid) ~3 (before|after|the night before|the morning of|the day of|beforehand|afterwards)",
		"(am i allowed to|will i be able to|am i able to|am i ok to|am i okay to|am i safe to) ~1 (drive|eat|drink|exercise|work out)",
		"(can|could|may|should|shall|must) i [still] (have|do|go for|go to|get|take|go) ~3 " + enAct11 + " ~8 (" + enWhen11 + ")",
		"(am i allowed|am i ok|am i okay|am i fine|is it ok|is it okay) [to have|to do|to get] " + enAct11 + " ~6 (" + enWhen11 + ")",
		enOk11 + " ~6 " + enAct11 + " ~6 (" + enWhen11 + ")",
		enAct11 + " ~6 (" + enWhen11 + ") ~6 " + enOk11,
		"(" + enWhen11 + ") ~6 " + enAct11 + " ~4 " + enOk11,
		"how (long|soon) ~6 (breastfeed|breastfeeding|feed her|feed him|feed the baby|pump|nurse|operate machinery|work out|exercise)",
		"(dentist|dental|wisdom teeth|surgery|operation|anaesthetic|anesthetic|general anaesthetic|local anaesthetic|vaccine|vaccination|flu shot|covid shot|booster shot) ~8 (same day|between sessions|between the sessions|before the session|after the session|around the session|the day before|the day after|for the session|with the session|matter for|ok for|fine for)",
	}},
}

// Round 11: what one does around a session (enAct11), when (enWhen11)
// and asking whether it is ok (enOk11), for r11-around.
const (
	enAct11  = `(alcohol|wine|beer|a glass|glass of|prosecco|champagne|cocktail|cocktails|drinks|a drink|coffee|caffeine|energy drink|a meal|cheat meal|pizza|a big meal|breakfast|fasting|driving|drive|machinery|operate machinery|exercise|the gym|gym|a run|run|running|a hike|hike|hiking|yoga|yoga class|hot yoga|sauna|swim|swimming|a workout|workout|sport|sex|smoke|smoking|vape|vaping|weed|cannabis|a joint|breastfeed|breastfeeding|pump|a jab|jab|jabs|vaccine|vaccines|vaccination|booster|flu shot|covid jab|dentist|surgery|operation|hair bleached|bleach|tattoo|sunbathing|a nap|nap)`
	enWhen11 = `before|after|afterwards|beforehand|straight after|the day of|the morning of|the night before|the day before|the day after|the morning after|the night after|the next day|the next morning|same day|the same day|same afternoon|the same afternoon|same evening|the same evening|on session day|between sessions|{ket}|session|sessions|infusion|treatment|the spray`
	enOk11   = `(ok|okay|fine|safe|bad|wise|a problem|an issue|dangerous|alright|all right|risky|a good idea|a bad idea|that dangerous|allowed)`
)

// Round 9: the treatment as the English medical slots name it, the verbs
// of taking and of changing a medicine, and the words for one's medicines.
const (
	enSession9  = `{ket}|session|sessions|infusion|infusions|appointment|iv|ivs|dosing|infusion day|session day|treatment day|dosing day|the day of|on the day|morning of|night before|day before|the night of|beforehand|afterwards`
	enTake9     = `take|taking|have|having|use|using|keep taking|keep|continue|continue taking|stop|stopping|skip|skipping|hold|holding|pause|pausing|start|starting|restart|double|halve|increase|decrease|lower|raise|mix|combine|drink on|drink with|be on|stay on|come off|go off|switch|swap|change|adjust|split|crush|chew|still take|still have|still use|get|be given|spray|inject|apply|wear|put on`
	enChange9   = `stop|stopping|skip|skipping|quit|quitting|double|doubling|halve|halving|cut|cutting|reduce|reducing|lower|lowering|increase|increasing|up|upping|bump|bumping|come off|coming off|go off|going off|get off|getting off|taper|tapering|wean|weaning|drop|dropping|ditch|ditching|pause|pausing|hold off on|split|splitting|stop taking|stopping taking|quit taking|skip taking|switch|switching|swap|swapping|cut back on|cut down on|cut down|cut back`
	enChanging9 = `stopping|skipping|quitting|doubling|halving|cutting|reducing|lowering|increasing|upping|bumping|coming off|going off|getting off|tapering|weaning|dropping|ditching|pausing|splitting|stopping taking|switching|swapping|cutting back on|cutting down on|cutting down|cutting back`
	// A medicine by what it is for ("the thyroid tablet", "my anxiety
	// pills") or by name, as one choice.
	enPurposeMed9 = `(thyroid|bp|blood pressure|heart|water|anxiety|sleep|sleeping|nerve pain|adhd|cold and flu|flu|allergy|hay fever|hayfever|pain|bone|cholesterol|diabetes|epilepsy|seizure|migraine|depression|mood|nerve|stomach|acid|reflux|psych|panic) (pill|pills|tablet|tablets|meds|med|medication|medications|capsule|capsules|tabs)`
	enMed9        = `({med9}|` + enPurposeMed9 + `)`
	enMedClass9   = `meds|medication|medications|medicine|medicines|pills|tablets|antidepressants|antidepressant|ssri|ssris|snri|snris|antipsychotics|mood stabilizer|mood stabilizers|benzos|stimulants|sleeping pills|painkillers|blood pressure meds|thyroid meds`
)

// English rules for possible risk: hopelessness, being a burden, feeling trapped,
// farewells, giving things away, passive wishes to be dead, a means or a time
// without a stated intent. The bot asks directly (see doc.go).
var possibleEN = []ruleDef{
	{id: "disappear", pats: []string{
		"(want|wanted|wish|wished|wishing|need|going|could|should|just) to (disappear|vanish|fade away|cease to exist|stop existing|not exist) (forever|for good|permanently|and never come back|from this world|from the world|$)",
		"(wish|wished) i could [just] (disappear|vanish|stop existing|cease to exist|fade away|not exist|fall asleep forever)",
		"(stop|stopped|cease) existing", "(should|could|will|would|might) [just] (disappear|vanish) [forever|for good] $",
		"(want|wish|need|like) to (sleep|go to sleep|fall asleep) (forever|and never wake up|and not wake up)", "(asleep|sleep) forever and (never|not) wake",
		"(go to sleep|fall asleep|sleep) and (never|not) wake up", "(go to sleep|fall asleep|sleep) and stay asleep",
		"(hope|hoping|wish|pray) [that] i [just|simply] (do not|will not|never|would not) wake up",
	}},
	{id: "better-off-without-me", flags: fNoSubject, pats: []string{
		"(better|happier|easier|fine|okay|ok|lighter) [off] without me",
		"better off if i (was|were|am|had|died|disappeared|did not|never|killed) ~2 (gone|dead|not|around|here|alive|exist|existed|born|myself|died|disappeared)",
		"(no one|nobody|noone|no body|no one at all) (would|will|is going to|could) [even|really|actually] (care|notice|miss me|cry|mind)",
		"(no one|nobody|noone) ~3 (notice|care|mind) (if|when|that) i (die|died|was gone|were gone|am gone|disappeared|was dead|killed myself|vanished|stopped existing|was not|did not wake up|never woke up)",
		"(no one|nobody|noone) ~2 (cares|care|would care|will care) (if|whether) i (live|lived|die|died)",
		"(a|such a|nothing but a|just a|only a) burden (to|on|for) (everyone|everybody|my|others|people|them|the people|those|you|you all|all of you|the world)",
		"(i am|i feel like|feel like|i feel|being|i have become|am|i am just|i am only|i am always) (such a|a|just a|only a|nothing but a) burden",
		"(everyone|everybody|they|people|my family|the world|you all|you) (would|will) be (happier|better) if i (was|were|am|died)",
		"(fine|better|happier|easier|okay|ok|relieved) ~4 if i [just|simply] (vanished|disappeared|died|left|was gone|were gone|was not here|was not around)",
		"(easier|better|simpler|happier|lighter|fine|okay|a relief|relieved|glad) ~4 if i [just|simply] (was|were|had|am|would|did) [just|simply] (not here|not around|not alive|gone|dead|never born|disappeared|died|not exist|never existed|not be here)",
		"if i (died|was dead|were dead|was gone|were gone|killed myself|disappeared) ~4 (easier|better|happier|a relief|nobody|no one|nobody would)",
	}},
	{id: "no-reason-to-live", pats: []string{
		"(do not know|not sure|no idea|wonder) why i am still (here|alive|around|living|breathing)", "why am i still (here|alive|around|breathing)",
		"no (reason|point|purpose|sense|will|desire) (to|in|of|for) (live|living|go on|going on|keep going|carry on|carrying on|continue|continuing|stay|staying|be alive|being alive|life|exist|existing|me to live|anything|it anymore|trying|waking up)",
		"no (point|reason) (anymore|any more|left)", "(what is) the point (of|in) (living|life|anything|it all|going on|being alive|staying alive|being here|trying|existing|carrying on|me|waking up|anything anymore)",
		"(what is) [even|really|just] the point (anymore|any more|of it all|of anything|$)", "(what is) the point (of|in) (even|really|still) (trying|living|going on|carrying on|bothering)",
		"(do not|can not|could not|no longer) see (the|a|any) (point|reason) [in|of|to] (living|life|anything|going on|anymore|any more|it all|existing|being alive|staying alive|trying|keep going|carry on|$)",
		"(life|living|my life|existence|everything|it all) (is|feels|seems) [so|just|completely] (not worth|pointless|meaningless|worthless|not worth it)",
		"not worth (living|being alive|it anymore|going on|the effort of living)",
		"(nothing|no one|nobody|none) [left] to live for", "(no|nothing) [left] worth living for",
		"(life|it|things|anything|nothing) (will|is going to|is ever going to) (never|not) ~1 (get|be) better",
		"nothing (will|is going to|is ever going to) [ever] (get better|change|improve)", "never going to get better",
		"(can not|do not|could not) see (a|any) future", "no future (for me|for myself|ahead|for someone like me|for people like me)",
	}},
	{id: "cant-go-on", pats: []string{
		"(can not|could not|unable to|can no longer) (go on|keep going|carry on|do this|do it|take it|take this|take this pain|take the pain|handle it|handle this|handle life|cope|live like this|live with this|keep living|continue|bear it|stand it|stand this|deal with it|deal with this|deal with life|survive this|keep fighting|fight anymore|fight this) (anymore|any more|any longer|no more|like this|$)",
		"(can not|could not) (anymore|any more)",
		"(can not|could not) (face|survive|get through|make it through) (another day|tomorrow|another night|this night|the night|one more day)",
		"at the end of my (rope|tether|strength)", "(i have|had) had enough (of life|of living|of everything|of it all|$)",
		"(can not|could not) live like this",
	}},
	{id: "hopeless", pats: []string{
		"(i|i am|i feel|feel|feeling|felt|i have felt|i have been|been|am|i am just) [so|really|completely|totally|utterly|very|just|pretty|quite|kind of|a bit|a little|incredibly] (hopeless|worthless)",
		"(everything|life|my life|it all|things|my situation|the future|my future|all of it) (is|feels|seems|looks|are|has become|became|feel|seem) [so|really|completely|totally|just|utterly] (hopeless|pointless|meaningless|bleak|dark)",
		"no hope (left|anymore|any more|for me|for the future|at all|$)", "(lost|losing) [all|any] hope",
		"no way out (for me|of this|of this life|of this pain|$|anymore|except|but|other than)",
		"(no|any) (way|escape) out (except|but|other than) (dying|death|suicide|killing)",
	}},
	{id: "goodbye", flags: fAway, pats: []string{
		"(wrote|written|writing|made|making|updated|updating|finished) (my|a) will",
		"this is [my] (goodbye|farewell|last message|final message|last goodbye)",
		"(this|these) (is|are|will be) my (last|final) (message|messages|words|goodbye|post|night|day|note)",
	}},
	{id: "goodbye", pats: []string{
		"(wrote|written|writing|write|left|leaving|leave) [a|my|the|some|goodbye] (note|letter|letters|notes) (for|to) (everyone|everybody|my (kids|children|parents|family|mom|mum|dad|wife|husband|partner|sister|brother|loved ones|son|daughter|friends))",
		"(goodbye|letters|letter|note|notes) ~6 just in case",
		"(gave|given|giving|give) (my|all my) (cat|dog|pets|pet|guitar|jewellery|jewelry|savings|car|things|stuff) to ~6 (keep|forever|look after|take care)",
		"(saying|say|said|wanted to say|want to say|to say|needed to say) goodbye (to everyone|to everybody|to you all|to all|to the world|forever|for good|for the last time|one last time|to my family)",
		"(goodbye|farewell|bye) (forever|for good|world|cruel world|everyone forever)",
		"(will not|would not|will never|are not going to|never) (hear from|see|talk to) me [again|ever again] (anymore|any more|after tonight|after today|$)",
		"(i will not|i am not going to|i will no longer|i might not|i may not|i do not think i will) be (around|here|alive) (much longer|for much longer|for long|anymore|any more|much more|by tomorrow|by morning)",
		"(giving|gave|given|give) away (my|all my|most of my|some of my|all of my) (stuff|things|belongings|possessions|cat|dog|pets|clothes|books|money)",
		"(goodbye|farewell) (letter|letters|note|notes|video|videos|message|messages)",
		"(saying|say|said|wanted to say|want to say|to say|needed to say) goodbye to my (friends|kids|children|parents|partner|loved ones|family|dog|cat|mom|mum|dad)",
		"(sorry|apologize|apologise) for everything ~3 (goodbye|bye|farewell|i love you|love you)",
		"(letters|letter|note|notes|message|messages|goodbye|goodbyes|will) ~5 (when|after|once|for when) i am (gone|dead|not here|no longer here|not around)",
		"(when|after|once|for when) i am (gone|dead) ~5 (letters|letter|note|notes)",
		"(tell|please tell) my (family|mom|mum|dad|kids|children|wife|husband|partner|parents|sister|brother) (i love|that i love|i am sorry|that i am sorry|goodbye)",
	}},
	{id: "death-wish", pats: []string{
		"(wish|wished|hope|hoping|pray|praying|wishing) [that] i [was|were|would|could|will|might|get to|am|just] [just|already|simply] (dead|die|be dead|drop dead|not wake up|never wake up|disappear|not exist|never existed|not be here)",
		"(wish|wished|wishing) i (was|were|had|would) (never|not) [been|have been] born",
		"(wish|wished|wishing) i (did not|would not|could not) (exist|be alive|be here|wake up)",
		"(rather|better|better off) [be] (dead|not existing|not alive|not here|not being here|gone|never born|not born|in the ground|six feet under)",
		"(dying|death|being dead|not existing|not being here|not being alive|ending it) (would be|is|seems|sounds|feels|looks) [so|much|a lot|way] (easier|better|nicer|peaceful|a relief|appealing|tempting|attractive|like a relief|like the answer|like the only way)",
		"(hope|hoping|wish|wishing|pray|praying) [that] i (get|would get|will get|could get|might get|got) (hit|run over|killed|shot)",
		"death (would be|will be|is|seems|sounds|feels) [like] (a relief|better|easier|peaceful|welcome|the answer|the solution|the only)",
		"(do not|did not|would not|will not) care if i (die|died|live or die|lived or died|wake up|woke up)",
		"(would not|would|do not) mind (dying|being dead|not waking up|if i died|if i did not wake up)",
		"(want|wish|need|hope|hoping) (someone|somebody|something|a car|a bus|a truck|a train|god|death|it) (to|would|could|will) (kill|hit|run over|take) me",
		"(want|wish|hope|hoping) to (get|be) (hit|run over|killed) (by|in)",
		"(might|may|could) as well (be dead|die|kill myself|not exist|not be here|not be alive)",
		"(not|never|no longer) deserve to (live|be alive|exist|be here|keep living)",
		"(hate|hating|hated) (being alive|living|existing|waking up every day|to be alive|that i am alive|that i woke up)",
	}},
	{id: "tired-of-life", pats: []string{
		"(want|wish|need) to [just|simply|really] (not exist|not be alive|not be here) ",
		"(not|never|no longer) [really|even|actually|honestly] (want|wish|feel like) to (be here|be around|be in this world|be on this earth|exist) (anymore|any more|any longer|no more|again|like this|tomorrow|ever again|$)",
		"(tired|sick|exhausted|weary) of (living|being alive|life|existing|it all|being here|my life|this life|being me|waking up)",
		"(tired|sick) of (fighting|trying|everything) $",
		"done with (life|living|everything|it all|being alive|this life|existing|the world|this world)",
		"(give|giving|gave|given) up on (life|living|myself|everything|the future)",
		"(never|not) want to (wake up|exist) [again|anymore]",
	}},
	{id: "thoughts-of-death", pats: []string{
		"(thoughts|thinking|thought|think|thinks|fantasize|fantasizing|fantasies|fantasise|dream|dreaming|daydream|daydreaming|obsessing|obsessed|preoccupied|images|urges) (about|of) (death|dying|being dead|my death|my own death|not (being here|existing|waking up|being alive)|my own funeral|my funeral|disappearing forever|not existing)",
		"(having|have|had|get|getting|got|with|my|the) (dark|morbid|intrusive) thoughts (again|are back|came back|coming back|returned|about (dying|death|ending it|killing myself)|$)",
		"(dark|morbid) thoughts (again|are back|came back|coming back|have returned|returned) ",
		"(picturing|imagining|planning|visualizing|visualising|thinking about) my [own] funeral",
		"(thinking|thought|think) (about|of) (death|dying) (a lot|all the time|constantly|every day|again|lately|more and more)",
	}},
	{id: "not-be-here", flags: fAway, pats: []string{
		"(will not|not going to|do not think i will) (be needing|need) (the|my|any|another|more|further) ~2 (appointment|appointments|session|sessions|follow up|follow ups|booking|bookings)",
		"(will not|not going to|do not think i will|doubt i will|may not|might not|probably will not|probably not going to) be (here|around|alive) (for|by|at|in|on|next|when|to see|much longer|for much longer|for long|after|this time next|anymore|any more|$)",
		"(can not|do not|could not) (see|imagine|picture) myself (alive|here|around|being alive|being here|being around|living|making it|surviving|still being here|still here|still alive) (by|at|in|past|after|for|next|to|until|when|much longer|for long|long|$)",
		"(will not|not going to|do not think i will) (make it|last) (to|until|till|through|past) ~3 (christmas|birthday|summer|spring|winter|autumn|fall|next year|new year|the end|the weekend|next week|next month|the appointment|the session|the follow up)",
		"(no point|not worth|no need) [in] (booking|scheduling|making|planning|rescheduling|paying|bothering) ~6 (will not|not) (need|be here|be around|make it)",
		"(will not|do not|would not) need (it|them|that|this|these|those|any of it|any of this|my stuff|my things|anything) (anymore|any more|where i am going|much longer|soon|after|$)",
		"(you|they|he|she|everyone|everybody|nobody|no one|people) (will not|would not|will no longer|are not going to|will never) have to (deal with|put up with|worry about|see|look after|care for|hear from) me (much longer|for much longer|for long|anymore|any more|soon|again|$)",
	}},
	{id: "farewell", flags: fAway | fNoSubject, pats: []string{
		"(thank you|thanks) for everything ~6 (goodbye|bye|farewell|take care)",
		"(thank you|thanks) [so much] for everything $",
		"(goodbye|farewell) (everyone|all|everybody|world|my friends|to all)",
		"(saying|said|say|been saying) goodbye to (people|everyone|everybody|friends|my family|the people i love|those i love) ~4 (just in case|before|while i can|for the last|$)",
		"(take|taking|look|looking) [better] (care of|after) ~3 (better than|than) (me|i|i could|i can|i ever)",
		"take better care of (them|him|her|it)",
		"(giving|gave|give|given) away ~2 (things|stuff|belongings|possessions|everything|my|all)",
		"(giving|gave|give|given|been giving) (my|all my|most of my) (stuff|things|belongings|possessions) away",
		"(giving|gave|give|given) (my|all my|most of my) (stuff|things|belongings|possessions|clothes|books|jewellery|jewelry) to",
		"(put|putting|got|getting|have|sorted|sorting) my affairs in order",
	}},
	{id: "trapped", pats: []string{
		"(do not|can not|could not) see (a|any) way out",
		"(waste of space|waste of oxygen|waste of air|waste of life)",
		"(trapped|stuck) ~5 (no way out|no escape|nowhere to go|forever|with no way|and there is no|no exit)",
		"trapped (in|with|inside) (my life|this life|my head|my own head|this body|my body|this pain|my mind)",
		// "stuck in my head" is also a song or a thought that will not go,
		// and "less stuck in my head" a hope the intention question hears.
		"stuck (in|with|inside) (my life|this life|this body|my body|this pain)",
		"(no|not any) way out $", "no way (forward|out) (for me|$)",
	}},
	{id: "means", flags: fNoSubject, pats: []string{
		"(thinking about|think about|thought about|obsessing over|fixated on|keep thinking about) (the|my|those|his|her|all the) ~2 (pills|tablets|gun|rifle|rope|knife|razor|blades|bridge|tracks|sleeping pills)",
		"(know|knows) where ~4 (keeps|keep|kept|hides|hid|stores|store) (the|his|her|their|a|my) ~1 (gun|guns|pistol|rifle|rifles|shotgun|firearm|pills|meds|medication|ammo|key)",
		"(has|have|got|there are|there is|keeps|keep) ~3 (gun|guns|rifle|rifles|shotgun|firearm|firearms|pistol) (in the house|at home|in my house|in our house|in the car|in my car|in the drawer|under the bed|in the|in his|in her|in their|in my|in our|under|behind)",
		"(looking|look|staring|stare|stared|looked|glancing|glance) at (the|my|a|those|these|that) ~3 (pills|tablets|bottle of pills|pill bottle|gun|rope|knife|blade|razor|bridge|tracks|train tracks|water|edge)",
		"(pills|tablets|gun|rope|razor|blade|knife) ~6 (look at them|look at it|stare at them|stare at it|looking at them|staring at them|looking at it|staring at it|thinking about them|thinking about it|think about them)",
		"(bought|buy|got|getting|purchased|ordered) (a|some) (rope|noose|razor blades|blades|gun|firearm|charcoal|helium)",
		"(driving|drive|drove|walking|walk|walked|going|go|went|keep going|been going) (past|to|over|by) (the|a|that) (bridge|tracks|cliff|cliffs|edge|overpass|roof|rooftop|train tracks|railway|river) ~6 (look|looking|stare|staring|stand|standing|every day|again|sit|sitting)",
	}},
	{id: "last-hope", pats: []string{
		"(this|it|treatment|ketamine|this treatment|you|the program) (is|are) (my|the) (last|final|only) (hope|try|chance|shot|option|resort|attempt) ~8 (nothing left|i am out|i am done|give up|no point|if it does not|if this does not|after this|that is it)",
		"if (this|it|the treatment|ketamine|the ketamine|this treatment) (does not|do not|fails|will not|can not) (work|help) ~6 (i am done|i am out|that is it|i give up|nothing left|no point|there is nothing|i can not go on|i am finished)",
		"(have|got) nothing left (after this|in me|to give|to lose|$)",
		"nothing left (for me|after this|to live for)",
	}},
	{id: "done", pats: []string{
		"i am [so|just|completely|really|totally] done $",
		"(done|tired of|sick of|finished) (fighting|pretending|being strong|holding on|hanging on)",
	}},
	// A time without a stated act: the detector sees one message, so it asks.
	{id: "vague-plan", flags: fAway, pats: []string{
		"(tonight|today|tomorrow) is it $",
		"(do not know|not sure|no idea) what i (will|would|might|am going to) do $",
		"if (nothing|this|it|things) ~3 (changes|change|works|work|get better|gets better|improves|improve) ~4 (do not know what i will do|i am done|i give up|that is it|i am out)",
		"(plan|planning|going|decided|ready|about|want) to do it {when}",
		"(that is|this is|then is|that will be) when i [will|am going to] (do it|go|end it)",
		"(picked|chosen|chose|set) the (day|date) $",
		"(tonight|today|tomorrow) [is] the (night|day) $",
		"(it is|it will be) (happening|over) {when}",
	}},
	{id: "want-it-to-stop", pats: []string{
		"(want|wish|need) (it|it all|everything|all of it|the pain|this pain|my life) to (end|stop|be over) [forever|for good|now|already]",
		"(want|wish) (everything|it all|this|life) (to be|was|were) over",
	}},
	// Fitted batch 8: waiting for death, no strength or reason left, not
	// being around much longer.
	{id: "waiting-to-die", pats: []string{
		"(waiting|wait|waits) (to die|for death|for the end|to be dead|for it to end|for it all to end)",
		"no (reason|point|purpose|strength|energy) [left] (for me|in me) ~1 (to keep going|to go on|to carry on|to continue|to live|to keep living|to fight|to try)",
		"(be|being|stick) around (much longer|for much longer|for long|long)",
		"(no|any) (strength|energy|fight) (left|anymore) ~2 (to fight|to live|to go on|to keep going|in me)",
	}},
	// Fitted batch 9.
	{id: "no-use", pats: []string{
		"(what is) the use (of|in) ~2 (it|anything|any of it|living|trying|going on|it all|me)",
		"made [my] peace with (everything|it all|dying|death|the world|life|my decision|leaving|going)",
		"(easier|better|happier|lighter) for (everyone|everybody|all|them|my family|my kids|my parents) if i ~2 (was not|were not|was gone|were gone|was dead|died|disappeared|did not exist|was not around|was not here|were not around|were not here)",
		"(if|when) i ~1 (do not|did not|never) wake up ~5 (fine|ok|okay|alright|good|better|would not mind|do not care|relief|glad|not mind)",
		"(do not know|not sure|no idea) how (much longer|long) ~3 (hold on|keep going|go on|do this|last|take this|survive|keep this up|hang on|can take)",
		"no light at the end of ~1 tunnel",
		"said (goodbye|bye|my goodbyes|goodbyes) ~5 (just in case|in case)",
	}},
	// Fitted batch 10.
	{id: "dont-care", pats: []string{
		"(that is) it for me $",
		"(nothing|none of it|nothing in my life) (makes|has) [any] sense (anymore|any more|$)",
		"(do not) care (what happens to me|if i live|whether i live|if i die|about living|if i wake up)",
		"(in|just in) (everyones|everybodys|everyone is|everybody is) ~1 way",
		"(never been born|never born|not been born)",
		"(everything|things|all|my affairs) (sorted|in order|arranged|taken care of|settled) ~8 (if|in case) (something|anything) happens",
		"(will not|not going to) be (bothering|burdening|annoying|troubling) (you|anyone|everyone|you all|people) ~2 (much longer|for long|long)",
		"(bothering|bother|burden|burdening|annoying|troubling) (you|anyone|everyone|you all|people) ~2 (much longer|for long|long)",
	}},
	// Fitted batch 11.
	{id: "ghost-or-accident", pats: []string{
		"(assisted dying|assisted suicide|dignitas)",
		"today is my last day $",
		"like i am already (gone|dead|not here)",
		"(wish|hope|hoping|wishing) ~4 (get in an accident|get hit by|have an accident|hit by a car|hit by a bus|in a crash)",
		"(will not) need (it|them|any of it|anything|my stuff) (anyway|anymore|any more|where i am going)",
	}},
	// Fitted batch 12.
	{id: "no-hope-v2", pats: []string{
		"(scared|afraid|worried|terrified) of what i (might|could|will|would|may) do to myself",
		"no hope ~4 (get better|gets better|change|improve)",
		"(then|so) (that is) it for me",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose-burden", flags: fNoSubject, pats: []string{
		"(i am|i feel like|feel like|i feel|being|i have become|am|i am just|i am only|i am always|i am such) (such a|a|just a|only a|nothing but a|a total|a complete|a huge|a massive) {burden} (on|to|for) (everyone|everybody|my|others|people|them|the people|those|you|you all|all of you|the world|him|her)",
		"(anyone|anybody|someone|somebody|people|they|you|my family) (would|will) [even|actually|really|ever] (notice|care|miss me|mind) (if|when) i (was|were|am|had) ~1 (gone|dead|not here|not around|disappeared|died)",
		"(would|will|could) (cope|manage|be fine|be okay|be ok|get by|move on) ~2 without me",
	}},
	{id: "compose-means", flags: fNoSubject, pats: []string{
		"(know|knows) where ~4 (keeps|keep|kept|hides|hid|stores|store|puts|leaves) (the|his|her|their|a|my) ~1 ({pillword}|gun|guns|pistol|rifle|shotgun|firearm|ammo|key|oxy|oxycodone|insulin)",
		"(gun|pistol|rifle|shotgun|revolver) (is|was|sits) [now|already] loaded",
	}},
	{id: "compose-last", flags: fAway, pats: []string{
		"(this is|this will be|these are) my (last|final) (message|messages|words|note|post|text|session|day)",
		"(said|say|saying|wanted to say) goodbye to ~3 (properly|for the last time|one last time|forever)",
	}},
	// Fitted batch 14.
	{id: "compose-burden", flags: fNoSubject, pats: []string{
		"(doing|do|did) (everyone|everybody|them|my family|the world|you all|my kids|people) a (favour|favor) (by|if i)",
		"(deserve|deserves) (a|someone|somebody) better (mum|mom|mother|dad|father|parent|partner|wife|husband|friend|daughter|son|than me)",
		"(tired|sick) of being (a|such a|the) ({burden}|problem)",
		"(being|i am|i feel like|feel like) (a|such a) (problem|burden|weight|drain|nuisance) (for|to|on) (everyone|everybody|all|my family|people)",
		"so (no one|nobody|noone) (has to|would have to|will have to|needs to|would need to) (deal with|sort|clean|worry|do|handle)",
	}},
	{id: "compose-absent", pats: []string{
		"(do not|can not|could not) (see|imagine|picture) myself (getting old|growing old|getting older|old|reaching #|making it to #|living to #|at #|in # years)",
	}},
	{id: "compose-absent", flags: fAway, pats: []string{
		"(sessions|appointments|session|appointment|plans|bookings|subscriptions|tickets|things|stuff) ~8 (will not|would not|am not going to|do not) (be needing|need) (them|it|those|these)",
		"(not|never) (planning|going|intending|meaning) to come (home|back)",
	}},
	{id: "compose-means", flags: fNoSubject, pats: []string{
		"(got|took|get|getting|taken|have|holding|fetched) ~3 (gun|shotgun|rifle|pistol|revolver) (out|down)",
		"({pillword}|vodka|pills|box|bottle) ~4 (are|is) (on the table|ready|laid out|lined up|in front of me|next to me|on my bed|on the counter)",
	}},
	// Fitted batch 15.
	{id: "compose-done", pats: []string{
		"(so|just|completely|totally|really) done (trying|fighting|living|existing|surviving)",
		"i am [just|only] (taking up|wasting) (space|oxygen|air)", "(feel like|i feel like) i am [just|only] (taking up|wasting) (space|oxygen|air)",
		"(only thing|only reason|only one|all that is) (stopping|keeping|holding) me ~2 (is|are|here|alive|going|back)",
		"(hope|hoping|wish|wishing) (something|an accident|a crash|the worst) (happens|would happen|will happen|hits me)",
		"who (should|will|gets|would|is going to) get my (things|stuff|belongings|possessions|savings|money|cat|dog)",
		"(what is) the point (of|in) (any of it|all of it|anything|it|this|trying|me)",
		"waste of a (person|human|life|human being)",
		"(will not|would not|am not going to) be a (problem|burden|bother|nuisance) (anymore|any more|much longer|for long|soon)",
	}},
	// Fitted batch 16.
	{id: "compose-last", flags: fAway, pats: []string{
		"(what is) the use (anymore|any more|$)",
		"(life insurance|insurance) ~4 (suicide|if i die|if i died|when i die|my death)",
		"(like|as if|as though) (it was|it is|it were) the last time",
		"(or|and) (any|the ones|any of the ones|anything|any others) after (that|it|this)",
	}},
	// Fitted batch 17.
	{id: "compose-last", flags: fAway, pats: []string{
		"(the world|nobody|no one|everyone|they|my family) (does not|do not|would not|will not) (need|want|miss) me",
		"(easy|easier) for (them|everyone|my family|him|her|my kids) (after|afterwards|when i am gone|once i am gone)",
		"(stopped caring|stop caring|no longer care|not care) (if|whether) i (live|die)",
		"(passwords|bank details|account details|pin numbers|instructions) ~6 (just in case|in case something happens|for when i am gone|after i am gone)",
		"(not sure|do not know if|doubt) i (will|am going to) [still] be (here|around|alive) (for|by|at|in|on|next|when|to see)",
		"(do not|can not|could not) see (a|any) (way through|way forward|end to this|light)",
		"(said|told) (everything|all) i (needed|wanted|had) to (say|tell)",
	}},
	// Round 7: a last word without an act ("done. sorry. goodbye", "last
	// msg. thx for trying"), a train that does not stop, asked about.
	// A lethal means or a place of a method named with a time, no act
	// said: the bot asks (fMeans: the means or place is elsewhere in the
	// message).
	{id: "r7-means-time", flags: fPlan | fMeans | fAway, pats: []string{
		"(tonight|tomorrow night|at midnight|later tonight)",
	}},
	// Round 7: a means kept "just in case", affairs put in order, not being
	// here for a date, not minding not waking up, wanting out of
	// everything, nothing ahead.
	{id: "r7-possible", flags: fAway, pats: []string{
		"(saved|saved up|saving|stashed|kept|keep|hoarded|put aside|collected|got) ~4 " + enOD7 + " ~8 (just in case|in case|what for|no reason|if i ever need|if things get|counting|it is there|bad day)",
		"(passwords|my will|funeral wishes|who gets my|safe combination|instructions for) ~8 (in case|just in case|so it is sorted|no reason|everything (he|she|they) will need)",
		"(made|making|wrote|written) a list of who gets my (stuff|things)",
		"(will not|do not think i will|do not think ill) (be|b) (here|round|around|alive) (for|at|by|till|until) ~1 (christmas|xmas|the new year|new year|my birthday|summer)",
		"do not think (i will|ill) make it (to|till|until|through) ~2 (christmas|xmas|new year|the new year|my birthday|summer|spring|next year)",
		"(a mercy|a relief|ok|okay|fine|nice|peaceful|easier) (not to|to not|if i did not|if i never) (wake|wake up)", "(ok|okay|fine) if i did not wake up",
		"want out ~2 (of everything|of it all|of life|of this life|forever|for good)",
		"(running out of|run out of|ran out of|no more) reasons (to|for) (live|living|stay|staying|keep going|keep trying|go on|carry on)",
		"(easy|quiet|peaceful|nice|simple) it would be ~3 (to not be here|not to be here|if i just was not|if i was not|if i just disappeared|to not exist|to disappear)",
		"(easier|better) if i (was not|were not) (in it|in their lives|in the picture)", "(would|will) (be relieved|get over it) ~4 (if i|when i|quickly)",
		"(nothing|no future|nothing left) ahead (of me|for me)", "nothing ahead (for me|of me)",
		"do not see how (i can|i could) (go on|keep going|carry on)", "do not see how (this|it|things) [ever] (gets|get|will get|is going to get) better",
		"(looking|look|keep looking|staring) at (the|my|that) ~2 (rifle|shotgun|pistol|knife|blades|razor) ~4 (thinking about it|and think|thinking)",
	}},
	{id: "r7-last-words", flags: fAway, pats: []string{
		"(done|i am done|it is done|did it) ~3 (sorry|goodbye|bye)", "(last|final) (msg|message|messages|text|words|post) ~4 (thanks|thank you|sorry|goodbye|bye|love)",
		"(thanks|thank you) for trying $", "bye (everyone|everybody|world|forever|for good)",
		"(express|freight train|fast train|through train) ~4 (does not stop|is not stopping|not stopping|goes straight through)",
	}},
}

// English rules for harm to others: thoughts, urges, plans or acts of hurting
// someone else. Threats made against the speaker are abuse.
var harmEN = []ruleDef{
	{id: "intent", pats: []string{
		"(want|going|plan|planning|decided|intend|ready|about|tempted|urge|urges|need) to ~2 (kill|murder|stab|shoot|strangle|choke|smother|suffocate|poison|drown|hurt|harm|beat|beat up|hit|punch|attack|slap|kick|push|run over|torture|rape|smash|bash|break) ~1 {victim}",
		"i (will|would|could|might|may|am going to|can|swear i will) ~2 (kill|murder|stab|shoot|strangle|choke|smother|suffocate|poison|drown|hurt|harm|beat|beat up|hit|punch|attack|slap|kick|push|run over|torture) ~1 {victim}",
		"(homicidal|murderous) [thoughts|urges|feelings]",
		"(make|making) (them|him|her|everyone|everybody|you all|{victim}) [all] pay",
		"beat the (shit|crap|hell|life|living daylights|living hell|living shit) out of",
		"(deserves|deserve) to die ~2 [and] i (will|am going to|would) (make sure|do it|kill)",
		"shoot up (the|my|a) (school|work|workplace|office|place|mall|church|class)",
		"(shooting|shoot) up my (workplace|school|work|office)",
	}},
	{id: "thoughts", pats: []string{
		"(thoughts|thinking|thought|think|fantasies|fantasizing|fantasising|images|imagining|imagine|picturing|picture|dreams|dreaming|urges|urge|impulses|visions|obsessing) [of|about|to] ~2 (killing|murdering|stabbing|shooting|strangling|choking|smothering|suffocating|poisoning|drowning|hurting|harming|beating|hitting|punching|attacking|pushing|shoving|kill|hurt|harm|stab|strangle|smother|poison|drown|push) ~2 {victim}",
		"(afraid|scared|worried|terrified|frightened|fear|scares me) ~3 (i will|i might|i may|i could|i would|i am going to|of) ~2 (kill|hurt|harm|hit|beat|shake|smother|strangle|stab|snap and|lose control and|hurting|harming|hitting|killing) ~1 {victim}",
		"(lose|losing|lost) control and ~2 (kill|hurt|harm|hit|attack|beat) ~1 {victim}",
		"(might|could|will|going to|am going to) snap and ~2 (hurt|kill|hit|attack|harm) ~1 {victim}",
	}},
	{id: "act", pats: []string{
		"i (have|just|already) (hit|slapped|punched|kicked|shook|shaken|pushed|choked|hurt|beat|beaten|shoved|stabbed|strangled|attacked|threatened) {victim}",
		"i (hit|slapped|punched|kicked|shook|pushed|choked|hurt|beat|shoved|stabbed|strangled|attacked|threatened) {victim} ~6 (again|yesterday|last night|today|this morning|and i am|scared|afraid|worse)",
		"(threatened|threaten|threatening) ~3 with (a|the|my) (knife|gun|bat|weapon|hammer|axe|blade)",
		"(bring|bringing|take|taking|carry|carrying) (a|my|the|his|her|dads|dad) ~1 (knife|gun|weapon|pistol|rifle) (to|into|in|tomorrow|tonight|at) ~2 (school|work|office|class|the office|job|tomorrow|tonight|workplace)",
	}},
	{id: "threat", pats: []string{
		"(put|send|putting|sending) (him|her|them|you|that guy|the guy|that man|that woman|my {person}) ~1 in (the hospital|hospital|the er|a coma|the ground|the grave|a wheelchair|intensive care)",
		"i (will|am going to) (break|smash) (his|her|their|your) (neck|face|legs|skull|jaw|head)",
	}},
	// Fitted batch 9.
	{id: "act-v2", pats: []string{
		"(burn|burning|set fire to|torch|torching|blow up|bomb) ~5 with (him|her|them|everyone|you|my {person}) (in it|inside)",
		"(beat up|punched|hit|stabbed|attacked|hurt|slapped|kicked|choked|beat) ~6 (would|will) do it again",
	}},
	// Fitted batch 10.
	{id: "act-v3", pats: []string{
		"(smashed|broke|hit|cracked) (a|the) (bottle|glass|chair|plate) (over|on) ~2 (head|face)",
		"i (shook|shaken|have shaken) my (baby|kid|child|son|daughter|newborn|infant|toddler)",
	}},
	// Fitted batch 12.
	{id: "intent-v2", pats: []string{
		"(want|wanted|urge|urges|thoughts|thought|think|imagine|imagining) ~4 (throw|drop|shake|drown|smother|suffocate) my (baby|kid|child|son|daughter|newborn|infant)",
	}},
	// Round 3, fitted batch 13 on: intent or thought × a violent act × another person.
	{id: "compose", pats: []string{
		"(think|thinking|thought|thoughts|imagine|imagining|picture|picturing|fantasize|fantasizing|urge|urges|want to|going to|tempted to) ~3 (running|run|driving|drive|ramming|ram|ploughing|plough|plowing|crashing|crash|steering|swerving) ~3 (into|over|through|at) {victim}",
		"(wait|waiting|wait for|waiting for|go after|going after|find|corner|follow|catch) ~3 (him|her|them|that guy|that man|that woman|my {person}) ~6 with (a|the|my|his|dads) {weapon}",
		"(make|making|going to make) {victim} (suffer|bleed|regret being born)",
	}},
	// Fitted batch 14.
	{id: "compose", pats: []string{
		"(want|wants|going|plan|planning|decided|intend|ready|about|tempted|urge|urges|need|swear) to ~2 {harmverb} ~1 {victim}",
		"i (will|would|could|might|am going to|swear i will) ~2 {harmverb} ~1 {victim}",
		"(put|wrap|get|squeeze|have) my hands (round|around|on) (his|her|their|my {person}|someones) (neck|throat)",
		"i ~1 (pushed|shoved|threw|slammed|hit|punched|kicked|slapped|choked|strangled|headbutted|stabbed|burned|bit) {victim} ~4 (into|against|down|onto|off|across|over|through|to the ground|to the floor)",
		"(planning|plan|worked out|working out|thinking about|figuring out|figured out|researching|googling|looked up|looking up|wondering) how to {harmverb} {victim}",
		"(set|setting) ~4 on fire ~3 with (him|her|them|everyone|you|my {person}) (in it|inside)",
	}},
	// Fitted batch 15.
	{id: "compose", pats: []string{
		"i ~1 (hit|slapped|punched|kicked|shook|pushed|choked|hurt|beat|shoved|smacked|whacked) {victim} ~3 (so hard|too hard|really hard|hard|until|till|and left|left a mark|bruise|bruised)",
	}},
	// Fitted batch 16.
	{id: "compose", pats: []string{
		"(put|putting|slip|slipping|spike|spiking) (something|stuff|pills|poison|bleach|rat poison|my meds|it) (in|into) (his|her|their|my ~1|the) ~1 (tea|coffee|drink|food|dinner|meal|wine|beer|juice|bottle)",
		"(fantasise|fantasising|fantasised|fantasize|fantasizing|fantasized|dream|dreaming) about ~1 (running|run|driving|drive|ramming|ram|stabbing|shooting|strangling|killing|hurting|poisoning|beating) ~3 {victim}",
		"i ~1 (squeezed|grabbed|pinched|shook|yanked|twisted|gripped|hit|slapped|smacked) (my|his|her|the) ~1 (baby|son|daughter|kid|kids|child|toddler|partner|wife|husband|girlfriend|boyfriend) ~2 (too hard|so hard|really hard|hard|until)",
		"make sure {victim} (never|can not|does not|will not) (walks|walk|wakes up|wake up|sees|see|breathes|talks|talk) again",
		"i (will|am going to|would|swear i will) ~1 (burn|torch|set fire to|firebomb) (his|her|their|the|my ~1) ~1 (house|flat|car|home|place|shop) [down]",
	}},
	// Fitted batch 17.
	{id: "compose", pats: []string{
		"(carrying|carry|bring|bringing|took|take|taking) (a|my|the) {weapon} ~2 (to use on|for|to get|to stab|to hurt|to deal with) {victim}",
		"(held|hold|holding|put|pressed|pressing) (a|the|my) (pillow|cushion|hand|blanket) (over|on|against) {victim} (face|mouth|nose|head)",
	}},
	// Fitted batch 19.
	{id: "compose-act", pats: []string{
		"(going|go|come|coming|head|heading|walk|walking) (round|over|up|in) ~3 with (the|an|a|my) ~1 {weapon}",
		"(kicked|punched|stamped on|beat|beaten|hit|battered|booted|kicking|punching|beating) ~4 (till|until) (he|she|they) (was|were|is|are|went) ~2 (on the floor|on the ground|unconscious|out cold|bleeding|knocked out|down)",
		"(stop|stopping|keep) myself (from|not) ~1 (strangling|killing|hitting|stabbing|hurting|choking|punching|attacking|beating|throttling|smothering) ~1 {victim}",
		"(grab|grabbed|grabbing|squeeze|squeezed|squeezing|pinch|pinched|pinching|twist|twisted|twisting) ~4 so (hard|tight|tightly) ~4 (bruise|bruises|bruised|marks|mark|bleeds|bled|cries|cried|screams|screamed)",
		"(push|pushing|shove|shoving|throw|throwing|kick|kicking|knock|knocking) {victim} ~3 (down the stairs|down the steps|off the balcony|off the bridge|in front of a|in front of the|under a|under the)",
		"(slip|slipping|slipped|put|putting|mix|mixing|spike|spiking) (something|stuff|pills|poison|rat poison|{pillword}) (in|into) (his|her|their|my) ~2 (food|drink|tea|coffee|dinner|meal|bottle|cup|water)",
		"(show|teach) ~3 (what happens|a lesson) ~8 ({weapon}|rifle|gun|guns)",
	}},
	// Fitted batch 20.
	{id: "compose-act", pats: []string{
		"(lost it|snapped|lost my temper|flipped) and (hit|slapped|punched|kicked|pushed|shoved|choked|grabbed|threw) ~1 {victim}",
		"(hit|punched|slapped|kicked|headbutted) {victim} in the (face|head|stomach|mouth|eye|ribs)",
		"(smacked|hit|beat|whacked|slapped|belted|hitting|smacking|whacking) {victim} with (a|the|my) ~2 (spoon|wooden spoon|belt|slipper|stick|shoe|hairbrush|cable|hanger|ruler|cane)",
		"(wait for|waiting for|catch|find|corner) {victim} ~6 teach (him|her|them) a lesson",
		"(stopped|stop|not) (giving|feeding) {victim} ~3 (meds|medication|food|medicine|insulin|tablets) ~4 (teach|punish|lesson)",
		"(got|have|keep|bought|keeping) (a|the|my) ~1 {weapon} ~4 for (him|her|them|my {person}|the {person}|that {person})",
		"next time (it is|it will be) (him|her|them) $",
		"(poured|threw|chucked|tipped) (hot|boiling|scalding) ~1 (tea|coffee|water|oil) (on|over|at) {victim}",
	}},
	// Fitted batch 21.
	{id: "compose-act", pats: []string{
		"(hit|beat|slap|punch|kick|hurt) {victim} ~8 (can not stop|know it is wrong|it is wrong)",
		"(broke|broken|smashed|fractured) {victim} (nose|jaw|arm|ribs|tooth|teeth|finger|cheekbone)",
		"(drive|driving|plough|plow|ram|ramming) (my|the|a) (car|van|truck|lorry) into (the|a) (crowd|people|pedestrians|market|queue)",
	}},
	// Round 5 (fitted batches 23 to 34): built from vocabularies, not
	// messages: an intent, a plan or a loss of control × a violent act ×
	// someone else; a weapon carried, kept or made ready × a target or the
	// place the target is; poison put in someone's food or drink.
	{id: "r5-weapon", flags: fHarm, pats: []string{
		// "i know where my ex lives now and i've got a bat in the car"
		"(know where|got the address|got his address|got her address|have his address|have her address|found his address|found her address|found out where|the address of) ~8 (got|have|bought|with|and) (a|the|my|an|his|her|dads|brothers) ~2 " + enArms5,
		"(bought|brought|bringing|carrying|sharpened|loaded|packed|got) (a|the|my|his|her|an|some|dads|mums|brothers|cousins|dad|brother|cousin) ~2 " + enArms5 + " ~8 (on|at|when|till|until|outside|near|if|and the address of|and his address|and her address|to use on|to deal with|to sort out|for when) ~3 " + enTarget5,
		// going or waiting where the target is, with a weapon
		"(his|her|their|ex|exs) ~1 (house|flat|place|work|door|yard|car|office|school|room|bedroom|gym|bus stop|street|drive|address) ~8 " + enArms5,
		"(outside|waiting for|waiting at|waiting outside|sitting outside|parked outside|wait for|going round|going over|going to|knock on|knocking on|going out there|went round) ~6 (with|w) (a|the|my|his|her|an|some|dads|brothers|cousins) ~2 " + enArms5,
		"(waiting|sitting|parked|standing|hiding) ~4 (outside|for|by|near|at) ~8 (with|w|and) (a|the|my|an|some|dads|brothers) ~2 " + enArms5,
		enArms5 + " ~6 (waiting|wait) for (him|her|them|" + enTarget5 + ")",
		"(using|use|used) (it|the gun|the knife|a knife|the hammer|the bat|the axe|them) on (him|her|them|" + enTarget5 + ")",
		"(swung|swinging|lunged|lunging|went for|came at|took a swing) ~1 (at|for) (him|her|them|" + enTarget5 + ") ~3 with (a|the|my|his|her) ~2 " + enArms5,
		"(picked up|grabbed|took|holding|had|got) (a|the) (knife|kitchen knife|hammer|bat|axe|blade) ~6 (went into|walked into|into the) ~2 (bedroom|room|kitchen)",
		enArms5 + " ~6 (do not|can not) trust myself",
	}},
	{id: "r5-intent", pats: []string{
		"(going|about|want|ready|planning|plan) to ~3 (find|get|catch|wait for|go after|jump|visit|deal with|sort out) (him|her|them|" + enTarget5 + ") ~6 (and|then|to) ~2 " + enHarmVerb5,
		"(break|breaking|smash|smashing|snap|snapping) [every bone in](his|her|their|" + enTarget5 + ") ~1 (legs|leg|arms|arm|neck|jaw|face|hands|fingers|skull|nose|knees|kneecaps|ribs|bones|teeth)",
		"(slit|slitting|slash|slashing|cut|cutting) (his|her|their) ~1 (throat|tyres|tires|brake line|brake lines|brakes)",
		"(cut|cutting|tamper with|tampering with|mess with) the (brake|brakes|brake line|brake lines) (on|of) (his|her|their|my {person}|" + enTarget5 + ")",
		"(make|making|going to make) " + enTarget5 + " ~4 (pay|suffer|bleed|feel what i felt|regret it|sorry)",
		"(deal with|handle|sort out|settle) (him|her|them|this|it|the situation|things) ~3 (myself|my own way|with (a|the|my) ~1 " + enArms5 + ")",
		"(going to|about to) get what is coming",
		"(he|she|they) (is|are|will be) (getting|going to get) (it|hurt|what is coming) ~6 (tonight|today|when|waiting|with|i have|i am)",
		"(catch|catching) these hands",
		"(hit list|kill list|list of (names|people|targets) ~6 (ruined|pay|get|deserve|visit))",
		"(visit|get|kill|find|hurt|deal with|take out) (them|each of them|all of them|everyone) one by one",
		"(want|wanted|wish|need) " + enTarget5 + " dead",
		"(shoot|shooting|shot) up (the|my|a|that|our|his|her) ~2 (school|gym|office|work|workplace|church|mall|class|college|party|club|clinic|protest|building|place)",
		"(drive|driving|run|running|ram|ramming|plough|ploughing|plow|plowing|steer|crash|crashing) (my|the|a|his|her) ~1 (car|van|truck|lorry) (into|through) (the|a) ~2 (crowd|protest|people|pedestrians|market|queue|march|rally|parade)",
		"(drive|driving|plough|plow|ram|ramming) into the (crowd|protest|march|rally|queue|market)",
		"(run|running|drive|driving|knock|knocking|mow|mowing) (him|her|them|" + enTarget5 + ") ~2 (over|down|off the road)",
		"(drove|driving|drive|swerved|swerving|aimed|aiming) [my car] at (him|her|them|the guy|the man|that guy|" + enTarget5 + ") ~8 (missed|wish|on purpose|next time|meant)",
		"(he|she|they) (will be|is going to be|are going to be) dead ~6 (i meant it|i mean it|i will make sure|by my hand)",
		"(wait for|waiting for) " + enTarget5 + " ~6 (and|then) (stab|kill|hurt|shoot|beat|attack|hit) (him|her|them)",
		"(going to|going round to|heading to) the (bar|pub|club|gym|house|place|school|office) where (he|she|they) ~8 " + enArms5,
		"(waiting|sitting|parked) outside (his|her|their) (house|flat|work|place) ~8 (when|till|until) (he|she|they) (comes|come|leaves|gets)",
		"going to (my|the|his|her) ~2 (school|work|office|college|workplace) with something",
		"(lose it|lose control|snap|flip|lose my temper|go off) (and|then) ~2 (hurt|kill|hit|stab|attack|harm|punch|strangle|smash|beat) (someone|somebody|" + enTarget5 + ")",
		"(scared|afraid|terrified|frightened|worried) ~4 (i will|i might|i could|i would) ~3 (snap|lose it|lose control) ~4 (stab|hurt|kill|hit|attack) ~1 (someone|somebody|" + enTarget5 + ")",
		"(want|going|planning|tempted|urge|urges|thoughts) to (hurt|harm|kill|attack|stab|hit) the (nurse|doctor|guy|man|woman|receptionist|teacher|driver|kid|girl|boy|lady|bloke) (from|at|in|who|on|next)",
	}},
	// The same with the speaker named as the subject ("told my coworker i
	// would end her"): a person named earlier is not the subject.
	{id: "r5-intent", flags: fNoSubject, pats: []string{
		"i (will|would|am going to|am about to|want to|could|might|swear i will|am going round to|am coming to) ~2 " + enHarmVerb5 + " (him|her|them|" + enTarget5 + ") [up|out|over|off|down|properly|for good|once and for all|myself]",
		"i (feel like|felt like) ~1 (stabbing|killing|hitting|strangling|punching|hurting|smothering|shooting|choking|beating) " + enTarget5,
		"i (will|might|am going to|could) do something to " + enTarget5,
		"i (want|wanted) " + enTarget5 + " to suffer",
		"i (want to|am going to|will) take (them|him|her|everyone) [all] out",
		"i (have|have got|got) (a|the|my) [loaded] ~1 " + enArms5 + " and (the|his|her|their) address",
	}},
	{id: "r5-urge", pats: []string{
		"(urge|urges|feel like|felt like|want to|wanted to|thoughts of|thought of|thinking about|imagine|imagining|picture|picturing|tempted to|keep seeing myself|wanting to|fantasize about|fantasise about) ~2 (hold|holding|push|pushing|throw|throwing|drop|dropping|shake|shaking|smother|smothering|drown|drowning) (him|her|them|" + enTarget5 + ") ~3 (under|against|down|off|out of|out|into|in the)",
		"(mind|voices|voice|head|something) ~4 (telling|tells|told|keeps telling|keep telling|say|says) me to (hurt|kill|stab|attack|harm|strangle|choke) (" + enTarget5 + "|him|her|them)",
		"(want|wanted|wanting) to (squeeze|choke|strangle|throttle) ~1 harder",
		"(keep wanting|kept wanting|want|urge|urges) to (choke|strangle|throttle|squeeze) " + enTarget5 + " ~4 (when|every|again|last night|and)",
		"my hands (round|around|on) (his|her|their|someones|the|" + enTarget5 + ") ~2 (throat|neck)",
		"my hands (round|around|on) my (girlfriends|boyfriends|husbands|wifes|wives|partners|sons|daughters|babys|mums|moms|dads|brothers|sisters|kids|childs|flatmates|roommates|mothers|fathers) (throat|neck)",
		"(put|putting|laid|lay|laying) my hands on " + enTarget5 + " ~6 (hard|really hard|too hard|scared|again|today|yesterday|last night)",
		"(thinking|think|thought|thoughts) (of|about) (using|what i would do) ~2 (it|them|with it) ~3 (on|to) (him|her|them|" + enTarget5 + ")",
		"(look|looking|stare|staring) at " + enTarget5 + " ~4 (think|thinking) about (using|it|hurting|killing)",
		"(following|followed|follow|stalking|tracking|watching) (her|him|them|" + enTarget5 + ") ~8 (" + enArms5 + "|scare|more than scare|maybe more|every night|home at night|at night)",
		"(been|keep|kept|started) (sitting|waiting|parking) (outside|near|by) (his|her|their|" + enTarget5 + ") ~2 (house|flat|work|school|office|place|door)",
	}},
	{id: "r5-act", pats: []string{
		"(shoved|pushed|hit|slapped|punched|kicked|choked|strangled|smacked|whacked|grabbed|shook|squeezed) " + enTarget5 + " ~2 (hard enough|so hard|too hard|really hard|hard|twice|again)",
		"(grabbed|grabbing|grab|got) (her|him|them|" + enTarget5 + ") by (the|his|her|their) (neck|throat|hair)",
		"i (threw|have thrown|chucked|hurled|swung) (a|the|my) ~1 (chair|knife|bottle|glass|plate|mug|lamp|table|hammer|bat|pan|kettle|brick|rock|stone) at (him|her|them|" + enTarget5 + ")",
		"(hit|hitting|smacked|whacked|beat|beating|belted|slapped) " + enTarget5 + " (w|with) (a|the|my) ~2 (spoon|wooden spoon|belt|slipper|stick|shoe|hairbrush|cable|hanger|ruler|cane|lead|cord)",
		"(poke|poking|poked|burn|burning|burned|burnt) " + enTarget5 + " with ~2 (cigarettes|cigarette|lighter|iron|lit)",
		"(beat|beaten|knocked|punched|kicked) (a|the|some|that) (guy|man|bloke|lad|kid|woman) ~2 (unconscious|out cold|senseless|to a pulp)",
		"(smacked|hit|hurt|slapped|shaken|shook) (him|her|them|" + enTarget5 + ") (hard|really hard) (twice|again|# times|three times)",
		"(poison|poisoning|poisoned) (his|her|their|" + enTarget5 + ") ~2 (coffee|tea|food|drink|dinner|meal|water)",
		"(put|putting|slip|slipping|slipped|spike|spiking|spiked|crush|crushing|crushed|mix|mixing|mixed|add|adding|added|drop|dropping|sneak|sneaking) [some|my|his|her|extra|a few|crushed|the] ~1 (something|stuff|{pillword}|poison|rat poison|bleach|antifreeze|drugs|laxatives|powder|ketamine|sleeping tablets|sleeping pills|tablets|pills) (in|into) (his|her|their|my ~1|the) ~1 (drink|drinks|food|tea|coffee|dinner|meal|wine|beer|juice|bottle|cup|water|shampoo|soup|lunch|breakfast|smoothie|inhaler|meds|pills|bottles)",
		"(poison|rat poison|antifreeze|bleach) ~4 (is not|it is not|not) for [the] (rats|mice|weeds|garden|cleaning)",
		"(sick of|done with|had enough of) (my|him|her) ~3 (rat poison|poison|antifreeze)",
		"(rat poison|poison|antifreeze) ~6 (sick of|done with|had enough of) (my|him|her)",
	}},
	// Someone else's stated plan or act of harm, which the speaker reports:
	// the subject is someone else on purpose.
	{id: "r5-reported", flags: fNoSubject, pats: []string{
		"(son|brother|dad|father|husband|partner|boyfriend|friend|mate|cousin|uncle) (says|said|is saying|keeps saying|told me|swears|swore) (he|she|they) (is going to|will|wants to|is about to|plans to) ~2 {harmverb} ~3 (his|her|their|the|a|{victim}|" + enTarget5 + ") ~8 (tonight|tomorrow|today|this weekend|{when}|got|has got|has|found|with) ~3 " + enArms5,
		"(son|brother|dad|father|husband|partner|boyfriend|friend|mate|cousin|uncle) (is going to|is about to|wants to|plans to|says he will|says she will) (drive|crash) into ~4 (car|house|people|crowd) ~4 (in it|inside)",
		// Round 10 (review10s): a relative's stated intent against a
		// named person, weapon or time not required ("my son told me
		// he's going to stab the boy", "my husband said he is going to
		// kill our neighbour").
		"(son|daughter|brother|sister|dad|father|mum|mom|mother|husband|wife|partner|boyfriend|girlfriend|friend|mate|cousin|uncle) (says|said|told me|tells me|keeps saying|swears|swore) (he|she|they) (is going to|will|wants to|plans to|is planning to) ~1 (stab|kill|shoot|hurt|attack|strangle) (the|a|his|her|their|our|my|that) ~2 (boy|girl|kid|teacher|neighbour|neighbor|classmate|boss|coworker|colleague|wife|husband|girlfriend|boyfriend|brother|sister|dad|mum|mom|father|mother|friend|ex|man|guy|woman|baby|child|teacher)",
		"(son|brother|dad|father|husband|partner|boyfriend|teenage son|teenage daughter) ~3 (punched|hit|beat|stabbed|choked|strangled|slapped|kicked) (his|her) (girlfriend|boyfriend|wife|husband|partner|ex|sister|brother|mum|mom|dad) ~8 (again|will do it again|says he will|says she will)",
	}},
	// Round 7 (fitted batches 23-67; 68 on checked before fitting): a
	// weapon kept, carried or made ready, counting when the message also
	// threatens or watches the target (fThreat: "i know where he lives",
	// "he's going to regret it", "his schedule"); an intent told with a gap
	// ("i'm going to go to his house and hurt him badly"); urges and fears
	// of hurting a child; acts done with their object.
	{id: "r7-armed", flags: fPlan | fThreat, pats: []string{
		"(got|have|bought|brought|bringing|carrying|carry|keep|keeping|kept|sharpening|sharpened|cleaned|cleaning|loaded|hid|hidden|packed|taking|take|took|started bringing|started carrying) (a|the|my|his|her|dads|brothers|an|some|a can of|can of) ~2 " + enArms7,
		enArms7 + " ~3 (in my|in the|under my|under the|on the) ~1 (coat|bag|car|boot|trunk|truck|pocket|bed|drawer|bedside drawer|passenger seat|glovebox|van|garage|shed)",
		"(wait|waiting|going to wait|sit|sitting|sat|parked) (for|outside) (him|her|them|" + enTarget5 + ") ~6 (after|in|at|outside|tonight|with|when|every)",
		"(following|followed|been following|follow) (him|her|them|" + enTarget5 + ") ~2 (home|car|to)",
		"(list|a list) of ~3 (people|names|doctors|teachers|nurses) ~8 (hurt|pay|visit|screwed|refused|deserve|weapon)",
	}},
	{id: "r7-intent", pats: []string{
		"i (am going to|will|have decided i am going to|am going round to|am driving to) ~4 (stab|shoot|kill|murder|strangle|beat|batter|attack|run over|ram|smash|hurt|hit|punch|glass|torch|burn) (him|her|them|" + enTarget5 + ") ~3 (badly|properly|so bad|for good|in front of everyone|to death|with|up|$)",
		"(put|putting|throw|throwing) (him|her|them) (through|out of) the (wall|window|door)",
		"(lay|laying) (him|her|them) out", "(smash|smashing|cave|caving|kick|kicking) (his|her|their) (face|head|teeth|skull) in",
		"(taking|take|took) (a|the|my) (hammer|bat|baseball bat|crowbar|tyre iron|tire iron|chainsaw|axe|knife) to (his|her|their|" + enTarget5 + ")",
		"(smashing|smash|break|breaking) (a|the) (bottle|glass|chair) over (his|her|their) head",
		"(ram|ramming|run|running|drive|driving) ~2 (car|van|truck) (into|at) ~3 (with (him|her|them) in it|the protestors|protestors|the crowd|people)",
		"(get rid of|poison|poisoning|kill|killing) (my|his|her) (husband|wife|partner|boss|mother in law|father in law|stepdad|stepfather) ~8 (look like an accident|look natural|make it look)",
		"(thinking of|thought of|thoughts of|thoughts to) ~2 (giving|give) (him|her|them|" + enTarget5 + ") an overdose",
	}},
	// Fitted batch 69.
	{id: "r7-act", pats: []string{
		"(squeezed|gripped|pinched|twisted) (his|her|their|my) ~2 (hand|hands|wrist|wrists|arm|arms|neck|leg|legs) ~4 (so hard|till|until|hard|purple|marks|bruises|screamed|cried)",
		"(been|started|keep|kept) pinching (my|him|her|them)", "(held|hold|holding) (his|her|its|their) (muzzle|mouth|nose) shut",
		"(threw|thrown|chucked|hurled) ~4 at (him|her|them) ~6 (caught|hit|stitches|bleeding|burn|burnt|red raw|cut)",
		"(put|putting|smashed|smashing|slammed|slamming) (a|his|her|the|their) ~2 (head|face) (into|through|against) the (wall|floor|door|table)",
		"(smashed|rammed|ram|drove into|set fire to|torched) ~6 with (him|her|them) (in it|inside|still in it|still inside)",
	}},
	{id: "r7-urge", pats: []string{
		"(make sure|see to it) ~4 (never walks|never walk|never see|never sees|never touches|never touch|not going to see|does not see|will not see) ~3 (again|new year|christmas|another|right again)",
		"(he|she|they) (is not going to|will not|are not going to) see (the new year|christmas|another|next)",
		"(thinking|thought|think|picture|picturing|imagine|imagining|pictures|images|fantasising|fantasizing) (about|of) (using it on|doing it to|turning off|choking|shooting|stabbing|cutting|messing with|strangling|suffocating|killing|poisoning|running over|hurting) (him|her|them|whoever|his|her|" + enTarget5 + ")",
		"(will|going to) ~2 do (him|her|them) in",
		"(going|go|heading) round ~6 (with|and) ~4 (sort it|sort him|sort her|deal with|teach)",
		"teach (him|her|them) a lesson (he|she|they) (will not|will never) forget",
		"(thinking of|thinking about|thought about|want to|going to|tempted to|thinking|think about) (doing|do) something to (him|her|them|" + enTarget5 + ")",
		"what i (would|will|could) do to (him|her|them|" + enTarget5 + ")",
		"(planning|planned|plan|worked out) how i (would|will|could) (do it to|hurt|kill|get) (him|her|them)",
		"(fantasising|fantasizing|thinking|dreaming|dreamt) about (following|hurting|killing|stabbing|strangling|poisoning|smothering) (him|her|them|" + enTarget5 + ")",
		"(with|holding|hold|touch|touching) (a|the|my|dads|his|it) ~2 " + enArms7 + " ~6 (think|thinking|thought) about (him|her|them|" + enTarget5 + ")",
		"(sharpening|sharpened|cleaning|cleaned|loading|loaded) (my|the|a) ~1 (knives|knife|blade|gun|rifle|shotgun|axe|machete) ~6 (thinking|think|thought) about (him|her|them|" + enTarget5 + ")",
		"(someone|somebody|someones) (is going to|will) get [seriously|really|badly] hurt ~6 (not be me|will not be me|not me)",
		"(something|someone) (really bad|bad|terrible) (is going to|will) happen ~6 (me doing it|it will be me|by me)",
		"(i am|i feel|i think i am|i might be) (a danger|dangerous) to (others|other people|the people around me|people|everyone|my family|my kids|the kids)",
		"(waiting|wait|be waiting) (behind|by|at) the door with (the|a|my) ~1 " + enArms7,
		"i am (stabbing|shooting|glassing|knifing|killing|strangling|smashing|battering) (him|her|them|" + enTarget5 + ")",
		"(put|putting) (him|her|them|" + enTarget5 + ") in (hospital|the hospital|the ground|a wheelchair)",
		"(go|going|went) back (and|to) finish (it|him|her|the job)", "(wreck|wrecking) (him|her|them) ~3 (face|car|everything)",
		"break every bone in (his|her|their) ~1 (hand|hands|body|face|arm|arms|leg|legs)",
		"(urge|urges|want|wanting|wanted|thoughts|thought|flash|flashes|tempted|keep wanting|scary thoughts|images) ~3 (to|of) ~1 (shake|shaking|throw|throwing|smother|smothering|suffocate|suffocating|drown|drowning|hurt|hurting|strike|striking|burn|burning|stab|stabbing|strangle|strangling|choke|choking|poison|poisoning) (him|her|them|whoever|" + enTarget5 + ")",
		"(scared|afraid|terrified|frightened|worried) ~3 (i will|i might|i could|i would|i am going to|i will end up|ill) ~2 (hurt|harm|hit|kill|shake|smother|drop|throw) (him|her|them|" + enTarget5 + ")",
		"(scared|afraid|terrified|frightened) of what i (will|might|could|would) do (to|when i am alone with|if i am alone with) (him|her|them|" + enTarget5 + ")",
		"(mind|head|voices|voice) ~3 (telling|tells|told) me to (smother|suffocate|drown|shake|throw|stab|strangle|poison) (the|my|him|her|them)",
	}},
	{id: "r7-act", pats: []string{
		"(slapped|punched|headbutted|head butted|strangled|choked|throttled|bit|bitten|kneed|elbowed|battered) (my|the|a|another|one of the) ~2 {person}",
		"(slapped|punched|headbutted|strangled|choked|bit|pinched|shook|shoved|pushed|smacked|squeezed|hit|kicked) (him|her|them) ~3 (hard|really hard|so hard|too hard|back|across the face|in the face|again|until|till|a little|and (she|he) fell|proper|properly|while (he|she|they) (was|were)|on the ground)",
		"(pushed|shoved) (my|the|our|a) ~2 {person} ~4 (fell|into|against|down|over)",
		"(dragged|pulled|yanked) (my|the|her|him) ~2 ({person}|him|her) ~4 (by (her|his|the) (arm|hair|collar|neck)|up the stairs|across the|out of)",
		"(grabbed|grabbing) (my|the|a|another|one of the) ~2 {person} by the (arm|collar|neck|throat|hair)",
		"(putting|put|laying|laid) my hands on (my|the) ~1 {person}",
		"(and|then|just) went for (him|her|them) ~6 (with|caught|blood|cut|deserved|again|$)",
		"(rammed|ram|ramming) ~4 on purpose ~6 (still in it|was in it|in the car|with (him|her) in)",
		"(held|hold|holding|put|putting|pressed) (a|the) (pillow|cushion|bag) over (his|her|their|the babys|" + enTarget5 + ") ~1 (face|head|mouth)",
		"(held|hold|holding|pulled|pointed|waved) (a|the|my) ~1 (knife|gun|blade|bat|hammer|kitchen knife) (to|at) (him|her|them|" + enTarget5 + ")",
		"(pushed|shoved|threw|kicked|hit|punched|slapped|smacked|shook|pinned|grabbed) (my|the|our) ~2 {person} ~4 (down the stairs|against the wall|into the wall|really hard|so hard|too hard|across the room|to the floor|and (she|he) fell)",
		"(threw|thrown|chucked|hurled) (a|the) (kettle|pan|mug|plate|bottle|glass|chair|lamp|knife|iron|remote|phone) at (my|his|her) {person}",
		"(started|been|keep|kept) (hitting|beating|slapping|kicking|hurting) (him|her|them|my|the) ~1 {person}",
		"(put|putting|crush|crushing|crushed|slipped|slipping) ~3 (rat poison|poison|bleach|antifreeze|sleeping pills|sleeping tablets|my pills|pills|tablets|laxatives) (in|into) ~3 (tomatoes|soup|shake|protein shake|food|drink|tea|coffee|meat|dinner|his|her|their)",
		"(swung|swinging|lunged|went) at (him|her|them|" + enTarget5 + ") with (a|the|my|his|her) ~2 " + enArms7,
	}},
}

// English rules for abuse, violence or danger at home, and safeguarding: the
// speaker, or a child or adult the speaker names, hurt by someone else.
var abuseEN = []ruleDef{
	{id: "violence", flags: fRecent, pats: []string{
		"{abuser} ~3 (hits|hit|beats|beat|slaps|slapped|punches|punched|kicks|kicked|chokes|choked|strangles|strangled|pushed|pushes|shoves|shoved|hurts|hurt|rapes|raped|touches|touched|abuses|abused|molests|molested|burns|burned|grabbed|grabs|throttled|smacks|smacked|whips|whipped|batters|battered|assaulted|assaults|attacked|attacks|threw|throws) (me|us|my {person}|my little|my baby|things at me|a chair at me|stuff at me)",
		"(hits|beats|hurts|slaps|kicks|chokes|rapes|raped|touches|abuses|abused|molested) me (when|if|every|all the time|again|at home|in front|whenever|because|and|$)",
		"(threatens|threatened|threatening|threaten|said|says|told me) ~3 [he|she|they] ~1 (to kill|to hurt|to beat|would kill|would hurt|will kill|will hurt|is going to kill|was going to kill|would beat) (me|my|us)",
		"(threatens|threatened|threatening|threaten) to (kill|hurt|beat|take the kids|take my kids|throw me out) ",
		"(gets|got|becomes|became|is|getting) (violent|aggressive|abusive|physical) (with me|when|towards me|if|again|$)",
		"(i was|i have been|i got|been) (abused|raped|molested|assaulted|beaten) ",
		"(in|living in|live in|stuck in|trapped in|leave|leaving) (an|a|my) (abusive|violent|controlling) (relationship|marriage|home|household)",
		"my (abusive|violent|controlling) (partner|husband|wife|boyfriend|girlfriend|ex|dad|father|mother|mom|mum|stepdad|parents)",
		"(victim|experiencing|suffering|going through|living with|escape|escaping|flee|fleeing) ~2 (domestic violence|domestic abuse)",
	}},
	{id: "danger-at-home", pats: []string{
		"(scared|afraid|frightened|terrified|fear) (to go|of going|to be|of being) (home|back home|at home|alone with (him|her))",
		"(scared|afraid|frightened|terrified) of (my|him|her) [own] (husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|mom|mum|mother|stepdad|stepfather|stepmother|brother|son|carer|caregiver|family|parents|uncle)",
		"(not|do not feel|never feel|no longer feel|unsafe) [safe] (at home|in my home|in my house|in our house|with (him|her|my))",
		"(hurts|hurt|hit|hits|beats) me at home",
	}},
	{id: "control", pats: []string{
		"(will not|does not|do not|never) let me (leave|go out|see|have|talk|use|work|go|out of)",
		"(takes|took|controls|control|keeps|kept|stole|steals|taking|controlling) [all] (my|our) (money|phone|pension|bank card|card|cards|passport|keys|benefits|wages|salary)",
		"(locks|locked|lock|locking) me (in|out|up)",
		"(forces|forced|makes|made|pressures|pressured|pressuring) me ~3 (have sex|sex|sexual|sleep with|do things|do sexual)",
		"(stalking|stalks|stalked|harassing|harasses|following) me",
		"controls (everything|my life|who i see|where i go)",
	}},
	{id: "threat-or-abuse", pats: []string{
		"(he|she|they|my {person}) (said|says|told me|threatened|swore) ~8 (he|she|they) (will|would|is going to|was going to) ~2 (hurt|kill|hit|beat|harm|take the kids|take my kids) (me|us|my|the kids|$)",
		"(is|was|has been|keeps|kept|have been) (abusing|molesting|hitting|beating|raping|touching|grooming|strangling|choking) (me|my|her|him|us|them|the kids|his|her)",
	}},
	// Fitted batch 10.
	{id: "marks", pats: []string{
		"(black eye|bruises|bruise|split lip|busted lip) (from|courtesy of) (him|her|my)",
	}},
	// Fitted batch 11.
	{id: "control-v2", pats: []string{
		"(threatens|threatened) me (when|if|whenever)",
		"(reads|checks|goes through|monitors|tracks) [all] my (messages|texts|phone|emails|location)",
	}},
	// Round 3, fitted batch 13 on: someone at home × hits, throws, threatens.
	{id: "compose", pats: []string{
		"(dad|mum|mom|father|mother|stepdad|stepmum|stepmom|stepfather|stepmother|husband|wife|partner|boyfriend|girlfriend|he|she) ~8 (throws|threw|throwing|hurls|hurled) ~3 at (me|us|my {person}|my little|her|him|the kids|the baby)",
		"(found|noticed|saw|seen|keep finding|keep seeing|there are) ~1 (bruises|bruising|marks|burns|welts|finger marks|fingermarks|cigarette burns) (on|all over) ~3 (her|his|their|my {person}|my (sons|daughters|kids|mums|moms|dads|grans|grandmas|grandpas|babys|childs))",
		"(carer|caregiver|care worker|care home|nursing home|staff|nurse|nanny|babysitter|childminder|stepdad|stepmum) ~4 (shouts|yells|screams|hits|slaps|pushes|shoves|pinches|handles|grabs|hurts|shouted|yelled|hit|pushed|slapped|rough|locks) ~1 [at|with] (her|him|them|my {person})",
	}},
	// Fitted batch 14.
	{id: "compose", pats: []string{
		"({abuser}|boyfriend|stepdad|uncle|step dad|mums boyfriend|moms boyfriend|stepfather|grandad|lodger|cousin) ~4 (comes|coming|came|keeps coming|gets|getting|got|creeps|creeping|sneaks|sneaking) (in|into) (my|our|her|his) (room|bed|bedroom)",
		"(dad|mum|mom|father|mother|stepdad|stepmum|stepmom|stepfather|stepmother|husband|wife|partner|boyfriend|girlfriend|he|she) ~8 (throws|threw|throwing|hurls|hurled) ~3 at my (head|face|body)",
	}},
	// Fitted batch 15.
	{id: "compose", flags: fRecent, pats: []string{
		"{abuser} ~3 (bit|bites|scratched|scratches|spat on|spits on|pinched|pinches|headbutted|kneed|dragged|drags|pulled|pulls) (me|my {person}|my (hair|face|arm|arms|neck))",
		"(post|share|send|leak) my (nudes|photos|pictures|videos) ~3 (if i|unless)",
	}},
	// Fitted batch 16.
	{id: "compose", pats: []string{
		"{abuser} (said|says|told me|threatened|swore) ~3 (he|she|they) (would|will|is going to|was going to) ~2 (break|smash|cut|burn|beat|strangle|choke|stab) (my|me)",
		"(starves|starved|starving) (me|us|my {person}|her|him)", "(sending|sends|sent|gets|getting|keeps sending) ~2 (threats|threatening messages|threatening texts|death threats)",
		"(husband|wife|partner|boyfriend|girlfriend|dad|father|mum|mother|stepdad|stepmum) (hits|beats|hurts|abuses|punches|kicks|chokes|strangles|slaps) (her|him|them|the kids|the children)",
	}},
	// Fitted batch 17.
	{id: "compose", pats: []string{
		"(threatened|threatens|threatening) (me|us|my {person}) with (a|the|his|her|my) ~1 {weapon}",
		"{abuser} ~6 (as|for) [a] punishment",
		"{abuser} ~3 (pinned|pins|pinning|held|holds|grabbed|grabs) (me|my {person}) ~4 (against the wall|down|by my throat|by the throat|by the neck|by my hair)",
	}},
	// Fitted batch 19.
	{id: "compose-neglect", pats: []string{
		"(kids|kid|child|children|little one|little ones|baby|toddler|toddlers) ~6 (never|not|do not|does not|hardly ever|rarely) (get|gets|getting|got|being) (fed|fed properly|any food)",
		"(kids|kid|child|children|little one|baby|toddler|boy|girl|he|she) ~6 (has|have|had|got) (burn marks|cigarette burns|burns on|belt marks|welts|bruises everywhere)",
	}},
	// Fitted batch 20.
	{id: "compose-violence", pats: []string{
		"(put|had|wrapped|got) (his|her|their) hands (round|around|on) my (throat|neck)",
	}},
	// Round 5 (fitted batches 23 to 34): abuse as situations, each built
	// from a vocabulary: someone at home or close × controls (money,
	// papers, keys, medicines, food, who the speaker sees), locks in,
	// threatens (if i leave...), stalks (turns up, follows, tracks), hurts
	// (chokes, pins, points a weapon), or abuses sexually; a child or an
	// older adult hurt, neglected or groomed.
	{id: "r5-control", flags: fRecent, pats: []string{
		// Round 11: "takes her tablets" is a mother taking her own
		// ("my mother takes her tablets herself"); "takes my pills" and
		// "takes her pension" stay.
		"takes her ~2 (passport|papers|documents|id|keys|car keys|phone|wallet|purse|bank card|bank cards|cards|money|pension|benefits|payments|wages|disability|salary|account|savings|phone cable)",
		"(hides|hid|hiding|takes|controls|controlling|flushes|flushed|pours|throws away|withholds|withholding|rations|steals|has been stealing|confiscated|confiscates|took over) (my|our|all my|my mothers|my mums|my moms|my dads) ~2 (meds|medication|medications|pills|tablets|antidepressants|antidepressant|{pillword}|passport|papers|documents|id|keys|car keys|phone|wallet|purse|bank card|bank cards|cards|money|pension|benefits|payments|wages|disability|salary|account|savings|house|phone cable)",
		"(hides|hid|hiding|controls|controlling|flushes|flushed|pours|throws away|withholds|withholding|rations|steals|has been stealing|confiscated|confiscates|took over) her ~2 (meds|medication|medications|pills|tablets|antidepressants|antidepressant|{pillword}|passport|papers|documents|id|keys|car keys|phone|wallet|purse|bank card|bank cards|cards|money|pension|benefits|payments|wages|disability|salary|account|savings|house|phone cable)",
		"keeps (my|our|all my) (passport|papers|documents|id|keys|car keys|bank card|bank cards|money|wallet|phone|meds|medication|antidepressants) ~3 (in|from|locked|so)",
		"only (gives|give|lets|let|allows|allow) (me|them to me) ~6 (if|when|unless|as long as)",
		"(he|she|mum|mom|dad|husband|wife|partner|boyfriend|girlfriend|brother|sister|grandson|carer|son|daughter|bf|gf|family|parents) (will not|would not|does not|refuses to|never) (let|lets|allow|allows) (me|her|him|us) ~2 (eat|take|call|pay|sleep|phone|visit|speak|contact|keep|wear|ring|text|see|leave|go out|have|use|talk|work)",
		"(not allowed|never allowed|no longer allowed) to (have my own|leave the house|leave|see my|go out|talk to|have a phone|have a bank|call|phone|ring|have friends|wear|visit)",
		"(ask|asking|beg|begging) [him|her|them][for](permission|for money) (to|for|before)",
		"(have to|need to|must) (ask|beg) ~2 (permission|for money|before (i|using|eating|going)|to eat|to leave|to shower)",
		"(have|has|had) to (account for|explain) every (minute|penny|pound|dollar|cent)",
		"(tracks|checks|monitors|controls|reads) ~1 (my|all my) (spending|money|every|everything|messages|location|calls|emails)",
		"(tells|telling|decides) me (what to eat|what to wear|who to (see|talk to)|where i can go|when i can)",
		"(makes|made|forces|forced|making) (me|us|her|him) ~3 (sleep on the floor|sleep in the car|sleep in the garage|sleep outside|stand in the cold|stand outside|kneel|beg|work for no pay|work for free|work without pay|get an abortion|have an abortion|sit on his lap|sit on her lap)",
		"(forced|forcing|made) ~3 (work|to work) ~4 (no pay|for free|without pay|for nothing)",
		"(they|he|she) (have|has|took|keep|keeps|kept) my (documents|passport|papers|id)",
		"(kept|locked) in (his|her|their|my|the) (room|bedroom|house|garage|flat|cellar|basement)",
		"(locks|locked|locking|lock) (him|her|them|my {person}|mum|mom|dad|the kids|us) (in|up|out) ~3 (room|bedroom|house|again|when|night|for)",
	}},
	{id: "r5-threat", pats: []string{
		"if i (leave|leave him|leave her|go|tell|report|talk|ever talk|call|try to leave|go to the clinic|go to the police|tell anyone|say anything|disagree) ~6 (he|she|they) (will|would|is going to|said he would|said she would|says he will|says she will) ~3 (kill|hurt|post|take|report|tell|burn|crash|find|ruin|make|use|throw|kick|come|beat|end|send|share)",
		"(says|said|threatens|threatened|threatening) ~2 (he|she) (will|would|is going to) ~3 (crash|drown|burn|post|report|share|send|kill himself|kill herself) ~4 (us|me|the kids|the house|my|the baby|pictures|photos|videos|and then me)",
		"(threatens|threatened|threatening|threaten) [me]to (burn|post|report|crash|drown|take|leave me|kick me out|throw me out|kill|hurt|beat|share|send|tell|put me)",
		"(threatening|threatened|threatens) me with (his|her|their) (fists|fist|hands|belt)",
		"next time (it is|it will be|it is going to be) (me|you|my face|my head)",
		"next time it (will not|is not going to) be the wall",
		"(punches|punched|punching|hits|hit) (walls|the wall|the door|doors) (next to|beside|by|near) my (head|face)",
		"(pointed|points|pointing|aimed|aims|held|holds|holding) (a|the|his|her|their) ~1 {weapon} (at|to) (me|my|us)",
		"(keeps|keep|has|have) (a|the|his|her) ~1 (gun|guns|knife|knives|rifle|shotgun) ~6 (reminds me|whenever we argue|when we argue|if i ever|tells me he will use|says he will use)",
		"(he|she) ~3 (holds|held|holding|grabs|grabbed) (the|a) knife ~4 (says|said) (he|she) (will|would)",
		"(violent|aggressive|physical) if i (do not|say no|refuse|disagree|leave|talk)",
		"(he|she) (will|is going to) kill me if (he|she) (finds out|find out|knew|sees)",
		"(he is|she is|they are) (threatening|threatened) [to](kill|hurt) me",
		"(blackmailed|blackmailing|blackmails|extorting|sextortion)",
		"(posting|post|posted|share|sharing|shared|leak|leaking|leaked|sending|send|sent) (my|the) [private|intimate|naked|nude|explicit](pictures|photos|pics|videos|images|nudes) [of me](online|everywhere|to my|around|unless|if i)",
		"(post|share|send|leak) (the|my) (pictures|photos|videos|pics) of me",
	}},
	{id: "r5-stalking", pats: []string{
		"(turning up|showing up|coming round|driving past|hanging around|ringing me|calling me|messaging me|texting me|sitting outside|waiting outside|parked outside) ~6 (at night|every night|in a row|# times|wherever i go|withheld|# nights|nights|twice this week|at my work|outside my|at my door|at my kids|my building)",
		"(turning up|showing up|turned up|showed up) ~3 (wherever i go|at my work|at my door|outside my|at my kids|at my mums|at my house|every night)",
		"(tracker|tracking device|airtag|air tag|tracking app) (on|in|under) my (car|bag|phone|coat)",
		"(sends|sent|sending) me (photos|pictures|pics) of my (front door|house|car|flat|kids|window)",
		"(followed|following|follows|stalking|stalks|stalked) me (home|to work|everywhere|at night|from work|for weeks)",
		"(knows|found out|found|got|has) my new (address|number)",
		"(knows|found out) where i (live|work|am staying) now",
		"(broke|breaks|broken|let himself|lets himself|let herself|lets herself) (into|in) ~2 (my|our|at night)",
		"(outside|outside my) (house|flat|building|window|door|work) ~4 (#|nights|every night|in a row|twice|again)",
		"(pretending|pretends) to be me",
		"(banging|kicking|pounding|hammering|trying to break) (on|at|down|in) (the|my) ~1 (door|window|windows) ~6 (hiding|locked|scared|i am in|texting|typing)",
		"(hiding|locked in|locked myself in|i am in the bathroom|typing this|texting this) ~8 (banging|kicking|pounding|hammering|shouting|screaming) [on|at][the][door|window]",
		"(he is|she is) (banging|kicking|pounding|hammering) [on]the door",
		"(hiding|hid) (in|from) ~4 (bathroom|bedroom|my room|cupboard|him|her)",
	}},
	{id: "r5-violence", pats: []string{
		"(strangled|choked|throttled|suffocated|smothered|strangles|chokes|strangling|choking) me",
		"(put|had|wrapped|got) (his|her|their) hands (round|around|on) (my|her|his) (throat|neck)",
		"(slammed|smashed|shoved|pushed) my head (into|against)",
		"(slammed|smashed|shoved|pushed) (her|his) head (into|against|on)",
		"(pushing|pushes|pushed|shoving|shoves|shoved|pinning|pins|pinned|slamming|slams|slammed) (me|her) (against|into|down|onto) (walls|the wall|the door|the floor|the bed|the counter|the table)",
		"(pushing|pushes|pushed|shoving|shoves|shoved) (her|him|me) around",
		"(hit|hits|hitting|beat|beats) me with (it|the|a|his|her) ~1 (belt|cable|phone cable|bat|stick|hammer|bottle|fists|fist|shoe|slipper|cord|plug|phone|chair|pan|lead|charger|hanger|spoon|wooden spoon|buckle)",
		"(hits|hit|beats|hurts|slaps|smacks|punches) the (kids|children|baby|boys|girls|little ones) ~4 (when|if|every|again|proper|hard|till|until)",
		"(thrown|threw|throws|poured|pours) (hot|boiling|scalding) ~1 (coffee|tea|water|oil) (on|at|over) me",
		"(smashed|broke|smashes|breaks) (all|everything|my) ~2 (and|then) (said|says)",
		"(drives|drove) [really|so] fast ~6 (crash|scare me|kill us)",
		"(comes|came|coming) for me",
		"(punishes|punished|punish) (me|us|the kids|her|him) (after|for|if|when|by)",
		"(covered in|has|had|have|came home with|comes home with|come home with|sends her home with|sends him home with|with) (bruises|bruising|a black eye|black eyes|welts|marks|burns|finger marks) ~6 (again|every time|on (her|his|their|my) (arms|wrists|face|legs|neck|back|body)|and (said|says) (he|she) fell|from (him|her|his|her))",
		"(bruises|bruise|bruising) on my (arms|wrists|neck|face|legs|back|body) ~6 (hide|hiding|cover)",
		"(being|been) (beaten|abused|starved|neglected|groomed|trafficked|molested|exploited)",
		"(flinches|flinch|cowers|cowering) (when|whenever|if) ~3 (staff|he|she|they|comes|come)",
		"(no food|not been fed|not being fed|not fed properly|not fed|no food in the fridge|soiled|same clothes|lost weight|looked thin|looks thin|hungry) ~8 (bruises|bruise|black eye|scared|screams|shouts|terrified|locks)",
		"(bruises|bruise|black eye) ~8 (no food|not been fed|not being fed|not fed properly|hungry|soiled|looked thin|lost weight)",
		"(not|never|hardly ever|has not) (been|being|getting|get) fed (properly|for days|at all|in days)",
		"(left|leaves|leaving) (alone|on their own) for (days|hours|the weekend|nights)",
		"(crying|cries|cried) that (she|he|they) (is|are|was|were) hungry",
		"(lets|let|letting) (himself|herself) in at night",
		"(pay|paying) [the]rent (other ways|another way|in other ways|with sex)",
		"(sex|sexual favours|sexual favors) (in exchange|for sessions|for rent|instead of)",
		"(asks|asked|asking|keeps asking) (me|her|him) for (photos|pictures|pics|nudes|naked)",
		"(says|said|told) (me|her|him) not to tell",
		"(begged|begs) me not to tell",
		"(coach|teacher|uncle|priest|pastor|tutor|babysitter|stepdad|step dad|stepfather|cousin|grandad|grandpa|lodger|youth leader|instructor|neighbour|neighbor|brother in law|mums boyfriend|moms boyfriend|foster carers son|foster carer|carers son|man at my work|guy at my work|boss) ~4 (touches|touched|touching|keeps touching|has been touching|grabbing|grabs|grabbed|putting his hands on|puts his hands on|cornering|corners|messaging|messages|makes her stay|making my|making me stay|keeps making me|hurting me|pinning me)",
		"(cornering|corners|cornered) me ~6 (hands|touch|touching|grab|grabbing|storage|alone)",
		"(keeps|keep|kept) (trying to get|getting) me alone",
		"(doing things|doing stuff|touching me|having sex with me|on top of me|in my bed) ~3 (while i was asleep|when i was asleep|while i was drunk|when i was drunk|while i sleep|when i sleep|while i am asleep|while i was passed out)",
		"(woke up|wake up) ~2 [with](him|he was|my (husband|partner|boyfriend)) ~2 (doing|touching|on top)",
		"i (said|told him|told her) (stop|no) and (he|she|they) (did not|kept going|carried on|would not|did not stop)",
		"(spiked|drugged) (and|then) ~2 (assaulted|raped|abused|attacked)",
		"(groomed|grooming|being groomed)",
		"(comes|coming|walks|walking|keeps coming|came) (into|in) ~2 (bathroom|shower|my room|my bedroom|my bed|room|bedroom) ~4 (when|while|at) (i|she|he|nite|night) ~1 [shower|am showering|sleep|am asleep|get changed|change|am changing|at night|nite]",
	}},
	// Round 5, more situations: someone outside or coming with a weapon,
	// threats, grooming, money taken from an older adult, rape that is
	// still close.
	{id: "r5-danger", pats: []string{
		"outside ~4 (with|w) (a|the|his|her) ~1 {weapon}",
		"(coming over|coming round|on his way|on her way|coming here) ~3 (with|w) (a|the|his|her) ~1 {weapon}",
		"(threatening|threatened|threatens) 2 (kill|hurt) me",
		"(teacher|coach|man|adult|pastor|priest|tutor|leader|stranger|guy) ~6 (messaging|texting|meeting|meets) (him|her|my son|my daughter) ~4 (alone|at night|secretly|in secret)",
		"(making|makes|made) (my|her|his) ~1 (daughter|son|child|kid|girl|boy) stay (behind|late|after)",
		"(takes|took|taking|steals|stealing|stole) (money|cash|cards|my card) from my (purse|wallet|account|bank|handbag)",
		"(getting|got|makes|making|made) (him|her|my dad|my mum|my mom|my nan|my grandad|my gran) [to] sign (cheques|checks|papers|over|the house|his will|her will)",
		"(raped|abused|molested) me ~8 (still|now|around my|coming to|lives with)",
		"(comes|turns up|shows up) (round|over) (drunk|at night) ~4 (bangs|banging|shouting|kicking|screaming)",
		"(ringing|calling|texting|messaging) ~4 (withheld|# times a day|all night)",
	}},
}

// English rules for acute physical emergencies: symptoms that need an
// ambulance now, the speaker's or someone else's.
var acuteEN = []ruleDef{
	{id: "chest", flags: fRecent, pats: []string{
		"chest ~6 (pain|pains|hurts|hurting|tight|tightness|pressure|heavy|crushing|crushed|squeezed|on fire|killing me|exploding)",
		"(pain|pressure|tightness|crushing|weight) (in|on) my chest",
		"(having|have|had|is having|think i am having|might be having) [a] heart attack",
	}},
	{id: "breathing", flags: fRecent, pats: []string{
		"(can not|can barely|could not|struggling to|hard to|hardly|barely|unable to|trouble|difficulty|having trouble|having difficulty|hard time|difficult time|tough time) (breathe|breathing|catch my breath|get air|get enough air)",
		"(not|barely|stopped|is not|has stopped) breathing",
		"(lips|face|fingers|skin) ~2 (blue|turning blue|going blue|grey|gray)",
	}},
	{id: "heart", flags: fRecent, pats: []string{
		"heart (is racing|racing|is pounding|pounding|keeps racing|is beating so fast|is beating really fast|beating so fast|going crazy) ~6 (hour|hours|will not|can not|faint|pass out|chest|dizzy|since|still|for|now|stop)",
		"heart (will not|would not) (stop racing|slow down|stop pounding)",
	}},
	{id: "faint", flags: fRecent, pats: []string{
		"(fainted|passed out|blacked out|collapsed|lost consciousness|keep fainting|keep passing out|keep blacking out|blacking out|passing out|unconscious|unresponsive)",
		"(feel|feeling) like i am (going to|about to) (faint|pass out|collapse|black out)",
		"(not|is not) (responding|responsive|waking up)",
		"(can not|could not) wake (him|her|them|my)",
	}},
	{id: "seizure", flags: fRecent, pats: []string{
		"(having|had|has|is having) (a|another) (seizure|fit|convulsion|convulsions|seizures) (after|since|now|right now|again|just now|today|on the floor|on the ground|and|in the|$)",
		"(seizing|convulsing)",
	}},
	{id: "allergy", flags: fRecent, pats: []string{
		"(throat|tongue|lips|face|mouth|eyes) ~2 (swelling|swollen|swell|closing|closing up)",
		"(hives|welts) (all over|everywhere)",
		"(having|think i am having|is having|going into|have) (an|a) ~1 (allergic reaction|anaphylaxis|anaphylactic shock|anaphylactic reaction)",
	}},
	{id: "stroke", flags: fRecent, pats: []string{
		"(face|mouth|smile) ~2 (drooping|droopy|droops|is drooping)",
		"(slurred speech|speech is slurred|speech slurred|can not speak properly|can not talk properly|can not move my (arm|leg|side))",
		"(can not feel|can not move) my (face|arm|leg|left side|right side|side|mouth)",
		"(one side|left side|right side|half of my body|half my face) ~3 (numb|weak|paralysed|paralyzed|went numb|dead)",
		"worst headache (of my life|ever|i have ever had)",
	}},
	{id: "other", flags: fRecent, pats: []string{
		"(blood pressure|bp) ~3 #180",
		"(vomiting|throwing up|threw up|coughing up|puking|spitting up|vomited) ~3 blood",
		"blood in (my|the) (vomit|sick)",
		"(hit|banged) my head ~8 (confused|throwing up|vomiting|blurry|can not remember|passed out)",
	}},
	// Fitted batch 9.
	{id: "swallowed", flags: fRecent, pats: []string{
		"(kid|son|daughter|baby|toddler|child|dog|cat|little one) ~3 (ate|swallowed|got into|took|eaten|has eaten|chewed) ~4 (pills|meds|medication|medicine|tablets|{ket})",
	}},
	// Fitted batch 10.
	{id: "bleeding", flags: fRecent, pats: []string{
		"(bleeding|bleeds) (a lot|heavily|badly|so much|everywhere|nonstop|non stop|like crazy)",
	}},
	// Fitted batch 11.
	{id: "stroke-or-faint", flags: fRecent, pats: []string{
		"(everything|my vision|vision) ~1 (going|went|gone|goes|turning|turned) (black|dark|grey|gray)",
		"(speech is slurred|slurred speech|slurring my words|speech is slurring|talking funny)",
		"(can not) move my (arm|leg|face|side|hand)",
	}},
	// Round 3, fitted batch 13 on.
	{id: "compose-stroke", flags: fRecent, pats: []string{
		"(numb|weak|drooping|droopy|dead|paralysed|paralyzed|tingling|heavy) (on|down) (one|the left|the right|my left|my right|one whole) side",
		"(can not|could not|unable to) (lift|raise|move|feel|grip with) my (arm|arms|leg|legs|hand|face|left|right)",
	}},
	// Fitted batch 14.
	{id: "compose-chest", flags: fRecent, pats: []string{
		"(someone|something|an elephant|a weight|a brick|a ton of bricks|a car) ~3 (sitting|standing|pressing|crushing|on) ~1 my chest",
	}},
	{id: "compose-seizure", flags: fRecent, pats: []string{
		"(foaming|frothing) at the mouth", "(shaking|jerking|twitching|convulsing|fitting) (uncontrollably|all over|on the floor|and foaming|and not responding|and unresponsive)",
	}},
	{id: "compose-heart", flags: fRecent, pats: []string{
		"(heart|pulse|heart rate) ~6 (will not|would not|can not|does not|is not|not) (slow down|stop racing|stop pounding|calm down|settle)",
		"(heart|pulse|heart rate) (is|was) [doing|at|going|over] #150",
	}},
	// Fitted batch 15.
	{id: "compose-heart", flags: fRecent, pats: []string{
		"(pain|hurts|aching|numb|numbness|tingling|pins and needles|heavy|heaviness) ~6 (left arm|arm and jaw|arm and my jaw)",
		"left arm ~4 (pain|hurts|aching|numb|tingling|pins and needles|heavy|dead)",
		"(vomiting|throwing up|threw up|coughing up|puking|spitting up|vomited|vomit) ~6 blood",
	}},
	// Fitted batch 16.
	{id: "compose-allergy", flags: fRecent, pats: []string{
		"(throat|tongue|lips|mouth) ~4 (closing up|closing|swelling up|swelling shut)",
	}},
	// Fitted batch 17.
	{id: "compose-stroke", flags: fRecent, pats: []string{
		"(can not|could not) (move|feel) (one side|the left side|the right side|half) of (his|her|my|their) (body|face)",
		"(he|she|they|my {person}) ~2 (will not|would not|does not|did not) wake up", "(breathing|breathes) (funny|strangely|weird|oddly|strange)",
	}},
	// Fitted batch 21.
	{id: "compose-acute", pats: []string{
		"(can not|could not) get (any|enough) air",
		"(chest pain|chest pains|pain in (his|her|my) chest) ~6 (cold sweat|clammy|sweating|sweaty|can not breathe|short of breath|left arm|jaw)",
	}},
	// Round 5 (fitted batches 23 to 34): an emergency told as a symptom ×
	// its intensity, its course or a sign that it is now; someone else
	// found after taking too much; the body's alarms named in everyday
	// words.
	{id: "r5-seizure", flags: fRecent, pats: []string{
		"(had|has|having|is having|just had|went into|started having|has just had) (a|another|like a|what looked like a|a full|a big) (seizure|convulsion|convulsions|seizures)",
		"(seizure|seizures|fit|convulsion) (after|since|during) (the|my|his|her|their) ~1 ({session}|troche|lozenge|rdt|spray|dose|infusion|ket|k)",
		"(seizure|fit|fitting) ~6 (will not stop|would not stop|# min|# mins|# minutes|minutes|not stopping|still going|on the floor|on the sofa|on the kitchen floor|not answering|not responding|breathing but)",
		"(fitting|seizing|convulsing) ($|and|now|again|on the|for|right now|he|she|it has|it is)",
		"(body|whole body|muscles|arm|arms|legs|jaw) ~3 (stiff|rigid|twitching|jerking|clenched|locked) ~6 (can not control|can not stop|will not stop|uncontrollably|temperature|fever|#39)",
		"(eyes|eye) (roll|rolling|rolled) back",
		"(losing|lost|keep losing) consciousness",
		"(jaw|neck) (is|has|keeps) ~1 (locked|locking|stuck|twisted|twisting|twisting to one side)",
	}},
	{id: "r5-breathing", flags: fRecent, pats: []string{
		"(breathing|breaths|breathes|breath) ~2 (shallow|slow|slowly|weird|strange|funny|wrong|noisy|rattly|rattling|irregular|gurgling|sounds weird|sounds funny|sounds strange)",
		"(can not|could not|can barely|unable to) (get|take) (a|any) ~1 (breath|full breath|proper breath|breath in)",
		"(gasping|wheezing|suffocating|gurgling)",
		"(feel|feels|feeling|felt) like (i am|he is|she is) (suffocating|choking) ~6 (breath|breathe|chest|throat|air|swallow)",
		"i am choking",
		"(can not|could not|can barely|unable to) (swallow|swallow spit|swallow my spit)",
		"(throat|chest) (feels|is|felt|went|getting) ~1 (tight|closing|closed|burning|close|swelling) ~6 (wheez*|breath|breathe|swallow|hives|rash|troche|lozenge|rdt|spray|session|epipen|allergic)",
		"(felt|feel|feeling) my throat (close|closing|tighten|swell)",
		"(used|use|using|had to use|injected) (my|an|the|her|his) (epipen|epi pen|adrenaline pen)",
		"(inhaler|ventolin) (is not|is no|not) (helping|working)",
		"(barely|hardly|not) (conscious|waking up|responsive|responding|breathing properly)",
		"(hard|impossible|difficult) to wake ($|him|her|them|up $|up and|up now|properly)",
		"(hard|impossible|difficult|can not|could not) [to] wake (him|her|them|up properly)",
		"not (answering|responding) to (his|her|their|my) name",
		"(cold and grey|grey and cold|cold and gray|gray and cold|cold and blue|blue and cold)",
		"(nodding off|keeps nodding off|keep nodding off) ~6 (blue|breathing|lips|can not wake)",
	}},
	{id: "r5-chest", flags: fRecent, pats: []string{
		"(pain|pressure|tightness|weight|stabbing|burning|squeezing) (in|on|across|through) [the middle of|the centre of|the center of|the left side of|the side of] (my|his|her|the) chest",
		"(crushing|stabbing|burning|tearing|ripping) ~2 (pain|pains|sensation) ~4 chest",
		"chest ~6 (stabbing|burning|elephant|brick|crushing)",
		"chest (feels|felt|is) like ~3 (elephant|weight|brick|vice|squeezed|crushed)",
		"(heart|heart is|heart feels like it is) ~3 (beating|pounding|banging|hammering) ~2 out of my chest",
		"heart ~3 (all over the place|stopped and restarted|stopping and starting|keeps stopping|skipping beats and|feels like it stopped)",
		"(heart|pulse|heart rate|hr) ~3 (at|of|is|was|reads|reading|showing|says|hit|hitting|over|above|racing at|going at) #150 ~6 (will not|still|since|now|for|dizzy|faint|chest|session|troche|lozenge|after the|minutes|sitting|resting|lying|breathless|come down|slow down)",
		"(watch says|watch said|my watch) ~2 (afib|a fib|atrial fibrillation)",
		"#150 (bpm|beats|on my watch|on the watch) ~6 (will not|still|since|now|dizzy|faint|chest|session|troche|lozenge|minutes|sitting|resting|lying|breathless|come down|slow down)",
		"(heart|pulse) (is|was|going|feels) ~1 [really|so|very] slow ~6 (dizzy|faint|pale|#)",
		"pulse (is|of|at|was) # ~4 (dizzy|faint|pale|confused|and)",
		"(heart|pulse) ~4 (pounding|racing|beating) ~4 (so hard|so fast) ~6 (see|shirt|neck|dizzy|faint|vision|tingling|about to die)",
		"(palpitations|heart racing|heart pounding|racing heart) ~4 (so bad|really bad|bad) ~6 (dizzy|faint|vision|black|pass out|arm)",
		"(heart|chest|breathe|breath|pounding|racing|palpitations) ~8 (feel|feeling|felt) like i am (dying|about to die|going to die|having a heart attack)",
		"(feel|feeling|felt) like i am (dying|about to die|going to die) ~6 (heart|chest|breathe|breath|pounding|racing)",
	}},
	{id: "r5-neuro", flags: fRecent, pats: []string{
		"(face|mouth|smile|side of my face|side of his face|side of her face) ~4 (numb and droopy|droopy|drooping|droops|dropped|sagging)",
		"(words|speech|talking) (are|is|keep|keeps) ~1 (coming out wrong|coming out funny|jumbled|slurred|not coming out|wrong|garbled|nonsense)",
		"(can not|could not|unable to) (lift|raise|move|feel|grip with) (his|her|their) (arm|arms|leg|legs|hand|face|left|right)",
		"(thunderclap|worst headache of my life|worst headache ever|headache like being hit|like being hit on the head)",
		"(headache|head) ~6 (came on|come on) ~2 (suddenly|in seconds|like a thunderclap|out of nowhere)",
		"(stiff neck|neck is stiff|neck stiff|neck feels stiff|neck is really stiff) ~8 (fever|headache|light|rash|confused|temperature|#38)",
		"(fever|headache|temperature|#38|#39) ~8 (stiff neck|neck is stiff|neck stiff|neck feels stiff|can not look at [the] light)",
		"(can not|could not) look at ~1 light",
		"(not making sense|does not know where (he|she|they) (is|are)|do not know where i am|does not know what day|keeps calling me by|does not recognise me|does not recognize me|did not recognise me|did not know who i was)",
		"(seeing|sees|see) (flashing lights|spots|double) ~8 (pregnant|weeks|words|headache|can not stand|face|arm|dizzy)",
		"(pregnant|weeks pregnant) ~8 (headache|swollen) ~8 (flashing lights|seeing spots|blurred vision|blurry vision|vision)",
		"(confused|agitated) ~4 sweating ~6 (heart|shaking|twitching|fever|temperature|racing|crazy)",
		"(fever|temperature|temp) ~4 #39 ~8 (confused|confusion|shaking|stiff|rigid|seizure|rash|can not|clenched|jaw|twitching)",
		"#39 (fever|temperature|degrees) ~6 (confused|confusion|shaking|stiff|rigid|can not)",
		"(shaking|twitching|confused|confusion|stiff) ~8 (fever|temperature|temp) [of] #39",
		"woke up on the (floor|ground|bathroom floor) ~8 (do not know|how long|blood|was out)",
		"(do not|did not) know how long i was out",
		"(confused|confusion|not making sense|disoriented) ~8 (since|for) ~2 (# hours|hours|all day|the session|she got home|he got home|the infusion)",
	}},
	{id: "r5-other", flags: fRecent, pats: []string{
		"(can not|could not|unable to) keep ~1 (water|anything|fluids|liquids|food) down",
		"(vomiting|throwing up|puking|vomited|thrown up|threw up|been sick) (nonstop|non stop|for # hours|#5 times|all night|for hours|every few minutes|constantly)",
		"(blood pressure|bp) ~6 #180",
		"#180 over #110",
		"(can not|could not|unable to) (pee|urinate|wee) ~4 (at all|since|for hours|hours|agony|pain|blood)",
		"(peeing|pissing|urinating) blood",
		"(leg|arm|ankle|wrist|knee|shoulder) (is|looks) bent (wrong|the wrong way|weird)",
		"(rash|hives) ~3 (spreading|spread) ~8 (faint|dizzy|swelling|tongue|throat|breath|lips|neck|face)",
		"(tongue|throat|lips|face|eyes) ~3 (puffing up|puffy|swelled up|swelled|feels thick|thick|swelling up fast|blowing up)",
		"(blood sugar|glucose|sugar) ~3 (reads|is|of|at|was) #0 ~6 (confused|shaky|sweating|not making sense|will not wake)",
	}},
	{id: "r5-took-too-much", pats: []string{
		"(took|taken|swallowed|had|ate|drank|has taken|has had) ~4 (too many|too much|double|a bunch|a whole bunch|a handful|the whole|all|a load|loads) ~6 (by mistake|by accident|accidentally|thinking it was)",
		"(toddler|kid|child|son|daughter|baby|little one|dog) ~4 (found|got into|got hold of|swallowed|squirted|ate|drank|chewed) ~4 (my|the|his|her|some) ~2 ({pillword}|nasal spray|spray|bleach|pills|tablets|meds|{ket})",
		"(took|taken|had|did|snorted|done|has taken|has had) ~2 (a load|loads|a bunch|a lot|a big line|too much|way too much|a ton|lots) [of] ~2 ({ket}|{pillword}|k|ket|coke|ketamine) ~8 (vomiting|barely|will not wake|not waking|gurgling|unconscious|blue|grey|gray|not breathing|not responding|can not wake|throwing up|not answering|out of it)",
		"(k hole|khole|{ket}) ~8 (# hours|hours) ~6 (cold|grey|gray|blue|not answering|not responding|will not wake|can not wake)",
		"(he is|she is|they are) (throwing up|vomiting) ~3 (on his back|on her back|lying on|and barely|and not)",
	}},
}

// Round 5 (fitted batches 23 to 34, English): vocabularies for the rules
// built from them, so that a rule names a kind of word rather than one
// message's word. They are plain strings joined into patterns.
const (
	// Things used to hurt someone, beyond {weapon}.
	enArms5 = `({weapon}|kitchen knife|carving knife|hunting knife|stanley knife|box cutter|tire iron|tyre iron|wrench|spanner|` +
		`brass knuckles|knuckle duster|knuckle dusters|revolver|hunting rifle|firearm|machete|hatchet|sledgehammer|petrol|gasoline|` +
		`lighter fluid|acid|rat poison|antifreeze|pepper spray|shotgun|rifle|knife collection)`
	// Someone else, as a target: {victim} and the people a patient meets.
	enTarget5 = `({victim}|(my|the|that|this|his|her|a|our|their) [own|little|new|old|ex|elderly|next] (supervisor|students|student|pupils|patients|` +
		`clients|customers|nurse|nurses|doctor|doctors|therapist|psychiatrist|driver|uber driver|bully|bullies|mate|mates|housemate|` +
		`brother in law|sister in law|mother in law|father in law|son in law|daughter in law|stepson|stepdaughter|step son|` +
		`grandson|granddaughter|boyfriends|girlfriends|husbands|wifes|dog|cat|kid|kids|baby|toddler|infant|lover|manager|neighbours|` +
		`neighbors|guy upstairs|guy next door|teacher|coach|boss)|my # year old|the dog|the cat|the kids|the baby)`
	// A threat of harm as a verb, the ways people say it.
	enHarmVerb5 = `({harmverb}|end|finish|sort out|merk|shank|slit|slash|gut|cut up|jump|batter|beat down|deal with|` +
		`get rid of|take care of|run over|run down|run off the road|knock out|put down|fuck up|mess up|rough up|hurt|stab|shoot)`
	// Someone who hurts the speaker or a person they name, as a subject.
	enAbuser5 = `(he|she|my (husband|wife|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|ex|ex husband|ex wife|ex boyfriend|` +
		`ex girlfriend|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmum|stepmother|step dad|brother|sister|son|` +
		`daughter|uncle|aunt|grandpa|grandma|grandson|granddaughter|cousin|carer|caregiver|roommate|flatmate|landlord|family|` +
		`parents|in laws|mother in law|father in law|brother in law|sister in law|daughter in law|son in law|coach|teacher|` +
		`boss|neighbour|neighbor|adult son|adult daughter|foster carer|foster parents|stepson|mums boyfriend|moms boyfriend|` +
		`mums bf|moms bf|dads girlfriend|dads new wife)|the (man|guy|woman) i live with|mums bf|moms bf|bf|gf)`
	// Medicine names not in {drugname} (kept here, not in lexicon.go,
	// whose word classes are also the model's features), as alternatives
	// to put inside a group beside {drugname}.
	enDrug5 = `phenelzine|nardil|parnate|tranylcypromine|selegiline|emsam|suboxone|subutex|metformin|ozempic|semaglutide|wegovy|` +
		`mounjaro|tirzepatide|benadryl|diphenhydramine|hydroxyzine|atarax|zofran|sudafed|pseudoephedrine|cipro|ciprofloxacin|` +
		`clarithromycin|amoxicillin|doxycycline|biktarvy|atorvastatin|statin|statins|estradiol|hrt|testosterone|ventolin|` +
		`salbutamol|albuterol|beta blocker|beta blockers|levetiracetam|keppra|topiramate|hydrocodone|vicodin|percocet|` +
		`fentanyl|concerta|strattera|atomoxetine|buspirone|buspar|nyquil|advil|motrin|aleve|excedrin|imodium|loperamide|` +
		`cetirizine|zyrtec|loratadine|claritin|omeprazole|lansoprazole|pantoprazole|prazosin|naloxone|narcan|magnesium|fish oil`
	// Round 7: what may be taken to overdose, as the rules built on
	// enTook7 name it, beyond {pillword}.
	enOD7 = `({pillword}|{ket}|` + enDrug5 + `|endone|oxys|midazolam|tapentadol|temazepam|heart tablets|heart pills|insulin|insulin pens|tabs|vials|ampoules|ampules|dosette box|methadone|morphine|supply|script|stash|prescription)`
	// Taking in a dose, told as done.
	enTook7 = `(took|taken|have taken|had|swallowed|ate|eaten|downed|necked|chugged|consumed|injected|pushed|shot up|popped|snorted|sprayed|used|done|finished)`
	// Places a method is carried out at, beyond {enplace}.
	enPlace7 = `{enplace}|quarry|cliff path|cliff road|top floor|top|multistorey|motorway|level crossing|crossing|forestry|paddock|loft|attic|barn|hill|mountain|coast|beach|pier|harbour|water|garage|shed`
	// Lethal means carried to a place.
	enMeans7 = `(belt|rope|noose|cord|cable|hose|gun|shotgun|rifle|pistol|shotty|pills|tablets|blades|knife|razor)`
	// Round 7: things used to hurt someone, beyond enArms5.
	enArms7 = `(` + enArms5 + `|tyre iron|tire iron|bat|baseball bat|hurley|chainsaw|remington|kerosene|crowbar|blade|hammer|knife|big kitchen knife|weapon)`
	// Medicines and what they come as, as a patient names them.
	enMed5 = `({drugname}|{medword}|{ket}|meds|antidepressants|antidepressant|dose|doses|dosage)`
)
