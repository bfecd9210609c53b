package storage

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"journal/journal"
)

// These tests run the test binary itself as the competing processes: with
// JOURNAL_STORAGE_HELPER=role it runs runHelper instead of the tests.
const helperEnv = "JOURNAL_STORAGE_HELPER"

// runHelper is one helper process. The journal is $JOURNAL_HELPER_DB;
// failures go to stderr with exit 1.
//
//	create   open (creating) the journal and save one entry
//	writer   print "ready" once open, then save entries "TAGw1", "TAGw2", …
//	         until killed, printing "ack N" once entry N is committed
//	mixed    250 writes ($JOURNAL_HELPER_WRITES, a multiple of 5): every
//	         fifth adds 0.25 drinks to 2026-11-25, the others add a note or
//	         a craving
func runHelper(role string) int {
	ctx := context.Background()
	path := os.Getenv("JOURNAL_HELPER_DB")
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// JOURNAL_HELPER_PASS opens an encrypted journal with that passphrase.
	var u Unlock
	if pass := os.Getenv("JOURNAL_HELPER_PASS"); pass != "" {
		u.Passphrase = func(context.Context, bool) (string, error) { return pass, nil }
	}
	s, err := OpenWith(ctx, path, time.Now, u)
	if err != nil {
		return fail(err)
	}
	defer s.Close()
	note := func(body string) error {
		e := journal.Entry{Kind: journal.KindNote, OccurredAt: time.Now(), Body: body}
		return s.AddEntry(ctx, &e)
	}
	switch role {
	case "create":
		if err := note("created"); err != nil {
			return fail(err)
		}
	case "writer":
		fmt.Fprintln(os.Stdout, "ready")
		for i := 1; ; i++ {
			if err := note(os.Getenv("JOURNAL_HELPER_TAG") + "w" + strconv.Itoa(i)); err != nil {
				return fail(err)
			}
			fmt.Fprintf(os.Stdout, "ack %d\n", i)
		}
	case "mixed":
		day := journal.Date{Year: 2026, Month: 11, Day: 25}
		n := 250
		if v, err := strconv.Atoi(os.Getenv("JOURNAL_HELPER_WRITES")); err == nil {
			n = v
		}
		for i := 0; i < n; i++ {
			var err error
			switch i % 5 {
			case 0:
				_, err = s.SetDrinks(ctx, []journal.Date{day}, 0.25, true, "")
			case 1, 3:
				err = note("mixed")
			default:
				e := journal.Entry{Kind: journal.KindCraving, OccurredAt: time.Now(), Craving: &journal.Craving{Intensity: 4}}
				err = s.AddCraving(ctx, &e)
			}
			if err != nil {
				return fail(err)
			}
		}
	default:
		return fail(fmt.Errorf("unknown helper role %q", role))
	}
	return 0
}

func helper(t *testing.T, role, path string) *exec.Cmd {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), helperEnv+"="+role, "JOURNAL_HELPER_DB="+path)
	return c
}

