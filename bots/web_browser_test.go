package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// chromium finds Debian's chromium (KAPBOT_CHROMIUM overrides). The
// browser tests skip without it, unless KAPBOT_REQUIRE_CHROMIUM is set
// (CI sets it, and installs chromium), when they fail.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("KAPBOT_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("KAPBOT_REQUIRE_CHROMIUM") != "" {
		t.Fatal("chromium is not installed and KAPBOT_REQUIRE_CHROMIUM is set: apt-get install chromium")
	}
	t.Skip("chromium is not installed (apt-get install chromium); set KAPBOT_REQUIRE_CHROMIUM=1 to make this a failure")
	return ""
}

// browser starts a headless chromium with a fresh profile, for the
// test's lifetime.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// artefacts is where screenshots go: KAPBOT_ARTEFACTS, else a temporary
// folder. With KAPBOT_SCREENSHOTS_DOCS=1 they are also written to docs/
// for the README.
func artefacts(t *testing.T) func(name string, png []byte) {
	dir := os.Getenv("KAPBOT_ARTEFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return func(name string, png []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Errorf("screenshot %s: %v", name, err)
		}
		if os.Getenv("KAPBOT_SCREENSHOTS_DOCS") != "" {
			os.WriteFile(filepath.Join("..", "docs", name), png, 0o644)
		}
		t.Logf("screenshot %s", filepath.Join(dir, name))
	}
}

var signinLink = regexp.MustCompile(`http://[^\s"<]+/signin\?t=[A-Za-z0-9_-]+`)

