#include "config.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"
#include "htab.h"
#include "strset.h"
#include "utf8.h"

struct gaz_node {
	struct gaz_entry *entries;	/* in file order */
	uint32_t types;			/* GAZ_BIT() of the entries' types */
	uint32_t cls;			/* word-class bits (gaz_set_class) */
	bool prefix;			/* a longer key starts with this one */
	bool user;			/* entries come from a user's file */
};

#define GAZ_ARENA (256 * 1024)

static const char *const gaz_names[GAZ_NTYPES] = {
	"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
	"TITLE", "JOB", "GIVEN", "SURNAME", "ORG_SUFFIX", "ORG_HEAD", "LOC_HEAD",
	"GPE_HEAD", "NOT", "LOC_PREFIX", "GPE_PREFIX", "ORG_ROLE"
};

void
gaz_init(struct gaz *g, const struct abbrev *ab)
{
	memset(g, 0, sizeof *g);
	g->ab = ab;
}

static void *
gaz_block(struct gaz *g, size_t n)
{
	void *p = xmalloc(n);

	if (g->nblocks == g->capblocks) {
		g->capblocks = g->capblocks ? 2 * g->capblocks : 64;
		g->blocks = xrealloc(g->blocks, g->capblocks * sizeof *g->blocks);
	}
	g->blocks[g->nblocks++] = p;
	return p;
}

static char *
gaz_strdup(struct gaz *g, const char *s, size_t n)
{
	char *p;

	if (n + 1 > g->arena_left) {
		size_t sz = n + 1 > GAZ_ARENA ? n + 1 : GAZ_ARENA;

		g->arena = gaz_block(g, sz);
		g->arena_left = sz;
	}
	p = g->arena;
	memcpy(p, s, n);
	p[n] = '\0';
	g->arena += n + 1;
	g->arena_left -= n + 1;
	return p;
}

static void *
gaz_alloc(struct gaz *g, size_t n)
{
	size_t pad = (8 - ((uintptr_t)g->arena & 7)) & 7;
	char *p;

	if (n + pad > g->arena_left) {
		g->arena = gaz_block(g, GAZ_ARENA);
		g->arena_left = GAZ_ARENA;
		pad = 0;
	}
	p = g->arena + pad;
	g->arena += n + pad;
	g->arena_left -= n + pad;
	return p;
}

static struct gaz_node *
gaz_node(struct gaz *g, const char *key, size_t n)
{
	bool added;
	uint32_t i = htab_add(&g->keys, key, n, &added);

	if (i >= g->capnodes) {
		g->capnodes = g->capnodes ? 2 * g->capnodes : 1024;
		g->nodes = xrealloc(g->nodes, g->capnodes * sizeof *g->nodes);
	}
	if (added)
		memset(&g->nodes[i], 0, sizeof g->nodes[i]);
	return &g->nodes[i];
}

/*
 * Whether the n bytes at s fold to themselves with ASCII letters lowered:
 * ASCII, and the punctuation U+2010..U+205E (dashes, quotes, ellipsis),
 * which neither case folding nor composition changes.
 */
static bool
gaz_fold_simple(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (i + 2 < n && p[i] == 0xE2 && ((p[i + 1] == 0x80 && p[i + 2] >= 0x90 &&
		    p[i + 2] <= 0xBF) || (p[i + 1] == 0x81 && p[i + 2] >= 0x80 && p[i + 2] <= 0x9E))) {
			i += 3;
			continue;
		}
		return false;
	}
	return true;
}

void
gaz_fold(struct sbuf *out, const char *s, size_t n)
{
	size_t i;
	char *d;

	if (!gaz_fold_simple(s, n)) {
		utf8_normalize(out, s, n, true, false);
		return;
	}
	sbuf_grow(out, n);
	d = out->p + out->len;
	for (i = 0; i < n; i++) {
		char c = s[i];

		d[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	out->len += n;
	out->p[out->len] = '\0';
}

static bool
gaz_is_alnum_at(const char *s, size_t n, size_t i, bool back)
{
	int32_t cp;

	if (back) {
		if (i == 0)
			return false;
		utf8_decode_back(s, s + i, &cp);
	} else {
		if (i >= n)
			return false;
		utf8_decode(s + i, n - i, &cp);
	}
	return cp >= 0 && utf8_is_alnum(cp);
}

static void
gaz_push(struct tok_list *l, size_t start, size_t end, enum tok_type type)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].type = type;
	l->n++;
}

