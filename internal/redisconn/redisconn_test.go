package redisconn

import (
	"strings"
	"testing"
)

func TestParseKinds(t *testing.T) {
	for _, tc := range []struct {
		url, kind string
		addrs     []string
		user, pw  string
		db        int
		tls       bool
		master    string
	}{
		{url: "redis://localhost:6379/0", kind: Single, addrs: []string{"localhost:6379"}},
		{url: "redis://u:secret@h:1/3", kind: Single, addrs: []string{"h:1"}, user: "u", pw: "secret", db: 3},
		{url: "rediss://:secret@h:6380", kind: Single, addrs: []string{"h:6380"}, pw: "secret", tls: true},
		{url: "redis://h1:7000?addr=h2:7001&addr=h3:7002", kind: Cluster, addrs: []string{"h1:7000", "h2:7001", "h3:7002"}},
		{url: "redis+cluster://h1:7000,h2:7001", kind: Cluster, addrs: []string{"h1:7000", "h2:7001"}},
		{url: "redis+cluster://h1:7000", kind: Cluster, addrs: []string{"h1:7000"}},
		{url: "rediss+cluster://u:p%40ss@h1:7000,h2:7001/?dial_timeout=3", kind: Cluster, addrs: []string{"h1:7000", "h2:7001"}, user: "u", pw: "p@ss", tls: true},
		{url: "redis+sentinel://s1:26379/mymaster", kind: Sentinel, addrs: []string{"s1:26379"}, master: "mymaster"},
		{url: "redis+sentinel://:pw@s1:26379,s2:26380/mymaster/2?sentinel_password=sp", kind: Sentinel, addrs: []string{"s1:26379", "s2:26380"}, pw: "pw", db: 2, master: "mymaster"},
		{url: "rediss+sentinel://u:pw@s1:26379/m", kind: Sentinel, addrs: []string{"s1:26379"}, user: "u", pw: "pw", tls: true, master: "m"},
	} {
		o, err := Parse(tc.url)
		if err != nil {
			t.Errorf("%s: %v", tc.url, err)
			continue
		}
		if o.Kind != tc.kind || strings.Join(o.Addrs(), " ") != strings.Join(tc.addrs, " ") {
			t.Errorf("%s: kind %s addrs %v, want %s %v", tc.url, o.Kind, o.Addrs(), tc.kind, tc.addrs)
		}
		var user, pw string
		var db int
		var tls bool
		switch o.Kind {
		case Single:
			user, pw, db, tls = o.Node.Username, o.Node.Password, o.Node.DB, o.Node.TLSConfig != nil
		case Cluster:
			user, pw, tls = o.Cluster.Username, o.Cluster.Password, o.Cluster.TLSConfig != nil
		case Sentinel:
			user, pw, db, tls = o.Failover.Username, o.Failover.Password, o.Failover.DB, o.Failover.TLSConfig != nil
			if o.Failover.MasterName != tc.master {
				t.Errorf("%s: master %q, want %q", tc.url, o.Failover.MasterName, tc.master)
			}
			if strings.Contains(tc.url, "sentinel_password=sp") && o.Failover.SentinelPassword != "sp" {
				t.Errorf("%s: sentinel password %q", tc.url, o.Failover.SentinelPassword)
			}
		}
		if user != tc.user || pw != tc.pw || db != tc.db || tls != tc.tls {
			t.Errorf("%s: user %q pw %q db %d tls %v, want %q %q %d %v", tc.url, user, pw, db, tls, tc.user, tc.pw, tc.db, tc.tls)
		}
		o.Client().Close()
	}
}

// The clients speak RESP2 unless the URL asks for another protocol.
func TestParseProtocol(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want int
	}{
		{"redis://h:1", 2},
		{"redis://h:1?protocol=3", 3},
		{"rediss://h:1/2?protocol=2", 2},
		{"redis+cluster://h1:1,h2:2", 2},
		{"redis+cluster://h1:1?protocol=3", 3},
		{"redis+sentinel://s:26379/m", 2},
		{"redis+sentinel://s:26379/m?protocol=3", 3},
	} {
		o, err := Parse(tc.url)
		if err != nil {
			t.Errorf("%s: %v", tc.url, err)
			continue
		}
		var got int
		switch o.Kind {
		case Single:
			got = o.Node.Protocol
		case Cluster:
			got = o.Cluster.Protocol
		case Sentinel:
			got = o.Failover.Protocol
		}
		if got != tc.want {
			t.Errorf("%s: protocol %d, want %d", tc.url, got, tc.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"localhost:6379", "no scheme"},
		{"http://h:1", `unknown scheme "http"`},
		{"redis+cluster://", "no address"},
		{"redis+cluster://h1", `address "h1": want host:port`},
		{"redis+cluster://h1:x", "port is not a number"},
		{"redis+cluster://h1:1/2", "no database number"},
		{"redis+sentinel://s:26379", "master's name"},
		{"redis+sentinel://s:26379/m/x", `database "x"`},
		{"redis+sentinel://s:26379/m?addr=s2:1", "option addr"},
		{"rediss://:topsecret@h:1?skip_verify=true", "skip_verify"},
		{"rediss+cluster://h:1?skip_verify=true", "skip_verify"},
		{"rediss+sentinel://:topsecret@h:1/m?skip_verify=true", "skip_verify"},
		{"redis+cluster://u:topsecret@h:1?bogus=1", "bogus"},
		{"redis://u:topsecret@h:1?bogus=1", "bogus"},
	} {
		_, err := Parse(tc.url)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.url, err, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Errorf("%s: error quotes the password: %v", tc.url, err)
		}
	}
}
