package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/flow"
)

// envClinics names the deployment file: several clinics served by one
// process, each with its own flows, clinic.yaml, bots, keys and Redis key
// prefix. Unset, kapbot serves the one clinic of the settings, as always.
const envClinics = "KAPBOT_CLINICS"

// clinicEntry is one clinic of a deployment file.
type clinicEntry struct {
	ID     string // names the clinic: --clinic ID, <SETTING>_<ID>, logs and metrics
	Flows  string // folder of flows, relative to the deployment file
	Clinic string // optional clinic.yaml used instead of the folder's
	Prefix string // Redis key prefix; default <KAPBOT_PREFIX>-<id>
}

// deployment is a deployment file's clinics, in file order.
type deployment struct {
	path    string
	clinics []clinicEntry
}

// find returns the clinic named id.
func (d *deployment) find(id string) (clinicEntry, bool) {
	for _, c := range d.clinics {
		if c.ID == id {
			return c, true
		}
	}
	return clinicEntry{}, false
}

func (d *deployment) ids() []string {
	var out []string
	for _, c := range d.clinics {
		out = append(out, c.ID)
	}
	return out
}

var clinicIDRe = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)

// loadDeployment reads a deployment file. Every problem is reported at
// once, as file:line:col: message, in a usage error.
func loadDeployment(path string) (*deployment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("%s=%s: %v", envClinics, path, err)
	}
	d := &deployment{path: path}
	var probs []string
	at := func(n *yaml.Node, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s:%d:%d: %s", path, n.Line, n.Column, fmt.Sprintf(format, args...)))
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, usagef("%s", flow.SyntaxProblem(path, data, err))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, usagef("%s: expected kapbot: 1 and clinics: (a list of clinics)", path)
	}
	root := doc.Content[0]
	var list *yaml.Node
	version := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "kapbot":
			version = true
			if v.Value != "1" {
				at(v, "kapbot: %s: this kapbot reads version 1", v.Value)
			}
		case "clinics":
			list = v
		default:
			at(k, "unknown key %q (known: kapbot, clinics)", k.Value)
		}
	}
	if !version {
		at(root, "missing \"kapbot: 1\"; add it as the first line")
	}
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		n := root
		if list != nil {
			n = list
		}
		at(n, "clinics: list the clinics, each as {id: ..., flows: ...}")
	} else {
		seen := map[string]bool{}
		prefixes := map[string]bool{}
		for _, item := range list.Content {
			if item.Kind != yaml.MappingNode {
				at(item, "clinics: expected {id: ..., flows: ...}")
				continue
			}
			var c clinicEntry
			for i := 0; i+1 < len(item.Content); i += 2 {
				k, v := item.Content[i], item.Content[i+1]
				if v.Kind != yaml.ScalarNode || v.Value == "" {
					at(v, "%s: expected a text", k.Value)
					continue
				}
				switch k.Value {
				case "id":
					c.ID = v.Value
					if !clinicIDRe.MatchString(c.ID) || c.ID == "previous" {
						at(v, "id: %q: use lower-case letters, digits and '-', starting with a letter, at most 32 (it names the settings of this clinic, e.g. TELEGRAM_TOKEN_%s)", c.ID, envSuffix(c.ID))
					} else if seen[c.ID] {
						at(v, "id: %q: a second clinic with this id", c.ID)
					}
					seen[c.ID] = true
				case "flows", "clinic":
					p := v.Value
					if !filepath.IsAbs(p) {
						p = filepath.Join(filepath.Dir(path), p)
					}
					st, err := os.Stat(p)
					switch {
					case err != nil:
						at(v, "%s: %s: no such file or folder", k.Value, p)
					case k.Value == "flows" && !st.IsDir():
						at(v, "flows: %s is not a folder", p)
					case k.Value == "clinic" && st.IsDir():
						at(v, "clinic: %s is a folder; name its clinic.yaml", p)
					}
					if k.Value == "flows" {
						c.Flows = p
					} else {
						c.Clinic = p
					}
				case "prefix":
					c.Prefix = v.Value
					if prefixes[c.Prefix] {
						at(v, "prefix: %q: another clinic has this prefix; each clinic needs its own", c.Prefix)
					}
					prefixes[c.Prefix] = true
				default:
					at(k, "unknown key %q (known: id, flows, clinic, prefix)", k.Value)
				}
			}
			if c.ID == "" {
				at(item, "missing id: (the clinic's name in settings and commands)")
			}
			if c.Flows == "" {
				at(item, "missing flows: (the clinic's flow folder)")
			}
			d.clinics = append(d.clinics, c)
		}
	}
	if len(probs) > 0 {
		return nil, usageError{strings.Join(probs, "\n")}
	}
	return d, nil
}

