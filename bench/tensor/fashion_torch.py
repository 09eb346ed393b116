"""Fashion-MNIST MLP 784-256-10, Adam, batch 128, float64 (or float32): seconds per epoch and
the load time, printed as 'load SECONDS' and 'epoch SECONDS'. The same work as fashion_mlp.opt:
standardised pixels, a shuffled pass over the 60,000 training images per epoch, the loss over
all of them and the test accuracy at the start and the end.

usage: python3 fashion_torch.py THREADS EPOCHS [float32]
"""
import gzip
import sys
import time

import numpy as np
import torch

threads, epochs = int(sys.argv[1]), int(sys.argv[2])
dtype = torch.float32 if len(sys.argv) > 3 and sys.argv[3] == "float32" else torch.float64
torch.set_num_threads(threads)
D = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    with gzip.open(D + name) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


t0 = time.perf_counter()
x = torch.from_numpy(idx("train-images-idx3-ubyte.gz", 16).reshape(60000, 784).astype(np.float64))
load = time.perf_counter() - t0
y = torch.from_numpy(idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
tx = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz", 16).reshape(10000, 784).astype(np.float64))
ty = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))
mean, std = x.mean(0), x.std(0, unbiased=False)
std[std == 0] = 1
x, tx = ((x - mean) / std).to(dtype), ((tx - mean) / std).to(dtype)
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                            torch.nn.Linear(256, 10)).to(dtype)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.functional.cross_entropy


def evaluate():
    with torch.no_grad():
        return loss_fn(model(x), y).item(), (model(tx).argmax(1) == ty).double().mean().item()


evaluate()
t0 = time.perf_counter()
for _ in range(epochs):
    perm = torch.randperm(60000)
    for i in range(0, 60000, 128):
        b = perm[i:i + 128]
        opt.zero_grad()
        loss_fn(model(x[b]), y[b]).backward()
        opt.step()
print("load %.3f" % load)
print("epoch %.3f" % ((time.perf_counter() - t0) / epochs))
print("final loss %.4f accuracy %.4f" % evaluate())
