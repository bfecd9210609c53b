// Command journal is a local-first terminal journal for the work between
// ketamine-assisted therapy sessions.
package main

import (
	"os"

	"journal/cmd"
)

func main() { os.Exit(cmd.Main()) }
