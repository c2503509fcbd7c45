// Command kapbot is the clinic's screening and preparation assistant: it runs
// the clinic's YAML flows for patients in Telegram, Discord or a terminal.
//
// Run `kapbot help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/kapbot/kapbot/internal/redisconn"
)

const usage = `kapbot: the clinic's screening and preparation assistant. It gives no medical advice.

Usage:
  kapbot demo  [--flow ID] [--locale L] [--clock-speed N]
                                             chat in the terminal with the sample flows (embedded Redis, no setup)
  kapbot chat  --flow ID --user NAME [--locale L] [--record FILE.test.yaml]
                                             chat in the terminal against REDIS_URL (piped input: one message per line)
  kapbot serve                               run the configured channels (Telegram, Discord) with /healthz, /readyz, /metrics
  kapbot web [--listen ADDR] [--link STAFF]  the care team's web view alone (serve runs it too with KAPBOT_WEB_LISTEN)
  kapbot flows validate PATH...              check flow folders; every problem as file:line:col
  kapbot flows test PATH...                  run transcript tests and questionnaire golden vectors
  kapbot flows push DIR                      validate and publish a flow folder to Redis, all or nothing
  kapbot flows list                          the published flows
  kapbot flows graph ID [--flows DIR] [--html FILE]
                                             print a flow as a Mermaid diagram (--html: a page to open in a browser)
  kapbot sessions show USER [--json]         a patient's session, answers, scores and referrals
  kapbot sessions list [--json]              patients with stored data
  kapbot sessions erase USER [--yes]         erase everything stored about a patient (asks first on a terminal)
  kapbot export [--format json|csv|answers|fhir] [--out DIR]
                                             patients' answers, results and referrals (audited)
  kapbot appointments add USER WHEN [--kind K] [--tz Z] [--id ID]   record a session (moves it when ID exists)
  kapbot appointments list USER [--json]     a patient's appointments and pending reminders (audited)
  kapbot appointments cancel USER ID         cancel an appointment and its reminders
  kapbot appointments import FILE.csv        record a scheduler's CSV export (idempotent; file:line errors)
  kapbot schedules show [--flows DIR]        clinic.yaml's reminder rules, quiet hours and nudges in words
  kapbot audit [--since T] [--json]          the audit log: every export and staff view
  kapbot audit verify                        check the audit log: names deleted, replayed or edited entries
  kapbot webhook requeue                     send the webhook's dead letters again (after the receiver was fixed)
  kapbot health [URL]                        ask a running serve's /readyz (default http://127.0.0.1:8080/readyz); exit 0 when ready
  kapbot safety check [--json] [--labels F]  screen messages from stdin, one per line: category and rules
  kapbot keys rotate                         re-seal all data sealed with KAPBOT_DATA_KEY_PREVIOUS under KAPBOT_DATA_KEY
                                             (safe while serving; resumable: run it again after an interruption)
  kapbot keys check                          count the stored values by the key that sealed them
  kapbot keys migrate                        move patients stored under their platform ids to pseudonymous keys
                                             (serve does it at start; idempotent)
  kapbot version                             the version and the commit kapbot was built from

Run 'kapbot COMMAND --help' for a command's flags. With KAPBOT_CLINICS every
command takes --clinic ID: the clinic of the deployment it is about.

Settings (environment):
  REDIS_URL            redis://host:port/db, redis+cluster://host1:port,host2:port or
                       redis+sentinel://host:port/mastername (demo ignores it; chat without it uses an embedded Redis)
  KAPBOT_DATA_KEY      32-byte key, base64 or hex, that encrypts patient data (openssl rand -base64 32);
                       unset: a key is generated once into KAPBOT_KEY_FILE
  KAPBOT_DATA_KEY_PREVIOUS  older data keys, comma-separated, that still open data (key rotation)
  KAPBOT_ID_KEY        32-byte key of the patients' pseudonyms (optional; unset: generated once, kept sealed in Redis)
  KAPBOT_KEY_FILE      default: $XDG_CONFIG_HOME/kapbot/data.key (must not be readable by others)
  KAPBOT_PREFIX        key prefix in Redis (default kapbot)
  KAPBOT_LISTEN        address of the health and metrics port for serve (default :8080)
  KAPBOT_WEB_LISTEN    address of the care team's web view in serve (unset: off; demo and web: 127.0.0.1:8081)
  KAPBOT_WEB_URL       the address staff open, for sign-in links (default http://localhost:PORT)
  KAPBOT_LOG_LEVEL     debug, info, warn or error (default info)
  KAPBOT_REPLICA_LOCK  auto (default: on with Telegram webhooks), on or off: keep each patient's
                       events in order across replicas (two more Redis round trips per event)
  KAPBOT_WEBHOOK_URL, KAPBOT_WEBHOOK_SECRET  where serve POSTs referral events (https; http only on
                       localhost) and the HMAC-SHA256 key that signs them
  KAPBOT_WEBHOOK_MAX_ATTEMPTS  failed attempts before an event goes to the dead letters (default 300)
  KAPBOT_AUDIT_MAX_ENTRIES  audit entries serve keeps (default 1000000; the trim point is recorded)
  KAPBOT_FHIR_BASE     base of canonical URLs and identifier systems in FHIR exports
                       (default https://kapbot.example)
  TELEGRAM_TOKEN, TELEGRAM_API_URL, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET,
  TELEGRAM_WEBHOOK_LISTEN (default :8443)
  DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GUILD_ID
  KAPBOT_CLINICS       a deployment file listing several clinics for one serve; each clinic's
                       settings are the ones above with _<ID> appended (TELEGRAM_TOKEN_BERLIN,
                       KAPBOT_DATA_KEY_BERLIN); KAPBOT_ID_KEY is then required and shared
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	redisconn.RouteLogs()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// io bundles a command's streams.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// run executes one command line and returns the exit status: 0 success,
// 1 a failure the command reports (invalid flows, failed tests, an error),
// 2 a usage mistake.
func run(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	s := stdio{in: in, out: out, err: errw}
	if len(args) == 0 {
		fmt.Fprint(errw, usage)
		return 2
	}
	cfg := configFromEnv()
	cfg, rest, err := withClinic(cfg, args[0], args[1:])
	if err != nil {
		return exitCode(err, errw)
	}
	args = append(args[:1:1], rest...)
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(out, usage)
		return 0
	case "version", "--version":
		fmt.Fprintln(out, versionLine())
		return 0
	case "demo":
		err = cmdDemo(ctx, cfg, args[1:], s)
	case "chat":
		err = cmdChat(ctx, cfg, args[1:], s)
	case "serve":
		err = cmdServe(ctx, cfg, args[1:], s)
	case "web":
		err = cmdWeb(ctx, cfg, args[1:], s)
	case "flows":
		err = cmdFlows(ctx, cfg, args[1:], s)
	case "sessions":
		err = cmdSessions(ctx, cfg, args[1:], s)
	case "export":
		err = cmdExport(ctx, cfg, args[1:], s)
	case "audit":
		err = cmdAudit(ctx, cfg, args[1:], s)
	case "webhook":
		err = cmdWebhook(ctx, cfg, args[1:], s)
	case "health":
		err = cmdHealth(ctx, args[1:], s)
	case "safety":
		err = cmdSafety(ctx, cfg, args[1:], s)
	case "keys":
		err = cmdKeys(ctx, cfg, args[1:], s)
	case "appointments":
		err = cmdAppointments(ctx, cfg, args[1:], s)
	case "schedules":
		err = cmdSchedules(ctx, cfg, args[1:], s)
	default:
		err = usagef("unknown command %q: run 'kapbot help'", args[0])
	}
	return exitCode(err, errw)
}

// errReported means the command already printed what went wrong.
var errReported = errors.New("reported")

// errHelp means --help was asked for and printed.
var errHelp = errors.New("help")

func exitCode(err error, errw io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(errw, "kapbot:", ue.msg)
		return 2
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, context.Canceled):
		return 0
	default:
		fmt.Fprintln(errw, "kapbot:", err)
		return 1
	}
}
