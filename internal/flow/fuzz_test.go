package flow

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCompile feeds arbitrary bytes as a flow file (beside a valid clinic and
// questionnaire) and requires Compile and Validate (the safety lint) not to
// panic and to be consistent: a bundle exactly when there is no error.
func FuzzCompile(f *testing.F) {
	seeds := []string{
		tinyFlow,
		"",
		"kapbot: 1\n",
		"kapbot: 1\nflow: main\nsteps: [{id: a, ask: {type: likert, text: x, min: -3, max: 3}}]\n",
		"kapbot: 1\nflow: main\nsteps:\n  - &s {id: a, say: x}\n  - *s\n",
		"a: &a [*a]\n",
		"kapbot: 1\nflow: main\nsteps: [{id: a, set: {x: 'x + 1'}}, {id: b, branch: [{if: x, goto: a}]}]\n",
		"kapbot: 1\nflow: main\nsteps: [{id: a, branch: [{if: 'mood.risk', goto: c}]}, {id: b, call: mood}, {id: c, questionnaire: mood, logistics: reviewed}, {id: d, disclaimer: true, next: a}]\n",
		"kapbot: 1\nflow: main\nlocale: fr\nsteps: [{id: a, say: {fr: Prenez 2 mg, en: Take 2 pills}}]\n",
		"kapbot: 1\nquestionnaire: q2\ntitle: Q\nitems: [{id: a, type: number, text: A, min: 1e308, max: 1.7e308}]\nscoring: {bands: [{name: x, min: -1e308, max: 1e308}]}\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, name := range []string{"testdata/valid/intake.yaml", "testdata/many/intake.yaml", "testdata/valid/questionnaires/mood.yaml"} {
		if data, err := os.ReadFile(filepath.FromSlash(name)); err == nil {
			f.Add(data)
		}
	}
	q, err := os.ReadFile("testdata/valid/questionnaires/mood.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := map[string][]byte{
			"clinic.yaml": []byte(testClinic2),
			"mood.yaml":   q,
			"main.yaml":   data,
		}
		for _, compile := range []func(map[string][]byte) (*Bundle, Problems){Compile, Validate} {
			b, ps := compile(src)
			if (b != nil) != (ps.Err() == nil) {
				t.Fatalf("bundle %v with problems %v", b != nil, ps)
			}
			for _, p := range ps {
				if p.Msg == "" || p.Pos.File == "" {
					t.Fatalf("problem without message or file: %#v", p)
				}
			}
		}
	})
}
