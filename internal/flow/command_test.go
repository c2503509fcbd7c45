package flow

import "testing"

// commandFlow is a valid flow whose header line adds extra.
func commandFlow(id, extra string) string {
	return "kapbot: 1\nflow: " + id + "\n" + extra + "steps:\n  - {id: d, disclaimer: true}\n  - {id: a, say: Hi.}\n"
}

// TestFlowCommand checks `command:`: a valid name becomes Flow.Command, a
// bad, reserved or repeated one is a located problem, and the JSON Schema
// agrees with the Go validator on each file alone.
func TestFlowCommand(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		name    string
		files   map[string]string
		want    []string
		command map[string]string // flow id -> Command, when no problem
		schema  bool              // the schema accepts every file
	}{
		{
			name:    "named",
			files:   map[string]string{"main.yaml": commandFlow("main", "command: checkin\n"), "b.yaml": commandFlow("b", "")},
			command: map[string]string{"main": "checkin", "b": ""},
			schema:  true,
		},
		{
			name:  "not a name",
			files: map[string]string{"main.yaml": commandFlow("main", "command: Check In\n")},
			want:  []string{`main.yaml:3:10: command: "Check In" is not a valid command name: use 1 to 32 lowercase letters, digits, '-' and '_' (Discord shows it as /Check In)`},
		},
		{
			name:  "too long",
			files: map[string]string{"main.yaml": commandFlow("main", "command: abcdefghijklmnopqrstuvwxyz0123456\n")},
			want:  []string{`main.yaml:3:10: command: "abcdefghijklmnopqrstuvwxyz0123456" is not a valid command name: use 1 to 32 lowercase letters, digits, '-' and '_' (Discord shows it as /abcdefghijklmnopqrstuvwxyz0123456)`},
		},
		{
			name:  "reserved",
			files: map[string]string{"main.yaml": commandFlow("main", "command: help\n")},
			want:  []string{`main.yaml:3:10: command: /help is one of the bot's own commands (appointment, appointments, forget, handback, help, language, note, referral, referrals, reminders, restart, safe, say, start, status, stop, takeover, weblogin); choose another name`},
		},
		{
			name:  "not a text",
			files: map[string]string{"main.yaml": commandFlow("main", "command: [a, b]\n")},
			want:  []string{`main.yaml:3:10: command: expected a text, got a list`},
		},
		{
			name:   "twice",
			files:  map[string]string{"a.yaml": commandFlow("a", "command: checkin\n"), "b.yaml": commandFlow("b", "command: checkin\n")},
			want:   []string{`b.yaml:3:10: command: /checkin is already the command of the flow at a.yaml:3:10; each flow needs its own`},
			schema: true, // uniqueness spans files: the schema sees one at a time
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffLines(t, problemsIn(t, tt.files), tt.want)
			if tt.command != nil {
				b, ps := Compile(sources(tt.files))
				if ps.Err() != nil {
					t.Fatalf("problems: %v", ps)
				}
				for id, want := range tt.command {
					if got := b.Flows[id].Command; got != want {
						t.Errorf("flow %s: Command = %q, want %q", id, got, want)
					}
				}
			}
			for name, src := range tt.files {
				err := s.Validate(yamlToJSON(t, src))
				if tt.schema && err != nil {
					t.Errorf("schema refuses %s: %v", name, err)
				}
				if !tt.schema && err == nil {
					t.Errorf("schema accepts %s; flows validate refuses it", name)
				}
			}
		})
	}
}

// TestReservedCommandsInSchema keeps the schema's list of reserved command
// names equal to ReservedCommands.
func TestReservedCommandsInSchema(t *testing.T) {
	s := compileSchema(t)
	for _, name := range ReservedCommands {
		if s.Validate(yamlToJSON(t, commandFlow("main", "command: "+name+"\n"))) == nil {
			t.Errorf("schema accepts command: %s", name)
		}
	}
}
