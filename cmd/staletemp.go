package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"time"
)

// staleTempAge is how old a temporary file of ours must be before it is
// taken for one left by an export that was killed: no export runs this long.
const staleTempAge = 10 * time.Minute

// ourTemp matches the temporary files writeFileAtomic makes: ".NAME.tmp-"
// and the digits os.CreateTemp puts for its "*".
var ourTemp = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\..+\.tmp-[0-9]+$`) })

// removeStaleTemps removes, from dir, temporary files left by an export
// killed between writing and renaming: they can hold a whole export,
// private entries included. Only files that can be nothing but ours go:
// our name pattern, a regular file of this user with mode 0600 (as
// writeFileAtomic sets it), last written more than staleTempAge before now.
// Failures are ignored: this is tidying, never a reason to stop an export.
func removeStaleTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !ourTemp().MatchString(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.Mode().Perm() != 0o600 || now.Sub(fi.ModTime()) < staleTempAge {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}
