"""Writes src/test/resources/data/arrays/: small IDX and NumPy files for the data-source tests.

Run from the project directory: python3 src/test/python/make_arrays.py (NumPy 1.x).
"""
import gzip
import struct

import numpy as np

D = "src/test/resources/data/arrays/"


def idx(a, code):
    """An IDX file: 00 00, type code, dimension count, big-endian dimensions, big-endian values."""
    hdr = bytes([0, 0, code, a.ndim]) + b"".join(struct.pack(">I", d) for d in a.shape)
    return hdr + a.astype(a.dtype.newbyteorder(">")).tobytes()


imgs = (np.arange(5 * 2 * 2) * 13 % 256).astype(np.uint8).reshape(5, 2, 2)
labels = np.array([0, 1, 2, 1, 0], dtype=np.uint8)
open(D + "images.idx", "wb").write(idx(imgs, 8))
open(D + "labels.idx.gz", "wb").write(gzip.compress(idx(labels, 8)))
open(D + "labels4.idx", "wb").write(idx(labels[:4], 8))
open(D + "bad_magic.idx", "wb").write(b"\x1f\x00\x08\x03" + idx(imgs, 8)[4:])
open(D + "truncated.idx", "wb").write(idx(imgs, 8)[:-3])
f = np.array([[1.5, -2, 3], [4, 5, 6.25], [0, 0, 1], [7, 8, 9]], dtype=np.float32)
np.save(D + "x.npy", f)
np.save(D + "y.npy", np.array([1, 0, 1, 0], dtype=np.int64))
np.save(D + "x_big_endian.npy", f.astype(">f8"))
np.save(D + "fortran.npy", np.asfortranarray(f.astype(np.float64)))
np.save(D + "objects.npy", np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
np.save(D + "complex.npy", np.zeros(3, dtype=np.complex128))
np.savez_compressed(D + "arrays.npz", x=f, y=np.array([1, 0, 1, 0], dtype=np.uint8),
                    x_test=f[:2] * 2, y_test=np.array([0, 1], dtype=np.int32))
# A header promising 2,000,000 x 1000 values (16 GB as doubles): the heap check must refuse it
# before reading (the file holds only 100 of them).
open(D + "huge.idx", "wb").write(bytes([0, 0, 8, 2]) + struct.pack(">II", 2000000, 1000) + bytes(100))
