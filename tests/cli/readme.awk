# Turns a README's examples into golden cases: every indented line
# '    $ COMMAND' (continued on the next line when it ends in '\'), with the
# lines shown under it as its output (standard error and standard output
# as they appear, error first; none shown: none expected), runs in a fresh
# folder that has the repository's datasets/ and plots/, so that what an
# example writes (tolls.png) is not left in the repository.
#   awk -v top=TOP -v file=NAME [-v shown=1] -f readme.awk README.md > readme.t
# With shown set (src/README.md), only examples shown with their output are
# cases, and they run from the top of the repository.
function flush() {
	if (cmd != "" && (!shown || nout > 0)) {
		printf "=== %s line %d: %s\n", file, cmdline, substr(cmd, 1, 60)
		if (shown)
			printf "$ cd \"%s\" && { %s ; } 2>&1; true\n", top, cmd
		else
			printf "$ d=$(mktemp -d \"$TEST_TMP/readme.XXXXXX\") && cd \"$d\" && ln -s \"%s/datasets\" \"%s/plots\" . && { %s ; } 2>&1; true\n", top, top, cmd
		print "--- stdout"
		for (i = 1; i <= nout; i++)
			print out[i]
		print ""
	}
	cmd = ""
	nout = 0
}
cont { line = $0; sub(/^ +/, "", line); sub(/\\$/, "", cmd); cmd = cmd " " line; cont = /\\$/; next }
/^    \$ / { flush(); cmd = substr($0, 7); cmdline = NR; cont = /\\$/; next }
cmd != "" && /^    / { out[++nout] = substr($0, 5); next }
{ flush() }
END { flush() }
