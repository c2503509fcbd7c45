package flow

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/expr-lang/expr"
)

func loadValid(t *testing.T) *Bundle {
	t.Helper()
	b, ps, err := LoadDir("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 0 {
		t.Fatalf("testdata/valid has problems:\n%s", ps)
	}
	return b
}

func TestCompileValidBundle(t *testing.T) {
	b := loadValid(t)
	if got, want := sortedKeys(b.Sources), []string{"clinic.yaml", "intake.yaml", "questionnaires/mood.yaml", "sub.yaml"}; !slices.Equal(got, want) {
		t.Errorf("Sources = %v, want %v (transcripts left out)", got, want)
	}
	if got, want := sortedKeys(b.Flows), []string{"intake", "mood", "sub"}; !slices.Equal(got, want) {
		t.Errorf("Flows = %v, want %v", got, want)
	}
	if got, want := sortedKeys(b.Questionnaires), []string{"mood"}; !slices.Equal(got, want) {
		t.Errorf("Questionnaires = %v, want %v", got, want)
	}
	c := b.Clinic
	checks := []struct {
		name      string
		got, want any
	}{
		{"Name", c.Name, "Test Clinic"},
		{"DefaultLocale", c.DefaultLocale, "en"},
		{"Locales", c.Locales, []string{"en", "de"}},
		{"DefaultFlow", c.DefaultFlow, "intake"},
		{"Retention", c.Retention, 90 * 24 * time.Hour},
		{"SessionExpiry", c.SessionExpiry, 36 * time.Hour},
		{"ResumeAfter", c.ResumeAfter, 45 * time.Minute},
		{"Crisis en", c.Crisis["en"], CrisisResources{Text: Text{"en": "If you are in danger now, call 911."}, Emergency: "911", Hotlines: []string{"988 Suicide & Crisis Lifeline: call or text 988"}}},
		{"Crisis de", c.Crisis["de"], CrisisResources{Text: Text{"de": "Wenn Sie in Gefahr sind, rufen Sie 112 an."}, Emergency: "112"}},
		{"CrisisPhrases", c.CrisisPhrases, map[string][]string{"en": {"end it all"}}},
		{"Destinations", c.Destinations, []Destination{{Channel: "telegram", ID: "-1001234567890", Name: "Team"}}},
		{"Staff", c.Staff, []StaffMember{{Name: "Dr. Rivera", Telegram: "123456789"}}},
		{"NextSteps", c.NextSteps, map[string]Text{"routine": {"en": "We will call you.", "de": "Wir rufen Sie an."}}},
		{"Texts", c.Texts, map[string]Text{"yes": {"en": "Yes please", "de": "Ja bitte"}, "reprompt_number": {"en": "A number from %s to %s, please."}}},
		{"Pos", c.Pos, Pos{File: "testdata/valid/clinic.yaml", Line: 3, Col: 1}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("Clinic.%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func num(f float64) *float64 { return &f }

func TestCompileDefaults(t *testing.T) {
	b := loadValid(t)
	f := b.Flows["intake"]
	if f.Start != "welcome" || f.Locale != "en" || f.Title["de"] != "Aufnahme" {
		t.Errorf("flow: Start %q, Locale %q, Title %v", f.Start, f.Locale, f.Title)
	}
	wantOrder := []string{"welcome", "consent", "route", "mood", "sleep", "pets", "age", "calm", "note", "born", "mood_form", "mood_risk", "compute", "check", "extra", "decide", "refer_soon", "refer_routine", "bye", "crisis"}
	if !slices.Equal(f.Order, wantOrder) {
		t.Errorf("Order = %v", f.Order)
	}
	wantNext := map[string]string{
		"welcome": "consent", "route": "mood", "mood_form": "mood_risk", "mood_risk": "compute", "extra": "decide", "crisis": "bye",
		"refer_soon":    "bye", // explicit next
		"refer_routine": "bye", "bye": "",
	}
	for id, want := range wantNext {
		if got := f.Steps[id].Next; got != want {
			t.Errorf("%s.Next = %q, want %q", id, got, want)
		}
	}

	consent := f.Steps["consent"]
	if consent.Kind != KindAsk || consent.SaveAs != "consent" || consent.Ask.Fallback != "bye" {
		t.Errorf("consent: %+v", consent)
	}
	a := consent.Ask
	if a.MaxAttempts != DefaultMaxAttempts || a.MaxLen != DefaultMaxLen || !reflect.DeepEqual(a.Short, a.Text) {
		t.Errorf("ask defaults: MaxAttempts %d, MaxLen %d, Short %v", a.MaxAttempts, a.MaxLen, a.Short)
	}
	wantYesNo := []Choice{
		{Value: "yes", Label: Text{"en": "Yes please", "de": "Ja bitte"}}, // clinic override
		{Value: "no", Label: Text{"en": "No", "de": "Nein"}},              // catalogue
	}
	if !reflect.DeepEqual(a.Choices, wantYesNo) || a.Numeric {
		t.Errorf("yesno choices = %+v, numeric %v", a.Choices, a.Numeric)
	}

	if m := f.Steps["mood"].Ask; m.Numeric || m.Choices[0].Num != nil || m.Choices[1].Value != "bad" {
		t.Errorf("text choices: %+v", m)
	}
	s := f.Steps["sleep"].Ask
	if !s.Numeric || *s.Choices[0].Num != 4 || s.Choices[1].Value != "8" || s.Choices[1].Answer(true) != 8.0 {
		t.Errorf("numeric choices: %+v", s.Choices)
	}
	pets := f.Steps["pets"]
	if pets.SaveAs != "animals" || *pets.Ask.Min != 0 || *pets.Ask.Max != 2 {
		t.Errorf("pets: save as %q, min %v max %v", pets.SaveAs, pets.Ask.Min, pets.Ask.Max)
	}
	if age := f.Steps["age"].Ask; *age.Min != 18 || *age.Max != 120 || age.MaxAttempts != 2 {
		t.Errorf("age: %+v", age)
	}
	calm := f.Steps["calm"].Ask
	var labels []string
	for _, ch := range calm.Choices {
		labels = append(labels, ch.Value+"="+ch.Label["en"]+"/"+ch.Label["de"])
		if ch.Num == nil {
			t.Errorf("likert choice %s has no number", ch.Value)
		}
	}
	wantLabels := []string{"1=1 – Not at all/1 – Gar nicht", "2=2/2", "3=3/3", "4=4/4", "5=5 – Very/5 – Sehr"}
	if !slices.Equal(labels, wantLabels) || !calm.Numeric || *calm.Min != 1 || *calm.Max != 5 {
		t.Errorf("likert: %v numeric %v", labels, calm.Numeric)
	}
	if n := f.Steps["note"].Ask; n.MaxLen != 200 {
		t.Errorf("note MaxLen = %d", n.MaxLen)
	}
	if q := f.Steps["mood_form"]; q.Kind != KindQuestionnaire || q.Questionnaire != "mood" || q.SaveAs != "mood_form" {
		t.Errorf("questionnaire step: %+v", q)
	}
	if r := f.Steps["refer_soon"].Refer; r.Priority != Soon || r.Reason["en"] != "Fearful or short sleep" || r.Crisis || r.Say != nil {
		t.Errorf("refer: %+v", r)
	}
	if r := f.Steps["check"]; !slices.Equal(r.Review, []string{"mood", "age"}) {
		t.Errorf("review: %v", r.Review)
	}
	if c := f.Steps["extra"]; c.Call != "sub" {
		t.Errorf("call: %q", c.Call)
	}
	if d := f.Steps["decide"]; d.Else != "refer_routine" || d.Next != "refer_soon" || len(d.Cases) != 1 || d.Cases[0].Goto != "refer_soon" {
		t.Errorf("branch: %+v", d)
	}
	if bye := f.Steps["bye"]; bye.Kind != KindEnd || bye.Say["de"] != "Auf Wiedersehen." {
		t.Errorf("end: %+v", bye)
	}
	if sub := b.Flows["sub"]; sub.Start != "disclaimer" || sub.Steps["disclaimer"].Kind != KindDisclaimer || !sub.Steps["more"].Logistics || f.Steps["welcome"].Logistics {
		t.Errorf("sub: start %q, logistics %v", sub.Start, sub.Steps["more"].Logistics)
	}
	if d := b.Clinic.Disclaimer; d["en"] == "" || d["de"] == "" {
		t.Errorf("Clinic.Disclaimer = %v", d)
	}
	if sub := b.Flows["sub"]; sub.Locale != "de" || sub.Steps["last"].Say != nil {
		t.Errorf("sub: locale %q, end text %v", sub.Locale, sub.Steps["last"].Say)
	}

	wantVars := map[string]VarType{
		"locale": TypeText, "fearful": TypeBool, "consent": TypeBool, "mood": TypeText,
		"sleep": TypeNumber, "animals": TypeList, "age": TypeNumber, "calm": TypeNumber,
		"note": TypeText, "born": TypeText, "mood_form": TypeResult,
		"sleep_short": TypeBool, "summary": TypeText, RescreenDue: TypeList,
	}
	if !reflect.DeepEqual(f.Vars, wantVars) {
		t.Errorf("Vars = %v\nwant %v", f.Vars, wantVars)
	}
}

// TestCompiledPrograms runs the compiled expressions with run-time values.
func TestCompiledPrograms(t *testing.T) {
	b := mustCompile(t, map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: age
    ask: {type: number, text: Age}
  - id: s
    set:
      count: 1
      older: age + count
      adult: age >= 18
      tags: '["a", "b"]'
  - id: r
    branch:
      - {if: adult && "a" in tags, goto: bye}
  - id: bye
    end: true
`})
	f := b.Flows["main"]
	env := map[string]any{"age": 40.0, "count": 0.0, "locale": "en", "tags": []string{}}
	wantSet := []any{1.0, 41.0, true, []any{"a", "b"}}
	for i, a := range f.Steps["s"].Set {
		got, err := expr.Run(a.Program, env)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if !reflect.DeepEqual(got, wantSet[i]) {
			t.Errorf("%s = %#v (%T), want %#v", a.Name, got, got, wantSet[i])
		}
		env[a.Name] = got
	}
	if got, err := expr.Run(f.Steps["r"].Cases[0].When, env); err != nil || got != true {
		t.Errorf("condition = %v, %v", got, err)
	}
	if f.Vars["count"] != TypeNumber || f.Vars["older"] != TypeNumber || f.Vars["adult"] != TypeBool || f.Vars["tags"] != TypeList {
		t.Errorf("inferred Vars = %v", f.Vars)
	}
}

func TestStandaloneQuestionnaireFlow(t *testing.T) {
	b := loadValid(t)
	f := b.Flows["mood"]
	if f.Questionnaire != "mood" || f.Start != "disclaimer" || !slices.Equal(f.Order, []string{"disclaimer", "run", "risk", "done", "crisis"}) {
		t.Fatalf("flow: %+v", f)
	}
	if d := f.Steps["disclaimer"]; d.Kind != KindDisclaimer || d.Next != "run" {
		t.Errorf("disclaimer: %+v", d)
	}
	run, risk, done, crisis := f.Steps["run"], f.Steps["risk"], f.Steps["done"], f.Steps["crisis"]
	if run.Kind != KindQuestionnaire || run.Questionnaire != "mood" || run.SaveAs != "mood" || run.Next != "risk" {
		t.Errorf("run: %+v", run)
	}
	if risk.Kind != KindBranch || risk.Next != "done" || len(risk.Cases) != 1 || risk.Cases[0].Goto != "crisis" {
		t.Errorf("risk: %+v", risk)
	}
	if done.Kind != KindEnd || done.Next != "" {
		t.Errorf("done: %+v", done)
	}
	wantRefer := &Refer{Priority: Emergency, Crisis: true, Reason: Text{"en": "Risk flag in Mood check", "de": "Risk flag in Stimmungscheck"}}
	if crisis.Kind != KindRefer || crisis.Next != "" || !reflect.DeepEqual(crisis.Refer, wantRefer) {
		t.Errorf("crisis: %+v %+v", crisis, crisis.Refer)
	}
	if f.Vars["mood"] != TypeResult {
		t.Errorf("Vars = %v", f.Vars)
	}
	q := b.Questionnaires["mood"]
	for _, raised := range []bool{false, true} {
		res, err := q.Score(map[string]any{"sad": 2.0, "harm": raised})
		if err != nil {
			t.Fatal(err)
		}
		got, err := expr.Run(risk.Cases[0].When, map[string]any{"mood": q.ResultValue(res)})
		if err != nil || got != raised {
			t.Errorf("risk with harm=%v: %v, %v", raised, got, err)
		}
	}
}

func TestQuestionnaireCompiled(t *testing.T) {
	q := loadValid(t).Questionnaires["mood"]
	var items []string
	for _, it := range q.Items {
		items = append(items, it.ID+":"+string(answerType(it.Ask))+":"+fmtNum(it.Weight)+":"+map[bool]string{true: "scored", false: "-"}[it.Scored])
	}
	want := []string{"sad:number:1:scored", "worry:number:2:scored", "harm:bool:1:scored", "hours:number:1:-", "comment:text:1:-"}
	if !slices.Equal(items, want) {
		t.Errorf("items = %v, want %v", items, want)
	}
	if q.Items[0].Ask.Choices[2].Label["de"] != "Oft" || q.Items[0].LOINC != "1111-1" || q.Items[2].When == nil || q.Items[2].WhenSrc != "sad > 0" {
		t.Errorf("item details: %+v", q.Items[0])
	}
	if q.LOINC != (LOINC{Panel: "1234-5", Total: "1234-6"}) || q.Preamble["en"] != "A few questions." || q.Done["de"] != "Danke." {
		t.Errorf("questionnaire details: %+v", q)
	}
	if len(q.Scoring.Bands) != 2 || q.Scoring.Values[0].Type != TypeBool || q.Scoring.Values[1].Type != TypeNumber {
		t.Errorf("scoring: %+v", q.Scoring)
	}
	if fl := q.Scoring.Flags; len(fl) != 2 || !fl[0].Risk || fl[1].Risk || !fl[1].Contraindication {
		t.Errorf("flags: %+v", fl)
	}
	if len(q.Tests) != 2 || q.Tests[1].Name != "risk" || *q.Tests[1].Expect.Total != 5 || q.Tests[1].Answers["harm"] != true {
		t.Errorf("tests: %+v", q.Tests)
	}
	rt := q.ResultType()
	for _, k := range []string{"total", "band", "flags", "risk", "positive", "double", "sad", "harm", "comment"} {
		if _, ok := rt[k]; !ok {
			t.Errorf("ResultType lacks %s", k)
		}
	}
}
