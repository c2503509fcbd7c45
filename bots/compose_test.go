package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// docker-compose.yml passes every setting the README's Configuration table
// documents to kapbot serve, so a documented setting works in the
// container too; and the deployment keeps secrets out of the image.
func TestComposePassesEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	compose, err := os.ReadFile("../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "## Configuration")
	end := strings.Index(s[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("README: no Configuration section")
	}
	table := s[start : start+1+end]
	c := string(compose)
	kapbot := c[strings.Index(c, "\n  kapbot:"):]
	names := regexp.MustCompile("`((?:KAPBOT|TELEGRAM|DISCORD|REDIS)_[A-Z_]+)`").FindAllStringSubmatch(table, -1)
	if len(names) < 10 {
		t.Fatalf("only %d settings found in the README", len(names))
	}
	for _, m := range names {
		if !regexp.MustCompile(`(?m)^\s+` + m[1] + `:`).MatchString(kapbot) {
			t.Errorf("docker-compose.yml does not pass %s to kapbot", m[1])
		}
	}
	for _, want := range []string{"healthcheck:", "${KAPBOT_METRICS_BIND:-127.0.0.1}:${KAPBOT_METRICS_PORT", "8443"} {
		if !strings.Contains(kapbot, want) {
			t.Errorf("docker-compose.yml kapbot service lacks %q", want)
		}
	}
	ignore, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".env", ".git"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(want) + `$`).Match(ignore) {
			t.Errorf(".dockerignore does not keep %s out of the image", want)
		}
	}
}
