package store

import (
	"context"
	"strconv"
)

// Records returns the patient's history records, decrypted, oldest first
// (none when there are none). It returns ErrNoPatient, an error wrapping
// seal.ErrDecrypt, or a wrapped Redis error.
func (s *Store) Records(ctx context.Context, patient string) ([][]byte, error) {
	if patient == "" {
		return nil, ErrNoPatient
	}
	return s.list(ctx, "records", s.keys(patient).records)
}

// Patients returns every patient with stored data, least recently active
// first. Patients inactive for longer than the retention period, whose data
// has expired, are dropped from the index first. It returns a wrapped Redis
// error.
func (s *Store) Patients(ctx context.Context) ([]string, error) {
	if s.retention > 0 {
		oldest := s.now().Add(-s.retention).UnixMilli()
		err := s.rdb.ZRemRangeByScore(ctx, s.patientsKey(), "-inf", "("+strconv.FormatInt(oldest, 10)).Err()
		if err != nil {
			return nil, redisErr("prune patients", err)
		}
	}
	ps, err := s.rdb.ZRange(ctx, s.patientsKey(), 0, -1).Result()
	if err != nil {
		return nil, redisErr("patients", err)
	}
	return ps, nil
}

// Erase deletes everything stored about the patient: session, remembered
// inbound ids, outbox, history, and the index entries (for /forget). Erasing
// a patient with no data is not an error. It returns ErrNoPatient or a
// wrapped Redis error.
func (s *Store) Erase(ctx context.Context, patient string) error {
	if patient == "" {
		return ErrNoPatient
	}
	pipe := s.rdb.Pipeline()
	pipe.Del(ctx, s.keys(patient).all()...) // one slot: the keys share a hash tag
	pipe.ZRem(ctx, s.patientsKey(), patient)
	s.indexed.Delete(patient)
	pipe.SRem(ctx, s.pendingKey(), patient)
	_, err := pipe.Exec(ctx)
	return redisErr("erase", err)
}
