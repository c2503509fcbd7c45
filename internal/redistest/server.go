package redistest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

// server is a redis-server child process.
type server struct {
	addr string
	cmd  *exec.Cmd
	out  tailBuffer    // the server's log, for errors at start
	done chan struct{} // closed when the process has exited
}

// tailBuffer keeps the last few KB written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if n := len(b.buf) - 4096; n > 0 {
		b.buf = append(b.buf[:0], b.buf[n:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

var (
	serverOnce sync.Once
	shared     *server
	sharedErr  error
)

// sharedServer starts one redis-server for the test binary on first use and
// returns its address.
func sharedServer() (string, error) {
	serverOnce.Do(func() {
		// A free port can be taken between choosing and binding it: retry.
		for range 5 {
			shared, sharedErr = startServer()
			if sharedErr == nil {
				return
			}
		}
	})
	if sharedErr != nil {
		return "", sharedErr
	}
	return shared.addr, nil
}

// stopServer stops the shared server, if one was started, and waits for it.
func stopServer() {
	if shared == nil {
		return
	}
	shared.stop()
}

// startServer starts a redis-server without persistence on a free loopback
// port and waits until it answers PING. The server is killed when the
// process that started it exits (on Linux, through the parent-death signal).
// A port is free only "a moment ago": when another package's test took it
// in between, ours exits at start (or the one answering is not ours), and
// startServer tries another port, up to five times.
func startServer(extra ...string) (*server, error) {
	var err error
	for range 5 {
		var srv *server
		if srv, err = startOnce(extra...); err == nil {
			return srv, nil
		}
	}
	return nil, err
}

// startOnce is one try of startServer.
func startOnce(extra ...string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	srv := &server{
		addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		done: make(chan struct{}),
	}
	args := []string{
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--save", "",
		"--appendonly", "no",
		"--dir", os.TempDir(),
	}
	if len(extra) > 0 && !strings.HasPrefix(extra[0], "--") {
		args = append(extra[:1:1], args...) // a config file comes first
		extra = extra[1:]
	}
	srv.cmd = exec.Command("redis-server", append(args, extra...)...)
	srv.cmd.SysProcAttr = dieWithParent()
	srv.cmd.Stdout = &srv.out
	srv.cmd.Stderr = &srv.out

	// The parent-death signal fires when the thread that started the child
	// exits, not the process. Start the child from a goroutine locked to its
	// thread, and keep that thread alive (waiting for the child) until the
	// child exits.
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := srv.cmd.Start(); err != nil {
			started <- err
			runtime.UnlockOSThread()
			return
		}
		started <- nil
		srv.cmd.Wait()
		close(srv.done)
		runtime.UnlockOSThread()
	}()
	if err := <-started; err != nil {
		return nil, err
	}

	if err := srv.waitReady(10 * time.Second); err != nil {
		srv.stop()
		return nil, err
	}
	if err := srv.checkOurs(); err != nil {
		srv.stop()
		return nil, err
	}
	return srv, nil
}

// checkOurs makes sure the server answering on s.addr is the process s
// started, not another test's that took the port first: tests flush and
// read their server, and must never share one by accident.
func (s *server) checkOurs() error {
	c := redis.NewClient(&redis.Options{Addr: s.addr, MaxRetries: -1, DialTimeout: time.Second})
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	info, err := c.Info(ctx, "server").Result()
	if err != nil {
		return fmt.Errorf("redis-server on %s: INFO: %w", s.addr, err)
	}
	want := "process_id:" + strconv.Itoa(s.cmd.Process.Pid)
	for _, line := range strings.Split(info, "\n") {
		if strings.TrimSpace(line) == want {
			return nil
		}
	}
	return fmt.Errorf("redistest: the server on %s is not the redis-server started there (pid %d): the port was taken", s.addr, s.cmd.Process.Pid)
}

// waitReady polls PING until the server answers, exits, or timeout passes.
func (s *server) waitReady(timeout time.Duration) error {
	c := redis.NewClient(&redis.Options{Addr: s.addr, MaxRetries: -1, DialTimeout: time.Second})
	defer c.Close()
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil // and checkOurs makes sure it is this process
		}
		select {
		case <-s.done:
			return fmt.Errorf("redis-server on %s exited at start: %s", s.addr, s.out.String())
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis-server on %s did not answer PING within %v: %w", s.addr, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop asks the server to exit, kills it if it does not, and waits.
func (s *server) stop() {
	if s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("redistest: listener has no TCP address")
	}
	return addr.Port, nil
}
