package safety

// Round 11 (fitted batches 107 and 108): risk told inside a conversation
// or by someone else. Partners, parents, adult children, flatmates and
// carers write about the patient ("he says he's going to kill himself
// after his session", "sie hat gesagt sie nimmt alle tabletten"); an
// answer to the bot or a questionnaire adds the real thing ("answer to 6:
// yes i have a plan. the bridge"); danger from the patient to others, or
// to the patient or a child from someone at home, is described without the
// word abuse ("doesn't give him his heart tablets", "hat mir den arm
// umgedreht"). Rules about someone else carry fNoSubject: the subject
// check would otherwise clear them, as it clears "my friend is suicidal"
// said in passing. Every rule is soft (r11-), like rounds 7 to 10.

// enWho11 is a close person written about as the subject: never a small
// child, whose overdose is an accident for the emergency line.
const enWho11 = `(he|she|they|he is|she is|my (wife|husband|partner|son|daughter|mum|mom|mother|dad|father|brother|sister|roommate|flatmate|fiance|fiancee|boyfriend|girlfriend|friend|gran|grandma|grandpa|aunt|uncle|adult son|adult daughter|grown son|grown daughter|teenage son|teenage daughter|patient|client))`

// enSaid11 is reported speech: what the person said, wrote or keeps saying.
const enSaid11 = `(says|said|is said|has said|is saying|saying|keeps saying|kept saying|keeps telling me|told me|tells me|told her|told him|told us|told them|texted|texted me|messaged|messaged me|wrote|wrote to me|posted|threatened|threatens|is threatening|swore|swears|announced|admitted)`

// enWill11 is a stated intent of a third person.
const enWill11 = `(is going to|was going to|will|would|wants to|plans to|is planning to|intends to|is about to|is ready to)`

