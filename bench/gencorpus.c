/*
 * gencorpus - deterministic synthetic news corpus for the tabloid benchmarks
 *
 *   gencorpus [-s SEED] [-v] -m MEGABYTES -d DIR   write DIR/NNNNNN.txt files
 *   gencorpus [-s SEED] [-v] -m MEGABYTES -t       write one TSV (doc, text)
 *   gencorpus [-s SEED] [-v] -m MEGABYTES -c       write the articles concatenated
 *
 * MEGABYTES is decimal (1 MB = 1,000,000 bytes of article text) and may be
 * fractional.  Generation stops after the article that reaches the target.
 *
 * The output depends only on the seed: the same seed gives byte-identical
 * articles on every platform (the generator uses integer arithmetic only),
 * and a smaller corpus is a prefix of a bigger one with the same seed.
 * The -d, -t and -c forms produce the same articles.
 *
 * Words follow a Zipf distribution (exponent 1) over a vocabulary whose
 * size grows with the number of words drawn so far, V(n) = V0 + 40 n^0.5
 * (Heaps' law; see HEAPS_BETA and HEAPS_K): a few hundred real English
 * words head the ranking, the long tail is pseudo-words built from
 * syllables, so a bigger corpus keeps meeting new words, as a real news
 * archive does.  Person names, organisations and web addresses grow the
 * same way.  With the default seed, 10 MB hold about 77,000 distinct
 * tokens and 100 MB about 310,000.
 *
 * Plain C99 plus POSIX mkdir(); no other dependencies.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ------------------------------------------------------------------ */
/* growable byte buffer                                                */

typedef struct {
	char *p;
	size_t n, cap;
} Buf;

static void die(const char *msg)
{
	fprintf(stderr, "gencorpus: %s\n", msg);
	exit(1);
}

