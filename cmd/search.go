package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
	"journal/storage"
)

func newCmdSearch(f *Factory) *cobra.Command {
	var (
		limit  int
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "search QUERY…",
		Short: "Find entries by their words",
		Long: `Find entries whose text, answers, tags or details hold all the words of the
query, best matches first. "walk*" finds walk, walked and walking; "quoted
words" must appear together. Case and accents do not matter. When a word
is in more than 500 entries, the best of its 500 newest are shown.

After the whole words come entries where the words are part of longer
ones ("care" in selfcare), newest first, and words in any script: Japanese,
Chinese and Thai written without spaces (散歩), Korean with its particles
(산책 in 산책을), Arabic with its article (مكتبة in المكتبة). A word that
starts with a dash goes after --: journal search -- -care.`,
		Annotations: map[string]string{freeText: "true"},
		Example: `  journal search sleep
  journal search walk* evening
  journal search '"called my sister"'
  journal search 散歩`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return journal.Invalid("search needs words to look for, like: journal search sleep")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if limit < 0 {
				return journal.Invalid("--limit must be 0 (all) or more, got %d", limit)
			}
			st, err := f.Store(c.Context())
			if err != nil {
				return err
			}
			hits, err := st.Search(c.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			for i := range hits {
				hits[i].Entry = hits[i].Entry.In(f.Now().Location())
			}
			return writeHits(f, hits, asJSON)
		},
	}
	c.Flags().IntVarP(&limit, "limit", "n", 20, "show at most `N` matches (0 for all)")
	c.Flags().BoolVar(&asJSON, "json", false, "print matches as a JSON array")
	return c
}

type hitJSON struct {
	journal.Entry
	Snippet string `json:"snippet"`
}

func writeHits(f *Factory, hits []journal.SearchHit, asJSON bool) error {
	if asJSON {
		out := make([]hitJSON, len(hits))
		for i, h := range hits {
			out[i] = hitJSON{h.Entry, plainSnippet(h.Snippet)}
		}
		return printJSON(f.IO.Out, out)
	}
	if len(hits) == 0 {
		if f.IO.OutTTY {
			fmt.Fprintln(f.IO.ErrOut, "Nothing found. Try fewer words, or a prefix like walk*.")
		}
		return nil
	}
	s := f.Styles()
	for _, h := range hits {
		snip := strings.Join(strings.Fields(cleanSnippet(h.Snippet)), " ")
		if !f.IO.OutTTY {
			fmt.Fprintf(f.IO.Out, "%d\t%s\t%s\t%s\n", h.Entry.ID, h.Entry.Day, h.Entry.Kind, s.Highlight(snip, storage.MarkStart, storage.MarkEnd))
			continue
		}
		private := ""
		if h.Entry.Private {
			private = "  " + s.Dim.Render("(private)") // as list marks it
		}
		fmt.Fprintf(f.IO.Out, "%s  %s  %s%s\n      %s\n", s.Accent.Render(fmt.Sprintf("%4d", h.Entry.ID)),
			s.Dim.Render(h.Entry.OccurredAt.Format("Mon 02 Jan 2006 15:04")), s.Label.Render(string(h.Entry.Kind)),
			private, s.Highlight(snip, storage.MarkStart, storage.MarkEnd))
	}
	return nil
}

// plainSnippet drops the match markers for JSON, where they mean nothing.
func plainSnippet(s string) string {
	return strings.NewReplacer(storage.MarkStart, "", storage.MarkEnd, "").Replace(s)
}

// cleanSnippet is journal.CleanLine of a snippet, keeping the match marks
// (control characters themselves) for Highlight.
func cleanSnippet(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, storage.MarkStart+storage.MarkEnd)
		if i < 0 {
			b.WriteString(journal.CleanLine(s))
			break
		}
		b.WriteString(journal.CleanLine(s[:i]))
		b.WriteByte(s[i])
		s = s[i+1:]
	}
	return b.String()
}
