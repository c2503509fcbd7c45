package web

import (
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// The flow simulator: a staff member chats with any published flow on a
// throwaway session kept in this process's memory, never in Redis, never
// a patient's. Referrals and results the flow makes are shown, not kept.

// maxSims bounds the throwaway sessions kept; the oldest go first.
const maxSims = 200

type simulation struct {
	st      engine.State
	lines   []simLine
	touched time.Time
}

// simLine is one message of the simulated conversation.
type simLine struct {
	Bot     bool
	Kind    string
	Text    string
	Choices []engine.Option
	Seq     int
}

type simulations struct {
	mu sync.Mutex
	m  map[string]*simulation // session key + flow id
}

func newSimulations() *simulations { return &simulations{m: map[string]*simulation{}} }

func (s *simulations) get(key string) *simulation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[key]
}

func (s *simulations) put(key string, sim *simulation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = sim
	for len(s.m) > maxSims {
		oldest := ""
		for k, v := range s.m {
			if oldest == "" || v.touched.Before(s.m[oldest].touched) {
				oldest = k
			}
		}
		delete(s.m, oldest)
	}
}

func (s *Server) simList(w http.ResponseWriter, r *http.Request, sess *session) {
	b := s.bundle(r)
	var ids []string
	if b != nil {
		for id := range b.Flows {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	s.page(w, r, http.StatusOK, "simlist", sess, pageData{Title: "Flow simulator", Data: ids})
}

type simData struct {
	Flow    string
	Lines   []simLine
	Steps   []simStep
	Mermaid string
	Seq     int
	Done    bool
}

// simStep is one step of the flow's graph, with where it goes.
type simStep struct {
	ID, Kind string
	Next     []string
	Current  bool
}

// simFlow finds the path's flow and the staff member's simulation of it
// (nil when none yet), under key; ok is false after an error page.
func (s *Server) simFlow(w http.ResponseWriter, r *http.Request, sess *session) (e *engine.Engine, f *flow.Flow, key string, sim *simulation, ok bool) {
	if s.cfg.Engine == nil {
		s.notFound(w, r, sess)
		return
	}
	e, err := s.cfg.Engine(r.Context())
	if err != nil {
		s.fail(w, r, "flows", err)
		return
	}
	if f = e.Bundle().Flows[r.PathValue("flow")]; f == nil {
		s.page(w, r, http.StatusNotFound, "message", sess, pageData{Title: "Not found", Data: "There is no such published flow."})
		return
	}
	key = sess.key + "/" + f.ID
	return e, f, key, s.sims.get(key), true
}

func (s *Server) simPage(w http.ResponseWriter, r *http.Request, sess *session) {
	e, f, key, sim, ok := s.simFlow(w, r, sess)
	if !ok {
		return
	}
	if sim == nil || r.URL.Query().Get("restart") != "" {
		sim = &simulation{}
		if err := s.simStep(e, sim, engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: f.ID}}); err != nil {
			s.fail(w, r, "simulator start", err)
			return
		}
		s.sims.put(key, sim)
	}
	s.page(w, r, http.StatusOK, "sim", sess, pageData{Title: "Simulator: " + f.ID, Data: s.simView(f, sim)})
}

func (s *Server) simSend(w http.ResponseWriter, r *http.Request, sess *session) {
	e, f, key, sim, ok := s.simFlow(w, r, sess)
	if !ok {
		return
	}
	if sim == nil {
		http.Redirect(w, r, "/simulator/"+f.ID, http.StatusSeeOther)
		return
	}
	in := engine.Input{}
	if v := r.PostFormValue("press"); v != "" {
		seq, _ := strconv.Atoi(r.PostFormValue("seq"))
		in.Press = &engine.Press{Seq: seq, Value: v}
		for _, l := range sim.lines {
			if l.Seq == seq {
				for _, c := range l.Choices {
					if c.Value == v {
						sim.lines = append(sim.lines, simLine{Text: c.Label})
					}
				}
			}
		}
	} else if t := r.PostFormValue("text"); t != "" {
		in.Text = t
		sim.lines = append(sim.lines, simLine{Text: t})
	}
	if err := s.simStep(e, sim, in); err != nil {
		sim.lines = append(sim.lines, simLine{Bot: true, Kind: "note", Text: "(the flow could not go on: restart the simulation)"})
	}
	s.sims.put(key, sim)
	http.Redirect(w, r, "/simulator/"+f.ID+"#end", http.StatusSeeOther)
}

// simStep applies in to the throwaway state and adds what the bot says.
func (s *Server) simStep(e *engine.Engine, sim *simulation, in engine.Input) error {
	in.Now = s.cfg.Now()
	st, fx, err := e.Step(sim.st, in)
	if err != nil {
		return err
	}
	sim.st, sim.touched = st, in.Now
	for _, x := range fx {
		switch m := x.(type) {
		case engine.Send:
			sim.lines = append(sim.lines, simLine{Bot: true, Kind: string(m.Message.Kind), Text: m.Message.Text, Choices: m.Message.Choices, Seq: m.Message.Seq})
		case engine.Refer:
			sim.lines = append(sim.lines, simLine{Bot: true, Kind: "note", Text: "(a " + string(m.Priority) + " referral would be made here; the simulator keeps none)"})
		case engine.Finished:
			sim.lines = append(sim.lines, simLine{Bot: true, Kind: "note", Text: "(the flow ended: " + string(m.Status) + ")"})
		}
	}
	return nil
}

func (s *Server) simView(f *flow.Flow, sim *simulation) simData {
	d := simData{Flow: f.ID, Lines: slices.Clone(sim.lines), Mermaid: flow.Mermaid(f), Seq: sim.st.Seq}
	current := ""
	for _, fr := range sim.st.Stack {
		if fr.Flow == f.ID {
			current = fr.Step
		}
	}
	d.Done = len(sim.st.Stack) == 0
	for _, id := range f.Order {
		st := f.Steps[id]
		if st == nil {
			continue
		}
		d.Steps = append(d.Steps, simStep{ID: id, Kind: string(st.Kind), Next: next(st), Current: id == current})
	}
	// Only the newest prompt's buttons can still be pressed.
	for i := range d.Lines {
		if d.Lines[i].Seq != sim.st.Seq || d.Done {
			d.Lines[i].Choices = nil
		}
	}
	return d
}

// next lists where a step may go.
func next(st *flow.Step) []string {
	var out []string
	add := func(id string) {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, c := range st.Cases {
		add(c.Goto)
	}
	add(st.Else)
	add(st.Next)
	return out
}
