/*
 * progress: the --progress line on standard error.
 *
 * A program turns it on with progress_start().  The input readers then
 * tell it the bytes they read (progress_read()), and the program, or the
 * reader that knows, each document it has finished (progress_doc(), or
 * progress_doc_id() for rows that carry a doc id).  About once a second
 * (TABLOID_PROGRESS_INTERVAL milliseconds) a line goes to standard error:
 *
 *     tabloid-split: 1,234 documents, 12.3 MB, 4.1 MB/s, 410 documents/s
 *
 * and progress_end() writes the final one, with the exact byte count and
 * the time taken:
 *
 *     tabloid-split: 1,234 documents, 12,345,678 bytes (12.3 MB) in 3.0 s,
 *     4.1 MB/s, 410 documents/s
 *
 * (one line).  A MB is 10^6 bytes; rates are averages since the start;
 * counts are grouped in threes with commas whatever the locale.
 *
 * On a terminal the line is rewritten in place after a carriage return,
 * as dd(1) does, and anything else written to standard error (warn(3),
 * err(3), input_fail()) first ends it with a newline, so that a message
 * never follows half a line; elsewhere every line is written whole.
 * Nothing is written to standard output.
 *
 * While it is off, each hook costs one test of progress_state.on.  When it
 * is on, the clock is read once per document and once per block read.
 */
#ifndef TABLOID_PROGRESS_H
#define TABLOID_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* When to show progress. */
enum progress_when {
	PROGRESS_OFF,
	PROGRESS_ON,
	PROGRESS_AUTO	/* when standard error is a terminal */
};

/* The counters; read by the inline hooks, written only through them. */
struct progress_state {
	bool on;		/* progress is being shown */
	uint64_t docs;		/* documents finished */
	uint64_t bytes;		/* input bytes read */
};

extern struct progress_state progress_state;

/*
 * Start counting and timing (from now) when w says so.  With
 * PROGRESS_ON or a terminal, reads TABLOID_PROGRESS_INTERVAL and ends the
 * program with status 2 when it is not a number of milliseconds from 1 to
 * 3600000.  Calling it again does nothing.
 */
void progress_start(enum progress_when w);
/* Write a line when the interval has passed; for the hooks below. */
void progress_tick(void);
/*
 * A document with id (n bytes) has been read: counted when it differs
 * from the id of the previous call, so that a run of rows with one doc
 * id is one document.
 */
void progress_doc_id(const char *id, size_t n);
/*
 * Write the final line (on success, when the input is all read); after
 * it nothing more is shown.  Does nothing when progress is off.
 */
void progress_end(void);

/* n more bytes of input have been read. */
static inline void
progress_read(size_t n)
{
	if (progress_state.on) {
		progress_state.bytes += n;
		progress_tick();
	}
}

/* One more document has been read. */
static inline void
progress_doc(void)
{
	if (progress_state.on) {
		progress_state.docs++;
		progress_tick();
	}
}

#endif
