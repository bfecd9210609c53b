// Command hello is the start-up floor of the benchmarks: a Go program that
// prints a line and exits.
package main

import "fmt"

func main() { fmt.Println("hello") }