static void bgrow(Buf *b, size_t add)
{
	if (b->n + add + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + add + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		die("out of memory");
	b->p = p;
	b->cap = cap;
}

static void bputn(Buf *b, const char *s, size_t n)
{
	bgrow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void bput(Buf *b, const char *s) { bputn(b, s, strlen(s)); }

static void bputc(Buf *b, char c)
{
	bgrow(b, 1);
	b->p[b->n++] = c;
}

static void bputu(Buf *b, unsigned long v)
{
	char t[24];
	int k = 0;
	do {
		t[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (k)
		bputc(b, t[--k]);
}

/* v with thousands separators: 350,000 */
static void bputsep(Buf *b, unsigned long v)
{
	char t[32];
	int k = 0, d = 0;
	do {
		if (d && d % 3 == 0)
			t[k++] = ',';
		t[k++] = (char)('0' + v % 10);
		v /= 10;
		d++;
	} while (v);
	while (k)
		bputc(b, t[--k]);
}

/* v / 10^dec with dec decimals: bputdec(b, 251, 1) -> 25.1 */
static void bputdec(Buf *b, unsigned long v, int dec)
{
	unsigned long p = 1;
	for (int i = 0; i < dec; i++)
		p *= 10;
	bputu(b, v / p);
	if (dec) {
		bputc(b, '.');
		unsigned long f = v % p;
		for (unsigned long q = p / 10; q; q /= 10) {
			bputc(b, (char)('0' + f / q));
			f %= q;
		}
	}
}

/* ------------------------------------------------------------------ */
/* random numbers: splitmix64                                          */

static uint64_t rng_state;

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static uint64_t next64(void)
{
	rng_state += 0x9E3779B97F4A7C15ULL;
	return mix64(rng_state);
}

/* uniform in [0, n) */
static uint32_t rnd(uint32_t n)
{
	return (uint32_t)(((next64() >> 32) * (uint64_t)n) >> 32);
}

/* true with probability per/1000 */
static int chance(unsigned per)
{
	return rnd(1000) < per;
}

/* ------------------------------------------------------------------ */
/* fixed-point log2 / exp2 (integer only, hence platform-independent)  */

/* round(2^31 * 2^(2^-i)), i = 1..24 */
static const uint32_t exp2c[24] = {
	3037000500u, 2553802834u, 2341847524u, 2242560872u, 2194507417u, 2170868212u,
	2159144272u, 2153306067u, 2150392887u, 2148937775u, 2148210589u, 2147847087u,
	2147665360u, 2147574502u, 2147529075u, 2147506361u, 2147495005u, 2147489326u,
	2147486487u, 2147485068u, 2147484358u, 2147484003u, 2147483825u, 2147483737u,
};

/* log2(x) in Q24, x >= 1 */
static uint32_t flog2(uint64_t x)
{
	int k = 0;
	while (k < 63 && (x >> (k + 1)))
		k++;
	uint64_t m = k >= 31 ? x >> (k - 31) : x << (31 - k); /* [1,2) in Q31 */
	uint32_t r = (uint32_t)k << 24;
	for (int i = 23; i >= 0; i--) {
		m = (m * m) >> 31;
		if (m >= (1ULL << 32)) {
			m >>= 1;
			r |= 1u << i;
		}
	}
	return r;
}

/* floor(2^(e / 2^24)) */
static uint64_t fexp2(uint32_t e)
{
	uint32_t k = e >> 24, f = e & 0xffffffu;
	uint64_t m = 1ULL << 31;
	for (int i = 0; i < 24; i++)
		if (f & (1u << (23 - i)))
			m = (m * exp2c[i]) >> 31;
	if (k >= 63)
		return UINT64_MAX;
	return k >= 31 ? m << (k - 31) : m >> (31 - k);
}

/*
 * A Zipf-Mandelbrot rank over [1, V], P(r) ~ 1/(r + q) (exponent 1):
 * r + q = floor((q+1) * ((V+q+1)/(q+1))^u), u uniform in [0, 1).
 */
typedef struct {
	uint32_t v, q, lgq, lgspan;
} Zipf;

static void zsetq(Zipf *z, uint32_t v, uint32_t q)
{
	z->v = v ? v : 1;
	z->q = q;
	z->lgq = flog2((uint64_t)q + 1);
	z->lgspan = flog2((uint64_t)z->v + q + 1) - z->lgq;
}

static void zset(Zipf *z, uint32_t v) { zsetq(z, v, 0); }

static uint32_t zdraw(const Zipf *z)
{
	uint64_t u = next64() >> 32;
	uint64_t r = fexp2(z->lgq + (uint32_t)((u * z->lgspan) >> 32));
	r = r > z->q ? r - z->q : 1;
	if (r > z->v)
		r = z->v;
	return (uint32_t)r;
}

/* Heaps' law: v0 + k * n^beta, beta = HEAPS_BETA / 1000 */
#ifndef HEAPS_BETA
#define HEAPS_BETA 500
#endif
#ifndef HEAPS_K
#define HEAPS_K 40
#endif
#ifndef COMPOUND_HEAD
#define COMPOUND_HEAD 600
#endif

static uint32_t heaps(uint64_t n, uint32_t v0, uint32_t k)
{
	uint64_t p = fexp2((uint32_t)((uint64_t)HEAPS_BETA * flog2(n + 1) / 1000));
	uint64_t v = v0 + k * p;
	return v > 0x7fffffff ? 0x7fffffff : (uint32_t)v;
}

/* ------------------------------------------------------------------ */
/* word lists                                                          */

/* the head of the vocabulary, roughly in news-frequency order */
static const char *const vocab_src[] = {
	"the to of a and in that for on is said was with he it as at by from "
	"his be have has an are but not will they who this were its been which "
	"had their would more after also I we year about up one new than or "
	"there she two her out over first all people last when can could into "
	"told our so other time no government some what years him just them do "
	"while percent against before us because president only most state "
	"company three like now since being any between during these my where "
	"how then through week made says many those may make back million "
	"billion did officials both well under including even still country "
	"public according market day minister police security you going "
	"national world former four way get another city part around next such "
	"think added much own home take group work called without say second "
	"trade should very party month months high business plan support "
	"health deal due less report five law show court power political "
	"economic news set each help end expected several early long "
	"international foreign house already based chief need days money use "
	"top right free major later among decision third announced following "
	"members however know want states program companies team family "
	"whether local office large recent financial prices bank growth "
	"investment network technology networks infrastructure telecoms",
	"equipment risk concerns talks relations pressure intelligence allies "
	"spokesman statement reporters interview committee parliament congress "
	"senate lawmakers ministers leaders leader agency department ministry "
	"industry sector firms firm shares stocks investors analysts profit "
	"revenue sales quarter rate rates inflation interest debt budget tax "
	"taxes spending costs cost jobs workers unemployment oil energy gas "
	"climate emissions coronavirus pandemic virus vaccine hospital patients "
	"doctors schools students children women men residents community region "
	"border military troops forces war attack attacks killed injured "
	"arrested charged judge trial case evidence investigation prosecutors "
	"lawyers rules ban sanctions tariffs exports imports deficit partner "
	"partners relationship strategy policy policies plans proposal proposed "
	"legislation bill vote voters campaign candidate poll polls majority "
	"opposition democratic conservative liberal chinese american british "
	"european russian german french japanese indian global domestic federal "
	"regional digital mobile online data internet software systems service "
	"services customers users consumers products supply demand production "
	"manufacturing factory construction housing property land water food "
	"farmers crisis recession recovery outbreak lockdown restrictions "
	"measures response reaction criticism fears warning warned urged "
	"claimed denied confirmed reported described suggested admitted "
	"insisted agreed rejected approved launched signed raised cut rose fell "
	"increased dropped grew reached remained continued began started "
	"allowed decided believed considered needed wanted tried helped led "
	"held kept gave took came went saw found left met paid sent built "
	"brought become became making taking using working seeking planning "
	"facing growing rising falling leading key vital crucial significant "
	"critical limited sweeping strong weak higher lower biggest largest "
	"latest current previous future potential possible likely unlikely "
	"important independent difficult serious senior private official "
	"general special full real clear similar different single total average "
	"annual daily short big small little good bad best worst better worse "
	"old young late open close hard simple across within toward until "
	"despite although though whose again never ever always often almost "
	"really rather quite too here why must might own per via amid",
	"statement authorities administration chancellor secretary director "
	"executive chairman spokeswoman founder board council union court "
	"supreme elections reform reforms economy markets currency dollar "
	"pounds euros yuan exchange stock bond bonds fund funds capital assets "
	"deals contract contracts agreement treaty summit meeting meetings "
	"visit trip conference announcement move moves step steps effort "
	"efforts issue issues problem problems question questions answer "
	"comment comments claims allegations reports sources source people's "
	"country's world's nation nations citizens population generation "
	"decade century history future past period term terms round level "
	"levels number numbers figure figures record records share stake "
	"value worth price rise fall drop increase decline gain losses loss "
	"result results impact effect effects role position view views hopes "
	"chance threat threats danger damage safety protection rights freedom "
	"democracy protest protests protesters violence crime victims officers "
	"soldiers government's company's spokesperson analyst economist "
	"economists experts scientists researchers study research science "
	"university universities school education training job career life "
	"lives death deaths died dead cases infections tests testing care "
	"system networks suppliers vendor vendors operators operator carriers "
	"broadband phone phones devices chips semiconductor semiconductors "
	"cloud platform platforms app apps media social television radio press "
	"newspaper story stories article editor journalists journalist "
	"broadcaster channel video images photos pictures website site",
};

static const char first_src[] =
	"James|John|Robert|Michael|David|William|Richard|Thomas|Mary|Patricia|"
	"Jennifer|Linda|Elizabeth|Sarah|Emma|Olivia|Boris|Theresa|Donald|Joe|"
	"Angela|Emmanuel|Xi|Li|Wei|Hiroshi|Yuki|Ahmed|Fatima|Mohammed|Priya|"
	"Rahul|Anil|Olga|Sergei|Dmitri|Ivan|José|María|João|François|Renée|"
	"Zoë|Jürgen|Günter|Łukasz|Małgorzata|Søren|Björn|Chloé|André|Hélène|"
	"Gavin|Chris|Oliver|Rishi|Keir|Kamala|Nancy|Marco|Giulia|Pedro|Ana|"
	"Karin|Lars|Ingrid|Kwame|Amara|Nkechi|Tomás|Peter|Paul|Mark|Susan|"
	"Karen|Helen|Anne|Claire|Daniel|Matthew|Andrew|Steven|Kevin|Brian|"
	"George|Edward|Jane|Laura|Rachel|Sophie|Lucy|Hannah|Jack|Harry|Ben|"
	"Tom|Sam|Alex|Nicola|Fiona|Ian|Iain|Stuart|Neil|Aoife|Siobhán|Ciarán";

static const char sur_src[] =
	"Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Taylor|Anderson|"
	"Thomas|Moore|Martin|Lee|Walker|Clark|Lewis|Young|King|Wright|Hill|"
	"Green|Baker|Adams|Nelson|Campbell|Mitchell|Roberts|Carter|Phillips|"
	"Evans|Turner|Parker|Collins|Edwards|Stewart|Morris|Murphy|Cook|Rogers|"
	"Morgan|Cooper|Peterson|Reed|Bailey|Kelly|Howard|Ward|Cox|Richardson|"
	"Wood|Watson|Brooks|Bennett|Gray|Hughes|Price|Sanders|Patel|Wang|"
	"Zhang|Liu|Chen|Kim|Nguyen|Tanaka|Suzuki|Müller|Schmidt|Schäfer|Nowak|"
	"Kowalski|Wałęsa|Dubois|Lefèvre|García|Fernández|González|Rodríguez|"
	"Núñez|Sørensen|Öztürk|Yılmaz|Ivanov|Petrov|O'Brien|O'Neill|McDonald|"
	"MacLeod|Coons|Slack|Dowden|Williamson|Huang|Singh|Sharma|Khan|Ali|"
	"Hassan|Okafor|Mensah|Silva|Santos|Costa|Rossi|Bianchi|Jensen|Nielsen";

/* name endings for coined surnames */
static const char *const sur_end[] = {
	"", "", "", "son", "ov", "ski", "ez", "er", "i", "ton", "berg", "ić",
	"ová", "ley", "ard", "man", "ini", "stein", "ström", "wood",
};

static const char place_src[] =
	"London|Beijing|Washington|Brussels|the U.S.|the U.K.|China|Britain|"
	"Paris|Berlin|Moscow|Tokyo|Hong Kong|New York|Europe|Shanghai|Frankfurt|"
	"Germany|France|Japan|Australia|Canada|India|Russia|Sydney|Canberra|"
	"Ottawa|New Delhi|Mumbai|Zürich|Geneva|the E.U.|Kraków|Gdańsk|Łódź|"
	"Malmö|São Paulo|Bogotá|Montréal|Québec|Düsseldorf|Munich|Reykjavík|"
	"Istanbul|Ankara|Tehran|Riyadh|Dubai|Lagos|Nairobi|Johannesburg|Cairo|"
	"Seoul|Singapore|Jakarta|Manila|Bangkok|Hanoi|Taipei|Brazil|Asia|"
	"Africa|Scotland|Wales|Northern Ireland|Ireland|Dublin|Edinburgh|"
	"Manchester|Birmingham|California|Texas|Silicon Valley|Wall Street|"
	"Westminster|Downing Street|the White House|the Kremlin|the Gulf|"
	"Latin America|the Middle East|Taiwan|Ukraine|Kyiv|Poland|Warsaw|Spain|"
	"Madrid|Italy|Rome|Milan|Sweden|Stockholm|Norway|Oslo|Denmark|"
	"Copenhagen|Finland|Helsinki|the Netherlands|Amsterdam|Vienna|Prague|"
	"Budapest|Athens|Lisbon|Mexico|Mexico City|Argentina|Chile|Peru|Nigeria|"
	"Kenya|South Africa|Egypt|Israel|Iran|Iraq|Saudi Arabia|Pakistan|"
	"Bangladesh|Indonesia|Vietnam|Malaysia|the Philippines|New Zealand";

static const char datecity_src[] =
	"LONDON|WASHINGTON|BEIJING|NEW YORK|FRANKFURT|PARIS|TOKYO|SÃO PAULO|"
	"ZÜRICH|KRAKÓW|BRUSSELS|HONG KONG|MOSCOW|SYDNEY|BERLIN|SHANGHAI|"
	"SINGAPORE|TORONTO|MUMBAI|DUBAI|GENEVA|SEOUL|MEXICO CITY|JOHANNESBURG|"
	"OTTAWA|CANBERRA|STOCKHOLM|MADRID|ROME|MONTRÉAL";

static const char org_src[] =
	"Huawei Technologies Co.|Apple Inc.|Vodafone Group plc|BT Group|"
	"Deutsche Telekom AG|Nokia Corp.|Ericsson|Samsung Electronics Co.|"
	"the Federal Reserve|the Bank of England|the European Commission|"
	"the Department of Commerce|the Ministry of Defence|"
	"the National Security Council|Goldman Sachs Group Inc.|"
	"JPMorgan Chase & Co.|Toyota Motor Corp.|Nestlé S.A.|Société Générale|"
	"Siemens AG|the World Health Organization|the United Nations|NATO|"
	"the IMF|the World Bank|the Treasury|the Pentagon|the FBI|Microsoft Corp.|"
	"Alphabet Inc.|Google|Amazon.com Inc.|Meta Platforms Inc.|Tesla Inc.|"
	"ZTE Corp.|Alibaba Group Holding Ltd.|Tencent Holdings Ltd.|HSBC Holdings plc|"
	"Barclays plc|BP plc|Royal Dutch Shell|Volkswagen AG|BMW AG|Airbus SE|"
	"Boeing Co.|General Motors Co.|Ford Motor Co.|the Labour Party|"
	"the Conservative Party|the Democratic Party|the Republican Party|"
	"Ofcom|the Office for National Statistics|the Commerce Ministry|"
	"the State Department|the Foreign Office|the Home Office|GCHQ|MI5|"
	"the European Central Bank|the OECD|Reuters|the Associated Press|"
	"the BBC|the Financial Times|Bloomberg|the Daily Mail|Sky News";

static const char *const org_end[] = {
	" Holdings", " Group", " Corp.", " Inc.", " Ltd.", " plc", " & Co.",
	" Technologies Co.", " Bank", " Capital LLC", " AG", " S.A.",
	" Partners", " Industries Inc.", " Energy", " Telecom", " Pharma Ltd.",
	" Motors", " Media Group", " Foundation",
};

static const char compound_src[] =
	"long-term|well-known|so-called|co-operation|fifth-generation|non-core|"
	"fast-track|high-speed|state-owned|year-on-year|all-time|first-ever|"
	"cross-border|follow-up|anti-government|pro-democracy|e-mail|"
	"decision-making|left-wing|right-wing|built-in|one-off|two-thirds|"
	"short-term|low-cost|high-risk|full-time|part-time|in-house|"
	"so-far|hard-line|self-sufficient|co-founder|ex-president|"
	"vice-president|policy-makers|middle-class|record-breaking|"
	"wide-ranging|long-standing|top-level|real-time|open-source|"
	"large-scale|U.S.-led|China-based|London-based|Covid-19|per-cent|"
	"re-election|mid-2020s|post-war|pre-tax|year-end|up-to-date";

static const char *const prefix_h[] = {
	"non", "anti", "pro", "post", "pre", "co", "ex", "self", "semi",
	"multi", "over", "under", "cross", "inter", "counter", "re",
};

static const char *const title_short[] = {
	"Mr.", "Mr.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Sen.", "Rep.",
	"Gov.", "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev.", "Insp.",
};

static const char *const role[] = {
	"President", "Prime Minister", "Chancellor", "Foreign Secretary",
	"Home Secretary", "Defence Secretary", "Health Secretary",
	"Secretary of State", "Senator", "Governor", "Mayor", "Judge",
	"Chief Executive", "Chairman", "Commissioner", "Ambassador",
	"Finance Minister", "Foreign Minister", "Vice President", "Speaker",
};

static const char *const month[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const mon_abbr[] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec.",
};
static const char *const weekday[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};

static const char *const abbrev[] = {
	"e.g.", "i.e.", "etc.", "vs.", "approx.", "a.m.", "p.m.", "No. 10",
	"St. Louis", "St. Petersburg", "Ph.D.", "U.N.", "Nos. 3", "Mt. Everest",
	"Ft. Worth", "et al.", "cf.", "Ave.",
};

static const char *const contraction[] = {
	"don't", "can't", "it's", "we're", "won't", "isn't", "I'm", "they're",
	"we've", "that's", "doesn't", "didn't", "there's", "I've", "you're",
	"wouldn't", "we'll", "let's", "aren't", "hasn't",
};

static const char *const currency[] = {
	"$", "$", "$", "US$", "£", "£", "€", "€", "HK$", "A$", "C$", "¥", "R$",
	"S$", "NZ$",
};

static const char *const scale_word[] = {
	" million", " billion", " trillion", "bn", "m", "",
};

static const char *const attrib_verb[] = {
	"said", "said", "said", "said", "told reporters", "added", "wrote",
	"said in a statement", "told the BBC", "said on Twitter", "explained",
	"argued", "warned", "insisted",
};

static const char *const boiler[] = {
	"Advertisement", "Hide Ad", "Share this article", "Read more:",
	"Sign up for our newsletter", "Related", "Listen Live",
	"Get short URL", "Subscribe now", "Most Read",
};

typedef struct {
	const char **w;
	uint32_t n;
	Zipf z;
} List;

static List vocab, first, sur, place, datecity, org, compound;

/* split the concatenation of parts[0..nparts) (joined by sep) at sep */
static void list_init_parts(List *l, const char *const *parts, size_t nparts, char sep)
{
	size_t len = 1;
	for (size_t i = 0; i < nparts; i++)
		len += strlen(parts[i]) + 1;
	char *s = malloc(len);
	if (!s)
		die("out of memory");
	s[0] = '\0';
	for (size_t i = 0, n = 0; i < nparts; i++) {
		size_t k = strlen(parts[i]);
		memcpy(s + n, parts[i], k);
		n += k;
		s[n++] = sep;
		s[n] = '\0';
	}
	uint32_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == sep;
	l->w = malloc(n * sizeof *l->w);
	if (!l->w)
		die("out of memory");
	l->n = 0;
	for (char *p = s;;) {
		char *e = strchr(p, sep);
		if (e)
			*e = '\0';
		if (*p)
			l->w[l->n++] = p;
		if (!e)
			break;
		p = e + 1;
	}
	zsetq(&l->z, l->n, 3);
}

static void list_init(List *l, const char *src, char sep) { list_init_parts(l, &src, 1, sep); }

static const char *pick(const List *l) { return l->w[zdraw(&l->z) - 1]; }

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ANY(a) ((a)[rnd((uint32_t)NELEM(a))])

/* ------------------------------------------------------------------ */
/* coined words                                                        */

static const char *const onset[32] = {
	"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r",
	"s", "t", "v", "w", "z", "br", "cr", "dr", "fr", "gr", "pr", "tr",
	"st", "sh", "ch", "th", "pl", "cl", "bl",
};
static const char *const nucleus[8] = { "a", "e", "i", "o", "u", "ai", "ea", "ou" };
static const char *const coda[8] = { "", "", "n", "r", "s", "t", "l", "nd" };

/*
 * Pseudo-word number j in namespace salt.  Each syllable is an onset
 * (consonants) plus a nucleus (vowels), so a word parses back to its
 * syllables uniquely; within a length class j is mapped to syllable
 * digits by an odd multiplier modulo a power of two, a bijection.
 * Hence distinct j give distinct words.  Smaller j (the frequent ones)
 * get fewer syllables.
 */
static void pseudo(Buf *b, uint64_t j, unsigned salt, int cap)
{
	char w[64];
	size_t n = 0;
	int len = 1;
	uint64_t base = 0, size = 256;
	while (len < 4 && j >= base + size) {
		base += size;
		size <<= 8;
		len++;
	}
	uint64_t k = j - base;
	uint64_t mul = mix64(2 * (uint64_t)salt + 11) | 1, add = mix64(2 * (uint64_t)salt + 12);
	k = (k * mul + add) & (size - 1);
	for (int i = 0; i < len; i++) {
		unsigned d = (unsigned)(k >> (8 * i)) & 255;
		const char *o = onset[d & 31], *v = nucleus[d >> 5];
		memcpy(w + n, o, strlen(o));
		n += strlen(o);
		memcpy(w + n, v, strlen(v));
		n += strlen(v);
	}
	uint64_t h = mix64(j * 0x2545F4914F6CDD1DULL + salt);
	const char *c = coda[h & 7];
	memcpy(w + n, c, strlen(c));
	n += strlen(c);
	size_t start = b->n;
	/* now and then a non-ASCII letter: e -> é, u -> ü, o -> ö, l -> ł */
	if (((h >> 8) & 63) == 0) {
		size_t i;
		for (i = 1; i < n; i++)
			if (w[i] == 'e' || w[i] == 'u' || w[i] == 'o' || w[i] == 'l')
				break;
		bputn(b, w, i);
		if (i < n) {
			bput(b, w[i] == 'e' ? "é" : w[i] == 'u' ? "ü" : w[i] == 'o' ? "ö" : "ł");
			bputn(b, w + i + 1, n - i - 1);
		}
	} else {
		bputn(b, w, n);
	}
	if (cap)
		b->p[start] = (char)(b->p[start] - 'a' + 'A');
}

/* ------------------------------------------------------------------ */
/* article-wide state                                                  */

static uint64_t ndraw;          /* vocabulary draws so far: drives growth */
static Zipf zword, zsur, zcoin; /* grow with ndraw */
static Zipf zsmall;             /* fixed: head of the vocabulary for compounds */
static struct {
	int curly;      /* “curly” rather than "straight" double quotes */
	int curly_apos; /* ’ rather than ' */
	int wire;
} st;

static void grow_vocab(void)
{
	zset(&zword, heaps(ndraw, vocab.n + 1500, HEAPS_K));
	zsetq(&zsur, heaps(ndraw, sur.n + 100, 1), 3);
	zset(&zcoin, heaps(ndraw, 300, 1));
}

static void apos(Buf *b) { bput(b, st.curly_apos ? "’" : "'"); }
static void oquote(Buf *b) { bput(b, st.curly ? "“" : "\""); }
static void cquote(Buf *b) { bput(b, st.curly ? "”" : "\""); }

/* s with ' shown in the article's apostrophe style */
static void bput_apos(Buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\'')
			apos(b);
		else
			bputc(b, *s);
	}
}

/*
 * Coined vocabulary entry j.  Inflected forms are entries of their own
 * (stem j/3: bare, then two suffixed forms fixed by the stem), so every
 * distinct rank is one distinct word and the number of word types tracks
 * the vocabulary cap, whatever the number of draws.
 */
static void coined_word(Buf *b, uint64_t j)
{
	static const char *const suffix[] = { "s", "s", "s", "ed", "ing", "ly", "er", "ers", "ness", "ism" };
	uint64_t stem = j / 3;
	unsigned form = (unsigned)(j % 3);
	pseudo(b, stem, 0, 0);
	if (form) {
		uint64_t h = mix64(stem ^ 0x5bd1e995u);
		unsigned a = (unsigned)(h % NELEM(suffix)), c = (unsigned)((h >> 16) % (NELEM(suffix) - 1));
		bput(b, suffix[form == 1 ? a : c + (c >= a)]);
	}
}

static void lword(Buf *b)
{
	uint32_t r = zdraw(&zword);
	ndraw++;
	if (r <= vocab.n) {
		bput_apos(b, vocab.w[r - 1]);
		return;
	}
	coined_word(b, r - vocab.n - 1);
}

/* a word from the head of the vocabulary (compounds) */
static void hword(Buf *b)
{
	uint32_t r = zdraw(&zsmall) + 150; /* skip the function words */
	if (r <= vocab.n && !strchr(vocab.w[r - 1], '\'') && vocab.w[r - 1][0] >= 'a')
		bput(b, vocab.w[r - 1]);
	else
		coined_word(b, r > vocab.n ? r - vocab.n - 1 : r);
}

static void surname(Buf *b)
{
	uint32_t r = zdraw(&zsur);
	ndraw++;
	if (r <= sur.n) {
		bput_apos(b, sur.w[r - 1]);
		return;
	}
	pseudo(b, r - sur.n - 1, 1, 1);
	bput(b, sur_end[mix64(r) % NELEM(sur_end)]);
}

static void coined_cap(Buf *b)
{
	pseudo(b, zdraw(&zcoin) - 1, 2, 1);
	ndraw++;
}

static void possessive(Buf *b)
{
	if (b->n && b->p[b->n - 1] == 's' && chance(500)) {
		apos(b);
	} else {
		apos(b);
		bputc(b, 's');
	}
}

static void person(Buf *b, int allow_poss)
{
	uint32_t k = rnd(100);
	if (k < 30) {
		bput(b, ANY(title_short));
		bputc(b, ' ');
		surname(b);
	} else if (k < 62) {
		bput(b, pick(&first));
		bputc(b, ' ');
		surname(b);
	} else if (k < 78) {
		surname(b);
	} else if (k < 85) {
		bput(b, ANY(title_short));
		bputc(b, ' ');
		bput(b, pick(&first));
		bputc(b, ' ');
		surname(b);
	} else if (k < 90) {
		bput(b, pick(&first));
		bputc(b, ' ');
		bputc(b, (char)('A' + rnd(26)));
		bput(b, ". ");
		surname(b);
	} else if (k < 98) {
		bput(b, ANY(role));
		bputc(b, ' ');
		bput(b, pick(&first));
		bputc(b, ' ');
		surname(b);
	} else {
		bput(b, pick(&first));
		bputc(b, ' ');
		surname(b);
		bput(b, chance(500) ? " Jr." : " Sr.");
		return;
	}
	if (allow_poss && chance(90))
		possessive(b);
}

static void placename(Buf *b)
{
	const char *p = pick(&place);
	bput(b, p);
	if (chance(80))
		possessive(b);
}

static void organisation(Buf *b)
{
	if (chance(450)) {
		bput(b, pick(&org));
		return;
	}
	if (chance(500))
		surname(b);
	else
		coined_cap(b);
	bput(b, ANY(org_end));
}

static void number(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 25) {
		uint32_t x = rnd(10), y = rnd(10), z = rnd(8);
		bputu(b, 2 + x * y + z);
	} else if (k < 40) {
		bputu(b, 1990 + rnd(36));
	} else if (k < 60) {
		/* a round-ish figure: 350,000 or 1,234,567 */
		unsigned long v = 1000 + rnd(999000);
		if (chance(300))
			v *= 1 + rnd(999);
		if (chance(850)) {
			unsigned long p = 1;
			while (v / p >= (chance(500) ? 100 : 1000))
				p *= 10;
			v = v / p * p;
		}
		bputsep(b, v);
	} else if (k < 75) {
		if (chance(800))
			bputdec(b, 1 + rnd(chance(600) ? 99 : 999), 1);
		else
			bputdec(b, 1 + rnd(9999), 2);
	} else if (k < 82) {
		uint32_t v = 1 + rnd(40);
		bputu(b, v);
		uint32_t t = v % 100;
		bput(b, (t / 10 == 1) ? "th" : t % 10 == 1 ? "st" : t % 10 == 2 ? "nd" : t % 10 == 3 ? "rd" : "th");
	} else if (k < 88) {
		if (chance(500)) {
			uint32_t y = 2000 + rnd(25);
			bputu(b, y);
			bput(b, chance(500) ? "-" : "–");
			if (chance(500))
				bputu(b, (y + 1) % 100 < 10 ? 10 + (y + 1) % 100 : (y + 1) % 100);
			else
				bputu(b, y + 1);
		} else {
			uint32_t a = 2 + rnd(20);
			bputu(b, a);
			bputc(b, '-');
			bputu(b, a + 1 + rnd(10));
		}
	} else if (k < 94) {
		static const char *const unit[] = { " km", "km", " miles", "kg", " tonnes", "GHz", "MHz", "°C", "m", " metres", "mph", "ft" };
		if (chance(300)) {
			bput(b, chance(600) ? "5G" : chance(500) ? "4G" : "3G");
			return;
		}
		uint32_t v = 1 + rnd(500);
		bputdec(b, v, (int)rnd(2));
		bput(b, ANY(unit));
	} else {
		if (chance(500)) {
			bputu(b, rnd(6));
			bputc(b, '-');
			bputu(b, rnd(5));
		} else {
			bputu(b, 1 + rnd(3));
			bputc(b, '/');
			bputu(b, 4 + rnd(6));
		}
	}
}

static void money(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 15) {
		/* 22.6 billion pounds */
		bputdec(b, 10 + rnd(990), 1);
		bput(b, chance(500) ? " billion " : " million ");
		bput(b, chance(500) ? "pounds" : chance(500) ? "euros" : "yuan");
		return;
	}
	bput(b, ANY(currency));
	if (k < 30) {
		/* $4.99, £1,500 */
		if (chance(500)) {
			bputdec(b, 100 + rnd(9900), 2);
		} else {
			uint32_t v = 1 + rnd(99);
			bputsep(b, v * (chance(500) ? 10 : 100));
		}
		return;
	}
	uint32_t v = 10 + rnd(990);
	bputdec(b, v, chance(700) ? 1 : 0);
	bput(b, ANY(scale_word));
}

