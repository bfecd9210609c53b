package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"journal/storage"
)

// ptyRun is the real program on a pseudo-terminal that never answers a
// terminal query: keys are written to it, its screen is read back.
type ptyRun struct {
	t   *testing.T
	cmd *exec.Cmd
	tty *os.File
	mu  sync.Mutex
	// settled: the program has had time to put the terminal in raw mode,
	// which throws away keys typed before it.
	settled bool
	exited  time.Time // when the program ended
	out     bytes.Buffer
	done    chan struct{}
}

func startPty(t *testing.T, env []string, args ...string) *ptyRun {
	t.Helper()
	bin, err := exec.LookPath("journal")
	if err != nil {
		t.Skip("the journal command is not on PATH here")
	}
	c := exec.Command(bin, args...)
	c.Env = append(os.Environ(), env...)
	tty, err := pty.StartWithSize(c, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	r := &ptyRun{t: t, cmd: c, tty: tty, done: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				close(r.done)
				return
			}
		}
	}()
	t.Cleanup(func() { _ = c.Process.Kill(); tty.Close() })
	return r
}

func (r *ptyRun) screen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor waits until the screen shows want.
func (r *ptyRun) waitFor(want string) {
	r.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(r.screen(), want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.t.Fatalf("the screen never showed %q:\n%q", want, r.screen())
}

// keys types s, a little at a time as a person would.
func (r *ptyRun) keys(s string) {
	r.t.Helper()
	if !r.settled {
		// The form is up once its first question is drawn (a prompt "> ",
		// or the keys' help line); raw mode is on by then.
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if s := r.screen(); strings.Contains(s, "> ") || strings.Contains(s, "esc stop") {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
		r.settled = true
	}
	if _, err := r.tty.WriteString(s); err != nil {
		r.t.Fatal(err)
	}
	time.Sleep(80 * time.Millisecond)
}

// wait returns the exit code.
func (r *ptyRun) wait() int {
	r.t.Helper()
	ch := make(chan error, 1)
	go func() { ch <- r.cmd.Wait() }()
	select {
	case <-ch:
		r.exited = time.Now()
	case <-time.After(20 * time.Second):
		r.t.Fatalf("the program did not end:\n%q", r.screen())
	}
	// Everything it wrote is read before the screen is looked at.
	select {
	case <-r.done:
	case <-time.After(2 * time.Second):
	}
	return r.cmd.ProcessState.ExitCode()
}

func ptyEnv(t *testing.T, now string) (string, []string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	return db, []string{"JOURNAL_DB=" + db, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"JOURNAL_NOW=" + now, "TZ=UTC", "TERM=xterm-256color", "NO_COLOR=1", "EDITOR=", "VISUAL="}
}

// A command that shows no screen asks the terminal nothing and does not
// wait for it, even on a terminal that never answers.
func TestHelpOnASilentTerminal(t *testing.T) {
	_, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	// The fastest of three runs: a shared machine can pause any one.
	var fastest time.Duration
	var r *ptyRun
	for i := range 3 {
		start := time.Now()
		r = startPty(t, env, "--help")
		if code := r.wait(); code != 0 {
			t.Fatalf("exit %d", code)
		}
		if d := r.exited.Sub(start); i == 0 || d < fastest {
			fastest = d
		}
	}
	if fastest > 100*time.Millisecond {
		t.Errorf("journal --help took %v on a silent terminal", fastest)
	}
	if s := r.screen(); strings.Contains(s, "\x1b") || !strings.Contains(s, "Usage:") {
		t.Errorf("help wrote an escape sequence or no usage:\n%q", s)
	}
}

// Issue case 1: a trigger over 80 characters is refused in the field, as
// the person leaves it, and the form stays open with what was typed.
func TestCravingLongTriggerRefusedInTheField(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "craving", "--json")
	r.keys("8\r")
	r.keys(strings.Repeat("x", 90) + "\r")
	// Shorten it: ctrl+u clears the line; then save now.
	r.keys("\x15stress\x13")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	if !strings.Contains(r.screen(), `"stress"`) {
		t.Errorf("the craving was not saved with its trigger:\n%q", r.screen())
	}
	if _, err := os.Stat(db + "-drafts/craving.json"); err == nil {
		t.Error("the draft is still there after saving")
	}
}

// Issue case 2: a check-in note over 500 characters is refused in the field.
func TestCheckinLongNoteRefusedInTheField(t *testing.T) {
	_, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "checkin")
	r.waitFor("Mood, 1 to 10?")
	r.keys("6\r\r\r\r")
	r.keys(strings.Repeat("a", 501) + "\r")
	// Refused in the field, the note is still there: one character less
	// fits.
	r.keys("\x7f\r")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor("Saved the check-in for today: mood 6.")
}

