package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// Recipients parses age public keys (age1…), one per value, and the lines
// of recipients files (blank lines and # comments allowed). Errors name
// the key that is wrong, before anything is written.
func Recipients(keys []string, files map[string][]byte) ([]age.Recipient, error) {
	var out []age.Recipient
	for _, k := range keys {
		r, err := age.ParseX25519Recipient(strings.TrimSpace(k))
		if err != nil {
			return nil, fmt.Errorf("%q is not an age public key: it should look like age1… (the coach gets one with age-keygen)", k)
		}
		out = append(out, r)
	}
	for name, b := range files {
		sc := bufio.NewScanner(bytes.NewReader(b))
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			r, err := age.ParseX25519Recipient(line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %q is not an age public key (age1…)", name, n, line)
			}
			out = append(out, r)
		}
	}
	return out, nil
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
// identity file or a passphrase.
func Decrypt(r io.Reader, identities []byte, passphrase string) (io.Reader, error) {
	var ids []age.Identity
	if len(identities) > 0 {
		parsed, err := age.ParseIdentities(bytes.NewReader(identities))
		if err != nil {
			return nil, fmt.Errorf("the identity file is not an age identity: %v", err)
		}
		ids = parsed
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
