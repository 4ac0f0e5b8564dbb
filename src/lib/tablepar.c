/*
 * tablepar.c: reading a regular TSV file's data rows in chunks, in worker
 * threads, handed out in order by the reading thread.
 *
 * After a file's header, the rest of the file is cut into chunks of
 * t->chunk bytes.  Chunk k holds the lines that start in its bytes: a
 * worker reads from one byte before the chunk (to know whether a line
 * starts at its first byte), skips to the first line start, and reads on
 * past the chunk's end to finish its last line.  Neighbouring chunks so
 * agree on their lines without talking to each other.  The worker splits
 * and checks the lines with a reader of its own over the chunk's bytes,
 * the same code that reads in order (toll_table_next() on a table whose
 * buffer is the chunk), does the caller's work for each row, and keeps
 * rows, messages and results in a batch.  Line numbers in a batch count
 * from the chunk's first line; the reading thread, which takes batches in
 * order, knows how many lines came before and adds them.
 *
 * Batches live in a ring: the workers fill at most as many chunks ahead of
 * the reading thread as the ring has batches, so memory stays bounded
 * whatever the file's size.  Anything a chunk reader cannot do as reading
 * in order would (a line longer than MAX_SPILL past its chunk) ends the
 * chunk there; the reading thread then stops the workers and reads the
 * rest of the file in order from that line, so messages stay the same.
 * So does any failure of a worker (a read error, no memory, a file shorter
 * than when it was opened): its batch is dropped whole, and the file is
 * read in order from that chunk's first line, which meets the failure
 * where reading in order always would, after the same rows.  The file is
 * read up to the size it had when opened (t->limit), as in order.
 */
/* sched_getaffinity(), CPU_COUNT and memrchr() are GNU extensions. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hashtab.h"
#include "table_int.h"

#define DEFAULT_CHUNK ((size_t)512 << 10)
/* A chunk and its last line's spill stay below TOLL_TABLE_MAX_RECORD. */
#define MAX_CHUNK ((size_t)32 << 20)
#define MAX_THREADS 8
/* How far a chunk's last line may run past its end before reading in order takes over. */
#define MAX_SPILL ((size_t)4 << 20)

/* How many rows ahead the reading thread asks for a row's data (see toll_par_next()). */
#define PREFETCH_AHEAD 6

/* One row or message of a batch. */
struct item {
	uint32_t rec;    /* offset of the record's first byte in the batch's buffer */
	uint32_t line;   /* a row's, counted from the chunk's first line (a message has its own) */
	int32_t diag;    /* a message: its index in diags; else -1 */
};

struct message {
	int code;
	toll_diag d;
};

enum { STOP_NONE, STOP_SERIAL, STOP_RETRY };

/*
 * A batch is written by one worker and then read by the reading thread;
 * each starts a cache line of its own, so that a worker counting its rows
 * does not slow down the reading thread's reads of the batch before it.
 */
struct batch {
	_Alignas(64) char *buf;
	size_t cap;
	struct item *items;
	size_t nitems, itemcap;
	uint32_t *fields;         /* per item and column: offset in buf, then length */
	size_t fieldcap;
	unsigned char *slots;     /* per item: the work's result */
	size_t slotcap;
	struct message *msgs;
	size_t nmsgs, msgcap;
	long lines;               /* the chunk's lines (up to a stop) */
	int ready;
	int stop;                 /* STOP_SERIAL: read on in order from stop_off;
	                             STOP_RETRY: the chunk failed, read it in order */
	uint64_t stop_off;
	uint64_t end_off;         /* the file offset after the chunk's last line; 0: no line */
};

struct toll_par;

/*
 * A worker thread, its reader of chunks and its copy of what it needs of
 * the reading thread's table: that one changes with every row, and a
 * worker reading from the same cache lines would wait for them each time.
 */
struct worker {
	_Alignas(64) struct toll_par *p;
	toll_table *ct;
	pthread_t th;
	toll_table_work work;
	void *ctx;
	size_t slot_size;
};

struct toll_par {
	toll_table *t;
	pthread_mutex_t mu;
	pthread_cond_t work_cv;   /* a worker may take a chunk, or must quit */
	pthread_cond_t ready_cv;  /* a batch is ready */
	struct worker w[MAX_THREADS];
	int nth;
	uint64_t data, size;      /* the first byte of data rows; the file's size when opened */
	uint64_t next_off;        /* where the next chunk to hand out has its first line */
	size_t nchunks, next;     /* chunks; the next one for a worker */
	size_t cur, item;         /* the chunk being handed out, and its next item */
	size_t curb;              /* cur % nb, kept: a division for every row shows in the time */
	long base;                /* lines of the file before chunk cur */
	struct batch *b;
	size_t nb;
	int quit;
};

