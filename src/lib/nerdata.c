#include "config.h"

#include <err.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data.h"
#include "nerdata.h"
#include "sbuf.h"

static const char *const nerdata_lists[] = {"stopwords-en.txt", "words-en.txt"};

#define NERDATA_NLISTS (sizeof nerdata_lists / sizeof nerdata_lists[0])

void
nerdata_words(struct ner *n, struct gaz *g)
{
	size_t k;

	for (k = 0; k < NERDATA_NLISTS; k++) {
		char *path = data_find(nerdata_lists[k], NULL, NULL);

		if (ner_load_words(n, g, path, k > 0) != 0)
			data_fail(nerdata_lists[k], NULL, NULL, path);
		free(path);
	}
}

static off_t
nerdata_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size : 0;
}

void
nerdata_gazetteers(struct gaz *g)
{
	static const char *const patterns[] = {"gaz-*.tsv", "names-*.tsv", "cues*.tsv"};
	glob_t gl[sizeof patterns / sizeof patterns[0]];
	off_t bytes = 0;
	size_t i, k;
	char *pat;

	for (k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
		pat = xmalloc(strlen(data_dir()) + strlen(patterns[k]) + 2);
		sprintf(pat, "%s/%s", data_dir(), patterns[k]);
		if (glob(pat, 0, NULL, &gl[k]) != 0)
			gl[k].gl_pathc = 0;
		for (i = 0; i < gl[k].gl_pathc; i++)
			bytes += nerdata_size(gl[k].gl_pathv[i]);
		free(pat);
	}
	for (k = 0; k < NERDATA_NLISTS; k++) {
		pat = data_find(nerdata_lists[k], NULL, NULL);
		bytes += nerdata_size(pat);
		free(pat);
	}
	gaz_reserve(g, (size_t)(bytes / 12));
	for (k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
		for (i = 0; i < gl[k].gl_pathc; i++)
			if (gaz_load(g, gl[k].gl_pathv[i], false) != 0)
				err(2, "%s", gl[k].gl_pathv[i]);
		if (gl[k].gl_pathc > 0)
			globfree(&gl[k]);
	}
}
