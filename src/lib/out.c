#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out.h"
#include "sbuf.h"

/*
 * OUT_BUFSIZE is 64 KiB: larger buffers gave no measurable gain writing
 * tokenize output to a pipe and to a file on the benchmark machine.
 */
char out_buf[OUT_BUFSIZE];
size_t out_len;
static int out_fd = STDOUT_FILENO;
static char *out_tmp;		/* temporary file name while writing -o */
static char *out_target;	/* final name for -o */

static void
out_cleanup(void)
{
	if (out_tmp != NULL)
		unlink(out_tmp);
}

static void
out_fail(void)
{
	errx(2, "write error%s%s", errno ? ": " : "", errno ? strerror(errno) : "");
}

void
out_open(const char *path)
{
	char *dup, *dir;
	mode_t mask;

	if (path == NULL || strcmp(path, "-") == 0)
		return;
	dup = xstrdup(path);
	dir = dirname(dup);
	out_tmp = xmalloc(strlen(dir) + 32);
	sprintf(out_tmp, "%s/.tabloid.XXXXXX", dir);
	free(dup);
	out_fd = mkstemp(out_tmp);
	if (out_fd == -1) {
		free(out_tmp);
		out_tmp = NULL;
		err(2, "%s", path);
	}
	mask = umask(0);
	umask(mask);
	fchmod(out_fd, 0666 & ~mask);
	out_target = xstrdup(path);
	atexit(out_cleanup);
}

void
out_flush(void)
{
	size_t off = 0;

	while (off < out_len) {
		ssize_t n = write(out_fd, out_buf + off, out_len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			out_fail();
		}
		off += (size_t)n;
	}
	out_len = 0;
}

void
out_write_slow(const void *p, size_t n)
{
	if (n == 0)
		return;
	if (n > OUT_BUFSIZE - out_len) {
		out_flush();
		if (n >= OUT_BUFSIZE) {
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
			return;
		}
	}
	memcpy(out_buf + out_len, p, n);
	out_len += n;
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
	errno = 0;
	out_flush();
	if (out_tmp == NULL) {
		if (close(STDOUT_FILENO) != 0 && errno != EBADF)
			out_fail();
		return;
	}
	if (close(out_fd) != 0)
		out_fail();
	if (rename(out_tmp, out_target) != 0)
		err(2, "%s", out_target);
	free(out_tmp);
	out_tmp = NULL;
}

void
out_exit(int status)
{
	if (status == 0 || out_tmp == NULL)
		out_close();
	exit(status);
}
