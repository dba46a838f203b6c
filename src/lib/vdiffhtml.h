/*
 * vdiffhtml: the HTML view of tabloid-diff-versions (--html).
 *
 * One page; under -g one <section class="story"> per group of versions.
 * Each pair of versions is an <article class="pair"> with the first
 * sentence of the newer version as its heading, the figures of --summary,
 * and (unless --summary) its sentences: removed words and sentences in
 * <del>, added ones in <ins>, moved sentences in an element of class
 * "moved", unchanged ones (with -a) plain.  The layout is VDIFF_INLINE (one
 * column, as wdiff shows it) or VDIFF_SIDE (a table, old left, new right).
 */
#ifndef TABLOID_VDIFFHTML_H
#define TABLOID_VDIFFHTML_H

#include <stdbool.h>

#include "vdiff.h"

/* Write the start of the page. */
void vdiffhtml_begin(const struct vdiff *v);
/* Close the open story, if any, and open one whose first version is d. */
void vdiffhtml_story(struct vdiff *v, const struct vdoc *d);
/* Write the comparison r of old a with new b (either may be NULL). */
void vdiffhtml_pair(const struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
                    const struct vdiff_result *r);
/* Close the open story and the page; say so when no pair was written. */
void vdiffhtml_end(struct vdiff *v);

#endif
