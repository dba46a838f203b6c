#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "lib/input.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(FUZZ_ASAN)
#define FUZZ_ASAN 1
#endif

jmp_buf fuzz_jmp;
int fuzz_status;
static bool fuzz_armed;
static bool fuzz_tracking; /* frees are recorded */

/*
 * Descriptors the library opened before an error are closed when it is
 * caught: those from fuzz_lowfree up that are not kept.  Kept are the
 * descriptors open at the first fuzz_arm() and the files of fuzz_file().
 */
#define FUZZ_FDS 1024
static bool fuzz_kept[FUZZ_FDS];
static bool fuzz_kept_known;
static int fuzz_lowfree;

/* Apply fn to every open descriptor. */
static void
fuzz_each_fd(void (*fn)(int))
{
	DIR *dir = opendir("/proc/self/fd");
	struct dirent *e;

	if (dir == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		int fd = atoi(e->d_name);

		if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && fd != dirfd(dir) &&
		    fd < FUZZ_FDS)
			fn(fd);
	}
	closedir(dir);
}

static void
fuzz_keep_fd(int fd)
{
	fuzz_kept[fd] = true;
}

static void
fuzz_close_fd(int fd)
{
	if (fd >= fuzz_lowfree && !fuzz_kept[fd])
		close(fd);
}

#ifdef FUZZ_ASAN
/*
 * The blocks allocated between fuzz_arm() and an error, and not freed
 * before fuzz_done(), in an
 * open-addressing table; a slot belongs to the current round when its gen
 * is fuzz_gen, and fuzz_idx lists the slots filled in this round.  When
 * either is full, blocks are no longer recorded (a caught error may then
 * be reported as a leak).
 */
#define FUZZ_SLOTS (1u << 18)
#define FUZZ_GONE ((uintptr_t)1)

struct fuzz_slot {
	uintptr_t p;  /* block, or FUZZ_GONE once freed */
	uint32_t gen; /* round it was recorded in */
};

static struct fuzz_slot fuzz_live[FUZZ_SLOTS];
static uint32_t fuzz_idx[FUZZ_SLOTS / 2];
static size_t fuzz_nidx, fuzz_used;
static uint32_t fuzz_gen = 1;
static bool fuzz_hooked;

void __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *,
                                                                   size_t),
                                               void (*free_hook)(const volatile void *));

static size_t
fuzz_slot_of(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 46) & (FUZZ_SLOTS - 1);
}

static void
fuzz_malloc_hook(const volatile void *ptr, size_t size)
{
	uintptr_t p = (uintptr_t)ptr;
	size_t i;

	(void)size;
	if (!fuzz_armed || p == 0 || fuzz_nidx == FUZZ_SLOTS / 2 ||
	    fuzz_used >= FUZZ_SLOTS / 2)
		return;
	for (i = fuzz_slot_of(p);
	     fuzz_live[i].gen == fuzz_gen && fuzz_live[i].p != FUZZ_GONE;
	     i = (i + 1) & (FUZZ_SLOTS - 1))
		;
	if (fuzz_live[i].gen != fuzz_gen)
		fuzz_used++;
	fuzz_live[i].p = p;
	fuzz_live[i].gen = fuzz_gen;
	fuzz_idx[fuzz_nidx++] = (uint32_t)i;
}

static void
fuzz_free_hook(const volatile void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	size_t i;

	if (!fuzz_tracking || p == 0)
		return;
	for (i = fuzz_slot_of(p); fuzz_live[i].gen == fuzz_gen;
	     i = (i + 1) & (FUZZ_SLOTS - 1))
		if (fuzz_live[i].p == p) {
			fuzz_live[i].p = FUZZ_GONE;
			return;
		}
}

