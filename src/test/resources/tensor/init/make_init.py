#!/usr/bin/python3
"""Starting weights for InitialValuesTest and PyTorch's trace from them: logistic regression on
iris (every row, file order, raw features), W (4 x 3) drawn by torch and saved with numpy.save,
b (3) saved as a one-line CSV; then 20 full-batch steps of SGD with momentum and of Adam in torch
float64, each step's loss written to torch_losses.csv.

    /usr/bin/python3 make_init.py     # from this directory
"""
import csv, os
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(3)
W0 = torch.randn(4, 3) * 0.5
b0 = torch.randn(3) * 0.1
np.save(os.path.join(HERE, "W.npy"), W0.numpy())
with open(os.path.join(HERE, "b.csv"), "w") as fh:
    fh.write(",".join(repr(float(v)) for v in b0) + "\n")

with open(os.path.join(HERE, "..", "..", "..", "..", "..", "examples", "data", "iris.csv")) as fh:
    rows = list(csv.reader(fh))
header, rows = rows[0], rows[1:]
t = header.index("species")
classes = sorted({r[t] for r in rows})
X = torch.tensor([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
Y = torch.tensor([classes.index(r[t]) for r in rows])
out = []
for name, make in [("sgd", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
                   ("adam", lambda ps: torch.optim.Adam(ps, lr=0.05))]:
    W, b = W0.clone().requires_grad_(), b0.clone().requires_grad_()
    opt = make([W, b])
    for k in range(21):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(X @ W + b, Y)
        loss.backward()
        out.append((name, k, float(loss)))
        if k < 20:
            opt.step()
with open(os.path.join(HERE, "torch_losses.csv"), "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["run", "step", "loss"])
    for r in out:
        w.writerow([r[0], r[1], repr(r[2])])
