"""Reference: Rosenbrock + torch.optim.Adam in PyTorch's eager mode, float64 0-dim tensors, one
thread (set explicitly), the loop of optlab's PyTorch oracle (shared/oracle/torch_trace.py).
Prints the steps per second of its own loop and the thread count it ran with.

Usage: /usr/bin/python3 rosenbrock_adam_torch.py [STEPS]
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def run(steps, lr=1e-3):
    x = torch.tensor(-1.5, requires_grad=True)
    y = torch.tensor(2.0, requires_grad=True)
    opt = torch.optim.Adam([x, y], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
        loss.backward()
        opt.step()
    return ((1 - x) ** 2 + 100 * (y - x ** 2) ** 2).item()


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    run(100)  # warm-up: the first steps allocate and dispatch for the first time
    start = time.perf_counter()
    loss = run(steps)
    elapsed = time.perf_counter() - start
    print(f"steps_per_s {steps / elapsed:.1f} loss {loss!r} threads {torch.get_num_threads()}"
          f" torch {torch.__version__}")
