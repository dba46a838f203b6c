/*
 * docid: the article files named on a command line, and their doc ids.
 *
 * A file operand's id is its name without the extension.  A directory
 * operand is walked (in byte order of the names, not following symbolic
 * links to directories, leaving out names that start with a dot, FIFOs,
 * sockets and devices; an entry that cannot be looked at, such as a
 * dangling symbolic link, is listed so that reading it reports it) and each
 * file under it gets, by default, its path relative to the directory
 * without the extension, so that 2024/01/story.txt and 2024/02/story.txt
 * stay apart.  Two files with one id are an error naming both, unless the
 * later one is asked to win; "-" stands for the standard input.
 */
#ifndef TABLOID_DOCID_H
#define TABLOID_DOCID_H

#include <stdbool.h>
#include <stddef.h>

enum docid_style {
	DOCID_RELATIVE,	/* under a directory: the path relative to it */
	DOCID_NAME,	/* the file name alone */
	DOCID_PATH,	/* the path as reached from the operand */
};

/* What two files with one id do. */
enum docid_dups {
	DOCID_REFUSE,	/* end the program with a message naming both */
	DOCID_LAST_WINS,	/* leave the earlier file out */
	DOCID_KEEP,	/* keep both (tables that hold their own ids) */
};

struct docid_file {
	char *path;	/* the file to read ("-": standard input) */
	char *id;	/* its doc id */
};

struct docid_files {
	struct docid_file *v;	/* the files, in command-line and walk order */
	size_t n;		/* how many */
	size_t cap;		/* slots allocated */
};

/* The style named by s (relative, name or path); -1 when unknown. */
int docid_style_parse(const char *s);
/*
 * Expand the n operands in argv into out: files as they are, directories
 * walked.  stdin_id is the id of "-".  dups says what a second file with
 * an id already seen does.  Returns false when a directory could not be
 * read (it is reported with warn(3)), true otherwise.
 */
bool docid_expand(char **argv, size_t n, enum docid_style style, enum docid_dups dups,
    const char *stdin_id, struct docid_files *out);
/* Free the list. */
void docid_files_free(struct docid_files *f);

#endif