int
toll_threads_default(void)
{
	cpu_set_t set;
	long n = 0;

	if (sched_getaffinity(0, sizeof set, &set) == 0)
		n = CPU_COUNT(&set);
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

int
toll_table_set_threads(toll_table *t, int n, toll_table_work work, void *ctx, size_t slot_size)
{
	const char *env = getenv("TOLL_READ_CHUNK");

	if (n < 1)
		return TOLL_EUSAGE;
	t->threads = n > MAX_THREADS ? MAX_THREADS : n;
	t->work = work;
	t->work_ctx = ctx;
	t->slot_size = work != NULL ? (slot_size + 15) / 16 * 16 : 0;  /* aligned for any type */
	t->chunk = DEFAULT_CHUNK;
	if (env != NULL && *env != '\0') {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(env, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 1)
			t->chunk = v > MAX_CHUNK ? MAX_CHUNK : (size_t)v;
	}
	return TOLL_OK;
}

const void *
toll_table_slot(const toll_table *t)
{
	return t->slot;
}

/* Reads file bytes [from, from + n) into buf; the bytes read (fewer at the end of the file), or -1. */
static ssize_t
read_at(int fd, char *buf, size_t n, uint64_t from)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, (off_t)(from + got));

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* Makes room for n more bytes after used in b->buf; -1 when out of memory. */
static int
buf_room(struct batch *b, size_t used, size_t n)
{
	return toll_reserve((void **)&b->buf, &b->cap, used + n + 1, 1);
}

static int
add_message(struct batch *b, int code, const toll_diag *d)
{
	if (toll_reserve((void **)&b->msgs, &b->msgcap, b->nmsgs + 1, sizeof *b->msgs) != 0 ||
	    toll_reserve((void **)&b->items, &b->itemcap, b->nitems + 1, sizeof *b->items) != 0)
		return -1;
	b->msgs[b->nmsgs].code = code;
	b->msgs[b->nmsgs].d = *d;
	b->items[b->nitems].rec = 0;
	b->items[b->nitems].line = 0;
	b->items[b->nitems].diag = (int32_t)b->nmsgs++;
	b->nitems++;
	return 0;
}

/*
 * Ends a batch that failed (a read error, no memory, a file shorter than
 * when opened): nothing of it is handed out, and the reading thread reads
 * the file in order from the chunk's first line.  No memory is needed to
 * say so.
 */
static void
fail(struct batch *b)
{
	b->nitems = b->nmsgs = 0;
	b->lines = 0;
	b->stop = STOP_RETRY;
}

/*
 * Reads chunk k's bytes into b->buf: sets *from to the offset of its first
 * line in b->buf and *len to the end of its last line (0 lines: *from ==
 * *len).  Returns 0, or -1 after fail().
 */
static int
read_chunk(struct toll_par *p, size_t k, struct batch *b, size_t *from, size_t *len)
{
	const toll_table *t = p->t;
	uint64_t a = p->data + (uint64_t)k * t->chunk;
	uint64_t z = k + 1 == p->nchunks ? p->size : a + t->chunk;
	uint64_t at = k == 0 ? a : a - 1;   /* one byte early: does a line start at a? */
	size_t n = (size_t)(z - at), got, start, last;
	ssize_t r;
	char *nl;

	*from = *len = 0;
	b->end_off = 0;
	if (buf_room(b, 0, n) != 0 || (r = read_at(t->fd, b->buf, n, at)) < 0 || (size_t)r < n) {
		fail(b);   /* no memory, a read error, or the file is shorter than it was */
		return -1;
	}
	got = (size_t)r;
	start = 0;
	if (k > 0) {
		if ((nl = memchr(b->buf, '\n', got)) == NULL)
			return 0;   /* one line runs through the whole chunk: not one starts here */
		start = (size_t)(nl - b->buf) + 1;
		if (start >= got)
			return 0;
	}
	/* The last line goes on to its newline, past the chunk, up to the file's size when opened. */
	if (b->buf[got - 1] != '\n' && at + got < p->size) {
		nl = memrchr(b->buf + start, '\n', got - start);
		last = nl ? (size_t)(nl - b->buf) + 1 : start;
		for (;;) {
			size_t step = got - last < 65536 ? 65536 : got - last;
			char *e;

			if (got - last > MAX_SPILL) {
				/* Read in order from this line: its length is its reader's to judge. */
				b->stop = STOP_SERIAL;
				b->stop_off = at + last;
				got = last;
				break;
			}
			if (step > p->size - (at + got))
				step = (size_t)(p->size - (at + got));
			if (buf_room(b, got, step) != 0 || (r = read_at(t->fd, b->buf + got, step, at + got)) < 0 ||
			    (size_t)r < step) {
				fail(b);
				return -1;
			}
			if ((e = memchr(b->buf + got, '\n', (size_t)r)) != NULL) {
				got = (size_t)(e - b->buf) + 1;
				break;
			}
			got += (size_t)r;
			if (at + got == p->size)
				break;   /* the end of the file, as it was opened */
		}
	}
	*from = start;
	*len = got;
	if (got > start)
		b->end_off = at + got;
	return 0;
}

