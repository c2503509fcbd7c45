package flow

import "testing"

const resourcesClinic = `kapbot: 1
name: C
default_locale: en
locales: [en, de]
retention: 30d
disclaimer: {en: Not an emergency service., de: Kein Notdienst.}
crisis:
  en: {text: Call 112., emergency: "112"}
  de: {text: Rufen Sie 112 an., emergency: "112"}
`

const resourcesMain = `kapbot: 1
flow: main
steps:
  - {id: disclaimer, disclaimer: true}
  - {id: bye, end: {en: Bye., de: Tschüss.}}
`

// The harm_to_others, abuse and acute_medical blocks of clinic.yaml: shaped
// like crisis:, every served locale once a block is given, the emergency
// number in the text, and valid without them.
func TestSafetyResources(t *testing.T) {
	b, ps := Validate(sources(map[string]string{"main.yaml": resourcesMain, "clinic.yaml": resourcesClinic + `abuse:
  en: {text: "Hotline 0800 111", emergency: "112", hotlines: ["Hotline 0800 111"]}
  de: {text: "Hilfetelefon 0800 222"}
acute_medical:
  en: {text: Call 112 now.}
  de: {text: Jetzt 112 anrufen.}
`}))
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	if r := b.Clinic.Resources["abuse"]; r["de"].Text.In("de") != "Hilfetelefon 0800 222" || r["en"].Emergency != "112" || len(r["en"].Hotlines) != 1 {
		t.Fatalf("abuse resources %+v", r)
	}
	if _, ok := b.Clinic.Resources["harm_to_others"]; ok {
		t.Fatal("a block not given was made up")
	}
	var warned []string
	for _, p := range ps {
		warned = append(warned, p.String())
	}
	diffLines(t, warned, []string{
		`clinic.yaml:11:45: warning: abuse.en: the text does not show the emergency number 112; the text is all the patient sees, so write the number in it`,
	})

	diffLines(t, lintIn(t, map[string]string{"main.yaml": resourcesMain, "clinic.yaml": resourcesClinic + `harm_to_others:
  en: {text: Call 112., emergency: "112", phone: "112"}
acute_medical:
  en: {text: ""}
  de: {emergency: "112"}
`}), []string{
		`clinic.yaml:10:1: harm_to_others: no harm to others resources for de; every locale the clinic serves needs them (text, emergency, hotlines)`,
		`clinic.yaml:11:43: harm_to_others.en: unknown key "phone" (known keys: text, emergency, hotlines)`,
		`clinic.yaml:13:14: text: empty text`,
		`clinic.yaml:14:3: acute_medical.de: missing key "text" (the message shown to a patient with acute physical symptoms)`,
	})
}

func TestSchemaSafetyResources(t *testing.T) {
	s := compileSchema(t)
	ok := resourcesClinic + "harm_to_others: {en: {text: x, emergency: 112}}\nabuse: {en: {text: x, hotlines: [a]}}\nacute_medical: {en: {text: x}}\n"
	if err := s.Validate(yamlToJSON(t, ok)); err != nil {
		t.Errorf("schema refuses the blocks: %v", err)
	}
	for _, bad := range []string{
		"abuse: {en: {emergency: 112}}\n",
		"acute_medical: {en: {text: x, phone: y}}\n",
		"harm_to_others: {English: {text: x}}\n",
		"abuse: {}\n",
	} {
		if err := s.Validate(yamlToJSON(t, resourcesClinic+bad)); err == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
}
