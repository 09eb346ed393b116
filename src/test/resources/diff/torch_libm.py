#!/usr/bin/python3
"""Writes torch_libm.txt: PyTorch 1.13's exp, log, sin, cos, tan and tanh of 0-dim float64
tensors (SLEEF's 1-ulp AVX2 functions) at seeded arguments, for dev.optlab.diff.SleefTest.
Usage (from this directory): /usr/bin/python3 torch_libm.py > torch_libm.txt
Each line: NAME X_BITS Y_BITS (16 hex digits)."""
import math, random, struct
import torch


def bits(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]


random.seed(1129)
special = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1e-310, 2.2250738585072014e-308,
           1.0, -1.0, 0.5, 2.0, math.pi, math.pi / 2, 14.999, 15.0, 15.001, 18.7, 18.72]
ranges = {
    "exp": [(-745, 710), (-5, 5), (-1e-3, 1e-3)],
    "log": [(1e-300, 1e-200), (0.5, 2), (1 - 1e-6, 1 + 1e-6), (1, 1e300)],
    "sin": [(-15, 15), (-1e6, 1e6), (-1e-3, 1e-3), (-1e13, 1e13)],
    "cos": [(-15, 15), (-1e6, 1e6), (-1e-3, 1e-3), (-1e13, 1e13)],
    "tan": [(-15, 15), (-1e6, 1e6), (-1e-3, 1e-3), (-1e13, 1e13)],
    "tanh": [(-20, 20), (-1, 1), (-1e-3, 1e-3)],
}
for name, rs in ranges.items():
    fn = getattr(torch, name)
    xs = list(special)
    for lo, hi in rs:
        if name == "log" and lo > 0 and hi / lo > 1e3:
            xs += [math.exp(random.uniform(math.log(lo), math.log(hi))) for _ in range(150)]
        else:
            xs += [random.uniform(lo, hi) for _ in range(150)]
    for x in xs:
        y = fn(torch.tensor(x, dtype=torch.float64)).item()
        print(name, bits(x), bits(y))
