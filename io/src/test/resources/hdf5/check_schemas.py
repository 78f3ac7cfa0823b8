# Checks with h5py the tagging and minimum-bias files written by SchemaTest (same formulas as the Java test).
import sys
import h5py
import numpy as np

tagging, minbias, empty = sys.argv[1], sys.argv[2], sys.argv[3]
with h5py.File(tagging, "r") as f:
    n = f["jets"].shape[0]
    assert f["constituents"].shape == (n, 64, 11) and f["constituents"].dtype == np.float32
    assert f["mask"].shape == (n, 64) and f["mask"].dtype == np.int8
    assert f["jets"].shape == (n, 5) and f["jets"].dtype == np.float32
    assert f["flavour"].shape == (n,) and f["flavour"].dtype == np.int32
    assert f["parton_id"].dtype == np.int32
    names = [s.decode() for s in f["constituents"].attrs["feature_names"]]
    assert names == ["pt", "eta", "phi", "deta", "dphi", "d0", "d0err", "dz", "dzerr", "charge", "pid_class"], names
    assert [s.decode() for s in f["jets"].attrs["feature_names"]] == ["pt", "eta", "phi", "mass", "n_constituents"]
    assert [s.decode() for s in f["flavour"].attrs["labels"]] == ["light", "c", "b"]
    assert f.attrs["seed"] == 1234 and f.attrs["preset"] == b"nominal" and f.attrs["jet_radius"] == 0.4
    assert f.attrs["schema"] == b"jetbridge.tagging/1"
    assert set(f.attrs) == {"schema", "seed", "preset", "version", "jet_radius", "max_constituents"}, set(f.attrs)
    assert len(f.attrs) == 6 and len(f["constituents"].attrs) == 1, (len(f.attrs), len(f["constituents"].attrs))
    assert list(f) == ["constituents", "flavour", "jets", "mask", "parton_id"], list(f)
    j = np.arange(n)
    counts = j * 37 % 65
    mask = f["mask"][...]
    assert np.array_equal(mask.sum(axis=1), counts)
    assert np.array_equal(mask, (np.arange(64)[None, :] < counts[:, None]).astype(np.int8))
    c = f["constituents"][...]
    i = np.arange(64)[None, :, None]
    feat = np.arange(11)[None, None, :]
    expect = ((j[:, None, None] % 1000) * 16 + i * 0.25 + feat / 64.0 + 1.0).astype(np.float32) * mask[:, :, None]
    assert np.array_equal(c, expect)
    assert np.array_equal(f["jets"][:, 4], counts.astype(np.float32))
    assert np.array_equal(f["flavour"][...], j % 3)
    assert np.array_equal(f["parton_id"][...], np.where(j % 3 == 2, 5, np.where(j % 3 == 1, 4, 21)))
with h5py.File(minbias, "r") as f:
    off = f["offsets"][...]
    k = np.arange(len(off) - 1)
    sizes = np.where(k % 17 == 0, 0, k % 50 + 3)
    assert f["offsets"].dtype == np.int64 and off[0] == 0 and np.array_equal(np.diff(off), sizes)
    p = f["particles"]
    assert p.dtype == np.float32 and p.shape == (off[-1], 5)
    kk = 42
    i = np.arange(sizes[kk])[:, None]
    assert np.array_equal(p[off[kk]:off[kk + 1]], ((kk % 1000) * 16 + i * 0.25 + np.arange(5) / 64.0 + 1.0).astype(np.float32))
    assert [s.decode() for s in p.attrs["feature_names"]] == ["pt", "eta", "phi", "charge", "vertex_z"]
with h5py.File(empty, "r") as f:  # zero jets: shapes keep their row dimensions, storage is unallocated
    assert f["constituents"].shape == (0, 64, 11) and f["constituents"][...].shape == (0, 64, 11)
    assert f["mask"].shape == (0, 64) and f["flavour"].shape == (0,) and len(f.attrs) == 6
print("OK")
