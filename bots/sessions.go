package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/kapbot/kapbot/bots/console"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/termsafe"
)

// SessionView is a patient's stored data as `sessions show --json` and
// `export --format json` print it. Its fields are a stable interface.
type SessionView struct {
	Patient   string                    `json:"patient"`
	Exists    bool                      `json:"exists"`
	Status    string                    `json:"status,omitempty"`
	Flow      string                    `json:"flow,omitempty"`
	Version   string                    `json:"version,omitempty"` // flow bundle version
	At        string                    `json:"at,omitempty"`      // where the flow waits: step, or step/item
	Locale    string                    `json:"locale,omitempty"`
	Started   *time.Time                `json:"started,omitempty"`
	Updated   *time.Time                `json:"updated,omitempty"`
	Answers   map[string]map[string]any `json:"answers"` // flow -> variable -> value
	Results   []flow.Result             `json:"results"` // every completed questionnaire, oldest first
	Referrals []ReferralView            `json:"referrals"`
	// Answered is every answer to a flow's own questions, oldest first,
	// across flow runs (questionnaire items are in Results).
	Answered []AnswerView `json:"answered"`
}

// AnswerView is one answer to a flow's own question, as the history keeps it.
type AnswerView struct {
	At time.Time `json:"at"`
	runner.Answer
}

// patientID turns a command-line USER into a stored patient id: a plain name
// is a console patient, "tg:123" and "dc:456" are taken as they are.
func patientID(user string) string {
	if strings.Contains(user, ":") {
		return user
	}
	return console.Prefix + ":" + user
}

// ReferralView is a referral as the patient's history holds it, with its
// short id (as staff see it) and its status now.
type ReferralView struct {
	runner.Referral
	ShortID string `json:"short_id"`
	Status  string `json:"status"` // new, acknowledged, contacted or closed
	// MergedInto is the short id of the open emergency referral this
	// later emergency was added to (one open emergency per patient); Status
	// is then that referral's.
	MergedInto string `json:"merged_into,omitempty"`

	full *referral.Referral // as the referral store holds it; nil when not (yet) there
}

func view(ctx context.Context, be *backend, patient string) (SessionView, error) {
	v := SessionView{Patient: patient, Answers: map[string]map[string]any{}, Results: []flow.Result{}, Referrals: []ReferralView{}, Answered: []AnswerView{}}
	sess, err := be.store.Load(ctx, patient)
	if err != nil {
		return v, fmt.Errorf("load session: %w", err)
	}
	recs, err := be.store.Records(ctx, patient)
	if err != nil {
		return v, fmt.Errorf("load history: %w", err)
	}
	v.Exists = sess.Version > 0 || len(recs) > 0
	if sess.Data != nil {
		st, err := runner.DecodeState(sess.Data)
		if err != nil {
			return v, err
		}
		v.Status, v.Flow, v.Version, v.Locale = string(st.Status), st.Flow, st.Bundle, st.Locale
		v.At = enginePlace(st)
		if !st.Started.IsZero() {
			v.Started = &st.Started
		}
		if !st.Updated.IsZero() {
			v.Updated = &st.Updated
		}
		for f, vars := range st.Vars {
			v.Answers[f] = vars
		}
	}
	for _, raw := range recs {
		rec, err := runner.DecodeRecord(raw)
		if err != nil {
			continue
		}
		switch {
		case rec.Result != nil:
			v.Results = append(v.Results, *rec.Result)
		case rec.Referral != nil:
			v.Referrals = append(v.Referrals, ReferralView{Referral: *rec.Referral, ShortID: referral.IDFor(rec.Referral.ID)})
		case rec.Answer != nil:
			v.Answered = append(v.Answered, AnswerView{At: rec.At, Answer: *rec.Answer})
		}
	}
	if len(v.Referrals) > 0 {
		// One read of each referral serves its status, the merges and
		// (export) its notes.
		rs := referral.NewStore(be.client, be.prefix, be.sealer)
		for i := range v.Referrals {
			full, err := rs.Get(ctx, referral.IDFor(v.Referrals[i].ID))
			switch {
			case errors.Is(err, referral.ErrNotFound):
				v.Referrals[i].Status = string(referral.StatusNew)
			case err != nil:
				return v, err
			default:
				v.Referrals[i].Status, v.Referrals[i].full = string(full.Status()), full
			}
		}
		markMerged(v.Referrals)
	}
	return v, nil
}

