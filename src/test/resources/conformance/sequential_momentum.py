#!/usr/bin/python3
"""Goldens for `then` chains that leave a momentum-cycling schedule: PyTorch's SequentialLR
leaves momentum (SGD) or betas[0] (Adam) where the cycling scheduler last set it; it does not
restore the optimizer's own. torch_trace.py's "then" form runs segments on their own and cycles
no momentum inside a chain, so these two cases are traced here with SequentialLR itself (whose
learning rates agree with `then` for these segments: each new scheduler starts from the base lr).

    /usr/bin/python3 sequential_momentum.py     # writes then_keeps_*.csv beside this file
"""
import csv, math, os
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
L = torch.optim.lr_scheduler

CASES = [
    dict(name="then_keeps_momentum_sgd", run="sgd", params={"x": -1.5, "y": 2.0},
         objective=lambda x, y: (1 - x)**2 + 10 * (y - x**2)**2,
         optimizer=lambda ps: torch.optim.SGD(ps, lr=0.001, momentum=0.9),
         schedule=lambda o: L.SequentialLR(o, [
             L.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=10),
             L.ExponentialLR(o, gamma=0.95)], milestones=[25]),
         steps=60),
    dict(name="then_keeps_beta1_adam", run="adam", params={"x": -1.5, "y": 2.0},
         objective=lambda x, y: (1 - x)**2 + 10 * (y - x**2)**2,
         optimizer=lambda ps: torch.optim.Adam(ps, lr=0.002),
         schedule=lambda o: L.SequentialLR(o, [
             L.OneCycleLR(o, max_lr=0.05, total_steps=30),
             L.ExponentialLR(o, gamma=0.95)], milestones=[25]),
         steps=60),
]


def trace(case):
    names = list(case["params"])
    ps = [torch.tensor(v, requires_grad=True) for v in case["params"].values()]
    opt = case["optimizer"](ps)
    sched = case["schedule"](opt)
    rows = []
    for k in range(case["steps"] + 1):
        opt.zero_grad()
        loss = case["objective"](*ps)
        loss.backward()
        gnorm = math.sqrt(sum(float(p.grad) ** 2 for p in ps))
        rows.append([case["run"], k, opt.param_groups[0]["lr"], float(loss), gnorm]
                    + [float(p) for p in ps])
        if k == case["steps"]:
            break
        opt.step()
        sched.step()
    g = opt.param_groups[0]
    print(case["name"], "momentum/betas at the end:", g.get("momentum", g.get("betas")))
    return ["run", "step", "lr", "loss", "grad_norm"] + names, rows


for case in CASES:
    header, rows = trace(case)
    with open(os.path.join(HERE, case["name"] + ".csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in r])