// Issue cases 4 and 9: in accessible mode ctrl+c keeps a draft and says
// so; the resumed craving keeps the time logging began, not when it was
// finished, and an empty line keeps each drafted answer.
func TestAccessibleCtrlCKeepsADraftAndTheTime(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, append(env, "JOURNAL_ACCESSIBLE=1"), "craving")
	r.keys("7\r")
	r.keys("rain\r")
	r.keys("\x03")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130:\n%q", code, r.screen())
	}
	r.waitFor("kept as a draft")
	if fi, err := os.Stat(db + "-drafts/craving.json"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("no private draft: %v", err)
	}

	_, env2 := ptyEnv(t, "2026-11-25T21:30:00Z")
	env2 = append(env2, "JOURNAL_DB="+db, "JOURNAL_ACCESSIBLE=1")
	r = startPty(t, env2, "craving", "--json")
	r.waitFor("You have an unfinished craving from Wed 25 Nov, 20:00.")
	r.keys("1\r")
	for range 11 {
		r.keys("\r")
	}
	r.keys("y\r") // the review
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	s := r.screen()
	i := strings.Index(s, "{")
	var e struct {
		OccurredAt time.Time `json:"occurred_at"`
		Craving    struct {
			Intensity int      `json:"intensity"`
			Triggers  []string `json:"triggers"`
		} `json:"craving"`
	}
	if i < 0 || json.NewDecoder(strings.NewReader(s[i:])).Decode(&e) != nil {
		t.Fatalf("no JSON:\n%q", s)
	}
	if e.Craving.Intensity != 7 || len(e.Craving.Triggers) != 1 || e.Craving.Triggers[0] != "rain" {
		t.Errorf("resumed craving %+v", e.Craving)
	}
	if want := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC); !e.OccurredAt.Equal(want) {
		t.Errorf("occurred at %v, want when logging began, %v", e.OccurredAt, want)
	}
	if _, err := os.Stat(db + "-drafts/craving.json"); err == nil {
		t.Error("the draft is still there after saving")
	}
}

// Issue case 6: the terminal closing (SIGHUP) or SIGTERM during a guided
// form keeps every answer in the draft.
func TestSignalDuringReflectKeepsTheDraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
			r := startPty(t, env, "reflect")
			r.waitFor("Step 1 of")
			r.keys("It was gentle")
			waitForFile(t, db+"-drafts/guide-reflection.json", "It was gentle")
			_ = r.cmd.Process.Signal(sig)
			code := r.wait()
			if code != 130 {
				t.Errorf("exit %d, want 130", code)
			}
			b, err := os.ReadFile(db + "-drafts/guide-reflection.json")
			if err != nil || !strings.Contains(string(b), "It was gentle") {
				t.Fatalf("the answer was not kept (%v): %s\n%q", err, b, r.screen())
			}
		})
	}
}

// Issue case 3: ctrl+s in a guided form saves now, keeping the paragraph
// being typed.
func TestGuideSaveNowKeepsTheText(t *testing.T) {
	_, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "reflect", "--json")
	r.waitFor("Step 1 of")
	r.keys("A whole paragraph about the week")
	r.keys("\x13")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor("A whole paragraph about the week")
}

// With neither $VISUAL nor $EDITOR set, journal write asks in a text box:
// enter starts a new line, tab is done, and the draft goes once saved.
func TestWriteWithoutAnEditorUsesATextBox(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "write", "--json")
	r.keys("First line\rsecond #calm")
	r.keys("\t")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor(`"body": "First line\nsecond #calm"`)
	if _, err := os.Stat(db + "-drafts/write.json"); err == nil {
		t.Error("the draft is still there after saving")
	}
}

