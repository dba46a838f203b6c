/*
 * docout: one output file per document from a single run, for -O DIR.
 *
 * docout_open() makes DIR, as mkdir -p does, and holds what the program
 * then writes through out.h until the first document begins: that is the
 * header, written again at the top of each document's file.  A document's
 * rows go to DIR/ID.EXT, where ID is its doc id and EXT the extension
 * given; the '/' in an id separate subdirectories, made as needed.
 *
 * Each file is written to a temporary file next to it (.tabloid.XXXXXX).
 * Only docout_exit(0), at the end of a run that succeeded, renames them all
 * into place, with the signals that end a run blocked meanwhile; a file
 * whose new content is byte for byte the old one is left alone, mtime
 * included, so that make(1) does not redo what depends on it.  A run that
 * fails (any other exit, or one of out_trap()'s signals) removes its
 * temporary files and the directories it made, leaving DIR as it was.  The
 * list of those is kept so that the signal handler can walk it
 * async-signal-safely; only SIGKILL, which cannot be caught, leaves
 * temporary files behind (and still no target changed).
 *
 * A doc id is refused, ending the program with status 2 and a message
 * naming the file and line where the document starts, when it is empty,
 * starts with '/', has an empty, "." or ".." component, holds a control
 * character (bytes 0 to 31 and 127), or has a component longer than
 * NAME_MAX bytes (the last one with its extension); and when it is the id
 * of a document seen earlier in the run, as a second file would overwrite
 * the first.  A subdirectory on the way that exists as a symbolic link or
 * as anything but a directory is an error, so nothing is written outside
 * DIR; an existing DIR/ID.EXT that is a symbolic link is replaced, not
 * followed.
 *
 * Until docout_open() is called the functions do nothing (docout_claim()
 * returns NULL) and docout_exit() is out_exit(), so a program calls them
 * whether or not -O was given.  docout_claim() and docout_begin() may be
 * called from two threads, one reading and one writing, when the
 * documents pass from one to the other under a lock; files are made only
 * by docout_claim().
 */
#ifndef TABLOID_DOCOUT_H
#define TABLOID_DOCOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct docout_doc;

/* Write each document to dir/ID.ext (ext such as ".tsv"); exits 2 on error. */
void docout_open(const char *dir, const char *ext);
/* Whether docout_open() was called. */
bool docout_active(void);
/*
 * Check and claim the id id[0..n) of a document that starts at line line
 * of file (line 0: the whole file is the document; "-" is the standard
 * input), and create its directories and temporary file.  With escaped,
 * id is in the TSV escapes of the wire format and is decoded first.
 * Returns the document for docout_begin(), or NULL when -O is not in
 * effect; ends the program with status 2 on a refused id or an error.
 */
struct docout_doc *docout_claim(const char *id, size_t n, bool escaped, const char *file,
    uint64_t line);
/*
 * Send the output from now on to doc's temporary file, starting with the
 * header: the previous document's file is complete.  Does nothing for NULL.
 */
void docout_begin(struct docout_doc *doc);
/* docout_begin(docout_claim(...)): for programs that read and write in turn. */
void docout_start(const char *id, size_t n, bool escaped, const char *file, uint64_t line);
/*
 * End the program with status: 0 puts every document's file in place as
 * described above (exit 2 if that fails); any other status removes them.
 */
void docout_exit(int status) __attribute__((noreturn));

#endif