static void percent(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 15 && chance(300))
		bputc(b, '-');
	if (chance(600))
		bputdec(b, rnd(1000), 1); /* 0.0 - 99.9 */
	else
		bputu(b, rnd(100));
	if (k < 60)
		bputc(b, '%');
	else if (k < 80)
		bput(b, " percent");
	else if (k < 92)
		bput(b, " per cent");
	else
		bput(b, " percentage points");
}

static void date(Buf *b)
{
	uint32_t k = rnd(100);
	uint32_t m = rnd(12), d = 1 + rnd(28);
	if (k < 25) {
		bput(b, month[m]);
		bputc(b, ' ');
		bputu(b, d);
	} else if (k < 40) {
		bput(b, mon_abbr[m]);
		bputc(b, ' ');
		bputu(b, d);
	} else if (k < 65) {
		bput(b, chance(500) ? "on " : chance(500) ? "last " : "next ");
		bput(b, ANY(weekday));
	} else if (k < 80) {
		bputu(b, d);
		bputc(b, ' ');
		bput(b, month[m]);
		bputc(b, ' ');
		bputu(b, 2000 + rnd(25));
	} else if (k < 92) {
		bput(b, month[m]);
		bputc(b, ' ');
		bputu(b, d);
		bput(b, ", ");
		bputu(b, 2000 + rnd(25));
	} else {
		bputu(b, 2000 + rnd(25));
		bputc(b, '-');
		bputc(b, (char)('0' + (m + 1) / 10));
		bputc(b, (char)('0' + (m + 1) % 10));
		bputc(b, '-');
		bputc(b, (char)('0' + d / 10));
		bputc(b, (char)('0' + d % 10));
	}
}

