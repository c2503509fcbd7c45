package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/export/fhirschema"
)

// integrateRun is a post-session check-in through the console: a mood choice,
// a 1–5 scale answered by its label, a free-text note, then the rest.
func integrateRun(t *testing.T, user string) {
	t.Helper()
	code, out, errw := kapbot(t, "calm\nVery settled\nI slept well\n"+strings.Repeat("1\n", 40), "chat", "--flow", "kap-integrate", "--user", user)
	if code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
}

// TestExportHasEveryAnswer checks that a flow's own questions (a choice, a
// scale, a free-text note) reach every export: JSON, the long-format answers
// CSV (stdout and --out DIR with referrals.csv) and FHIR (a
// QuestionnaireResponse for the flow run against a generated Questionnaire).
func TestExportHasEveryAnswer(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	integrateRun(t, "erin")

	code, js, errw := kapbot(t, "", "export", "--user", "erin")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errw)
	}
	var doc struct {
		Patients []SessionView `json:"patients"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Patients) != 1 {
		t.Fatalf("json: %v\n%s", err, js)
	}
	got := map[string]any{}
	for _, a := range doc.Patients[0].Answered {
		if a.Flow == "kap-integrate" {
			got[a.Step] = a.Value
		}
	}
	if got["feeling"] != "calm" || got["insights"] != "I slept well" || got["settled"] == nil {
		t.Fatalf("json answered: %v\n%s", got, js)
	}

	code, out, errw := kapbot(t, "", "export", "--format", "answers")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) < 4 {
		t.Fatalf("answers csv: %d %v %s\n%s", code, err, errw, out)
	}
	header := strings.Join(rows[0], ",")
	if header != "patient,flow,run,step,question_id,value,at,version" {
		t.Fatalf("answers csv header: %s", header)
	}
	found := map[string]string{}
	for _, r := range rows[1:] {
		found[r[4]] = r[5]
		if r[6] == "" {
			t.Errorf("answer row without a time: %v", r)
		}
	}
	if found["kap-integrate/feeling"] != "calm" || found["kap-integrate/insights"] != "I slept well" || found["kap-integrate/settled"] == "" {
		t.Fatalf("answers csv rows: %v", found)
	}

	dir := filepath.Join(t.TempDir(), "out")
	if code, out, errw := kapbot(t, "", "export", "--format", "csv", "--out", dir); code != 0 || !strings.Contains(out, "answers.csv") {
		t.Fatalf("export --out: %d %s %s", code, out, errw)
	}
	for _, name := range []string{"answers.csv", "referrals.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll(); err != nil || len(rows) < 1 {
			t.Fatalf("%s: %v %q", name, err, data)
		}
	}
	if code, _, _ := kapbot(t, "", "export", "--format", "json", "--out", dir); code != 2 {
		t.Fatalf("--out with json: exit %d, want a usage error", code)
	}

	code, fh, errw := kapbot(t, "", "export", "--format", "fhir")
	if code != 0 {
		t.Fatalf("fhir: %d %s", code, errw)
	}
	if err := fhirschema.Validate([]byte(fh)); err != nil {
		t.Fatalf("fhir: %v", err)
	}
	if !strings.Contains(fh, `"/Questionnaire/flow-kap-integrate"`) && !strings.Contains(fh, `Questionnaire/flow-kap-integrate"`) {
		t.Fatalf("no QuestionnaireResponse for the flow run:\n%s", fh)
	}
	if !strings.Contains(fh, `"linkId": "insights"`) || !strings.Contains(fh, "I slept well") {
		t.Fatalf("flow answers missing from FHIR:\n%s", fh)
	}
}

// TestFHIRExportReadsEachReferralOnce counts the referral store reads of a
// FHIR export: one per referral (status, merges and notes share it).
func TestFHIRExportReadsEachReferralOnce(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	if code, out, errw := kapbot(t, riskIntake, "chat", "--flow", "kap-intake", "--user", "dana"); code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	ctx := context.Background()
	be, err := configFromEnv().open(ctx, false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	var reads atomic.Int64
	be.client.AddHook(countGets{&reads})
	v, err := view(ctx, be, patientID("dana"))
	if err != nil || len(v.Referrals) == 0 {
		t.Fatalf("view: %v, %d referrals", err, len(v.Referrals))
	}
	var out bytes.Buffer
	if err := writeFHIR(ctx, be, stdio{out: &out, err: &out}, []SessionView{v}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if n := reads.Load(); n != int64(len(v.Referrals)) {
		t.Fatalf("%d referral reads for %d referrals", n, len(v.Referrals))
	}
}

// countGets counts GETs of referral keys.
type countGets struct{ n *atomic.Int64 }

func (countGets) DialHook(next redis.DialHook) redis.DialHook { return next }
func (h countGets) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if a := cmd.Args(); len(a) == 2 && strings.EqualFold(cmd.Name(), "get") && strings.Contains(a[1].(string), ":{ref}:r:") {
			h.n.Add(1)
		}
		return next(ctx, cmd)
	}
}
func (countGets) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}