// Issue case 7, for forms: while another program holds the journal's write
// lock past the busy timeout, a filled-in check-in is not thrown away: the
// failure names the draft, and the next run picks it up and saves it.
func TestCheckinFailedSaveKeepsTheDraft(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the journal's busy timeout")
	}
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "checkin", "--mood", "5", "--date", "yesterday")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	lock, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	conn, err := lock.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	r = startPty(t, env, "checkin")
	r.keys("7") // mood 7
	// Another program takes the write lock while the person types.
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	r.keys("\x13") // save now
	if code := r.wait(); code != 1 {
		t.Fatalf("exit %d, want 1:\n%q", code, r.screen())
	}
	r.waitFor("kept as a draft in " + db + "-drafts/checkin-2026-11-25.json")
	if _, err := conn.ExecContext(t.Context(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	r = startPty(t, env, "checkin")
	r.keys("1\r") // pick the draft up
	time.Sleep(500 * time.Millisecond)
	r.keys("\x13")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor("Saved the check-in for today: mood 7.")
}

// Signals reach the huh-drawn forms too: a closed terminal or a SIGTERM
// during the craving form keeps the intensity typed, with the time
// logging began.
func TestSignalDuringCravingKeepsTheDraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
			r := startPty(t, env, "craving")
			r.keys("7\r")
			r.keys("after work")
			// The draft follows the typing: once it holds the words, the
			// signal comes.
			waitForFile(t, db+"-drafts/craving.json", "after work")
			_ = r.cmd.Process.Signal(sig)
			if code := r.wait(); code != 130 {
				t.Errorf("exit %d, want 130", code)
			}
			b, err := os.ReadFile(db + "-drafts/craving.json")
			if err != nil || !strings.Contains(string(b), `"Intensity":"7"`) || !strings.Contains(string(b), `"Triggers":"after work"`) ||
				!strings.Contains(string(b), `"began":"2026-11-25T20:00:00Z"`) {
				t.Fatalf("the answers were not kept (%v): %s", err, b)
			}
		})
	}
}

// Issue case 4 for a guided set: in accessible mode ctrl+c keeps a draft of
// the answers given, and says how to pick it up.
func TestAccessibleIntentionCtrlCKeepsADraft(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, append(env, "JOURNAL_ACCESSIBLE=1"), "intention")
	r.keys("To rest\r.\r")
	r.keys("\x03")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130:\n%q", code, r.screen())
	}
	r.waitFor("run journal intention to pick them up")
	b, err := os.ReadFile(db + "-drafts/guide-intention.json")
	if err != nil || !strings.Contains(string(b), "To rest") {
		t.Fatalf("no draft (%v): %s", err, b)
	}
}

// waitForFile waits until the file holds want.
func waitForFile(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never held %q", path, want)
}

// In accessible mode, a long answer still being typed (no closing ".")
// is kept in the draft when the person leaves with ctrl+c, and ctrl+\
// (SIGQUIT) leaves the same way instead of printing a goroutine dump.
func TestAccessibleLeavingKeepsTheLinesSoFar(t *testing.T) {
	for name, key := range map[string]string{"ctrl+c": "\x03", "ctrl+backslash": "\x1c"} {
		t.Run(name, func(t *testing.T) {
			db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
			r := startPty(t, append(env, "JOURNAL_ACCESSIBLE=1"), "intention")
			r.keys("To rest\rand to call Sam\r")
			waitForFile(t, db+"-drafts/guide-intention.json", "call Sam")
			r.keys(key)
			if code := r.wait(); code != 130 {
				t.Fatalf("exit %d, want 130:\n%q", code, r.screen())
			}
			r.waitFor("run journal intention to pick them up")
			if strings.Contains(r.screen(), "goroutine") {
				t.Errorf("a goroutine dump on the screen:\n%s", r.screen())
			}
			b, err := os.ReadFile(db + "-drafts/guide-intention.json")
			if err != nil || !strings.Contains(string(b), `To rest\nand to call Sam`) {
				t.Fatalf("the lines are not in the draft (%v): %s", err, b)
			}
		})
	}
}

// ctrl+\ in a form on the keyboard leaves it as ctrl+c does: the draft is
// kept, exit 130, no goroutine dump.
func TestCtrlBackslashLeavesTheCravingForm(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "craving")
	r.keys("7\r")
	r.keys("after work")
	waitForFile(t, db+"-drafts/craving.json", "after work")
	r.keys("\x1c")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130:\n%s", code, r.screen())
	}
	r.waitFor("run journal craving to pick them up")
	if strings.Contains(r.screen(), "goroutine") {
		t.Errorf("a goroutine dump on the screen:\n%s", r.screen())
	}
}

