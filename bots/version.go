package main

import (
	"runtime/debug"
	"strings"
)

// versionLine says which kapbot this is: the module version and the commit
// it was built from (with "+modified" for uncommitted changes), as the Go
// toolchain recorded them; "unknown" for what it did not record (a build
// with -buildvcs=false, or go run).
func versionLine() string {
	version, commit, modified := "unknown", "unknown", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" {
			version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	var b strings.Builder
	b.WriteString("kapbot " + version + " commit " + commit)
	if modified {
		b.WriteString("+modified")
	}
	return b.String()
}
