/*
 * sha256: the SHA-256 digest (FIPS 180-4), for naming stored texts by
 * their content.
 */
#ifndef TABLOID_SHA256_H
#define TABLOID_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];		/* the chaining state */
	uint64_t len;		/* bytes hashed so far */
	unsigned char buf[64];	/* a block being filled */
	size_t nbuf;		/* bytes in buf */
};

/* Start a digest. */
void sha256_init(struct sha256 *c);
/* Hash n more bytes at p. */
void sha256_update(struct sha256 *c, const void *p, size_t n);
/* Finish: the 32-byte digest into out. */
void sha256_final(struct sha256 *c, unsigned char out[32]);
/* The digest of p[0..n) as 64 lower-case hex digits and a NUL into hex. */
void sha256_hex(const void *p, size_t n, char hex[65]);

#endif
