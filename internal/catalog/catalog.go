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
)

// texts is the whole catalogue, English first. A locale missing here falls back
// to English.
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
