/*
 * data: finding the data files (abbreviations, stop words).
 *
 * The data directory is $TABLOID_DATADIR when set, else the pkgdatadir
 * chosen at configure time.
 */
#ifndef TABLOID_DATA_H
#define TABLOID_DATA_H

/* The data directory. */
const char *data_dir(void);
/*
 * Resolve a file named by the user: name itself when it exists, else
 * DATADIR/name, else DATADIR/<prefix>name<suffix> when prefix is not NULL.
 * Returns a malloc'd path; when nothing exists returns a copy of name, so
 * that opening it reports the user's own spelling.
 */
char *data_find(const char *name, const char *prefix, const char *suffix);
/*
 * End the program with status 2 after path, found by data_find() with the
 * same arguments, could not be loaded.  A missing file's message names
 * every path searched and where the data directory came from; any other
 * error is reported as err(3) does.
 */
void data_fail(const char *name, const char *prefix, const char *suffix, const char *path)
    __attribute__((noreturn));

#endif
