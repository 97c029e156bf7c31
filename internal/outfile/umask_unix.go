//go:build unix

package outfile

import (
	"os"
	"syscall"
)

// outputMode is what a newly created file gets on this machine: 0666 less
// the umask, read once at start-up (the temporary files os.CreateTemp makes
// are 0600, which a report should not keep).
var outputMode = func() os.FileMode {
	u := syscall.Umask(0)
	syscall.Umask(u)
	return 0o666 &^ os.FileMode(u)
}()
