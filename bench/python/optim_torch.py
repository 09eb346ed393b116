"""Reference for section (e): one torch.optim update over a flat float64 tensor of N
parameters, one thread (set explicitly), for each optimizer given. The gradient alternates
between two fixed random tensors from step to step, as optlab's side of the benchmark does.
Each timed step is `opt.step()` alone; the seconds of every timed step are printed.

Usage: /usr/bin/python3 optim_torch.py N WARMUP ROUNDS NAME:KWARGS...
  e.g. optim_torch.py 10000000 8 5 SGD:lr=0.01,momentum=0.9 Adam:lr=0.001
Prints one line per optimizer: `optim NAME seconds S1 S2 ...`, then `torch VERSION threads T`.
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def parse(spec):
    name, _, args = spec.partition(":")
    kwargs = {}
    for item in filter(None, args.split(",")):
        key, _, value = item.partition("=")
        kwargs[key] = float(value)
    return name, kwargs


def measure(n, warmup, rounds, name, kwargs):
    gen = torch.Generator().manual_seed(1)
    p = torch.rand(n, generator=gen) * 2 - 1
    grads = [torch.rand(n, generator=gen) * 2 - 1 for _ in range(2)]
    opt = getattr(torch.optim, name)([p], **kwargs)
    seconds = []
    with torch.no_grad():
        for k in range(warmup + rounds):
            p.grad = grads[k % 2]
            start = time.perf_counter()
            opt.step()
            elapsed = time.perf_counter() - start
            if k >= warmup:
                seconds.append(elapsed)
    return seconds


if __name__ == "__main__":
    n, warmup, rounds = (int(a) for a in sys.argv[1:4])
    for spec in sys.argv[4:]:
        name, kwargs = parse(spec)
        seconds = measure(n, warmup, rounds, name, kwargs)
        print("optim", name, "seconds", " ".join(f"{s:.6f}" for s in seconds), flush=True)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