void
gaz_tokens(const struct abbrev *ab, const char *s, size_t n, struct tok_list *out)
{
	tok_text(ab, s, n, out);
	gaz_hyphens(s, out);
}

void
gaz_hyphens(const char *s, struct tok_list *out)
{
	size_t i, j, k, m;

	for (i = 0; i < out->n; i++) {
		struct tok t = out->v[i];

		if (t.type != TOK_WORD || memchr(s + t.start, '-', t.end - t.start) == NULL)
			continue;
		for (j = t.start + 1; j + 1 < t.end; j++)
			if (s[j] == '-' && gaz_is_alnum_at(s, t.end, j, true) &&
			    gaz_is_alnum_at(s, t.end, j + 1, false))
				break;
		if (j + 1 >= t.end)
			continue;
		/* Cut at j: the piece before, the hyphen, and the rest (which
		 * the loop visits again). */
		gaz_push(out, 0, 0, TOK_WORD);
		gaz_push(out, 0, 0, TOK_WORD);
		m = out->n;
		for (k = m - 1; k >= i + 3; k--)
			out->v[k] = out->v[k - 2];
		out->v[i].end = j;
		out->v[i + 1].start = j;
		out->v[i + 1].end = j + 1;
		out->v[i + 1].type = TOK_PUNCT;
		out->v[i + 2].start = j + 1;
		out->v[i + 2].end = t.end;
		out->v[i + 2].type = TOK_WORD;
	}
}

/* Key and surface of a name into g->key and g->surf; the token count. */
static size_t
gaz_keyof(struct gaz *g, const char *name, size_t n)
{
	size_t i;

	gaz_tokens(g->ab, name, n, &g->toks);
	sbuf_reset(&g->key);
	sbuf_reset(&g->surf);
	for (i = 0; i < g->toks.n; i++) {
		const struct tok *t = &g->toks.v[i];

		if (i > 0) {
			sbuf_addc(&g->key, ' ');
			sbuf_addc(&g->surf, ' ');
		}
		gaz_fold(&g->key, name + t->start, t->end - t->start);
		sbuf_add(&g->surf, name + t->start, t->end - t->start);
	}
	return g->toks.n;
}

static void
gaz_mark_prefixes(struct gaz *g)
{
	size_t i;

	for (i = g->key.len; i-- > 0;)
		if (g->key.p[i] == ' ')
			gaz_node(g, g->key.p, i)->prefix = true;
}

bool
gaz_add(struct gaz *g, const char *name, size_t n, enum gaz_type type,
    const char *canon, size_t clen, bool user)
{
	struct gaz_node *nd;
	struct gaz_entry *e, **tail;
	size_t ntok = gaz_keyof(g, name, n);

	if (ntok == 0 || ntok > 255 || clen == 0)
		return false;
	nd = gaz_node(g, g->key.p, g->key.len);
	if (user && !nd->user) {
		nd->entries = NULL;
		nd->types = 0;
		nd->user = true;
	} else if (!user && nd->user)
		return true;
	for (tail = &nd->entries; *tail != NULL; tail = &(*tail)->next)
		if ((*tail)->type == type && (*tail)->slen == g->surf.len &&
		    memcmp((*tail)->surface, g->surf.p, g->surf.len) == 0)
			return true;
	e = gaz_alloc(g, sizeof *e);
	e->next = NULL;
	e->surface = gaz_strdup(g, g->surf.p, g->surf.len);
	e->slen = (uint32_t)g->surf.len;
	e->canon = gaz_strdup(g, canon, clen);
	e->clen = (uint32_t)clen;
	e->type = (uint8_t)type;
	e->ntok = (uint8_t)ntok;
	e->user = user;
	*tail = e;
	g->nentries++;
	nd->types |= GAZ_BIT(type);
	if (ntok > g->maxtok)
		g->maxtok = ntok;
	gaz_mark_prefixes(g);
	return true;
}

int
gaz_type_parse(const char *s, size_t n)
{
	int t;

	for (t = 0; t < GAZ_NTYPES; t++)
		if (strlen(gaz_names[t]) == n && memcmp(gaz_names[t], s, n) == 0)
			return t;
	return -1;
}

const char *
gaz_type_name(enum gaz_type t)
{
	return gaz_names[t];
}

struct gaz_loader {
	struct gaz *g;
	bool user;
};

