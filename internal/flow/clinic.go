package flow

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/catalog"
)

// Defaults of clinic.yaml.
const (
	DefaultSessionExpiry = 14 * 24 * time.Hour
	DefaultResumeAfter   = 30 * time.Minute
)

var clinicKeys = []string{"kapbot", "name", "default_locale", "locales", "default_flow", "retention", "session_expiry", "resume_after", "rescreen_after", "disclaimer", "crisis", "harm_to_others", "abuse", "acute_medical", "crisis_phrases", "destinations", "staff", "next_steps", "texts", "escalate_after", "webhook", "schedules"}

var priorities = []string{string(Routine), string(Soon), string(Urgent), string(Emergency)}

var durationRe = regexp.MustCompile(`^(\d+)d(.*)$`)

// ParseDuration parses a duration of clinic.yaml: a Go duration ("36h",
// "30m", "1h30m") or a number of days, optionally followed by one ("90d",
// "1d12h"). It returns an error for anything else.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if m := durationRe.FindStringSubmatch(s); m != nil {
		days, err := strconv.Atoi(m[1])
		if err != nil || days > 100000 {
			return 0, fmt.Errorf("duration %q: too many days", s)
		}
		d := time.Duration(days) * 24 * time.Hour
		if m[2] != "" {
			rest, err := time.ParseDuration(m[2])
			if err != nil {
				return 0, fmt.Errorf("duration %q: %w", s, err)
			}
			d += rest
		}
		return d, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: %w", s, err)
	}
	return d, nil
}

// duration decodes a positive duration.
func (r *reader) duration(n *yaml.Node, key string) (time.Duration, bool) {
	s, ok := r.str(n, key)
	if !ok {
		return 0, false
	}
	d, err := ParseDuration(s)
	switch {
	case err != nil:
		r.errorf(n, "%s: %q is not a duration; write a number with s, m, h or d (days), e.g. 90d, 36h, 30m", key, s)
		return 0, false
	case d <= 0:
		r.errorf(n, "%s: must be longer than zero", key)
		return 0, false
	}
	return d, true
}

// locale decodes a locale code.
func (r *reader) localeCode(n *yaml.Node, key string) (string, bool) {
	s, ok := r.str(n, key)
	if !ok {
		return "", false
	}
	if !localeRe.MatchString(s) {
		r.errorf(n, "%s: %q is not a locale code; use codes like en, de, pt-BR", key, s)
		return "", false
	}
	return s, true
}

