package journal

import (
	"slices"
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