static void clocktime(Buf *b)
{
	uint32_t k = rnd(100);
	uint32_t h = rnd(24), m = rnd(60);
	if (k < 50) {
		bputu(b, h);
		bputc(b, ':');
		bputc(b, (char)('0' + m / 10));
		bputc(b, (char)('0' + m % 10));
		if (k < 20)
			bput(b, chance(500) ? " GMT" : " BST");
	} else if (k < 80) {
		bputu(b, 1 + h % 12);
		if (chance(500)) {
			bputc(b, ':');
			bputc(b, (char)('0' + m / 10));
			bputc(b, (char)('0' + m % 10));
		}
		bput(b, h < 12 ? " a.m." : " p.m.");
	} else {
		bputu(b, 1 + h % 12);
		bput(b, h < 12 ? "am" : "pm");
	}
}

static void lower_coin(Buf *b, unsigned salt)
{
	pseudo(b, zdraw(&zcoin) - 1, salt, 0);
	ndraw++;
}

static void webref(Buf *b)
{
	static const char *const tld[] = { ".com", ".co.uk", ".org", ".net", ".gov", ".de", ".io", ".com.au" };
	uint32_t k = rnd(100);
	if (k < 35) {
		bput(b, chance(700) ? "https://" : "http://");
		if (chance(600))
			bput(b, "www.");
		lower_coin(b, 3);
		bput(b, ANY(tld));
		if (chance(700)) {
			bputc(b, '/');
			lword(b);
			bputc(b, '/');
			lword(b);
			bputc(b, '-');
			lword(b);
			bputc(b, '-');
			bputu(b, 10000 + rnd(90000000));
			if (chance(300))
				bput(b, ".html");
		}
	} else if (k < 45) {
		bput(b, "www.");
		lower_coin(b, 3);
		bput(b, ANY(tld));
	} else if (k < 65) {
		lower_coin(b, 4);
		bputc(b, chance(500) ? '.' : '_');
		lower_coin(b, 5);
		bputc(b, '@');
		lower_coin(b, 3);
		bput(b, ANY(tld));
	} else if (k < 85) {
		bputc(b, '#');
		if (chance(200))
			bput(b, chance(500) ? "5G" : "Covid19");
		else
			coined_cap(b);
	} else {
		bputc(b, '@');
		lower_coin(b, 6);
		if (chance(400))
			bputu(b, rnd(100));
	}
}

