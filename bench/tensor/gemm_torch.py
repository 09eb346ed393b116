"""GFLOP/s of PyTorch's matrix products on the shapes of the Fashion-MNIST MLP 784-256-10 at
batch 128, the same five products as GemmBench.java (forward and gradient products of a
training step, the transposes as views, as autograd passes them to BLAS). Prints
'NAME<TAB>FLOPS<TAB>SECONDS', the best of ROUNDS rounds.

usage: python3 gemm_torch.py THREADS float64|float32 [ROUNDS]
"""
import sys
import time

import torch

threads = int(sys.argv[1])
dtype = torch.float32 if sys.argv[2] == "float32" else torch.float64
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
torch.set_num_threads(threads)
torch.manual_seed(1)
SHAPES = [("fc1 x@W1", 128, 784, 256, 0), ("fc1 grad W1 = x^T@g", 128, 784, 256, 2),
          ("fc2 h@W2", 128, 256, 10, 0), ("fc2 grad h = g@W2^T", 128, 256, 10, 1),
          ("fc2 grad W2 = h^T@g", 128, 256, 10, 2)]
for name, n, k, m, kind in SHAPES:
    a = torch.randn(n, k, dtype=dtype)
    b = torch.randn(k, m, dtype=dtype)
    c = torch.randn(n, m, dtype=dtype)
    if kind == 0:
        f = lambda: torch.mm(a, b)
    elif kind == 1:
        f = lambda: torch.mm(c, b.t())
    else:
        f = lambda: torch.mm(a.t(), c)
    flops = 2 * n * k * m
    calls = max(10, int(4e8 / flops))
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls):
            f()
        best = min(best, (time.perf_counter() - t0) / calls)
    print("%s\t%d\t%.9f" % (name, flops, best))