var crisisEN11 = []ruleDef{
	// Someone close said they will end their life, by any method.
	{id: "r11-other-intent", flags: fNoSubject, pats: []string{
		enSaid11 + " ~4 [that] (he|she|they) " + enWill11 + " [just|finally|really|actually] ~1 (kill (himself|herself|themselves)|end (his|her|their) [own] life|take (his|her|their) [own] life|end it [all]|overdose|jump|hang (himself|herself|themselves)|cut (himself|herself|themselves)|shoot (himself|herself|themselves)|drown (himself|herself|themselves)|do it properly|do it for real|do it right|go through with it|not come (home|back)|not be coming (home|back))",
		enSaid11 + " ~4 [that] (he|she|they) " + enWill11 + " ~1 (drive|crash|steer) ~3 (into|off) (a|the) ~2 (tree|wall|bridge|cliff|river|lorry|truck|traffic)",
		// Batches 111 and 112: the wish said aloud at the end of the
		// message, a window or ledge not left, a gun taken out.
		"(saying|says|said|keeps saying|is saying) (she|he|they) (wants|want) to (die|be dead|sleep forever|not wake up) $",
		"(he|she|they|{person}) ~2 (refusing|refuses|will not|would not) [to] (come|get|step|move) (away from|down from|off|back from) the ~2 (ledge|roof|railing|railings|bridge|edge|parapet)",
		"(he|she|they|{person}) ~2 (refusing|refuses|will not|would not) [to] (come|get|step|move) (away from|down from|off|back from) the ~2 (window|balcony) ~8 (floor|storey|high up|jump|she will go|he will go|drop)",
		"(he|she|they) (has|is|just) ~1 (got|taken|took|getting|taking) (the|his|her|dads|a) ~1 (gun|rifle|shotgun|pistol|revolver) (out of|from) (the|his|her|our) ~1 (safe|cabinet|cupboard|drawer|gun safe|locker)",
		enSaid11 + " ~4 [that] (he|she|they) " + enWill11 + " ~1 overdose on",
		"(he|she|they) (is|are) (not|never) (coming|going to come) (home|back|back in|back inside) ~8 (bridge|cliff|cliffs|railing|ledge|roof|tracks|sea|river|balcony|goodbye|pills|tablets)",
		"(bridge|cliff|cliffs|cliff walk|railing|ledge|roof|tracks|balcony|station) ~8 (says|said|saying|texted|keeps saying) (he|she|they) (is|are|will|would) (not|never) (coming|come) (home|back|back in)",
	}},
	// A supply to be taken: an ordinary absence clears it ("she said she
	// will take all her tablets with her on holiday").
	{id: "r11-other-intent", flags: fNoSubject | fAway, pats: []string{
		enSaid11 + " ~4 [that] (he|she|they) " + enWill11 + " ~1 (take|swallow|down|use|have) ({allof}|the rest of|the lot) ~3 ({pillword}|{ket}|{med9}|methadone|insulin)",
	}},
	// Someone close is at the place of a method now, or has done the act.
	{id: "r11-other-act", flags: fNoSubject | fHarm, pats: []string{
		enWho11 + " ~2 (is|are|has been|was) (sitting|standing|stood|sat|climbing|climbed) (on|over|up on) (the|a|her|his|our) ~1 (railing|railings|balcony railing|ledge|edge|roof|parapet|bridge|tracks|window ledge|windowsill) ~8 (now|right now|saying|says|will not|not coming|goodbye|threatening)",
		"(he|she|they) (is|are|was) (at|on) the ~2 (cliff|cliffs|cliff walk|bridge|tracks|railway|roof|edge) ~6 (says|saying|said) (she|he|they) (is|are|will) (not|never) (coming|come)",
		enWho11 + " ~3 (took|has taken|had taken|taken|swallowed|has swallowed|downed) ~3 ({allof}|a handful of|a box of|a bottle of|a whole|the whole|like #8|about #8|#8|an overdose of|too many of|too much of) ~3 ({pillword}|{ket}|{med9}|box|bottle|pack|packet|troches|sleeping pills|methadone) ~8 (on purpose|deliberately|to die|wants to die|an hour ago|hour ago|slurring|not waking|not responding|not answering|goodbye|sorry for everything|ambulance)",
		enSaid11 + " ~3 [that] (he|she|they) ~1 (took|taken|swallowed|downed) ~3 ({allof}|a handful of|a box of|a bottle of|a pack of|a packet of|a strip of|a whole|the whole|like #8|about #8|#8|an overdose|too many) ~3 ({pillword}|{ket}|{med9}|box|bottle|troches|methadone|of)",
		enSaid11 + " ~3 [that] (he|she|they) (took|has taken|had taken|took) an overdose",
		"(found|caught|saw|find) (him|her|them) (cutting|slitting|slashing|hanging) (his|her|their|himself|herself|themselves) ~1 (wrists|wrist|arms|throat|open|$)",
		"(he|she|they) ~3 (drank|drunk|swallowed|tried to drink|tried to swallow|has drunk|has swallowed) ~3 (the|some|a bottle of|a cup of|half a bottle of) ~2 {poison}",
		"(found|there is|there was|left) (a|her|his) (note|letter|goodbye note|goodbye letter) ~8 (pills|tablets|sleeping tablets|sleeping pills|meds|medication|painkillers) (are|is|were|was) ~1 (all gone|gone|missing|empty)",
		enWho11 + " ~1 (cut|slit|slashed|sliced) (her|his|their) (wrists|wrist|arms|throat) ~8 (ambulance|bleeding|blood|bath|now|just|tonight|please|emergency)",
		enWho11 + " ~3 (walked|stepped|went) (onto|on to) the ~1 (tracks|train tracks|railway|motorway) ~8 (do it properly|do it right|again|try again|next time)",
	}},
	// The same act with a farewell elsewhere ("sorry for everything").
	{id: "r11-other-act", flags: fNoSubject | fHarm | fPlan | fBye, pats: []string{
		enWho11 + " ~3 (took|has taken|had taken|taken|swallowed|has swallowed|downed) ~3 ({allof}|a handful of|a box of|a bottle of|a whole|the whole|an overdose of|too many of) ~3 ({pillword}|{ket}|{med9}|box|bottle|pack|packet|troches|sleeping pills|methadone)",
	}},
	// The speaker's own risk, added to an answer or a reply: a plan, a
	// method and a date said yes to; the end before the next appointment;
	// the courage to jump hoped for.
	{id: "r11-answer", pats: []string{
		"(got|have|have got|found) a (method|way) and a (time|date|day|place)",
		"(access to|got|have) (the|a) (means|method) ~4 (have|got|and) (a|the) (date|time|day)",
		"(courage|nerve|guts|strength) to (jump|do it|end it|end my life|kill myself|go through with it) $",
		// Integrator, after review 11: drinking as the means, inside a
		// question about a session ("is it ok to drink after the session, i
		// want to drink until i die").
		"(drink|drinking) ~2 (until|till|til) i (die|am dead|stop breathing|do not wake up|never wake up)",
		"(ill|i will|i am going to|i will be|i would) be dead (by then|before then|by (the|my) ~1 (session|appointment|infusion|follow up)|by (session|appointment) #)",
		"(i am|i will be|i will) (ending it|end it|ending things|end things|ending my life) (before|after|by) (then|that|the|my|it|session|friday|monday|tuesday|wednesday|thursday|saturday|sunday)",
	}},
	{id: "r11-answer", flags: fPlan, pats: []string{
		"(yes|yeah|yep) ~2 (i have|i do have|i have got|have|got) (a plan|a date|a method|the means|access to the means) $",
		"(yes|yeah|yep) ~4 (i have|i have got|have|got) a (plan|method) and a (date|time|day)",
		"(yes|yeah|yep) ~2 (i have|i have got|have|got) a method ~8 (soon|tonight|tomorrow|this week|it is soon)",
	}},
}

