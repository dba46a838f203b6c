#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"
#include "sbuf.h"
#include "utf8.h"

/*
 * OUT_BUFSIZE is 64 KiB: larger buffers gave no measurable gain writing
 * tokenize output to a pipe and to a file on the benchmark machine.
 */
char out_buf[OUT_BUFSIZE];
size_t out_len;
static int out_fd = STDOUT_FILENO;
static char *out_tmp;		/* temporary file name while writing -o */
static char *out_target;	/* final name for -o */
static struct sbuf *out_hold;	/* where output goes instead of out_fd, or NULL */
static void (*out_trap_fn)(void);	/* out_trap()'s clean-up */
static void (*out_feed)(const char *, size_t);	/* out_filter()'s, or NULL */
static void (*out_end)(void);			/* likewise */

static const int out_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGXCPU, SIGXFSZ };
#define OUT_NSIGS (sizeof out_sigs / sizeof out_sigs[0])

static void
out_cleanup(void)
{
	if (out_tmp != NULL)
		unlink(out_tmp);
}

static void
out_on_signal(int sig)
{
	if (out_tmp != NULL)
		unlink(out_tmp);
	if (out_trap_fn != NULL)
		out_trap_fn();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
out_signals(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < OUT_NSIGS; i++)
		sigaddset(set, out_sigs[i]);
}

void
out_trap(void (*fn)(void))
{
	struct sigaction sa, old;
	size_t i;

	out_trap_fn = fn;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = out_on_signal;
	out_signals(&sa.sa_mask);
	for (i = 0; i < OUT_NSIGS; i++)
		if (sigaction(out_sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(out_sigs[i], &sa, NULL);
}

static void
out_fail(void)
{
	errx(2, "write error%s%s", errno ? ": " : "", errno ? strerror(errno) : "");
}

/*
 * The file a -o path names: symbolic links are followed, so that the file
 * they point to is replaced and the links stay.  Returns a malloc'd path.
 */
static char *
out_resolve(const char *path)
{
	char *cur = xstrdup(path), link[4096];
	int hops;

	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		ssize_t n;
		char *dup, *dir, *next;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		if ((n = readlink(cur, link, sizeof link - 1)) < 0)
			err(2, "%s", path);
		link[n] = '\0';
		if (link[0] == '/')
			next = xstrdup(link);
		else {
			dup = xstrdup(cur);
			dir = dirname(dup);
			next = xmalloc(strlen(dir) + strlen(link) + 2);
			sprintf(next, "%s/%s", dir, link);
			free(dup);
		}
		free(cur);
		cur = next;
	}
	errno = ELOOP;
	err(2, "%s", path);
}

/*
 * Write straight into a file that is not a regular one (a FIFO, a device),
 * as sort(1) does; returns false when path is a regular file or absent.
 */
static bool
out_open_special(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return false;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		err(2, "%s", path);
	}
	out_fd = open(path, O_WRONLY | O_TRUNC);
	if (out_fd == -1)
		err(2, "%s", path);
	return true;
}

int
out_mktemp(char *tmpl)
{
	mode_t mask;
	int fd;

	if ((fd = mkstemp(tmpl)) == -1)
		return -1;
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return fd;
}

void
out_open(const char *path)
{
	char *dup, *dir, *target;

	if (path == NULL || strcmp(path, "-") == 0)
		return;
	if (out_open_special(path))
		return;
	target = out_resolve(path);
	dup = xstrdup(target);
	dir = dirname(dup);
	out_tmp = xmalloc(strlen(dir) + 32);
	sprintf(out_tmp, "%s/.tabloid.XXXXXX", dir);
	free(dup);
	if ((out_fd = out_mktemp(out_tmp)) == -1) {
		free(out_tmp);
		out_tmp = NULL;
		err(2, "%s", path);
	}
	out_target = target;
	atexit(out_cleanup);
	out_trap(NULL);
}

