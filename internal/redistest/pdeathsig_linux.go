package redistest

import "syscall"

// dieWithParent makes the kernel kill the child when its parent thread exits.
func dieWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