var possibleEN11 = []ruleDef{
	// The speaker alive only for someone or something; a means looked at
	// anew (batch 111).
	{id: "r11-only-for", pats: []string{
		"(only|just) (alive|here|living|still here|still alive|staying alive|hanging on) (for|because of) (my|the|our) ~1 (dog|cat|pet|kids|children|son|daughter|mum|mom|mother|dad|husband|wife|partner|grandkids)",
		"(looking|looked|look) at the (knives|knife|rope|bridge|tracks|balcony|razors|blades|train tracks) ~3 differently ~6 (do not know why|lately|since (the|my|last) (session|treatment|infusion)|these days|recently)",
	}},
	// Someone close talks of not being there, of being a burden, of no
	// future; gives away what they love; asks to have a pet looked after
	// "if anything happens".
	{id: "r11-other-signs", flags: fNoSubject | fAway, pats: []string{
		"(keeps|kept|has been|been|is|was) (saying|talking about|telling (me|us|everyone)) ~4 (he|she|they) (will not|would not|is not going to|does not expect to|might not) be (around|here|alive) (for|by|at|to see|when|much longer|anymore|$)",
		// Said of the speaker himself or herself: the person and the
		// pronoun agree ("my sister says we're better off without him" is
		// about someone else).
		"(he|my (husband|son|dad|father|brother|partner|boyfriend|fiance|grandpa|uncle)) ~3 " + enSaid11 + " ~6 (better off without him|better off if he (was|were) (gone|dead|not here|not around))",
		"(she|my (wife|daughter|mum|mom|mother|sister|partner|girlfriend|fiancee|grandma|gran|aunt)) ~3 " + enSaid11 + " ~6 (better off without her|better off if she (was|were) (gone|dead|not here|not around))",
		"(keeps|kept|has been|been) (saying|telling (me|us|everyone)) ~4 (he|she|they) (is|are|was) (a burden|in the way|a waste of space)",
		"(he|she|they) (does not|do not|can not|did not|no longer) see (a|any) (future|point|way out)",
		"(gave|has given|given|is giving|been giving|has been giving|gave away|giving away) ~3 (his|her|their) (dog|cat|pet|dogs|cats|guitar|things|stuff|belongings|possessions|jewellery|jewelry|records|books|watch|bike|collection|savings) ~4 (to|away)",
		"(asked|asking|wants) (me|us) to (look after|take care of|mind|keep) (her|his|their) ~2 (cat|dog|pets|pet|kids|children|plants|things) ~4 (if anything|if something|in case|just in case|when (she|he|they) (is|are) gone)",
		"(he|she|they) (is|are|was|has been) ~1 (tired|sick) of (fighting|trying|living|being alive|everything|it all) ~6 (wants|want|wanted) (it all|everything|it) to (stop|end|be over)",
		"(he|she|they) ~3 (sorted|sorting|put|putting|got|getting) ~2 (his|her|their) (will|affairs|papers|insurance papers|accounts|passwords) ~2 (in order|sorted|together|out) ~8 (just in case|healthy|young|worried|#)",
	}},
}

