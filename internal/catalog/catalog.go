// Package catalog holds the fixed system texts: everything the bot may say that
// is not written by the clinic. The catalogue is small and closed; a clinic can
// override any entry in clinic.yaml (`texts:`), but nothing else is ever said.
package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// Keys of the catalogue.
const (
	Yes               = "yes"
	No                = "no"
	Done              = "done"            // button that ends a multiple-choice pick
	PickOne           = "reprompt_choice" // invalid answer to a choice question
	PickSome          = "reprompt_multi"  // invalid answer to a multiple-choice question
	AnswerYesNo       = "reprompt_yesno"  //
	AnswerNumber      = "reprompt_number" // %s: min, %s: max
	AnswerText        = "reprompt_text"   // %d: max length
	AnswerDate        = "reprompt_date"   //
	Closed            = "question_closed" // a stale button
	WelcomeBack       = "welcome_back"    // resume reminder, before the question is asked again
	Expired           = "session_expired" // an idle session ended
	Help              = "help"            // /help
	ConfirmRestart    = "confirm_restart" // /restart asks
	ConfirmForget     = "confirm_forget"  // /forget asks
	Restarting        = "restarting"      //
	Cancelled         = "cancelled"       // a confirmation answered no
	Stopped           = "stopped"         // /stop
	Forgotten         = "forgotten"       // after /forget
	Finished          = "finished"        // a message after the conversation ended
	NoSuchFlow        = "no_such_flow"    // /start with an unknown flow
	Languages         = "languages"       // /language without argument; %s: list
	LanguageSet       = "language_set"    //
	ReviewHeader      = "review_header"   // above the answers in a review
	ReviewOK          = "review_ok"       // button: all answers are right
	ReviewChange      = "review_change"   // button: change answer %d
	Skipped           = "skipped"         // a question skipped after too many invalid answers
	Unanswered        = "unanswered"      // a reviewed question with no answer
	NotedUnknown      = "noted_unknown"   // a risk or checklist item recorded as unknown (not sure, or no clear answer)
	MedicalAdvice     = "no_medical_advice"
	PausedSafety      = "paused_safety"      // after crisis resources: continue or stop
	SafeContinue      = "safe_continue"      // button
	SafeStop          = "safe_stop"          // button
	Continuing        = "continuing"         //
	TooLong           = "too_long"           // an input longer than any answer can be
	NotText           = "not_text"           // stickers, photos, files
	Unavailable       = "unavailable"        // the bot cannot serve right now
	ReferDefault      = "refer_default"      // after a referral when the clinic set no next_steps
	QuestionnaireDone = "questionnaire_done" // a questionnaire run alone ends, when it has no closing text
	TakeoverStart     = "takeover_start"     // a person from the care team takes the conversation over
	FromCareTeam      = "from_care_team"     // heads every message relayed from the care team
	TakeoverWait      = "takeover_wait"      // a button or flow command while the care team writes
	TakeoverEnd       = "takeover_end"       // the care team hands back; the question follows
	Unreadable        = "unreadable"         // the stored conversation cannot be opened (unknown key, damaged)
	// The direct safety question, asked after a message that may signal risk
	// (a "possible" alert), its third button, and the reply to "No".
	SafetyQuestion = "safety_question"
	NotSure        = "not_sure"       // button of the safety question, beside Yes and No
	SafetyNo       = "safety_no"      // the patient answered No; the waiting question follows
	HarmHeading    = "harm_to_others" // heads the clinic's harm_to_others resources
	AbuseHeading   = "abuse"          // heads the clinic's abuse resources
	AcuteHeading   = "acute_medical"  // heads the clinic's acute_medical resources
	// Discord: a slash command used in a server is answered there (only the
	// patient sees it) while the conversation goes on in a direct message.
	DMSent   = "dm_sent"   // the conversation continues in the patient's DMs
	DMClosed = "dm_closed" // the patient's DMs are closed to the bot
	// Reminders (clinic.yaml schedules:).
	ReminderIntro  = "reminder_intro"  // before the first reminder: who writes and why
	Nudge          = "nudge"           // a patient went quiet mid-flow; the waiting question follows
	Appointments   = "appointments"    // /appointments; %s: one line per appointment
	NoAppointments = "no_appointments" // /appointments with none ahead
	RemindersOn    = "reminders_on"    // /reminders on
	RemindersOff   = "reminders_off"   // /reminders off (and /reminders while off)
)

