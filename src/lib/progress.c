#include "config.h"

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "opt.h"
#include "progress.h"
#include "sbuf.h"

#define DEFAULT_INTERVAL_MS 1000
#define MAX_INTERVAL_MS 3600000

struct progress_state progress_state;

static struct {
	bool tty;		/* standard error is a terminal: rewrite in place */
	uint64_t start;		/* clock at progress_start(), ns */
	uint64_t next;		/* clock at which the next line is due, ns */
	uint64_t interval;	/* ns between lines */
	size_t shown;		/* length of the line left unfinished on the terminal */
	bool have_id;		/* lastid holds the previous document's id */
	struct sbuf lastid;
} pr;

static uint64_t
progress_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Write n bytes to standard error; a failure there cannot be reported. */
static int
progress_write(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(STDERR_FILENO, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* End the line left on the terminal, if any, so that what follows starts a new one. */
static void
progress_break(void)
{
	if (pr.shown > 0) {
		pr.shown = 0;
		progress_write("\n", 1);
	}
}

/* Standard error while the line is rewritten in place. */
static ssize_t
progress_stderr_write(void *cookie, const char *p, size_t n)
{
	(void)cookie;
	progress_break();
	return progress_write(p, n) == 0 ? (ssize_t)n : -1;
}

static void
progress_atexit(void)
{
	progress_break();
}

/* Put standard error through progress_stderr_write(). */
static void
progress_hook_stderr(void)
{
	cookie_io_functions_t io = { .write = progress_stderr_write };
	FILE *f = fopencookie(NULL, "w", io);

	if (f == NULL)
		err(2, "standard error");
	setvbuf(f, NULL, _IONBF, 0);
	fflush(stderr);
	stderr = f;
	atexit(progress_atexit);
}

void
progress_start(enum progress_when w)
{
	const char *e = getenv("TABLOID_PROGRESS_INTERVAL");
	uint64_t ms = DEFAULT_INTERVAL_MS;

	if (progress_state.on || w == PROGRESS_OFF)
		return;
	pr.tty = isatty(STDERR_FILENO);
	if (w == PROGRESS_AUTO && !pr.tty)
		return;
	if (e != NULL && opt_parse_count(e, 1, MAX_INTERVAL_MS, &ms) != OPT_OK)
		errx(2, "TABLOID_PROGRESS_INTERVAL: '%s' is not a number of milliseconds "
		    "from 1 to %d", e, MAX_INTERVAL_MS);
	pr.interval = ms * 1000000u;
	pr.start = progress_clock();
	pr.next = pr.start + pr.interval;
	if (pr.tty)
		progress_hook_stderr();
	progress_state.on = true;
}

/* v in decimal, grouped in threes by commas, into s (32 bytes). */
static void
progress_group(char *s, uint64_t v)
{
	char d[24];
	int n = snprintf(d, sizeof d, "%llu", (unsigned long long)v), i, j = 0;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			s[j++] = ',';
		s[j++] = d[i];
	}
	s[j] = '\0';
}

/* The progress line at clock now, the final one when final; returns its length. */
static size_t
progress_format(char *buf, size_t cap, uint64_t now, bool final)
{
	double secs = (double)(now - pr.start) / 1e9, mb = (double)progress_state.bytes / 1e6;
	double per = secs > 1e-3 ? secs : 1e-3;
	char docs[32], bytes[32], rate[32];
	const char *noun = progress_state.docs == 1 ? "document" : "documents";
	int n;

	progress_group(docs, progress_state.docs);
	progress_group(rate, (uint64_t)((double)progress_state.docs / per + 0.5));
	if (final) {
		progress_group(bytes, progress_state.bytes);
		n = snprintf(buf, cap, "%s: %s %s, %s bytes (%.1f MB) in %.2f s, %.1f MB/s, "
		    "%s documents/s", program_invocation_short_name, docs, noun, bytes, mb, secs,
		    mb / per, rate);
	} else
		n = snprintf(buf, cap, "%s: %s %s, %.1f MB, %.1f MB/s, %s documents/s",
		    program_invocation_short_name, docs, noun, mb, mb / per, rate);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

/* Write the line: in place on a terminal, else whole. */
static void
progress_show(uint64_t now, bool final)
{
	char line[512], out[1024];
	size_t n = progress_format(line, sizeof line, now, final), len = 0;

	if (pr.tty && pr.shown > 0)
		out[len++] = '\r';
	memcpy(out + len, line, n);
	len += n;
	if (pr.tty) {
		for (; pr.shown > n; pr.shown--)
			out[len++] = ' ';
		pr.shown = n;
	}
	if (!pr.tty || final) {
		out[len++] = '\n';
		pr.shown = 0;
	}
	progress_write(out, len);
}

void
progress_tick(void)
{
	uint64_t now = progress_clock();

	if (now < pr.next)
		return;
	pr.next = now + pr.interval;
	progress_show(now, false);
}

void
progress_doc_id(const char *id, size_t n)
{
	if (!progress_state.on)
		return;
	if (pr.have_id && n == pr.lastid.len && (n == 0 || memcmp(id, pr.lastid.p, n) == 0))
		return;
	sbuf_reset(&pr.lastid);
	sbuf_add(&pr.lastid, id, n);
	pr.have_id = true;
	progress_doc();
}

void
progress_end(void)
{
	if (!progress_state.on)
		return;
	progress_show(progress_clock(), true);
	progress_state.on = false;
	sbuf_free(&pr.lastid);
}
