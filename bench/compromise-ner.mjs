#!/usr/bin/env node
// bench/compromise-ner.mjs FILE...: named entities found by compromise in
// article files, written as tabloid-tag-entities writes them:
//
//   doc para sent ent_start ent_end ent_label entity mention
//
// doc     the file name without its directory and last extension, as
//         tabloid-split names documents.
// para, sent  always 0: compromise splits sentences its own way and has no
//         paragraphs, so its mentions are not tied to tabloid-split's rows.
// ent_start, ent_end  byte offsets into the file (0-based, end exclusive).
//         compromise counts UTF-16 code units; they are converted here.
// ent_label  PERSON (compromise .people()), ORG (.organizations()), GPE
//         (.places(): compromise does not tell countries and cities from
//         regions, seas or continents, so every place is GPE) and NORP
//         (terms tagged #Demonym: "Chinese", "Americans").
// entity  the mention with each run of whitespace written as one space.
// mention the bytes of the mention, with TAB, LF, CR and backslash escaped.
//
// compromise's spans are brought to the conventions of tests/gold/entities
// as far as its own tags allow: leading honorifics (#Honorific: Mr, Dr,
// Sen.), titles before a person's name (#Actor: Chairman, Commissioner)
// and a leading "the" are left out, a possessive 's, ’s or bare ’ is cut
// off, surrounding punctuation and quotes stay out (also terms such as "|"
// that compromise takes into a name), and the full stop of an abbreviation
// that ends a name (#Abbreviation: Co., Inc.) is kept.
// A span found under two types is written once, under the first of PERSON,
// ORG, GPE, NORP.  Mentions are written in document order.
//
// compromise is taken from the usual Node module path, else from
// bench/out/node_modules (npm install --prefix bench/out compromise).

import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const prog = 'compromise-ner';

async function loadCompromise() {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    const req = createRequire(join(here, 'out', 'package.json'));
    return req('compromise');
  } catch (e) {
    try {
      return (await import('compromise')).default;
    } catch (e2) {
      process.stderr.write(`${prog}: cannot load compromise: ` +
        'npm install --prefix bench/out compromise\n');
      process.exit(2);
    }
  }
}

// Decode UTF-8 bytes into a string and, for every UTF-16 index of that
// string, the byte offset it starts at.  Invalid bytes decode to U+FFFD
// one byte each, so offsets stay exact on any input.
function decode(buf) {
  const str = buf.toString('utf8');
  const map = new Uint32Array(str.length + 1);
  if (Buffer.byteLength(str, 'utf8') === buf.length) {
    let b = 0;
    for (let i = 0; i < str.length; i++) {
      map[i] = b;
      const c = str.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        map[++i] = b; // never a term boundary
        b += 4;
      } else b += 3;
    }
    map[str.length] = b;
    return { str, map };
  }
  const units = [];
  const offs = [];
  let p = 0;
  while (p < buf.length) {
    const c = buf[p];
    let n = 0, cp = 0xfffd;
    if (c < 0x80) { n = 1; cp = c; }
    else if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) n = 3;
    else if (c >= 0xf0 && c <= 0xf4) n = 4;
    if (n > 1) {
      let v = c & (0x7f >> n), ok = p + n <= buf.length;
      for (let k = 1; ok && k < n; k++) {
        if ((buf[p + k] & 0xc0) !== 0x80) ok = false;
        else v = (v << 6) | (buf[p + k] & 0x3f);
      }
      if (ok && (n === 3 ? v >= 0x800 && (v < 0xd800 || v > 0xdfff) : n === 4 ? v >= 0x10000 && v <= 0x10ffff : true)) cp = v;
      else n = 1;
    } else n = 1;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      offs.push(p, p);
    } else {
      units.push(cp);
      offs.push(p);
    }
    p += n;
  }
  offs.push(buf.length);
  let s = '';
  for (let i = 0; i < units.length; i += 8192)
    s += String.fromCharCode.apply(null, units.slice(i, i + 8192));
  return { str: s, map: Uint32Array.from(offs) };
}

const escape = (s) => s.replace(/[\\\t\n\r]/g, (c) =>
  ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

const wordy = /[\p{L}\p{N}]/u;

// Character span [start, end) of one compromise match, trimmed to our
// conventions, or null when nothing is left.
function span(terms, type) {
  let a = 0, z = terms.length - 1;
  while (a <= z && (terms[a].tags.has('Honorific') ||
    (type === 'PERSON' && terms[a].tags.has('Actor')) ||
    /^the$/i.test(terms[a].text) || !wordy.test(terms[a].text))) a++;
  while (z >= a && !wordy.test(terms[z].text)) z--;
  if (a > z) return null;
  const first = terms[a], last = terms[z];
  if (!first.offset || !last.offset) return null;
  const start = first.offset.start;
  let end = last.offset.start + last.offset.length;
  const t = last.text;
  if (/['’]s$/i.test(t)) end -= 2;
  else if (/s['’]$/i.test(t)) end -= 1;
  else if (last.tags.has('Abbreviation') && last.post.startsWith('.')) end += 1;
  return end > start ? [start, end] : null;
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0 || files[0] === '-h' || files[0] === '--help') {
    process.stderr.write(`usage: ${prog}.mjs FILE...\n`);
    process.exit(files.length === 0 ? 2 : 0);
  }
  const nlp = await loadCompromise();
  const out = ['doc\tpara\tsent\tent_start\tent_end\tent_label\tentity\tmention\n'];
  let pending = 0, bad = 0, status = 0;
  const flush = () => { process.stdout.write(out.join('')); out.length = 0; pending = 0; };
  for (const file of files) {
    let buf;
    try {
      buf = readFileSync(file);
    } catch (e) {
      process.stderr.write(`${prog}: ${file}: ${e.message}\n`);
      status = 2;
      continue;
    }
    const doc = basename(file, extname(file));
    const { str, map } = decode(buf);
    const d = nlp(str);
    d.compute('offset');
    const found = new Map();
    const take = (view, type) => {
      for (const terms of view.docs) {
        const s = span(terms, type);
        if (!s) continue;
        const key = s[0] * 1e7 + s[1];
        if (!found.has(key)) found.set(key, [s[0], s[1], type]);
      }
    };
    take(d.people(), 'PERSON');
    take(d.organizations(), 'ORG');
    take(d.places(), 'GPE');
    take(d.match('#Demonym+'), 'NORP');
    const ms = [...found.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [s, e, type] of ms) {
      const text = str.slice(s, e);
      out.push(`${doc}\t0\t0\t${map[s]}\t${map[e]}\t${type}\t` +
        `${escape(text.replace(/\s+/g, ' '))}\t${escape(text)}\n`);
    }
    // compromise rebuilds its text from term texts and the whitespace and
    // punctuation around them; check that the offsets still land on them
    for (const terms of d.docs)
      for (const t of terms)
        if (!t.offset || str.substr(t.offset.start, t.offset.length) !== t.text) bad++;
    if (++pending >= 64) flush();
  }
  flush();
  if (bad) {
    process.stderr.write(`${prog}: warning: ${bad} terms whose offsets do not match the text\n`);
  }
  process.exitCode = status;
}

main();