static void compound_word(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 50) {
		bput(b, pick(&compound));
	} else if (k < 72) {
		hword(b);
		bputc(b, '-');
		hword(b);
	} else if (k < 90) {
		bput(b, ANY(prefix_h));
		bputc(b, '-');
		hword(b);
	} else {
		bputu(b, 2 + rnd(90));
		bput(b, chance(500) ? "-year-old" : chance(500) ? "-day" : "-point");
	}
}

static void item(Buf *b, int in_quote);
static void bput_upper(Buf *b, const char *s, size_t n);

static void paren(Buf *b)
{
	bputc(b, '(');
	uint32_t k = rnd(100);
	if (k < 35)
		money(b);
	else if (k < 50)
		percent(b);
	else if (k < 65)
		bput(b, chance(500) ? "Reuters" : "AP");
	else if (k < 80) {
		/* a ticker made from a coined company name */
		Buf t = { 0 };
		coined_cap(&t);
		bput(b, chance(500) ? "NYSE: " : "LSE: ");
		size_t len = 0, want = 3 + (t.n & 1);
		while (len < t.n && len < want && (unsigned char)t.p[len] < 0x80)
			len++;
		bput_upper(b, t.p, len);
		free(t.p);
	} else {
		item(b, 0);
		bputc(b, ' ');
		item(b, 0);
	}
	bputc(b, ')');
}