var harmEN11 = []ruleDef{
	// The clinic's patient threatened to kill or hurt someone at home (a
	// partner, a parent, a sibling, the writer): harm to others, not
	// abuse, once the message says the threatening person is the patient.
	{id: "r11-patient-threat", flags: fNoSubject | fPlan | fPatient, pats: []string{
		// The one threatened is the writer or someone named, never "her"
		// or "him", who may be the patient threatened by someone else
		// ("her ex has threatened to kill her. she's your patient").
		"(threatened|threatens|threatening|threaten) ~3 (to kill|to stab|to hurt|to shoot|to burn|to strangle) (me|us|my|our)",
		enSaid11 + " ~3 (he|she|they) " + enWill11 + " ~1 (kill|stab|shoot|burn|hurt|strangle|drown|poison|attack|beat|finish) (me|us|my|our|the|everyone|him off|her off|them off)",
		"(threatened|threatens|threatening|threaten) ~3 (to kill|to stab|to hurt|to shoot|to burn|to strangle) (the|his|her) ~1 {person}",
		"(set fire to|burn down|burn|torch) ~4 with (her|him|them|my {person}|the {person}|the kids) (in it|inside)",
		"(threw|thrown|throws) (a|the) ~1 (pan|knife|chair|plate|bottle|glass|hammer) at (his|her|their) ~2 {person} ~8 " + enSaid11 + " (he|she|they) " + enWill11 + " ~2 (kill|finish|hurt|stab)",
		enSaid11 + " ~3 (he|she|they) " + enWill11 + " burn the (house|flat|place|building) (down|with)",
		// Hurting someone named and threatening to kill them.
		"(punching|punched|hitting|hit|hits|beating|beats|beat|kicking|kicks|hurting|hurts|choking|chokes) (his|her|their|my|our) ~2 {person} ~6 " + enSaid11 + " (he|she|they) " + enWill11 + " ~1 (kill|stab|strangle|drown|hurt) (her|him|them)",
		"(thoughts|thought|urges|urge|images|fantasies) (of|about) (drowning|smothering|hurting|stabbing|strangling|shaking|suffocating|killing|poisoning|harming) (our|my|the|his|her|their) ~1 (toddler|baby|son|daughter|kid|child|children|kids|newborn|wife|husband|partner|mum|mom|dad)",
	}},
	{id: "r11-other-threat", flags: fNoSubject, pats: []string{
		enSaid11 + " ~3 (he|she|they) " + enWill11 + " ~1 (kill|stab|shoot|strangle|attack|beat up) (his|her|their) ~1 {person} ~8 (tomorrow|tonight|when|knife|bat|gun|rifle|sharpening|got|has)",
		"(he|she|they|my {person}) ~4 " + enWill11 + " (shoot up|shoot|bomb|attack) (his|her|their|the|my) ~2 (old school|school|college|class|office|work|workplace|church|mosque)",
		"(thoughts|thought|urges|urge|images) (of|about) (drowning|smothering|stabbing|strangling|shaking|suffocating|killing|poisoning) (our|my|the|his|her|their) ~1 (toddler|baby|son|daughter|kid|child|children|kids|newborn)",
		enSaid11 + " ~3 (he|she|they) (will|would|is going to) poison (my|our|his|her|their|the) ~1 (food|drink|tea|coffee|dinner|water)",
		"(make sure|see to it) (he|she|they) (does not|do not|will not|never) (live|lives|survive|survives) (to|long|past)",
		"(hit|punched|slapped|kicked|attacked|headbutted) ~6 (in the face|in the head|twice|again) ~8 (says|said) (he|she|they) (will|would|is going to) do (worse|it again|more)",
	}},
	// The speaker's own urges told in a reply: to attack or shove people,
	// to frighten someone followed.
	{id: "r11-urge", pats: []string{
		"(locked|locking|shut|shutting) my ~3 (yr old|year old|years old|son|daughter|kid|child|baby|toddler|little one) in (the|a|his|her) ~1 (cellar|basement|cupboard|closet|shed|car|garage|attic) ~6 (punishment|for the night|all night|overnight|scared)",
		"(poisoning|poisoned|been poisoning|feeding) ~3 (cat|dog|pet|rabbit|{person}) ~4 (with|using) ~3 {poison}",
		"(wanted|want|wanting|urge|urges|tempted) to (attack|hit|punch|stab|shove|push|hurt) (one of them|one of those people|a passenger|a stranger|someone|somebody) ~6 (almost did|nearly did|i almost|i nearly|i got close)",
		"(urge|urges|tempted|want|wanted) to (shove|push|throw) (people|someone|somebody|strangers|a stranger|him|her) (onto|in front of|off|under) (the|a) ~1 (train|tracks|platform|bus|traffic|edge)",
		"(following|followed|follow|tailing|tailed) (my|the|her|his) ~1 (ex|ex wife|ex husband|ex girlfriend|ex boyfriend) ~8 (make (her|him|them) (scared|afraid|frightened)|scare (her|him|them)|her new address|his new address)",
	}},
}

