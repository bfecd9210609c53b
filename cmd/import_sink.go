package cmd

import (
	"time"

	"journal/journal"
	"journal/storage"
)

// importSink checks each record of a JSON export as it comes and, when it
// has an Importer, merges it into the journal. It keeps the first error of
// each kind and writes nothing more after one, so that once the whole file
// is read the error shown is the one a whole-file import would show: the
// file's syntax and each record's own fields first (ReadJSONStream's
// errors), then the rules across records, then the clock, then the
// journal's own refusals.
type importSink struct {
	check   journal.Checker
	now     time.Time
	private bool
	im      *storage.Importer // nil: only check

	across, ahead, write error
}

func (s *importSink) ok() bool { return s.across == nil && s.ahead == nil && s.write == nil }

// verdict is the error of the whole import: reading first (the file's
// own, then a bad byte), then the decoder's, then the sink's own.
func (s *importSink) verdict(name string, readErr, utf8Err, decodeErr error) error {
	switch {
	case readErr != nil:
		return readErr
	case utf8Err != nil:
		return utf8Err
	case decodeErr != nil:
		return journal.Invalid("%s: %v", name, decodeErr)
	case s.across != nil:
		return journal.Invalid("%s: %v", name, s.across)
	case s.ahead != nil:
		return journal.Invalid("%s: %v", name, s.ahead)
	}
	return s.write
}

func (s *importSink) Session(i int, ses journal.Session) error {
	if s.across == nil {
		s.across = s.check.Session(i, ses)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Session(ses)
	}
	return nil
}

func (s *importSink) Entry(i int, e journal.Entry) error {
	if s.private {
		e.Private = true
	}
	if s.across == nil {
		s.across = s.check.Entry(i, e)
	}
	if s.ahead == nil {
		s.ahead = journal.EntryNotAhead(s.now, i, e)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Entry(e)
	}
	return nil
}

func (s *importSink) DrinkDay(i int, d journal.DrinkDay) error {
	if s.across == nil {
		s.across = s.check.DrinkDay(i, d)
	}
	if s.ahead == nil {
		s.ahead = journal.DrinkDayNotAhead(s.now, i, d)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.DrinkDay(d)
	}
	return nil
}

func (s *importSink) Call(i int, c journal.Call) error {
	if s.across == nil {
		s.across = s.check.Call(i, c)
	}
	if s.ahead == nil {
		s.ahead = journal.CallNotAhead(s.now, i, c)
	}
	if s.im != nil && s.ok() {
		s.write = s.im.Call(c)
	}
	return nil
}
