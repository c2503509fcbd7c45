//go:build !linux

package redistest

import "syscall"

// dieWithParent has no portable equivalent outside Linux: there the server
// outlives a test binary that does not call Main.
func dieWithParent() *syscall.SysProcAttr { return nil }
