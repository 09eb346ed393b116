#!/usr/bin/python3
"""PyTorch traces of an optimizer whose lr and momentum change at every step.

    /usr/bin/python3 varying_trace.py CASES.json OUT_DIR   # writes OUT_DIR/<name>.csv

A case is as in torch_trace.py (name, params, objective, optimizer, steps), with
"lr" and "momentum" Python expressions of the 0-based step k. Before update k+1
the group's lr is set to lr(k) and, for optimizers with momentum, its momentum
(SGD, RMSprop) or first beta (Adam family) to momentum(k), exactly as CyclicLR and
OneCycleLR overwrite them. Every step is written:
`step,lr,momentum,loss,grad_norm,<params...>`, where lr and momentum are what
update step+1 uses. NAdam runs on the foreach path, as in torch_trace.py.
"""
import csv, json, math, os, sys
import torch

torch.set_default_dtype(torch.float64)
NS = {n: getattr(torch, n) for n in ["sqrt", "exp", "log", "abs", "sin", "cos", "tanh"]}
NS.update(math=math)


def trace(case):
    names = list(case["params"])
    params = [torch.tensor(float(v), requires_grad=True) for v in case["params"].values()]
    cls = case["optimizer"]["class"]
    kw = {k: tuple(v) if isinstance(v, list) else v for k, v in case["optimizer"]["kwargs"].items()}
    if cls == "NAdam":
        kw.setdefault("foreach", True)
    opt = getattr(torch.optim, cls)(params, **kw)
    rows = []
    for k in range(case["steps"] + 1):
        lr = float(eval(case["lr"], {"math": math}, {"k": k}))
        mom = float(eval(case["momentum"], {"math": math}, {"k": k}))
        for g in opt.param_groups:
            g["lr"] = lr
            if "betas" in g:
                g["betas"] = (mom, g["betas"][1])
            elif "momentum" in g:
                g["momentum"] = mom
        opt.zero_grad()
        loss = eval(case["objective"], dict(NS), dict(zip(names, params)))
        loss.backward()
        gnorm = math.sqrt(sum(float(p.grad) ** 2 for p in params))
        rows.append([k, lr, mom, float(loss), gnorm] + [float(p) for p in params])
        if k == case["steps"]:
            break
        opt.step()
    return ["step", "lr", "momentum", "loss", "grad_norm"] + names, rows


def main():
    cases = json.load(open(sys.argv[1]))
    os.makedirs(sys.argv[2], exist_ok=True)
    for case in cases:
        header, rows = trace(case)
        with open(os.path.join(sys.argv[2], case["name"] + ".csv"), "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            for r in rows:
                w.writerow([repr(x) if isinstance(x, float) else x for x in r])


if __name__ == "__main__":
    main()
