package storage

import (
	"fmt"
	"os"

	"modernc.org/sqlite"
)

func init() {
	if os.Getenv("JOURNAL_TRACE_TMP") == "" {
		return
	}
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, dsn string) error {
		fmt.Fprintln(os.Stderr, "CONN", dsn)
		return c.(sqlite.AuthorizerRegisterer).RegisterAuthorizer(func(a sqlite.AuthorizerActionCode, a1, a2, db, trig string) sqlite.AuthorizerReturnCode {
			if a != sqlite.AuthRead && a != sqlite.AuthFunction && trig == "" && a != sqlite.AuthRecursive {
				fmt.Fprintln(os.Stderr, "  AUTH", int(a), a1, a2)
			}
			return 0
		})
	})
}
