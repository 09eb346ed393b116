#!/usr/bin/python3
"""The PyTorch round trip of checkpoints (CheckpointTorchTest), generated once; tests never run
Python. Run from the project root after `mvn -o -q -B package -DskipTests`:

    /usr/bin/python3 src/test/resources/checkpoint/make_goldens.py

For each case, on Rosenbrock from (-1.5, 2), N = 30 then M = 40 steps, it writes:
  CASE_golden.csv              PyTorch 1.13, N + M steps straight (step,loss,x,y; Python repr)
  CASE_optlab_30.safetensors   what optlab's `checkpoint` wrote after N steps
  CASE_torch_continued.csv     that file loaded into torch.optim by tools/optlab_checkpoint.py,
                               continued M steps in PyTorch (rows N..N+M)
  CASE_torch_30.safetensors    PyTorch's own state after N steps, written by the same tool, which
                               optlab resumes in the test
and checks here that the continued rows equal the golden's, bit for bit.
"""
import csv
import os
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "tools"))
import optlab_checkpoint as ck  # noqa: E402

torch.set_default_dtype(torch.float64)
N, M = 30, 40
CASES = [
    ("adam", "Adam", {"lr": 0.05}, "Adam(lr = 0.05)"),
    ("sgd_momentum", "SGD", {"lr": 1e-3, "momentum": 0.9}, "SGD(lr = 1e-3, momentum = 0.9)"),
    ("rmsprop_centered", "RMSprop", {"lr": 1e-3, "momentum": 0.5, "centered": True},
     "RMSprop(lr = 1e-3, momentum = 0.5, centered = true)"),
    ("adagrad", "Adagrad", {"lr": 0.1}, "Adagrad(lr = 0.1)"),
]


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


def train(params, opt, first, steps, rows):
    """Rows first..first+steps: the loss at the parameters after k updates, then update k+1."""
    x, y = params["x"], params["y"]
    for k in range(first, first + steps + 1):
        opt.zero_grad()
        loss = rosenbrock(x, y)
        rows.append([k, repr(loss.item()), repr(x.item()), repr(y.item())])
        if k == first + steps:
            break
        loss.backward()
        opt.step()


def fresh(cls, kwargs):
    params = {"x": torch.tensor(-1.5, requires_grad=True), "y": torch.tensor(2.0, requires_grad=True)}
    return params, getattr(torch.optim, cls)(list(params.values()), **kwargs)


def save_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["step", "loss", "x", "y"])
        w.writerows(rows)


def main():
    root = os.path.join(HERE, "..", "..", "..", "..")
    for name, cls, kwargs, written in CASES:
        golden = []
        params, opt = fresh(cls, kwargs)
        train(params, opt, 0, N + M, golden)
        save_csv(os.path.join(HERE, name + "_golden.csv"), golden)

        ours = os.path.join(HERE, name + "_optlab_30.safetensors")
        script = ("objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n"
                  "run %s on rosenbrock for %d steps checkpoint \"%s\"\n" % (written, N, ours))
        subprocess.run([os.path.join(root, "optlab"), "-e", script], check=True,
                       stdout=subprocess.DEVNULL)
        params, opt = fresh(cls, kwargs)
        ck.load_into(ours, params, opt)
        continued = []
        train(params, opt, N, M, continued)
        save_csv(os.path.join(HERE, name + "_torch_continued.csv"), continued)
        same = continued == golden[N:]
        print("%s: optlab's checkpoint continued in torch %s the golden" %
              (name, "matches" if same else "DIFFERS FROM"))

        params, opt = fresh(cls, kwargs)
        train(params, opt, 0, N, [])
        ck.save_from(os.path.join(HERE, name + "_torch_30.safetensors"), params, opt,
                     objective="rosenbrock", step=N)


if __name__ == "__main__":
    main()
