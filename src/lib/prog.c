#include "config.h"

#include <err.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "prog.h"

void
prog_init(void)
{
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_DFL);
}

void
prog_files(int *argc, char ***argv)
{
	static char *dash[] = { "-", NULL };

	if (*argc == 0) {
		*argc = 1;
		*argv = dash;
	}
}

void
prog_stdout_exit(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0)
		errx(2, "write error%s%s", errno ? ": " : "", errno ? strerror(errno) : "");
	exit(0);
}

void
prog_version(void)
{
	out_str(program_invocation_short_name);
	out_str(" (" PACKAGE_NAME ") " PACKAGE_VERSION "\n");
	out_close();
	exit(0);
}
