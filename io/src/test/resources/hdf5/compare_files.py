# Usage: compare_files.py A.h5 B.h5 [ignored-attribute ...]
# h5py reads both files; every dataset of A must exist in B with the same dtype, shape and bytes, and the file
# attributes must agree apart from the ignored keys. Prints OK, or what differs and exits 1.
import sys
import h5py
import numpy as np

a_path, b_path, ignored = sys.argv[1], sys.argv[2], set(sys.argv[3:])
problems = []
with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
    if sorted(a.keys()) != sorted(b.keys()):
        problems.append("datasets %s vs %s" % (sorted(a.keys()), sorted(b.keys())))
    for name in a.keys():
        if name not in b:
            continue
        x, y = a[name][()], b[name][()]
        if x.dtype != y.dtype or x.shape != y.shape:
            problems.append("%s: %s %s vs %s %s" % (name, x.dtype, x.shape, y.dtype, y.shape))
        elif x.tobytes() != y.tobytes():
            bx = np.frombuffer(x.tobytes(), np.uint8)
            by = np.frombuffer(y.tobytes(), np.uint8)
            first = int(np.flatnonzero(bx != by)[0]) // x.dtype.itemsize
            problems.append("%s: contents differ (first at flat index %d)" % (name, first))
    for k in set(a.attrs.keys()) | set(b.attrs.keys()):
        if k in ignored:
            continue
        if k not in a.attrs or k not in b.attrs:
            problems.append("attribute %s only in one file" % k)
        elif not np.array_equal(np.asarray(a.attrs[k]), np.asarray(b.attrs[k])):
            problems.append("attribute %s: %r vs %r" % (k, a.attrs[k], b.attrs[k]))
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK")