var abuseEN11 = []ruleDef{
	// Violence or neglect at home described without the word abuse: a
	// carer or relative who shoves, withholds medicine, grabs hair, kicks
	// the door in, threatens to take the children; marks from someone.
	{id: "r11-at-home", pats: []string{
		"(shoves|shoved|pushes|pushed|shoving|pushing|hits|slaps|kicks|pinches|grabs) (him|her|me) ~8 (does not|will not|never) (give|gives|let) (him|her|me) (his|her|my) ~2 ({pillword}|{med9}|heart tablets|tablets|insulin|food|water|medicine)",
		"(shouts|yells|screams) at (me|him|her) and (pushes|shoves|hits|slaps|kicks|pinches|grabs)",
		"(grabbed|pulled|yanked) (her|my|his) (hair|by the hair)",
		"(he|she|they|ex|{person}) ~6 (kicking|kicked|kicks|kick|smashing|smashed|bashing) (the|my|our|her|his) (door|front door|bedroom door) (in|down)",
		"(touched|touches|touching) (her|him|me) (in a way|where|inappropriately|down there|under)",
		"(he|she|they) (will|would|is going to|says he will|says she will) (take|taking) (them|the kids|the children|my kids|my children) ~6 never see (them|him|her) again",
		"(bruises|bruise|marks|welts) ~4 (from him|from her|from them|from my {person})",
		"i think (he|she|they) (hurts|hits|is hurting|beats|is hitting) (her|him|me)",
		"(screams|shouts|yells) at (my|her|his) ~1 {person} and ~3 (threw|throws|thrown|hurled) (a|the) ~1 (chair|plate|glass|bottle|cup|phone) (at|after) (her|him|me)",
	}},
}

// German: the same shapes in German word order and dialect.
const deWho11 = `(er|sie|si|mei (frau|mann|bua|mo|oide|oida|tochter|mutter|vadda)|mein (mann|sohn|bua|bub|freund|verlobter|vater|papa|bruder|opa|mitbewohner|partner)|meine (frau|tochter|mutter|mama|mami|schwester|oma|mitbewohnerin|partnerin|freundin|verlobte)|mis mami|mich ma|mei bua)`

const deSaid11 = `(sagt|sagte|hat gesagt|hat gsagt|hod gsagt|het gseit|het grad gseit|het gsait|hat geschrieben|schreibt|meint|hat gedroht|droht|erzaehlt|hat erzaehlt|hat angekuendigt|gesagt|gsagt|gseit)`

