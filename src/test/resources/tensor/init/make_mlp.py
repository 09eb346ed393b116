#!/usr/bin/python3
"""A small MLP on iris started from PyTorch's own weights (MlpFromTorchWeightsTest, mlp.opt):
nn.Linear(4, 8) -> tanh -> nn.Linear(8, 3) in float64, drawn by torch's default init from seed
0 and saved as optlab reads them (x @ W, so each weight transposed to [in, out]): W1, b1, W2 as
.npy, b2 as a headerless CSV. Then, on every iris row (file order, raw features):

- mlp_grad.csv: the gradient of cross_entropy at those weights (what print grad(mlp) shows);
- mlp_losses.csv: 20 full-batch steps of SGD with momentum and of Adam, each step's loss and
  gradient norm (the square root of the squares summed in order, as optlab's trace sums them).

    /usr/bin/python3 make_mlp.py     # from this directory
"""
import csv, math, os
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
IRIS = os.path.join(HERE, "..", "..", "..", "..", "..", "examples", "data", "iris.csv")

torch.manual_seed(0)
fc1, fc2 = torch.nn.Linear(4, 8), torch.nn.Linear(8, 3)
start = {"W1": fc1.weight.detach().T.contiguous(), "b1": fc1.bias.detach(),
         "W2": fc2.weight.detach().T.contiguous(), "b2": fc2.bias.detach()}
for name in ("W1", "b1", "W2"):
    np.save(os.path.join(HERE, "mlp_" + name + ".npy"), start[name].numpy())
with open(os.path.join(HERE, "mlp_b2.csv"), "w") as fh:
    fh.write(",".join(repr(float(v)) for v in start["b2"]) + "\n")

with open(IRIS) as fh:
    rows = list(csv.reader(fh))
header, rows = rows[0], rows[1:]
t = header.index("species")
classes = sorted({r[t] for r in rows})
X = torch.tensor([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
Y = torch.tensor([classes.index(r[t]) for r in rows])


def loss_of(p):
    return torch.nn.functional.cross_entropy(
        torch.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"], Y)


p = {k: v.clone().requires_grad_() for k, v in start.items()}
loss_of(p).backward()
with open(os.path.join(HERE, "mlp_grad.csv"), "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["param", "index", "grad"])
    for k, v in p.items():
        for i, g in enumerate(v.grad.reshape(-1).tolist()):
            w.writerow([k, i, repr(g)])

out = []
for run, make in [("sgd", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9)),
                  ("adam", lambda ps: torch.optim.Adam(ps, lr=0.01))]:
    p = {k: v.clone().requires_grad_() for k, v in start.items()}
    opt = make(list(p.values()))
    for k in range(21):
        opt.zero_grad()
        loss = loss_of(p)
        loss.backward()
        g = torch.cat([v.grad.reshape(-1) for v in p.values()]).tolist()
        norm = math.sqrt(sum(v * v for v in g))
        out.append((run, k, float(loss), float(norm)))
        if k < 20:
            opt.step()
with open(os.path.join(HERE, "mlp_losses.csv"), "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["run", "step", "loss", "grad_norm"])
    for r in out:
        w.writerow([r[0], r[1], repr(r[2]), repr(r[3])])
