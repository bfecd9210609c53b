package cmd

import (
	"context"
	"fmt"

	"journal/cmd/ui"
)

// textBox asks for an entry's text in a box at the terminal, for people
// who have chosen no editor ($VISUAL and $EDITOR unset): enter starts a
// new line, tab or ctrl+s is done. The text is kept in a draft as it is
// typed until the entry is saved (editedText's Saved and Keep): one
// draft for a new entry, and one for each entry being edited (entry, its
// id), so that changes to one are never offered for another.
func (f *Factory) textBox(initial string, entry int64) (*editedText, error) {
	ctx := context.Background() // a signal leaves the box through the form engine
	key, what, again := "write", "entry", f.command("write")
	if entry > 0 {
		key, what, again = fmt.Sprintf("edit-%d", entry), fmt.Sprintf("edit of entry %d", entry), f.command(fmt.Sprintf("edit %d", entry))
	}
	a := struct {
		Text string `json:",omitempty"`
	}{Text: initial}
	d := newDraftForm(f, key, what, again, &a)
	if err := d.offer(ctx); err != nil {
		return nil, err
	}
	form := ui.Form{Writing: true, Pages: [][]ui.Question{{
		{Title: "Your entry", Help: "Write as much as you like. #tags in the text are picked up.", Kind: ui.Text, Lines: 12, Value: &a.Text},
	}}}
	if _, err := d.run(ctx, form, nil); err != nil {
		return nil, err
	}
	return &editedText{Text: a.Text, initial: initial, draft: d}, nil
}
