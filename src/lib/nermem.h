/*
 * nermem: the file of learnt names that tabloid-tag-entities --memory
 * keeps between runs.
 *
 * The file is read whole at start and stays fixed while a run tags, so
 * that a document's mentions never depend on which other documents share
 * the run.  The names a run learns are merged into it at the end, under
 * an exclusive flock(2) on FILE.lock: the file is read again, the run's
 * names are added to what it holds now, and the result is written to a
 * temporary file in the same directory that is renamed over it.  Runs
 * that end at the same time therefore lose none of each other's names.
 * The file is in the format of the gazetteers, with a comment line first.
 */
#ifndef TABLOID_NERMEM_H
#define TABLOID_NERMEM_H

#include <stddef.h>

#include "abbrev.h"
#include "gaz.h"

/* Load path into g; a missing file is empty.  Errors end the program with status 2. */
void nermem_load(struct gaz *g, const char *path);
/*
 * Merge the names of learnt (those read at start) and fresh (those the
 * run learnt) into path as described above, keeping at most max names in
 * all.  Errors end the program with status 2.
 */
void nermem_save(const char *path, const struct abbrev *ab, const struct gaz *learnt,
    const struct gaz *fresh, size_t max);

#endif
