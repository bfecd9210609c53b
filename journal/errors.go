package journal

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a record with the asked-for id does not exist.
var ErrNotFound = errors.New("not found")

// InputError is bad input from the person: the command exits 2 and writes
// nothing. Its message says what was wrong and what is allowed.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// Invalid builds an InputError.
func Invalid(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// IsInput reports whether err is, or wraps, an InputError.
func IsInput(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}
