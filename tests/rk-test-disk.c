/* rk-test-disk.c: a disk that fills up or turns read-only on demand
 *
 * SQLite reaches files through a VFS; this one passes everything to the
 * system's default VFS, except that while the test says so, every write,
 * truncation and sync of a database, its journal or its write-ahead log
 * fails the way a full or read-only disk makes it fail. Registered as the
 * default VFS, it stands under every connection the test process opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <sqlite3.h>

#include "rk-test-disk.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;      /* the default VFS's file, right after this */
} DiskFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs disk_vfs;
static sqlite3_io_methods disk_methods;
static RkTestDiskState state = RK_TEST_DISK_WORKS;

/* What a write meets now: SQLITE_OK, or the error and errno a full or a
 * read-only disk gives. */
static int
failure (void)
{
  switch (state)
    {
    case RK_TEST_DISK_FULL:
      errno = ENOSPC;
      return SQLITE_FULL;
    case RK_TEST_DISK_READ_ONLY:
      errno = EROFS;
      return SQLITE_IOERR_WRITE;
    case RK_TEST_DISK_WORKS:
    default:
      return SQLITE_OK;
    }
}

#define REAL(file) (((DiskFile *) (file))->real)

static int
disk_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
disk_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
disk_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  int rc = failure ();

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
disk_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  int rc = failure ();

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
disk_sync (sqlite3_file *file, int flags)
{
  int rc = failure ();

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
disk_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
disk_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
disk_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
disk_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
disk_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
disk_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
disk_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
disk_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
disk_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
disk_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
disk_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
disk_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
disk_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static int
disk_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  DiskFile *disk = (DiskFile *) file;
  int rc;

  disk->real = (sqlite3_file *) (disk + 1);
  disk->base.pMethods = NULL;
  rc = real_vfs->xOpen (real_vfs, name, disk->real, flags, out_flags);
  if (rc == SQLITE_OK)
    {
      disk_methods.iVersion = disk->real->pMethods->iVersion;
      disk->base.pMethods = &disk_methods;
    }
  return rc;
}

/* Deleting a journal or log is no write and works on either disk. */
static int
disk_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
disk_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
disk_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
disk_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
disk_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
disk_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
disk_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

/**
 * rk_test_disk_install:
 *
 * Puts the disk under every connection opened from now on. Call it once,
 * before the first database is opened.
 */
void
rk_test_disk_install (void)
{
  if (real_vfs != NULL)
    return;

  sqlite3_initialize ();
  real_vfs = sqlite3_vfs_find (NULL);

  disk_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = disk_close,
    .xRead = disk_read,
    .xWrite = disk_write,
    .xTruncate = disk_truncate,
    .xSync = disk_sync,
    .xFileSize = disk_file_size,
    .xLock = disk_lock,
    .xUnlock = disk_unlock,
    .xCheckReservedLock = disk_check_reserved_lock,
    .xFileControl = disk_file_control,
    .xSectorSize = disk_sector_size,
    .xDeviceCharacteristics = disk_device_characteristics,
    .xShmMap = disk_shm_map,
    .xShmLock = disk_shm_lock,
    .xShmBarrier = disk_shm_barrier,
    .xShmUnmap = disk_shm_unmap,
    .xFetch = disk_fetch,
    .xUnfetch = disk_unfetch,
  };

  disk_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (DiskFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "rk-test-disk",
    .xOpen = disk_open,
    .xDelete = disk_delete,
    .xAccess = disk_access,
    .xFullPathname = disk_full_pathname,
    .xRandomness = disk_randomness,
    .xSleep = disk_sleep,
    .xCurrentTimeInt64 = disk_current_time_int64,
    .xGetLastError = disk_get_last_error,
  };
  /* Version 1's xDlOpen and friends stay NULL: no extension is loaded. */
  sqlite3_vfs_register (&disk_vfs, 1);
}

/**
 * rk_test_disk_set_state:
 *
 * From now on, writes work, or fail as on a full or a read-only disk.
 */
void
rk_test_disk_set_state (RkTestDiskState new_state)
{
  state = new_state;
}