// Eight commands starting at once on a journal that does not exist yet all
// succeed, every time, and all eight entries are in it.
func TestEightProcessesCreateOneJournal(t *testing.T) {
	dir := t.TempDir()
	for round := range 50 {
		path := filepath.Join(dir, fmt.Sprintf("r%d", round), "journal.db")
		var wg sync.WaitGroup
		errs := make([]error, 8)
		outs := make([][]byte, 8)
		for i := range 8 {
			wg.Go(func() {
				outs[i], errs[i] = helper(t, "create", path).CombinedOutput()
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d: process %d failed: %v: %s", round, i, err, outs[i])
			}
		}
		s, err := Open(context.Background(), path, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		s.db.QueryRow("SELECT count(*) FROM entries WHERE body = 'created'").Scan(&n)
		s.Close()
		if n != 8 {
			t.Fatalf("round %d: %d entries saved, want 8", round, n)
		}
	}
}

// A writer killed at a random moment, 200 times over, never damages the
// journal and never loses an entry it had reported saved.
func TestKilledWriterLosesNothingAcknowledged(t *testing.T) {
	killWriter(t, filepath.Join(t.TempDir(), "journal.db"), "", 200)
}

// killWriter kills a writer of the journal at path (encrypted with pass,
// when given) rounds times, then checks it whole with every acknowledged
// entry in it.
func killWriter(t *testing.T, path, pass string, rounds int) {
	acked := map[string]bool{}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range rounds {
		c := helper(t, "writer", path)
		tag := fmt.Sprintf("r%d-", round)
		c.Env = append(c.Env, "JOURNAL_HELPER_TAG="+tag, "JOURNAL_HELPER_PASS="+pass)
		out, err := c.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		var lines []string
		ready, done := make(chan struct{}), make(chan struct{})
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if sc.Text() == "ready" {
					close(ready)
				}
				lines = append(lines, sc.Text())
			}
			close(done)
		}()
		// Most kills land among the writes; some while the journal is
		// still being opened (and, in the first round, created).
		if rng.IntN(10) > 0 {
			select {
			case <-ready:
			case <-done:
			}
		}
		if pass != "" {
			// A save of an encrypted journal takes a few milliseconds:
			// spread the kills over several of them.
			time.Sleep(time.Duration(rng.IntN(40000)) * time.Microsecond)
		} else {
			time.Sleep(time.Duration(rng.IntN(10000)) * time.Microsecond)
		}
		c.Process.Kill()
		<-done
		c.Wait()
		if pass != "" {
			// After every kill the file decrypts whole, with its
			// passphrase, and SQLite finds it intact.
			s, err := OpenWith(context.Background(), path, fixedNow, testUnlock(pass))
			if err != nil {
				t.Fatalf("round %d: after the kill: %v", round, err)
			}
			var res string
			if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
				t.Fatalf("round %d: integrity_check = %q, %v", round, res, err)
			}
			s.Close()
		}
		for _, l := range lines {
			var n int
			if _, err := fmt.Sscanf(l, "ack %d", &n); err == nil {
				acked[fmt.Sprintf("%sw%d", tag, n)] = true
			}
		}
	}
	s, err := OpenWith(context.Background(), path, fixedNow, testUnlock(pass))
	if err != nil {
		t.Fatalf("after the kills: %v", err)
	}
	defer s.Close()
	var res string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	// The search index matches the entries it indexes.
	if _, err := s.db.Exec("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("search index check: %v", err)
	}
	for body := range acked {
		var n int
		s.db.QueryRow("SELECT count(*) FROM entries WHERE body = ?", body).Scan(&n)
		if n == 0 {
			t.Errorf("entry %q was acknowledged but is not in the journal", body)
		}
	}
	if len(acked) == 0 {
		t.Error("no write was ever acknowledged: the kills came too early to test anything")
	}
}

// Four processes making 250 mixed writes each on the same day lose nothing:
// the day's drinks, added 0.25 at a time, sum exactly.
func TestParallelMixedWritersLoseNothing(t *testing.T) {
	parallelWriters(t, filepath.Join(t.TempDir(), "journal.db"), "", 4, 250)
}

// parallelWriters runs procs processes of n mixed writes each on the
// journal at path (encrypted with pass, when given) and checks every write
// is in it.
func parallelWriters(t *testing.T, path, pass string, procs, n int) {
	var wg sync.WaitGroup
	errs := make([]error, procs)
	outs := make([][]byte, procs)
	for i := range procs {
		wg.Go(func() {
			c := helper(t, "mixed", path)
			c.Env = append(c.Env, "JOURNAL_HELPER_PASS="+pass, fmt.Sprintf("JOURNAL_HELPER_WRITES=%d", n))
			outs[i], errs[i] = c.CombinedOutput()
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("process %d failed: %v: %s", i, err, outs[i])
		}
	}
	s, err := OpenWith(context.Background(), path, fixedNow, testUnlock(pass))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.DrinkDay(context.Background(), journal.Date{Year: 2026, Month: 11, Day: 25})
	if err != nil {
		t.Fatal(err)
	}
	// Each process makes n/5 additions of 0.25.
	if want := float64(procs*n/5) * 0.25; d.StandardDrinks != want {
		t.Errorf("drinks on the day = %v, want %v", d.StandardDrinks, want)
	}
	var notes, cravings int
	s.db.QueryRow("SELECT count(*) FROM entries WHERE body = 'mixed'").Scan(&notes)
	s.db.QueryRow("SELECT count(*) FROM entries WHERE kind = 'craving'").Scan(&cravings)
	if want := procs * n * 2 / 5; notes != want || cravings != want {
		t.Errorf("notes = %d, cravings = %d, want %d each", notes, cravings, want)
	}
}
