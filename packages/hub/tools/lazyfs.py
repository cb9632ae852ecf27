#!/usr/bin/env python3
"""A file system that forgets what was not fsync'ed, to simulate a power cut (the idea of Jepsen's LazyFS).

    python3 lazyfs.py BACKING_DIR MOUNT_POINT

Mounts MOUNT_POINT as a view of BACKING_DIR. Writes and truncations stay in this process's memory
(the "page cache") until the file is fsync'ed (fsync or fdatasync on any descriptor of it); only then
do they reach BACKING_DIR (the "disk"). Reads see the memory, as a real cache would.

A power cut: SIGKILL the programs that use the mount, then write "cut" to this process's stdin: it forgets every unsynced write, prints "cut: N writes, B bytes dropped" and
exits; then unmount (fusermount3 -u) and mount again, so the kernel's own cache of the files goes
too. What BACKING_DIR holds then is what a disk would hold after the power came back.

Creating, removing and renaming files and directories reach BACKING_DIR at once (a simplification:
a real file system may lose a new name that was not synced; the hub syncs the directory of its WAL).

Needs Debian's fuse3 and python3-fusepy, and /dev/fuse (root, or a user allowed to mount).
"""

import errno
import os
import sys
import threading

try:  # Debian's python3-fusepy names the module fusepy; pip's fusepy names it fuse
    from fusepy import FUSE, FuseOSError, Operations
except ImportError:
    from fuse import FUSE, FuseOSError, Operations

BLOCK = 4096


class Pending:
    """The unsynced state of one file: blocks written since the last fsync, and its size."""

    def __init__(self, backing_size):
        self.size = backing_size
        # Below this offset the backing file is still the truth; at or above it, a truncation
        # since the last fsync has cut the file (bytes read there are zeros unless written again).
        self.floor = backing_size
        self.blocks = {}
        self.writes = 0
        self.bytes = 0


class LazyFS(Operations):
    def __init__(self, root):
        self.root = os.path.realpath(root)
        self.pending = {}
        self.mutex = threading.Lock()
        self.synced = 0

    # ---------- paths and the unsynced state ----------

    def _full(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def _pending(self, path):
        state = self.pending.get(path)
        if state is None:
            full = self._full(path)
            state = Pending(os.path.getsize(full) if os.path.exists(full) else 0)
            self.pending[path] = state
        return state

    def _backing_block(self, fd, state, index):
        """A block as the backing file holds it, with what a truncation cut off read as zeros."""
        start = index * BLOCK
        data = bytearray(os.pread(fd, BLOCK, start)) if start < state.floor else bytearray()
        keep = max(0, min(len(data), state.floor - start))
        del data[keep:]
        data.extend(b'\0' * (BLOCK - len(data)))
        return data

    def _block(self, fd, state, index):
        block = state.blocks.get(index)
        if block is None:
            block = self._backing_block(fd, state, index)
            state.blocks[index] = block
        return block

    def _flush(self, path, fd):
        """fsync: the file's unsynced writes go to the backing file, which is synced."""
        state = self.pending.pop(path, None)
        if state is None:
            return
        if state.floor < os.fstat(fd).st_size:
            os.ftruncate(fd, state.floor)
        for index in sorted(state.blocks):
            start = index * BLOCK
            if start >= state.size:
                continue
            block = state.blocks[index]
            os.pwrite(fd, bytes(block[: min(BLOCK, state.size - start)]), start)
        os.ftruncate(fd, state.size)
        os.fsync(fd)
        self.synced += 1

    def cut(self):
        """The power goes: every unsynced write is forgotten, and the process ends at once."""
        with self.mutex:
            writes = sum(s.writes for s in self.pending.values())
            size = sum(s.bytes for s in self.pending.values())
        sys.stdout.write(f'cut: {writes} writes, {size} bytes dropped\n')
        sys.stdout.flush()
        os._exit(0)

    # ---------- metadata: straight to the backing directory ----------

    def getattr(self, path, fh=None):
        with self.mutex:
            st = os.lstat(self._full(path))
            attrs = {
                key: getattr(st, key)
                for key in (
                    'st_atime',
                    'st_ctime',
                    'st_gid',
                    'st_mode',
                    'st_mtime',
                    'st_nlink',
                    'st_size',
                    'st_uid',
                )
            }
            state = self.pending.get(path)
            if state is not None:
                attrs['st_size'] = state.size
            return attrs

    def readdir(self, path, fh):
        return ['.', '..', *os.listdir(self._full(path))]

    def access(self, path, mode):
        if not os.access(self._full(path), mode):
            raise FuseOSError(errno.EACCES)

    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)

    def rmdir(self, path):
        os.rmdir(self._full(path))

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self._full(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._full(path), times)

    def statfs(self, path):
        st = os.statvfs(self._full(path))
        return {key: getattr(st, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def unlink(self, path):
        with self.mutex:
            self.pending.pop(path, None)
            os.unlink(self._full(path))

    def rename(self, old, new):
        with self.mutex:
            os.rename(self._full(old), self._full(new))
            state = self.pending.pop(old, None)
            self.pending.pop(new, None)
            if state is not None:
                self.pending[new] = state

    # ---------- file contents: through the unsynced state ----------

    def open(self, path, flags):
        return os.open(self._full(path), os.O_RDWR)

    def create(self, path, mode, fi=None):
        return os.open(self._full(path), os.O_RDWR | os.O_CREAT, mode)

    def read(self, path, size, offset, fh):
        with self.mutex:
            state = self.pending.get(path)
            if state is None:
                return os.pread(fh, size, offset)
            end = min(offset + size, state.size)
            out = bytearray()
            at = offset
            while at < end:
                index = at // BLOCK
                block = state.blocks.get(index)
                if block is None:
                    block = self._backing_block(fh, state, index)
                skip = at - index * BLOCK
                take = min(BLOCK - skip, end - at)
                out += block[skip : skip + take]
                at += take
            return bytes(out)

    def write(self, path, data, offset, fh):
        with self.mutex:
            state = self._pending(path)
            at = offset
            end = offset + len(data)
            while at < end:
                index = at // BLOCK
                block = self._block(fh, state, index)
                skip = at - index * BLOCK
                take = min(BLOCK - skip, end - at)
                block[skip : skip + take] = data[at - offset : at - offset + take]
                at += take
            state.size = max(state.size, end)
            state.writes += 1
            state.bytes += len(data)
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            state = self._pending(path)
            for index in [i for i in state.blocks if i * BLOCK >= length]:
                del state.blocks[index]
            partial = state.blocks.get(length // BLOCK)
            if partial is not None:
                partial[length % BLOCK :] = b'\0' * (BLOCK - length % BLOCK)
            state.floor = min(state.floor, length)
            state.size = length
            state.writes += 1

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self._flush(path, fh)
        return 0

    def fsyncdir(self, path, datasync, fh):
        return 0

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        os.close(fh)
        return 0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    backing, mount = sys.argv[1], sys.argv[2]
    fs = LazyFS(backing)

    def commands():
        for line in sys.stdin:
            if line.strip() == 'cut':
                fs.cut()

    threading.Thread(target=commands, daemon=True).start()
    FUSE(fs, mount, foreground=True, nothreads=False, allow_other=False)


if __name__ == '__main__':
    main()
