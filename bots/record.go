package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kapbot/kapbot/bots/console"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/store"
)

// recorder keeps what the patient types in `kapbot chat --record FILE`, to
// write it as a transcript test when the chat ends.
type recorder struct {
	path    string
	force   bool
	lines   []string
	started bool // the chat's own start has gone by
}

// newRecorder checks FILE before the chat begins: it must end in .test.yaml
// (what flows test reads) and, unless force, not exist.
func newRecorder(path string, force bool) (*recorder, error) {
	if !strings.HasSuffix(path, ".test.yaml") {
		return nil, usagef("chat --record %s: name the file NAME.test.yaml; kapbot flows test reads only those", path)
	}
	if !force {
		if _, err := os.Stat(path); err == nil {
			return nil, usagef("chat --record %s: the file exists; choose another name, or add --force to replace it", path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("chat --record %s: %v", path, err)
		}
	}
	return &recorder{path: path, force: force}, nil
}

// fresh fails when the patient has a conversation in progress: the chat
// would resume it, and a transcript test always starts afresh.
func (r *recorder) fresh(ctx context.Context, st *store.Store, patient string) error {
	sess, err := st.Load(ctx, patient)
	if err != nil || sess.Data == nil {
		return err
	}
	s, err := runner.DecodeState(sess.Data)
	if err != nil {
		return err
	}
	if s.Status == engine.Active || s.Status == engine.Paused {
		return usagef("chat --record: %s has a conversation in progress, which a recording cannot start from; use another --user, or end it with /stop first", patient)
	}
	return nil
}

// wrap returns h recording every input after the chat's first (its own
// start), as the line that was typed.
func (r *recorder) wrap(h console.Handler) console.Handler {
	return func(ctx context.Context, in runner.Inbound) error {
		if !r.started {
			r.started = true
			return h(ctx, in)
		}
		line := in.Input.Text
		if c := in.Input.Command; c != nil {
			line = strings.TrimSpace("/" + string(c.Name) + " " + c.Arg)
		}
		r.lines = append(r.lines, line)
		return h(ctx, in)
	}
}

// write writes the recording of flow id as a transcript test, checked to
// pass against b, and says so on stderr.
func (r *recorder) write(b *flow.Bundle, id string, s stdio) error {
	name := fmt.Sprintf("recorded chat in %s, %s", id, time.Now().UTC().Format("2006-01-02 15:04"))
	data, err := enginetest.Record(b, id, name, r.path, r.lines)
	if err != nil {
		return fmt.Errorf("chat --record %s: nothing written: %w", r.path, err)
	}
	mode := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if r.force {
		mode = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(r.path, mode, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return usagef("chat --record %s: the file appeared during the chat; nothing written (add --force to replace it)", r.path)
		}
		return fmt.Errorf("chat --record: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("chat --record: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("chat --record: %w", err)
	}
	fmt.Fprintf(s.err, "kapbot: recorded %d turns of %s in %s (it holds what you typed); run it with: kapbot flows test %s\n", len(r.lines), id, r.path, filepath.Dir(r.path))
	return nil
}
