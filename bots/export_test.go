package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/export/fhirschema"
	"github.com/kapbot/kapbot/internal/webhook"
)

// riskIntake is the intake through the console with PHQ-9 item 9 above
// zero, typed as the values printed next to the options ("1 – Several
// days").
const riskIntake = "yes\n" + // consent
	"2\n2\n" + // PHQ-2 (total 4)
	"2\n2\n" + // GAD-2 (total 4)
	"2\n2\n1\n1\n1\n1\n1\n0\n1\n" + // PHQ-9 (total 10, item 9 = 1)
	"1\n" // PHQ-9 question 10

func TestConsoleRiskIntakeExportsAsValidFHIR(t *testing.T) {
	client := useRedis(t)
	t.Setenv(envWebhookURL, "https://records.example/kapbot")
	pushSamples(t)
	code, out, errw := kapbot(t, riskIntake, "chat", "--flow", "kap-intake", "--user", "dana")
	if code != 0 || !strings.Contains(out, "741741") {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	// The referral's creation waits in the webhook stream for serve's worker.
	if n, err := client.XLen(context.Background(), webhook.Stream(os.Getenv("KAPBOT_PREFIX"))).Result(); err != nil || n != 1 {
		t.Fatalf("webhook stream: %d events, %v", n, err)
	}
	code, js, errw := kapbot(t, "", "export", "--format", "fhir", "--actor", "records-clerk")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errw)
	}
	if err := fhirschema.Validate([]byte(js)); err != nil {
		t.Fatalf("export is not a valid FHIR R4 Bundle: %v\n%s", err, js)
	}
	var b struct {
		Type  string `json:"type"`
		Entry []struct {
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal([]byte(js), &b); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	var stat, phq9Total bool
	for _, e := range b.Entry {
		r := e.Resource
		kinds[r["resourceType"].(string)]++
		if r["resourceType"] == "ServiceRequest" && r["priority"] == "stat" {
			stat = true
		}
		if r["resourceType"] == "Observation" && strings.Contains(mustJSON(r["code"]), "44261-6") && r["valueInteger"] == float64(10) {
			phq9Total = true
		}
	}
	if b.Type != "collection" || kinds["Patient"] != 1 || kinds["QuestionnaireResponse"] != 4 || kinds["Questionnaire"] != 1 || kinds["Flag"] != 1 || !stat || !phq9Total {
		t.Fatalf("bundle: %v stat=%v phq9=%v\n%s", kinds, stat, phq9Total, js)
	}

	// --referral picks the referral by its short id; the CSV names it.
	_, csvOut, _ := kapbot(t, "", "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "referral" || rows[1][3] != "emergency" || rows[1][9] != "new" {
		t.Fatalf("csv: %v %q", err, csvOut)
	}
	short := rows[1][8]
	code, one, errw := kapbot(t, "", "export", "--format", "json", "--referral", short)
	if code != 0 || !strings.Contains(one, `"console:dana"`) {
		t.Fatalf("export --referral: %d %s %s", code, one, errw)
	}
	if code, _, _ := kapbot(t, "", "export", "--referral", "00000000"); code != 1 {
		t.Fatalf("unknown referral: exit %d", code)
	}

	// Every export and view is in the audit log, with no patient data and
	// patients named by hash only (the log outlives /forget).
	kapbot(t, "", "sessions", "show", "dana", "--actor", "dr-a")
	code, aj, errw := kapbot(t, "", "audit", "--json")
	if code != 0 {
		t.Fatalf("audit: %s", errw)
	}
	var entries []audit.Entry
	if err := json.Unmarshal([]byte(aj), &entries); err != nil {
		t.Fatal(err)
	}
	// Four exports (the one of an unknown referral too: recorded before
	// reading) and a view.
	if len(entries) != 5 || entries[0].Actor != "records-clerk" || entries[0].Action != "export" ||
		!strings.Contains(entries[0].Target, "format=fhir") || entries[4].Action != "session.view" || entries[4].Target != auditPatient("console:dana") ||
		strings.Contains(aj, "console:dana") {
		t.Fatalf("audit: %s", aj)
	}
	_, text, _ := kapbot(t, "", "audit", "--since", "2000-01-01")
	if strings.Count(text, "\n") != 5 || !strings.Contains(text, "dr-a") {
		t.Fatalf("audit text:\n%s", text)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// "Not sure" to PHQ-9 item 9 is unknown, never 0: sessions show (text and
// --json) and the CSV export say so, and the crisis path was taken.
func TestUnknownItemShownAndExported(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	in := strings.Repeat("1\n", 8) + "not sure\n" + "0\n" // items 1-8 "Several days", 9 not sure, 10
	code, out, errw := kapbot(t, in, "chat", "--flow", "phq9", "--user", "uma")
	if code != 0 || !strings.Contains(out, "noted this as not sure") || !strings.Contains(out, "741741") {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	v, js := showSession(t, "uma")
	if len(v.Results) != 1 || len(v.Results[0].Unknown) != 1 || v.Results[0].Unknown[0] != "q9" || !strings.Contains(js, `"unknown": [`) {
		t.Fatalf("sessions show --json: %s", js)
	}
	if r := v.Results[0]; !r.Risk || r.Total != 9 || !r.Prorated {
		t.Fatalf("result: %+v", r)
	}
	_, text, _ := kapbot(t, "", "sessions", "show", "uma")
	if !strings.Contains(text, "unknown q9") || !strings.Contains(text, "(prorated)") {
		t.Fatalf("sessions show:\n%s", text)
	}
	_, csvOut, _ := kapbot(t, "", "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][10] != "unknown" || rows[1][10] != "phq9/q9" {
		t.Fatalf("csv: %v %q", err, csvOut)
	}
}