/* Keeps a row of the chunk reader ct, and does the work for it. */
static int
add_row(const struct worker *w, const toll_row *row, struct batch *b)
{
	const toll_table *ct = w->ct;
	size_t nc = row->n, i;
	uint32_t *fl;
	struct item *it;
	const char *rec = ct->f[0].s - (ct->f[0].col - 1);

	/* Room is looked at here, not in a call per row: the three arrays grow together. */
	if (b->nitems == b->itemcap || (b->nitems + 1) * nc * 2 > b->fieldcap ||
	    (b->nitems + 1) * w->slot_size > b->slotcap) {
		size_t rows = b->nitems < 1024 ? 1024 : 2 * b->nitems;

		if (toll_reserve((void **)&b->items, &b->itemcap, rows, sizeof *b->items) != 0 ||
		    toll_reserve((void **)&b->fields, &b->fieldcap, rows * nc * 2, sizeof *b->fields) != 0 ||
		    (w->slot_size > 0 &&
		     toll_reserve((void **)&b->slots, &b->slotcap, rows * w->slot_size, 1) != 0))
			return -1;
	}
	it = &b->items[b->nitems];
	it->rec = (uint32_t)(rec - b->buf);
	it->line = (uint32_t)row->line;
	it->diag = -1;
	fl = b->fields + b->nitems * nc * 2;
	{
		const toll_field *f = row->f;
		const char *buf = b->buf;

		for (i = 0; i < nc; i++) {
			fl[2 * i] = (uint32_t)(f[i].s - buf);
			fl[2 * i + 1] = (uint32_t)f[i].len;
		}
	}
	if (w->work != NULL)
		w->work(w->ctx, row, b->slots + b->nitems * w->slot_size);
	b->nitems++;
	return 0;
}

/* Splits and checks chunk k into batch b with the chunk reader ct. */
static void
fill_batch(const struct worker *w, size_t k, struct batch *b)
{
	struct toll_par *p = w->p;
	toll_table *ct = w->ct;
	size_t from, len;
	toll_row row;
	toll_diag d;
	int r;

	b->nitems = b->nmsgs = 0;
	b->lines = 0;
	b->stop = STOP_NONE;
	if (read_chunk(p, k, b, &from, &len) != 0)
		return;
	ct->buf = b->buf;
	ct->cap = b->cap;
	ct->pos = from;
	ct->end = len;
	ct->scanned = 0;
	ct->line = 1;
	ct->open = 1;
	ct->eof = 1;
	ct->last_unterminated = 0;
	ct->next_file = ct->npaths;
	while ((r = toll_table_next(ct, &row, &d)) != TOLL_END) {
		if (r == TOLL_OK) {
			if (add_row(w, &row, b) != 0) {
				fail(b);
				return;
			}
			continue;
		}
		if (r == TOLL_ENOMEM || add_message(b, r, &d) != 0) {
			fail(b);
			return;
		}
	}
	b->lines = ct->line - 1;
}

/* A reader of chunks of t's file: t's columns, map and dialect, borrowed. */
static toll_table *
chunk_reader(const toll_table *t)
{
	toll_table *ct = calloc(1, sizeof *ct);

	if (ct == NULL)
		return NULL;
	*ct = *t;
	ct->borrowed = 1;
	ct->threads = 1;
	ct->par = NULL;
	ct->fd = -1;
	ct->buf = NULL;
	ct->cap = 0;
	ct->f = ct->out = NULL;
	ct->raw = NULL;
	ct->nf = ct->fcap = 0;
	ct->have_header = 1;
	ct->at_start = 0;
	ct->pending = 0;
	return ct;
}

