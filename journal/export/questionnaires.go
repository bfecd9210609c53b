package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"journal/journal"
)

// QuestionnaireRow is one saved questionnaire (PHQ-9, GAD-7, PCL-5) with
// its score and each item's value (nil: left out), in the questionnaire's
// order. Score is nil when too many items were left out for a total.
type QuestionnaireRow struct {
	Entry    journal.Entry
	Name     string
	Score    *int
	Max      int
	Band     string
	Prorated bool
	Items    []*int
}

// QuestionnairesCSV writes one row per questionnaire, oldest first: day,
// time, questionnaire, score, max, band, prorated (yes/no), then item_1 to
// item_N, as many as the longest questionnaire has (empty when left out or
// when the questionnaire is shorter).
func QuestionnairesCSV(w io.Writer, rows []QuestionnaireRow) error {
	n := 0
	for _, r := range rows {
		n = max(n, len(r.Items))
	}
	cw := csv.NewWriter(w)
	head := []string{"day", "time", "questionnaire", "score", "max", "band", "prorated"}
	for i := range n {
		head = append(head, fmt.Sprintf("item_%d", i+1))
	}
	cw.Write(head)
	for _, r := range rows {
		score := ""
		if r.Score != nil {
			score = strconv.Itoa(*r.Score)
		}
		row := []string{r.Entry.Day.String(), r.Entry.OccurredAt.Format("15:04"), r.Name, score, strconv.Itoa(r.Max), cell(r.Band), yesNo(r.Prorated)}
		for i := range n {
			v := ""
			if i < len(r.Items) && r.Items[i] != nil {
				v = strconv.Itoa(*r.Items[i])
			}
			row = append(row, v)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
