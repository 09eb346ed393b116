#!/usr/bin/python3
"""Golden traces for optlab's tensor objectives: full-batch logistic regression on iris.

Writes iris_logreg_<name>.csv beside this script, one row per step, as PyTorch 1.13 computes
them in float64. The optlab side (TensorGoldenTest) runs

    data iris = csv("examples/data/iris.csv", target = "species", scale = "standard",
                    test = 0.2, seed = 1)
    objective logreg(W[4, 3] = 0, b[3] = 0) = cross_entropy(iris.x @ W + b, iris.y)
    run OPTIMIZER on logreg for 200 steps every 1

and compares every row. The data are read, split and standardised here exactly as optlab
does: the species numbered in sorted order; the rows permuted with optlab's generator
(SplitMix64, ported below) from seed 1, the first ceil(0.2 * 150) = 30 held out and the
other 120 kept in permuted order; each column's mean and population standard deviation
summed over the training rows in order. (The split matters: on all of iris, whose classes
are balanced, the bias's gradient at the zero start is exactly 0 mathematically, so what the
kernels compute is pure rounding noise, which Adam, RMSprop and Adagrad divide by its own
size and so blow up into a visible step.)

Run from the repository root:  /usr/bin/python3 src/test/resources/tensor/torch_logreg.py
"""
import csv
import math
import os

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 200
OPTIMIZERS = {
    "sgd": ("SGD(lr = 0.1)", lambda p: torch.optim.SGD(p, lr=0.1)),
    "momentum": ("SGD(lr = 0.1, momentum = 0.9)",
                 lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    "adam": ("Adam(lr = 0.01)", lambda p: torch.optim.Adam(p, lr=0.01)),
    "rmsprop": ("RMSprop(lr = 0.01)", lambda p: torch.optim.RMSprop(p, lr=0.01)),
    "adagrad": ("Adagrad(lr = 0.1)", lambda p: torch.optim.Adagrad(p, lr=0.1)),
}
# Runs that clip the gradient before each update, as `run ... clip_grad_norm = X` does: the
# clause is written after " | " on the golden's first line.
CLIPPED = {
    "sgd_clip_norm": ("SGD(lr = 0.5) | clip_grad_norm = 0.3",
                      lambda p: torch.optim.SGD(p, lr=0.5),
                      lambda p: torch.nn.utils.clip_grad_norm_(p, 0.3)),
    "momentum_clip_value": ("SGD(lr = 0.1, momentum = 0.9) | clip_grad_value = 0.05",
                            lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
                            lambda p: torch.nn.utils.clip_grad_value_(p, 0.05)),
}


MASK = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class Rng:
    """dev.optlab.data.Rng: SplitMix64, one stream of a seed per use."""
    SPLIT = 1

    def __init__(self, seed, stream):
        self.state = mix(seed & MASK) ^ mix((0x632BE59BD9B4E019 * stream) & MASK)

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        return mix(self.state)

    def next_int(self, bound):
        while True:
            bits = self.next_long() >> 1
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 63):
                return value

    def permutation(self, n):
        a = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.next_int(i + 1)
            a[i], a[j] = a[j], a[i]
        return a


def load():
    with open(os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "iris.csv")) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    t = header.index("species")
    classes = sorted({r[t] for r in body})
    x = [[float(v) for j, v in enumerate(r) if j != t] for r in body]
    y = [classes.index(r[t]) for r in body]
    order = Rng(1, Rng.SPLIT).permutation(len(x))[math.ceil(0.2 * len(x)):]
    x = [x[i] for i in order]
    y = [y[i] for i in order]
    n, d = len(x), len(x[0])
    for j in range(d):
        s = 0.0
        for i in range(n):
            s += x[i][j]
        mean = s / n
        ss = 0.0
        for i in range(n):
            ss += (x[i][j] - mean) * (x[i][j] - mean)
        std = math.sqrt(ss / n) or 1.0
        for i in range(n):
            x[i][j] = (x[i][j] - mean) / std
    return torch.tensor(x), torch.tensor(y)


def trace(make, clip=None):
    x, y = load()
    W = torch.zeros(4, 3, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    opt = make([W, b])
    rows = []
    for k in range(STEPS + 1):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ W + b, y)
        loss.backward()
        g = torch.cat([W.grad.flatten(), b.grad.flatten()])
        rows.append((k, loss.item(), math.sqrt(sum(v * v for v in g.tolist())),
                     math.sqrt(sum(v * v for v in W.detach().flatten().tolist())),
                     math.sqrt(sum(v * v for v in b.detach().flatten().tolist()))))
        if k < STEPS:
            if clip is not None:
                clip([W, b])
            opt.step()
    return rows


RUNS = {name: (text, make, None) for name, (text, make) in OPTIMIZERS.items()}
RUNS.update(CLIPPED)
for name, (text, make, clip) in RUNS.items():
    with open(os.path.join(HERE, "iris_logreg_" + name + ".csv"), "w") as out:
        out.write("# " + text + "\n")
        out.write("step,loss,grad_norm,W_norm,b_norm\n")
        for r in trace(make, clip):
            out.write(",".join([str(r[0])] + [repr(v) for v in r[1:]]) + "\n")
    print("wrote", name)