static bool
gaz_clean(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ')
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
			return false;
	return true;
}

static const char *
gaz_line(void *arg, char **f, size_t *len, size_t nf)
{
	struct gaz_loader *ld = arg;
	const char *canon = nf == 3 ? f[2] : f[0];
	size_t clen = nf == 3 ? len[2] : len[0];
	int type;

	if (nf < 2)
		return "expected NAME TAB TYPE [TAB ENTITY]";
	if (nf > 3)
		return "more than three fields";
	if (!gaz_clean(f[0], len[0]))
		return "the name is empty, has control characters or stray spaces";
	if ((type = gaz_type_parse(f[1], len[1])) < 0)
		return "unknown type (PERSON ORG GPE LOC NORP DATE TIME MONEY PERCENT, "
		    "or a cue class: TITLE JOB GIVEN SURNAME ORG_SUFFIX ORG_HEAD LOC_HEAD "
		    "GPE_HEAD NOT LOC_PREFIX GPE_PREFIX ORG_ROLE)";
	if (nf == 3 && !gaz_clean(f[2], len[2]))
		return "the entity is empty, has control characters or stray spaces";
	if (!gaz_add(ld->g, f[0], len[0], type, canon, clen, ld->user))
		return "the name has no words, or more than 255";
	return NULL;
}

int
gaz_load(struct gaz *g, const char *path, bool user)
{
	struct gaz_loader ld = { g, user };

	return strset_read_list(path, gaz_line, &ld, "gazetteer");
}

bool
gaz_get(const struct gaz *g, const char *key, size_t n, struct gaz_hit *hit)
{
	return gaz_get_hashed(g, key, n, htab_hash(key, n), hit);
}

void
gaz_prefetch(const struct gaz *g, uint64_t h)
{
	htab_prefetch(&g->keys, h);
}

bool
gaz_get_hashed(const struct gaz *g, const char *key, size_t n, uint64_t h,
    struct gaz_hit *hit)
{
	const struct gaz_node *nd;
	uint32_t i = htab_find_hashed(&g->keys, key, n, h);

	if (i == HTAB_NONE)
		return false;
	nd = &g->nodes[i];
	hit->cls = nd->cls;
	hit->types = nd->types;
	hit->prefix = nd->prefix;
	hit->entries = nd->entries;
	return true;
}

void
gaz_reserve(struct gaz *g, size_t n)
{
	htab_reserve(&g->keys, n);
	if (n > g->capnodes) {
		g->capnodes = n;
		g->nodes = xrealloc(g->nodes, g->capnodes * sizeof *g->nodes);
	}
}

void
gaz_set_class(struct gaz *g, const char *key, size_t n, uint32_t bits)
{
	gaz_node(g, key, n)->cls |= bits;
}

int
gaz_dump(const struct gaz *g, uint32_t mask, void *fp)
{
	FILE *f = fp;
	const struct gaz_entry *e;
	uint32_t i;

	for (i = 0; i < g->keys.n; i++)
		for (e = g->nodes[i].entries; e != NULL; e = e->next) {
			if (!(mask & GAZ_BIT(e->type)))
				continue;
			if (fprintf(f, "%s\t%s", e->surface, gaz_names[e->type]) < 0)
				return -1;
			if ((e->slen != e->clen || memcmp(e->surface, e->canon, e->clen) != 0) &&
			    fprintf(f, "\t%s", e->canon) < 0)
				return -1;
			if (putc('\n', f) == EOF)
				return -1;
		}
	return 0;
}

void
gaz_merge(struct gaz *dst, const struct gaz *src, uint32_t mask, size_t max)
{
	const struct gaz_entry *e;
	uint32_t i;

	for (i = 0; i < src->keys.n && dst->nentries < max; i++)
		for (e = src->nodes[i].entries; e != NULL && dst->nentries < max; e = e->next)
			if (mask & GAZ_BIT(e->type))
				gaz_add(dst, e->surface, e->slen, (enum gaz_type)e->type, e->canon,
				    e->clen, false);
}

void
gaz_free(struct gaz *g)
{
	size_t i;

	htab_free(&g->keys);
	free(g->nodes);
	for (i = 0; i < g->nblocks; i++)
		free(g->blocks[i]);
	free(g->blocks);
	tok_list_free(&g->toks);
	sbuf_free(&g->key);
	sbuf_free(&g->surf);
	memset(g, 0, sizeof *g);
}
