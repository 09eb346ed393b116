"""Reference for section (g): the Lion update (lucidrains/lion-pytorch update_fn, as
src/test/resources/rules/Lion.rule writes it), one torch op per line, on a flat float64 tensor of
N parameters, one thread. The gradient alternates between two fixed random tensors, as optlab's
side does. Prints the seconds of every timed update: `lion seconds S1 S2 ...`.

Usage: /usr/bin/python3 lion_torch.py N WARMUP ROUNDS
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def lion(p, grad, exp_avg, lr=1e-4, beta1=0.9, beta2=0.99, wd=0.0):
    p.mul_(1 - lr * wd)
    update = exp_avg.clone().mul_(beta1)
    update.add_(grad, alpha=1 - beta1)
    update.sign_()
    p.add_(update, alpha=-lr)
    exp_avg.mul_(beta2)
    exp_avg.add_(grad, alpha=1 - beta2)


if __name__ == "__main__":
    n, warmup, rounds = (int(a) for a in sys.argv[1:4])
    gen = torch.Generator().manual_seed(1)
    p = torch.rand(n, generator=gen) * 2 - 1
    grads = [torch.rand(n, generator=gen) * 2 - 1 for _ in range(2)]
    exp_avg = torch.zeros(n)
    seconds = []
    with torch.no_grad():
        for k in range(warmup + rounds):
            start = time.perf_counter()
            lion(p, grads[k % 2], exp_avg)
            elapsed = time.perf_counter() - start
            if k >= warmup:
                seconds.append(elapsed)
    print("lion seconds", " ".join(f"{s:.6f}" for s in seconds), flush=True)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
