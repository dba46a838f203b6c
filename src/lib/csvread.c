#include "config.h"

#include <csv.h>
#include <err.h>
#include <stdbool.h>
#include <string.h>

#include "csvread.h"

/* RFC 4180: spaces are part of a field. */
static int
csvread_nospace(unsigned char c)
{
	(void)c;
	return 0;
}

int
csvread_detect(const char *line, size_t n)
{
	bool quoted = false, comma = false, semi = false, tab = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted) {
			comma |= line[i] == ',';
			semi |= line[i] == ';';
			tab |= line[i] == '\t';
		}
	}
	return comma ? ',' : semi ? ';' : tab ? '\t' : ',';
}

void
csvread_init(struct csvread *c, int delim)
{
	memset(c, 0, sizeof *c);
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		errx(2, "out of memory");
	csv_set_delim(&c->p, (unsigned char)delim);
	csv_set_space_func(&c->p, csvread_nospace);
	c->between = true;
}

static void
csvread_field(void *data, size_t len, void *arg)
{
	struct csvread *c = arg;

	if (c->infield)
		sbuf_addc(&c->rec, '\t');
	c->infield = true;
	if (len > 0)
		tsv_escape(&c->rec, data, len);
}

/* Queue the record: its start line, its length, its bytes. */
static void
csvread_end(int ch, void *arg)
{
	struct csvread *c = arg;
	uint64_t len = c->rec.len;

	(void)ch;
	sbuf_add(&c->queue, &c->start, sizeof c->start);
	sbuf_add(&c->queue, &len, sizeof len);
	sbuf_add(&c->queue, c->rec.p != NULL ? c->rec.p : "", c->rec.len);
	sbuf_reset(&c->rec);
	c->infield = false;
	c->between = true;
}

static void
csvread_fail(struct csvread *c, const struct tsv_reader *r)
{
	errx(2, "%s: line %llu: malformed CSV: %s", r->name, (unsigned long long)c->start,
	    csv_strerror(csv_error(&c->p)));
}

/* Feed the parser lines until a record is complete; false at the end. */
static bool
csvread_fill(struct csvread *c, struct tsv_reader *r)
{
	char *line;
	long long n;

	while (c->qpos == c->queue.len) {
		sbuf_reset(&c->queue);
		c->qpos = 0;
		if ((n = tsv_getline(r, &line)) < 0) {
			if (csv_fini(&c->p, csvread_field, csvread_end, c) != 0)
				csvread_fail(c, r);
			return c->queue.len > 0;
		}
		if (c->between && !(n == 0 || (n == 1 && line[0] == '\r'))) {
			c->start = r->lineno;
			c->between = false;
		}
		if (csv_parse(&c->p, line, (size_t)n, csvread_field, csvread_end, c) != (size_t)n ||
		    csv_parse(&c->p, "\n", 1, csvread_field, csvread_end, c) != 1)
			csvread_fail(c, r);
		if (c->between == false && c->queue.len > 0)
			c->start = r->lineno;
	}
	return true;
}

long long
csvread_next(struct csvread *c, struct tsv_reader *r, char **line, uint64_t *start)
{
	uint64_t len;

	if (!csvread_fill(c, r))
		return -1;
	memcpy(start, c->queue.p + c->qpos, sizeof *start);
	memcpy(&len, c->queue.p + c->qpos + sizeof *start, sizeof len);
	c->qpos += sizeof *start + sizeof len;
	sbuf_reset(&c->cur);
	sbuf_grow(&c->cur, (size_t)len);
	sbuf_add(&c->cur, c->queue.p + c->qpos, (size_t)len);
	c->qpos += (size_t)len;
	*line = c->cur.p;
	return (long long)len;
}

void
csvread_free(struct csvread *c)
{
	csv_free(&c->p);
	sbuf_free(&c->rec);
	sbuf_free(&c->queue);
	sbuf_free(&c->cur);
}
