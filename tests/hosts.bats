#!/usr/bin/env bats
# Past one machine: the README's pipelines under GNU parallel over two
# hosts, this one and a "remote" one reached through ssh (an sshd started
# here on a loopback port, with throwaway host and user keys), give the
# bytes of one process; and a host that drops out mid-run has its jobs run
# again elsewhere (--retries) without a row lost or doubled.

bats_require_minimum_version 1.5.0
load helpers
load shardlib

SSHD=/usr/sbin/sshd

# free_port: a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# sshd_start DIR: keys, configuration and an sshd on a loopback port in
# DIR; fails (with DIR/why saying why) where sshd cannot be started.
sshd_start() {
	local d=$1 port i
	[ -x "$SSHD" ] && command -v ssh >/dev/null && command -v ssh-keygen >/dev/null ||
		{ echo "openssh-server and openssh-client are not installed" >"$d/why"; return 1; }
	# sshd run by root wants its privilege separation directory
	[ "$(id -u)" -ne 0 ] || [ -d /run/sshd ] || mkdir -p -m 0755 /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$d/hostkey" &&
		ssh-keygen -q -t ed25519 -N '' -f "$d/userkey" &&
		cp "$d/userkey.pub" "$d/authorized_keys" || return 1
	port=$(free_port) || return 1
	cat >"$d/sshd_config" <<-CONF
		Port $port
		ListenAddress 127.0.0.1
		HostKey $d/hostkey
		AuthorizedKeysFile $d/authorized_keys
		PidFile $d/sshd.pid
		StrictModes no
		UsePAM no
		PasswordAuthentication no
		KbdInteractiveAuthentication no
		PermitRootLogin prohibit-password
		MaxStartups 50
		LogLevel ERROR
	CONF
	cat >"$d/ssh_config" <<-CONF
		Host remote
		  HostName 127.0.0.1
		  Port $port
		  User $(id -un)
		  IdentityFile $d/userkey
		  IdentitiesOnly yes
		  StrictHostKeyChecking no
		  UserKnownHostsFile /dev/null
		  BatchMode yes
		  ConnectTimeout 10
		  LogLevel ERROR
	CONF
	"$SSHD" -f "$d/sshd_config" -E "$d/sshd.log" 2>"$d/why" || return 1
	for i in $(seq 50); do
		ssh -F "$d/ssh_config" remote true 2>"$d/why" && return 0
		sleep 0.1
	done
	return 1
}

# sshd_kill DIR: the remote host drops out: its sshd and every session
# it started are killed at once.
sshd_kill() {
	local pid
	pid=$(cat "$1/sshd.pid" 2>/dev/null) || return 0
	kill -9 $(descendants "$pid") "$pid" 2>/dev/null || true
}

# descendants PID: the processes below PID, deepest first.
descendants() {
	local c
	for c in $(ps -o pid= --ppid "$1"); do
		descendants "$c"
		echo "$c"
	done
}

setup_file() {
	local d=$BATS_FILE_TMPDIR
	cd "$d"
	shard_inputs
	sshd_start "$d" || touch "$d/no-sshd"
}

teardown_file() {
	sshd_kill "$BATS_FILE_TMPDIR"
}

setup() {
	cd "$BATS_FILE_TMPDIR"
	command -v parallel >/dev/null || skip "GNU parallel is not installed (CI installs it)"
	[ ! -e no-sshd ] || skip "sshd cannot be started here: $(head -c 200 why)"
	export HOME=$BATS_TEST_TMPDIR
}

# hosts BLOCK INPUT PARALLEL-ARGS...: parallel --pipe over this host and
# the remote one, a job slot each, in blocks of BLOCK bytes, in input
# order, logging the jobs to $BATS_TEST_TMPDIR/joblog.
hosts() {
	local block=$1 input=$2
	shift 2
	parallel --will-cite --ssh "ssh -F $BATS_FILE_TMPDIR/ssh_config" -S 1/:,1/remote \
	    --env PATH --env TABLOID_DATADIR --joblog "$BATS_TEST_TMPDIR/joblog" \
	    --pipe --header : --block "$block" -k "$@" <"$input"
}

# both_hosts_ran: fail unless the last run's jobs ran on both hosts.
both_hosts_ran() {
	local j=$BATS_TEST_TMPDIR/joblog
	awk -F'\t' 'NR > 1 && $7 == 0 { print $2 }' "$j" | sort -u | tr '\n' ' ' >"$j.hosts"
	cat "$j.hosts"
	[ "$(cat "$j.hosts")" = ": remote " ]
}

@test "hosts: the remote host runs tabloid with its data files" {
	run ssh -F ssh_config remote "cd '$PWD' && TABLOID_DATADIR='$TABLOID_DATADIR' PATH='$PATH' tabloid-count --version"
	[ "$status" -eq 0 ]
	[[ $output == tabloid-count* ]]
}

@test "hosts: the word count over two hosts equals one process" {
	tabloid-count -f token tok.tsv >single
	hosts 20k tok.tsv tabloid-count -f token | tabloid-count --merge >multi
	both_hosts_ran
	cmp single multi
	[ "$(awk -F'\t' 'NR > 1' "$BATS_TEST_TMPDIR/joblog" | wc -l)" -gt 4 ]
}

@test "hosts: the per-document entity count over two hosts equals one process" {
	tabloid-tag-entities sent.tsv | tabloid-count -f doc,ent_label,entity >single
	parallel --will-cite --ssh "ssh -F $BATS_FILE_TMPDIR/ssh_config" -S 1/:,1/remote \
	    --env PATH --env TABLOID_DATADIR --joblog "$BATS_TEST_TMPDIR/joblog" \
	    --pipe --header : --colsep '\t' --group-by doc --block 30k -k \
	    'tabloid-tag-entities | tabloid-count -f doc,ent_label,entity' <sent.tsv |
	    tabloid-count --merge >multi
	both_hosts_ran
	cmp single multi
}

@test "hosts: a host that drops out mid-run has its jobs run again, no row lost or doubled" {
	local mark=$BATS_TEST_TMPDIR/remote-running i
	tabloid-tokenize sent.tsv >single
	# each job says which it is when it runs on the remote host, then
	# takes a while
	hosts 15k sent.tsv --retries 3 \
	    "if [ -n \"\${SSH_CONNECTION-}\" ]; then echo \$PARALLEL_SEQ >'$mark'; fi; sleep 1; tabloid-tokenize" \
	    >multi.raw &
	for i in $(seq 300); do
		[ -e "$mark" ] && break
		sleep 0.05
	done
	[ -e "$mark" ]
	sshd_kill "$BATS_FILE_TMPDIR"
	wait $!
	dehead <multi.raw >multi
	cmp single multi
	# the job the remote host was running when it went ran again here
	seq=$(cat "$mark")
	awk -F'\t' -v s="$seq" '$1 == s' "$BATS_TEST_TMPDIR/joblog" >retried
	cat retried
	[ "$(cut -f2,7 retried)" = ":	0" ]
}
