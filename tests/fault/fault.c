/*
 * fault.so: an LD_PRELOAD shim that makes I/O fail, for tests/faults.bats.
 *
 *	FAULT_WRITE=N	output to standard output fails with EIO after N
 *			bytes (the write that crosses N is cut short)
 *	FAULT_READ=N	input (standard input, files opened for reading)
 *			fails with EIO after N bytes
 *	FAULT_CLOSE=1	closing standard output fails with EIO, as a
 *			file system that reports a lost write at close(2)
 *
 * glibc's stdio calls its own internal write and read, which a preloaded
 * library cannot interpose, so stdout, stdin and the streams fopen()
 * opens for reading are replaced by fopencookie(3) streams that count;
 * direct read(2) and write(2) calls count too.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long writes_left = -1, reads_left = -1;	/* -1: no fault */
static int close_fails;

static ssize_t
real_write(int fd, const void *buf, size_t n)
{
	static ssize_t (*fn)(int, const void *, size_t);

	if (fn == NULL)
		fn = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	return fn(fd, buf, n);
}

static ssize_t
real_read(int fd, void *buf, size_t n)
{
	static ssize_t (*fn)(int, void *, size_t);

	if (fn == NULL)
		fn = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	return fn(fd, buf, n);
}

/* How much of n may go through; 0 with errno EIO once nothing may. */
static size_t
allow(long long *left, size_t n)
{
	if (*left < 0)
		return n;
	if (*left == 0) {
		errno = EIO;
		return 0;
	}
	if ((long long)n > *left)
		n = (size_t)*left;
	*left -= (long long)n;
	return n;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	size_t ok;

	if (fd != STDOUT_FILENO || n == 0)
		return real_write(fd, buf, n);
	if ((ok = allow(&writes_left, n)) == 0)
		return -1;
	return real_write(fd, buf, ok);
}

/* Read at most what is left, and give back what the read did not use. */
static ssize_t
counted_read(int fd, void *buf, size_t n)
{
	size_t ok;
	ssize_t got;

	if (reads_left < 0 || n == 0)
		return real_read(fd, buf, n);
	if ((ok = allow(&reads_left, n)) == 0)
		return -1;
	got = real_read(fd, buf, ok);
	reads_left += (long long)ok - (got > 0 ? got : 0);
	return got;
}

ssize_t
read(int fd, void *buf, size_t n)
{
	return counted_read(fd, buf, n);
}

static ssize_t
cookie_write(void *c, const char *buf, size_t n)
{
	size_t ok, done = 0;
	ssize_t w;

	(void)c;
	if ((ok = allow(&writes_left, n)) == 0)
		return -1;
	while (done < ok) {
		if ((w = real_write(STDOUT_FILENO, buf + done, ok - done)) < 0)
			return done > 0 ? (ssize_t)done : -1;
		done += (size_t)w;
	}
	/* a short count is an error to stdio: say which */
	if (done < n)
		errno = EIO;
	return (ssize_t)done;
}

static ssize_t
cookie_read(void *c, char *buf, size_t n)
{
	return counted_read((int)(long)c, buf, n);
}

static int
cookie_close(void *c)
{
	int fd = (int)(long)c;

	if (fd == STDOUT_FILENO && close_fails) {
		errno = EIO;
		return -1;
	}
	return fd > STDERR_FILENO ? close(fd) : 0;
}

static FILE *
counted(int fd, const char *mode)
{
	cookie_io_functions_t io = { cookie_read, cookie_write, NULL,
	    cookie_close };

	return fopencookie((void *)(long)fd, mode, io);
}

FILE *
fopen(const char *path, const char *mode)
{
	static FILE *(*fn)(const char *, const char *);
	FILE *fp, *cp;
	int fd;

	if (fn == NULL)
		fn = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT,
		    "fopen");
	if (reads_left < 0 || strcmp(mode, "r") != 0)
		return fn(path, mode);
	if ((fp = fn(path, mode)) == NULL)
		return NULL;
	/* the descriptor outlives its FILE, which the cookie replaces */
	if ((fd = dup(fileno(fp))) == -1 || (cp = counted(fd, "r")) == NULL) {
		if (fd != -1)
			close(fd);
		return fp;
	}
	fclose(fp);
	return cp;
}

FILE *
fopen64(const char *path, const char *mode)
{
	return fopen(path, mode);
}

static long long
env_bytes(const char *name)
{
	const char *s = getenv(name);
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v >= 0 ? v : -1;
}

__attribute__((constructor)) static void
fault_init(void)
{
	FILE *fp;

	writes_left = env_bytes("FAULT_WRITE");
	reads_left = env_bytes("FAULT_READ");
	close_fails = env_bytes("FAULT_CLOSE") > 0;
	if ((writes_left >= 0 || close_fails) &&
	    (fp = counted(STDOUT_FILENO, "w")) != NULL)
		stdout = fp;
	if (reads_left >= 0 && (fp = counted(STDIN_FILENO, "r")) != NULL)
		stdin = fp;
}