var crisisDE11 = []ruleDef{
	{id: "r11-other-intent", flags: fNoSubject, pats: []string{
		deSaid11 + " ~6 (er|sie|si) (bringt|bring) sich ~4 um",
		deSaid11 + " ~6 (er|sie|si) (nimmt|nimmt sich) ~4 (das leben|sein leben|ihr leben)",
		deSaid11 + " ~6 (er|sie|si) (schneidet|schneid) sich ~2 auf",
		deSaid11 + " ~6 (er|sie|si) (springt|erhaengt sich|ertraenkt sich|erschiesst sich|vergiftet sich|bringt es zu ende|macht schluss)",
		deSaid11 + " ~6 (er|sie|si) (machts|macht es|machts diesmal|macht es diesmal) ~2 (richtig|wirklich|ernst)",
		deSaid11 + " ~6 (er|sie|si) (kommt|kimmt|chunnt|komme) (nicht|ned|nid|nicht mehr) ~2 (heim|nach hause|zurueck|hoam)",
		// Batches 111 and 112: in a clause with "dass", a car driven at
		// something, the wish said aloud at the end of the message.
		deSaid11 + " ~6 dass (er|sie) sich ~3 (aufhaengen|erhaengen|umbringen|toeten|erschiessen|vergiften|ertraenken|das leben nehmen) (wird|will|werde|moechte)",
		deSaid11 + " ~4 (er|sie) (faehrt|fahrt|rast|steuert) ~3 (gegen|in) (einen|eine|die|den|ne) ~1 (baum|wand|mauer|bruecke|lkw|pfeiler|brueckenpfeiler)",
		"ins auto ~4 (gegen zu fahren|dagegen zu fahren|gegenzufahren|reinzufahren|gegen was zu fahren)",
		"(sagt|sagte|meint) (er|sie) (will|moechte|wolle) (sterben|nicht mehr leben|nicht mehr aufwachen|fuer immer schlafen) $",
	}},
	// "nimmt alle tabletten mit in den urlaub" takes them along.
	{id: "r11-other-intent", flags: fNoSubject | fAway, pats: []string{
		deSaid11 + " ~6 (er|sie|si) (nimmt|nehme|schluckt) ~4 (sein ganzes|ihr ganzes|seine ganzen|ihre ganzen|alle|alles|den ganzen|die ganze) ~3 ({pillword}|tabletten|tablette|tablettli|pillen|methadon|insulin|{ket}|{dmed8}|{med9}) (heute|heute nacht|morgen|jetzt|$|und|nach|wenn)",
	}},
	{id: "r11-other-act", flags: fNoSubject | fHarm, pats: []string{
		deSaid11 + " ~4 (er|sie|si) (hat|habe|het|hot) ~4 (alle|#|die ganze|das ganze|den ganzen|seinen ganzen|ihren ganzen|seine ganzen|ihre ganzen|eine ganze|ne ganze) ~4 (vorrat|{pillword}|tabletten|pillen|{ket}|{dmed8}|{med9}) ~6 (genommen|geschluckt|gschluckt|gnomma)",
		deWho11 + " ~2 (hat|het|hot) ~2 (alle|die ganzen|de ganzen|seine ganzen|ihre ganzen|den ganzen|seinen ganzen|ihren ganzen) ~3 (schlaftabletten|tabletten|pillen|{pillword}|vorrat|{dmed8}|{med9}) ~2 (genommen|gnommen|gnomma|geschluckt|gschluckt) ~8 (wirr|lallt|wach|wacht nicht auf|wacht nicht mehr auf|reagiert nicht|nicht ansprechbar|vor einer stunde|vor einer halben stunde|mit absicht|tut mir leid|sterben|abschied)",
		// Integrator, after review 11: self-harm of someone close told now
		// ("meine tochter ritzt sich mit einer rasierklinge").
		deWho11 + " ~3 ritzt (sich|si) [wieder|schon wieder|immer noch|heimlich|gerade|jetzt] ~4 (rasierklinge|klinge|messer|scherbe|scherben|arme|arm|beine|oberschenkel|handgelenke|blutet|$)",
		deWho11 + " ~3 (schneidet|verbrennt) (sich|si) [wieder|schon wieder|immer noch|heimlich|gerade|jetzt] ~4 (rasierklinge|klinge|scherbe|scherben|die arme|den arm|die beine|die oberschenkel|die handgelenke|mit zigaretten|mit dem feuerzeug) ~3 (auf|blutet|$)",
		"(gefunden|erwischt|gesehen) ~4 wie (er|sie) sich ~2 (die|d) (pulsadern|handgelenke|arme) (aufschneidet|aufschneiden|aufgeschnitten|ritzt)",
		"(brief|zettel|abschiedsbrief) ~6 (gefunden) ~4 (ihre|seine) ~1 (schlaftabletten|tabletten|pillen|medikamente) (sind|waren) ~1 (weg|leer|verschwunden)",
		"(steht|stoht|sitzt|stand) ~3 (dach|gelaender|brueckengelaender|balkongelaender|klippe|steilkueste|fensterbrett) ~6 (springt|spring|springen|runterspringen|nicht heim|kommt nicht)",
		"wie (er|sie) ~2 (brueckengelaender|balkongelaender|gelaender|dachkante|dach) (steht|sitzt|stoht)",
		deSaid11 + " ~4 (er|sie|si) (hat|habe|het|hot) ~4 (alle|#|die ganze|das ganze|den ganzen|eine ganze|ne ganze) ~4 ({pillword}|tabletten|pillen|{ket}|troches|k troches|lutschtabletten|methadon|{dmed8}|{med9}) ~4 (genommen|geschluckt|gschluckt|gnomma)",
		"(hat|het|hot) (sich|si) ~4 eingeschlossen ~6 (sagt|meint|schreibt) (er|sie|si) (hat|habe) ~4 (alle|#|die ganze) ~4 (geschluckt|genommen)",
		"(genommen|geschluckt) ~3 mit absicht",
		"(steht|sitzt|stand|sass) (an der|auf der|auf dem|am|auf) ~2 (steilkueste|klippe|klippen|bruecke|gelaender|balkongelaender|dach|gleisen|bahngleisen|fensterbrett|bruestung) ~8 (kommt nicht|komme nicht|kommt ned|nicht heim|nicht mehr heim|nicht zurueck|springt|springen)",
		deWho11 + " ~4 (ist|is) ~4 auf die (gleise|schienen|bahngleise) (gegangen|gelaufen) ~8 (richtig|nochmal|wieder|diesmal)",
	}},
	{id: "r11-answer", pats: []string{
		"(heute|jetzt|gleich|morgen|dann) (drueck|druecke) (ich|i) ab",
		"(ja|jo) ~2 (ich habe|habe|i hob) ~2 eine methode ~8 (bald|heute|morgen|diese woche|es ist bald)",
		"(mut|den mut|mumm) (zum springen|zu springen|es zu tun|mich umzubringen|zum sterben|es durchzuziehen) $",
		"(weil|da|wo) (ich|i) (dann|bis dahin|bis dann) [schon] ~1 (tot bin|tot sein werde|nicht mehr lebe|nicht mehr da bin)",
		"(ich habe|habe) ~2 (eine methode|einen plan|die mittel|zugang zu den mitteln) ~3 und ~3 (ein datum|einen zeitpunkt|einen tag|einen ort)",
		"(welche|wie viel|wieviel) ~6 (bringt|bringen|toetet|toeten) (jemanden|einen|mich|einen menschen) ~6 um",
		"(heute nacht|heute abend) (wenn|sobald|waehrend) ~6 (mach|mache|tu|tue) (ichs|ich es|is) $",
	}},
	{id: "r11-answer", flags: fPlan, pats: []string{
		"(ja|jo|jep) ~2 (ich habe|habe|i hob) ~2 (einen plan|ein datum|eine methode|die mittel|zugang zu den mitteln)",
	}},
}

