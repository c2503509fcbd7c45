package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/discord"
	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/redisconn"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// Config is every setting, read from the environment. Flags override some.
type Config struct {
	RedisURL       string // REDIS_URL; "" = embedded (demo and chat only)
	Prefix         string // KAPBOT_PREFIX, default "kapbot"
	DataKey        string // KAPBOT_DATA_KEY: base64 or hex of 32 bytes
	PreviousKeys   string // KAPBOT_DATA_KEY_PREVIOUS: older data keys, comma-separated, that still open data
	IDKey          string // KAPBOT_ID_KEY: key of the patients' pseudonyms; unset: generated once, kept sealed in Redis
	KeyFile        string // KAPBOT_KEY_FILE: where a generated key is kept when KAPBOT_DATA_KEY is unset
	LogLevel       string // KAPBOT_LOG_LEVEL: debug, info, warn, error
	Listen         string // KAPBOT_LISTEN: address of /healthz, /readyz, /metrics (default :8080)
	TelegramToken  string // TELEGRAM_TOKEN
	TelegramAPIURL string // TELEGRAM_API_URL
	TelegramHook   string // TELEGRAM_WEBHOOK_URL
	TelegramSecret string // TELEGRAM_WEBHOOK_SECRET
	DiscordToken   string // DISCORD_TOKEN
	DiscordAPIURL  string // DISCORD_API_URL
	DiscordGuild   string // DISCORD_GUILD_ID
	Clinic         string // the clinic of a deployment these settings are for (--clinic, KAPBOT_CLINICS); "" for none
	// DiscordCommands are the slash commands of the flows' `command:`; serve
	// sets them from the current flows before it builds the channels.
	DiscordCommands []discord.FlowCommand

	deployment *deployment // KAPBOT_CLINICS, when set
	entry      clinicEntry // Clinic's entry in it
}

func configFromEnv() Config { return configFrom(os.Getenv) }

// configFrom reads the settings with getenv: os.Getenv, or a clinic's
// (Config.env).
func configFrom(getenv func(string) string) Config {
	envOr := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	c := Config{
		RedisURL:       getenv("REDIS_URL"),
		Prefix:         envOr("KAPBOT_PREFIX", "kapbot"),
		DataKey:        getenv("KAPBOT_DATA_KEY"),
		PreviousKeys:   getenv("KAPBOT_DATA_KEY_PREVIOUS"),
		IDKey:          getenv("KAPBOT_ID_KEY"),
		KeyFile:        getenv("KAPBOT_KEY_FILE"),
		LogLevel:       envOr("KAPBOT_LOG_LEVEL", "info"),
		Listen:         envOr("KAPBOT_LISTEN", ":8080"),
		TelegramToken:  getenv("TELEGRAM_TOKEN"),
		TelegramAPIURL: getenv("TELEGRAM_API_URL"),
		TelegramHook:   getenv("TELEGRAM_WEBHOOK_URL"),
		TelegramSecret: getenv("TELEGRAM_WEBHOOK_SECRET"),
		DiscordToken:   getenv("DISCORD_TOKEN"),
		DiscordAPIURL:  getenv("DISCORD_API_URL"),
		DiscordGuild:   getenv("DISCORD_GUILD_ID"),
	}
	if c.KeyFile == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			dir = "."
		}
		c.KeyFile = filepath.Join(dir, "kapbot", "data.key")
	}
	return c
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// usageError is a mistake in flags or settings: one line, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func (c Config) logger(stderr *os.File) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, usagef("KAPBOT_LOG_LEVEL=%q: use debug, info, warn or error", c.LogLevel)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl}))
	redisconn.LogTo(log)
	return log, nil
}

// backend is an open store with what it runs on.
type backend struct {
	client   redis.UniversalClient
	store    *store.Store
	sealer   *seal.Sealer
	namer    *pseudo.Namer
	prefix   string
	embedded *miniredis.Miniredis
	cfg      Config // the settings it was opened with (a clinic's own: getenv)
}

