package export

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"filippo.io/age"
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
