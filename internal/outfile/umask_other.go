//go:build !unix

package outfile

import "os"

// outputMode is the mode of written reports where there is no umask.
var outputMode os.FileMode = 0o644
