package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// ConvertDrinkSize rewrites every recorded day's total from drinks of
// fromGrams to drinks of toGrams, so each day keeps the grams of alcohol
// it was recorded with when the size of a standard drink changes. then
// runs inside the same transaction (it saves the new size): if it fails,
// no day changes. Totals keep full precision, so a day at exactly the
// heavy-day level stays there; a positive total never drops below
// journal.MinDrinks. It returns how many days hold alcohol and were
// converted; updated_at is left alone, since what was recorded is unchanged.
func (s *Store) ConvertDrinkSize(ctx context.Context, fromGrams, toGrams float64, then func() error) (int, error) {
	if fromGrams <= 0 || toGrams <= 0 {
		return 0, fmt.Errorf("convert drink size: sizes must be positive, got %v and %v", fromGrams, toGrams)
	}
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if fromGrams != toGrams {
			res, err := tx.ExecContext(ctx, `UPDATE drink_days
				SET standard_drinks = max(0.01, standard_drinks * ? / ?) WHERE standard_drinks > 0`, fromGrams, toGrams)
			if err != nil {
				return fmt.Errorf("convert drinking days: %w", err)
			}
			if n, err = res.RowsAffected(); err != nil {
				return err
			}
		}
		return then()
	})
	return int(n), err
}
