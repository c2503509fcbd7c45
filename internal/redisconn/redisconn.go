// Package redisconn turns a REDIS_URL into a go-redis client: one node, a
// Redis Cluster, or a master found through Sentinel.
//
//	redis://[user:password@]host:port[/db][?options]          one node
//	rediss://...                                              one node over TLS
//	redis://[user:password@]host:port?addr=host2:port&...     a cluster (go-redis's form)
//	redis+cluster://[user:password@]host1:port,host2:port[?options]
//	rediss+cluster://...                                      a cluster over TLS
//	redis+sentinel://[user:password@]host1:port[,host2:port]/master[/db][?options]
//	rediss+sentinel://...                                     Sentinel and Redis over TLS
//
// Options are go-redis's URL options (dial_timeout, pool_size, ...). For
// Sentinel the user and password are the Redis master's (and its
// replicas'); the Sentinels' own, if they have one, go in the options
// sentinel_username and sentinel_password. A cluster takes one address or
// more: the client learns the others from the cluster.
//
// skip_verify, which turns off the check of the server's TLS certificate,
// is refused: patient data would travel readable to anyone on the path.
//
// The client speaks RESP2 unless the URL asks for protocol=3: kapbot uses
// nothing of RESP3 (no client-side caching, no push notifications), and
// go-redis checks a RESP3 connection for pending push notifications
// before it reads every reply, about a microsecond per message of the
// step (issue 15).
package redisconn

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// Kinds of deployment a URL names.
const (
	Single   = "single"
	Cluster  = "cluster"
	Sentinel = "sentinel"
)

// Options is a parsed REDIS_URL. Exactly one of Node, Cluster and Failover
// is set, as Kind says.
type Options struct {
	Kind     string
	Node     *redis.Options
	Cluster  *redis.ClusterOptions
	Failover *redis.FailoverOptions
}

// ErrSkipVerify means the URL turns off the TLS certificate check.
var ErrSkipVerify = errors.New("skip_verify=true turns off the check of Redis's TLS certificate, so anyone on the path can read patient data in transit; remove it and give Redis a certificate the system trusts")

// Usage is the accepted forms, for error messages.
const Usage = "redis://[user:password@]host:port[/db], rediss://... for TLS, redis+cluster://host1:port,host2:port for a Redis Cluster, or redis+sentinel://host:port[,host2:port]/mastername for Sentinel"

// Parse reads a REDIS_URL. Its errors never quote the URL's password; they
// say what is wrong, and the caller adds the name of the setting.
func Parse(raw string) (Options, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return Options{}, fmt.Errorf("no scheme; expected %s", Usage)
	}
	switch scheme {
	case "redis", "rediss":
		if hasAddrOption(rest) {
			return parseCluster(scheme, rest)
		}
		opt, err := redis.ParseURL(raw)
		if err != nil {
			return Options{}, clean(err, raw)
		}
		if err := checkTLS(opt.TLSConfig); err != nil {
			return Options{}, err
		}
		opt.Protocol = protocol(opt.Protocol)
		return Options{Kind: Single, Node: opt}, nil
	case "redis+cluster", "rediss+cluster":
		return parseCluster(strings.TrimSuffix(scheme, "+cluster"), rest)
	case "redis+sentinel", "rediss+sentinel":
		return parseSentinel(scheme == "rediss+sentinel", rest)
	default:
		return Options{}, fmt.Errorf("unknown scheme %q; expected %s", scheme, Usage)
	}
}

// Client returns a new client for o; the caller closes it.
func (o Options) Client() redis.UniversalClient {
	switch o.Kind {
	case Cluster:
		return redis.NewClusterClient(o.Cluster)
	case Sentinel:
		return redis.NewFailoverClient(o.Failover)
	default:
		return redis.NewClient(o.Node)
	}
}

// Addrs lists the addresses the URL names (nodes or Sentinels).
func (o Options) Addrs() []string {
	switch o.Kind {
	case Cluster:
		return o.Cluster.Addrs
	case Sentinel:
		return o.Failover.SentinelAddrs
	default:
		return []string{o.Node.Addr}
	}
}

// hasAddrOption says whether the query of rest holds addr=, go-redis's way
// to name more cluster nodes.
func hasAddrOption(rest string) bool {
	_, q, ok := strings.Cut(rest, "?")
	if !ok {
		return false
	}
	v, err := url.ParseQuery(q)
	return err == nil && len(v["addr"]) > 0
}

// split cuts "userinfo@h1:p,h2:p/path?query" into its parts.
func split(rest string) (userinfo string, hosts []string, path, query string, err error) {
	rest, query, _ = strings.Cut(rest, "?")
	authority := rest
	if i := strings.Index(rest, "/"); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		userinfo, authority = authority[:at], authority[at+1:]
	}
	for _, h := range strings.Split(authority, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if _, port, err := net.SplitHostPort(h); err != nil || port == "" {
			return "", nil, "", "", fmt.Errorf("address %q: want host:port", h)
		} else if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return "", nil, "", "", fmt.Errorf("address %q: port is not a number", h)
		}
		hosts = append(hosts, h)
	}
	if len(hosts) == 0 {
		return "", nil, "", "", fmt.Errorf("no address; expected %s", Usage)
	}
	return userinfo, hosts, path, query, nil
}

