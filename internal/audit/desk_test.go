package audit

import (
	"context"
	"testing"

	"github.com/kapbot/kapbot/internal/runner"
)

type fakeDesk struct{ refuse bool }

func (fakeDesk) IsStaffDest(string, string) bool { return true }
func (f fakeDesk) HandleStaff(_ context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	return runner.StaffReply{Text: "ok", Refused: f.refuse}, nil
}

type memRec struct{ got []Entry }

func (m *memRec) Record(_ context.Context, e Entry) error { m.got = append(m.got, e); return nil }

func TestDeskRecordsStaffViews(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		refuse bool
		in     runner.StaffInput
		want   *Entry
	}{
		{"list", false, runner.StaffInput{Channel: "telegram", User: "111", Name: "Alex", Command: "referrals"},
			&Entry{Actor: "telegram:111 (Alex)", Action: "referrals.list"}},
		{"view", false, runner.StaffInput{Channel: "discord", User: "222", Command: "Referral", Args: "3fa2c91b"},
			&Entry{Actor: "discord:222", Action: "referral.view", Target: "3fa2c91b"}},
		{"refused", true, runner.StaffInput{Channel: "telegram", User: "9", Command: "referral", Args: "3fa2c91b"}, nil},
		{"status change is not a view", false, runner.StaffInput{Channel: "telegram", User: "111", Command: "status", Args: "x ack"}, nil},
		{"button", false, runner.StaffInput{Channel: "telegram", User: "111", Press: "r:ack:x"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &memRec{}
			reply, err := Desk(fakeDesk{tc.refuse}, rec).HandleStaff(ctx, tc.in)
			if err != nil || reply.Text != "ok" {
				t.Fatal(reply, err)
			}
			if tc.want == nil {
				if len(rec.got) != 0 {
					t.Fatalf("recorded %+v", rec.got)
				}
				return
			}
			if len(rec.got) != 1 || rec.got[0] != *tc.want {
				t.Fatalf("recorded %+v, want %+v", rec.got, *tc.want)
			}
		})
	}
}
