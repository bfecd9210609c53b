package prompts

import (
	"reflect"
	"testing"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"short", 10, []string{"short"}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"  spaces   collapse  ", 20, []string{"spaces collapse"}},
		{"a verylongword b", 5, []string{"a", "verylongword", "b"}},
		{"café über naïve", 10, []string{"café über", "naïve"}},
		// Cells, not runes: each of these characters takes two.
		{"今日は 散歩に 行きました", 13, []string{"今日は 散歩に", "行きました"}},
		{"今日は散歩に行きました", 8, []string{"今日は散", "歩に行き", "ました"}}, // no spaces: broken between characters
		{"气分很好 ok", 8, []string{"气分很好", "ok"}},
		{"ok 今日は散歩に行きました。That was", 10, []string{"ok 今日は", "散歩に行き", "ました。", "That was"}}, // between wide characters, never inside "That"
		{"今日は散歩。明日も", 10, []string{"今日は散", "歩。明日も"}},                                     // 。 does not start a line: it goes down with 歩
		{"ああああ、ok", 8, []string{"あああ", "あ、ok"}},
		{"家族 👨‍👩‍👧 ok", 6, []string{"家族", "👨‍👩‍👧 ok"}}, // a family emoji is one character
		{"한국어 텍스트 줄", 9, []string{"한국어", "텍스트 줄"}},
		{"I feel 👍🏽 today 🌊🌊", 10, []string{"I feel 👍🏽", "today 🌊🌊"}},
		// Combining accents take no cell of their own.
		{"Cafe\u0301 Zoe\u0308 x", 8, []string{"Cafe\u0301 Zoe\u0308", "x"}},
		{"https://example.org/a/long/path ok", 10, []string{"https://example.org/a/long/path", "ok"}}, // a link stays whole
	}
	for _, c := range cases {
		if got := Wrap(c.in, c.width); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
