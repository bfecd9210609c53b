package journal

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestHashTags(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Long walk. #Walk #evening", []string{"evening", "walk"}},
		{"#sleep at start, #sleep again", []string{"sleep"}},
		{"not a tag: #1 priority, issue#4, a&#39;b", nil},
		{"café #café-time_2", []string{"café-time_2"}},
		{"no tags here", nil},
	}
	for _, tt := range tests {
		if got := HashTags(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("HashTags(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestValidateTag(t *testing.T) {
	if got, err := ValidateTag("  #Stress "); err != nil || got != "stress" {
		t.Errorf("ValidateTag = %q, %v; want stress", got, err)
	}
	for _, bad := range []string{"", "  ", "two words", "a,b"} {
		if _, err := ValidateTag(bad); err == nil || !IsInput(err) {
			t.Errorf("ValidateTag(%q) = %v, want an input error", bad, err)
		}
	}
}

func TestTagOf(t *testing.T) {
	for in, want := range map[string]string{
		"Stress":     "stress",
		"two words":  "two-words",
		" a ,, b ":   "a-b",
		"#Sleep":     "sleep",
		"# #x":       "x",
		"tab\there":  "tab-here",
		"ctl\x1b[2J": "ctl-[2j",
		"  ":         "",
		",":          "",
	} {
		got := TagOf(in)
		if got != want {
			t.Errorf("TagOf(%q) = %q, want %q", in, got, want)
		}
		if got != "" {
			if v, err := ValidateTag(got); err != nil || v != got {
				t.Errorf("TagOf(%q) = %q, which ValidateTag turns into %q, %v", in, got, v, err)
			}
		}
	}
}

// HashTags finds exactly the tags the regular expression it replaced
// found, on texts built from the characters that decide a tag's edges.
func TestHashTagsMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&#/])#([\p{L}_][\p{L}\p{N}_-]*)`)
	want := func(text string) []string {
		var out []string
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			out = append(out, NormalizeTag(m[1]))
		}
		return MergeTags(out)
	}
	parts := []string{"#", "#", "a", "É", "é", "1", "٣", "_", "-", "&", "/", " ", "\n", ",", ".", "ß", "日", "\xff", "x#y"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		if got, w := HashTags(text), want(text); !slices.Equal(got, w) {
			t.Fatalf("HashTags(%q) = %q, the pattern finds %q", text, got, w)
		}
	}
}
