package keys_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/store"
)

// Data stored before pseudonyms (keys and index members named by the
// platform id) moves to pseudonymous keys, readable as before, and the
// platform id is then nowhere in key names or index members. Running the
// migration again changes nothing.
func TestMigrateLegacyKeys(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	s := mustSealer(t, randomKey())
	const patient = "tg:555123456"
	old := prefix + ":p:{" + patient + "}:"
	if err := c.Set(ctx, old+"s", append([]byte("7|"), s.Seal([]byte("state"), []byte(old+"s"))...), 0).Err(); err != nil {
		t.Fatal(err)
	}
	c.RPush(ctx, old+"r", s.Seal([]byte("record 1"), []byte(old+"r")), s.Seal([]byte("record 2"), []byte(old+"r")))
	c.RPush(ctx, old+"o", s.Seal([]byte("job"), []byte(old+"o")))
	c.ZAdd(ctx, old+"i", redisZ(1, "abcdef"))
	for _, k := range []string{"s", "r", "o", "i"} {
		c.PExpire(ctx, old+k, time.Hour)
	}
	c.ZAdd(ctx, prefix+":patients", redisZ(float64(time.Now().UnixMilli()), patient))
	c.SAdd(ctx, prefix+":pending", patient)
	sum := sha256.Sum256([]byte(patient))
	c.SAdd(ctx, prefix+":{ref}:p:"+hex.EncodeToString(sum[:8]), "ref1")

	st := store.New(c, prefix, s)
	rep, err := keys.Migrate(ctx, c, prefix, st)
	if err != nil || rep.Patients != 1 || rep.Unreadable != 0 {
		t.Fatalf("Migrate: %+v, %v", rep, err)
	}
	sess, err := st.Load(ctx, patient)
	if sess.Version != 7 {
		all, _ := redistest.Keys(ctx, c, prefix+"*")
		t.Logf("keys: %q", all)
	}
	if err != nil || sess.Version != 7 || string(sess.Data) != "state" {
		t.Fatalf("session after migration: %+v, %v", sess, err)
	}
	recs, err := st.Records(ctx, patient)
	if err != nil || len(recs) != 2 || string(recs[1]) != "record 2" {
		t.Fatalf("records after migration: %q, %v", recs, err)
	}
	if ps, err := st.Pending(ctx); err != nil || len(ps) != 1 || ps[0] != patient {
		t.Fatalf("pending after migration: %q, %v", ps, err)
	}
	if ps, err := st.Patients(ctx); err != nil || len(ps) != 1 || ps[0] != patient {
		t.Fatalf("patients after migration: %q, %v", ps, err)
	}
	if n, _ := c.SCard(ctx, prefix+":{ref}:p:"+referral.PatientHash(patient)).Result(); n != 1 {
		t.Fatal("referral index not moved")
	}
	assertNoRawID(t, c, prefix, "555123456")
	ks, _ := redistest.Keys(ctx, c, prefix+":u:*:s")
	if ttl, _ := c.PTTL(ctx, ks[0]).Result(); ttl <= 0 {
		t.Errorf("expiry lost: %v", ttl)
	}
	// A redelivered inbound id applied before the migration (legacy hash)
	// is still a duplicate.
	legacy := sha256.Sum256([]byte("tg:m:555123456:42"))
	c.ZAdd(ctx, ks[0][:len(ks[0])-1]+"i", redisZ(2, string(legacy[:6])))
	out, err := st.Commit(ctx, patient, store.Commit{InboundID: "tg:m:555123456:42", Expect: 7, Data: []byte("x")})
	if err != nil || !out.Duplicate {
		t.Fatalf("legacy inbound id: %+v, %v", out, err)
	}
	if rep, err := keys.Migrate(ctx, c, prefix, st); err != nil || rep.Patients != 0 {
		t.Fatalf("second Migrate: %+v, %v", rep, err)
	}
}

// assertNoRawID fails when a key name or a member of a set or sorted set
// under prefix holds id.
func assertNoRawID(t *testing.T, c redisClient, prefix, id string) {
	t.Helper()
	ctx := context.Background()
	ks, err := redistest.Keys(ctx, c, prefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		if strings.Contains(k, id) {
			t.Errorf("key name %q holds the platform id", k)
		}
		var members []string
		switch c.Type(ctx, k).Val() {
		case "set":
			members = c.SMembers(ctx, k).Val()
		case "zset":
			members = c.ZRange(ctx, k, 0, -1).Val()
		}
		for _, m := range members {
			if strings.Contains(m, id) {
				t.Errorf("%s has member %q with the platform id", k, m)
			}
		}
	}
}
