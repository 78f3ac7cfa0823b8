# Writes, with h5py, the layouts a Python user may hand us: contiguous, chunked, gzip, shuffle+gzip, lzf, bool,
# big-endian, and (second file) a 512-byte user block. Values follow formulas that H5pyInteropTest recomputes.
import sys
import h5py
import numpy as np

path, ub_path = sys.argv[1], sys.argv[2]
n = 1000
g = np.arange(n, dtype=np.int64)
with h5py.File(path, "w") as f:
    f.create_dataset("contiguous", data=((g[:, None, None] * 12 + np.arange(12).reshape(1, 4, 3)) * 0.5)
                     .astype(np.float32))
    f.create_dataset("gzip", data=(g[:, None] * 8 + np.arange(8)).astype(np.float32) / 4, chunks=(64, 8),
                     compression="gzip", compression_opts=4)
    f.create_dataset("shuffled", data=(g * 1000003 % 65537).astype(np.int32), chunks=(100,), shuffle=True,
                     compression="gzip")
    f.create_dataset("lzf", data=(g[:, None] * 3 + np.arange(3)).astype(np.int64), chunks=(128, 3),
                     compression="lzf")
    f.create_dataset("chunked_plain", data=(g % 7 - 3).astype(np.int8), chunks=(33,))
    f.create_dataset("mask", data=(g[:, None] + np.arange(5)) % 4 == 0)
    f.create_dataset("mask_chunked", data=(g[:, None] + np.arange(5)) % 3 == 0, chunks=(50, 5), compression="gzip")
    # chunks that split rows: 6x4 rows in 4x3 tiles, edge tiles partly outside the dataset
    f.create_dataset("tiled", data=(g[:, None, None] * 24 + np.arange(24).reshape(1, 6, 4)).astype(np.int32),
                     chunks=(40, 4, 3), compression="gzip")
    f.create_dataset("big_endian", data=(g / 8.0).astype(">f8"))
    f.create_dataset("text", data=np.array([b"a", b"b"]))
    f.attrs["preset"] = "data"
    f.attrs["seed"] = np.int64(7)
    f.attrs["sigma"] = 0.125
    f.attrs["names"] = ["pt", "eta"]
    f.attrs["counts"] = np.array([1, 2, 3], dtype=np.int32)
    f["contiguous"].attrs["feature_names"] = np.array([b"x", b"y", b"z"])
with h5py.File(ub_path, "w", userblock_size=512) as f:
    f.create_dataset("x", data=np.arange(100, dtype=np.float32) * 2)
print("OK")