// journal measure in accessible mode asks on the form engine's plain
// lines: an answer that does not fit is asked again, ctrl+c keeps a
// draft, and the next run picks it up, reads it back and saves it.
func TestAccessibleMeasureReasksAndKeepsADraft(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	env = append(env, "JOURNAL_ACCESSIBLE=1")
	r := startPty(t, env, "measure", "phq9")
	r.keys("1\r")
	r.keys("9\r")
	r.waitFor("9 is not an answer here: give a number from 0 (Not at all) to 3")
	r.keys("2\r")
	r.waitFor("3 of 9.")
	r.keys("\x03")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130:\n%q", code, r.screen())
	}
	r.waitFor("run journal measure phq9 to pick them up")
	waitForFile(t, db+"-drafts/measure-phq9.json", `"1","2"`)

	r = startPty(t, env, "measure", "phq9", "--json")
	r.waitFor("You have an unfinished PHQ-9 from Wed 25 Nov, 20:00.")
	r.keys("1\r")
	r.waitFor("1 of 9. Little interest or pleasure in doing things (now: 1  Several days)")
	r.keys("\r\r") // the two answers read back are kept
	for range 7 {
		r.keys("0\r")
	}
	r.waitFor("2. Feeling down, depressed, or hopeless (now: 2  More than half the days)")
	r.keys("y\r")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor(`"score": 3`)
	if _, err := os.Stat(db + "-drafts/measure-phq9.json"); err == nil {
		t.Error("the draft is still there after saving")
	}
}

// The purge question with nothing deleted is shown whole at 80 columns,
// its explanation beside it, and no answers no.
func TestPurgeNothingDeletedQuestionFits80Columns(t *testing.T) {
	_, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	r := startPty(t, env, "write", "hello")
	if code := r.wait(); code != 0 {
		t.Fatalf("write: exit %d:\n%q", code, r.screen())
	}
	r = startPty(t, env, "purge")
	r.waitFor("Nothing is deleted. Rewrite the journal anyway?")
	r.waitFor("Text you replaced with journal edit is then gone from the file.")
	time.Sleep(300 * time.Millisecond) // raw mode is on once the form is drawn
	r.settled = true
	r.keys("n")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	r.waitFor("Nothing was removed.")
	// A line ends at a line feed, or where the cursor goes back to its start.
	for _, l := range strings.FieldsFunc(ansi.Strip(r.screen()), func(c rune) bool { return c == '\n' || c == '\r' }) {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d columns: %q", w, l)
		}
	}
}

// The edit text box keeps one draft per entry: leaving the edit of entry
// 1 names "journal edit 1", editing entry 2 offers nothing, and editing
// entry 1 again offers its draft.
func TestEditTextBoxKeepsADraftPerEntry(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	for _, text := range []string{"first entry", "second entry"} {
		r := startPty(t, env, "write", text)
		if code := r.wait(); code != 0 {
			t.Fatalf("write: exit %d:\n%q", code, r.screen())
		}
	}
	r := startPty(t, env, "edit", "1")
	r.waitFor("first entry")
	r.keys(" and more")
	waitForFile(t, db+"-drafts/edit-1.json", "first entry and more")
	r.keys("\x03")
	if code := r.wait(); code != 130 {
		t.Fatalf("exit %d, want 130:\n%q", code, r.screen())
	}
	r.waitFor("run journal edit 1 to pick them up")

	r = startPty(t, env, "edit", "2")
	r.waitFor("second entry")
	r.keys("\x03")
	r.wait()
	if strings.Contains(r.screen(), "unfinished") {
		t.Errorf("entry 1's draft was offered for entry 2:\n%q", r.screen())
	}

	r = startPty(t, env, "edit", "1")
	r.waitFor("You have an unfinished edit of entry 1 from Wed 25 Nov, 20:00.")
}

// In accessible mode the passphrase of an encrypted journal is read from
// the terminal itself, without echo, like every other question there.
func TestAccessiblePassphraseIsRead(t *testing.T) {
	db, env := ptyEnv(t, "2026-11-25T20:00:00Z")
	dir := filepath.Dir(db)
	env = append(env, "JOURNAL_ACCESSIBLE=1", "XDG_RUNTIME_DIR="+dir, "JOURNAL_PASSPHRASE=")
	run := func(args ...string) error {
		c := exec.Command("journal", args...)
		c.Env = append(os.Environ(), env...)
		return c.Run()
	}
	if err := run("write", "a quiet morning"); err != nil {
		t.Skip("the journal command is not on PATH here:", err)
	}
	if _, err := storage.Encrypt(context.Background(), db, "river lamp tuesday", 10, ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run("lock") })
	r := startPty(t, env, "list")
	r.waitFor("type its passphrase")
	time.Sleep(300 * time.Millisecond)
	r.settled = true
	r.keys("river lamp tuesday\r")
	if code := r.wait(); code != 0 {
		t.Fatalf("exit %d:\n%q", code, r.screen())
	}
	if s := r.screen(); !strings.Contains(s, "a quiet morning") || strings.Contains(s, "river lamp") {
		t.Errorf("want the entry, and the passphrase not echoed:\n%q", s)
	}
}
