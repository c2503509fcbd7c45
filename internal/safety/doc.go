// Package safety holds the crisis and medical-question detectors: it tells
// whether a patient's message states thoughts, plans or acts of suicide or
// self-harm (a crisis, which must be caught every time), or asks for medical
// advice (dosing, medication changes, interactions, side effects, symptoms),
// which the bot must never answer.
//
// Both detectors are deterministic and explainable: curated word patterns per
// locale ("en" and "de"), applied to the normalised message, and a few
// context checks. There is no model and no I/O. A Detector is built once with
// New and is safe for concurrent use; Check, Crisis and Medical are pure. A
// Match names the rule that fired and never carries the patient's text, so it
// may be logged and counted.
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
// mehr), misspellings of the words the rules care about are corrected
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
// with word classes (medicine names, symptoms...) in lexicon.go. A rule has a
// stable id, "<locale>/<kind>/<name>" such as "en/crisis/want-to-die", and a
// few patterns. A pattern is a sequence of words in normal form with
// alternatives (a|b c), optional parts [a|b], bounded gaps ~N (at most 8
// words), clause ends $, numbers #N, prefixes word* and suffixes *word, and
// macros {name}; see pattern. Patterns never match across a sentence end and
// have no unbounded repetition, so a match costs little and a 100 KB message
// is checked in a few tens of milliseconds (BenchmarkCheck). Every literal
// must already be in normal form, which compiling checks, so a rule cannot
// silently never match.
//
// Write patterns that generalise: a verb with its forms and a small gap
// ("(want|wanted|need|...) to [just|really] (die|be dead)"), not a copy of
// one test message. Every rule must fire on at least one positive message in
// testdata (TestRulesHaveExamples), and the evaluation sets there
// (crisis_en.tsv, crisis_de.tsv, medical_en.tsv, medical_de.tsv: lines
// "label<TAB>message") must keep crisis recall at 100% and precision at 95%
// or more, and medical recall and precision at 95% or more
// (TestEvaluation). Add a message to the sets for every miss or false alarm
// found in use, then fix the rules.
//
// # What is checked after a pattern matches
//
// A crisis match counts unless one of these applies, in this order:
//
//   - Idiom: it overlaps a figure of speech ("dying of embarrassment", "to
//     die for", "die my hair", "suicide prevention", "vor Lachen sterben").
//   - Accident: a rule for an act that can be an accident ("cut myself",
//     "overdose") in a sentence about cooking, shaving, sport or "by
//     accident", unless it says "on purpose".
//   - Title or lyric: the whole match is inside double quotes and the
//     message talks about a song, film, book and the like; or a single-word
//     rule ("suicidal", "suicide") has no first-person subject in a sentence
//     about media ("Suicidal Tendencies is my favourite band").
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
//   - Someone else: the subject found the same way is another person ("my
//     friend is suicidal", "they would be better off dead"). Rules about how
//     others see the speaker ("everyone would be better off without me") are
//     exempt.
//   - Resolved past: a marker of the distant past in the same sentence
//     ("years ago", "as a teenager", "used to", "vor Jahren", "früher"), with
//     no present marker or "but" in between, and a statement anywhere that it
//     is over ("I'm fine now", "I stopped", "vorbei"), with nothing saying it
//     is back ("again", "lately", "wieder").
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
// asks whether it is normal or dangerous.
//
// # Deliberate choices
//
// Safety first: when in doubt a statement about oneself fires. So do hedged
// statements ("I don't think I'm suicidal but I don't want to live"),
// hyperbole built on a crisis phrase ("I'm gonna kms if I fill one more
// form", "I'm killing myself at work"), passive ideation, a past attempt
// that is not said to be over ("I attempted suicide last year"), a question
// about one's own suicidal thoughts ("does ketamine help with suicidal
// thoughts?"), and "kys", read as "kill myself". A crisis also wins over a
// medical question (Check).
//
// Deliberately not detected: statements about other people, or about the
// news ("my uncle died by suicide years ago": the bot screens the patient's
// own current risk; clinics that want third-party reports handled must do so
// in their flows); clearly resolved past statements; negated statements;
// idioms and quoted titles; accidents; messages whose meaning depends on
// earlier messages ("I'm going to do it tonight": the detector sees one
// message at a time, so flows should ask directly); threats to others other
// than "I might hurt someone"; obfuscations beyond the normalisation above
// (spaced letters such as "k i l l"); and languages other than English and
// German except through a clinic's own phrases. Food, drink other than
// alcohol, driving and other logistics are not medical questions.
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
