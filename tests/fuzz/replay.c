/*
 * replay: run a fuzz target's entry point over files, as libFuzzer runs
 * it over a corpus, without libFuzzer.  Every argument is a file or a
 * directory, walked for regular files; without arguments, standard input
 * is the one input.  Exits 0 when every input ran (a crash or a broken
 * invariant aborts), 2 when a file cannot be read.
 */
#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lib/sbuf.h"

static size_t ninputs;
static int status;

static int
replay_fd(int fd, const char *name)
{
	struct sbuf b = SBUF_INIT;
	ssize_t n;

	for (;;) {
		sbuf_grow(&b, 64 * 1024);
		n = read(fd, b.p + b.len, b.cap - b.len - 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("%s", name);
			sbuf_free(&b);
			return -1;
		}
		b.len += (size_t)n;
	}
	/* a copy of exactly len bytes, so that AddressSanitizer sees over-reads */
	{
		uint8_t *copy = malloc(b.len ? b.len : 1);

		if (copy == NULL)
			err(2, "out of memory");
		if (b.len > 0)
			memcpy(copy, b.p, b.len);
		LLVMFuzzerTestOneInput(copy, b.len);
		free(copy);
	}
	sbuf_free(&b);
	ninputs++;
	return 0;
}

static int
replay_path(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	int fd;

	(void)st;
	(void)ftw;
	if (type == FTW_DNR || type == FTW_NS) {
		warnx("%s: cannot be read", path);
		status = 2;
		return 0;
	}
	if (type != FTW_F)
		return 0;
	if ((fd = open(path, O_RDONLY)) == -1) {
		warn("%s", path);
		status = 2;
		return 0;
	}
	if (getenv("FUZZ_REPLAY_VERBOSE") != NULL)
		fprintf(stderr, "%s\n", path);
	if (replay_fd(fd, path) != 0)
		status = 2;
	close(fd);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i;

	if (argc < 2) {
		if (replay_fd(STDIN_FILENO, "standard input") != 0)
			status = 2;
	}
	for (i = 1; i < argc; i++)
		if (nftw(argv[i], replay_path, 16, FTW_PHYS) != 0) {
			warn("%s", argv[i]);
			status = 2;
		}
	fprintf(stderr, "%s: %zu inputs\n", program_invocation_short_name, ninputs);
	return status;
}