static void *
work_chunks(void *arg)
{
	struct worker *w = arg;
	struct toll_par *p = w->p;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		size_t k;
		struct batch *b;

		while (!p->quit && p->next < p->nchunks && p->next >= p->cur + p->nb)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->quit || p->next >= p->nchunks)
			break;
		k = p->next++;
		b = &p->b[k % p->nb];
		pthread_mutex_unlock(&p->mu);
		fill_batch(w, k, b);
		pthread_mutex_lock(&p->mu);
		b->ready = 1;
		pthread_cond_broadcast(&p->ready_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

void
toll_par_free(toll_table *t)
{
	struct toll_par *p = t->par;
	size_t i;
	int k;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
	for (k = 1; k <= p->nth; k++)
		pthread_join(p->w[k].th, NULL);
	for (k = 0; k < MAX_THREADS; k++)
		toll_table_free(p->w[k].ct);
	for (i = 0; i < p->nb; i++) {
		free(p->b[i].buf);
		free(p->b[i].items);
		free(p->b[i].fields);
		free(p->b[i].slots);
		free(p->b[i].msgs);
	}
	free(p->b);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work_cv);
	pthread_cond_destroy(&p->ready_cv);
	free(p);
	t->par = NULL;
}

int
toll_par_start(toll_table *t)
{
	struct toll_par *p;
	struct stat sb;
	uint64_t data = t->off + t->pos;
	int k;

	t->par_tried = 1;
	if (t->fd < 0 || fstat(t->fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (uint64_t)sb.st_size <= data || (uint64_t)sb.st_size - data <= t->chunk)
		return TOLL_OK;
	if ((p = aligned_alloc(64, sizeof *p)) == NULL)
		return TOLL_ENOMEM;
	memset(p, 0, sizeof *p);
	p->t = t;
	p->data = data;
	/*
	 * The size the file had when it was opened: it is read up to there, as
	 * in order (a file shorter now fails a chunk, and reading in order says so).
	 */
	p->size = t->limit != UINT64_MAX ? t->limit : (uint64_t)sb.st_size;
	if (p->size <= data || p->size - data <= t->chunk) {
		free(p);
		return TOLL_OK;
	}
	p->nchunks = (size_t)((p->size - data + t->chunk - 1) / t->chunk);
	p->next_off = data;
	p->nb = 2 * (size_t)t->threads;
	p->base = t->line - 1;
	if ((p->b = aligned_alloc(64, p->nb * sizeof *p->b)) == NULL) {
		free(p);
		return TOLL_ENOMEM;
	}
	memset(p->b, 0, p->nb * sizeof *p->b);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->ready_cv, NULL);
	t->par = p;
	for (k = 0; k < t->threads; k++) {
		/* Each worker's reader, made here: t is the reading thread's from now on. */
		p->w[k].p = p;
		p->w[k].work = t->work;
		p->w[k].ctx = t->work_ctx;
		p->w[k].slot_size = t->slot_size;
		if ((p->w[k].ct = chunk_reader(t)) == NULL) {
			toll_par_free(t);
			return TOLL_ENOMEM;
		}
	}
	/* The reading thread is one of them: it fills batches too while it waits. */
	for (k = 1; k < t->threads; k++) {
		if (pthread_create(&p->w[k].th, NULL, work_chunks, p->w + k) != 0)
			break;
		p->nth++;
	}
	if (p->nth == 0) {
		/* No thread to be had: read in order, as with one. */
		toll_par_free(t);
		return TOLL_OK;
	}
	return TOLL_OK;
}

/* Goes on reading in order from file offset off, the start of a line; -1 when it cannot. */
static int
read_in_order(toll_table *t, uint64_t off, long line)
{
	toll_par_free(t);
	if (lseek(t->fd, (off_t)off, SEEK_SET) < 0)
		return -1;
	t->pos = t->end = t->scanned = 0;
	t->off = off;
	t->eof = 0;
	t->line = line;
	t->last_unterminated = 0;
	return 0;
}