// getenv reads a setting of the backend's clinic (Config.env).
func (b *backend) getenv(key string) string { return b.cfg.env(key) }

func (b *backend) Close() {
	b.client.Close()
	if b.embedded != nil {
		b.embedded.Close()
	}
}

// open connects to REDIS_URL, or starts an embedded Redis when allowEmbedded
// and no REDIS_URL is set (saying so on stderr). throwawayKey makes a random
// data key when none is configured (the embedded store dies with the process).
func (c Config) open(ctx context.Context, allowEmbedded bool, note func(string)) (*backend, error) {
	b := &backend{}
	var addrs []string // where REDIS_URL points, for errors
	switch {
	case c.RedisURL != "":
		opt, err := redisconn.Parse(c.RedisURL)
		if errors.Is(err, redisconn.ErrSkipVerify) {
			return nil, usagef("REDIS_URL: %v", err)
		}
		if err != nil {
			msg := redactURL(err.Error(), c.RedisURL)
			if !strings.Contains(msg, redisconn.Usage) {
				msg += " (expected " + redisconn.Usage + ")"
			}
			return nil, usagef("REDIS_URL: %s", msg)
		}
		b.client, addrs = opt.Client(), opt.Addrs()
	case allowEmbedded:
		m, err := miniredis.Run()
		if err != nil {
			return nil, fmt.Errorf("start embedded Redis: %w", err)
		}
		b.embedded = m
		b.client = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{m.Addr()}})
		note("REDIS_URL is not set: using an embedded in-memory Redis; nothing is kept after this run.")
	default:
		return nil, usagef("REDIS_URL is not set: point it at your Redis, e.g. REDIS_URL=redis://localhost:6379/0")
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := b.client.Ping(pctx).Err(); err != nil {
		b.Close()
		return nil, fmt.Errorf("cannot reach Redis at REDIS_URL: %s (check that Redis runs at %s and that REDIS_URL's scheme fits it: redis+cluster:// for a cluster, redis+sentinel://.../mastername for Sentinel)", redactURL(err.Error(), c.RedisURL), strings.Join(addrs, ", "))
	}
	s, err := c.sealer(b.embedded != nil, func(m string) { note(c.ownSettings(m)) })
	if err != nil {
		b.Close()
		return nil, c.ownSettingsIn(err)
	}
	var idKey []byte
	if c.IDKey != "" {
		if idKey, err = seal.ParseKey(c.IDKey); err != nil {
			b.Close()
			return nil, usageError{strings.Replace(err.Error(), "KAPBOT_DATA_KEY", "KAPBOT_ID_KEY", 1)}
		}
	}
	// Refuse data sealed with a key we do not have before anything is
	// written (the pseudonym key is created on first use).
	if _, err := keys.Check(pctx, b.client, c.Prefix, s, 64); err != nil {
		b.Close()
		return nil, c.ownSettingsIn(err)
	}
	namer, err := pseudo.Load(pctx, b.client, c.Prefix, s, idKey)
	if err != nil {
		b.Close()
		return nil, err
	}
	pseudo.SetDefault(namer) // log lines and the audit log name patients with it
	b.store = store.New(b.client, c.Prefix, s, store.WithNamer(namer))
	b.sealer, b.prefix, b.namer, b.cfg = s, c.Prefix, namer, c
	return b, nil
}

// ownSettings names, in a message about the data key, a deployment's clinic's
// own settings (KAPBOT_DATA_KEY_BERLIN for KAPBOT_DATA_KEY), which are what
// its operator sets; without a clinic it returns msg.
func (c Config) ownSettings(msg string) string {
	if c.Clinic == "" {
		return msg
	}
	sfx := "_" + envSuffix(c.Clinic)
	return strings.NewReplacer("KAPBOT_DATA_KEY_PREVIOUS", "KAPBOT_DATA_KEY_PREVIOUS"+sfx,
		"KAPBOT_DATA_KEY", "KAPBOT_DATA_KEY"+sfx, "KAPBOT_KEY_FILE", "KAPBOT_KEY_FILE"+sfx).Replace(msg)
}