// texts is the whole catalogue: English, the complete reference, and German.
// A locale missing here, or a key missing in a locale, falls back to English.
var texts = map[string]map[string]string{
	"en": {
		Yes:               "Yes",
		No:                "No",
		Done:              "Done",
		PickOne:           "Please choose one of the options, by button or by its number.",
		PickSome:          "Please choose one or more of the options, then press Done.",
		AnswerYesNo:       "Please answer yes or no.",
		AnswerNumber:      "Please answer with a number from %s to %s.",
		AnswerText:        "Please answer in at most %d characters.",
		AnswerDate:        "Please give a date as YYYY-MM-DD, for example 2026-03-14.",
		Closed:            "That question is closed. Please answer the current question.",
		WelcomeBack:       "Welcome back. Here is where we stopped:",
		Expired:           "Your earlier conversation was closed after a long pause. Send /start to begin again.",
		Help:              "I am the clinic's screening and preparation assistant. I cannot give medical advice and I am not an emergency service.\nCommands: /restart starts again, /stop ends the conversation, /language changes the language, /forget erases what you told me.",
		ConfirmRestart:    "Start again from the beginning? Your answers so far will be discarded.",
		ConfirmForget:     "Erase everything you have told me? This cannot be undone.",
		Restarting:        "Starting again.",
		Cancelled:         "Alright, we carry on where we were.",
		Stopped:           "The conversation is stopped. Send /start whenever you want to begin again.",
		Forgotten:         "Everything you told me has been erased.",
		Finished:          "This conversation has ended. Send /start to begin again.",
		NoSuchFlow:        "I do not know that conversation. Send /start to begin the clinic's default one.",
		Languages:         "Available languages: %s. Send /language followed by one of them.",
		LanguageSet:       "Language changed.",
		ReviewHeader:      "Here are your answers:",
		ReviewOK:          "All correct",
		ReviewChange:      "Change %d",
		Skipped:           "Let us skip this question.",
		Unanswered:        "(no answer)",
		NotedUnknown:      "Thank you. I have noted this as not sure, and the care team will go through it with you.",
		MedicalAdvice:     "I cannot give medical advice. I have passed your question to the clinic team, who will answer it.",
		PausedSafety:      "Your safety matters most. When you are ready, tell me whether you want to continue.",
		SafeContinue:      "I am safe, continue",
		SafeStop:          "Stop for now",
		Continuing:        "Thank you. Let us continue.",
		TooLong:           "That message is too long for me. Please answer more briefly.",
		NotText:           "I can only read text messages and button presses.",
		Unavailable:       "Sorry, I cannot answer right now. Please try again in a few minutes.",
		ReferDefault:      "Thank you. The clinic team will review your answers and contact you.",
		QuestionnaireDone: "Thank you. Your answers are saved for the clinic's care team.",
		TakeoverStart:     "A person from the clinic's care team has joined this conversation and will write to you here. The questions continue afterwards.",
		FromCareTeam:      "Message from the care team:",
		TakeoverWait:      "A person from the care team is writing with you now. Please reply in your own words; the questions continue when they are done.",
		TakeoverEnd:       "The care team has handed the conversation back to me. Let us continue.",
		Unreadable:        "Sorry, we could not load your conversation. A person from the clinic's care team will contact you. Send /start to begin again.",
		SafetyQuestion:    "Some of what you wrote worries me. Are you having thoughts of ending your life or of hurting yourself?",
		NotSure:           "Not sure",
		SafetyNo:          "Thank you for answering. I have passed what you wrote to the care team so that someone can check in with you. If things change, tell me at any time.",
		HarmHeading:       "What you wrote sounds like someone could get hurt. Please get help now:",
		AbuseHeading:      "What you wrote sounds like you may not be safe with someone. You do not have to face this alone; these services can help, in confidence:",
		AcuteHeading:      "What you describe may need urgent medical help. Please do not wait for the clinic to reply:",
		DMSent:            "I've sent you a direct message.",
		DMClosed:          "I can't send you direct messages. To talk with me, allow them: open the server menu, then Server settings > Privacy > Allow direct messages (or Privacy Settings > Direct Messages), and use the command again.",
		ReminderIntro:     "This is the clinic's automated assistant. Your care team set up reminders around your sessions, so I will sometimes write first. Send /appointments to see your sessions, or /reminders off to stop reminders.",
		Nudge:             "A question from the clinic is still waiting for your answer. Here it is again:",
		Appointments:      "Your appointments with the clinic:\n%s",
		NoAppointments:    "No appointments with the clinic are recorded here. Your care team can tell you when your next session is.",
		RemindersOn:       "Reminders are on. Send /reminders off to stop them.",
		RemindersOff:      "Reminders are off. Send /reminders on to turn them back on.",
	},
	// German: formal address (Sie), as German clinics write to patients.
	"de": {
		Yes:               "Ja",
		No:                "Nein",
		Done:              "Fertig",
		PickOne:           "Bitte wählen Sie eine der Antworten, per Schaltfläche oder mit ihrer Nummer.",
		PickSome:          "Bitte wählen Sie eine oder mehrere Antworten und drücken Sie dann auf Fertig.",
		AnswerYesNo:       "Bitte antworten Sie mit Ja oder Nein.",
		AnswerNumber:      "Bitte antworten Sie mit einer Zahl von %s bis %s.",
		AnswerText:        "Bitte antworten Sie mit höchstens %d Zeichen.",
		AnswerDate:        "Bitte geben Sie ein Datum als JJJJ-MM-TT an, zum Beispiel 2026-03-14.",
		Closed:            "Diese Frage ist bereits abgeschlossen. Bitte beantworten Sie die aktuelle Frage.",
		WelcomeBack:       "Willkommen zurück. Hier hatten wir aufgehört:",
		Expired:           "Ihr früheres Gespräch wurde nach einer langen Pause beendet. Senden Sie /start, um neu zu beginnen.",
		Help:              "Ich bin der Assistent der Praxis für Fragebögen und Vorbereitung. Ich kann keinen medizinischen Rat geben und bin kein Notdienst.\nBefehle: /restart beginnt von vorn, /stop beendet das Gespräch, /language wechselt die Sprache, /forget löscht, was Sie mir gesagt haben.",
		ConfirmRestart:    "Noch einmal von vorn beginnen? Ihre bisherigen Antworten werden verworfen.",
		ConfirmForget:     "Alles löschen, was Sie mir gesagt haben? Das lässt sich nicht rückgängig machen.",
		Restarting:        "Wir beginnen von vorn.",
		Cancelled:         "In Ordnung, wir machen dort weiter, wo wir waren.",
		Stopped:           "Das Gespräch ist beendet. Senden Sie /start, wann immer Sie neu beginnen möchten.",
		Forgotten:         "Alles, was Sie mir gesagt haben, wurde gelöscht.",
		Finished:          "Dieses Gespräch ist beendet. Senden Sie /start, um neu zu beginnen.",
		NoSuchFlow:        "Dieses Gespräch kenne ich nicht. Senden Sie /start, um das Gespräch der Praxis zu beginnen.",
		Languages:         "Verfügbare Sprachen: %s. Senden Sie /language und dahinter eine davon.",
		LanguageSet:       "Die Sprache wurde geändert.",
		ReviewHeader:      "Hier sind Ihre Antworten:",
		ReviewOK:          "Alles richtig",
		ReviewChange:      "Antwort %d ändern",
		Skipped:           "Wir überspringen diese Frage.",
		Unanswered:        "(keine Antwort)",
		NotedUnknown:      "Danke. Ich habe das als „nicht sicher“ notiert; das Behandlungsteam geht es mit Ihnen durch.",
		MedicalAdvice:     "Ich kann keinen medizinischen Rat geben. Ich habe Ihre Frage an das Team der Praxis weitergegeben, das sie beantworten wird.",
		PausedSafety:      "Ihre Sicherheit geht vor. Wenn Sie so weit sind, sagen Sie mir, ob Sie weitermachen möchten.",
		SafeContinue:      "Ich bin sicher, weiter",
		SafeStop:          "Jetzt aufhören",
		Continuing:        "Danke. Machen wir weiter.",
		TooLong:           "Diese Nachricht ist zu lang für mich. Bitte antworten Sie kürzer.",
		NotText:           "Ich kann nur Textnachrichten und Schaltflächen lesen.",
		Unavailable:       "Entschuldigung, ich kann gerade nicht antworten. Bitte versuchen Sie es in ein paar Minuten noch einmal.",
		ReferDefault:      "Danke. Das Team der Praxis sieht sich Ihre Antworten an und meldet sich bei Ihnen.",
		QuestionnaireDone: "Danke. Ihre Antworten sind für das Behandlungsteam der Praxis gespeichert.",
		TakeoverStart:     "Eine Person aus dem Behandlungsteam der Praxis ist diesem Gespräch beigetreten und schreibt Ihnen hier. Die Fragen gehen danach weiter.",
		FromCareTeam:      "Nachricht vom Behandlungsteam:",
		TakeoverWait:      "Gerade schreibt eine Person aus dem Behandlungsteam mit Ihnen. Bitte antworten Sie in Ihren eigenen Worten; die Fragen gehen weiter, wenn sie fertig ist.",
		TakeoverEnd:       "Das Behandlungsteam hat das Gespräch an mich zurückgegeben. Machen wir weiter.",
		Unreadable:        "Entschuldigung, wir konnten Ihr Gespräch nicht laden. Eine Person aus dem Behandlungsteam der Praxis meldet sich bei Ihnen. Senden Sie /start, um neu zu beginnen.",
		SafetyQuestion:    "Manches von dem, was Sie geschrieben haben, macht mir Sorgen. Haben Sie Gedanken, sich das Leben zu nehmen oder sich selbst zu verletzen?",
		NotSure:           "Nicht sicher",
		SafetyNo:          "Danke für Ihre Antwort. Ich habe Ihre Nachricht an das Behandlungsteam weitergegeben, damit sich jemand bei Ihnen meldet. Wenn sich etwas ändert, sagen Sie es mir jederzeit.",
		HarmHeading:       "Was Sie schreiben, klingt so, als könnte jemand verletzt werden. Bitte holen Sie sich jetzt Hilfe:",
		AbuseHeading:      "Was Sie schreiben, klingt so, als wären Sie bei jemandem nicht sicher. Sie müssen das nicht allein durchstehen; diese Stellen helfen vertraulich:",
		AcuteHeading:      "Was Sie beschreiben, braucht vielleicht dringend ärztliche Hilfe. Bitte warten Sie nicht auf eine Antwort der Praxis:",
		DMSent:            "Ich habe Ihnen eine Direktnachricht geschickt.",
		DMClosed:          "Ich kann Ihnen keine Direktnachrichten schicken. Um mit mir zu sprechen, erlauben Sie sie: Öffnen Sie das Servermenü, dann Servereinstellungen > Privatsphäre > Direktnachrichten erlauben (oder Privatsphäre-Einstellungen > Direktnachrichten), und verwenden Sie den Befehl noch einmal.",
		ReminderIntro:     "Hier schreibt der automatische Assistent der Praxis. Ihr Behandlungsteam hat Erinnerungen rund um Ihre Sitzungen eingerichtet, deshalb schreibe ich manchmal zuerst. Mit /appointments sehen Sie Ihre Termine, mit /reminders off beenden Sie die Erinnerungen.",
		Nudge:             "Eine Frage der Praxis wartet noch auf Ihre Antwort. Hier ist sie noch einmal:",
		Appointments:      "Ihre Termine in der Praxis:\n%s",
		NoAppointments:    "Hier sind keine Termine in der Praxis eingetragen. Ihr Behandlungsteam sagt Ihnen, wann Ihre nächste Sitzung ist.",
		RemindersOn:       "Erinnerungen sind eingeschaltet. Mit /reminders off schalten Sie sie aus.",
		RemindersOff:      "Erinnerungen sind ausgeschaltet. Mit /reminders on schalten Sie sie wieder ein.",
	},
}

