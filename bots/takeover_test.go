package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

var referralIDRe = regexp.MustCompile(`referral ([0-9a-f]{8})`)

// A staff member takes over the conversation of a patient in crisis from
// the Telegram staff group, writes to them (by /say and by replying to the
// patient's relayed message), sees the patient's answers in the group, and
// hands back: the patient gets the safety question again. A stranger in
// the group may not take over.
func TestServeStaffTakesOverAndHandsBack(t *testing.T) {
	useRedis(t)
	fake := serveStaff(t, "10m")

	const chat = 4343
	_, id := crisisReferral(t, fake, chat)

	groupSays := func(want string) func() bool {
		return func() bool {
			for _, m := range fake.Messages(staffGroup) {
				if strings.Contains(m.Text, want) {
					return true
				}
			}
			return false
		}
	}
	patientGot := func(want string) func() bool {
		return func() bool {
			for _, m := range fake.Messages(chat) {
				if strings.Contains(m.Text, want) {
					return true
				}
			}
			return false
		}
	}

	fake.PushTextAs(staffGroup, 999, "Mallory", "/takeover "+id)
	eventually(t, "the refusal", groupSays("only the clinic's care team"))

	fake.PushTextAs(staffGroup, staffTG, "Alex", "/takeover "+id)
	eventually(t, "the takeover", groupSays("You are writing with the patient of referral "+id))
	eventually(t, "the patient told", patientGot("has joined this conversation"))
	eventually(t, "acknowledged by the takeover", func() bool {
		return strings.Contains(referralPosts(fake)[0].Text, "Acknowledged by Dr. Alex Example")
	})

	fake.PushTextAs(staffGroup, staffTG, "Alex", "/say "+id+" Hello, this is Alex from the clinic. Are you safe right now?")
	eventually(t, "the staff message at the patient", patientGot("Message from the care team:\n\nHello, this is Alex from the clinic."))

	fake.PushText(chat, "I am at home, my sister is here")
	eventually(t, "the patient's answer in the group", groupSays("“I am at home, my sister is here”"))
	var relay int
	for _, m := range fake.Messages(staffGroup) {
		if strings.Contains(m.Text, "Patient of referral "+id) {
			relay = m.ID
		}
	}
	fake.PushReplyAs(staffGroup, staffTG, "Alex", relay, "Good. I will call you in ten minutes.")
	eventually(t, "the reply at the patient", patientGot("I will call you in ten minutes."))
	for _, m := range fake.Messages(chat) {
		if strings.Contains(m.Text, "sister") || strings.Contains(m.Text, "RED FLAGS") {
			t.Fatalf("the patient was sent %q", m.Text)
		}
	}

	n := len(fake.Messages(chat))
	fake.PushTextAs(staffGroup, staffTG, "Alex", "/handback "+id)
	eventually(t, "the handback", groupSays("Handed back"))
	eventually(t, "the safety question again", func() bool {
		ms := fake.Messages(chat)
		return len(ms) > n && strings.Contains(ms[len(ms)-1].Text, "Your safety matters most")
	})

	fake.PushTextAs(staffGroup, staffTG, "Alex", "/referral "+id)
	eventually(t, "the recorded conversation", groupSays("CONVERSATION WITH STAFF"))
	checkAnswered(t, fake)
}

// The referral message's "Take over" button: a stranger's press is
// refused and changes nothing; a staff member's press takes the
// conversation over (the patient is told) and acknowledges the referral.
func TestServeTakeOverButton(t *testing.T) {
	useRedis(t)
	fake := serveStaff(t, "10m")

	const chat = 4545
	post, id := crisisReferral(t, fake, chat)
	if len(post.Keyboard) != 1 || len(post.Keyboard[0]) != 3 || post.Keyboard[0][2].Data != "r:takeover:"+id {
		t.Fatalf("buttons %+v", post.Keyboard)
	}
	press := post.Keyboard[0][2].Data
	patientGot := func(want string) bool {
		for _, m := range fake.Messages(chat) {
			if strings.Contains(m.Text, want) {
				return true
			}
		}
		return false
	}

	q, err := fake.PressAs(staffGroup, 999, "Mallory", post.ID, press)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the refusal", func() bool { _, ok := fake.Answer(q); return ok })
	if text, _ := fake.Answer(q); !strings.Contains(text, "only the clinic's care team") {
		t.Fatalf("refusal %q", text)
	}
	time.Sleep(200 * time.Millisecond)
	if patientGot("has joined this conversation") || referralPosts(fake)[0].Edits != 0 {
		t.Fatal("a stranger's press took the conversation over")
	}

	q, err = fake.PressAs(staffGroup, staffTG, "Alex", post.ID, press)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the answer to the press", func() bool { _, ok := fake.Answer(q); return ok })
	if text, _ := fake.Answer(q); !strings.Contains(text, "You are writing with the patient of referral "+id) {
		t.Fatalf("answer %q", text)
	}
	eventually(t, "the patient told", func() bool { return patientGot("has joined this conversation") })
	eventually(t, "acknowledged by the takeover", func() bool {
		return strings.Contains(referralPosts(fake)[0].Text, "Acknowledged by Dr. Alex Example")
	})
}