static void scare(Buf *b)
{
	bput(b, st.curly ? "‘" : "'");
	hword(b);
	if (chance(500)) {
		bputc(b, ' ');
		hword(b);
	}
	bput(b, st.curly ? "’" : "'");
}

/* one token-ish unit of running text */
static void item(Buf *b, int in_quote)
{
	uint32_t k = rnd(10000);
	if (k < 450)
		person(b, 1);
	else if (k < 700)
		placename(b);
	else if (k < 820)
		organisation(b);
	else if (k < 1120)
		number(b);
	else if (k < 1240)
		money(b);
	else if (k < 1330)
		percent(b);
	else if (k < 1480)
		compound_word(b);
	else if (k < 1540)
		date(b);
	else if (k < 1570)
		clocktime(b);
	else if (k < 1630)
		bput(b, ANY(abbrev));
	else if (k < 1655)
		webref(b);
	else if (k < 1695)
		paren(b);
	else if (k < 1725)
		scare(b);
	else if (in_quote && k < 1900)
		bput_apos(b, ANY(contraction));
	else
		lword(b);
}

/* items, with inner punctuation; capitalises the first letter */
static void clause(Buf *b, uint32_t nitems, int in_quote)
{
	size_t start = b->n;
	for (uint32_t i = 0; i < nitems; i++) {
		if (i)
			bputc(b, ' ');
		item(b, in_quote);
		if (i + 1 < nitems && i > 0) {
			uint32_t k = rnd(1000);
			if (k < 70)
				bputc(b, ',');
			else if (k < 74)
				bputc(b, ';');
			else if (k < 77)
				bputc(b, ':');
			else if (k < 81)
				bput(b, chance(600) ? " —" : chance(500) ? " –" : " -");
			else if (k < 82)
				bput(b, chance(500) ? "..." : "…");
		}
	}
	if (b->n > start && b->p[start] >= 'a' && b->p[start] <= 'z')
		b->p[start] = (char)(b->p[start] - 'a' + 'A');
}

static int ends_with_dot(const Buf *b) { return b->n && b->p[b->n - 1] == '.'; }

static void end_mark(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 3)
		bputc(b, '?');
	else if (k < 4)
		bputc(b, '!');
	else if (!ends_with_dot(b))
		bputc(b, '.');
}

static uint32_t sentence_len(void)
{
	uint32_t n = 4 + rnd(8);
	n += rnd(8);
	n += rnd(8);
	return n + rnd(7);
}

static void speaker(Buf *b)
{
	uint32_t k = rnd(100);
	if (k < 40)
		bput(b, chance(550) ? "he" : chance(700) ? "she" : "they");
	else
		person(b, 0);
}

