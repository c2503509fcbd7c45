package catalog

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[sd]`)

// TestEveryLocaleComplete checks that every locale of the catalogue has every
// key, with the placeholders of the English text in the same order, so a
// German patient never gets an English line or a broken format.
func TestEveryLocaleComplete(t *testing.T) {
	if !slices.Contains(Locales(), "de") {
		t.Fatalf("Locales() = %v, want de among them", Locales())
	}
	for _, l := range Locales() {
		for _, k := range Keys() {
			s, ok := texts[l][k]
			if !ok || s == "" {
				t.Errorf("%s: no text for %s", l, k)
				continue
			}
			if got, want := verb.FindAllString(s, -1), verb.FindAllString(texts["en"][k], -1); !slices.Equal(got, want) {
				t.Errorf("%s %s: placeholders %v, English has %v", l, k, got, want)
			}
		}
		for k := range texts[l] {
			if !Has(k) {
				t.Errorf("%s: key %s is not in English", l, k)
			}
		}
	}
}

func TestTextFallsBack(t *testing.T) {
	c, err := New(Override{Help: {"de": "Hilfe der Praxis"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Text(Help, "de", "en"); got != "Hilfe der Praxis" {
		t.Errorf("override: got %q", got)
	}
	if got := c.Text(Yes, "de", "en"); got != "Ja" {
		t.Errorf("de: got %q", got)
	}
	if got := c.Text(Yes, "fr", "de"); got != "Ja" {
		t.Errorf("fr then de: got %q", got)
	}
	if got := c.Text(Yes, "fr"); got != "Yes" {
		t.Errorf("fr alone falls back to English: got %q", got)
	}
}
