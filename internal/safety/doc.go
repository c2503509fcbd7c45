// Package safety screens a patient's message for what a careful clinician
// would catch: risk of suicide or self-harm, harm to others, abuse, a
// physical emergency, and requests for medical advice, which the bot must
// never answer.
//
// # Categories and tiers
//
// Every rule belongs to one category (a Kind). From the most urgent:
//
//   - crisis: clear intent, a plan, a method or an act of suicide or
//     self-harm, including self-harm by any method ("burned myself again"),
//     a plan with a time, place or decision but no trigger word ("once my
//     husband leaves for his trip i'm doing it"), and overdose or
//     intoxication ("what happens if i take all my troches at once", "took
//     too much k and can't breathe"). The crisis path: resources now.
//   - acute_medical: chest pain, cannot breathe, fainting, a seizure, a
//     severe allergic reaction, stroke signs, the speaker's or someone
//     else's: "call the emergency number now".
//   - harm_to_others: thoughts, urges, plans or acts of hurting someone else.
//   - abuse: domestic violence, abuse, danger at home, a child or adult at
//     risk, done by someone else to the speaker or someone they name.
//   - possible: hopelessness, being a burden, feeling trapped, farewells,
//     giving things away, a passive wish to be dead ("i hope i don't wake
//     up"), a means or a time without a stated intent ("i know where my dad
//     keeps his gun", "i won't be here for the follow up"). The bot asks
//     directly whether the patient is thinking of ending their life.
//   - medical: a request for medical advice (dosing, a named medicine,
//     interactions, side effects, symptoms, vital signs and lab values, which
//     product strength), or a stated intent to stop, skip, double or change a
//     medicine, which counts without a question.
//
// Check returns the single most urgent match, CheckAll one match per
// category found, most urgent first; so a message that is both a crisis and
// a medical question takes the crisis path. Crisis, Medical and Find look
// for one category.
//
// The detector is deterministic and explainable: curated word patterns per
// locale ("en" and "de"), applied to the normalised message, and a few
// context checks, with a small statistical model beside them (model.go,
// trained by go run ./internal/safety/train) that can only raise a
// message's tier, never lower it. There is no I/O. A Detector is built once with
// New and is safe for concurrent use; its methods are pure. A Match names the
// rule that fired and never carries the patient's text, so it may be logged
// and counted.
//
// # Normalisation
//
// Normalize shows what the rules see. Accents are folded (German ä, ö, ü to
// ae, oe, ue and ß to ss; decomposed accents, full-width and "fancy font"
// letters too; zero-width characters are dropped), text is lower-cased,
// digits and symbols inside words are read as letters (k1ll, d!e), a letter
// repeated three or more times is squeezed (diiiie), contractions and chat
// forms are expanded (don't, dont: do not; im: i am; wanna: want to; kms, kys:
// kill myself; unalive: kill myself; sewer slide: suicide; nimmer: nicht
// mehr), a number with k is a thousand (a 5k run, 2k steps, never
// ketamine), laughing emoji read as "lol", misspellings of the words the rules care about are corrected
// (sucidal, suicidel; sertralin, ketamin; one letter off for long words, and
// a list), and punctuation separates words. Sentence ends (. ! ? ;) and
// clause ends (commas, colons, dashes, ellipses, "and", "but", "aber"...) are
// kept for the rules and checks below. Rules compare words with every run of
// a repeated letter collapsed, so kil, kill and killll are one word.
//
// One quirk: "im" is always read as English "i am", so German rules write
// "i am leben" for "im Leben".
//
// # How rules are written
//
// Rules live in rules_en.go and rules_de.go, one list per locale and kind,
// with word classes (medicine names, the ketamine vocabulary {ket}: troches,
// lozenges, RDT, nasal spray, Spravato, esketamine, K, ket, k-hole, special K;
// people, vital signs...) in lexicon.go. A rule has a stable id,
// "<locale>/<kind>/<name>" such as "en/crisis/want-to-die" or
// "de/abuse/violence", and a few patterns. A pattern is a sequence of words in normal form with
// alternatives (a|b c), optional parts [a|b], bounded gaps ~N (at most 8
// words), clause ends $, numbers #N, prefixes word* and suffixes *word, and
// macros {name}; see pattern. Patterns never match across a sentence end and
// have no unbounded repetition, so a match costs little and a 100 KB message
// is checked in a few tens of milliseconds (BenchmarkCheck). A message's
// words are numbered once against the words, prefixes and suffixes the
// patterns name (vocab); at each word only the patterns that can start
// there are tried, and of those only the ones whose required words (every
// literal outside options, one of every choice) are all in the message.
// Each pattern is listed under its rarest required words (named by the
// fewest patterns, frequent words counting as many), so a check marks the
// patterns whose rare words it holds and a rule whose words a message
// lacks costs one bit test: the cost grows with the rules a message comes
// near, not with all of them; a pattern made only of frequent words ("i",
// "to", "ich") is tried on most messages. The straightforward
// matcher stays in the tests (refScan), which check that both find the
// same matches. Every literal
// must already be in normal form, which compiling checks, so a rule cannot
// silently never match.
//
// Write patterns that generalise: a verb with its forms and a small gap
// ("(want|wanted|need|...) to [just|really] (die|be dead)"), not a copy of
// one test message. Since fitted batch 13 rules are built from slots with
// word classes: a way of taking a dose {odverb} × the whole of a supply
// {allof} × anything one may overdose on {pillword}; a purpose clause
// ("so i don't wake up", "damit ich nicht mehr aufwache", {nowake} and
// {dnowake}); a self-harm act × a body part {body} × an outcome {hurtend};
// an intent × a violent verb {harmverb} × another person {victim}. Soft
// words ("really", "like", "a lot", "halt", "echt") may stand anywhere
// inside a phrase: a pattern that fails at one tries again after it.
//
// A decision or a farewell ("i've decided.", "it wasn't your fault", "ich
// weiß an welcher tür") is a crisis only when the message also names a part
// of a plan elsewhere: a means ("the belt", "40 of my sleeping tablets"), a
// place ("the top of the car park") or a time ("thursday", "heute nacht")
// (flag fPlan, helper hPart); said alone it is nothing, and decisions count
// only where they end their sentence (fAlone), so "i've decided, i'm doing
// the course" is no plan. Two narrower forms (round 6): a statement of
// doing it ("im doing it", "ich mach heut schluss") counts only with a lethal
// means or a place elsewhere (fMeans, helper hMeans), never a time alone; an
// act told as done ("i've taken them") or a presence at a place ("bin jetzt
// am fluss") only with a last farewell (fBye, helper hBye: "goodbye",
// "ruft keinen an"). Round 7 (ids r7-*) adds slots for an overdose told as
// done (how much: the rest, the whole supply, a count of tablets; or all of
// them with a sign it was meant: at once, on top, an hour ago), going to a
// place of a method with its end ("and that's the end", "und lauf rein"),
// a weapon kept or carried that counts for harm to others only with a
// threat or a watched target elsewhere (fThreat, helper hThreat, now with
// English cues: "i know where he lives", "he's going to regret it"), and a
// lethal means named with "tonight" that makes the bot ask. A means owned
// by someone else is still the speaker's ("my dad's gun in my lap"), and a
// routine ("as prescribed") clears every overdose rule. A round 7 rule
// whose match its context clears does not stop the model (rule.soft), as
// older rules do. Round 8 (ids r8-*, soft too) adds German medical slots
// (a medicine by name, class or ending {dmed8} with a question verb, the
// treatment or a change verb; stated changes in German word order: "ich
// setz das pregabalin vor der sitzung ab"), German questions told by their
// form rather than a question mark (a sentence that starts with its verb,
// "nehm ich den betablocker vorher", or ends "oder", "oda ned": hAsk, which
// also keeps a routine such as "wie immer" from making the question told),
// and an intake in excess that counts as a crisis only with a sign of
// intoxication elsewhere in the message (fSign, helper hSign: "took the rest
// of the bottle ... can't feel my legs"), so that an overdose taken on
// purpose reaches crisis, not only acute. Every rule must fire on at least
// one positive message of its category in testdata (TestRulesHaveExamples).
// Round 9 (ids r9-*, soft too) builds medical slots on the medicine
// vocabulary below ({med9}, and in English a medicine by what it is for:
// "the thyroid tablet"): a medicine beside the treatment or with a verb of
// taking or changing in a question, a question carried by its form
// ("metformin the morning of, yes or no", "ja oder nein"), stated changes,
// follow-ups ("and the benadryl?", "und mit tavor?"), and a question that
// takes up a medicine named in its own sentence or one of the two before
// (fPrevMed, helper hMed: "i'm on a course of doxycycline. do i need to
// wait till it's done?"). Round 11 (ids r11-*, soft too) follows the
// labelling policy below: a doctor's decision told as news clears the
// medical rules of its sentence unless it asks, turns or says the patient
// will deviate (helpers hDecided, hDeviate); an own change done and told as
// past clears the statement rules (hDone); r11-around asks whether eating,
// fasting, driving, exercise, a dentist or a vaccine around a session is
// ok, never a plan or bringing a snack.
//
// # The medicine vocabulary
//
// medicines.txt (round 9) lists, one a line, the medicines and supplements
// commonly prescribed or sold over the counter in the US, the UK and
// Germany, by generic and brand name, with the misspellings and short forms
// patients use, and the classes of medicines in both languages
// ("blutdrucktabletten", "beta blocker", "antibiotikum"). It was written from
// general pharmacological knowledge, never from test messages. A generic
// name ending in -ine, -ole, -one, -ide, -ate or -ene gets its German
// spelling (-in, -ol, -on, -id, -at, -en) on reading (medicines.go). For
// the names no list holds, lines starting with "*" are the INN stems of
// generic names (*pril, *sartan, *olol, *dipine, *statin, *prazole,
// *azepam, *oxetine, *apine, *cillin, *mycin, *vir, *mab, *gliptin,
// *glutide, *triptan, *profen, *semide, *thiazide... and their German
// forms): a word ending in one counts when at least three letters come
// before it and it is not an ordinary word (stemExceptions, found against
// English and German dictionaries), so "fosinopril" counts and "april",
// "mongrel" and "anticyclone" do not. hasSuffix applies that guard to every
// suffix of a pattern that is a stem. The rules use it all as {med9};
// TestMedicinesParse checks that every entry is there once and in normal
// form, TestMedicineStems that stems find unlisted generics and no word of
// a fitted message labelled none. The model's frozen word classes
// (model_classes.go) are refreshed from medicineNames when it is retrained.
//
// # Labels
//
// Every labelled set, fitted, training, held-out or blind, follows the
// labelling policy of round 11 (the blind sets' authors were given it word
// for word):
//
//   - crisis: intent, a plan, a method, a time or an act of suicide or
//     self-harm (any method), overdose or intoxication (taken too much,
//     hoarding pills to take at once, how much would stop me waking up),
//     ketamine included (troches, lozenges, RDT, nasal spray, Spravato,
//     esketamine, K, ket, k-hole). A crisis in the middle of a long message
//     about something else is still crisis. Crisis wins over medical.
//
//   - acute_medical: acute physical symptoms now or just now, the
//     patient's or someone else's: chest pain, cannot breathe, fainting, a
//     seizure, a severe allergic reaction, a dangerously racing heart, very
//     high blood pressure with symptoms, confusion after a fall.
//
//   - harm_to_others: thoughts, urges, plans or acts of hurting someone
//     else (a partner, a child, a colleague, a stranger, an animal).
//
//   - abuse: violence, abuse or danger at home or from someone close; a
//     child or vulnerable adult at risk; being controlled, threatened, hit,
//     locked in.
//
//   - possible: risk without stated intent: hopelessness, burden, trapped,
//     no way out, farewells, giving things away, "won't be here", a means or
//     a time without intent, not wanting to wake up.
//
//   - medical: a request for medical advice (should I take, can I combine,
//     is this dose right, what does this symptom, lab value or vital sign
//     mean, is this side effect normal, the bot's view of a dose someone
//     chose, which strength to buy; food, alcohol, driving, sleep, exercise,
//     fasting, surgery, the dentist, vaccines, pregnancy or breastfeeding
//     around a ketamine session asked as a question), or a stated intent to
//     stop, skip, double, halve, taper or change a medicine on one's own,
//     question mark or not.
//
//   - none: everything else: logistics (appointments, prices, parking,
//     insurance, a refill at the pharmacy), questionnaire answers, stories,
//     feelings without risk, gratitude, jokes, hyperbole, past events told
//     as past and resolved, what a doctor already decided (a dose the doctor
//     set or changed, told as news, without asking anything), questions
//     about the clinic's process.
//
// Three consequences settle the cases older fitted batches labelled both
// ways:
//
//   - A doctor's or prescriber's decision told as news ("my psychiatrist
//     bumped my sertraline to 100", "dr said stop the lithium 2 days
//     before, so that's what I'll do", "hausarzt hat das ramipril auf 5
//     erhöht") is none, also when the patient says they will follow it. It
//     is medical only when the patient asks something about it (is that
//     right, is that too much, can I still...) or says they will deviate
//     from it on their own.
//
//   - Eating, drinking, fasting, driving, sleep or exercise around a
//     session: a question whether it is ok, safe, allowed or advisable is
//     medical ("can I eat before the session", "muss ich nüchtern kommen");
//     a statement of plans ("I'll have a light breakfast before", "my
//     husband drives me home") or a question about the clinic's logistics
//     ("what time should I arrive", "do you have snacks") is none.
//
//   - A patient's own stated intent to change a medicine (stop, skip,
//     double, halve, taper, take extra, switch, restart) is medical even
//     without a question mark; an intent already carried out and told as
//     past ("I stopped my ssri last year") is none unless a question or a
//     continuing plan follows.
//
// Round 11 relabelled the fitted and training lines that contradicted it
// (testdata/relabel11.txt lists each, file:line old→new and why).
//
// # Evaluation sets
//
// The fitted sets are those the rules were written and fixed against:
// crisis_*.tsv and medical_*.tsv (lines "label<TAB>message", label 1 or 0;
// a crisis line must reach crisis or possible), and fitted<N>_<locale>.tsv
// (a header "text<TAB>label", then messages labelled with a category or
// none), each batch written before the detector was run on it, its first-run
// figures recorded in the README. TestEvaluation and TestFittedCategories
// keep strict floors on them. Add a message to a new fitted batch for every
// miss or false alarm found in use, then fix the rules.
//
// The held-out sets, heldout_en.tsv and heldout_de.tsv, were written before
// any rule for the new categories and are never used to tune a rule: their
// SHA-256 is recorded in testdata/heldout.sha256 and TestHeldoutUnchanged
// fails when they change. TestHeldout prints their figures and asserts only
// a floor below those of their first run. A second held-out set,
// heldout2_en.tsv and heldout2_de.tsv, written by another author before the
// rules of fitted batches 8 to 12, follows the same rules (TestHeldout2,
// testdata/heldout2_firstrun.txt). `kapbot safety check --labels FILE`
// scores any such file.
//
// # What is checked after a pattern matches
//
// A match of any category but medical counts unless one of these applies, in
// this order (medical is described after the list):
//
//   - Idiom: it overlaps a figure of speech ("dying of embarrassment", "to
//     die for", "die my hair", "suicide prevention", "vor Lachen sterben").
//
//   - Accident: a rule for an act that can be an accident ("cut myself",
//     "overdose") in a sentence about cooking, shaving, sport or "by
//     accident", unless it says "on purpose". A routine ("every day", "as
//     prescribed", "before bed") clears overdose rules only ("i take all
//     my pills every day"), never self-harm ("i cut my arms every day").
//
//   - Title or lyric: the whole match is inside double quotes and the
//     message talks about a song, film, book and the like; or a single-word
//     rule ("suicidal", "suicide") has no first-person subject in a sentence
//     about media ("Suicidal Tendencies is my favourite band").
//
//   - Negation: reading back from the match within its clause, across
//     fillers only (auxiliaries, "really", "want to", "thoughts of"...), the
//     first word that is not a filler is a negation: "I'm not suicidal", "I
//     would never hurt myself", "no thoughts of suicide", "Ich habe nicht vor,
//     mich umzubringen". A negation only suppresses when it negates the risk
//     predicate itself: rules whose predicate is negative contain the
//     negation ("I don't want to live", "nicht mehr leben"), a negation in an
//     earlier sentence or clause does not reach ("I'm not okay. I want to
//     die"), degree and frequency words stop the reach ("not actively
//     suicidal", "never felt this suicidal" still fire), a second negation
//     cancels the first ("not a day goes by that I don't think about
//     suicide"), and a gap inside a crisis pattern never crosses a negation
//     ("ich will mich nicht umbringen"). A negation answering after the match
//     also suppresses: "Suicidal thoughts: none", "Suizidgedanken habe ich
//     keine".
//
//   - Someone else: the subject found the same way is another person ("my
//     friend is suicidal", "they would be better off dead"). Rules about how
//     others see the speaker ("everyone would be better off without me") are
//     exempt.
//
//   - Resolved past: a marker of the distant past in the same sentence
//     ("years ago", "as a teenager", "used to", "vor Jahren", "früher"), with
//     no present marker or "but" in between, and a statement anywhere that it
//     is over ("I'm fine now", "I stopped", "vorbei"), with nothing saying it
//     is back ("again", "lately", "wieder").
//
//   - Abuse and emergencies are exempt from the someone-else check: abuse
//     is done by someone else ("my husband hits me"), and a seizure may be
//     a friend's.
//
//   - Jokes: harm_to_others, abuse and acute_medical do not count in a
//     sentence with laughter or a joke ("lol", "haha", "jk", a laughing
//     emoji) in it or just after: "i'm gonna murder my brother if he eats my
//     leftovers 😂", "i can't breathe when i laugh this hard". A crisis match
//     in jest, or with a trivial cause ("if i have to fill one more form",
//     "this paperwork makes me want to die"), is reported as possible, with
//     the crisis rule's id, so the bot asks; with both it does not count.
//
//   - Ordinary absence: farewell and "won't be here" rules do not count in a
//     message about a holiday, a trip, a wedding, rescheduling, "see you
//     tuesday" or giving to charity.
//
//   - Not now: an emergency with a marker of the past in its sentence ("as a
//     teenager", "last summer") does not count, nor a symptom said to be
//     ordinary ("normal for me", "through my nose", "on the couch"), or a
//     pet's.
//
// Negation and subjects are read with the word lists of the message's
// language (guessed from frequent words), which need not be the rule's.
//
// A medical match counts only in a sentence that asks something: a question
// mark, a sentence starting like a question, or words such as "can I",
// "is it safe", "should I", "darf ich", in it or in the next sentence; it too
// is suppressed by idioms ("dosing session", "medication list"). A statement
// such as an answer to an intake question ("I take sertraline 50mg") is data,
// not a question. A bare symptom counts only when it or the next sentence
// asks whether it is normal or dangerous. A sentence about money or
// logistics ("how much are the lozenges", "where do i pick up the spray")
// does not count. A stated intent to change a medicine counts without a
// question unless negated or said of someone else ("i'm going to stop my
// lithium" counts; "my doctor stopped my quetiapine in june" does not).
//
// # Deliberate choices
//
// Safety first: when in doubt a statement about oneself fires, at least as
// possible. So do hedged statements ("I don't think I'm suicidal but I don't
// want to live"), hyperbole built on a crisis phrase without a joke or a
// trivial cause ("I'm killing myself at work"), passive ideation, a past attempt
// that is not said to be over ("I attempted suicide last year"), a question
// about one's own suicidal thoughts ("does ketamine help with suicidal
// thoughts?"), and "kys", read as "kill myself". A crisis also wins over a
// medical question (Check).
//
// Deliberately not detected: statements about other people's suicide risk
// in general, or about the news ("my uncle died by suicide years ago": the
// bot screens the patient's own current risk); since round 11 a partner,
// parent, adult child, flatmate or carer reporting what someone close
// says or does now is heard (rules_r11.go: "he says he'll overdose on his
// methadone", "sie hat gesagt sie nimmt alle tabletten"), unless said in
// jest or with a trivial cause; clearly resolved past statements;
// negated statements; idioms and quoted titles; accidents; obfuscations beyond the normalisation above
// (spaced letters such as "k i l l"); and languages other than English and
// German except through a clinic's own phrases. Food, drink other than
// alcohol, driving and other logistics are not medical questions. A message
// whose meaning depends on earlier ones ("I'm going to do it tonight") is
// possible: the detector sees one message at a time, so the bot asks.
//
// Every locale's rules are tried for every message, so a German-speaking
// patient who writes in English is still heard; a match of a rule of the
// patient's locale is reported first.
//
// # Clinic phrases
//
// A clinic adds its own crisis phrases, by locale, in flows/clinic.yaml:
//
//	crisis_phrases:
//	  en: ["checking out early", "going to see grandma in heaven"]
//	  de: ["über die Klinge springen"]
//
// New takes them as its extra argument. Each phrase is normalised like a
// message and matches as that sequence of words, anywhere in a sentence,
// subject to the checks above (so "I'm not checking out early" does not
// fire). Its rule id is "<locale>/crisis/clinic/<normalised-phrase-with-dashes>",
// for example "en/crisis/clinic/checking-out-early". A phrase that normalises
// to nothing (only punctuation or emoji) makes New fail with ErrEmptyPhrase,
// naming the phrase. A locale that has no built-in rules (say "fr") is served
// by its clinic phrases alone.
package safety
