# Opens jetbridge testbed files with h5py and checks what a Python user relies on; prints OK or fails.
import sys
import h5py
import numpy as np

kind, path, seed, preset = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


with h5py.File(path, "r") as f:
    a = f.attrs
    assert int(a["seed"]) == seed, a["seed"]
    assert text(a["preset"]) == preset
    assert text(a["process"]) == ("ttbar" if kind == "overlay" else kind)
    assert "shower.muR" in a and "detector.trackEfficiencyBarrel" in a and "jetbridge_version" in a
    if kind == "flavour":
        c, m, j = f["constituents"], f["mask"], f["jets"]
        n = len(j)
        assert n > 0 and c.shape == (n, 64, 11) and m.shape == (n, 64) and j.shape == (n, 5)
        assert c.dtype == np.float32 and m.dtype == np.int8 and f["flavour"].dtype == np.int32
        assert [text(s) for s in c.attrs["feature_names"]] == ["pt", "eta", "phi", "deta", "dphi", "d0", "d0err",
                                                                  "dz", "dzerr", "charge", "pid_class"]
        mask = m[...]
        counts = j[:, 4].astype(int)
        assert np.array_equal(mask.sum(axis=1), np.minimum(counts, 64))
        cs = c[...]
        assert np.all(cs[mask == 0] == 0)
        real = cs[mask == 1]
        assert np.all(real[:, 0] > 0) and np.all(np.diff(cs[:, :, 0], axis=1)[mask[:, 1:] == 1] <= 0)
        assert set(np.unique(f["flavour"][...])) <= {0, 1, 2}
        assert np.all(j[:, 0] > 30) and np.all(np.abs(j[:, 1]) < 2.5)
        assert set(np.unique(real[:, 9])) <= {-1.0, 0.0, 1.0} and set(np.unique(real[:, 10])) <= {0.0, 1.0, 2.0, 3.0, 4.0}
    elif kind == "ttbar":
        c, m, j = f["constituents"], f["mask"], f["jets"]
        n = len(j)
        assert n > 0 and c.shape == (n, 200, 6) and m.shape == (n, 200) and j.shape == (n, 4)
        mask = m[...]
        real = c[...][mask == 1]
        assert np.all(real[:, 0] > 1) and np.all(np.abs(real[:, 1]) < 2.5)
        assert np.all(j[:, 0] > 250)
        assert np.all(real[:, 3] ** 2 + real[:, 4] ** 2 < 1.5 ** 2)  # R = 1 in rapidity; eta differs for massive hadrons
    elif kind == "minbias":
        off, p = f["offsets"][...], f["particles"]
        assert off.dtype == np.int64 and off[0] == 0 and off[-1] == p.shape[0] and np.all(np.diff(off) >= 0)
        assert p.shape[1] == 5 and len(off) - 1 == int(a["events"])
        z = p[...][:, 4]
        for k in range(len(off) - 1):
            assert np.all(z[off[k]:off[k + 1]] == z[off[k]])  # one vertex per interaction
    elif kind == "overlay":
        o, m, t, tm, npu = f["origin"][...], f["mask"][...], f["truth_constituents"], f["truth_mask"][...], f["n_pu"][...]
        assert np.all((o >= 0) == (m == 1)) and np.all(o[m == 0] == -1)
        assert np.all(o.max(axis=1) <= npu)
        assert np.array_equal((o == 0).sum(axis=1), tm.sum(axis=1))
        assert t.shape[0] == len(npu) == f["jets"].shape[0]
    else:
        raise SystemExit("unknown kind " + kind)
print("OK")
