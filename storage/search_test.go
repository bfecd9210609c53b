package storage

import "testing"

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sleep", `"sleep"`},
		{"walk* evening", `"walk"* "evening"`},
		{`"called my sister" later`, `"called my sister" "later"`},
		{"don't", `"don't"`},
		{"AND OR NOT", `"AND" "OR" "NOT"`},
		{`unclosed "phrase here`, `"unclosed" "phrase here"`},
		{`a"b`, `"a" "b"`},
		{"c++ (x) -y ^z", `"c++" "(x)" "-y" "^z"`},
		{"*** ---", ""},
		{"", ""},
		{"NEAR(a b)", `"NEAR(a" "b)"`},
	}
	for _, tt := range tests {
		if got := FTSQuery(tt.in); got != tt.want {
			t.Errorf("FTSQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
