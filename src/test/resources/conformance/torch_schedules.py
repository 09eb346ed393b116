#!/usr/bin/python3
"""Goldens for the schedules torch_trace.py has no form for (its JSON cannot hold a Python
function, and it has no ChainedScheduler), traced here the same way:
- `schedule s(t) *= EXPR` is MultiplicativeLR (each step multiplies the lr by the factor) and
  `schedule s(t) = lr0 * EXPR` is LambdaLR (the base lr times the factor);
- `chain(A, B, ...)` is ChainedScheduler (every scheduler steps every step, in order, each from
  the lr the ones before it left).

    /usr/bin/python3 torch_schedules.py     # writes sched_multiplicative_sgd.csv,
                                            # sched_lambda_factor_adam.csv, sched_chained_*.csv
"""
import csv, math, os
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
L = torch.optim.lr_scheduler

CASES = [
    dict(name="sched_multiplicative_sgd", run="sgd",
         optimizer=lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9),
         schedule=lambda o: L.MultiplicativeLR(o, lr_lambda=lambda t: 1 - 1 / (t + 20))),
    dict(name="sched_lambda_factor_adam", run="adam",
         optimizer=lambda ps: torch.optim.Adam(ps, lr=0.05),
         schedule=lambda o: L.LambdaLR(o, lr_lambda=lambda t: min(1, (t + 1) / 10))),
    dict(name="sched_chained_constant_exp_sgd", run="sgd",
         optimizer=lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9),
         schedule=lambda o: L.ChainedScheduler([L.ConstantLR(o, factor=0.5, total_iters=10),
                                                L.ExponentialLR(o, gamma=0.95)])),
    dict(name="sched_chained_linear_cosine_adam", run="adam",
         optimizer=lambda ps: torch.optim.Adam(ps, lr=0.05),
         schedule=lambda o: L.ChainedScheduler([L.LinearLR(o, start_factor=0.1, total_iters=10),
                                                L.CosineAnnealingLR(o, T_max=25)])),
    dict(name="sched_chained_step_exp_sgd", run="sgd",
         optimizer=lambda ps: torch.optim.SGD(ps, lr=0.01),
         schedule=lambda o: L.ChainedScheduler([L.StepLR(o, step_size=7, gamma=0.5),
                                                L.ExponentialLR(o, gamma=0.98)])),
]

for case in CASES:
    x, y = torch.tensor(-1.5, requires_grad=True), torch.tensor(2.0, requires_grad=True)
    opt = case["optimizer"]([x, y])
    sched = case["schedule"](opt)
    rows = []
    for k in range(61):
        opt.zero_grad()
        loss = (1 - x) ** 2 + 10 * (y - x ** 2) ** 2
        loss.backward()
        gnorm = math.sqrt(float(x.grad) ** 2 + float(y.grad) ** 2)
        rows.append([case["run"], k, opt.param_groups[0]["lr"], float(loss), gnorm, float(x), float(y)])
        if k == 60:
            break
        opt.step()
        sched.step()
    with open(os.path.join(HERE, case["name"] + ".csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["run", "step", "lr", "loss", "grad_norm", "x", "y"])
        for r in rows:
            w.writerow([repr(v) if isinstance(v, float) else v for v in r])
