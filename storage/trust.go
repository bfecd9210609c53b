package storage

import (
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// trust decides whether a journal's files may be used and how: who owns
// them, who else can write them, and whether this process can. Its
// functions are fields so tests can play another user or a read-only disk,
// which a test running as root cannot make for real.
type trust struct {
	uid int
	// owner is the user id owning a file (-1 when unknown).
	owner func(fs.FileInfo) int
	// writable reports whether this process may write to a path.
	writable func(string) bool
	// ownGroup reports whether a file's group is the person's own private
	// group, so group write access lets nobody else in.
	ownGroup func(fs.FileInfo) bool
}

func systemTrust() trust {
	return trust{
		uid: os.Geteuid(),
		owner: func(fi fs.FileInfo) int {
			if st, ok := fi.Sys().(*syscall.Stat_t); ok {
				return int(st.Uid)
			}
			return -1
		},
		writable: func(p string) bool { return syscall.Access(p, 2 /* W_OK */) == nil },
		ownGroup: userPrivateGroup,
	}
}

// userPrivateGroup reports whether fi's group is the person's own: their
// primary group, named like them. Systems that give each user such a group
// (Debian, Ubuntu, Fedora) set the umask to 002, so every folder the person
// makes is group-writable, yet nobody else is in that group.
func userPrivateGroup(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Gid) != os.Getegid() {
		return false
	}
	u, err := user.Current()
	if err != nil {
		return false
	}
	g, err := user.LookupGroupId(strconv.Itoa(int(st.Gid)))
	return err == nil && g.Name == u.Username
}

// othersCanWrite reports whether someone other than the owner may write to
// fi: "other" write access, or group write access to a group that is not
// the person's own private group.
func (t trust) othersCanWrite(fi fs.FileInfo) bool {
	perm := fi.Mode().Perm()
	return perm&0o002 != 0 || (perm&0o020 != 0 && !t.ownGroup(fi))
}

// checkFolder refuses a journal whose folder another user owns, or can
// write to: they could swap the journal or read it through a -wal of
// theirs. A shared folder with the sticky bit, like /tmp, is allowed: there
// nobody can rename or remove another's files, and checkFiles checks each of
// ours.
func (t trust) checkFolder(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cannot use the folder %s: %w", dir, unwrapPathErr(err))
	}
	if o := t.owner(fi); o != t.uid && o != 0 && o != -1 {
		return fmt.Errorf("cannot use %s: its folder %s belongs to another user, who could read or replace the journal: keep your journal in a folder of your own", path, dir)
	}
	if t.othersCanWrite(fi) && fi.Mode()&fs.ModeSticky == 0 {
		return fmt.Errorf("cannot use %s: other users can write to its folder %s, so they could read or replace the journal: keep your journal in a folder of your own, or run chmod go-w %s", path, dir, dir)
	}
	return nil
}

// checkFiles refuses a journal file, -wal or -shm that another user owns
// or can write to, and takes read access away from everyone else on the
// person's own ones (a file made with touch is 0644). The journal's own
// owner bits stay: one made read-only on purpose stays read-only. The -wal
// and -shm are SQLite's working files and become 0600: a read-only pair
// left by reading a read-only journal would otherwise stop every write
// once the journal is writable again.
func (t trust) checkFiles(path string) error {
	if err := t.checkFolder(path); err != nil {
		return err
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			continue // missing -wal/-shm are fine; a missing journal is made by prepare
		}
		if o := t.owner(fi); o != t.uid && o != -1 {
			return fmt.Errorf("cannot use %s: %s belongs to another user, who can read what is written to it: use a journal file of your own (move this one aside if it is yours, or copy it)", path, p)
		}
		perm := fi.Mode().Perm()
		if t.othersCanWrite(fi) {
			return fmt.Errorf("cannot use %s: other users can write to %s (mode %04o): if it is yours, run chmod 600 %s and try again", path, p, perm, p)
		}
		want := perm &^ 0o077
		if p != path {
			want = 0o600
		}
		if perm != want {
			// Fails only on a read-only disk, where nothing new can be
			// written to it anyway.
			os.Chmod(p, want)
		}
	}
	return nil
}

// accessMode chooses how to open an existing journal: for writing when this
// process can write it and everything SQLite needs beside it; otherwise for
// reading only, with the reason every write will give.
func (t trust) accessMode(path string) (openMode, *FileError) {
	dir := filepath.Dir(path)
	wal, shm := path+"-wal", path+"-shm"
	walInUse := fileSize(wal) > 0
	ro := func(blocker, why string) (openMode, *FileError) {
		e := &FileError{Problem: ProblemReadOnly, Path: path, Blocker: blocker, Why: why}
		if walInUse {
			// Recent writes are still in the -wal: read them too.
			return modeReadOnly, e
		}
		// Nothing is writing it (nobody can): read it as it is, and leave
		// no -wal or -shm behind.
		return modeImmutable, e
	}
	if !t.writable(path) {
		return ro(path, readOnlyWhy(path))
	}
	for _, p := range []string{wal, shm} {
		if exists(p) && !t.writable(p) {
			// A leftover from a read-only open or another user: SQLite
			// would fail on it at the first write.
			return modeReadOnly, &FileError{Problem: ProblemReadOnly, Path: path, Blocker: p, Why: readOnlyWhy(p)}
		}
	}
	if !t.writable(dir) && (!exists(wal) || !exists(shm)) {
		return ro(dir, "is a read-only folder (SQLite needs to create "+filepath.Base(wal)+" and "+filepath.Base(shm)+" in it)")
	}
	return modeReadWrite, nil
}

// blocker names the file or folder that stops SQLite writing the journal,
// and why, when a write failed as read-only; found is false when nothing
// is read-only for this process and the journal itself is named.
func blocker(path string) (p, why string, found bool) {
	t := systemTrust()
	for _, p := range []string{path + "-wal", path + "-shm", path} {
		if exists(p) && !t.writable(p) {
			return p, readOnlyWhy(p), true
		}
	}
	if dir := filepath.Dir(path); !t.writable(dir) {
		return dir, "is a read-only folder", true
	}
	return path, "is read-only", false
}

// readOnlyWhy says why p cannot be written, in the person's words.
func readOnlyWhy(p string) string {
	var st syscall.Statfs_t
	if syscall.Statfs(p, &st) == nil && st.Flags&0x1 != 0 { // ST_RDONLY
		return "is on a read-only disk"
	}
	fi, err := os.Stat(p)
	if err == nil {
		if o := systemTrust().owner(fi); o != os.Geteuid() && o != -1 {
			return fmt.Sprintf("belongs to another user and is read-only for you (mode %04o)", fi.Mode().Perm())
		}
		return fmt.Sprintf("is read-only (mode %04o)", fi.Mode().Perm())
	}
	return "is read-only"
}

// diskFull reports whether the file system holding dir has (almost) no
// room left: SQLite reports a full disk as a failed write.
func diskFull(dir string) bool {
	if dir == "" {
		return false
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < 1<<20
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}
