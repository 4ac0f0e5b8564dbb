# help2roff.awk: a program's --help as its manual page, so that the two
# cannot disagree (the man page is made from the help by make).
#   PROG --help | awk -v prog=PROG -v name='WHAT IT DOES' -v version=V \
#       -f help2roff.awk > PROG.1
# The help's layout is kept: its first line is the synopsis, the paragraph
# after it the description, lines ending in ':' start sections (Kinds:,
# Examples:), option lines ("  -x, --long=V   text") become tagged
# paragraphs with their continuation lines, and other indented lines (and
# every line of Examples:, a command's continued options among them) are
# shown as they are.
function esc(s) {
	gsub(/\\/, "\\e", s)
	gsub(/-/, "\\-", s)
	if (s ~ /^[.']/)
		s = "\\&" s
	return s
}
function endpre() { if (pre) { print ".fi"; pre = 0 } }
function endopt() { if (opt) { print esc(text); opt = 0 } }
BEGIN {
	printf ".TH %s 1 \"\" \"toll %s\" \"toll manual\"\n", toupper(prog), version
	print ".SH NAME"
	print esc(prog) " \\- " esc(name)
}
NR == 1 {
	sub(/^Usage: /, "")
	print ".SH SYNOPSIS"
	print ".B " esc($0)
	next
}
NR == 2 { print ".SH DESCRIPTION" }
/^$/ { endopt(); endpre(); blank = 1; inopt = 0; next }
/^[A-Z][A-Za-z ,()-]*:$/ {
	endopt(); endpre()
	inopt = 0
	h = substr($0, 1, length($0) - 1)
	# Examples are command lines, shown as they are, options and all.
	section = h == "Examples" ? "examples" : "other"
	print ".SH " toupper(esc(h))
	blank = 0
	next
}
section != "examples" && match($0, /^ +(-[A-Za-z0-9](, --[a-z][a-z-]*(=[^ ]+)?)?|--[a-z][a-z-]*(=[^ ]+)?)( [A-Z][A-Z_.=,]*)?/) {
	# An option: its spec, then its text after at least one space.
	endopt(); endpre()
	if (!options) {
		print ".SH OPTIONS"
		options = 1
	}
	section = "options"
	spec = substr($0, 1, RLENGTH)
	text = substr($0, RLENGTH + 1)
	sub(/^ +/, "", spec)
	sub(/^ +/, "", text)
	print ".TP"
	print ".B " esc(spec)
	opt = 1
	inopt = 1
	blank = 0
	next
}
opt && /^                       [^ ]/ {
	line = $0
	sub(/^ +/, "", line)
	text = text " " line
	next
}
/^ / {
	endopt()
	line = $0
	# Lines under an option (a list of its values): under its text.
	if (inopt)
		sub(/^                       /, "", line)
	if (!pre) {
		if (blank)
			print ".PP"
		print ".nf"
		pre = 1
	}
	print esc(line)
	blank = 0
	next
}
{
	endopt(); endpre()
	inopt = 0
	# Prose after the options: notes.
	if (section == "options") {
		print ".SH NOTES"
		section = "notes"
		blank = 0
	}
	if (blank)
		print ".PP"
	print esc($0)
	blank = 0
}
END {
	endopt(); endpre()
	print ".SH SEE ALSO"
	print ".BR toll (7)"
	print "for the reports table, the figure, series and claims, and the combine policies;"
	print ".BR toll (1),"
	print ".BR toll\\-check (1),"
	print ".BR toll\\-agg (1),"
	print ".BR toll\\-rev (1),"
	print ".BR toll\\-stats (1),"
	print ".BR toll\\-plot (1),"
	print ".BR toll\\-import (1),"
	print ".BR toll\\-extract (1),"
	print ".BR toll\\-report (1)."
}