// parseClinic decodes clinic.yaml and sets the compiler's locales and
// catalogue.
func (c *compiler) parseClinic(f *srcFile) {
	r := f.r
	m := r.mapping(f.root, nil, "clinic", clinicKeys...)
	if m == nil {
		return
	}
	cl := &Clinic{Pos: r.pos(f.kindKey), SessionExpiry: DefaultSessionExpiry, ResumeAfter: DefaultResumeAfter}
	c.clinic = cl
	c.clinicFile = f
	if n := m.require("name", "the clinic's name"); n != nil {
		cl.Name, _ = r.str(n, "name")
	}
	defNode := m.require("default_locale", "the locale of patients whose language the clinic does not serve, e.g. en")
	if defNode != nil {
		cl.DefaultLocale, _ = r.localeCode(defNode, "default_locale")
	}
	if n := m.get("locales"); n != nil {
		items, _ := r.seq(n, "locales")
		for _, it := range items {
			l, ok := r.localeCode(it, "locales")
			if !ok {
				continue
			}
			if slices.Contains(cl.Locales, l) {
				r.errorf(it, "locales: %s is listed twice", l)
				continue
			}
			cl.Locales = append(cl.Locales, l)
		}
		if len(items) == 0 {
			r.errorf(n, "locales: the list is empty; list every locale the clinic serves")
		}
		if cl.DefaultLocale != "" && len(cl.Locales) > 0 && !slices.Contains(cl.Locales, cl.DefaultLocale) {
			r.errorf(defNode, "default_locale: %s is not in locales (%s); add it there", cl.DefaultLocale, list(cl.Locales, true))
		}
	} else if cl.DefaultLocale != "" {
		cl.Locales = []string{cl.DefaultLocale}
	}
	if cl.DefaultLocale != "" && len(cl.Locales) > 0 {
		c.locales, c.defLocale = cl.Locales, cl.DefaultLocale
	}
	r.locale, r.locales = c.defLocale, c.locales

	if n := m.get("default_flow"); n != nil {
		if s, ok := r.str(n, "default_flow"); ok {
			cl.DefaultFlow = s
			c.defaultFlow = n
		}
	}
	if n := m.require("retention", "how long patient data is kept after the last activity, e.g. 90d"); n != nil {
		cl.Retention, _ = r.duration(n, "retention")
	}
	if n := m.get("session_expiry"); n != nil {
		if d, ok := r.duration(n, "session_expiry"); ok {
			cl.SessionExpiry = d
		}
	}
	if n := m.get("resume_after"); n != nil {
		if d, ok := r.duration(n, "resume_after"); ok {
			cl.ResumeAfter = d
		}
	}
	if n := m.get("rescreen_after"); n != nil {
		if d, ok := r.duration(n, "rescreen_after"); ok {
			cl.RescreenAfter = d
		}
	}
	if n := m.get("escalate_after"); n != nil {
		cl.EscalateAfter, _ = r.duration(n, "escalate_after")
	}
	if n := m.get("disclaimer"); n != nil {
		c.disclaimerNode = n
		cl.Disclaimer = r.text(n, "disclaimer", textMessage)
	}
	c.parseCrisis(r, m, cl)
	for _, cat := range ResourceCategories {
		if n := m.get(cat); n != nil {
			if res := c.parseResources(r, m, cl, cat); res != nil {
				if cl.Resources == nil {
					cl.Resources = map[string]map[string]CrisisResources{}
				}
				cl.Resources[cat] = res
			}
		}
	}
	if n := m.get("crisis_phrases"); n != nil {
		if pm := r.mapping(n, m.keyNode("crisis_phrases"), "crisis_phrases"); pm != nil {
			cl.CrisisPhrases = map[string][]string{}
			for _, l := range pm.order {
				if _, ok := r.localeCode(pm.m[l].key, "crisis_phrases"); !ok {
					continue
				}
				phrases, nodes := r.strs(pm.m[l].val, "crisis_phrases")
				for i, p := range phrases {
					if strings.TrimSpace(p) == "" {
						r.errorf(nodes[i], "crisis_phrases: empty phrase")
					}
				}
				cl.CrisisPhrases[l] = phrases
			}
		}
	}
	if n := m.get("webhook"); n != nil {
		cl.Webhook = parseWebhook(r, n, m.keyNode("webhook"))
	}
	if n := m.get("schedules"); n != nil {
		cl.Schedules = c.parseSchedules(r, n, m.keyNode("schedules"))
	}
	if n := m.get("destinations"); n != nil {
		items, _ := r.seq(n, "destinations")
		for _, it := range items {
			dm := r.mapping(it, nil, "destination", "channel", "id", "name")
			if dm == nil {
				continue
			}
			var d Destination
			if cn := dm.require("channel", "telegram or discord"); cn != nil {
				if s, ok := r.str(cn, "channel"); ok {
					if s != "telegram" && s != "discord" {
						r.errorf(cn, "channel: %q is not a channel; use telegram or discord", s)
					}
					d.Channel = s
				}
			}
			if idn := dm.require("id", "the chat or channel id"); idn != nil {
				d.ID, _ = r.str(idn, "id")
			}
			if nn := dm.get("name"); nn != nil {
				d.Name, _ = r.str(nn, "name")
			}
			cl.Destinations = append(cl.Destinations, d)
		}
	}
	if n := m.get("staff"); n != nil {
		items, _ := r.seq(n, "staff")
		for _, it := range items {
			sm := r.mapping(it, nil, "staff member", "name", "telegram", "discord")
			if sm == nil {
				continue
			}
			var s StaffMember
			if nn := sm.require("name", ""); nn != nil {
				s.Name, _ = r.str(nn, "name")
			}
			if tn := sm.get("telegram"); tn != nil {
				s.Telegram, _ = r.str(tn, "telegram")
			}
			if dn := sm.get("discord"); dn != nil {
				s.Discord, _ = r.str(dn, "discord")
			}
			if s.Telegram == "" && s.Discord == "" {
				r.errorf(it, "staff member: give a telegram or discord user id, so kapbot can tell who acts on a referral")
			}
			cl.Staff = append(cl.Staff, s)
		}
	}
	if n := m.get("next_steps"); n != nil {
		if nm := r.mapping(n, m.keyNode("next_steps"), "next_steps", priorities...); nm != nil {
			cl.NextSteps = map[string]Text{}
			for _, p := range nm.order {
				cl.NextSteps[p] = r.text(nm.m[p].val, "next_steps."+p, textMessage)
			}
		}
	}
	over := catalog.Override{}
	if n := m.get("texts"); n != nil {
		if tm := r.mapping(n, m.keyNode("texts"), "texts"); tm != nil {
			cl.Texts = map[string]Text{}
			keys := catalog.Keys()
			for _, k := range tm.order {
				f := tm.m[k]
				if !catalog.Has(k) {
					if s := closest(k, keys); s != "" {
						r.errorf(f.key, "texts: no catalogue text %q; did you mean %q?", k, s)
					} else {
						r.errorf(f.key, "texts: no catalogue text %q (keys: %s)", k, list(keys, true))
					}
					continue
				}
				save := r.locales
				r.locales = nil // overrides may cover some locales only
				t := r.text(f.val, "texts."+k, textMessage)
				r.locales = save
				want := (*catalog.Catalog)(nil).Text(k, "en")
				for _, l := range sortedKeys(t) {
					wantVerbs := verbRe.FindAllString(want, -1)
					if got := verbRe.FindAllString(t[l], -1); !slices.Equal(got, wantVerbs) {
						if len(wantVerbs) == 0 {
							r.errorf(f.val, "texts.%s: the text (%s) takes no placeholders; remove %s", k, l, verbList(t[l]))
						} else {
							r.errorf(f.val, "texts.%s: the text (%s) must contain %s, in that order, where kapbot fills in values (it has %s)", k, l, verbList(want), verbList(t[l]))
						}
					}
				}
				cl.Texts[k] = t
				over[k] = t
			}
		}
	}
	cat, err := catalog.New(over)
	if err != nil { // unknown keys were reported above and left out
		cat, _ = catalog.New(nil)
	}
	c.cat = cat
}

