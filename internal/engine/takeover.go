package engine

import (
	"strings"

	"github.com/kapbot/kapbot/internal/catalog"
)

// A human takeover: a person from the care team writes with the patient
// through the bot. The flow waits where it was (Status Takeover, the status
// before it in State.Before); the patient's messages, after the crisis
// screening every typed message gets, are not answers but Relay effects for
// the staff; the staff's messages reach the patient as FromStaff messages,
// the catalogue's FromCareTeam heading above their words. Handing back
// restores the status and, in an active flow, asks the waiting question
// again. Every turn is also a Relay effect, recorded on the referral.

// staff applies a staff action.
func (s *sprint) staff(a StaffAction) error {
	relay := func(kind RelayKind, text string) {
		s.fx = append(s.fx, Relay{Referral: a.Referral, Kind: kind, Text: text, By: a.By, Channel: a.Channel, Dest: a.Dest, User: a.User})
	}
	mine := s.st.Status == Takeover && s.st.TakenOver == a.Referral
	switch a.Kind {
	case StaffTakeover:
		if mine {
			return nil // already: a repeated command changes nothing
		}
		if s.st.Status != Takeover {
			s.st.Before = s.st.Status
		}
		s.st.Status = Takeover
		s.st.TakenOver = a.Referral
		s.st.Pending = ""
		s.st.Multi = nil
		s.sayCatalog(catalog.TakeoverStart)
		relay(RelayTakeover, "")
		return nil
	case StaffSay:
		if !mine || strings.TrimSpace(a.Text) == "" {
			relay(RelayUndelivered, a.Text)
			return nil
		}
		s.send(Message{Kind: FromStaff, Key: catalog.FromCareTeam, Text: s.sys(catalog.FromCareTeam) + "\n\n" + a.Text})
		relay(RelayStaff, a.Text)
		return nil
	case StaffHandback:
		if !mine {
			relay(RelayUndelivered, "")
			return nil
		}
		s.st.Status = s.st.Before
		s.st.TakenOver, s.st.Before = "", ""
		relay(RelayHandback, "")
		if s.checking() {
			// The direct safety question asked before still waits.
			s.sayCatalog(catalog.TakeoverEnd)
			s.sendCheck()
			return nil
		}
		switch s.st.Status {
		case Active:
			s.sayCatalog(catalog.TakeoverEnd)
			return s.reprompt(false)
		case Paused:
			s.safetyPrompt()
		}
		return nil
	}
	return nil
}

// fromPatient handles what the patient sent during a takeover: text goes to
// the staff; a button belongs to the paused flow.
func (s *sprint) fromPatient() error {
	if s.in.Press != nil {
		s.sayCatalog(catalog.TakeoverWait)
		return nil
	}
	s.relayPatient()
	return nil
}

// relayPatient passes the patient's typed text to the staff of the takeover.
func (s *sprint) relayPatient() {
	s.fx = append(s.fx, Relay{Referral: s.st.TakenOver, Kind: RelayPatient, Text: s.in.Text})
}

// commandInTakeover handles the patient's commands that would move the
// flow while the care team writes: they wait. Stop ends the conversation
// (and the takeover; the staff see it); the others work as always (done is
// false).
func (s *sprint) commandInTakeover(c Command) (done bool, err error) {
	switch c.Name {
	case CmdStart, CmdRestart, CmdSafe:
		s.sayCatalog(catalog.TakeoverWait)
		return true, nil
	case CmdStop:
		// The staff see the stop, and the takeover ends (By "": the patient).
		s.fx = append(s.fx, Relay{Referral: s.st.TakenOver, Kind: RelayPatient, Text: "/stop"},
			Relay{Referral: s.st.TakenOver, Kind: RelayHandback})
		s.dropCheck("the patient stopped")
		s.st.Status = Stopped
		s.st.Stack = nil
		s.st.Pending = ""
		s.st.TakenOver, s.st.Before = "", ""
		s.fx = append(s.fx, Finished{Status: Stopped})
		s.sayCatalog(catalog.Stopped)
		return true, nil
	}
	return false, nil
}

// safetyPrompt asks again, after a safety stop, whether to continue.
func (s *sprint) safetyPrompt() {
	s.send(Message{Kind: FromCatalog, Key: catalog.PausedSafety, Text: s.sys(catalog.PausedSafety), Seq: s.st.Seq, Choices: []Option{
		{Value: "safe", Label: s.sys(catalog.SafeContinue)},
		{Value: "stop", Label: s.sys(catalog.SafeStop)},
	}})
}