// envSuffix is the suffix of a clinic's own settings: TELEGRAM_TOKEN_BERLIN
// for clinic "berlin", KAPBOT_DATA_KEY_PRAXIS_NORD for "praxis-nord".
func envSuffix(id string) string { return strings.ToUpper(strings.ReplaceAll(id, "-", "_")) }

// perClinic are the settings every clinic of a deployment has on its own,
// as <SETTING>_<ID>. They never fall back to the plain setting: that would
// give two clinics one bot, one data key or one receiver.
var perClinic = []string{
	"TELEGRAM_TOKEN", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_LISTEN",
	"DISCORD_TOKEN", "DISCORD_GUILD_ID",
	"KAPBOT_DATA_KEY", "KAPBOT_DATA_KEY_PREVIOUS", "KAPBOT_KEY_FILE", "KAPBOT_PREFIX",
	"KAPBOT_WEBHOOK_URL", "KAPBOT_WEBHOOK_SECRET", "KAPBOT_WEB_LISTEN", "KAPBOT_WEB_URL",
}

// sharedOnly are the settings all clinics of a deployment share.
// KAPBOT_ID_KEY: log lines, audit entries and referral indexes name patients
// by one pseudonym key per process.
var sharedOnly = []string{"KAPBOT_ID_KEY", "KAPBOT_LISTEN", "KAPBOT_LOG_LEVEL", envClinics}

// env reads setting key for the configured clinic: its own <key>_<ID>
// first; then, unless the setting is per clinic, the plain one. Without a
// clinic it is os.Getenv.
func (c Config) env(key string) string {
	if c.Clinic == "" || slices.Contains(sharedOnly, key) {
		return os.Getenv(key)
	}
	if v := os.Getenv(key + "_" + envSuffix(c.Clinic)); v != "" {
		return v
	}
	if slices.Contains(perClinic, key) {
		return ""
	}
	return os.Getenv(key)
}

// forClinic returns the settings of clinic e of deployment d.
func forClinic(d *deployment, e clinicEntry) Config {
	probe := Config{Clinic: e.ID}
	c := configFrom(probe.env)
	c.Clinic, c.deployment, c.entry = e.ID, d, e
	if probe.env("KAPBOT_PREFIX") == "" {
		c.Prefix = e.Prefix
		if c.Prefix == "" {
			c.Prefix = envOr("KAPBOT_PREFIX", "kapbot") + "-" + e.ID
		}
	}
	if probe.env("KAPBOT_KEY_FILE") == "" {
		c.KeyFile = filepath.Join(filepath.Dir(c.KeyFile), "data-"+e.ID+".key")
	}
	return c
}

// clinicArg takes --clinic ID (or --clinic=ID) out of args, wherever it is.
func clinicArg(args []string) (id string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--clinic" || a == "-clinic":
			if i+1 >= len(args) {
				return "", nil, usagef("--clinic: name a clinic of %s", envClinics)
			}
			id = args[i+1]
			i++
		case strings.HasPrefix(a, "--clinic=") || strings.HasPrefix(a, "-clinic="):
			_, id, _ = strings.Cut(a, "=")
		default:
			rest = append(rest, a)
		}
	}
	return id, rest, nil
}

// withClinic applies --clinic and KAPBOT_CLINICS to cfg for command cmd.
// Without KAPBOT_CLINICS nothing changes (and --clinic is a mistake). With
// it, a command that works on a clinic's data needs --clinic unless the
// deployment has one clinic; serve without --clinic runs them all.
func withClinic(cfg Config, cmd string, args []string) (Config, []string, error) {
	id, rest, err := clinicArg(args)
	if err != nil {
		return cfg, nil, err
	}
	path := os.Getenv(envClinics)
	if path == "" {
		if id != "" {
			return cfg, nil, usagef("--clinic %s: no clinics are configured; set %s to the deployment file that lists them", id, envClinics)
		}
		return cfg, rest, nil
	}
	d, err := loadDeployment(path)
	if err != nil {
		return cfg, nil, err
	}
	cfg.deployment = d
	if id == "" {
		switch {
		case cmd == "serve", cmd == "health", cmd == "safety", cmd == "demo", cmd == "help", strings.HasPrefix(cmd, "-"),
			cmd == "flows" && len(rest) > 0 && (rest[0] == "validate" || rest[0] == "test"):
			return cfg, rest, nil
		case len(d.clinics) == 1:
			id = d.clinics[0].ID
		default:
			return cfg, nil, usagef("%s: %s lists several clinics (%s): say which with --clinic ID", cmd, path, strings.Join(d.ids(), ", "))
		}
	}
	e, ok := d.find(id)
	if !ok {
		return cfg, nil, usagef("--clinic %s: no such clinic in %s (clinics: %s)", id, path, strings.Join(d.ids(), ", "))
	}
	return forClinic(d, e), rest, nil
}
