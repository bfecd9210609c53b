package ui

import (
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// formTheme is the forms' look in the calm palette. Without colour it is
// the plain base theme: marks and words, no colour at all.
func formTheme(color bool) huh.Theme {
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		t := huh.ThemeBase(isDark)
		// Buttons are drawn as words; no inverse blocks on a hard day.
		t.Focused.FocusedButton = lipgloss.NewStyle().Bold(true).Padding(0, 1)
		t.Focused.BlurredButton = lipgloss.NewStyle().Padding(0, 1)
		t.Focused.ErrorIndicator = lipgloss.NewStyle().SetString(" ←")
		t.Focused.ErrorMessage = lipgloss.NewStyle().SetString("")
		t.Focused.SelectedPrefix = lipgloss.NewStyle().SetString("[x] ")
		t.Focused.UnselectedPrefix = lipgloss.NewStyle().SetString("[ ] ")
		if !color {
			t.Focused.TextInput.Placeholder = lipgloss.NewStyle()
			t.Blurred = t.Focused
			t.Blurred.Base = t.Blurred.Base.BorderStyle(lipgloss.HiddenBorder())
			t.Blurred.Card = t.Blurred.Base
			t.Blurred.NextIndicator = lipgloss.NewStyle()
			t.Blurred.PrevIndicator = lipgloss.NewStyle()
			t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
			return t
		}
		dim := lipgloss.LightDark(isDark)(lipgloss.Color("242"), colorDim)
		f := &t.Focused
		f.Base = f.Base.BorderForeground(colorDim)
		f.Card = f.Base
		f.Title = f.Title.Foreground(colorLabel).Bold(true)
		f.NoteTitle = f.NoteTitle.Foreground(colorLabel).Bold(true).MarginBottom(1)
		f.Description = f.Description.Foreground(dim)
		f.ErrorIndicator = f.ErrorIndicator.Foreground(colorAccent)
		f.ErrorMessage = f.ErrorMessage.Foreground(colorAccent)
		f.SelectSelector = f.SelectSelector.Foreground(colorAccent)
		f.MultiSelectSelector = f.MultiSelectSelector.Foreground(colorAccent)
		f.NextIndicator = f.NextIndicator.Foreground(colorAccent)
		f.PrevIndicator = f.PrevIndicator.Foreground(colorAccent)
		f.SelectedOption = f.SelectedOption.Foreground(colorGood)
		f.SelectedPrefix = f.SelectedPrefix.Foreground(colorGood)
		f.FocusedButton = f.FocusedButton.Foreground(colorGood)
		f.Next = f.FocusedButton
		f.BlurredButton = f.BlurredButton.Foreground(dim)
		f.TextInput.Cursor = f.TextInput.Cursor.Foreground(colorAccent)
		f.TextInput.Placeholder = f.TextInput.Placeholder.Foreground(dim)
		f.TextInput.Prompt = f.TextInput.Prompt.Foreground(colorAccent)
		t.Blurred = t.Focused
		t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
		t.Blurred.Card = t.Blurred.Base
		t.Blurred.Title = t.Blurred.Title.Foreground(dim).Bold(false)
		t.Blurred.NextIndicator = lipgloss.NewStyle()
		t.Blurred.PrevIndicator = lipgloss.NewStyle()
		t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
		t.Group.Title = t.Focused.Title
		t.Group.Description = t.Focused.Description
		return t
	})
}