var possibleDE11 = []ruleDef{
	{id: "r11-only-for", pats: []string{
		"nur noch (wegen|fuer) (meinem|meiner|meinen|meine|mein|den|die|dem|der) ~1 (hund|katze|kindern|kinder|kind|sohn|tochter|mutter|mama|mann|frau|enkeln) ~2 (da|hier|am leben|lebe)",
		"(meine|mir meine) beerdigung ~2 (vorstell|vorstelle|vorstellen|ausmale|ausmalen|plane|planen)",
	}},
	{id: "r11-other-signs", flags: fNoSubject | fAway, pats: []string{
		"(er|mein (mann|sohn|vater|papa|bruder|freund|partner|verlobter|opa)) ~4 (sagt|meint|sagte|hat gesagt|meinte) ~8 ohne ihn ~2 (besser dran|besser)",
		"(sie|meine (frau|tochter|mutter|mama|schwester|freundin|partnerin|verlobte|oma)) ~4 (sagt|meint|sagte|hat gesagt|meinte) ~8 ohne sie ~2 (besser dran|besser)",
		"(er|sie) (sieht|sehe) (keine|kei) (zukunft|perspektive|sinn|ausweg)",
		"(sagt|meint|redet davon|spricht davon) ~3 (er|sie) (ist|sei|waere) (nicht mehr) (lange|da|hier) ~3 (zu seinem|zu ihrem|bis|wenn)",
		"(er|sie|mein {dperson}|meine {dperson}) ~4 (hat|verschenkt|verkauft) ~3 (seinen|ihren|seine|ihre|sein|ihr) (hund|katze|gitarre|sachen|schmuck|auto|fahrrad|uhr|sammlung) ~6 (verschenkt|weggegeben|hergegeben|abgegeben|an|weg)",
		"(muede|mued|muad) (vom leben|des lebens)",
		"(er|sie|mein {dperson}|meine {dperson}) ~4 (testament|konten|papiere|versicherungen) ~4 (gemacht|geordnet|geregelt|aufgesetzt|geschrieben) ~8 (jahre|ist #|er ist|sie ist|geht es|seit)",
	}},
}

