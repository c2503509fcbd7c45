package flow

import (
	"slices"
	"strings"
	"testing"
)

// testClinic is a valid clinic.yaml serving English only.
const testClinic = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en]
default_flow: main
retention: 90d
crisis:
  en: {text: If you are in danger call 911., emergency: "911"}
disclaimer: I am not an emergency service and give no medical advice. Only the care team sees your answers.
`

// testClinic2 serves English and German.
const testClinic2 = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en, de]
default_flow: main
retention: 90d
crisis:
  en: {text: Call 911.}
  de: {text: Rufen Sie 112 an.}
disclaimer: {en: Not an emergency service; no medical advice., de: Kein Notdienst; keine medizinische Beratung.}
`

// sources turns a map of file name to YAML into Compile's input, adding
// testClinic unless the files bring their own clinic.yaml.
func sources(files map[string]string) map[string][]byte {
	src := map[string][]byte{}
	if _, ok := files["clinic.yaml"]; !ok {
		src["clinic.yaml"] = []byte(testClinic)
	}
	for name, s := range files {
		src[name] = []byte(s)
	}
	return src
}

// problemsIn compiles files and returns the printed problems located in
// those files (so a test about one file is not disturbed by, say, the
// default clinic's default_flow).
func problemsIn(t *testing.T, files map[string]string) []string {
	t.Helper()
	_, ps := Compile(sources(files))
	var out []string
	for _, p := range ps {
		if _, ok := files[p.Pos.File]; ok {
			out = append(out, p.String())
		}
	}
	return out
}

// mustCompile compiles files and fails the test on any error.
func mustCompile(t *testing.T, files map[string]string) *Bundle {
	t.Helper()
	b, ps := Compile(sources(files))
	if err := ps.Err(); err != nil {
		t.Fatalf("Compile failed:\n%v", err)
	}
	if b == nil {
		t.Fatal("Compile returned no bundle and no error")
	}
	return b
}

func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("problems differ\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
}