/* Reading goes on in order from off (at line): TOLL_PAR_SERIAL, or TOLL_EIO. */
static int
go_serial(toll_table *t, uint64_t off, long line, toll_diag *d)
{
	if (read_in_order(t, off, line) != 0) {
		int e = errno;

		toll_table_close_file(t);
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot read '%s': %s", t->name,
		                     strerror(e));
	}
	return TOLL_PAR_SERIAL;
}

/*
 * One function (106 lines): the threaded reader's states (a chunk's rows in
 * order, the next chunk, a failed chunk read on in order) in one loop, as
 * toll_table_next()'s.
 */
int
toll_par_next(toll_table *t, toll_row *row, toll_diag *d)
{
	struct toll_par *p = t->par;

	for (;;) {
		struct batch *b = &p->b[p->curb];

		if (p->item == 0) {
			pthread_mutex_lock(&p->mu);
			while (!b->ready) {
				/* Rather than wait, fill a batch ahead, as a worker. */
				if (p->next < p->nchunks && p->next < p->cur + p->nb) {
					size_t k = p->next++;
					struct batch *ahead = &p->b[k % p->nb];

					pthread_mutex_unlock(&p->mu);
					fill_batch(&p->w[0], k, ahead);
					pthread_mutex_lock(&p->mu);
					ahead->ready = 1;
					continue;
				}
				pthread_cond_wait(&p->ready_cv, &p->mu);
			}
			pthread_mutex_unlock(&p->mu);
		}
		if (p->item < b->nitems) {
			const struct item *it = &b->items[p->item];
			size_t nc = t->ncols, i;
			long line = p->base + (long)it->line;

			/*
			 * A worker wrote the batch, on another core: what a row a
			 * few ahead needs is asked for now, so that it has arrived
			 * when that row is handed out.
			 */
			/* (A message has no fields: a batch of messages alone has none at all.) */
			if (p->item + PREFETCH_AHEAD < b->nitems && b->items[p->item + PREFETCH_AHEAD].diag < 0) {
				size_t ahead = p->item + PREFETCH_AHEAD;

				__builtin_prefetch(&b->items[ahead]);
				__builtin_prefetch(b->fields + ahead * nc * 2);
				__builtin_prefetch(b->buf + b->items[ahead].rec);
				__builtin_prefetch(b->buf + b->items[ahead].rec + 64);
				if (t->work != NULL)
					__builtin_prefetch(b->slots + ahead * t->slot_size);
			}

			if (it->diag >= 0) {
				const struct message *m = &b->msgs[it->diag];

				p->item++;
				*d = m->d;
				if (d->line > 0 && m->code == TOLL_EDATA)
					d->line += p->base;
				return m->code;
			}
			{
				const uint32_t *fl = b->fields + p->item * nc * 2;

				while (t->fcap < nc)
					if (toll_table_grow_fields(t) != TOLL_OK)
						return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
				/* Through locals: a store to a field could be one to t or b, for the compiler. */
				toll_field *restrict f = t->f;
				const char *buf = b->buf;
				long col0 = 1 - (long)it->rec;

				for (i = 0; i < nc; i++) {
					f[i].s = buf + fl[2 * i];
					f[i].len = fl[2 * i + 1];
					f[i].line = line;
					f[i].col = (long)fl[2 * i] + col0;
				}
			}
			t->nf = nc;
			t->slot = t->work != NULL ? b->slots + p->item * t->slot_size : NULL;
			p->item++;
			row->f = t->f;
			row->n = nc;
			row->file = t->name;
			row->fileno = t->fileno;
			row->line = line;
			return TOLL_OK;
		}
		/* The chunk is handed out. */
		p->base += b->lines;
		/* It failed: read it, and the rest, in order, as one thread would. */
		if (b->stop == STOP_RETRY)
			return go_serial(t, p->next_off, p->base + 1, d);
		if (b->end_off != 0)
			p->next_off = b->end_off;
		if (b->stop == STOP_SERIAL)
			return go_serial(t, b->stop_off, p->base + 1, d);
		if (p->cur + 1 == p->nchunks) {
			toll_par_free(t);
			toll_table_close_file(t);
			return TOLL_PAR_SERIAL;
		}
		pthread_mutex_lock(&p->mu);
		b->ready = 0;
		p->cur++;
		p->curb = p->curb + 1 == p->nb ? 0 : p->curb + 1;
		p->item = 0;
		pthread_cond_broadcast(&p->work_cv);
		pthread_mutex_unlock(&p->mu);
	}
}
