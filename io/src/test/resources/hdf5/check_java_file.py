# Checks, with h5py, a file written by Hdf5RoundTripTest.writeAllTypes: exact values, shapes, dtypes, attributes.
import sys
import h5py
import numpy as np

path, n = sys.argv[1], int(sys.argv[2])
with h5py.File(path, "r") as f:
    assert list(f.keys()) == sorted(["f3", "d1", "i1", "l2", "b2"]), list(f.keys())
    g = np.arange(n, dtype=np.int64)
    expect = {
        "f3": (((g[:, None, None] * 7 + np.arange(4)[None, :, None] * 3 + np.arange(3)[None, None, :]) * 0.25
                - 100.0).astype(np.float32), "<f4"),
        "d1": (g / 3.0, "<f8"),
        "i1": ((g * 31 - 1000).astype(np.int32), "<i4"),
        "l2": (np.stack([g << 33, -g], axis=1), "<i8"),
        "b2": (((g[:, None] + np.arange(5)[None, :]) % 3 == 0).astype(np.int8), "|i1"),
    }
    for name, (values, dtype) in expect.items():
        d = f[name]
        assert d.dtype == np.dtype(dtype), (name, d.dtype, dtype)
        assert d.shape == values.shape, (name, d.shape, values.shape)
        assert d.chunks is None and d.compression is None, name
        assert np.array_equal(d[...], values), name
    a = f.attrs
    # count and iteration, not only access by name: the HDF5 library counts them from the attribute info message
    assert set(a) == {"seed", "preset", "mu", "threads", "particle_level", "weights", "empty_string"}, set(a)
    assert len(a) == 7, len(a)
    assert set(f["f3"].attrs) == {"feature_names", "units"} and len(f["f3"].attrs) == 2 and len(f["d1"].attrs) == 0
    assert a["seed"] == 42 and a["seed"].dtype == np.int64, a["seed"]
    assert a["preset"] == b"nominal", a["preset"]
    assert a["mu"] == 60.5 and a["mu"].dtype == np.float64
    assert a["threads"] == 4 and a["threads"].dtype == np.int32
    assert a["particle_level"] == 1 and a["particle_level"].dtype == np.int8
    assert np.array_equal(a["weights"], [0.5, 1.5])
    assert a["empty_string"] == b""
    assert [s.decode() for s in f["f3"].attrs["feature_names"]] == ["pt", "eta", "phi"]
    assert f["f3"].attrs["units"] == b"GeV"
print("OK")