// verbRe finds the fmt verbs of catalogue texts.
var verbRe = regexp.MustCompile(`%[sdv]`)

func verbList(s string) string {
	v := verbRe.FindAllString(s, -1)
	if len(v) == 0 {
		return "none"
	}
	return strings.Join(v, ", ")
}

// parseCrisis decodes the crisis resources, one per locale.
func (c *compiler) parseCrisis(r *reader, m *mapNode, cl *Clinic) {
	if m.require("crisis", "the emergency contacts shown to a patient at risk, per locale") == nil {
		return
	}
	cl.Crisis = c.parseResources(r, m, cl, "crisis")
}

// resourceFor says, per safety category, who is shown its resources.
var resourceFor = map[string]string{
	"crisis":         "a patient at risk",
	"harm_to_others": "a patient who may harm someone else",
	"abuse":          "a patient who may be abused or unsafe at home",
	"acute_medical":  "a patient with acute physical symptoms",
}

// parseResources decodes the resources of a safety category (crisis:,
// harm_to_others:, ...): text, emergency and hotlines, per locale. Once a
// category is given, every locale the clinic serves needs it.
func (c *compiler) parseResources(r *reader, m *mapNode, cl *Clinic, key string) map[string]CrisisResources {
	n := m.get(key)
	if n == nil {
		return nil
	}
	cm := r.mapping(n, m.keyNode(key), key)
	if cm == nil {
		return nil
	}
	out := map[string]CrisisResources{}
	for _, l := range cm.order {
		f := cm.m[l]
		if _, ok := r.localeCode(f.key, key); !ok {
			continue
		}
		if !slices.Contains(cl.Locales, l) {
			r.warnf(f.key, "%s: locale %s is not in locales (%s), so these resources are never shown", key, l, list(cl.Locales, true))
		}
		em := r.mapping(f.val, f.key, key+"."+l, "text", "emergency", "hotlines")
		if em == nil {
			continue
		}
		var res CrisisResources
		if tn := em.require("text", "the message shown to "+resourceFor[key]); tn != nil {
			if s, ok := r.str(tn, "text"); ok {
				res.Text = Text{l: s}
				if strings.TrimSpace(s) == "" {
					r.errorf(tn, "text: empty text")
				}
				r.checkLength(tn, "text", l, s, textMessage)
				c.texts = append(c.texts, textUse{r: r, key: "text", node: tn, text: res.Text, nodes: map[string]*yaml.Node{l: tn}})
			}
		}
		en := em.get("emergency")
		if en != nil {
			res.Emergency, _ = r.str(en, "emergency")
		}
		if hn := em.get("hotlines"); hn != nil {
			res.Hotlines, _ = r.strs(hn, "hotlines")
		}
		out[l] = res
		c.resources = append(c.resources, resourceUse{r: r, category: key, locale: l, res: res, emergency: en})
	}
	var missing []string
	for _, l := range cl.Locales {
		if _, ok := out[l]; !ok {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 {
		r.errorf(m.keyNode(key), "%s: no %s resources for %s; every locale the clinic serves needs them (text, emergency, hotlines)", key, strings.ReplaceAll(key, "_", " "), list(missing, true))
	}
	return out
}

// DefaultWebhookSecretEnv is the environment variable holding the webhook's
// signing secret when clinic.yaml's webhook names none.
const DefaultWebhookSecretEnv = "KAPBOT_WEBHOOK_SECRET"

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// parseWebhook reads webhook: {url, secret_env}. The URL must be https, or
// http on localhost (the events hold health data); a secret written in the
// file is refused.
func parseWebhook(r *reader, n, at *yaml.Node) *Webhook {
	wm := r.mapping(n, at, "webhook", "url", "secret_env", "secret")
	if wm == nil {
		return nil
	}
	w := &Webhook{SecretEnv: DefaultWebhookSecretEnv, Pos: r.pos(n)}
	if sn := wm.get("secret"); sn != nil {
		r.errorf(wm.keyNode("secret"), "webhook: secret: never write the secret in clinic.yaml; put it in an environment variable and name it with secret_env (default %s)", DefaultWebhookSecretEnv)
	}
	if un := wm.require("url", "where referral events are POSTed, e.g. https://records.example.org/kapbot"); un != nil {
		if s, ok := r.str(un, "url"); ok {
			if msg := checkWebhookURL(s); msg != "" {
				r.errorf(un, "webhook: url: %s", msg)
			}
			w.URL = s
		}
	}
	if en := wm.get("secret_env"); en != nil {
		if s, ok := r.str(en, "secret_env"); ok {
			if !envName.MatchString(s) {
				r.errorf(en, "webhook: secret_env: %q is not an environment variable name (letters, digits and _)", s)
			}
			w.SecretEnv = s
		}
	}
	return w
}

// checkWebhookURL returns what is wrong with a webhook URL, or "".
func checkWebhookURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Sprintf("%q is not an absolute URL", raw)
	}
	switch u.Scheme {
	case "https":
		return ""
	case "http":
		h := u.Hostname()
		if ip := net.ParseIP(h); h == "localhost" || ip != nil && ip.IsLoopback() {
			return ""
		}
	}
	return "use https (the events hold health data; http is allowed only for localhost)"
}
