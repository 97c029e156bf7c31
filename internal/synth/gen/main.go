// Command gen writes a synthetic team (team.yaml, workouts.csv,
// checkins.csv) for load tests:
//
//	go run ./internal/synth/gen -athletes 100 -days 730 -dir /tmp/club
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/workin/workin/internal/synth"
)

func main() {
	athletes := flag.Int("athletes", 100, "number of athletes")
	days := flag.Int("days", 730, "number of days")
	dir := flag.String("dir", ".", "output directory")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"team.yaml":    synth.Team(*athletes),
		"workouts.csv": synth.Workouts(*athletes, *days),
		"checkins.csv": synth.Checkins(*athletes, *days),
	} {
		if err := os.WriteFile(filepath.Join(*dir, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