var harmDE11 = []ruleDef{
	{id: "r11-patient-threat", flags: fNoSubject | fPlan | fPatient, pats: []string{
		"(hat|habe) ~3 gedanken ~4 (bewohner|patienten|patientin|kind|baby) ~4 (absichtlich|mit absicht) ~2 zu viel ~2 (insulin|{pillword}|{dmed8}) zu geben",
		"(gedroht|droht|drohte) ~3 (mich|uns) ~1 (umzubringen|abzustechen|zu toeten|zu erstechen|anzuzuenden)",
		// Before the threat itself, which is an idiom for the crisis
		// rules ("droht mich umzubringen"): the weapon it was made with.
		"(hat|hatte) (mir|mich|uns) ~3 mit (dem|einem|ihrem|seinem) ~1 ({dweapon}|kuechenmesser|messer|beil|axt)",
		deSaid11 + " ~3 (er|sie) (bringt|bringe) (mich|uns|euch|die|den) ~3 um",
		deSaid11 + " ~3 (er|sie) (zuendet|zuende|fackelt) ~3 (haus|wohnung|bude) ~4 (an|ab)",
		"(schlaegt|schlug|haut|tritt|wuergt|verpruegelt) (seine|ihre|meine|unsere) ~2 {dperson} ~4 (und|$) ~2 " + deSaid11 + " (er|sie) (bringt|bringe) (sie|ihn) ~2 um",
		"(gedanken|drang|bilder) ~6 (kind|kleinkind|baby|sohn|tochter|kleinen|kinder) ~6 (zu ertraenken|zu ersticken|zu erwuergen|umzubringen|zu schuetteln|wehzutun|weh zu tun|zu schlagen)",
	}},
	{id: "r11-other-threat", flags: fNoSubject, pats: []string{
		"(meinen|meine|mein|unseren|unsere|unser) ~3 (jaehrigen|jaehrige|kind|sohn|tochter|kleinen|kleine|kleinen) ~6 (keller|schrank|kammer|auto|abstellraum|dachboden) (eingesperrt|eingeschlossen|gesperrt)",
		"(rattengift|gift|frostschutzmittel|schneckenkorn) ~3 (ausgelegt|hingelegt|gegeben|ins futter|gestreut) ~4 damit (sie|er|die katze|der hund|es) ~3 (frisst|stirbt|verreckt)",
		"(an|in) (seiner|ihrer|der|meiner|seine|ihre) ~2 (schule|klasse|arbeit|firma) ~3 (rumballern|rumzuballern|amok laufen|amok|um sich schiessen)",
		"(gedanken|drang|bilder) ~6 (kind|kleinkind|baby|kinder|kleinen) ~6 (zu ertraenken|zu ersticken|zu erwuergen|umzubringen|zu schuetteln|gegen die wand zu schlagen)",
		"(drang|gedanken) ~6 (den kopf|den schaedel) ~4 (kind|kindes|sohn|tochter|baby) ~4 (gegen die wand|gegen die tuer) ~2 (zu schlagen|schlagen|zu hauen)",
		deSaid11 + " ~3 (er|sie) (vergiftet|vergifte) (mein|unser|sein|ihr|das) ~1 (essen|trinken|getraenk|kaffee|tee)",
		"(geschlagen|gehauen|getreten) ~3 (und|$) ~2 (sagt|meint) (er|sie) (macht|tut) (noch|bald) ~1 (schlimmeres|mehr|schlimmere sachen)",
		"(will|moechte) (den|dem|der|die) ~1 (kindern|kind|kinder) ~6 (weh tun|wehtun|weh zu tun|was antun)",
		"(gedanken|drang) ~3 (jemand|jemandem|jemanden) ~2 (anderem|anderen|andere) ~2 (zu schaden|zu verletzen|weh zu tun|wehzutun)",
		"(koennte|kannt) ~3 (heute|gleich|jetzt) ~2 (jemand|jemanden) (umbringen|abstechen|erschlagen|kaputtschlagen) ~3 (so wuetend|so sauer|so geladen)",
		"(wollt|wollte|will) ~3 (einen|jemanden|einen von denen|die leute) (angreifen|schlagen|abstechen|schubsen) ~6 (fast|beinah|beinahe) $",
	}},
}

var abuseDE11 = []ruleDef{
	{id: "r11-at-home", pats: []string{
		"(droht|drohte|hat gedroht) ~2 (er|sie) (findet|findt|kriegt|erwischt) (sie|si|mich|uns|ihn)",
		"(gwalttaetig|gewalttaetig) ~8 (versteckt|versteckt sich|geflohen|gefluechtet)",
		"(schubst|schubste|stoesst|schlaegt) (ihn|sie|mich) ~8 (gibt|gab) (ihm|ihr|mir) ~3 ({pillword}|herztabletten|tabletten|medikamente|insulin|essen|{dmed8}) (nicht|ned|nid)",
		"(haut|haute|hat|hot) (mir|ihm|ihr) (eine|ene|oane|a paar|ein paar) ~6 (wenn|sobald|weil) ~3 (besoffen|betrunken|getrunken|voll|blau)",
		"(arm|arme|handgelenk|finger) ~3 (umgedreht|umjedreht|verdreht|umgebogen) ~4 (bis|dass)",
		"(zum sex|zu sex|zum geschlechtsverkehr) (gezwungen|gezwingt|genoetigt)",
		"(hat|haet|het|hot|hod) (mich|mir) ~2 (wieder|wider|schon wieder) ~1 (gschlage|gschlagen|geschlagen|gschlogn|ghaue|verhauen)",
		"(nimmt|nehm|nehme) (die|meine|unsere) kinder mit ~6 (nie wieder|nie mehr) (sehen|seh)",
		"(kommt|geht) ins (bad|badezimmer|zimmer) wenn (sie|er) ~2 (drin|nackt|duscht|badet)",
		"(bruellt|schreit) ~4 an ~6 (stuhl|teller|glas|flasche|tasse) nach (ihr|ihm|mir) (geworfen|gschmissen|geschmissen)",
	}},
}