static void sentence(Buf *b)
{
	uint32_t k = rnd(100), n = sentence_len();
	if (k < 76) {
		clause(b, n, 0);
		end_mark(b);
	} else if (k < 86) {
		/* “Quote,” Mr. Smith said.  /  "Quote," said John Smith. */
		oquote(b);
		clause(b, n, 1);
		bputc(b, chance(900) ? ',' : '?');
		cquote(b);
		bputc(b, ' ');
		if (chance(500)) {
			speaker(b);
			bputc(b, ' ');
			bput(b, ANY(attrib_verb));
		} else {
			bput(b, "said ");
			person(b, 0);
			if (chance(300)) {
				bput(b, ", ");
				bput(b, chance(500) ? "chief executive of " : "a spokesman for ");
				organisation(b);
			}
		}
		if (!ends_with_dot(b))
			bputc(b, '.');
	} else if (k < 91) {
		/* Mr. Smith said: “Quote.” */
		size_t s = b->n;
		if (chance(500)) {
			person(b, 0);
			bput(b, " said: ");
		} else {
			bput(b, "According to ");
			person(b, 0);
			bput(b, ", ");
		}
		if (b->p[s] >= 'a' && b->p[s] <= 'z')
			b->p[s] = (char)(b->p[s] - 'a' + 'A');
		oquote(b);
		clause(b, n, 1);
		end_mark(b);
		cquote(b);
	} else if (k < 94) {
		oquote(b);
		clause(b, n, 1);
		end_mark(b);
		cquote(b);
	} else {
		/* In 2018, ...  /  On Friday, ...  /  However, ... */
		static const char *const opener[] = {
			"However, ", "Meanwhile, ", "In ", "On ", "Last year, ",
			"Earlier this month, ", "By contrast, ", "Still, ", "But ",
			"And ", "Separately, ",
		};
		const char *o = ANY(opener);
		bput(b, o);
		if (!strcmp(o, "In ")) {
			bputu(b, 1990 + rnd(36));
			bput(b, ", ");
		} else if (!strcmp(o, "On ")) {
			bput(b, ANY(weekday));
			bput(b, ", ");
		}
		size_t s = b->n;
		clause(b, n, 0);
		if (b->p[s] >= 'A' && b->p[s] <= 'Z' && strncmp(b->p + s, "I ", 2) && chance(800) &&
		    b->n > s + 1 && b->p[s + 1] >= 'a' && b->p[s + 1] <= 'z')
			b->p[s] = (char)(b->p[s] - 'A' + 'a');
		end_mark(b);
	}
}

/* ------------------------------------------------------------------ */
/* layout                                                              */

static const char *const small_words[] = {
	"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at",
	"by", "with", "as", "from",
};

static void headline(Buf *b, int title_case)
{
	uint32_t n = 5 + rnd(8);
	size_t start = b->n;
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			bputc(b, ' ');
		size_t ws = b->n;
		uint32_t k = rnd(100);
		if (k < 12)
			person(b, 1);
		else if (k < 22)
			placename(b);
		else if (k < 27)
			organisation(b);
		else if (k < 31)
			money(b);
		else if (k < 34)
			percent(b);
		else if (k < 37)
			scare(b);
		else
			lword(b);
		if (title_case || i == 0) {
			int small = 0;
			for (size_t j = 0; j < NELEM(small_words); j++)
				if (b->n - ws == strlen(small_words[j]) && !memcmp(b->p + ws, small_words[j], b->n - ws))
					small = 1;
			if ((!small || i == 0) && b->p[ws] >= 'a' && b->p[ws] <= 'z')
				b->p[ws] = (char)(b->p[ws] - 'a' + 'A');
		}
	}
	if (b->p[start] >= 'a' && b->p[start] <= 'z')
		b->p[start] = (char)(b->p[start] - 'a' + 'A');
}

/* upper-case s (ASCII, Latin-1 supplement, Latin Extended-A) */
static void bput_upper(Buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (c >= 'a' && c <= 'z') {
			bputc(b, (char)(c - 32));
		} else if (c == 0xC3 && i + 1 < n && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBE && p[i + 1] != 0xB7) {
			bputc(b, (char)0xC3);
			bputc(b, (char)(p[i + 1] - 0x20));
			i++;
		} else if ((c == 0xC4 || c == 0xC5) && i + 1 < n) {
			unsigned cp = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
			i++;
			if (cp == 0x131) {
				bputc(b, 'I');
				continue;
			}
			int odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
			if (cp != 0x138 && cp != 0x149 && cp != 0x17F && ((cp & 1) != 0) != odd_upper)
				cp--;
			bputc(b, (char)(0xC0 | (cp >> 6)));
			bputc(b, (char)(0x80 | (cp & 0x3F)));
		} else {
			bputc(b, (char)c);
		}
	}
}

static size_t u8len(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* hard-wrap a paragraph at width columns, first line indented */
static void wrap(Buf *out, const char *s, size_t n, int indent, size_t width)
{
	size_t col = 0, linestart;
	for (int i = 0; i < indent; i++)
		bputc(out, ' ');
	col = linestart = (size_t)indent;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		size_t w = u8len(s + i, j - i);
		if (col > linestart) {
			if (col + 1 + w > width) {
				bputc(out, '\n');
				col = linestart = 0;
			} else {
				bputc(out, ' ');
				col++;
			}
		}
		bputn(out, s + i, j - i);
		col += w;
		i = j;
		while (i < n && s[i] == ' ')
			i++;
	}
	bputc(out, '\n');
}

enum { WEB_BLANK, WEB_LINES, WEB_INDENT, WIRE };

static Buf para, head;

static void byline(Buf *b)
{
	bput(b, "By ");
	bput(b, pick(&first));
	bputc(b, ' ');
	surname(b);
}