// Override is a clinic's replacement texts: key -> locale -> text.
type Override map[string]map[string]string

// Catalog looks texts up, with a clinic's overrides first.
type Catalog struct {
	over Override
}

// New returns a catalogue with the clinic's overrides. It returns an error
// naming every override key that is not in the catalogue.
func New(over Override) (*Catalog, error) {
	var unknown []string
	for k := range over {
		if !Has(k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("unknown catalogue keys %s (known: %s)", strings.Join(unknown, ", "), strings.Join(Keys(), ", "))
	}
	return &Catalog{over: over}, nil
}

// Locales returns the locales the catalogue has texts in, sorted.
func Locales() []string {
	out := make([]string, 0, len(texts))
	for l := range texts {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := texts["en"][key]
	return ok
}

// Keys returns every catalogue key, sorted.
func Keys() []string {
	keys := make([]string, 0, len(texts["en"]))
	for k := range texts["en"] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Text returns the text for key in the first locale of the chain that has it,
// from the clinic's overrides, then the catalogue, then English. A nil Catalog
// has no overrides. It panics on an unknown key: keys are constants.
func (c *Catalog) Text(key string, locales ...string) string {
	if !Has(key) {
		panic("catalog: unknown key " + key)
	}
	if c != nil {
		if o := c.over[key]; o != nil {
			for _, l := range locales {
				if s := o[l]; s != "" {
					return s
				}
			}
		}
	}
	for _, l := range locales {
		if s := texts[l][key]; s != "" {
			return s
		}
	}
	return texts["en"][key]
}

// All returns every text the catalogue can produce, for the test that checks
// every outgoing text comes from a known source.
func (c *Catalog) All() []string {
	var out []string
	for _, m := range texts {
		for _, s := range m {
			out = append(out, s)
		}
	}
	if c != nil {
		for _, m := range c.over {
			for _, s := range m {
				out = append(out, s)
			}
		}
	}
	return out
}
