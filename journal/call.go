package journal

import "time"

// Call is a coaching call. Reports and stats can start from the last one.
type Call struct {
	ID        int64      `json:"id"`
	UUID      string     `json:"uuid"`
	Day       Date       `json:"day"`
	Note      string     `json:"note"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
}
