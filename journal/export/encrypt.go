package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"filippo.io/age/armor"
	"golang.org/x/crypto/ssh"
)

// Recipients parses public keys, one per value, and the lines of
// recipients files (blank lines and # comments allowed). A key is an age
// public key (age1…) or an SSH public key, ssh-ed25519 or ssh-rsa, as in
// an authorized_keys file: options before the key and a comment after it
// are allowed. Errors name the key that is wrong, before anything is
// written.
func Recipients(keys []string, files map[string][]byte) ([]age.Recipient, error) {
	var out []age.Recipient
	for _, k := range keys {
		r, err := parseRecipient(strings.TrimSpace(k))
		if err != nil {
			return nil, fmt.Errorf("%s %v", shown(strings.TrimSpace(k)), err)
		}
		out = append(out, r)
	}
	for name, b := range files {
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20) // an RSA key line is long
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			r, err := parseRecipient(line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %s %v", name, n, shown(line), err)
			}
			out = append(out, r)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	return out, nil
}

// parseRecipient reads one key. The error completes a sentence that
// starts with the key.
func parseRecipient(s string) (age.Recipient, error) {
	if strings.HasPrefix(strings.ToUpper(s), "AGE-SECRET-KEY-") {
		return nil, errors.New("is a secret key, not a public key: keep it to yourself; the public key starts with age1")
	}
	if isPrivateSSH(s) {
		return nil, errors.New("is a private SSH key, not a public key: keep it to yourself; the public key is the one line in the .pub file beside it (ssh-ed25519 …)")
	}
	if strings.HasPrefix(s, "age1") {
		r, err := age.ParseX25519Recipient(s)
		if err != nil {
			return nil, errors.New("is not an age public key: it should look like age1… (the coach gets one with age-keygen)")
		}
		return r, nil
	}
	pk, _, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		return nil, errors.New("is not a public key: use an age key (age1…) or an SSH key (ssh-ed25519 or ssh-rsa, as in ~/.ssh/id_ed25519.pub)")
	}
	switch pk.Type() {
	case ssh.KeyAlgoED25519:
		return agessh.NewEd25519Recipient(pk)
	case ssh.KeyAlgoRSA:
		r, err := agessh.NewRSARecipient(pk)
		if err != nil {
			return nil, fmt.Errorf("cannot be used: %v", err)
		}
		return r, nil
	}
	return nil, fmt.Errorf("is an SSH key of type %s, which age cannot encrypt to: ask for an ssh-ed25519 or ssh-rsa key, or an age key (age1…)", pk.Type())
}

// shown is how a key is named in a message: a secret one never, since
// messages end up in terminals' scrollback and in shared screenshots; a
// long one cut short.
func shown(s string) string {
	if strings.HasPrefix(strings.ToUpper(s), "AGE-SECRET-KEY-") || isPrivateSSH(s) {
		return "the key given"
	}
	return fmt.Sprintf("%q", short(s))
}

// isPrivateSSH is whether s starts like a private key file (OpenSSH's or
// PEM's "-----BEGIN … PRIVATE KEY-----").
func isPrivateSSH(s string) bool {
	return strings.HasPrefix(s, "-----BEGIN") && strings.Contains(strings.SplitN(s, "\n", 2)[0], "PRIVATE KEY")
}

// short keeps a long key line readable in a message.
func short(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// Encrypt wraps w so what is written is encrypted to the recipients, or
// with a passphrase when there are none. With armor the result is ASCII
// text that survives being pasted into an email. Close finishes it.
func Encrypt(w io.Writer, recipients []age.Recipient, passphrase string, useArmor bool) (io.WriteCloser, error) {
	if len(recipients) == 0 {
		if passphrase == "" {
			return nil, errors.New("nothing to encrypt to: give --encrypt-to, --recipients-file or --passphrase")
		}
		r, err := age.NewScryptRecipient(passphrase)
		if err != nil {
			return nil, err
		}
		recipients = []age.Recipient{r}
	}
	if !useArmor {
		return age.Encrypt(w, recipients...)
	}
	aw := armor.NewWriter(w)
	ew, err := age.Encrypt(aw, recipients...)
	if err != nil {
		return nil, err
	}
	return closeBoth{ew, aw}, nil
}

type closeBoth struct {
	io.WriteCloser
	outer io.Closer
}

func (c closeBoth) Close() error {
	if err := c.WriteCloser.Close(); err != nil {
		return err
	}
	return c.outer.Close()
}

// Decrypt opens an age file, armored or not, with the identities of an
// identity file (age identities, or an unencrypted SSH private key such as
// ~/.ssh/id_ed25519) or a passphrase.
func Decrypt(r io.Reader, identities []byte, passphrase string) (io.Reader, error) {
	var ids []age.Identity
	if len(identities) > 0 {
		if bytes.HasPrefix(bytes.TrimSpace(identities), []byte("-----BEGIN")) {
			id, err := agessh.ParseIdentity(identities)
			if err != nil {
				return nil, fmt.Errorf("the identity file is not an SSH private key age can use (ssh-ed25519 or ssh-rsa, without a passphrase): %v", err)
			}
			ids = append(ids, id)
		} else {
			parsed, err := age.ParseIdentities(bytes.NewReader(identities))
			if err != nil {
				return nil, fmt.Errorf("the identity file is not an age identity: %v", err)
			}
			ids = parsed
		}
	}
	if passphrase != "" {
		id, err := age.NewScryptIdentity(passphrase)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, errors.New("the file is encrypted: give --identity FILE or a passphrase (JOURNAL_PASSPHRASE)")
	}
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(armor.Header)); string(head) == armor.Header {
		r = armor.NewReader(br)
	} else {
		r = br
	}
	out, err := age.Decrypt(r, ids...)
	if err != nil {
		return nil, fmt.Errorf("cannot decrypt it with the key or passphrase given: %v", err)
	}
	return out, nil
}

// IsEncrypted reports whether b starts like an age file.
func IsEncrypted(b []byte) bool {
	return bytes.HasPrefix(b, []byte("age-encryption.org/")) || bytes.HasPrefix(b, []byte(armor.Header))
}
