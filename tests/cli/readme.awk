# Turns the README's examples into golden cases: every indented line
# '    $ COMMAND' with the lines shown under it (standard error and standard
# output as they appear, error first) is run from the top of the repository
# and must print exactly those lines.  Examples shown without output (files
# the reader would have) are not cases.
#   awk -f readme.awk README.md > readme.t
function flush() {
	if (cmd != "" && nout > 0) {
		printf "=== README line %d: %s\n", cmdline, substr(cmd, 1, 60)
		printf "$ cd ../.. && { %s ; } 2>&1; true\n", cmd
		print "--- stdout"
		for (i = 1; i <= nout; i++)
			print out[i]
		print ""
	}
	cmd = ""
	nout = 0
}
/^    \$ / { flush(); cmd = substr($0, 7); cmdline = NR; next }
cmd != "" && /^    / { out[++nout] = substr($0, 5); next }
{ flush() }
END { flush() }
