package keys

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/store"
)

// MigrateReport counts what Migrate did.
type MigrateReport struct {
	Patients   int // patients moved to pseudonymous keys
	Unreadable int // patients left as they were: their data does not open
}

// renameSet moves a set to a new name, merging into a set already there.
var renameSet = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('SUNIONSTORE', KEYS[2], KEYS[2], KEYS[1])
  redis.call('DEL', KEYS[1])
else
  redis.call('RENAME', KEYS[1], KEYS[2])
end
return 1
`)

// Migrate moves the data of every patient still named by their platform id
// in Redis (kapbot before pseudonyms) to keys named by their pseudonym
// (store.MigrateLegacy), and renames each patient's referral index from
// the unkeyed hash of the id to the pseudonym. It is idempotent and
// resumable: a patient already moved is not found again, and one cut short
// is finished by the next run. serve runs it at start, before any channel;
// `kapbot keys migrate` runs it by hand. Patients whose data does not open
// are counted and left alone. Errors are wrapped Redis errors.
func Migrate(ctx context.Context, c redis.UniversalClient, prefix string, st *store.Store) (MigrateReport, error) {
	var rep MigrateReport
	patients, err := st.LegacyPatients(ctx)
	if err != nil {
		return rep, err
	}
	for _, p := range patients {
		err := st.MigrateLegacy(ctx, p)
		if errors.Is(err, store.ErrLegacyUnreadable) {
			rep.Unreadable++
			continue
		}
		if err != nil {
			return rep, err
		}
		sum := sha256.Sum256([]byte(p))
		from := prefix + ":{ref}:p:" + hex.EncodeToString(sum[:8])
		to := prefix + ":{ref}:p:" + referral.PatientHash(p)
		if err := renameSet.Run(ctx, c, []string{from, to}).Err(); err != nil {
			return rep, fmt.Errorf("migrate referral index: %w", err)
		}
		rep.Patients++
	}
	return rep, nil
}
