package prompts

import "fmt"

// Starter is the text of a new set file called name: a builtin's own file
// when name is one (so it can be changed), else a commented example with
// one step of each kind.
func Starter(name string) []byte {
	if b, ok := Builtin(name); ok {
		return append([]byte(fmt.Sprintf(
			"# Your own copy of the built-in %q prompt set. While this file exists it\n"+
				"# is used instead of the built-in one. Entries already saved keep their\n"+
				"# questions as they were asked.\n\n", name)), b...)
	}
	return []byte(fmt.Sprintf(starter, name))
}

const starter = `# A prompt set for journal: run it with "journal guide %s".
# Check it with "journal prompts validate FILE" after each change.
# Lines starting with # are comments. Every question can be skipped.

title = "My check-in"
description = "A short set of my own questions."
# when: before, after, days-after, daily or weekly. "before" links the entry
# to the next session, "after" and "days-after" to the last one.
when = "daily"

# Each [[step]] is one question, asked in this order. key is a short name
# for it (lower-case letters, digits and _), used by --answers files.

[[step]]
key = "today"
kind = "long"            # several lines of text
question = "What is on your mind today?"
help = "A few words are enough."

[[step]]
key = "word"
kind = "short"           # one line of text
question = "One word for how you feel"

[[step]]
key = "energy"
kind = "scale"           # a whole number from min to max (at most 11 points)
question = "How much energy do you have?"
min = 0
max = 10
min_label = "none"
max_label = "plenty"

[[step]]
key = "place"
kind = "choice"          # one of the options
question = "Where are you writing from?"
options = ["Home", "Work", "Somewhere else"]

[[step]]
key = "helped"
kind = "multi"           # any of the options
question = "What helped today?"
options = ["Rest", "A walk", "Talking to someone"]

# kind = "checklist" shows options to tick off, and kind = "yesno" asks
# yes or no.
[[step]]
key = "rested"
kind = "yesno"
question = "Did you get some rest?"
`
