#!/usr/bin/python3
"""Checks that no conformance case amplifies rounding differences.

Replays every case of cases.json the way torch_trace.py does, but nudges each gradient,
each parameter after each update and each scheduled learning rate by a few units in the
last place (random, seeded), and compares the result with the golden CSV using the
conformance test's tolerance |a - e| <= 1e-12 + 1e-9 * |e|. A case is reported when the
worst cell uses more than MARGIN of that tolerance: such a case would make a correct
interpreter fail because its last-bit rounding differs from PyTorch's.

    /usr/bin/python3 stability.py [CASE_NAME ...]
"""
import csv
import importlib.util
import json
import math
import os
import random
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.environ.get("OPTLAB_ORACLE", "/work/shared/oracle/torch_trace.py")
spec = importlib.util.spec_from_file_location("torch_trace", ORACLE)
tt = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tt)

ATOL, RTOL = 1e-12, 1e-9
MARGIN = 0.01
ULP = 2.0 ** -52


def nudge(rng, v, k=4):
    return v * (1 + rng.randint(-k, k) * ULP)


def noisy_trace(case, seed):
    rng = random.Random(seed)
    names = list(case["params"])
    params = [torch.tensor(nudge(rng, float(v)), requires_grad=True) for v in case["params"].values()]
    okw = dict(case["optimizer"]["kwargs"])
    for k, v in list(okw.items()):
        if isinstance(v, list):
            okw[k] = tuple(v)
    if case["optimizer"]["class"] == "NAdam":
        okw.setdefault("foreach", True)
    opt = getattr(torch.optim, case["optimizer"]["class"])(params, **okw)
    sched, steps, every = case.get("schedule"), case["steps"], case.get("every", 1)
    plateau = driver = lrs = None
    if sched is not None and sched.get("class") == "ReduceLROnPlateau":
        plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **sched["kwargs"])
    elif sched is not None and sched.get("class") in ("OneCycleLR", "CyclicLR"):
        driver = getattr(torch.optim.lr_scheduler, sched["class"])(opt, **sched["kwargs"])
    else:
        lrs = tt.scheduler_lrs(sched, okw.get("lr", opt.defaults["lr"]), steps,
                               case["optimizer"]["class"], okw)
        lrs = [nudge(rng, v) for v in lrs]
    rows = []
    for k in range(steps + 1):
        if lrs is not None:
            for g in opt.param_groups:
                g["lr"] = lrs[k]
        opt.zero_grad()
        loss = eval(case["objective"], dict(tt.NS), dict(zip(names, params)))
        loss.backward()
        with torch.no_grad():
            for p in params:
                p.grad.mul_(1 + rng.randint(-4, 4) * ULP)
        gnorm = math.sqrt(sum(float(p.grad) ** 2 for p in params))
        if k % every == 0 or k == steps:
            rows.append([k, opt.param_groups[0]["lr"], float(loss), gnorm] + [float(p) for p in params])
        if not math.isfinite(float(loss)) or k == steps:
            break
        opt.step()
        with torch.no_grad():
            for p in params:
                p.mul_(1 + rng.randint(-4, 4) * ULP)
        if plateau is not None:
            plateau.step(float(loss))
        if driver is not None:
            driver.step()
    return rows


def score(e, a):
    if math.isnan(e) or math.isnan(a):
        return 0.0 if (math.isnan(e) and math.isnan(a)) else float("inf")
    return abs(a - e) / (ATOL + RTOL * abs(e))


def main():
    only = set(sys.argv[1:])
    bad = 0
    for case in json.load(open(os.path.join(HERE, "cases.json"))):
        if only and case["name"] not in only:
            continue
        gold = list(csv.reader(open(os.path.join(HERE, case["name"] + ".csv"))))
        header, gold = gold[0], gold[1:]
        worst, where = 0.0, ""
        for seed in range(4):
            rows = noisy_trace(case, seed)
            if len(rows) != len(gold):
                worst, where = float("inf"), "row count %d vs %d" % (len(rows), len(gold))
                break
            for g, r in zip(gold, rows):
                for col, ev, av in zip(header[2:], g[2:], r[1:]):
                    s = score(float(ev), av)
                    if s > worst:
                        worst, where = s, "step %s %s: %s vs %r" % (g[1], col, ev, av)
        flag = "AMPLIFIES" if worst > MARGIN else "ok"
        if worst > MARGIN:
            bad += 1
        print("%-9s %-42s %.2e  %s" % (flag, case["name"], worst, where))
    print("%d case(s) amplify" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
