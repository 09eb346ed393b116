#!/usr/bin/python3
"""optlab's own reference for `lrfind`, written from fast.ai's source (fastai 2.7,
fastai/callback/schedule.py: LRFinder, SchedExp, valley/slide/minimum/steep, Learner.lr_find;
fastai/learner.py: AvgSmoothLoss) and run with torch 1.13 in float64:

- step i (0-based) sets lr = start * (end/start) ** (i/num_it) (SchedExp at pos = i/num_it);
- the step's loss is computed, backward, optimizer step; AvgSmoothLoss: val = lerp(loss, val,
  0.98), count += 1, smooth = val / (1 - 0.98**count); the recorder keeps (lr, smooth);
- LRFinder.after_batch: best = min(best, smooth); stop if smooth > 4*best; stop after num_it;
- suggestions on recorder lrs/losses[num_it//10:-5], cut at the first NaN, each rule as fast.ai
  writes it, here on float64 tensors (fast.ai makes float32 ones).

Writes run_*.csv (step,lr,loss,smoothed) and suggest_*.csv (rule,lr,mark_lr,mark_loss), and
curve_*.csv / curve_*_suggest.csv: the four rules on fixed loss curves.

    /usr/bin/python3 lrfind_reference.py      # from this directory
"""
import csv, math, os
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def valley(lrs, losses, num_it):
    n = len(losses)
    max_start, max_end = 0, 0
    lds = [1] * n
    for i in range(1, n):
        for j in range(0, i):
            if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return float(lrs[idx]), (float(lrs[idx]), float(losses[idx]))


def slide(lrs, losses, num_it, lr_diff=15, thresh=.005, adjust_value=1.):
    losses = losses.numpy()
    loss_grad = np.gradient(losses)
    r_idx = -1
    l_idx = r_idx - lr_diff
    local_min_lr = lrs[l_idx]
    while (l_idx >= -len(losses)) and (abs(loss_grad[r_idx] - loss_grad[l_idx]) > thresh):
        local_min_lr = lrs[l_idx]
        r_idx -= 1
        l_idx -= 1
    suggestion = float(local_min_lr) * adjust_value
    idx = np.interp(np.log10(suggestion), np.log10(lrs.numpy()), losses)
    return suggestion, (suggestion, float(idx))


def minimum(lrs, losses, num_it):
    lr_min = lrs[losses.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i] - lr_min))]
    return lr_min / 10, (lr_min, float(loss_idx))


def steep(lrs, losses, num_it):
    grads = (losses[1:] - losses[:-1]) / (lrs[1:].log() - lrs[:-1].log())
    lr_steep = lrs[grads.argmin()].item()
    loss_idx = losses[min(range(len(lrs)), key=lambda i: abs(lrs[i] - lr_steep))]
    return lr_steep, (lr_steep, float(loss_idx))


RULES = [("valley", valley), ("slide", slide), ("minimum", minimum), ("steep", steep)]


def suggestions(lrs, losses, num_it):
    lrs, losses = torch.tensor(lrs[num_it // 10:-5]), torch.tensor(losses[num_it // 10:-5])
    nan_idxs = torch.nonzero(torch.isnan(losses.view(-1)))
    if len(nan_idxs) > 0:
        drop = min(nan_idxs)
        lrs, losses = lrs[:drop], losses[:drop]
    return [(name, *f(lrs, losses, num_it)) for name, f in RULES]


def range_test(params, loss_fn, opt, start=1e-7, end=10, num_it=100):
    val, count, best = torch.tensor(0.), 0, float("inf")
    rows = []
    for i in range(num_it):
        lr = start * (end / start) ** (i / num_it)
        for g in opt.param_groups:
            g["lr"] = lr
        opt.zero_grad()
        loss = loss_fn()
        loss.backward()
        opt.step()
        val = torch.lerp(loss.detach(), val, 0.98)
        count += 1
        smooth = float(val / (1 - 0.98 ** count))
        rows.append((i, lr, float(loss), smooth))
        best = min(best, smooth)
        if smooth > 4 * best or math.isnan(smooth):
            break
    return rows


def write(name, rows, num_it):
    with open(os.path.join(HERE, f"run_{name}.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["step", "lr", "loss", "smoothed"])
        for r in rows:
            w.writerow([r[0]] + [repr(v) for v in r[1:]])
    sug = suggestions([r[1] for r in rows], [r[3] for r in rows], num_it)
    with open(os.path.join(HERE, f"suggest_{name}.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["rule", "lr", "mark_lr", "mark_loss"])
        for name_, lr, (mlr, mloss) in sug:
            w.writerow([name_, repr(float(lr)), repr(float(mlr)), repr(float(mloss))])


def rosenbrock(opt_class, **kw):
    x, y = torch.tensor(-1.5, requires_grad=True), torch.tensor(2.0, requires_grad=True)
    opt = opt_class([x, y], lr=1e-7, **kw)
    return range_test([x, y], lambda: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2, opt)


write("adam_rosenbrock", rosenbrock(torch.optim.Adam), 100)
write("momentum_rosenbrock", rosenbrock(torch.optim.SGD, momentum=0.9), 100)

# iris, every row in file order, raw features (scale none, test 0): full batch
with open(os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "iris.csv")) as fh:
    rows = list(csv.reader(fh))
header, rows = rows[0], rows[1:]
t = header.index("species")
classes = sorted({r[t] for r in rows})
X = torch.tensor([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
Y = torch.tensor([classes.index(r[t]) for r in rows])
W = torch.zeros(4, 3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([W, b], lr=1e-7)
write("adam_iris", range_test([W, b], lambda: torch.nn.functional.cross_entropy(X @ W + b, Y),
                              opt), 100)

# the rules on fixed curves (no run): a clean valley, a noisy one, a curve that never falls
rng = np.random.default_rng(5)
lrs = [1e-7 * (10 / 1e-7) ** (i / 100) for i in range(100)]
curves = {
    "clean": [2.3 - 1.5 / (1 + math.exp(-(math.log10(lr) + 3))) + 3 * max(0, math.log10(lr) + 0.5) ** 2
              for lr in lrs],
    "noisy": [1 + 0.5 * math.cos(i / 15) + 0.05 * rng.standard_normal() for i in range(100)],
    "flat": [1.0 + 1e-3 * i for i in range(100)],
}
for name, losses in curves.items():
    with open(os.path.join(HERE, f"curve_{name}.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["lr", "loss"])
        for lr, l in zip(lrs, losses):
            w.writerow([repr(lr), repr(float(l))])
    with open(os.path.join(HERE, f"curve_{name}_suggest.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["rule", "lr", "mark_lr", "mark_loss"])
        for name_, lr, (mlr, mloss) in suggestions(lrs, losses, 100):
            w.writerow([name_, repr(float(lr)), repr(float(mlr)), repr(float(mloss))])
