/*
 * wreport: tabloid-watch's change reports, written with out.h as text for
 * people (and mail), as TSV for pipelines, or as one self-contained HTML
 * page.  The columns and layouts are described in tabloid-watch(1).
 */
#ifndef TABLOID_WREPORT_H
#define TABLOID_WREPORT_H

#include <stddef.h>
#include <stdint.h>

#include "entdiff.h"
#include "vdiff.h"
#include "vdoc.h"

enum wreport_format { WREPORT_TEXT, WREPORT_TSV, WREPORT_HTML };

/* How many articles of a run fell into each class. */
struct wreport_counts {
	size_t changed, added, removed, unreadable, unchanged;
};

/* One side of a change: an article's version. */
struct wreport_side {
	const char *id;		/* doc id */
	uint64_t version;	/* version number, 0 for none */
	int64_t time;		/* when it was first seen */
	const struct vdoc *d;	/* its sentences, or NULL */
};

struct wreport {
	enum wreport_format f;	/* the format */
	int64_t time;		/* the run's time */
	bool noheader;		/* TSV without its header line */
	bool html_open;		/* the HTML page is begun */
};

/* Begin a report of a run at time with counts c. */
void wreport_begin(struct wreport *r, enum wreport_format f, int64_t time,
    const struct wreport_counts *c, bool noheader);
/* A new article (b) or a removed one (a); source names where it was read. */
void wreport_whole(struct wreport *r, const char *change, const struct wreport_side *s,
    const char *source);
/* An article that could not be read: why. */
void wreport_unreadable(struct wreport *r, const char *id, const char *source,
    const char *why);
/* A changed article: old a, new b, their comparison and the names that came and went. */
void wreport_changed(struct wreport *r, const struct wreport_side *a,
    const struct wreport_side *b, const char *source, const struct vdiff_result *res,
    const struct entdiff_names *in, const struct entdiff_names *out);
/* End the report. */
void wreport_end(struct wreport *r);
/* Write n with thousands separators ("1,995"). */
void wreport_count(size_t n);

#endif
