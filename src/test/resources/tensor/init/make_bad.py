#!/usr/bin/python3
"""Bad starting-value files for the errors/init_*.opt cases: a float32 array (starting values must
be float64) and a CSV with a header row (the file holds numbers only).

    /usr/bin/python3 make_bad.py     # from this directory
"""
import numpy as np

np.save("w_float32.npy", np.arange(12, dtype=np.float32).reshape(4, 3))
with open("w_header.csv", "w") as fh:
    fh.write("a,b,c\n1,2,3\n")
