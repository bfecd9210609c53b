package export

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"io"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"golang.org/x/crypto/ssh"
)

func TestEncryptOnlyTheRightIdentityDecrypts(t *testing.T) {
	coach, _ := age.GenerateX25519Identity()
	stranger, _ := age.GenerateX25519Identity()
	recips, err := Recipients([]string{coach.Recipient().String()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, armored := range []bool{false, true} {
		var buf bytes.Buffer
		w, err := Encrypt(&buf, recips, "", armored)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "drinking days: 3 of 30")
		w.Close()
		if strings.Contains(buf.String(), "drinking days") {
			t.Fatal("the export is readable without the key")
		}
		if !IsEncrypted(buf.Bytes()) {
			t.Error("IsEncrypted = false for an age file")
		}
		// The coach's identity, as age-keygen writes it, opens it.
		r, err := Decrypt(bytes.NewReader(buf.Bytes()), []byte("# created: today\n"+coach.String()+"\n"), "")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != "drinking days: 3 of 30" {
			t.Errorf("decrypted %q", got)
		}
		if _, err := Decrypt(bytes.NewReader(buf.Bytes()), []byte(stranger.String()), ""); err == nil {
			t.Error("another identity decrypted the export")
		}
	}
}

func TestEncryptWithPassphrase(t *testing.T) {
	var buf bytes.Buffer
	w, err := Encrypt(&buf, nil, "correct horse", false)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "hello")
	w.Close()
	if _, err := Decrypt(bytes.NewReader(buf.Bytes()), nil, "wrong"); err == nil {
		t.Error("a wrong passphrase decrypted the export")
	}
	r, err := Decrypt(bytes.NewReader(buf.Bytes()), nil, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(r); string(got) != "hello" {
		t.Errorf("decrypted %q", got)
	}
}

func TestRecipientsRefusesBadKeys(t *testing.T) {
	if _, err := Recipients([]string{"age1notakey"}, nil); err == nil || !strings.Contains(err.Error(), "not an age public key") {
		t.Errorf("err = %v", err)
	}
	_, err := Recipients(nil, map[string][]byte{"coach.txt": []byte("# my coach\n\nssh-rsa AAAA\n")})
	if err == nil || !strings.Contains(err.Error(), "coach.txt:3:") {
		t.Errorf("err = %v, want the file and line named", err)
	}
}

// TestRecipientsNeverShowASecretKey: a private key given where a public
// one belongs (pasted, or as the file) is refused without being printed:
// error messages end up in scrollback and screenshots.
func TestRecipientsNeverShowASecretKey(t *testing.T) {
	_, priv := sshKeyPair(t, false)
	secret := "AGE-SECRET-KEY-1GKHJL8ZYCGYDG490W5P6Y3H6PVRWUY5DGKTVYM8MPV2HN8EZKX5QXA9FN7"
	for name, call := range map[string]func() error{
		"a pasted SSH private key": func() error { _, err := Recipients([]string{string(priv)}, nil); return err },
		"an SSH private key file":  func() error { _, err := Recipients(nil, map[string][]byte{"id_ed25519": priv}); return err },
		"a pasted age secret key":  func() error { _, err := Recipients([]string{secret}, nil); return err },
		"an age identity file": func() error {
			_, err := Recipients(nil, map[string][]byte{"key.txt": []byte("# created: 2026-11-29\n" + secret + "\n")})
			return err
		},
	} {
		err := call()
		if err == nil || !strings.Contains(err.Error(), "not a public key") {
			t.Errorf("%s: err = %v, want it refused as not a public key", name, err)
			continue
		}
		for _, part := range []string{"AGE-SECRET-KEY", "PRIVATE KEY", secret[20:30], strings.Split(string(priv), "\n")[1][:12]} {
			if strings.Contains(err.Error(), part) {
				t.Errorf("%s: the message shows %q: %v", name, part, err)
			}
		}
	}
}

// sshKeyPair makes an SSH key pair as ssh-keygen would: the public key as
// one authorized_keys line, the private key as an OpenSSH PEM file.
func sshKeyPair(t *testing.T, rsaKey bool) (pub string, priv []byte) {
	t.Helper()
	var signer crypto.Signer
	if rsaKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		signer = k
	} else {
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		signer = k
	}
	pk, err := ssh.NewPublicKey(signer.Public())
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(signer, "coach@laptop")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pk))), pem.EncodeToMemory(block)
}

func TestEncryptToSSHKeys(t *testing.T) {
	edPub, edPriv := sshKeyPair(t, false)
	rsaPub, rsaPriv := sshKeyPair(t, true)
	// An authorized_keys file: a comment, options before a key, a comment after.
	file := "# the coach's keys\n\n" +
		`from="10.0.0.1",no-pty ` + rsaPub + " coach@desktop\n"
	for name, tc := range map[string]struct {
		keys  []string
		files map[string][]byte
		priv  []byte
	}{
		"ed25519 flag":        {keys: []string{edPub + " coach@laptop"}, priv: edPriv},
		"rsa authorized_keys": {files: map[string][]byte{"authorized_keys": []byte(file)}, priv: rsaPriv},
	} {
		t.Run(name, func(t *testing.T) {
			recips, err := Recipients(tc.keys, tc.files)
			if err != nil || len(recips) != 1 {
				t.Fatalf("Recipients = %d keys, %v", len(recips), err)
			}
			var buf bytes.Buffer
			w, err := Encrypt(&buf, recips, "", false)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, "alcohol-free days: 27 of 30")
			w.Close()
			if strings.Contains(buf.String(), "alcohol-free") {
				t.Fatal("the export is readable without the key")
			}
			// The coach's SSH private key opens it, with the age library
			// directly (as age -d -i ~/.ssh/id_ed25519 does) and through Decrypt.
			id, err := agessh.ParseIdentity(tc.priv)
			if err != nil {
				t.Fatal(err)
			}
			r, err := age.Decrypt(bytes.NewReader(buf.Bytes()), id)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := io.ReadAll(r); string(got) != "alcohol-free days: 27 of 30" {
				t.Errorf("age decrypted %q", got)
			}
			r, err = Decrypt(bytes.NewReader(buf.Bytes()), tc.priv, "")
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := io.ReadAll(r); string(got) != "alcohol-free days: 27 of 30" {
				t.Errorf("Decrypt gave %q", got)
			}
			// Another SSH key does not.
			_, other := sshKeyPair(t, false)
			if _, err := Decrypt(bytes.NewReader(buf.Bytes()), other, ""); err == nil {
				t.Error("a stranger's SSH key decrypted the export")
			}
		})
	}
}

func TestRecipientsRefuseSSHKeysAgeCannotUse(t *testing.T) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk, _ := ssh.NewPublicKey(&k.PublicKey)
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pk)))
	_, err = Recipients(nil, map[string][]byte{"keys.txt": []byte("# ok\n" + line + "\n")})
	if err == nil || !strings.Contains(err.Error(), "keys.txt:2:") || !strings.Contains(err.Error(), "ecdsa-sha2-nistp256") {
		t.Errorf("an ECDSA key gave %v, want an error naming the line and the key type", err)
	}
	if _, err := Recipients([]string{"ssh-ed25519 not-base64"}, nil); err == nil {
		t.Error("a broken SSH key was taken")
	}
}