/* Free what the library held when it would have exited. */
static void
fuzz_release(void)
{
	size_t k;

	input_decode_free();
	fuzz_tracking = false;
	for (k = 0; k < fuzz_nidx; k++) {
		struct fuzz_slot *s = &fuzz_live[fuzz_idx[k]];

		if (s->gen == fuzz_gen && s->p != FUZZ_GONE) {
			free((void *)s->p);
			s->p = FUZZ_GONE;
		}
	}
}
#endif

void
fuzz_arm(void)
{
#ifdef FUZZ_ASAN
	if (!fuzz_hooked) {
		__sanitizer_install_malloc_and_free_hooks(fuzz_malloc_hook,
		                                          fuzz_free_hook);
		fuzz_hooked = true;
	}
	if (++fuzz_gen == 0) {
		memset(fuzz_live, 0, sizeof fuzz_live);
		fuzz_gen = 1;
	}
	fuzz_nidx = fuzz_used = 0;
#endif
	if (!fuzz_kept_known) {
		fuzz_each_fd(fuzz_keep_fd);
		fuzz_kept_known = true;
	}
	if ((fuzz_lowfree = fcntl(STDIN_FILENO, F_DUPFD, 0)) >= 0)
		close(fuzz_lowfree);
	else
		fuzz_lowfree = FUZZ_FDS;
	fuzz_status = 0;
	fuzz_armed = true;
	fuzz_tracking = true;
}

void
fuzz_done(void)
{
	fuzz_armed = false;
#ifdef FUZZ_ASAN
	if (fuzz_status != 0)
		fuzz_release();
#endif
	fuzz_tracking = false;
}

static void fuzz_exit(int status, int errnum, const char *fmt, va_list ap)
    __attribute__((noreturn));

static void
fuzz_exit(int status, int errnum, const char *fmt, va_list ap)
{
	if (fuzz_armed) {
		fuzz_armed = false;
		fuzz_each_fd(fuzz_close_fd);
		fuzz_status = status;
		longjmp(fuzz_jmp, 1);
	}
	fprintf(stderr, "%s: ", program_invocation_short_name);
	if (fmt != NULL)
		vfprintf(stderr, fmt, ap);
	if (errnum >= 0)
		fprintf(stderr, "%s%s", fmt != NULL ? ": " : "", strerror(errnum));
	fputc('\n', stderr);
	exit(status);
}

void
verr(int status, const char *fmt, va_list ap)
{
	fuzz_exit(status, errno, fmt, ap);
}

void
verrx(int status, const char *fmt, va_list ap)
{
	fuzz_exit(status, -1, fmt, ap);
}

void
err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fuzz_exit(status, errno, fmt, ap);
}

void
errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fuzz_exit(status, -1, fmt, ap);
}

void
fuzz_init(void)
{
	int fd;

	if (getenv("TABLOID_DATADIR") == NULL)
		setenv("TABLOID_DATADIR", FUZZ_DATADIR, 1);
	if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
}

const char *
fuzz_file(int slot, const void *data, size_t size)
{
	static int fd[4] = {-1, -1, -1, -1};
	static char path[4][32];
	const char *p = data;
	ssize_t n;

	if (fd[slot] == -1) {
		fd[slot] = memfd_create("fuzz", 0);
		if (fd[slot] == -1) {
			FILE *f = tmpfile();

			if (f == NULL || (fd[slot] = dup(fileno(f))) == -1)
				abort();
			fclose(f);
		}
		if (fd[slot] < FUZZ_FDS)
			fuzz_kept[fd[slot]] = true;
		snprintf(path[slot], sizeof path[slot], "/proc/self/fd/%d", fd[slot]);
	}
	if (ftruncate(fd[slot], 0) != 0)
		abort();
	while (size > 0) {
		if ((n = pwrite(fd[slot], p, size, p - (const char *)data)) <= 0)
			abort();
		p += n;
		size -= (size_t)n;
	}
	return path[slot];
}

void
fuzz_fail(const char *file, int line, const char *cond, const char *msg)
{
	fprintf(stderr, "%s:%d: invariant broken: %s (%s)\n", file, line, msg, cond);
	abort();
}
