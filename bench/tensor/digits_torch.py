#!/usr/bin/python3
"""PyTorch side of the digits MLP benchmark (bench/tensor/run.sh): the same network (64-128-10,
ReLU, Kaiming/Xavier uniform init), the same 1437 standardised training rows, minibatches of
32 reshuffled every epoch, cross-entropy plus 1e-4 times the squared weights, Adam(lr=1e-3),
float64, one thread. Prints milliseconds per epoch over epochs 2..21 (the first is warm-up).
The loop is the fastest plain PyTorch one: tensors indexed with a permutation, no DataLoader.
"""
import csv
import math
import random
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(7)
random.seed(0)

with open("examples/data/digits.csv") as f:
    rows = list(csv.reader(f))[1:]
random.shuffle(rows)
rows = rows[math.ceil(0.2 * len(rows)):]
x = torch.tensor([[float(v) for v in r[:-1]] for r in rows])
y = torch.tensor([int(r[-1]) for r in rows])
std = x.std(0, unbiased=False)
x = (x - x.mean(0)) / torch.where(std == 0, torch.ones_like(std), std)

W1 = torch.empty(64, 128)
W2 = torch.empty(128, 10)
torch.nn.init.kaiming_uniform_(W1.T, nonlinearity="relu")
torch.nn.init.xavier_uniform_(W2.T)
W1.requires_grad_()
W2.requires_grad_()
b1 = torch.zeros(128, requires_grad=True)
b2 = torch.zeros(10, requires_grad=True)
opt = torch.optim.Adam([W1, b1, W2, b2], lr=1e-3)
n = x.shape[0]


def epoch():
    perm = torch.randperm(n)
    for i in range(0, n, 32):
        idx = perm[i:i + 32]
        opt.zero_grad()
        logits = torch.relu(x[idx] @ W1 + b1) @ W2 + b2
        loss = torch.nn.functional.cross_entropy(logits, y[idx]) \
            + 1e-4 * ((W1 ** 2).sum() + (W2 ** 2).sum())
        loss.backward()
        opt.step()


epoch()
start = time.perf_counter()
for _ in range(20):
    epoch()
print("%.2f" % ((time.perf_counter() - start) * 1000 / 20))