void
out_filter(void (*feed)(const char *p, size_t n), void (*end)(void))
{
	out_feed = feed;
	out_end = end;
}

bool
out_held(void)
{
	return out_hold != NULL;
}

void
out_raw(const void *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(out_fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			out_fail();
		}
		p = (const char *)p + w;
		n -= (size_t)w;
	}
}

/* Write n bytes to the output's destination, past the buffer. */
static void
out_put(const void *p, size_t n)
{
	if (out_hold != NULL)
		sbuf_add(out_hold, p, n);
	else if (out_feed != NULL)
		out_feed(p, n);
	else
		out_raw(p, n);
}

/*
 * Write p[0..n) as valid UTF-8; unless last, keep back an incomplete
 * sequence at the end that later bytes may complete.  Returns the bytes
 * kept back.
 */
static size_t
out_put_valid(const char *p, size_t n, bool last)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i = 0;

	for (;;) {
		size_t k = i + utf8_valid_len(p + i, n - i);

		if (k == n) {
			out_put(p + i, k - i);
			return 0;
		}
		if (!last && n - k < 4 && utf8_is_partial(p + k, n - k)) {
			out_put(p + i, k - i);
			return n - k;
		}
		if (k > i)
			out_put(p + i, k - i);
		out_put(fffd, 3);
		i = k + 1;
	}
}

/* Write out the buffer, keeping back an incomplete character unless last. */
static void
out_drain(bool last)
{
	size_t keep = out_put_valid(out_buf, out_len, last);

	memmove(out_buf, out_buf + out_len - keep, keep);
	out_len = keep;
}

void
out_finish(void)
{
	out_drain(true);
	if (out_hold == NULL && out_end != NULL)
		out_end();
}

void
out_flush(void)
{
	out_drain(false);
}

void
out_redirect(int fd, struct sbuf *hold)
{
	out_finish();
	out_fd = fd;
	out_hold = fd == -1 ? hold : NULL;
}

void
out_write_slow(const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		size_t k;

		if (out_len == OUT_BUFSIZE)
			out_flush();
		k = OUT_BUFSIZE - out_len < n ? OUT_BUFSIZE - out_len : n;
		memcpy(out_buf + out_len, s, k);
		out_len += k;
		s += k;
		n -= k;
	}
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_u64(uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	char tmp[24];
	char *e = tmp + sizeof tmp, *q = e;

	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);

		v /= 100;
		q -= 2;
		q[0] = pairs[2 * r];
		q[1] = pairs[2 * r + 1];
	}
	if (v >= 10) {
		q -= 2;
		q[0] = pairs[2 * v];
		q[1] = pairs[2 * v + 1];
	} else
		*--q = (char)('0' + v);
	out_write(q, (size_t)(e - q));
}

void
out_escaped(const void *p, size_t n)
{
	const char *s = p, *end = s + n;

	while (s < end) {
		const char *q = s;

		while (q < end && *q != '\t' && *q != '\n' && *q != '\r' &&
		    *q != '\\')
			q++;
		out_write(s, (size_t)(q - s));
		if (q == end)
			break;
		out_byte('\\');
		out_byte(*q == '\t' ? 't' : *q == '\n' ? 'n' : *q == '\r' ? 'r' : '\\');
		s = q + 1;
	}
}

void
out_close(void)
{
	char *tmp = out_tmp;

	errno = 0;
	out_finish();
	if (tmp == NULL) {
		if (close(out_fd) != 0 && errno != EBADF)
			out_fail();
		return;
	}
	if (close(out_fd) != 0)
		out_fail();
	if (rename(tmp, out_target) != 0)
		err(2, "%s", out_target);
	out_tmp = NULL;
	free(tmp);
	free(out_target);
	out_target = NULL;
}

void
out_exit(int status)
{
	if (status == 0 || out_tmp == NULL)
		out_close();
	exit(status);
}