// markMerged names, for each referral of refs that was added to an open
// emergency referral instead of being stored, the one it was added to.
func markMerged(refs []ReferralView) {
	into := map[string]*referral.Referral{}
	for _, r := range refs {
		if r.full == nil {
			continue
		}
		for _, src := range r.full.Merged {
			into[src] = r.full
		}
	}
	for i, r := range refs {
		if full, ok := into[r.ID]; ok {
			refs[i].MergedInto = full.ID
			refs[i].Status = string(full.Status())
		}
	}
}

// enginePlace says where a session waits, as transcripts name it.
func enginePlace(st engine.State) string {
	return engine.Place(st)
}

func cmdSessions(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 {
		return usagef("sessions: say show, list or erase (kapbot help)")
	}
	sub := args[0]
	if sub == "-h" || sub == "--help" || sub == "help" {
		fmt.Fprint(s.out, "Usage:\n  kapbot sessions show USER [--json] [--actor NAME]\n  kapbot sessions list [--json]\n  kapbot sessions erase USER [--yes] [--actor NAME]\nUSER is a console name (alice) or a channel id (tg:123456789, dc:234567890123456789).\n")
		return errHelp
	}
	// Each subcommand has its own flags, so --help shows its own usage and
	// a flag it does not take (erase --json) is refused.
	var fs *flag.FlagSet
	asJSON, yes, who := new(bool), new(bool), new(string)
	switch sub {
	case "show":
		fs = newFlags("sessions show", "kapbot sessions show USER [--json] [--actor NAME]", s)
		fs.BoolVar(asJSON, "json", false, "print JSON")
		fs.StringVar(who, "actor", "", "who looks, for the audit log (default $USER)")
	case "list":
		fs = newFlags("sessions list", "kapbot sessions list [--json]", s)
		fs.BoolVar(asJSON, "json", false, "print JSON")
	case "erase":
		fs = newFlags("sessions erase", "kapbot sessions erase USER [--yes] [--actor NAME]\n(on a terminal it asks first; piped or with --yes it does not)", s)
		fs.BoolVar(yes, "yes", false, "erase without asking")
		fs.StringVar(who, "actor", "", "who erases, for the audit log (default $USER)")
	default:
		return usagef("sessions %s: unknown; say show, list or erase", sub)
	}
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	switch sub {
	case "show", "erase":
		if len(pos) != 1 {
			return usagef("sessions %s: name one patient, e.g. kapbot sessions %s alice (console) or tg:123456", sub, sub)
		}
	case "list":
		if len(pos) != 0 {
			return usagef("sessions list takes no patient; see kapbot sessions list --help")
		}
	}
	by, err := actor(*who)
	if err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	switch sub {
	case "list":
		ps, err := be.store.Patients(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			if ps == nil {
				ps = []string{}
			}
			return writeJSON(s.out, ps, false)
		}
		for _, p := range ps {
			fmt.Fprintln(s.out, termsafe.Line(p))
		}
		return nil
	case "erase":
		// Referrals first: a failure leaves the session, and running the
		// command again finishes the erasure. Staff posts of the referrals
		// are overwritten by serve, where the channels run.
		p := patientID(pos[0])
		v, err := view(ctx, be, p)
		if err != nil {
			return err
		}
		if !v.Exists {
			// Already erased (or never there): nothing to erase, and no
			// second erasure in the audit log.
			fmt.Fprintf(s.out, "nothing stored about %s; nothing erased\n", termsafe.Line(p))
			return nil
		}
		if !*yes && isTerminal(s.in) {
			fmt.Fprintf(s.err, "Erase everything stored about %s (%d referrals)? This cannot be undone. Type yes to erase: ", termsafe.Line(p), len(v.Referrals))
			line, _ := bufio.NewReader(s.in).ReadString('\n')
			if strings.TrimSpace(strings.ToLower(line)) != "yes" {
				return fmt.Errorf("sessions erase: not confirmed; nothing erased")
			}
		}
		log := slog.New(slog.NewTextHandler(s.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
		refs := notifier(be, runner.NewLibrary(be.store), log)
		n, err := refs.Erase(ctx, p, by)
		if err != nil {
			return fmt.Errorf("erase referrals of %s: %w", p, err)
		}
		if err := be.store.Erase(ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(s.out, "erased everything stored about %s (%d referrals)\n", termsafe.Line(p), n)
		return nil
	}
	// Recorded before the session is read: a view that cannot be
	// recorded reads and prints nothing.
	p := patientID(pos[0])
	if err := recordAudit(ctx, be, by, "session.view", auditPatient(p)); err != nil {
		return err
	}
	v, err := view(ctx, be, p)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(s.out, v, true)
	}
	if !v.Exists {
		fmt.Fprintf(s.out, "%s: nothing stored\n", termsafe.Line(v.Patient))
		return nil
	}
	// Everything below may hold what the patient typed: terminal controls
	// are shown escaped (termsafe), never sent to the operator's terminal.
	esc := termsafe.Line
	if v.Flow == "" {
		// Stored before any flow: appointments recorded for a patient who has
		// not written yet.
		fmt.Fprintf(s.out, "patient  %s\nstatus   no flow started yet (appointments: kapbot appointments list %s)\n", esc(v.Patient), esc(v.Patient))
	} else {
		fmt.Fprintf(s.out, "patient  %s\nstatus   %s\nflow     %s (version %s)\n", esc(v.Patient), esc(v.Status), esc(v.Flow), esc(v.Version))
	}
	if v.At != "" {
		fmt.Fprintf(s.out, "waiting  %s\n", esc(v.At))
	}
	for _, r := range v.Results {
		if r.Invalid {
			fmt.Fprintf(s.out, "result   %s: no valid total", esc(r.Questionnaire))
		} else {
			fmt.Fprintf(s.out, "result   %s: total %g", esc(r.Questionnaire), r.Total)
		}
		if r.Prorated {
			fmt.Fprint(s.out, " (prorated)")
		}
		if r.Band != "" {
			fmt.Fprintf(s.out, ", band %s", esc(r.Band))
		}
		if len(r.Flags) > 0 {
			fmt.Fprintf(s.out, ", flags %s", esc(strings.Join(r.Flags, " ")))
		}
		if len(r.Unknown) > 0 {
			fmt.Fprintf(s.out, ", unknown %s", esc(strings.Join(r.Unknown, " ")))
		}
		if len(r.Missing) > 0 {
			fmt.Fprintf(s.out, ", missing %s", esc(strings.Join(r.Missing, " ")))
		}
		fmt.Fprintln(s.out)
	}
	for _, r := range v.Referrals {
		fmt.Fprintf(s.out, "referral %s %s (%s) %s\n", r.Created.Format(time.RFC3339), esc(string(r.Priority)), esc(r.Trigger), esc(r.Reason))
	}
	flowsSorted := make([]string, 0, len(v.Answers))
	for f := range v.Answers {
		flowsSorted = append(flowsSorted, f)
	}
	sort.Strings(flowsSorted)
	for _, f := range flowsSorted {
		names := make([]string, 0, len(v.Answers[f]))
		for n := range v.Answers[f] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(s.out, "answer   %s.%s = %s\n", esc(f), esc(n), esc(fmt.Sprint(v.Answers[f][n])))
		}
	}
	return nil
}

// writeJSON prints v as JSON (indented when asked) with no raw character
// that acts on a terminal: encoding/json escapes C0 controls, and
// termsafe.JSON the rest (DEL, C1, bidi); the values decode the same.
func writeJSON(w io.Writer, v any, indent bool) error {
	var b []byte
	var err error
	if indent {
		b, err = json.MarshalIndent(v, "", "  ")
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(termsafe.JSON(append(b, '\n')))
	return err
}

// isTerminal reports whether r is a terminal the operator types into (so
// a question can be asked); pipes and files are not. A variable, so tests
// can stand in for a terminal.
var isTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
