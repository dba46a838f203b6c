/*
 * strset: a set of byte strings, each with an int value (an htab).
 *
 * Used for the word lists loaded from data files: abbreviations and stop
 * words.  Keys are copied; the set owns them.
 */
#ifndef TABLOID_STRSET_H
#define TABLOID_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset;

/* A new empty set. */
struct strset *strset_new(void);
/* Add key (n bytes) with val, replacing the value of an existing key. */
void strset_put(struct strset *s, const char *key, size_t n, int val);
/* The value of key, or -1 when absent. */
int strset_get(const struct strset *s, const char *key, size_t n);
/* Number of keys. */
size_t strset_count(const struct strset *s);
/* Free the set and its keys. */
void strset_free(struct strset *s);

/*
 * Read a list file: one entry per line, '#' starts a comment line, blank
 * lines and surrounding spaces are ignored.  For each entry calls
 * fn(arg, fields, lens, nfields), where the entry's fields are separated
 * by TABs.  fn returns NULL, or what is wrong with the entry; the program
 * then ends with status 2 and a message naming path, the line, what (the
 * kind of list) and that reason.  Returns 0, or -1 with errno set when
 * path cannot be read.
 */
int strset_read_list(const char *path,
    const char *(*fn)(void *arg, char **f, size_t *len, size_t nf), void *arg,
    const char *what);

/*
 * Load a word list (one word per line) into s with value 1, case-folded
 * with utf8_normalize().  Returns 0, or -1 with errno set.
 */
int strset_load_words(struct strset *s, const char *path);

#endif
