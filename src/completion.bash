# Bash completion of toll and its programs: installed as
# share/bash-completion/completions/toll, with a link per program.
# Options come from each program's --help (one source: they cannot
# disagree), and so do the values of --combine, --palette and --format,
# the chart kinds, import formats and toll-rev's commands; column options (-g, -x, -y, --series, --keep, --map ...)
# complete the column names of the header of the first file already on
# the command line.

# The names of the columns of file $1 (TSV, or CSV for a .csv name).
_toll_header() {
	local f=$1 line sep=$'\t' IFS
	[[ -r $f ]] || return
	while IFS= read -r line; do
		[[ $f != *.csv && $line == '#'* ]] && continue
		[[ -n $line ]] && break
	done <"$f"
	line=${line#$'\xef\xbb\xbf'}
	line=${line%$'\r'}
	[[ $f == *.csv ]] && sep=,
	IFS=$sep
	local -a names
	read -r -a names <<<"$line"
	local n
	for n in "${names[@]}"; do
		n=${n#\"}
		n=${n%\"}
		printf '%s\n' "$n"
	done
}

# Completes a comma-separated list of column names (-g event,sid<TAB>).
_toll_columns() {
	local cur=$1 w file= prefix= last
	for w in "${COMP_WORDS[@]:1}"; do
		if [[ $w != -* && -f $w ]]; then
			file=$w
			break
		fi
	done
	[[ -n $file ]] || return
	if [[ $cur == *,* ]]; then
		prefix=${cur%,*},
		last=${cur##*,}
	else
		last=$cur
	fi
	local IFS=$'\n' c
	for c in $(_toll_header "$file"); do
		[[ $c == "$last"* ]] && COMPREPLY+=("$prefix$c")
	done
	compopt -o nospace 2>/dev/null
}

# The long and short options of program $1, from its --help.
_toll_options() {
	"$1" --help 2>/dev/null | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]*|^ +-[A-Za-z]\b' |
		tr ',' '\n' | tr -d ' ' | sort -u
}

# The names a program's --help lists under a heading ("Kinds:" of
# toll-plot, "Formats:" of toll-import), from libtoll's tables; and
# toll-rev's commands, from its usage lines.
_toll_listed() {
	"$1" --help 2>/dev/null | awk -v head="$2" '$0 == head { f = 1; next }
		f && !/^ / { exit }
		f && /^  [a-z]/ { print $1 }'
}
# The policies of toll-agg's help: the labels at its 26th column ("min, max", "prefer:A,B,...").
_toll_policies() {
	toll-agg --help 2>/dev/null | awk 'substr($0, 1, 25) ~ /^ +$/ && substr($0, 26, 1) ~ /[a-z]/ {
		label = substr($0, 26)
		sub(/  .*/, "", label)
		n = split(label, a, ", ")
		for (i = 1; i <= n; i++) { w = a[i]; sub(/:.*/, ":", w); print w }
	}'
}
# The values option $2 takes, from the line of program $1's help that gives
# it: "--palette=NAME   okabe-ito (default), viridis or grey".
_toll_option_values() {
	"$1" --help 2>/dev/null | awk -v opt="$2" 'index($1, opt "=") == 1 {
		v = substr($0, 24)
		gsub(/\([^)]*\)/, "", v)
		gsub(/ or /, ", ", v)
		n = split(v, a, ",")
		for (i = 1; i <= n; i++) { w = a[i]; gsub(/ /, "", w); if (w != "") print w }
		exit
	}'
}
_toll_commands() {
	"$1" --help 2>/dev/null | awk '/^(Usage|  or): / { print $3 }'
}

# Completion for program $1 at word COMP_CWORD of COMP_WORDS, from word $2 on.
_toll_program() {
	local prog=$1 first=${2:-1}
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local kinds= i
	COMPREPLY=()
	case $prog in
	toll-plot) kinds=$(_toll_listed "$prog" Kinds:) ;;
	toll-import) kinds=$(_toll_listed "$prog" Formats:) ;;
	toll-rev) kinds=$(_toll_commands "$prog") ;;
	esac
	# --opt=value: complete the value (bash splits the word at '=', or not).
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == = ]]; then
		cur=
	fi
	case $prev in
	-c | --combine)
		COMPREPLY=($(compgen -W "$(_toll_policies)" -- "$cur"))
		[[ ${COMPREPLY[0]} == prefer: ]] && compopt -o nospace 2>/dev/null
		return ;;
	--palette | --format | --every)
		COMPREPLY=($(compgen -W "$(_toll_option_values "$prog" "$prev")" -- "$cur"))
		return ;;
	-g | --group | --by | -x | -y | --series | --keep | --value-map | -k | --key)
		_toll_columns "$cur"
		return ;;
	-o | --output | --deleted)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--title | --subtitle | --xlabel | --ylabel | --caption | --as-of | -a | --size | --scale | \
	--dpi | --bins | --ymin | --ymax | --xmin | --xmax | --mark | --color | --font | --na | \
	--names | --delimiter | --date-format | -m | --max-errors | -e | --event | --set | --map | \
	--reported | --release | --releases | --wide)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_toll_options "$prog")" -- "$cur"))
		return
	fi
	# The kind (plot), format (import) or command (rev) comes first.
	if [[ -n $kinds ]]; then
		local seen=
		for ((i = first; i < COMP_CWORD; i++)); do
			[[ ${COMP_WORDS[i]} != -* && ${COMP_WORDS[i - 1]} != -[oxyg] ]] && seen=1
		done
		if [[ -z $seen ]]; then
			COMPREPLY=($(compgen -W "$kinds" -- "$cur"))
			return
		fi
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

_toll() {
	local cmd=${COMP_WORDS[0]##*/}
	if [[ $cmd == toll ]]; then
		if ((COMP_CWORD == 1)); then
			COMPREPLY=($(compgen -W "check agg rev stats plot import extract report help --help --version" \
				-- "${COMP_WORDS[1]}"))
			return
		fi
		_toll_program "toll-${COMP_WORDS[1]}" 2
		return
	fi
	_toll_program "$cmd" 1
}

complete -F _toll toll toll-check toll-agg toll-rev toll-stats toll-plot toll-import toll-extract toll-report toll-split
