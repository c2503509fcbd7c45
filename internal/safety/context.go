package safety

import "strings"

// Word lists that decide whether a rule's match counts: negation, who the
// subject is, idioms, time, media and accidents. Every word is in normal form
// with repeated letters collapsed (see collapse), which is what tokens' keys
// hold; keys() does the collapsing.

func keys(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[collapse(w)] = true
	}
	return m
}

// conjunctions start a new clause, which ends the reach of a negation. They
// are shared by all locales: none is a word of another.
var conjunctions = keys("and", "but", "or", "because", "though", "although", "yet", "however", "except", "unless",
	"und", "aber", "oder", "weil", "obwohl", "sondern", "denn", "doch", "trotzdem")

// words are the word lists of one language. Languages keep separate lists
// because their words collide: German "kind" is a child, English "kind" is
// not; German "not" is need, English "not" a negation.
type words struct {
	// neg negate what follows them. A gap in a crisis pattern never crosses
	// one, so "ich will mich nicht umbringen" does not match "mich ~3 umbringen".
	neg map[string]bool
	// self mark the speaker as the subject.
	self map[string]bool
	// third mark someone else as the subject: "my friend is suicidal".
	third map[string]bool
	// fill are words a negation or a subject can reach across: "i do not
	// really want to", "i have never been". Frequency and degree words
	// (often, so, this, actively) are not fillers: "i am not actively
	// suicidal" and "i have never felt this suicidal" still count.
	fill map[string]bool
	// bridges let a negation reach across a comma: "ich habe nicht vor,
	// mich umzubringen".
	bridges map[string]bool
	// fwdFill may stand between a match and a trailing negation:
	// "suizidgedanken habe ich keine", "suicidal thoughts: none".
	fwdFill map[string]bool
	// negTail may follow such a trailing negation: "none at all, thanks".
	negTail map[string]bool
}

var english = &words{
	neg:  keys("not", "never", "no", "nope", "none", "neither", "nor", "nobody", "noone"),
	self: keys("i", "me", "my", "myself", "mine"),
	third: keys("he", "she", "they", "him", "her", "his", "hers", "them", "their", "himself", "herself", "themselves",
		"someone", "somebody", "people", "person", "friend", "friends", "bf", "gf", "boyfriend", "girlfriend", "partner",
		"husband", "wife", "ex", "brother", "sister", "sibling", "siblings", "mom", "mum", "mother", "dad", "father", "parent",
		"parents", "son", "daughter", "kid", "kids", "child", "children", "uncle", "aunt", "auntie", "cousin", "grandma",
		"grandpa", "grandmother", "grandfather", "nephew", "niece", "colleague", "coworker", "classmate", "roommate",
		"flatmate", "neighbour", "neighbor", "patient", "patients", "client", "clients", "character", "who", "guy", "girl",
		"boy", "man", "woman", "teen", "teenager", "student", "students", "singer", "celebrity", "actor", "actress", "author"),
	fill: keys("am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
		"do", "does", "did", "will", "would", "could", "should", "might", "may", "must", "can", "shall",
		"really", "actually", "ever", "even", "just", "truly", "honestly", "seriously", "necessarily", "currently",
		"longer", "feel", "feels", "feeling", "felt", "want", "wants", "wanted", "wanting", "going", "to", "plan", "plans",
		"planning", "intend", "intending", "intention", "intentions", "of", "about", "thinking", "think", "thought", "thoughts",
		"any", "at", "all", "the", "a", "an", "like", "keep", "keeps", "kept", "get", "gets", "getting", "got", "started",
		"start", "starting", "say", "says", "said", "try", "trying", "tried", "wish", "need",
		"desire", "desires", "urge", "urges", "inclination", "interest", "reason", "one"),
	bridges: keys("intention", "plan"),
	fwdFill: keys("thoughts", "thought", "ideation", "feelings", "urges", "intent", "tendencies",
		"i", "have", "has", "had", "do", "did", "really", "currently",
		// Round 11: a questionnaire's period ("suicidal thoughts in the
		// last month: none").
		"in", "the", "last", "past", "month", "months", "week", "weeks", "two", "days", "year"),
	negTail: keys("at", "all", "really", "whatsoever", "thanks", "thank", "you", "currently", "so", "far", "not", "never", "no"),
}

