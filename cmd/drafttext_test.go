package cmd

import "testing"

// "Show it first" reads as answers, not as Go's printing of a map: names
// in words, long answers on their own lines, gaps left out, items by
// number.
func TestDraftTextIsReadable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"OtherFeelings":["sad","restless"]}`, "  Other feelings: sad, restless\n"},
		{`{"hope":{"text":"hope line A\nhope line B"}}`, "  Hope:\n    hope line A\n    hope line B\n"},
		{`{"Items":["2","3","","","","","","",""]}`, "  Items: 1: 2, 2: 3\n"},
		{`{"Intensity":"8","Triggers":""}`, "  Intensity: 8\n"},
	} {
		if got := draftText([]byte(tc.in)); got != tc.want {
			t.Errorf("draftText(%s) =\n%q, want\n%q", tc.in, got, tc.want)
		}
	}
}