// parseCluster reads "userinfo@h1,h2/?query" of a redis or rediss URL.
func parseCluster(scheme, rest string) (Options, error) {
	userinfo, hosts, path, query, err := split(rest)
	if err != nil {
		return Options{}, err
	}
	if strings.Trim(path, "/") != "" {
		return Options{}, fmt.Errorf("a cluster has no database number (path %q); remove it", path)
	}
	u := scheme + "://"
	if userinfo != "" {
		u += userinfo + "@"
	}
	u += hosts[0]
	q := query
	for _, h := range hosts[1:] {
		if q != "" {
			q += "&"
		}
		q += "addr=" + url.QueryEscape(h)
	}
	if q != "" {
		u += "?" + q
	}
	opt, err := redis.ParseClusterURL(u)
	if err != nil {
		return Options{}, clean(err, u)
	}
	if err := checkTLS(opt.TLSConfig); err != nil {
		return Options{}, err
	}
	opt.Protocol = protocol(opt.Protocol)
	return Options{Kind: Cluster, Cluster: opt}, nil
}

// parseSentinel reads "userinfo@h1,h2/master[/db]?query".
func parseSentinel(tlsOn bool, rest string) (Options, error) {
	userinfo, hosts, path, query, err := split(rest)
	if err != nil {
		return Options{}, err
	}
	segs := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
	if len(segs) == 0 || len(segs) > 2 {
		return Options{}, fmt.Errorf("Sentinel needs the master's name as the path (redis+sentinel://host:26379/mymaster[/db])")
	}
	master, err := url.PathUnescape(segs[0])
	if err != nil || master == "" {
		return Options{}, fmt.Errorf("the master's name in the path is not valid")
	}
	db := 0
	if len(segs) == 2 {
		if db, err = strconv.Atoi(segs[1]); err != nil || db < 0 {
			return Options{}, fmt.Errorf("database %q is not a number", segs[1])
		}
	}
	v, err := url.ParseQuery(query)
	if err != nil {
		return Options{}, fmt.Errorf("options: %v", err)
	}
	sentinelUser, sentinelPass := v.Get("sentinel_username"), v.Get("sentinel_password")
	v.Del("sentinel_username")
	v.Del("sentinel_password")
	for _, k := range []string{"master_name", "username", "password", "addr", "db"} {
		if v.Has(k) {
			return Options{}, fmt.Errorf("option %s: give it in the URL's %s instead", k, map[string]string{
				"master_name": "path", "username": "user information", "password": "user information", "addr": "host list", "db": "path",
			}[k])
		}
	}
	v.Set("master_name", master)
	for _, h := range hosts[1:] {
		v.Add("addr", h)
	}
	scheme := "redis"
	if tlsOn {
		scheme = "rediss"
	}
	u := scheme + "://" + hosts[0] + "/" + strconv.Itoa(db) + "?" + v.Encode()
	opt, err := redis.ParseFailoverURL(u)
	if err != nil {
		return Options{}, clean(err, u)
	}
	if err := checkTLS(opt.TLSConfig); err != nil {
		return Options{}, err
	}
	if userinfo != "" {
		ui, err := url.Parse("redis://" + userinfo + "@x")
		if err != nil || ui.User == nil {
			return Options{}, fmt.Errorf("the user information (user:password@) is not valid: percent-encode special characters")
		}
		opt.Username = ui.User.Username()
		opt.Password, _ = ui.User.Password()
	}
	opt.SentinelUsername, opt.SentinelPassword = sentinelUser, sentinelPass
	opt.Protocol = protocol(opt.Protocol)
	return Options{Kind: Sentinel, Failover: opt}, nil
}

// protocol is the RESP version to speak: the URL's protocol option, or 2
// when it gives none (0).
func protocol(fromURL int) int {
	if fromURL == 0 {
		return 2
	}
	return fromURL
}

func checkTLS(c *tls.Config) error {
	if c != nil && c.InsecureSkipVerify {
		return ErrSkipVerify
	}
	return nil
}

// clean returns go-redis's error without the URL's user information.
func clean(err error, u string) error {
	msg := strings.TrimPrefix(err.Error(), "redis: ")
	if _, rest, ok := strings.Cut(u, "//"); ok {
		authority, _, _ := strings.Cut(rest, "/")
		if at := strings.LastIndex(authority, "@"); at > 0 {
			msg = strings.ReplaceAll(msg, authority[:at], "***")
			if _, pw, ok := strings.Cut(authority[:at], ":"); ok && len(pw) >= 3 {
				msg = strings.ReplaceAll(msg, pw, "***")
			}
		}
	}
	return errors.New(msg)
}