var german = &words{
	neg:  keys("nicht", "nie", "niemals", "niemand", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nein"),
	self: keys("ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines"),
	third: keys("er", "sie", "ihm", "ihn", "ihr", "ihre", "ihren", "sein", "seine", "seinen", "jemand", "freund", "freundin",
		"freunde", "bruder", "schwester", "mutter", "mama", "vater", "papa", "eltern", "sohn", "tochter", "kind", "kinder",
		"onkel", "tante", "cousin", "cousine", "oma", "opa", "kollege", "kollegin", "nachbar", "nachbarin", "patient",
		"patientin", "partner", "partnerin", "mann", "frau", "ehemann", "ehefrau", "chef", "chefin", "lehrer", "lehrerin",
		"wer", "figur", "leute", "menschen"),
	fill: keys("bin", "bist", "ist", "sind", "seid", "war", "waren", "waere", "habe", "hast", "hat", "haben", "hatte", "hatten",
		"werde", "wirst", "wird", "werden", "wuerde", "wurde", "will", "willst", "wollte", "moechte", "mochte", "mag",
		"kann", "kannst", "koennte", "konnte", "darf", "soll", "sollte", "muss", "versucht", "versuche", "versuchen", "vorgehabt", "geplant", "gewollt", "wirklich", "ja", "eigentlich", "gerade",
		"jetzt", "gar", "ueberhaupt", "an", "ueber", "denke", "denkt", "dachte", "gedanken", "daran", "zu", "echt",
		"einfach", "mehr", "noch", "auch", "fuehle", "fuehlt", "fuehlte", "schon", "einen", "eine", "vor", "absicht",
		"vorhaben", "plaene", "lust", "wunsch", "drang", "bedarf", "gehabt", "gehegt"),
	bridges: keys("vor", "absicht", "vorhaben", "plan", "plaene", "daran", "gedanken", "lust", "wunsch", "drang", "gehabt", "gehegt"),
	fwdFill: keys("gedanken", "ich", "habe", "hatte", "hab", "wirklich", "momentan", "aktuell",
		// Round 11: "suizidgedanken im letzten monat: keine" ("im" reads "i am").
		"i", "am", "in", "den", "der", "letzten", "letzte", "vergangenen", "monat", "monaten", "woche", "wochen", "tagen", "jahr"),
	negTail: keys("gar", "ueberhaupt", "danke", "momentan", "aktuell", "bisher", "wirklich", "nicht", "nie", "kein", "keine"),
}

// objectPronouns name the speaker as an object: reading back from a match,
// a negation or a subject before them still decides ("no thoughts of
// hurting myself", "keine gedanken, mich selbst zu verletzen").
var objectPronouns = keys("me", "myself", "mich", "mir")

// questionWords start a question.
var questionWords = keys("is", "are", "can", "could", "should", "do", "does", "did", "will", "would", "may", "am", "how",
	"what", "which", "why", "when", "where", "kann", "darf", "soll", "sollte", "muss", "ist", "sind", "wie", "was",
	"welche", "welcher", "welches", "warum", "wann", "wo", "wird", "werde", "koennte", "duerfte", "gibt",
	"hilft", "wirkt", "schadet", "vertraegt", "stoert", "bringt",
	// Round 8: more German verbs that open a yes-no question.
	"duerfen", "koennen", "muessen", "sollen", "sollten", "darfst", "kannst", "reicht", "reichen",
	"beeinflusst", "belastet", "gewoehnt", "zeigt", "bleibt", "erhoeht", "senkt", "veraendert", "verstaerkt",
	"schwaecht", "waere", "wuerde", "spricht", "macht", "derf", "doerf", "isch", "braucht")

// askWords are the German questionWords: a sentence they start asks even
// with a routine in it ("kann ich mein clonazepam wie immer nehmen").
var askWords = keys("kann", "darf", "soll", "sollte", "muss", "ist", "sind", "wird", "koennte", "duerfte", "hilft", "wirkt",
	"schadet", "vertraegt", "stoert", "bringt", "duerfen", "koennen", "muessen", "sollen", "sollten", "darfst", "kannst",
	"reicht", "reichen", "beeinflusst", "belastet", "gewoehnt", "zeigt", "bleibt", "erhoeht", "senkt", "veraendert",
	"verstaerkt", "schwaecht", "waere", "wuerde", "spricht", "derf", "doerf", "isch", "braucht")

// verbFirst are German verbs that open a question when "ich" or "man"
// follows them ("nehm ich die tablette vorher", "krieg ich eine andere
// dosis"), and a statement without them ("nehme sertralin 50").
var verbFirst = keys("nehm", "nehme", "krieg", "kriege", "bekomm", "bekomme", "brauch", "brauche", "soll", "muss", "darf",
	"kann", "sollte", "lass", "lasse", "setz", "setze", "trink", "trinke", "ess", "esse", "iss", "mach", "mache", "hoer", "hoere")

// interjections are negations that answer rather than negate: "no, i do not".
var interjections = keys("no", "nope", "nein", "none", "neither", "nor")

// anyLanguage serves rules of other locales (a clinic's own phrases).
var anyLanguage = union(english, german)

// stopwords are frequent words that tell the language of a message.
var stopwords = map[string]*words{}

func init() {
	for _, w := range strings.Fields("the and to a is it you my me not do am be of in that have what this with for on are was can just so if how") {
		stopwords[collapse(w)] = english
	}
	for _, w := range strings.Fields("ich und nicht die der das ist zu mich mir mein meine ein eine es sie er wir habe bin hat mit auf den dem auch sich noch schon aber wenn dass kann oder was wie nur mehr will keine kein") {
		stopwords[collapse(w)] = german
	}
}

// guessLanguage returns the word lists of the language most of a message's
// frequent words belong to, or of all languages when it cannot tell.
func guessLanguage(toks []token) *words {
	en, de := 0, 0
	for _, t := range toks {
		switch stopwords[t.key] {
		case english:
			en++
		case german:
			de++
		}
	}
	switch {
	case en > de:
		return english
	case de > en:
		return german
	}
	return anyLanguage
}

// languages by locale.
var languages = map[string]*words{"en": english, "de": german}

func language(locale string) *words {
	if w, ok := languages[locale]; ok {
		return w
	}
	return anyLanguage
}

func union(ws ...*words) *words {
	u := &words{}
	merge := func(dst *map[string]bool, src map[string]bool) {
		if *dst == nil {
			*dst = map[string]bool{}
		}
		for k := range src {
			(*dst)[k] = true
		}
	}
	for _, w := range ws {
		merge(&u.neg, w.neg)
		merge(&u.self, w.self)
		merge(&u.third, w.third)
		merge(&u.fill, w.fill)
		merge(&u.bridges, w.bridges)
		merge(&u.fwdFill, w.fwdFill)
		merge(&u.negTail, w.negTail)
	}
	return u
}

// Helper patterns, shared by all locales. Each marks the tokens it covers.
const (
	hIdiom    = 1 << iota // a figure of speech: "dying to start", "to die for"
	hPast     = 1 << iota // a time long past: "years ago", "als teenager"
	hPresent  = 1 << iota // the present: "now", "lately", "again"
	hResolved = 1 << iota // a statement that it is over: "fine now", "vorbei"
	hCancel   = 1 << iota // it is back: "again", "relapsed", "wieder"
	hMedia    = 1 << iota // songs, films, books: titles and lyrics are not statements
	hAccident = 1 << iota // "while cooking", "by accident"
	hOverride = 1 << iota // "on purpose"
	hCue      = 1 << iota // a question or a request for advice
	hBut      = 1 << iota // "but", "aber": a turn in the sentence
	hSymCue   = 1 << iota // asking whether a symptom is normal: "is that dangerous?"
	hJoke     = 1 << iota // laughter or a joke: "lol", "jk", "haha", a laughing emoji
	hHyper    = 1 << iota // a trivial cause given for a strong phrase: "if i have to fill one more form"
	hAway     = 1 << iota // an ordinary absence or parting: a holiday, "see you tuesday", giving to charity
	hBenign   = 1 << iota // a symptom said to be ordinary: "normal for me", "on the couch"
	hCost     = 1 << iota // money: "how much do the troches cost"
	hTold     = 1 << iota // already answered or as agreed: "the nurse said that's normal", "wie besprochen"
	hEarnest  = 1 << iota // a joke taken back: "not joking", "lol but also not lol", "kein witz"
	hPart     = 1 << iota // a part of a plan: a means ("40 of my sleeping tablets", "the rope"), a place ("top of the car park"), a time ("thursday", "heute nacht")
	hRoutine  = 1 << iota // a routine or a prescription: "every day", "as prescribed", "before bed"; clears overdose rules only
	hMeans    = 1 << iota // a lethal means or a place of a method, never a time alone: "the rope", "all my tablets", "the bridge"
	hBye      = 1 << iota // a last farewell: "goodbye", "this is my last message", "thank you for trying", "don't want to be found"
	hThreat   = 1 << iota // a threat to others: "wird das bereuen", "dann passiert was", "soll sehen", "will pay for it"
	// Round 8: a German question without a question mark, told by its
	// form: a sentence that starts with its verb ("nehm ich den
	// betablocker vorher", "reicht eine halbe") or ends asking ("..., ok",
	// "... oder nicht"). It asks (hCue), and a routine said inside it ("wie
	// immer") does not make it told (hTold).
	hAsk = 1 << iota
	// Round 8: a sign of intoxication or overdose: "can't feel my legs",
	// "breathing is slow", "krieg kaum luft", "lippen blau".
	hSign = 1 << iota
	// An intake said to be too much ("way too much", "zu viel", "a
	// handful"), which no routine makes ordinary: "zu viel ketamin genommen
	// wie immer" stays an overdose.
	hExcess = 1 << iota
	// Round 9: a medicine named (medicines.txt, or by what it is for: "the
	// thyroid tablet"), for medical rules with fPrevMed.
	hMed = 1 << iota
	// Round 11: the person written about is the clinic's patient ("she's
	// your patient", "he's in the ketamine program", "eure patientin"),
	// for rules with fPatient.
	hPatient = 1 << iota
	// Round 11: a threat made on condition that the speaker leaves ("if
	// i leave he'll kill himself and then me", "wenn ich gehe"): coercion,
	// which is abuse, not the other person's crisis or harm.
	hCoerce = 1 << iota
	// Round 11: a doctor's or prescriber's decision told as news ("my
	// psychiatrist halved my lithium last week", "der arzt hat entschieden
	// das lithium zu pausieren"): none by the labelling policy unless the
	// sentence asks (a question, hCue, hAsk, hSymCue), turns (hBut) or says
	// the patient will deviate on their own (hDeviate).
	hDecided = 1 << iota
	hDeviate = 1 << iota
	// Round 11: an own change carried out and told as past ("i stopped the
	// pill in may", "havent taken it since 2019"): none by the labelling
	// policy unless a question or a continuing plan follows (hDeviate).
	hDone = 1 << iota
)

// Round 6 rule flags, kept here with the checks that read them. Each
// narrows fPlan (which a rule with it must also carry): the decision or
// act counts only with a lethal means or a place elsewhere in the message
// (fMeans: "i'm doing it" with "the knife", never with "tonight" alone, as
// a homework may be done tonight), or with a last farewell (fBye: "i've
// taken them" with "goodbye"). A rule with both counts with either.
const (
	fThreat ruleFlags = 1 << 13
	fMeans  ruleFlags = 1 << 14
	fBye    ruleFlags = 1 << 15
	// Round 8: an intake in excess counts as a crisis only with a sign of
	// intoxication elsewhere in the message (hSign): "took the rest of the
	// bottle ... can't feel my legs", "zu viel k gezogen, lippen blau".
	fSign ruleFlags = 1 << 12
	// Round 9: a medical question that takes up a medicine named in its
	// own sentence or one of the two before it ("i'm on a course of
	// doxycycline. do i need to wait till it's done?"): the rule counts
	// only there (hMed).
	fPrevMed ruleFlags = 1 << 11
	// Round 11: a relative's threat or act counts as harm to others only
	// when the message says the one who threatens is the clinic's patient
	// (hPatient); said of anyone else it is abuse ("my dad says he's going
	// to kill my mum" is abuse, "... he's in the ketamine program" harm).
	fPatient ruleFlags = 1 << 10
)

// Round 11: the clinicians whose decisions hDecided reads, English and
// German (normal form).
const (
	enClin11 = `(ob|midwife|psychiatrist|psych|pdoc|doctor|doc|dr|gp|pcp|neuro|neurologist|cardiologist|endo|endocrinologist|prescriber|np|nurse practitioner|specialist|consultant|pain doc|pain clinic|rheumatologist|oncologist|obgyn|gyno|dermatologist|psychiatry|nurse|urologist|surgeon|pediatrician|paediatrician)`
	deClin11 = `(arzt|aerztin|hausarzt|hausaerztin|psychiater|psychiaterin|neurologe|neurologin|kardiologe|kardiologin|doc|doktor|schwester|pfleger|pflegerin|facharzt|fachaerztin|internist|internistin|endokrinologe|endokrinologin|schmerzarzt|schmerzaerztin|frauenarzt|frauenaerztin|urologe|urologin|kinderaerztin|kinderarzt|schmerzambulanz|klinik|vertretungsarzt)`
)

// joking reports whether a sentence or the next laughs or jokes, and nothing
// there takes the joke back ("i want to kms lol. not joking").
func (t *prepared) joking(sent int32) bool {
	return t.marked(sent, hJoke) && !t.marked(sent, hEarnest)
}

// planCounts applies fPlan and fAlone: a decision or farewell counts only
// with a part of a plan elsewhere in the message, and a decision only when
// it ends its sentence ("ive decided." but not "i've decided, i'm doing the
// course").
func (t *prepared) planCounts(r *rule, s, e int) bool {
	if r.flags&fAlone != 0 && e < len(t.toks) && t.toks[e].sent == t.toks[e-1].sent {
		return false
	}
	if r.flags&fPlan == 0 {
		return true
	}
	var need uint32
	if r.flags&fMeans != 0 {
		need |= hMeans
	}
	if r.flags&fBye != 0 {
		need |= hBye
	}
	if r.flags&fThreat != 0 {
		need |= hThreat
	}
	if r.flags&fSign != 0 {
		need |= hSign
	}
	if r.flags&fPatient != 0 {
		need |= hPatient
	}
	if need == 0 {
		return t.partOutside(s, e)
	}
	return t.markOutside(need, s, e)
}

// markOutside reports whether a helper flag of need marks a token outside
// tokens [s, e). A token inside an idiom does not count ("the rope swing",
// "the bridge club", "lass die tabletten weg").
func (t *prepared) markOutside(need uint32, s, e int) bool {
	if t.any&need == 0 {
		return false
	}
	for i, m := range t.marks {
		if m&need != 0 && m&hIdiom == 0 && (i < s || i >= e) {
			return true
		}
	}
	return false
}

// partOutside reports whether the message names a part of a plan (hPart)
// outside tokens [s, e): a decision or farewell with a means, a place or a
// time elsewhere in the message is a plan ("ive decided. thursday.").
func (t *prepared) partOutside(s, e int) bool {
	return t.markOutside(hPart, s, e)
}

var helpers = []struct {
	flag int
	pats []string
}{
	{hIdiom, []string{
		"(die|dies|died|dying) (of|from) (embarrassment|shame|laughter|laughing|boredom|cringe|cuteness|envy|jealousy|curiosity|hunger|thirst|heat|cold|old age|happiness|excitement|suspense)",
		"(die|died|dying) laughing", "to die for", "(die|dying) (my|her|his|your|our) (hair|clothes|shirt|jeans|beard)",
		"(kill|killing|killed) time", "(quit|stop|stopped|quitting|stopping) living (on autopilot|in fear|with fear|in the past|in my head|for others|for other people|for everyone else|a lie|half a life|in survival mode|paycheck to paycheck|small|in denial|in shame|in panic)", "(felt|feels|feel|feeling) like dying and (coming back|being reborn|being born again|waking up|coming back to life)", "(pushed|push|pushing|geschoben|schiebe|schieb) ~5 (wheelchair|rollstuhl|pram|buggy|kinderwagen|swing|schaukel)", "(pack|packet|box|bag|tub|bar|jar|tin|packung|tuete|dose|tafel) [of] (biscuits|cookies|crisps|chips|chocolate|chocolates|sweets|candy|cereal|gum|crackers|doughnuts|donuts|haribo|ice cream|pringles|kekse|schokolade|gummibaerchen|pralinen|plaetzchen|suessigkeiten)", "(felt|feels|feel|seemed|seems) like (forever|an eternity|ages|hours|days)", "throw myself into (work|it|my|the|this|studying|training|projects|life)", "(strangled|choked|strangles|chokes|strangling|choking|gewuergt|wuergt|wuergte) ~3 (until|till|bis) ~3 (passed out|blacked out|pass out|black out|ohnmaechtig|bewusstlos)", "suicide (prevention|hotline|helpline|awareness|squad|blonde|rate|rates|statistics|statistic|crisis line|lifeline|research|training)",
		"suicidal (patients|patient|clients|client|people|persons|callers|teens|teenagers|youth|individuals|friend|friends|relatives|tendencies band)",
		"shot myself in the foot", "(drown|drowning|drowned) myself in (work|coffee|tea|books|chocolate|ice cream|studies|homework|paperwork|music)",
		"(kill|killing) myself laughing", "(hurt|hurting|hurts) (his|her|their|your|my) feelings", "(hurt|hurting) myself laughing", "not safe to (drive|work|travel|go|cycle|ride)",
		"(hopeless|useless|worthless) (at|with)", "(burn|burned|burnt|burning) myself out", "cut myself (some|a) (slack|break|piece|slice)",
		"(cutting|cut) myself (a|some|another) (slice|piece|bit)", "(drug|drugs) (test|tests|testing|screen|screening)",
		"dosing (session|sessions|day|days|appointment|appointments|room|schedule|date|time)",
		"(medication|medications|meds|medikamente|medikamenten|medikamentenliste) (list|lists|liste|plan|history)", "(list|liste) ~2 (medication|medications|meds|medikamente|medikamenten|tabletten)",
		"(sick|tired) of (waiting|this form|the questions|the form|forms|traffic)",
		"vor (lachen|hunger|langeweile|scham|angst|neugier|durst|hitze|kaelte|peinlichkeit|muedigkeit|sehnsucht|freude|aufregung) ~1 (sterben|sterbe|stirbt|gestorben|umkommen)",
		"zum sterben (langweilig|schoen|lecker|muede|schlecht)",
		"(strick|seil) ~4 (boot|boots|segelboot|anker|zelt|waescheleine|gerissen|schaukel|klettern|kletterhalle|baumhaus|hund)",
		"rope ~4 (boat|swing|climbing|tent|anchor|snapped|tug|skipping|jump rope|treehouse|dog)", "(jump|skipping|skip) rope",
		"(seil|strick|rope) ~3 (fuer|for) (die|den|das|the|a|my|our) ~1 (schaukel|swing|boot|boat|zelt|tent|hund|dog|garten|garden|waesche|laundry|baumhaus|treehouse|spielplatz|climbing|kids)",
		"(haare|haar|pony|naegel|fingernaegel|fussnaegel|bart|spitzen) ~1 (geschnitten|schneiden|abgeschnitten)",
		"(suizidpraevention|suizidprophylaxe|selbstmordpraevention|suizidrate|suizidraten|selbstmordrate|suizidforschung|suizidpraeventionsprojekt)",
		"(suizid|selbstmord) (praevention|prophylaxe|rate|raten)",
		"tod (meines|meiner|meinem|von|des|der|unseres|unserer)", "verschwinden lassen",
		"(droht|drohte|gedroht|drohen|bedroht|bedrohte) ~2 (mich|mir) ~2 (umzubringen|umbringen|zu toeten|toeten)",
		"(wake up|wake|get up|aufwachen|aufstehen) (early|earlier|so early|this early|at|for the|before|frueh|so frueh|um|with|to|feeling|tired|groggy|late|sick|in pain|hungover|during the night|in the night|mit|muede|verkatert)",
		"(early|so early|frueh|so frueh|um #) (aufwachen|aufstehen)",
		"(chest pain|brustschmerz) (calls|call|patients|cases|ward|clinic|unit|einsaetze|einsatz|patienten)",
		"(for|fuer|vor) (a|ein|einen) (coffee|nap|pizza|beer|kaffee|schlaefchen|bier)",
		// Round 7 (German crisis-tier precision, fitted batches 26-67): a
		// session felt like dying ("als würde ich sterben und neu geboren"),
		// idioms of "umbringen" and "springen", someone else's suicide
		// (a relative's, a patient's, a call-out), a hammock's rope and a
		// pet's scratch.
		"(als|wie) (wuerde|wurde|ob) ich ~1 (sterben|sterbe|gestorben)", "(wie|wie ein) sterben", "(sterben|sterbe|gestorben|tod) und ~1 (neu|wieder) ~1 (geboren|geburt|geborenwerden)",
		"(bring|bringe|bringt|bringst) (mich|dich|uns) um den verstand", "(springe|spring|springen) ~2 i am dreieck",
		"(suizid|selbstmord|suizidversuch|selbstmordversuch|suicide) (meines|meiner|seines|seiner|ihres|ihrer|unseres|unserer|des|der|von|of my|of his|of her|of their)",
		"(durch|an) (suizid|selbstmord) ~1 (gestorben|verstorben|verloren|umgekommen)", "(died|dead|lost) (by|to|from) suicide",
		"(hatten|hatte) wir ~3 (suizid|suizidversuch|selbstmord|selbstmordversuch)", "einsatz mit ~2 (suizid|selbstmord)",
		"(mann|frau|jungen|jungen mann|patient|patientin|jemand|maedchen|teenager) nach (einem|ihrem|seinem) (suizidversuch|selbstmordversuch)",
		"(suizidpatientin|suizidpatient|suizidpatienten)",
		"(seil|strick|rope) ~4 haengematte", "ins kalte wasser", "bridge (club|night|game|player|players|evening)", "play bridge", "(sandsack|boxsack|punchingball|pratze|pratzen) ~3 (eine verpasst|geschlagen|getreten|eine reingehauen)", "haengematte ~4 (seil|strick)",
		"(katze|kater|hund|welpe|kaetzchen|cat|dog|kitten|puppy) ~6 (zerkratzt|gekratzt|aufgekratzt|gebissen|scratched|bit|bitten)",
	}},
	{hPast, []string{
		"(years|decades|ages|yrs) ago", "before (but|and now|now)", "last (summer|winter|spring|autumn|fall|year)", "letzten (sommer|winter|fruehling|herbst)", "letztes jahr", "(a long time|long time|long|a lifetime) ago", "used to", "in the past",
		"when i was (younger|a kid|a child|a teen|a teenager|little|small|in school|in high school|at school|in college|at uni|at university|at college|#|in my teens|in my twenties|a student)",
		"as a (kid|child|teen|teenager|student|young adult|young person|young man|young woman)",
		"when we were (kids|children|little|young|teenagers|younger|small|teens)", "growing up",
		"in my (teens|twenties|early twenties|late teens|youth|thirties|early teens)",
		"back (then|in the day|in school|in high school|in college|at uni|in uni|in university|in #1900)",
		"at [age] #5", "aged #5", "survived", "history of", "previously", "in #1900",
		"vor ~2 (jahren|jahrzehnten)", "vor (langer zeit|ewigkeiten)", "frueher", "damals",
		"als (teenager|jugendliche|jugendlicher|kind|schueler|schuelerin|student|studentin|teenie)",
		"mit # [jahren]", "in meiner (jugend|schulzeit|studienzeit|kindheit)", "ueberlebt",
		"(hatte|had|habe|have had) #1950", "#1950 (hatte|habe|war|had|was|wollte|dachte)", "(was|war) #1950",
		// Round 11: "stopped in the summer", "sind seit dem sommer weg",
		// "my past suicide attempt".
		"(stopped|ended|went away|disappeared) (in|over|during) the (summer|spring|winter|autumn|fall)", "seit dem (sommer|fruehling|fruehjahr|herbst|winter) (weg|vorbei)",
		"(my|a|the) (past|previous|old|earlier) (suicide attempt|suicide attempts|attempt|attempts|overdose)", "(von|aus) #1950", "(i am|in) (jahr|januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember) #1950", "(last month|letzten monat|weeks ago|months ago|vor # (wochen|monaten))",
	}},
	{hPresent, []string{
		"now", "currently", "lately", "recently", "again", "still", "today", "tonight", "nowadays", "these days",
		"this (week|month|morning|evening|year)", "right now", "at the (moment|minute)",
		"jetzt", "gerade", "aktuell", "momentan", "zurzeit", "derzeit", "wieder", "immer noch", "noch immer",
		"heute", "heute nacht", "diese woche", "seit (kurzem|wochen|tagen|gestern)", "in letzter zeit",
	}},
	{hResolved, []string{
		"(fine|ok|okay|better|good|well|safe|stable|great|alright|happy|healthy) now", "all right now",
		"doing (well|better|fine|great|good|okay|ok|much better|a lot better|really well|so much better)",
		"(much|a lot|so much|way) better", "(left|divorced|moved out|got away from|escaped|verlassen|getrennt) ~2 (him|her|them|ihn|sie)", "(i am|am|i feel|we are|bin) ~1 (safe|sicher) (now|jetzt|$)", "no longer (have|feel|do|think|struggle|self harm|cut)",
		"(do not|have not|not) ~4 (anymore|any more|since|in years|for years|in a long time|for a long time|ever since|in # (years|months)|for # (years|months))",
		"(recovered|got better|got help|got through|came through|overcame|over it|behind me|went away|passed away|resolved|remission)", "(it|that|this|urge|urges|feeling|feelings|they|thoughts|it all) passed",
		// Round 11 (fix11): "stopped" and "quit" say a risk is over only
		// with the risk as subject or object; "i quit my job last month and
		// i want to kill myself", "since i stopped my venlafaxine" are not.
		"(it|that|this|urge|urges|feeling|feelings|they|thoughts|it all|the cutting|cutting|self harm|the self harm|the attempts|attempts) ~1 (stopped|quit)",
		"(stopped|quit) (cutting|self harming|harming myself|hurting myself|burning myself|doing that|doing it|it|that)", "(i|i have|i finally|finally) (stopped|quit) $",
		"(been|am|i am) (clean|stable|well|healthy|sober) (for|since)", "(been|am|i am) clean", "seit ~3 (clean|frei|symptomfrei|trocken)", "(bin|bin ich) ~2 (clean|symptomfrei|trocken)", "clean seit", "clean for", "sober for", "(a|in a) good place", "therapy helped", "(session|sessions|ketamine|it|that|treatment) (helped|has helped|really helped)", "(sitzung|sitzungen|behandlung|therapie|ketamine|es) ~3 geholfen", "(treatment|medication|meds) helped",
		"(geht es mir|mir geht es|geht mir|geht es mir jetzt|geht es mir heute) ~2 (gut|besser|viel besser|deutlich besser|wieder gut)",
		// Round 11: a crisis told as history in an answer ("not for over
		// 15 years", "haven't come back", "i'm still here and glad i am").
		"not for (over|more than|about|almost) # (years|months)", "(have not|has not|did not|never|not) (come|came) back",
		"still (here|alive) and (glad|happy|grateful|thankful)", "not something i ~1 (think about|worry about|struggle with)",
		"(closure|abschluss)", "(hilfe|help) (bekommen|gekriegt|geholt)", "noch da und (froh|dankbar|gluecklich)",
		"(weg|vorbei) und nicht (zurueckgekommen|wiedergekommen|wieder da|wieder gekommen)",
		"vorbei", "seit (jahren|monaten|langem|laengerem) (nicht mehr|nicht|nie|keine|weg|vorbei)", "(it has been|it is been|been) # (years|months)", "# (jahre|monate) her",
		"(geht es|geht) (ihr|ihm|ihnen|mir) ~2 (gut|besser|wieder gut)", "seit # (jahren|monaten) (nicht mehr|nicht|nie|keine)", "ueberwunden", "hinter mir gelassen", "(damit|es|das|gedanken|drang|ritzen|schneiden|selbstverletzen|selbstverletzung) ~2 aufgehoert", "(ich|habe) aufgehoert $", "(bin|fuehle mich) ~2 (stabil|gesund)", "seitdem (nicht|nie|keine)",
		// Round 7: more German ways of saying it is over.
		"seit [ueber|mehr als|fast|knapp|gut] # (jahren|monaten) ~4 (nicht mehr|nichts mehr|nie wieder|nie mehr|stabil|clean|frei)",
		"seit (damals|jahren|langem|laengerem) ~3 (nie wieder|nie mehr|nicht mehr|nichts mehr|stabil)", "(lange|# jahre|jahre|jahrzehnte|ewig|ewigkeiten) her",
		"(weit weg|ganz weit weg) $", "heute ~2 (nicht mehr|ganz anders|stabil)", "seitdem (stabil|clean|gut|nichts|nichts mehr)",
		"wie weit ich gekommen bin", "seit (der|dem|meiner) ~3 (sitzung|behandlung|therapie|infusion) ~2 (weg|vorbei|besser)",
	}},
	{hCancel, []string{
		"again", "relaps*", "(came|come|are|is|coming|keep coming) back", "back again", "returned", "(started|start) ~2 (again|cutting|to)",
		"lately", "recently", "these days", "at the moment", "currently", "still",
		"wieder", "zurueck", "rueckfall*", "in letzter zeit", "momentan", "aktuell", "derzeit", "zurzeit", "immer noch", "noch immer",
	}},
	{hMedia, []string{
		"(song|songs|lyric|lyrics|album|band|movie|movies|film|films|track|book|novel|poem|show|series|episode|documentary|podcast|article|title|singing|sang|sings|listening|listened|watched|watching|playlist|rapper|meme|quote|quoting|game|character|lied|lieder|liedtext|buch|gedicht|serie|folge|doku|dokumentation|artikel|roman|titel|singen|hoere|gehoert|gesehen|schaue|geschaut|songtext)",
	}},
	{hAccident, []string{
		"(accident|accidentally|accidental|mistake|cooking|chopping|shaving|kitchen|oven|stove|pan|iron|slipped|tripped|gym|workout|working out|sport|sports|playing|football|soccer|hiking|climbing|paper|gardening|knife slipped|unfall|versehen|versehentlich|kochen|kueche|finger|daumen|brotschneiden|radfahren|fahrrad|hingefallen|gestuerzt|bike|biking|cycling|zwiebel*|gemuese*|basteln|abgerutscht|thumb|slicing|bread|onion|onions|rasieren|gestolpert|gefallen|sport|training|ofen|herd|backofen|topf|pfanne|grill|buegeln)",
		// "fell" is written as phrases: keys collapse repeated letters, so
		// a bare "fell" would also be "feel" ("took 30, feel sick").
		"(fell|fallen) (over|from|onto|out of|off (my|the|a|his|her))", "(had a fall|a fall|fallen)",
	}},
	{hRoutine, []string{
		"(as usual|like normal|as normal|like always|like i always do|as prescribed|with breakfast|with my breakfast|with coffee|with my coffee|wie immer|wie gewohnt|wie verordnet|zum fruehstueck|mit kaffee)",
		"(at night|in the morning|every day|daily|each day|with food|before bed|at bedtime|abends|taeglich|jeden tag)",
		"(for the week|fuer die woche|for the month|fuer den monat|pill box|pill organiser|pill organizer|dosette|tablettenbox|wochendosierer|medikamentenbox|zurzeit|derzeit|currently)",
		"(like|as|wie) (the|my|der|die|mein|meine) (doctor|gp|psychiatrist|nurse|arzt|aerztin|hausarzt|hausaerztin|psychiater|psychiaterin) ~1 (said|told me|says|prescribed|gesagt|meinte|verschrieben|verordnet|hat)",
		"(prescribed|verschrieben|the course|course of|antibiotics|antibiotika|infection|infektion|as directed|with me|mitgenommen|mit in den urlaub|on holiday|to the pharmacy|zur apotheke|to work|to my appointment)",
	}},
	{hOverride, []string{"on purpose", "(at once|all at once|in one go|auf einmal|auf ex)", "(deliberately|intentionally|purposely|purposefully|absichtlich)", "mit absicht"}},
	{hCue, []string{
		"(can|could|should|shall|may|must) (i|we|you) ", "do i", "does (it|that|this|ketamine|the|my)", "(is|are|was) (it|that|this|there|ketamine|the|my)",
		"(will|would) (it|i|ketamine|the|that|this)", "what (if|happens|should|do|can|dose|about)", "(how|which|why)", "(ok|okay|safe|fine|alright|allowed) to",
		"am i (allowed|able|ok|okay)", "(do you|what do you|would you) (think|agree|recommend|reckon|say)", "(does|do) (that|this|it) (sound|seem) (right|ok|okay|correct|safe|high|low|like)",
		"(was meinen sie|was denken sie|was sagen sie|klingt das|ist das richtig|stimmt das)", "(wonder|wondering|unsure|worried|concerned|question|advice|advise|recommend|tell me)", "should i worry", "not sure (if|whether)",
		"(kann|darf|soll|sollte|muss|koennte) (ich|man)", "(ist|sind) (es|das|ketamine|die|der|mein|meine)", "(hilft|wirkt) (ketamine|es|das|die|der)", "(wie|welche|welcher|warum|wann|wieso|weshalb)",
		"was (soll|passiert|tun|mache|kann|wenn)", "(wird|werde) (mir|ich|es|das)", "(frage|fragen|frage mich|ob ich|ob das|ob es|rat|raten|empfehlen|empfehlung)",
		// Round 6: "normal" asks only in German word order ("ist das
		// normal", "ob das normal ist"); "my pressure is normal" is a report.
		"(gefaehrlich|schlimm|bedenklich|in ordnung|unbedenklich)", "(ob|ist|sind|war|waere) ~3 normal", "normal (oder|or)",
		"(spielt|macht) (das|es|der wert|das ergebnis) ~3 (eine rolle|was aus|etwas aus|einen unterschied|was|etwas)", "(waere|ist) (das|es) ~1 (auch|denn) (was|etwas) fuer mich",
		"(does|would|will) (that|it|this) (matter|make a difference)", "(vertraegt sich|vertragen sich|vertraeglich)", "(would|is) (that|it|this) [be] (ok|okay|right|good|safe|too much|enough) for me",
		// Round 5 (fitted batches 23 on): questions asked without a question word.
		"(any|anything) (issue|issues|problem|problems|concern|concerns|risk|risks|interaction|interactions|reason|advice|tips|danger) [with|for|about|to]",
		"(anything|something) (i should know|to know|to watch|to watch out for|to worry about|i need to know)",
		"(any thoughts|your thoughts|thoughts on|doable|sounds like a lot|seems like a lot|is that a lot|is not that a lot|a lot compared)",
		"(ok|okay|fine|safe) or (not|wait|skip|should i)",
		"(irgendwas|etwas|was) (zu beachten|beachten|wissen|problematisch)",
		// Round 6: an English question told as a report ("my partner wants to
		// know if it's normal"), and German questions without a question mark.
		"(want|wants|wanted|wanting) to know (if|whether|how|what|why|when|which)", "(if|whether) (it is|that is|this is) ~2 (normal|ok|okay|safe|dangerous|expected)",
		"hat (das|es|dies) ~3 (einfluss|auswirkung|auswirkungen|zu tun|was zu tun|damit zu tun)", "(kann|koennte) (das|es) ~4 (kommen|zusammenhaengen|zusammenhangen)",
		"(geht|passt|stoert|schadet|gilt) (das|es|dies)", "(oder lieber|lieber nicht|gute idee|was haltet ihr|was haeltst du|was meinst du|was meint ihr|findest du)",
		"(ist doch|ist das) ~2 (ok|okay|in ordnung) oder", "(spricht|spricht etwas|spricht was) dagegen", "(probleme|risiko|risiken|wechselwirkung|wechselwirkungen) (mit|bei|wegen)",
	}},
	// Round 8: a German sentence that ends asking ("zink und vitamin d mit
	// dem ketamin ok", "ich lass die pille weg oder", "oda ned").
	{hCue | hAsk, []string{
		"(oder|oder nicht|oder lieber nicht|oder wie|oder was|oda|oda ned|oda net|odr|gell|oder ned|oder net|ja oder) $",
		// Round 9: an English choice that asks ("do i skip it or take it
		// like normal"), though a routine is named in it.
		"or (take|keep taking|have|continue|use|do) (it|them|that|my dose) (like normal|as normal|as usual|like usual|like always)",
		"(zusammen|gleichzeitig|dazu|vorher|danach|davor|nachher|ketamine|sitzung|infusion|behandlung|therapie|sitzungstag) (ok|okay|oke|in ordnung) $",
		"(was|wie) (wuerdet|wuerden|wuerdest|meint|meinen|meinst|findet|finden|findest|sagt|sagen|sagst|denkst|denkt|empfehlt|empfehlen|ratet|raten) (ihr|sie|du)",
	}},
	{hSign, []string{
		"can not (breathe|breath|feel my|stay awake|keep my eyes open|wake (him|her|them|myself)|move|get up|stand|see properly|think straight)",
		"(breathing|breath|breathes|breathe) ~3 (slow|slowly|weird|shallow|funny|strange|hard|slowing|rattly|wrong)", "(hard|struggling|difficult|trouble) (to breathe|to stay awake|breathing|staying awake)",
		"(lips|fingers|fingertips|face) ~3 (blue|grey|gray|purple)", "(not|is not|will not) (responding|waking up|waking|wake up|breathing)",
		"(nodding off|passing out|pass out|blacking out|going dark|everything dark|fading|slipping away|drifting off)",
		"(krieg|kriege|krieg ich|kriege ich|bekomme|bekomm|habe) ~2 (kaum|keine|schlecht|schwer|nicht genug) luft", "(atme|atmen|atmung|atmet) ~3 (flach|komisch|schwer|langsam|kaum|unregelmaessig)",
		"(spuer|spuere|fuehl|fuehle|merk|merke) ~4 (beine|arme|koerper|haende|fuesse) ~2 nicht", "(lippen|finger|gesicht) ~3 (blau|grau|taub|lila)",
		"(kann|krieg|kriege|komme|komm) ~3 nicht ~3 (aufstehen|wach bleiben|atmen|bewegen|aufwachen|hoch|mehr aufstehen|stehen|gehen)", "(brust|brustkorb) ~3 eng", "(gekotzt|erbrochen|uebergeben)", "(wacht|wach|wird) ~3 nicht ~1 (auf|mehr auf|wach)",
		"reagiert ~2 (nicht|kaum)", "alles wird schwarz", "herz stolpert", "bewusstlos", "(umgekippt|kippe um|kipp um)",
	}},
	{hExcess, []string{"(too much|too many|way too|zu viel|zuviel|zu viele|viel zu viel|a handful|handful of|eine handvoll|handvoll|the whole box|the whole pack|the whole packet|the whole bottle|die ganze packung|die ganze schachtel|die ganze flasche|auf einmal|all at once|in one go)"}},
	{hPatient, []string{
		"(your|a|the clinics|the) (patient|client) [of yours]", "(patient|patients|client) of yours",
		"(in|on|at|with|into) (your|the|the clinics|the ketamine|the esketamine|your ketamine|your teen) ~1 (program|programme|clinic|treatment|waiting list)",
		"(having|had|getting|on|doing) your (treatment|sessions|program|programme|ketamine)", "(your|ihre|eure) patient (since|seit)",
		"(starts|started|starting|has|had|begins|began|waiting for) ~3 (session|sessions|infusion|infusions|treatment|ketamine|esketamine) ~2 (with you|at your|friday|monday|tuesday|wednesday|thursday|saturday|sunday|#|next week|tomorrow)",
		"(his|her|their) (first|next|last|second|third) (session|infusion|ketamine)",
		"(eure|eurer|ihre|deine) (patientin|patient|klientin|klient)", "(patientin|patient) (bei euch|bei ihnen|von euch|von ihnen|bei dir)",
		"(bei euch|bei ihnen|bei dir|i am ketamine|i am esketamine|i am) ~2 (programm|behandlung|in behandlung|therapie)",
		"(wartet auf|faengt|beginnt|hat) ~3 (seine|ihre|die) ~1 (erste|naechste|zweite) ~2 (sitzung|ketamine sitzung|behandlung|infusion)",
		"(sitzung|behandlung) # ~2 (freitag|montag|dienstag|mittwoch|donnerstag|samstag|sonntag|morgen)", "(faengt|fangt) ~2 bei euch an",
	}},
	// fix11: leaving the person, not any going ("once i go to bed",
	// "when i go shopping", "if i leave the room"); read per sentence.
	{hCoerce, []string{
		"(if|when|once) i (leave|left|dump|divorce) (him|her|them)", "(if|when|once) i (break up|split up|end it|end things) with (him|her|them)",
		"(if|when|once) i (leave|left|move out|walk out) (and|he|she|they|$)",
		"(wenn|falls|sobald) (ich|i) ~1 (ihn|sie|dich|euch) ~1 (verlasse|verlass)", "(wenn|falls|sobald) (ich|i) (gehe|geh|ausziehe|auszieh|weggehe|weggeh)",
		"(wenn|falls|sobald) (ich|i) ~2 (ausziehe|auszieh|mich trenne|schluss mache)",
	}},
	{hBut, []string{"(but|aber|however|though|jedoch)"}},
	{hMed, []string{"{med9}", enPurposeMed9}},
	{hSymCue, []string{
		"(is|was|are|were) (that|this|it|these|those) ~1 (normal|dangerous|ok|okay|bad|serious|a problem|safe|expected|a side effect|from the ketamine|from the treatment|worrying|concerning)",
		"should i (worry|be worried|be concerned|call|see|go)", "(what|who) should i (do|call)", "do i need (a doctor|to see|to call|to go)",
		"(ist|war|sind) (das|es|dies) ~1 (normal|gefaehrlich|schlimm|ok|okay|bedenklich|eine nebenwirkung|harmlos)",
		"(muss|soll|sollte) ich ~2 (arzt|aerztin|notaufnahme|sorgen|anrufen)", "was soll ich (tun|machen)",
	}},
	{hJoke, []string{
		"(lol|lool|lmao|lmfao|rofl|haha*|hehe*|jk|jks|xd|kidding|joking|jokes|laugh|laughing|laughed|laughter|lach|lache|lachen|gelacht|witz|scherz|spass)",
	}},
	{hHyper, []string{
		"if i (do not|can not) (get|have|find) ~1 (coffee|tea|food|sleep|nap|break|holiday|snack|chocolate|pizza|wine|cake|kaffee|schokolade|pause|urlaub|schlaf)",
		"(with|over|because of|wegen|mit) (this|the|my|all this|all the|dem|der|diesem|diesen|diese) ~1 (paperwork|forms|form|traffic|homework|exam|exams|emails|admin|bureaucracy|formular|papierkram|buerokratie|stau|hitze|heat|weather|wetter)",
		"(this|diese|dieser) (heat|cold|noise|hitze|kaelte|laerm|schwuele)",
		"(stau|traffic|queue|homework|hausaufgaben|puzzle|raetsel|crossword|sudoku|wifi|wlan|printer|drucker|ikea|spreadsheet|excel|buerokratie|bureaucracy|parking)",
		"if i (have to|had to|must|need to|got to) ~5 (one more|another|again|more)",
		"if (this|the|that|my) (meeting|class|form|call|queue|traffic|wait|day|week|shift|lecture|exam|zoom|song|bus|train) ",
		"wenn (das|dieses|der|die|dieser|mein|meine) (meeting|formular|stau|zug|bus|tag|woche|schicht|pruefung|warteschlange) ",
		"(killing|kill|killed|dying|dead) ~3 (at the gym|at work|in the gym|training|workout|workouts|to get ready for|for summer|for the wedding|at the office|revising|studying|on this project)",
		"(one more|another) (form|forms|meeting|email|question|questionnaire|zoom|call|song|video|day of this)",
		"(form|forms|paperwork|traffic|meeting|meetings|exam|exams|homework|job|work|queue|weather|song|music|video|questionnaire|email|emails|commute|mondays|monday|intake|hold music|app|formular|papierkram|pruefung|arbeit|montag|stau) ~4 (makes|make|made|making|will make|bringt|bringen|macht) (me|mich)",
	}},
	{hAway, []string{
		"(vacation|holiday|holidays|trip|travel|travelling|traveling|wedding|conference|reschedule|rebook|move it|charity|donate|donating|library|thrift|moving house|urlaub|verreist|reise|hochzeit|verschieben|spenden|spende|buecherei|umzug|old|alte|alten)",
		"(pen pal|pen pals|penpal|penpals|hobby|thank you cards|thank you letters|christmas cards|birthday cards|cover letter|cover letters|brieffreund*|bewerbung*|weihnachtskarten|hobby)",
		"(at|to|with) my (mums|moms|mum|mom|dads|dad|parents|sisters|brothers|grans|nans|grandmas|friends|inlaws|in laws|partners|aunts|uncles)",
		"bei (meiner|meinen|meinem) (mutter|eltern|vater|schwester|bruder|oma|opa|freundin|freund|tante|schwiegermutter)",
		"(before|vor) (the|my|our|der|meiner|dem) (session|appointment|infusion|call|meeting|next one|sitzung|behandlung|infusion|termin)",
		"(off to|away in|away at|flying to|driving to|travelling to|traveling to|heading to|heading up to|moving to|ziehen nach|ziehe nach|fliegen nach|fliege nach)",
		"(for|away for|gone for|off for) (a|one|two|three|four|#|a couple of|a few|the next) (week|weeks|days|nights|months|fortnight)",
		"(first|a|our|big|blind|hot|second) (date|party|concert|gig|match|interview|birthday|night out)",
		"(finally|endlich) ~3 (see|seeing|watch|watching|meet|meeting|sehen|schauen|treffen)", "(band|concert|gig|finale|premiere|festival|konzert|baby|new baby|solicitor|lawyer|mortgage|notar|anwalt)",
		"(because|weil) (he|she|they|er|sie) ~3 (is learning|learning|needs|wanted|started|plays|lernt|braucht|wollte|spielt|anfaengt)",
		"(fuer|fur) (eine|zwei|drei|vier|#|ein paar) (woche|wochen|tage|naechte|monate)", "(umziehe|ziehe um|ziehen um|umgezogen)", "(camping|wohnwagen|sterne gucken|sterne schauen)", "(lasse|lass) ~3 (tabletten|medikamente|pillen) weg", "(wo ist|where is) (der|die|das|the) (eingang|aufzug|praxis|entrance|lift|elevator)",
		"(see you|talk soon|talk later|speak soon|until next|bis (dann|bald|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|naechste|naechsten|spaeter))",
	}},
	{hBenign, []string{
		"(through|out of) my nose", "(stuffy|blocked|stuffed|runny) nose", "(a|my|the) (cold|flu|hay fever)", "durch die nase", "(erkaeltung|schnupfen|heuschnupfen)",
		"(my|the|our|mein|meine|unser|unsere) (dog|cat|pet|puppy|kitten|hamster|horse|hund|katze|kater)",
		"(excitement|excited|nerves|aufregung|vorfreude)", "(she is|he is|they are|she was|he was|ihr geht es|ihm geht es) ~1 (fine|ok|okay|alright|all right|gut)", "(because of|from|due to|wegen) the heat", "(when|wenn) (i am|i get|ich) ~1 (anxious|nervous|stressed|panicky|aengstlich|nervoes|gestresst|panisch)", "(when|wenn|als) (i|ich) (was|felt|got|war) ~1 (anxious|nervous|stressed|panicky|aengstlich|nervoes|gestresst|panisch|aufgeregt)", "(but|aber) (it|es) ~1 (passed|went away|vorbei|weg)", "(ist|war) aber vorbei", "(always have|always has|always do|kenn ich|kenne ich|war schon immer so|ist immer so)",
		"(checked|checked it|checked out|looked at it|abgeklaert|abgecheckt|untersucht|durchgecheckt) ~4 (fine|normal|ok|okay|nothing|harmlos|nichts)", "(abgeklaert|abgecheckt)", "(asthma|asthmatic|asthmatiker|asthmatikerin)",
		"(after|nach dem|nach) (running|a run|exercise|the gym|working out|a workout|laufen|joggen|sport|training)",
		"(normal for me|usual for me|nothing serious|not serious|not a big deal|no big deal|but fine|but i am fine|all good|ganz normal|nichts schlimmes|nicht schlimm)",
		"(on|in) (the|my) (couch|sofa|bed)", "(auf dem|auf der|i am) (sofa|couch|bett)", "(watching|netflix|tv)",
		"(when|after) (i saw|i opened|i read|i got) ", "(rollercoaster|roller coaster|achterbahn)",
	}},
	{hTold, []string{
		"(normal for me|usual for me|wohl normal|as discussed|as prescribed|as agreed|wie besprochen|wie verordnet|wie vereinbart)",
		// Round 5: a result said to be settled, a change made with a doctor.
		"(totally|completely|perfectly|all|was all|were all|all was|everything was|everything is|came back|stayed|is back to|are back to) (normal|fine)", "(normal|fixed|sorted) now",
		"normal ~2 (the|my) (nurse|doctor|doc|gp|psychiatrist) (said|says|confirmed)", "(nurse|doctor|doc|gp|psychiatrist) (confirmed|agreed|approved|already answered|is monitoring|knows)",
		"(with|under) (my|the|her|his) ~1 (doctors|doctor|psychiatrists|psychiatrist|gps|gp|prescribers|prescriber) ~1 (guidance|supervision|help|approval|advice|ok)",
		"(alles|wieder|ganz) (normal|in ordnung|gut) ~2 (sagt|meint|meinte|sagte) ~2 (die|der|mein|meine) ~1 (aerztin|arzt|hausarzt|hausaerztin|pflegerin|pfleger|schwester)",
		"(aerztin|arzt|hausarzt|hausaerztin|pflegerin|pfleger|schwester) ~3 (meint|meinte|sagt|sagte|hat gesagt) ~4 (normal|in ordnung|weiternehmen|unbedenklich)",
		"(nurse|doctor|doc|psychiatrist|schwester|arzt|aerztin|pfleger|pflegerin) ~1 (said|told me|gesagt|meinte|sagte) ~4 (normal|fine|expected|harmless|nothing to worry|unbedenklich|harmlos)",
		"(ganz|voellig|total|totally|completely|perfectly) normal $", "(like normal|as normal|wie immer|wie gewohnt)",
		// Round 6: a change decided or made with the prescriber, told as
		// a report ("i stopped the zoloft in january with my psychiatrist").
		"(stopped|started|tapered|switched|changed|reduced|increased|came off|weaned off|lowered|raised) ~6 (with|by) (my|the|dr) ~1 (psychiatrist|doctor|gp|prescriber|nurse)", "(prescribed|stopped|started|switched) ~3 by dr",
		"(tapered|tapering|weaned|weaning) ~3 (over|off|under)", "(was|were|been) (switched|taken off|weaned off)",
		"(went|goes|gone) (fine|well|great|ok|okay|smoothly) $", "(gone|went away|passed) by (evening|the evening|morning|the afternoon|lunchtime|bedtime)",
		"(only thing|only medication|only meds|only medicine) i (take|am on)", "(nice|good|great) to see",
		"(abgesetzt|umgestellt|ausgeschlichen|reduziert|erhoeht) ~3 (mit|von|zusammen mit) (meiner|meinem|der|dem) (aerztin|arzt|hausarzt|hausaerztin|psychiaterin|psychiater)", "(aerztin|arzt|hausarzt|hausaerztin|psychiaterin|psychiater) (hat|hatte) ~4 (abgesetzt|umgestellt|ausgeschlichen)",
	}},
	// Round 11 (med11): a clinician's decision told as news, and the
	// patient's own deviation from it (see hDecided).
	{hDecided, []string{
		"[my|the|her|his|our] [new|old] " + enClin11 + " ~3 (decided|upped|bumped|raised|increased|lowered|reduced|halved|doubled|dropped|switched|changed|swapped|adjusted|paused|stopped|tapered|prescribed|added|started me|put me|moved me|took me|taken me|gave me|has me|had me|wants me|wants to (lower|raise|reduce|increase|taper|stop|pause|switch|add|start)|said|says|told me|explained|okayed|approved|cleared|signed off)",
		"(which|that|as|like) (the|my) ~1 " + enClin11 + " (decided|set|prescribed|chose|said|wanted|ordered|planned)",
		"(laut|nach ansicht) [der|dem|meinem|meiner|meines] " + deClin11, "[mein|meine|der|die|dem|meinem|meiner|unser|unsere] " + deClin11 + " ~4 (hat|hatte|haben) ~8 (erhoeht|halbiert|verdoppelt|reduziert|abgesetzt|umgestellt|verschrieben|verordnet|entschieden|beschlossen|pausiert|gesenkt|hochgesetzt|runtergesetzt|angesetzt|gegeben|aufgeschrieben|geaendert|gewechselt|gesagt|angeordnet|ausgeschlichen|erklaert)",
		"(mein|meine|der|die|meinem|meiner) ~1 " + deClin11 + " ~2 (sagt|sagte|meint|meinte|will|wollte|erhoeht|halbiert|setzt|stellt|verschreibt|gibt) ",
		"(wie|so wie) (der|die|mein|meine) ~1 " + deClin11 + " ~3 (gesagt|verordnet|verschrieben|entschieden|angeordnet|erklaert|besprochen)",
	}},
	{hDone, []string{
		"(stopped|dropped|quit|came off|come off|skipped|halved|doubled|finished|weaned off|tapered off|gave up|switched|changed) ~6 (in (january|february|march|april|may|june|july|august|september|october|november|december|#|the spring|the summer|the autumn|the fall|the winter|spring|summer|autumn|winter)|last (week|wk|month|year|spring|summer|autumn|fall|winter|christmas)|since #|years ago|months ago|a year ago|a month ago|when i (left|was|moved|started|finished|got))",
		"(have not|has not|not|never) (taken|had|used|touched|needed) ~3 since", "(been off|off it|off them) (since|for) ~2 (years|months|#|a year|ages)",
		"(weggelassen|abgesetzt|genommen|stopped|skipped|left out) ~6 (lief|ging|went|was) [alles|all|it] (gut|problemlos|fine|well|ok|okay)",
		"(abgesetzt|aufgehoert|weggelassen|halbiert|verdoppelt|gewechselt|umgestiegen|reduziert|erhoeht|runtergesetzt|hochgesetzt) ~6 (i am (januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)|letztes jahr|letzten monat|letzten sommer|letzten winter|vor (jahren|monaten|einem jahr|einem monat|#))",
		"(i am (januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)|letzte woche|letztes jahr|letzten monat|vor (jahren|monaten|einem jahr|#)) ~6 (abgesetzt|aufgehoert|weggelassen|halbiert|gewechselt|reduziert|erhoeht|runtergesetzt|hochgesetzt|umgestiegen)",
		"seit (#|jahren|monaten) ~4 (nicht mehr|kein|keine|keinen) ~3 (genommen|gebraucht)",
	}},
	{hDeviate, []string{
		"(i|ich) ~3 (will|am going to|going to|think i will|want to|might|ill|nehm|nehme|geh|gehe|setz|setze|lass|lasse|halbier|halbiere|verdoppel|verdopple|hoer|hoere|fang|fange|bleib|bleibe|mach|mache|take|keep|stop|skip|cut|will not) ~4 (take|taking|stop|skip|keep|start|go|cut|double|halve|drop|stay|only|instead|myself|on my own|my own way|anyway|reddit|selber|selbst|eigene|einfach|trotzdem|lieber|nur|statt|stattdessen|ab|weg|runter|hoch|wieder|again|back|restart|weiter|#)",
		"(leaning|tendier|tendiere|eher zu|rather)",
		// ... or asks inside the sentence, with no question mark.
		"(soll|sollte|kann|darf|muss|koennte) (sie|er|ich|man|das)", "(findet|findest|meint|meinst|denkt|sagt) (ihr|du)", "(waere|ist|wird) (das|es) ~2 (problem|schlimm|ok|okay|sinnvoll|zu viel|zu hoch)",
		"(should|can|could|may|must) (she|he|i|they|we)", "(is|would) (that|this|it) ~2 (a problem|an issue|ok|okay|safe|fine|too much|too high|right|normal)", "(without telling|ohne (ihm|ihr|den|die|meinem|meiner) ~2 (sagen|bescheid)|sag ihm nichts|sag ihr nichts)",
	}},
	{hEarnest, []string{
		"(not|no|kein|keine|nicht) (joking|kidding|joke|lol|witz|scherz|spass) [lol]", "nicht (zum|aus) (spass|scherz)", "(i am|i am being|am) (serious|dead serious)", "(for real|i mean it|ich meins ernst|ich mein es ernst|ich meine es ernst|ich meine das ernst|ernst gemeint|i am ernst)",
	}},
	{hPart, []string{
		// Means.
		"#5 [of] [my|the|his|her|their|mums|moms|dads] ~1 ({pillword}|bars|co codamol)",
		"(all|every|whole|entire|rest of|the lot of) [of] [my|the|his|her] ~1 ({pillword}|stash|supply|prescription|bottle|pack|box|packet)",
		"(the|a|my|his|her|dads) (rope|noose|gun|pistol|rifle|shotgun|razor|blade|blades|belt)", "(charcoal|helium|exhaust|hose)",
		"(car|engine) ~6 garage", "garage ~6 (car|engine|door|doors)",
		"(seil|strick|schlinge|waffe|pistole|gewehr|klinge|rasierklinge|holzkohle|knarre|patronen|munition|bullets|ammo|ammunition)", "(tabletten|pillen|schlaftabletten)",
		"(alles|everything) [is|ist] (geregelt|erledigt|vorbereitet|sorted|arranged|in order|taken care of|set up)", "(den|einen|meinen|dem) (guertel|kabel|schal)",
		"(one way|single) (ticket|train ticket|flight)", "(the|my) (pills|tablets|meds)", "(this is|tonight is) the (night|day)", "wenn (er|sie|alle|die kinder) ~1 (schlaeft|schlafen|weg|arbeiten|aus dem haus)", "(the|on the) # (th|st|nd|rd)", "(am|zum|bis zum) # (januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|$)", "(asking for me|asking for myself|for personal reasons|frag fuer mich|frage fuer mich|fuer mich gefragt|aus persoenlichen gruenden)", "(nur hin|einfache fahrt|zugticket nur hin|ticket nur hin)", "(starting|start|begin|doing it|going) at #", "(um) # (uhr) ~2 (fang|fange|anfangen|mach|mache|geht es los)",
		"(alle|ganze|ganzen|ganzes|restlichen|gesamte) ~1 ({pillword}|vorrat|packung|packungen|schachtel|flasche)",
		// Places.
		"(top|roof|edge|ledge) of (the|a|this|that) ~1 (multistorey|multi storey|car park|carpark|parking garage|parking lot|building|bridge|cliff|tower|block|flats|hospital)",
		"(bridge|cliff|cliffs|ledge|rooftop|tracks|railway|train line|platform|overpass|multistorey|multi storey|car park|parking garage|river|sea|ocean|lake|woods|forest|quarry|viaduct)",
		"(bruecke|klippe|klippen|dach|gleise|gleisen|schienen|bahnsteig|parkhaus|hochhaus|fluss|see|meer|wald|steinbruch|autobahnbruecke)", "(gleis|parkhausdach|dachboden)", "(der|den) # $",
		// Times.
		"after (the|my) (last|next|final) (session|infusion|treatment|appointment)", "nach (der|meiner) (letzten|naechsten) (sitzung|behandlung|infusion|spritze)",
		"{when}", "(later|tonight|this evening|after work|after my shift|after the kids|before the kids|next week|next month|in the morning|at midnight|when everyone|once everyone|when they|once they|when he|when she)",
		"(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)", "(heute nacht|heute abend|nachher|spaeter|morgen|uebermorgen|am wochenende|naechste woche|naechsten (montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|am (montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|wenn alle|sobald alle|wenn (er|sie) weg)",
	}},
	// Round 6: a lethal means or a place of a method (never a time alone),
	// and a last farewell, for rules with fMeans and fBye.
	{hMeans, []string{
		"(rope|noose|gun|pistol|rifle|shotgun|revolver|razor|blade|blades|knife|belt|cord|ligature|ladder|hose|hosepipe|plastic bag|exit bag)",
		"(charcoal|helium|exhaust|noose|hairdryer|hair dryer|petrol|gasoline)",
		"(the|my|all|all my|all the|his|her) (pills|tablets|meds|sleeping pills|sleeping tablets|painkillers|benzos|capsules)",
		"{allof} [of] [my|the|his|her] ~1 {pillword}", "#5 [of] [my|the] ~1 {pillword}",
		"(bottle|bottles|box|boxes|pack|packs|packet|packets|strip|strips|blister|blisters|stash|supply|tub|jar) of ~2 ({pillword}|{ket})",
		"(bridge|cliff|cliffs|cliff top|clifftop|roof|rooftop|tracks|railway|railway line|train line|platform|river|sea|ocean|lake|canal|car park|multistorey|multi storey|tower|ledge|quarry|viaduct|overpass|motorway bridge|stairwell|railing|railings|parapet|balcony|loft|garage|reservoir)",
		"(seil|strick|schlinge|waffe|pistole|gewehr|klinge|rasierklinge|rasierklingen|holzkohle|knarre|revolver|messer|kuechenmesser|guertel|kabel|plastiktuete|tabletten|pillen|schlaftabletten|benzin|schlauch|insulinpens|insulin|haken)",
		"(bruecke|klippe|klippen|dach|gleise|gleisen|schienen|bahnsteig|parkhaus|hochhaus|fluss|meer|steinbruch|autobahnbruecke|balkon|talsperre|staudamm)",
		"(alle|ganze|ganzen|ganzes|restlichen|gesamte) ~1 ({pillword}|vorrat|packung|packungen|schachtel|flasche)",
	}},
	{hThreat, []string{
		"(wird|werden|soll|sollen) ~3 (bereuen|dafuer bezahlen|bezahlen|dafuer zahlen|sehen|leiden|bluten|angst haben)",
		"(kriegt|kriegen|bekommt|bekommen) ~3 (was ab|was er verdient|was sie verdient|was sie verdienen|was die verdienen)",
		"(dann|sonst) (passiert was|passiert etwas|knallts|knallt es|rappelts)", "(der|die) naechste $", "nichts mehr zu verlieren",
		"(lachen vergehen|lachen vergeht|lebend aus|nicht mehr lang leben|nicht mehr lange leben|ich werd da sein|mach ich ernst|macht ernst)",
		"(falls|wenn) (der|die|er|sie|mein|meine) ~3 (wieder|nochmal|noch einmal)",
		"(zeig|zeigen|zeige) ~4 (wer hier der chef ist|was es heisst|wie sich das anfuehlt)",
		"(will pay|is going to pay|will regret|is going to regret|will be sorry|gets what|get what) ~3 (for it|for this|deserves|coming)",
		// Round 7 (English harm to others): a threat, a grudge or a target
		// watched, for English rules with fThreat.
		"(going to|is going to|will) (regret|pay|learn|get it|be sorry)", "(get|gets|getting) what is coming", "had (this|it) coming",
		"(teach|teaching) (him|her|them) a lesson", "(sort|sorting) (him|her|them) out", "(he|she|they) will learn $", "once and for all",
		"(i know|know|found out|found|got|have|written down) (where|when|what time) (he|she|they) (lives|live|works|work|sleeps|sleep|leaves|leave|gets home|get home|walks home|parks|goes)",
		"(his|her|their) (address|schedule|routine|shift|shifts|movements)", "(pay|paying) ~3 a (visit|little visit)",
		"(revenge|get back at|get even|make (him|her|them) pay|make (him|her|them) suffer|make (him|her|them) listen|make (him|her|them) understand)",
		"(done|finished) (being nice|playing nice)", "(homicidal|so angry i could kill|rage|raging)",
		"(be|am|is|will be) ready for (him|her|them)", "(will not|never) (touch|hurt) (her|him|me|them|my) ~1 again", "(worked out|know|found out|got|have|circled) (his|her|their) (shifts|schedule|address|routine|movements|release date)",
		// German.
		"(weiss|kenne) (wo|wann) (er|sie|der|die) ~3 (wohnt|parkt|trainiert|arbeitet|langgeht|kommt|schlaeft)", "(seine|ihre|seinen|ihren) (adresse|route|wohnort|schichtplan)",
		"(ich meine es|ich meine das|das meine ich|meine es|meine das) ernst", "(nicht|ned) (i am spass|als witz)", "(das schwoere ich|ich schwoere|ich schwoer)",
		"(wird|werden) (das|es) nicht ueberleben", "(der|die|er|sie) ist dran", "(zeig|zeige) (es|ihn) (ihm|ihr|ihnen)",
	}},
	{hBye, []string{
		"(goodbye|farewell|my last message|last message|last msg|thank you for trying|thanks for trying|thank you for everything|sorry for everything|forgive me|love you all|do not want to be found|not calling anyone|not going to call anyone|do not call anyone|do not send anyone|lying down now|getting drowsy|getting sleepy|it is too late now|too late now)",
		"(sorry|goodbye|bye) $", "love you $", "(wanted|want) (someone|somebody|one person) to know", "(look after|take care of) (the kids|my kids|my dog|my cat|mum|mom|dad)",
		"(lebt wohl|lebewohl|danke fuer alles|verzeiht mir|verzeih mir|tut mir leid fuer alles|letzte nachricht|sucht mich nicht|ruft keinen an|ruf keinen an|werde muede|macht es gut|liebe euch)",
		"(das war $|das war von mir|war schoen mit euch|wollte nur tschuess sagen|wollt nur tschuess sagen)", "(wollte|wollt) nur ~2 (dass|das) ~2 jemand ~2 (weiss|bescheid)",
		"(accounts|konten|socials|social media) ~3 (geloescht|deleted)", "(bankkarten|bank cards|schluessel|key|keys) ~4 (hingelegt|abgegeben|gegeben|left|given)",
		"(testament|will) ~3 (gemacht|fertig|geschrieben|sorted|written|updated|signed|done)", "(abschiedsbrief|abschiedsbriefe|abschiedstext|verabschiedet|said goodbye|say goodbye)",
		"(written|wrote|finished) (the|my) (letters|notes|note|letter)", "(brief|briefe|abschiedsbrief|abschiedsbriefe) (liegt|liegen) (auf|in|unter|neben|bei)", "(left|leaving|wrote|written) ~4 (a letter|letters|a note|notes) (for|to|in|on)", "(note|notes|letter|letters) (is|are) (in|on) the",
		"(tschuess|tschuss|servus an alle|keiner soll mich suchen|niemand soll mich suchen|schickt niemanden|schickt keinen|jemanden schickt|danke fuers versuchen|bin nicht traurig|nur muede|letzter abend|liebe dich $|tut mir leid $)",
	}},
	{hCost, []string{
		"how much (are|is) (the|a|one|each) ~2 (lozenges|troches|sprays|nasal sprays|rdts|lozenge|troche|spray|session|sessions|treatment|program)",
		"(where|when|how) (do|can|should|will) (i|we) (get|pick up|collect|buy|find|order|fill|refill)", "(wo|wann) ~3 (hole|abholen|bekomme|kaufen|bestellen)",
		// Round 9: a prescription ready to collect.
		"(kann|darf|soll) ich ~6 abholen", "(rezept|rezepte|prescription|prescriptions|script|scripts|refill) (ist|sind|is|are) (fertig|ready|da|in)",
		"(cost|costs|price|prices|pay|paying|insurance|insured|covered|coverage|fee|fees|bill|billing|charge|refund|kosten|kostet|preis|kasse|krankenkasse|bezahlen|versicherung|uebernimmt|zahlen)",
		// Round 5: picking up, receipts, days and ways of a session.
		"(pick up|pick them up|pick it up|picked up|picking up|collect|collected|abholen|abgeholt|hole) ~6 (pharmacy|compounding pharmacy|clinic|office|apotheke|praxis|cvs|walgreens|boots|rite aid|lloyds|superdrug|chemist|chemists|drugstore)",
		"(receipt|receipts|invoice|renewal|blue cross|aetna|cigna|medicare|medicaid|quittung|rechnung|coupon|coupons|copay|co pay|discount card|savings card|zuzahlung)",
		"(what|which) (days|day|times|time) (do|does|are|is) (you|the)", "how long does ~4 (session|appointment|visit|it) ~1 take",
		"(on|via|over) zoom", "(video call|telehealth)", "do you (do|offer|have|provide) ~3 (iv|at home|home|in office|in the office|troches|lozenges|nasal spray|spray|sessions)",
		"who do i (send|ask|contact|call)",
		// Round 6: getting there and back, opening days, the booking and
		// the records: logistics, not medical questions.
		"(drive|driving|drives|take|takes|bring|brings) me (home|back|there)", "(taxi|uber|lift home|ride home|pick me up|picks me up|public transport|bus home|train home)",
		"(open|closed) (on|over|during) ~2 (day|holiday|holidays|weekend|weekends|christmas|easter|bank holiday|feiertag|feiertagen|wochenende)",
		"(check in|checkin|see it in the system|see it in your system|on file|the portal|patient portal|family session|session option|send (her|him|them|me) something|something (she|he|they) can read)",
		"(work|home|office) or (at home|at work|in the clinic|does it need|do i need)",
		// Round 11: a pharmacy's or a delivery's logistics, what to bring.
		"(pharmacy|chemist|apotheke|walgreens|cvs|boots) ~8 (ready|pick|collect|fax|faxed|send|sent|ship|shipped|deliver|delivered|number|fertig|abholen|schicken|faxen)",
		"(fax|send|transfer|ship|shipped|deliver|delivered|collect) ~4 (prescription|prescriptions|script|rezept|kit|device|troches|lozenges|rdts)",
		"(prescription|prescriptions|script|rezept|kit|device|troches|lozenges|rdts|order) ~3 (shipped|delivered|posted|sent|geschickt|geliefert)", "(next|the|my) (shipment|delivery|order|lieferung|bestellung)",
		"(pharmacy|chemist|apotheke) ~3 (gave me|dispensed|gab mir|hat mir) ~4 (generic|generika|other brand|different brand|instead)", "(pickup|pick up|collection|abholung) ~4 (id|copy|ausweis|procedure|form)",
		"(do i need to|should i|must i|do i have to|muss ich|soll ich) (bring|fill in|sign|print|register|mitbringen|ausfuellen|unterschreiben)",
		"(come|comes|are there|is there|in one|per) [a|the|one] ~1 (box|pack|packet|bottle|shipment|delivery|lieferung|packung|schachtel)",
		// Round 11: bringing food or drink is logistics; whether to eat is
		// medical by the labelling policy (r11-around).
		"(bring|bringing|pack) ~2 (a|my|some|own|something) ~1 (snack|snacks|food|lunch|water|drink|drinks|something to eat)", "(essen|snack|snacks|wasser|getraenk|getraenke|trinken|proviant|kaffee|tee|kuchen) ~3 (mitbringen|mitnehmen)",
		// Moving a session or asking about the waiting room is logistics
		// too ("can i go to the gym on thursday instead, i'll move my
		// session", "kann ich den flug umbuchen").
		"(move|moving|reschedule|rescheduling|rebook|rebooking|shift|push back|swap) ~3 (my|the|our|a) ~1 (session|appointment|booking|slot)", "(coffee|tea|snack|snacks|a nap|nap|sleep|wait|wifi|toilet|kaffee|tee|kuchen|warten|schlafen|wlan|toilette) ~4 (waiting room|wartezimmer|warteraum|lobby)", "(waiting room|wartezimmer|warteraum) ~4 (coffee|tea|snack|snacks|nap|sleep|wifi|toilet|kaffee|tee|kuchen|warten|schlafen|wlan|toilette)", "(den|die|meinen|meine|unseren|unsere|einen|ihren|the|my) (termin|sitzung|flug|behandlungstermin|infusion|session|reise|urlaub) ~2 (umbuchen|verschieben|verlegen|umlegen)", "(into|in|to) the building", "(den|die|meinen|meine|unseren) (termin|sitzung|behandlungstermin) ~4 (legen|schieben|tauschen)",
	}},
}
