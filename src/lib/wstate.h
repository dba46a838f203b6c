/*
 * wstate: tabloid-watch's state directory, every version of every article
 * it watches.
 *
 * STATE/index is a TSV file (doc, version, time, bytes, object) with one
 * row per version, sorted by doc and version; a version whose object is
 * "-" records that the article was removed.  STATE/objects/XX/YYYY... holds
 * each distinct text once, named by its SHA-256 digest (XX its first two
 * hex digits), so that a text seen again is not stored again.  STATE/lock
 * is the file runs lock with flock(2).
 *
 * A run changes nothing until wstate_commit(): new texts go into objects
 * no index row names yet, and the new index is written aside and renamed
 * over the old one.  A run that dies leaves the index as it was; the
 * objects and temporary files it left are removed by the next
 * wstate_sweep().  Errors end the program with status 2 and a message
 * naming the file.
 */
#ifndef TABLOID_WSTATE_H
#define TABLOID_WSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* The exit status of a run that finds the state locked under --no-wait. */
#define WSTATE_BUSY 75

struct wstate_version {
	uint64_t num;	/* version number, from 1 */
	int64_t time;	/* when a run first saw it (seconds since the epoch) */
	uint64_t bytes;	/* length of the text (0 when removed) */
	char obj[65];	/* SHA-256 of the text in hex, "" when removed */
};

struct wstate_doc {
	char *id;			/* doc id, decoded */
	size_t idlen;			/* its length */
	struct wstate_version *v;	/* versions, oldest first */
	size_t n, cap;
};

struct wstate {
	char *dir;		/* the state directory */
	int lockfd;		/* STATE/lock, locked */
	struct wstate_doc *d;	/* documents sorted by id */
	size_t n, cap;
	size_t nsorted;		/* d[0..nsorted) is in order of ids */
	bool dirty[256];	/* object subdirectories written to */
};

enum wstate_lock { WSTATE_SHARED, WSTATE_EXCLUSIVE };

/*
 * Open the state in dir, creating it when create (its parent must exist),
 * lock it (waiting unless nowait: then exit WSTATE_BUSY with a message
 * when another run holds it) and read its index.
 */
void wstate_open(struct wstate *s, const char *dir, bool create, enum wstate_lock how,
    bool nowait);
/* The document with this id, or NULL (documents new in this run are not found). */
struct wstate_doc *wstate_find(const struct wstate *s, const char *id, size_t n);
/* The latest version of d, or NULL when it has none. */
const struct wstate_version *wstate_latest(const struct wstate_doc *d);
/* The version numbered num of d, or NULL. */
const struct wstate_version *wstate_version(const struct wstate_doc *d, uint64_t num);
/*
 * Store text p[0..n) unless an object of its digest is there, and put its
 * digest in obj.
 */
void wstate_put(struct wstate *s, const char *p, size_t n, char obj[65]);
/* Replace out's contents with the text of object obj. */
void wstate_get(const struct wstate *s, const char *obj, struct sbuf *out);
/*
 * Add a version to the document id (added when new: the caller adds each
 * new id once): the text of obj (bytes long), or a removal when obj is
 * NULL.  Pointers to documents are invalid afterwards.
 */
void wstate_add(struct wstate *s, const char *id, size_t n, int64_t time, uint64_t bytes,
    const char *obj);
/* Drop all but the keep latest versions of every document; false when none is dropped. */
bool wstate_prune(struct wstate *s, size_t keep);
/* Write the new index aside, synced; nothing is replaced yet. */
void wstate_write(struct wstate *s);
/* Put the index written by wstate_write() in place. */
void wstate_commit(struct wstate *s);
/* Remove objects no version names, and files left by runs that died. */
void wstate_sweep(struct wstate *s);
/* Unlock and free everything (an index written but not committed is removed). */
void wstate_close(struct wstate *s);
/* Format t as 2024-01-31T12:00:00Z into buf (21 bytes). */
void wstate_format_time(char *buf, int64_t t);

#endif
