#!/bin/sh
# Simulated hosts for the tests of runs on several hosts (tests/cli/hosts.t):
# a private sshd on each of the loopback addresses 127.0.0.2 and 127.0.0.3,
# with keys, configuration and logs of its own in DIR.  Nothing else is
# ever a target, and nothing outside DIR is written but /run/sshd, the
# folder sshd needs when it runs as root (made as its Debian package does).
#
#   tests/hosts/sshd.sh start DIR   prints the ssh command that reaches them
#                                   (ssh -F DIR/ssh_config), or exits 77
#                                   (skipped) when this machine cannot run them
#   tests/hosts/sshd.sh stop DIR    stops them
set -u

cmd=$1
dir=$2
hosts="127.0.0.2 127.0.0.3"

skip() {
	echo "cannot simulate hosts: $*" >&2
	exit 77
}

stop() {
	for h in $hosts; do
		if [ -s "$dir/sshd-$h.pid" ]; then
			kill "$(cat "$dir/sshd-$h.pid")" 2>/dev/null
			rm -f "$dir/sshd-$h.pid"
		fi
	done
}

case $cmd in
stop)
	stop
	exit 0
	;;
start) ;;
*)
	echo "usage: sshd.sh start|stop DIR" >&2
	exit 2
	;;
esac

sshd=/usr/sbin/sshd
[ -x "$sshd" ] || skip "no $sshd (Debian package openssh-server)"
command -v ssh >/dev/null 2>&1 || skip "no ssh (Debian package openssh-client)"
command -v ssh-keygen >/dev/null 2>&1 || skip "no ssh-keygen (Debian package openssh-client)"
command -v parallel >/dev/null 2>&1 || skip "no parallel (Debian package parallel)"
mkdir -p "$dir" || exit 2
dir=$(cd "$dir" && pwd)
user=$(id -un)

if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 0755 /run/sshd || skip "cannot make /run/sshd"
fi
if [ ! -s "$dir/host_key" ]; then
	ssh-keygen -q -t ed25519 -N '' -C toll-test-host -f "$dir/host_key" >/dev/null || exit 2
	ssh-keygen -q -t ed25519 -N '' -C toll-test-user -f "$dir/user_key" >/dev/null || exit 2
	cp "$dir/user_key.pub" "$dir/authorized_keys"
	chmod 600 "$dir/authorized_keys"
fi

# A port free on both addresses: tried from one that depends on this process.
port=$((20000 + $$ % 20000))
tries=0
while :; do
	ok=1
	: >"$dir/known_hosts"
	for h in $hosts; do
		cat >"$dir/sshd_config-$h" <<EOF
ListenAddress $h:$port
HostKey $dir/host_key
PidFile $dir/sshd-$h.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $user
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
MaxStartups 100
MaxSessions 100
LogLevel ERROR
EOF
		rm -f "$dir/sshd-$h.pid"
		"$sshd" -f "$dir/sshd_config-$h" -E "$dir/sshd-$h.log" 2>>"$dir/sshd-$h.log"
		printf '[%s]:%s %s\n' "$h" "$port" "$(cut -d' ' -f1,2 "$dir/host_key.pub")" >>"$dir/known_hosts"
	done
	# Up when each has written its pid (sshd daemonizes after binding).
	n=0
	while [ $n -lt 50 ]; do
		up=0
		for h in $hosts; do
			[ -s "$dir/sshd-$h.pid" ] && up=$((up + 1))
		done
		[ $up -eq 2 ] && break
		sleep 0.1
		n=$((n + 1))
	done
	[ $up -eq 2 ] || ok=0
	if [ $ok -eq 1 ]; then
		break
	fi
	stop
	tries=$((tries + 1))
	if [ $tries -ge 5 ]; then
		skip "sshd did not start on $hosts: $(cat "$dir"/sshd-*.log | head -n 3)"
	fi
	port=$((port + 1))
done

# Should the test be killed before it stops them: gone after 15 minutes all the same.
pids=$(cat "$dir"/sshd-*.pid | tr '\n' ' ')
(trap '' HUP; sleep 900; for p in $pids; do grep -qF "$dir" "/proc/$p/cmdline" 2>/dev/null && kill "$p"; done) \
	</dev/null >/dev/null 2>&1 &

cat >"$dir/ssh_config" <<EOF
Host 127.0.0.2 127.0.0.3
	Port $port
	User $user
	IdentityFile $dir/user_key
	IdentitiesOnly yes
	UserKnownHostsFile $dir/known_hosts
	GlobalKnownHostsFile /dev/null
	StrictHostKeyChecking yes
	BatchMode yes
	ControlMaster no
	LogLevel ERROR
EOF
# Each answers, as the user, with its own address.
for h in $hosts; do
	got=$(ssh -F "$dir/ssh_config" "$h" 'echo "$SSH_CONNECTION"' 2>"$dir/ssh-$h.err" | cut -d' ' -f3)
	if [ "$got" != "$h" ]; then
		stop
		skip "ssh to $h:$port failed: $(head -n 2 "$dir/ssh-$h.err")"
	fi
done
echo "ssh -F $dir/ssh_config"