static void article(Buf *out)
{
	out->n = 0;
	grow_vocab();
	uint32_t k = rnd(100);
	int layout = k < 30 ? WEB_BLANK : k < 52 ? WEB_LINES : k < 65 ? WEB_INDENT : WIRE;
	st.wire = layout == WIRE;
	st.curly = st.wire ? chance(150) : chance(750);
	st.curly_apos = st.curly ? chance(850) : chance(150);
	int wire_blank = chance(500);

	uint32_t target = 2150 + rnd(5651); /* lands in 2-8 KB */
	uint32_t pmin = target / 650, pmax = target / 150;
	if (pmin < 8)
		pmin = 8;
	if (pmax > 30)
		pmax = 30;
	if (pmin > pmax)
		pmin = pmax;
	uint32_t np = pmin + rnd(pmax - pmin + 1);
	uint32_t w[30], wsum = 0;
	for (uint32_t i = 0; i < np; i++)
		wsum += w[i] = 50 + rnd(101);

	/* headline and furniture */
	head.n = 0;
	headline(&head, layout != WIRE && chance(600));
	if (layout == WIRE) {
		bput_upper(out, head.p, head.n);
		bputc(out, '\n');
		if (chance(600)) {
			byline(out);
			bputc(out, '\n');
		}
		bputc(out, '\n');
	} else {
		bputn(out, head.p, head.n);
		bputc(out, '\n');
		if (layout == WEB_BLANK)
			bputc(out, '\n');
		if (chance(250)) { /* standfirst */
			sentence(out);
			bputc(out, '\n');
			if (layout == WEB_BLANK)
				bputc(out, '\n');
		}
		if (chance(200)) {
			if (chance(500)) {
				byline(out);
			} else {
				clocktime(out);
				bputc(out, ' ');
				date(out);
			}
			bputc(out, '\n');
			if (layout != WEB_LINES)
				bputc(out, '\n');
		}
	}

	size_t body0 = out->n;
	uint32_t wacc = 0;
	for (uint32_t i = 0; i < np; i++) {
		wacc += w[i];
		size_t goal = body0 + (size_t)target * wacc / wsum;
		para.n = 0;
		if (i == 0 && layout == WIRE) {
			bput(&para, pick(&datecity));
			bput(&para, ", ");
			bput(&para, ANY(month));
			bputc(&para, ' ');
			bputu(&para, 1 + rnd(28));
			if (chance(300))
				bput(&para, " (Tabloid Wire)");
			bput(&para, chance(800) ? " - " : " — ");
		}
		for (int s = 0; s < 5; s++) {
			if (s)
				bputc(&para, ' ');
			sentence(&para);
			if (out->n + para.n + 70 >= goal)
				break;
		}
		if (layout != WIRE && i > 1 && chance(25)) {
			const char *bp = ANY(boiler);
			bput(out, bp);
			if (!strcmp(bp, "Read more:")) {
				bputc(out, ' ');
				headline(out, 1);
			}
			bputc(out, '\n');
			if (layout != WEB_LINES)
				bputc(out, '\n');
		}
		switch (layout) {
		case WEB_BLANK:
			bputn(out, para.p, para.n);
			bput(out, i + 1 < np ? "\n\n" : "\n");
			break;
		case WEB_LINES:
			bputn(out, para.p, para.n);
			bputc(out, '\n');
			break;
		case WEB_INDENT:
			bput(out, "    ");
			bputn(out, para.p, para.n);
			bput(out, i + 1 < np ? "\n\n" : "\n");
			break;
		default:
			wrap(out, para.p, para.n, 4, 65);
			if (wire_blank && i + 1 < np)
				bputc(out, '\n');
			break;
		}
	}
	if (layout == WIRE && chance(500)) {
		bput(out, "\n(Reporting by ");
		bput(out, pick(&first));
		bputc(out, ' ');
		surname(out);
		bput(out, "; Editing by ");
		bput(out, pick(&first));
		bputc(out, ' ');
		surname(out);
		bput(out, ")\n");
	}

	/* a few archive oddities: no final newline, CRLF line ends */
	if (chance(20) && out->n && out->p[out->n - 1] == '\n')
		out->n--;
	if (chance(10)) {
		para.n = 0;
		for (size_t i = 0; i < out->n; i++) {
			if (out->p[i] == '\n')
				bputc(&para, '\r');
			bputc(&para, out->p[i]);
		}
		out->n = 0;
		bputn(out, para.p, para.n);
	}
}

/* ------------------------------------------------------------------ */

static void tsv_escape(FILE *f, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = NULL;
		switch (s[i]) {
		case '\t': e = "\\t"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\\': e = "\\\\"; break;
		}
		if (e) {
			fwrite(s + run, 1, i - run, f);
			fputs(e, f);
			run = i + 1;
		}
	}
	fwrite(s + run, 1, n - run, f);
}

static void usage(int code)
{
	fputs("usage: gencorpus [-s SEED] [-v] -m MEGABYTES -d DIR\n"
	      "       gencorpus [-s SEED] [-v] -m MEGABYTES -t\n"
	      "       gencorpus [-s SEED] [-v] -m MEGABYTES -c\n"
	      "  -d DIR  write articles to DIR/NNNNNN.txt (DIR is created)\n"
	      "  -t      write one TSV (doc, text) to standard output\n"
	      "  -c      write the articles, concatenated, to standard output\n"
	      "  -m MB   stop once this much article text is written (1 MB = 10^6 bytes)\n"
	      "  -s SEED random seed (default 1); same seed, same corpus\n"
	      "  -v      report articles, bytes and distinct-vocabulary size on stderr\n",
	      code ? stderr : stdout);
	exit(code);
}

int main(int argc, char **argv)
{
	const char *dir = NULL;
	double mb = -1;
	uint64_t seed = 1;
	int tsv = 0, cat = 0, verbose = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(0);
		} else if (!strcmp(a, "-t")) {
			tsv = 1;
		} else if (!strcmp(a, "-c")) {
			cat = 1;
		} else if (!strcmp(a, "-v")) {
			verbose = 1;
		} else if ((!strcmp(a, "-s") || !strcmp(a, "-m") || !strcmp(a, "-d")) && i + 1 < argc) {
			const char *v = argv[++i];
			errno = 0;
			if (a[1] == 's') {
				seed = strtoull(v, &end, 10);
				if (errno || end == v || *end)
					die("-s wants a non-negative integer");
			} else if (a[1] == 'm') {
				mb = strtod(v, &end);
				if (errno || end == v || *end || !(mb > 0) || mb > 1e6)
					die("-m wants a positive number of megabytes");
			} else {
				dir = v;
			}
		} else {
			usage(2);
		}
	}
	if (mb < 0 || tsv + cat + (dir != NULL) != 1)
		usage(2);

	if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		perror(dir);
		return 1;
	}

	list_init_parts(&vocab, vocab_src, NELEM(vocab_src), ' ');
	list_init(&first, first_src, '|');
	list_init(&sur, sur_src, '|');
	list_init(&place, place_src, '|');
	list_init(&datecity, datecity_src, '|');
	list_init(&org, org_src, '|');
	list_init(&compound, compound_src, '|');
	zset(&zsmall, COMPOUND_HEAD);

	rng_state = mix64(seed ^ 0x7461626c6f6964ULL); /* "tabloid" */

	static char obuf[1 << 20];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	if (tsv)
		fputs("doc\ttext\n", stdout);

	uint64_t target = (uint64_t)(mb * 1e6 + 0.5), total = 0;
	unsigned long ndoc = 0;
	Buf art = { 0 };
	char *path = NULL;
	size_t dlen = dir ? strlen(dir) : 0;
	if (dir && !(path = malloc(dlen + 32)))
		die("out of memory");
	while (total < target) {
		article(&art);
		ndoc++;
		total += art.n;
		if (tsv) {
			printf("%06lu\t", ndoc);
			tsv_escape(stdout, art.p, art.n);
			putchar('\n');
		} else if (cat) {
			fwrite(art.p, 1, art.n, stdout);
		} else {
			sprintf(path, "%s/%06lu.txt", dir, ndoc);
			FILE *f = fopen(path, "wb");
			if (!f || fwrite(art.p, 1, art.n, f) != art.n || fclose(f) != 0) {
				perror(path);
				return 1;
			}
		}
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gencorpus: stdout");
		return 1;
	}
	free(art.p);
	free(path);
	free(para.p);
	free(head.p);
	if (verbose)
		fprintf(stderr, "gencorpus: %lu articles, %llu bytes, %llu words drawn, vocabulary cap %lu\n",
			ndoc, (unsigned long long)total, (unsigned long long)ndraw, (unsigned long)zword.v);
	return 0;
}