// webLogin sends /weblogin as staff member user in the staff group and
// returns the link the bot answers with.
func webLogin(t *testing.T, fake *telegramtest.Server, group, user int64, name string) string {
	t.Helper()
	before := len(fake.Messages(group))
	fake.PushTextAs(group, user, name, "/weblogin")
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		msgs := fake.Messages(group)
		for _, m := range msgs[min(before, len(msgs)):] {
			if l := signinLink.FindString(m.Text); l != "" {
				return l
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no sign-in link in the staff group after /weblogin")
	return ""
}

// The care team's web view in a real headless chromium, against `kapbot
// serve` with the fake Telegram: sign in with a /weblogin link, see a new
// emergency appear without a reload, acknowledge it, add a note, take the
// conversation over and write to the patient (the fake Telegram receives
// it), sign out; a second staff member sees the acknowledgement.
func TestWebBrowserReferralDesk(t *testing.T) {
	if raceSlowdown > 1 {
		t.Skip("the browser test runs in the plain test pass; the race pass checks the same code through internal/web's tests")
	}
	ctx := browser(t)
	shot := artefacts(t)
	t.Setenv("KAPBOT_WEB_LISTEN", "127.0.0.1:0")
	t.Setenv("KAPBOT_WEB_URL", "")
	fake := serveTelegram(t, 10*time.Millisecond)
	const group, patient = -1001234567890, 5151
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if err := chromedp.Do(c, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// submit runs steps that load a page (a click on a link or a form's
	// button) and waits for it; it returns the page's HTTP status.
	submit := func(what string, steps ...chromedp.Action[chromedp.Void]) int64 {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		res, err := chromedp.RunResponse(c, steps...)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return res.Status
	}
	text := func(sel string) string {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		v, err := chromedp.Run(c, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	eval := func(js string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	// accessible checks the page's basics: a language, one h1, a label for
	// every field, a text for every button and image.
	accessible := func(page string) {
		t.Helper()
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yCheck))
		if err != nil || len(problems) > 0 {
			t.Errorf("%s: accessibility: %v %v", page, problems, err)
		}
	}
	screenshot := func(name string) {
		t.Helper()
		accessible(name)
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		png, err := chromedp.Run(c, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		shot(name, png)
	}

	// Sign in with the link from the staff group.
	link := webLogin(t, fake, group, 111111111, "Alex")
	base := strings.Split(link, "/signin")[0]
	run("sign-in page", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.ID("signin")))
	if st := submit("sign in", chromedp.Click(chromedp.ID("signin"))); st != 200 {
		t.Fatalf("sign in: %d", st)
	}
	run("list", chromedp.WaitVisible(chromedp.ID("referrals")))
	eval(`window.kapbotMarker = true; true`)

	// A patient writes a crisis message: the emergency appears on the
	// open page without a reload.
	// The patient answered the PHQ-9 twice before (a course to chart).
	answerPHQ9With(t, fake, patient, 2, 0)
	answerPHQ9With(t, fake, patient, 1, 0)
	fake.PushText(patient, "I want to kill myself tonight")
	run("emergency appears", chromedp.WaitVisible(chromedp.CSS("tr.unack a")))
	if !eval(`window.kapbotMarker === true`) {
		t.Fatal("the emergency appeared only after a reload")
	}
	if !eval(`document.getElementById("live-status").textContent.indexOf("1 emergency not acknowledged") >= 0`) {
		t.Fatal("the list's status region does not announce the new emergency")
	}
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	attr, err := chromedp.Run(c, chromedp.AttributeValue(chromedp.CSS("tr.unack"), "data-id"))
	cancel()
	id := attr.Value
	if err != nil || id == "" {
		t.Fatalf("emergency row without an id: %v", err)
	}
	screenshot("web-referrals.png")

	// Open it, acknowledge, add a note.
	submit("open", chromedp.Click(chromedp.CSS("tr.unack a")))
	submit("acknowledge", chromedp.Click(chromedp.ID("set-acknowledged")))
	if st := text("#status"); st != "acknowledged" {
		t.Fatalf("status after Acknowledge: %q", st)
	}
	run("write a note", chromedp.SendKeys(chromedp.ID("note-text"), "Called her; she is safe with her sister tonight."))
	submit("add the note", chromedp.Click(chromedp.ID("add-note")))
	if notes := text("ol.notes"); !strings.Contains(notes, "safe with her sister") {
		t.Fatalf("notes: %q", notes)
	}

	// Take over and write to the patient through Telegram.
	const words = "Hello, this is Dr. Example from the clinic. I will call you in five minutes."
	submit("take over", chromedp.Click(chromedp.ID("takeover")))
	run("write to the patient", chromedp.SendKeys(chromedp.ID("say-text"), words))
	submit("send", chromedp.Click(chromedp.ID("say")))
	if err := waitFor(60*time.Second, func() bool {
		for _, m := range fake.Messages(patient) {
			if strings.Contains(m.Text, words) {
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatalf("the patient did not receive the care team's message: %v", err)
	}
	fake.PushText(patient, "Thank you, I will pick up.")
	if err := waitFor(60*time.Second, func() bool {
		submit("reload", chromedp.Navigate(base+"/referrals/"+id))
		return strings.Contains(text("main"), "I will pick up")
	}); err != nil {
		t.Fatal("the patient's answer is not on the referral page")
	}
	// The results with their items, and the course chart (loaded under
	// the CSP).
	if res := text("#h-results + details"); !strings.Contains(res, "Little interest or pleasure") {
		t.Fatalf("results: %q", res)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(function(){var i=document.querySelector("figure img");return !!i && i.complete && i.naturalWidth > 100})()`,
		chromedp.WithPollingTimeout(90*time.Second), chromedp.WithPollingInterval(200*time.Millisecond))); err != nil {
		// Say why: the image's own answer.
		st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var i=document.querySelector("figure img");return i ? i.src + " complete=" + i.complete + " width=" + i.naturalWidth : "no img"})()`))
		t.Fatalf("the course chart did not load: %v (%s)", err, st)
	}
	screenshot("web-referral.png")

	// The flow simulator.
	submit("simulator", chromedp.Navigate(base+"/simulator/phq9"))
	submit("simulator answer", chromedp.Click(chromedp.CSS("form.choices button")))
	run("simulator", chromedp.WaitVisible(chromedp.CSS("li.you")), chromedp.WaitVisible(chromedp.CSS("li.current")))
	screenshot("web-simulator.png")

	// The list on a phone.
	run("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("referrals")))
	screenshot("web-referrals-phone.png")
	run("desktop", chromedp.EmulateViewport(1200, 900))

	// Sign out: the pages are closed to this browser.
	submit("sign out", chromedp.Click(chromedp.CSS("form.signout button")))
	if body := text("main"); !strings.Contains(body, "Signed out") {
		t.Fatalf("after sign-out: %q", body)
	}
	if st := submit("after sign-out", chromedp.Navigate(base+"/referrals/"+id)); st != 403 {
		t.Fatalf("a referral after sign-out: %d, want 403", st)
	}
	if body := text("main"); !strings.Contains(body, "Please sign in") || strings.Contains(body, "kill") {
		t.Fatalf("a signed-out browser sees: %q", body)
	}

	// Someone in the staff group who is not on the staff list gets no link.
	before := len(fake.Messages(group))
	fake.PushTextAs(group, 999999, "Eve", "/weblogin")
	if err := waitFor(60*time.Second, func() bool {
		for _, m := range fake.Messages(group)[before:] {
			if signinLink.MatchString(m.Text) {
				t.Fatal("a non-staff member got a sign-in link")
			}
			if strings.Contains(m.Text, "only the clinic's care team") {
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatal("a non-staff member's /weblogin was not refused")
	}

	// An expired link is refused.
	expired := webLogin(t, fake, group, 333333333, "Sam")
	tok := expired[strings.Index(expired, "t=")+2:]
	sum := sha256.Sum256([]byte(tok))
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	n, err := be.client.PExpire(context.Background(), be.prefix+":web:link:"+hex.EncodeToString(sum[:]), time.Millisecond).Result()
	be.Close()
	if err != nil || !n {
		t.Fatalf("expire the link: %v %v", n, err)
	}
	time.Sleep(10 * time.Millisecond)
	if st := submit("expired link", chromedp.Navigate(expired)); st != 403 {
		t.Fatalf("expired link: %d, want 403", st)
	}
	if body := text("main"); !strings.Contains(body, "not valid") {
		t.Fatalf("an expired link shows: %q", body)
	}

	// A second staff member sees the acknowledgement and the note.
	link2 := webLogin(t, fake, group, 333333333, "Sam")
	submit("second staff member's link", chromedp.Navigate(link2))
	submit("second staff member signs in", chromedp.Click(chromedp.ID("signin")))
	submit("second staff member opens the referral", chromedp.Navigate(base+"/referrals/"+id))
	if body := text("main"); !strings.Contains(body, "acknowledged by Dr. Alex Example") || !strings.Contains(body, "safe with her sister") {
		t.Fatalf("the second staff member does not see the acknowledgement:\n%s", body)
	}
	if who := text(".who"); !strings.Contains(who, "Sam Example") {
		t.Fatalf("signed in as %q", who)
	}

	// A form without its CSRF token is refused and changes nothing.
	eval(`document.querySelectorAll("form[action$='/note'] input[name=csrf]").forEach(function(e){e.remove()}); true`)
	run("write a forged note", chromedp.SendKeys(chromedp.ID("note-text"), "forged"))
	if st := submit("note without CSRF token", chromedp.Click(chromedp.ID("add-note"))); st != 403 || !strings.Contains(text("main"), "nothing was changed") {
		t.Fatalf("a POST without the CSRF token: %d %q", st, text("main"))
	}
	submit("referral again", chromedp.Navigate(base+"/referrals/"+id))
	if notes := text("ol.notes"); strings.Contains(notes, "forged") {
		t.Fatal("a POST without the CSRF token added a note")
	}

	// A used link is refused in the browser too.
	if st := submit("reused link", chromedp.Navigate(link)); st != 403 {
		t.Fatalf("reused link: %d, want 403", st)
	}
	if body := text("main"); !strings.Contains(body, "not valid") {
		t.Fatalf("a used link shows: %q", body)
	}
}

// a11yCheck lists a page's missing basics of accessibility.
const a11yCheck = `(function () {
  var out = [];
  if (!document.documentElement.lang) { out.push("no lang"); }
  if (document.querySelectorAll("h1").length !== 1) { out.push("not one h1"); }
  document.querySelectorAll("input:not([type=hidden]), textarea, select").forEach(function (e) {
    if (!e.id || !document.querySelector("label[for='" + e.id + "']")) { out.push("field without label: " + (e.name || e.id)); }
  });
  document.querySelectorAll("button").forEach(function (b) {
    if (!b.textContent.trim()) { out.push("button without text"); }
  });
  document.querySelectorAll("img").forEach(function (i) {
    if (!i.getAttribute("alt")) { out.push("image without alt: " + i.src); }
  });
  return out;
})()`

func waitFor(d time.Duration, cond func() bool) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if cond() {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("timed out")
}
