#!/usr/bin/python3
"""The float32 golden of Float32TraceTest (mlp32.opt): the 4-8-3 tanh MLP of make_mlp.py, from
the same starting weights (the float64 files rounded to float32, as optlab's dtype = float32
rounds them), on every iris row in float32, 30 full-batch steps of every built-in optimizer in PyTorch's
default dtype. Each step's loss and gradient norm (the float gradient's squares summed in
float64) go to mlp32_losses.csv.

    /usr/bin/python3 make_mlp32.py     # from this directory
"""
import csv, math, os
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
IRIS = os.path.join(HERE, "..", "..", "..", "..", "..", "examples", "data", "iris.csv")


def load(name):
    if name.endswith(".npy"):
        return torch.from_numpy(np.load(os.path.join(HERE, name)))
    with open(os.path.join(HERE, name)) as fh:
        return torch.tensor([float(v) for v in fh.read().split(",")], dtype=torch.float64)


start = {"W1": load("mlp_W1.npy"), "b1": load("mlp_b1.npy"), "W2": load("mlp_W2.npy"),
         "b2": load("mlp_b2.csv")}
start = {k: v.float() for k, v in start.items()}
with open(IRIS) as fh:
    rows = list(csv.reader(fh))
header, rows = rows[0], rows[1:]
t = header.index("species")
classes = sorted({r[t] for r in rows})
X = torch.tensor([[float(v) for j, v in enumerate(r) if j != t] for r in rows],
                 dtype=torch.float64).float()
Y = torch.tensor([classes.index(r[t]) for r in rows])


def loss_of(p):
    return torch.nn.functional.cross_entropy(
        torch.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"], Y)


RUNS = [("sgd", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9)),
        ("nesterov", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True,
                                                weight_decay=0.01)),
        ("adam", lambda ps: torch.optim.Adam(ps, lr=0.01)),
        ("adamw", lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1)),
        ("rmsprop", lambda ps: torch.optim.RMSprop(ps, lr=0.01, momentum=0.5, centered=True)),
        ("adagrad", lambda ps: torch.optim.Adagrad(ps, lr=0.1, lr_decay=0.01,
                                                   initial_accumulator_value=0.1)),
        ("adamax", lambda ps: torch.optim.Adamax(ps, lr=0.02, weight_decay=0.01)),
        ("adadelta", lambda ps: torch.optim.Adadelta(ps, lr=1.0, rho=0.8)),
        # the foreach path, which optlab's NAdam follows (its single-tensor path in 1.13 counts
        # one momentum term twice; see optim/NAdam.java)
        ("nadam", lambda ps: torch.optim.NAdam(ps, lr=0.01, momentum_decay=0.01, foreach=True)),
        ("radam", lambda ps: torch.optim.RAdam(ps, lr=0.01)),
        ("rprop", lambda ps: torch.optim.Rprop(ps, lr=0.01))]
out = []
for run, make in RUNS:
    p = {k: v.clone().requires_grad_() for k, v in start.items()}
    opt = make(list(p.values()))
    for k in range(31):
        opt.zero_grad()
        loss = loss_of(p)
        loss.backward()
        g = torch.cat([v.grad.reshape(-1) for v in p.values()]).double().tolist()
        out.append((run, k, float(loss), math.sqrt(sum(v * v for v in g))))
        if k < 30:
            opt.step()
with open(os.path.join(HERE, "mlp32_losses.csv"), "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["run", "step", "loss", "grad_norm"])
    for r in out:
        w.writerow([r[0], r[1], repr(r[2]), repr(r[3])])
