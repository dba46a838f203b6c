/*
 * jsonl: one line of JSON Lines as a flat record.
 *
 * A line holds one JSON object (RFC 8259) whose member values are
 * strings, numbers, true, false or null; surrounding white space is
 * allowed.  Strings are decoded fully: the escapes, \uXXXX and surrogate
 * pairs (a lone surrogate becomes U+FFFD); bytes that are not valid UTF-8
 * pass through as they are.  A number is kept as written, true and false
 * as those words, null as the empty string.  A nested object or array, a
 * key given twice and anything that is not JSON are errors.
 */
#ifndef TABLOID_JSONL_H
#define TABLOID_JSONL_H

#include <stddef.h>

#include "sbuf.h"

/* One member: its key and value, as offsets into the object's buffer. */
struct jsonl_member {
	size_t key, keylen;	/* the decoded key */
	size_t val, vallen;	/* the decoded value */
};

struct jsonl_object {
	struct sbuf buf;		/* the decoded keys and values */
	struct jsonl_member *m;		/* the members, in the order of the line */
	size_t n;			/* members */
	size_t cap;			/* slots allocated in m */
};

/*
 * Parse the n bytes at s as one object into o, replacing what o held.
 * Returns 0, or -1 with a message such as "expected ':' at byte 7" in
 * errbuf (size errlen).
 */
int jsonl_parse(struct jsonl_object *o, const char *s, size_t n, char *errbuf,
    size_t errlen);
/* The index of the member with key name (len bytes), or -1. */
long jsonl_find(const struct jsonl_object *o, const char *name, size_t len);
/* Free what o holds. */
void jsonl_free(struct jsonl_object *o);

#endif