// ownSettingsIn is ownSettings for an error; it stays a usage error when it
// was one and otherwise wraps err.
func (c Config) ownSettingsIn(err error) error {
	var ue usageError
	switch {
	case c.Clinic == "":
		return err
	case errors.As(err, &ue):
		return usageError{c.ownSettings(ue.msg)}
	}
	return renamedError{c.ownSettings(err.Error()), err}
}

// renamedError is an error with the settings in its message renamed.
type renamedError struct {
	msg string
	err error
}

func (e renamedError) Error() string { return e.msg }
func (e renamedError) Unwrap() error { return e.err }

// sealer returns the data key's sealer: KAPBOT_DATA_KEY, else the key file
// (created on first use), else, for an embedded store, a throwaway key.
func (c Config) sealer(throwaway bool, note func(string)) (*seal.Sealer, error) {
	var previous [][]byte
	if strings.TrimSpace(c.PreviousKeys) != "" {
		for i, p := range strings.Split(c.PreviousKeys, ",") {
			k, err := seal.ParsePreviousKey(p)
			if err != nil {
				return nil, usagef("KAPBOT_DATA_KEY_PREVIOUS: key %d: %v", i+1, err)
			}
			previous = append(previous, k)
		}
	}
	if c.DataKey != "" {
		key, err := seal.ParseKey(c.DataKey)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		return seal.New(key, previous...)
	}
	if throwaway {
		return seal.NewRandom(), nil
	}
	data, err := os.ReadFile(c.KeyFile)
	if errors.Is(err, os.ErrNotExist) {
		raw, key := seal.GenerateKey()
		s, err := seal.New(raw)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(c.KeyFile), 0o700); err != nil {
			return nil, fmt.Errorf("KAPBOT_DATA_KEY is not set and the key file cannot be created: %w", err)
		}
		if err := os.WriteFile(c.KeyFile, []byte(key+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("KAPBOT_DATA_KEY is not set and the key file cannot be written: %w", err)
		}
		note(fmt.Sprintf("KAPBOT_DATA_KEY is not set: generated a data key in %s (mode 0600). In production set KAPBOT_DATA_KEY from your secret store.", c.KeyFile))
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("KAPBOT_DATA_KEY is not set and the key file %s cannot be read: %w", c.KeyFile, err)
	}
	if fi, err := os.Stat(c.KeyFile); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, usagef("key file %s (KAPBOT_KEY_FILE) can be read by other users (mode %04o): run chmod 600 %s", c.KeyFile, fi.Mode().Perm(), c.KeyFile)
	}
	key, err := seal.ParseKeyFile(strings.TrimSpace(string(data)))
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", c.KeyFile, err)
	}
	return seal.New(key, previous...)
}

// redactURL removes from msg the credentials of a Redis URL that an error
// may have quoted, also when the URL does not parse: the user information
// (between "//" and the last "@" before the host) and anything that looks
// like the password.
func redactURL(msg, raw string) string {
	if raw == "" {
		return msg
	}
	var secrets []string
	if opt, err := redis.ParseURL(raw); err == nil && opt.Password != "" {
		secrets = append(secrets, opt.Password)
	}
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			secrets = append(secrets, p)
		}
		secrets = append(secrets, u.User.String())
	}
	if _, rest, ok := strings.Cut(raw, "//"); ok {
		if at := strings.LastIndex(rest, "@"); at > 0 {
			userinfo := rest[:at]
			secrets = append(secrets, userinfo)
			if _, pw, ok := strings.Cut(userinfo, ":"); ok && pw != "" {
				secrets = append(secrets, pw)
			}
		}
	}
	for _, s := range secrets {
		if len(s) >= 3 {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	return msg
}
