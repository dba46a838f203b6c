/*
 * prog: what every program does at start: default SIGPIPE (so that
 * "| head" ends quietly), the locale, and the --version text.
 */
#ifndef TABLOID_PROG_H
#define TABLOID_PROG_H

/* Set up the process; call first in main(). */
void prog_init(void);
/* With no file operands, make the list "-" (standard input). */
void prog_files(int *argc, char ***argv);
/*
 * Exit 0 once what was printed on stdout with stdio (the --help text) is
 * written; exit 2 with "write error" if it cannot be.
 */
void prog_stdout_exit(void) __attribute__((noreturn));
/* Print "NAME (tabloid) VERSION" on standard output and exit 0. */
void prog_version(void) __attribute__((noreturn));

#endif
