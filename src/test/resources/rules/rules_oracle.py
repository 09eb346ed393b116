#!/usr/bin/python3
"""optlab's own PyTorch oracle for the seven example update rules (issue #10).

Each rule below is written from its authors' reference implementation (named in its class), one
torch operation per line in the reference's order, float64 throughout. The reference code itself
is not copied here; tools-free cross-checks against it are described in README.md.

Reads cases.json beside this file and writes, for each case, NAME.csv (the trace that
`optlab --format csv NAME.opt` must print) and NAME.opt (the optlab script: the rule's source
from RULE.rule, the objective, the optimizer, the run). Tests never run this file.

    /usr/bin/python3 rules_oracle.py            # from anywhere: regenerates *.csv and *.opt
    /usr/bin/python3 rules_oracle.py measure    # reruns every case with the rules' reductions
                                                # and matrix products summed sequentially (as a
                                                # plain loop does) and prints how far each trace
                                                # moves: the tolerance README.md states

Trace conventions (those of /work/shared/oracle/torch_trace.py and the tensor goldens):
rows at step 0, every K-th step and the last; `grad_norm` is the square root of the squared
gradient entries summed in parameter order; a tensor run adds `epoch` (full batch: the step)
and `|W|` per parameter (the same sequential norm). Schedule-Free AdamW reports its evaluation
point x = lerp(y, z, 1 - 1/beta1), computed out of place from the stored y and z: the row's
parameters, `loss` and `|W|` are x's, `grad_norm` is the gradient of the update (taken at y).
"""
import csv
import json
import math
import os
import sys

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..")

# ---------------------------------------------------------------------------------------------
# Reductions and matrix products: torch's own kernels (the reference) or, under `measure`, a
# left-to-right loop, to see how much the summation order moves a trace.
SEQUENTIAL = False
NOISE = None  # under `measure`: a torch.Generator, and every gradient gets a few ulps of noise


def _seq_sum(values):
    s = 0.0
    for v in values:
        s += v
    return s


def norm(x, torch_form):
    """2-norm of a whole tensor; torch_form is the reference's own expression for it."""
    if not SEQUENTIAL:
        return torch_form(x)
    return torch.tensor(math.sqrt(_seq_sum(v * v for v in x.reshape(-1).tolist())))


def total(x):
    if not SEQUENTIAL:
        return x.sum()
    return torch.tensor(_seq_sum(x.reshape(-1).tolist()))


def mean_last(x):
    """x.mean(dim=-1): the row means of a matrix, or the mean of a vector (keepdim)."""
    if not SEQUENTIAL:
        return x.mean(dim=-1, keepdim=x.dim() == 1)
    rows = x.tolist() if x.dim() == 2 else [x.tolist()]
    out = torch.tensor([_seq_sum(r) / len(r) for r in rows])
    return out if x.dim() == 2 else out.reshape(1)


def mean_rows(x):
    """x.mean(dim=-2): the column means of a matrix."""
    if not SEQUENTIAL:
        return x.mean(dim=-2)
    return mean_last(x.T.contiguous())


def matmul(a, b):
    if not SEQUENTIAL:
        return a @ b
    al, bl = a.tolist(), b.tolist()
    return torch.tensor([[_seq_sum(al[i][k] * bl[k][j] for k in range(len(bl)))
                          for j in range(len(bl[0]))] for i in range(len(al))])


# ---------------------------------------------------------------------------------------------
class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023), as lucidrains/lion-pytorch's update_fn (google/automl's lion)."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd, (beta1, beta2) = group["lr"], group["weight_decay"], group["betas"]
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                if not st:
                    st["exp_avg"] = torch.zeros_like(p)
                m = st["exp_avg"]
                p.mul_(1 - lr * wd)
                c = m.mul(beta1)
                c = c.add(g, alpha=1 - beta1)
                c = c.sign()
                p.add_(c, alpha=-lr)
                m.mul_(beta2)
                m.add_(g, alpha=1 - beta2)


class Lamb(torch.optim.Optimizer):
    """LAMB (You et al. 2020), as cybertronai/pytorch-lamb: no bias correction, weight norm
    clamped to [0, 10], trust ratio 1 when either norm is 0."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, eps, wd, (beta1, beta2) = group["lr"], group["eps"], group["weight_decay"], group["betas"]
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                if not st:
                    st["exp_avg"] = torch.zeros_like(p)
                    st["exp_avg_sq"] = torch.zeros_like(p)
                m, v = st["exp_avg"], st["exp_avg_sq"]
                m.mul_(beta1)
                m.add_(g, alpha=1 - beta1)
                v.mul_(beta2)
                v.addcmul_(g, g, value=1 - beta2)
                w = p.pow(2)
                wn = total(w)
                wn = wn.sqrt()
                wn = wn.clamp(0, 10)
                d = v.sqrt()
                d = d.add(eps)
                u = m / d
                if wd != 0:
                    u.add_(p, alpha=wd)
                a = u.pow(2)
                an = total(a)
                an = an.sqrt()
                if wn == 0 or an == 0:
                    tr = 1
                else:
                    tr = float(wn / an)
                p.add_(u, alpha=-lr * tr)


class Adafactor(torch.optim.Optimizer):
    """Adafactor (Shazeer & Stern 2018), as fairseq's (and transformers') Adafactor with an
    external lr: relative_step=False, scale_parameter=False, warmup_init=False, beta1=None.
    Factored second moment for 2-D parameters, a full one for 0-d and 1-d."""

    def __init__(self, params, lr=1e-3, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=-0.8,
                 weight_decay=0.0):
        super().__init__(params, dict(lr=lr, eps=eps, clip_threshold=clip_threshold,
                                      decay_rate=decay_rate, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, eps, wd = group["lr"], group["eps"], group["weight_decay"]
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                factored = g.dim() >= 2
                if not st:
                    st["step"] = 0
                    if factored:
                        st["exp_avg_sq_row"] = torch.zeros(g.shape[:-1])
                        st["exp_avg_sq_col"] = torch.zeros(g.shape[:-2] + g.shape[-1:])
                    else:
                        st["exp_avg_sq"] = torch.zeros_like(g)
                st["step"] += 1
                beta2t = 1.0 - math.pow(st["step"], group["decay_rate"])
                u = g ** 2
                u = u + eps[0]
                if factored:
                    r, c = st["exp_avg_sq_row"], st["exp_avg_sq_col"]
                    r.mul_(beta2t)
                    r.add_(mean_last(u), alpha=1.0 - beta2t)
                    c.mul_(beta2t)
                    c.add_(mean_rows(u), alpha=1.0 - beta2t)
                    rf = r / mean_last(r)
                    rf = rf.rsqrt()
                    rf = rf.unsqueeze(-1)
                    cf = c.unsqueeze(-2)
                    cf = cf.rsqrt()
                    u = torch.mul(rf, cf)
                    u = u.mul(g)
                else:
                    v = st["exp_avg_sq"]
                    v.mul_(beta2t)
                    v.add_(u, alpha=1.0 - beta2t)
                    u = v.rsqrt()
                    u = u.mul(g)
                rms = norm(u, lambda x: x.norm(2))
                rms = rms / (u.numel() ** 0.5)
                rms = rms / group["clip_threshold"]
                rms = rms.clamp(min=1.0)
                u = u.div(rms)
                u = u.mul(lr)
                if wd != 0:
                    p.add_(p, alpha=-wd * lr)
                p.add_(-u)


class ScheduleFreeAdamW(torch.optim.Optimizer):
    """Schedule-Free AdamW (Defazio et al. 2024), as facebookresearch/schedule_free's
    AdamWScheduleFree (its per-parameter path, inner_momentum = 0). p holds y; state z starts as
    a copy of p; weight_sum, lr_max and the step count k are the group's (run-level) scalars."""

    def __init__(self, params, lr=0.0025, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 warmup_steps=0, r=0.0, weight_lr_power=2.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      warmup_steps=warmup_steps, r=r,
                                      weight_lr_power=weight_lr_power,
                                      k=0, weight_sum=0.0, lr_max=-1.0))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            eps, decay, (beta1, beta2) = group["eps"], group["weight_decay"], group["betas"]
            k = group["k"]
            if k < group["warmup_steps"]:
                sched = (k + 1) / group["warmup_steps"]
            else:
                sched = 1.0
            bias_correction2 = 1 - beta2 ** (k + 1)
            lr = group["lr"] * sched
            lr_max = group["lr_max"] = max(lr, group["lr_max"])
            weight = ((k + 1) ** group["r"]) * (lr_max ** group["weight_lr_power"])
            weight_sum = group["weight_sum"] = group["weight_sum"] + weight
            ckp1 = weight / weight_sum if weight_sum != 0 else 0
            for p in group["params"]:
                if "z" not in self.state[p]:
                    self.state[p]["z"] = torch.clone(p)
                    self.state[p]["exp_avg_sq"] = torch.zeros_like(p)
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                z, v = st["z"], st["exp_avg_sq"]
                v.mul_(beta2)
                v.addcmul_(g, g, value=1 - beta2)
                d = v.div(bias_correction2)
                d = d.sqrt()
                d = d.add(eps)
                gn = g.div(d)
                if decay != 0:
                    gn.add_(p, alpha=decay)
                p.lerp_(z, ckp1)
                p.add_(gn, alpha=lr * (beta1 * (1 - ckp1) - 1))
                z.sub_(gn, alpha=lr)
            group["k"] = k + 1

    @torch.no_grad()
    def eval_point(self, p):
        """x = lerp(y, z, 1 - 1/beta1) out of place, as the optimizer's eval() computes it."""
        for group in self.param_groups:
            if any(q is p for q in group["params"]):
                if "z" not in self.state[p]:
                    return p.detach().clone()
                return torch.lerp(p, self.state[p]["z"], 1 - 1 / group["betas"][0])
        raise KeyError("not a parameter of this optimizer")


class AdEMAMix(torch.optim.Optimizer):
    """AdEMAMix (Pagliardini et al. 2024), as apple/ml-ademamix's pytorch/ademamix.py: a fast
    and a slow EMA of g, Adam's second moment, optional linear warmups of alpha and (in
    half-life) of beta3 as functions of the step. Warmup 0 means none (the reference's None)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999, 0.9999), alpha=2.0, beta3_warmup=0,
                 alpha_warmup=0, eps=1e-8, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, alpha=alpha, beta3_warmup=beta3_warmup,
                                      alpha_warmup=alpha_warmup, eps=eps,
                                      weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, lmbda, eps = group["lr"], group["weight_decay"], group["eps"]
            beta1, beta2, beta3_final = group["betas"]
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                if not st:
                    st["step"] = 0
                    st["exp_avg_fast"] = torch.zeros_like(p) if beta1 != 0.0 else None
                    st["exp_avg_slow"] = torch.zeros_like(p)
                    st["exp_avg_sq"] = torch.zeros_like(p)
                fast, slow, v = st["exp_avg_fast"], st["exp_avg_slow"], st["exp_avg_sq"]
                st["step"] += 1
                t = st["step"]
                bias_correction1 = 1 - beta1 ** t
                bias_correction2 = 1 - beta2 ** t
                alpha = group["alpha"]
                if group["alpha_warmup"] and t < group["alpha_warmup"]:
                    a = t / float(group["alpha_warmup"])
                    alpha = (1.0 - a) * 0 + a * group["alpha"]
                beta3 = beta3_final
                if group["beta3_warmup"] and t < group["beta3_warmup"]:
                    a = t / float(group["beta3_warmup"])
                    f_start = math.log(0.5) / math.log(beta1 + 1e-8) - 1
                    f_end = math.log(0.5) / math.log(beta3_final + 1e-8) - 1
                    beta3 = math.pow(0.5, 1 / ((1.0 - a) * f_start + a * f_end + 1))
                if beta1 != 0.0:
                    fast.mul_(beta1)
                    fast.add_(g, alpha=1 - beta1)
                else:
                    fast = g
                slow.mul_(beta3)
                slow.add_(g, alpha=1 - beta3)
                v.mul_(beta2)
                v.addcmul_(g, g, value=1 - beta2)
                d = v.sqrt()
                d = d / math.sqrt(bias_correction2)
                d = d.add(eps)
                u = fast.div(bias_correction1)
                s = alpha * slow
                u = u + s
                u = u / d
                u.add_(p, alpha=lmbda)
                u = -lr * u
                p.add_(u)


class MARS(torch.optim.Optimizer):
    """MARS (Yuan et al. 2024), mars-adamw with the approximate last gradient, as
    AGI-Arena/MARS's MARS/optimizers/mars.py. With optimize_1d = False (its default) parameters
    that are not 2-D take its AdamW branch with lr_1d, betas_1d, weight_decay_1d."""

    def __init__(self, params, lr=3e-3, betas=(0.95, 0.99), eps=1e-8, weight_decay=0.0,
                 gamma=0.025, optimize_1d=False, lr_1d=3e-3, betas_1d=(0.9, 0.95),
                 weight_decay_1d=0.1):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      gamma=gamma))
        self.optimize_1d, self.lr_1d_factor = optimize_1d, lr_1d / lr
        self.betas_1d = betas_1d
        self.weight_decay_1d = weight_decay if optimize_1d else weight_decay_1d

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd, eps, gamma, (beta1, beta2) = (group["lr"], group["weight_decay"],
                                                  group["eps"], group["gamma"], group["betas"])
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                if not st:
                    st["step"] = 0
                    st["exp_avg"] = torch.zeros_like(p)
                    st["last_grad"] = torch.zeros_like(p)
                    st["exp_avg_sq"] = torch.zeros_like(p)
                m, v, last = st["exp_avg"], st["exp_avg_sq"], st["last_grad"]
                st["step"] += 1
                t = st["step"]
                if self.optimize_1d or g.dim() == 2:
                    c = g - last
                    c = c.mul(gamma * (beta1 / (1.0 - beta1)))
                    c = c.add(g)
                    cn = norm(c, torch.norm)
                    if cn > 1.0:
                        c = c / cn
                    m.mul_(beta1)
                    m.add_(c, alpha=1.0 - beta1)
                    v.mul_(beta2)
                    v.addcmul_(c, c, value=1.0 - beta2)
                    bias_correction1 = 1.0 - beta1 ** t
                    bias_correction2 = 1.0 - beta2 ** t
                    d = v.sqrt()
                    d = d.mul(1 / math.sqrt(bias_correction2))
                    d = d.add(eps)
                    d = d.mul(bias_correction1)
                    u = torch.mul(p, wd)
                    u = u.add(m.div(d))
                    u = -lr * u
                else:
                    b1, b2 = self.betas_1d
                    m.mul_(b1)
                    m.add_(g, alpha=1.0 - b1)
                    v.mul_(b2)
                    v.addcmul_(g, g, value=1.0 - b2)
                    bias_correction1 = 1.0 - b1 ** t
                    bias_correction2 = 1.0 - b2 ** t
                    d = v.sqrt()
                    d = d.mul(1 / math.sqrt(bias_correction2))
                    d = d.add(eps)
                    d = d.mul(bias_correction1)
                    u = torch.mul(p, self.weight_decay_1d)
                    u = u.add(m.div(d))
                    u = -lr * self.lr_1d_factor * u
                p.add_(u)
                st["last_grad"] = g.clone()


class Muon64(torch.optim.Optimizer):
    """Muon (Jordan et al. 2024) as KellerJordan/Muon's SingleDeviceMuon (nesterov momentum,
    5 Newton-Schulz steps with (3.4445, -4.7750, 2.0315)), in float64 where the reference
    rounds Newton-Schulz to bfloat16: a float64 variant, not the reference's numbers.
    For 2-D parameters only, in optlab's layout (x @ W, so W is [in, out])."""

    def __init__(self, params, lr=0.02, weight_decay=0.0, momentum=0.95):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, momentum=momentum))

    @torch.no_grad()
    def step(self):
        a, b, c = (3.4445, -4.7750, 2.0315)
        for group in self.param_groups:
            lr, wd, beta = group["lr"], group["weight_decay"], group["momentum"]
            for p in group["params"]:
                g, st = p.grad, self.state[p]
                if not st:
                    st["momentum_buffer"] = torch.zeros_like(p)
                buf = st["momentum_buffer"]
                buf.lerp_(g, 1 - beta)
                x = g.lerp(buf, beta)
                tall = x.size(-2) > x.size(-1)
                if tall:
                    x = x.mT
                n = norm(x, lambda y: y.norm(dim=(-2, -1), keepdim=True))
                n = n + 1e-7
                x = x / n
                for _ in range(5):
                    A = matmul(x, x.mT)
                    B1 = b * A
                    B2 = c * A
                    B2 = matmul(B2, A)
                    B = B1 + B2
                    X1 = a * x
                    X2 = matmul(B, x)
                    x = X1 + X2
                if tall:
                    x = x.mT
                x = x * max(1, g.size(-2) / g.size(-1)) ** 0.5
                p.mul_(1 - lr * wd)
                p.add_(x, alpha=-lr)


RULES = {k.__name__: k for k in (Lion, Lamb, Adafactor, ScheduleFreeAdamW, AdEMAMix, MARS, Muon64)}
BUILTINS = {"AdamW": torch.optim.AdamW, "Adam": torch.optim.Adam}


# ---------------------------------------------------------------------------------------------
# Objectives: each written once in optlab syntax (for the .opt) and once in torch.
def rosenbrock_start():
    return {"x": torch.tensor(-1.5), "y": torch.tensor(2.0)}


def rosenbrock_loss(p):
    return (1 - p["x"]) ** 2 + 100 * (p["y"] - p["x"] ** 2) ** 2


ROSENBROCK_OPT = "objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2\n"


def iris():
    """Every iris row in file order, raw features, species numbered in sorted order, as
    `csv(..., target = "species")` reads them (tensor/init/make_mlp.py does the same)."""
    with open(os.path.join(ROOT, "examples", "data", "iris.csv")) as fh:
        rows = list(csv.reader(fh))
    header, rows = rows[0], rows[1:]
    t = header.index("species")
    classes = sorted({r[t] for r in rows})
    x = torch.tensor([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
    y = torch.tensor([classes.index(r[t]) for r in rows])
    return x, y


def mlp_start():
    """tensor/init's weights: torch's default nn.Linear init from seed 0, saved as [in, out]."""
    import numpy as np
    init = os.path.join(HERE, "..", "tensor", "init")
    out = {n: torch.from_numpy(np.load(os.path.join(init, "mlp_" + n + ".npy"))).double()
           for n in ("W1", "b1", "W2")}
    with open(os.path.join(init, "mlp_b2.csv")) as fh:
        out["b2"] = torch.tensor([float(v) for v in fh.read().strip().split(",")])
    names = ["W1", "b1", "W2", "b2"]
    return {n: out[n].clone() for n in names}


IRIS = None


def mlp_loss(p):
    global IRIS
    if IRIS is None:
        IRIS = iris()
    x, y = IRIS
    h = torch.tanh(x @ p["W1"] + p["b1"])
    return torch.nn.functional.cross_entropy(h @ p["W2"] + p["b2"], y)


MLP_OPT = """data iris = csv("../../../../examples/data/iris.csv", target = "species")
objective mlp(W1[4, 8] = npy("../tensor/init/mlp_W1.npy"), b1[8] = npy("../tensor/init/mlp_b1.npy"),
              W2[8, 3] = npy("../tensor/init/mlp_W2.npy"), b2[3] = csv("../tensor/init/mlp_b2.csv")) =
    cross_entropy(tanh(iris.x @ W1 + b1) @ W2 + b2, iris.y)
"""

OBJECTIVES = {"rosenbrock": (rosenbrock_start, rosenbrock_loss, ROSENBROCK_OPT, False),
              "mlp": (mlp_start, mlp_loss, MLP_OPT, True)}


# ---------------------------------------------------------------------------------------------
def make_groups(case, params):
    """One torch optimizer per parameter group, claimed in order: a list of names, `matrices`
    (2-D parameters not yet claimed) or `others` / `all` (the rest)."""
    claimed, opts = set(), []
    for grp in case["groups"]:
        sel = grp["select"]
        if isinstance(sel, list):
            names = sel
        elif sel == "matrices":
            names = [n for n, p in params.items() if p.dim() == 2 and n not in claimed]
        else:
            names = [n for n in params if n not in claimed]
        claimed.update(names)
        kind = RULES.get(grp["kind"]) or BUILTINS[grp["kind"]]
        kw = {k: tuple(v) if isinstance(v, list) else v for k, v in grp["kwargs"].items()}
        opts.append(kind([params[n] for n in names], **kw))
    assert claimed == set(params), "every parameter gets exactly one optimizer"
    return opts


def seq_norm(values):
    return math.sqrt(_seq_sum(v * v for v in values))


def trace(case):
    start, loss_of, _, tensor = OBJECTIVES[case["objective"]]
    params = {n: v.clone().requires_grad_() for n, v in start().items()}
    opts = make_groups(case, params)
    lr = case["groups"][0]["kwargs"]["lr"]
    rows = []
    for k in range(case["steps"] + 1):
        for o in opts:
            o.zero_grad()
        loss = loss_of(params)
        loss.backward()
        if NOISE is not None:
            with torch.no_grad():
                for p in params.values():
                    p.grad.mul_(1 + 4e-16 * torch.randn(p.grad.shape, generator=NOISE))
        grads = [v for p in params.values() for v in p.grad.reshape(-1).tolist()]
        if k % case["every"] == 0 or k == case["steps"]:
            shown = dict(params)
            for o in opts:
                if hasattr(o, "eval_point"):  # a rule with `eval = ...`
                    for n, p in params.items():
                        if any(p is q for grp in o.param_groups for q in grp["params"]):
                            shown[n] = o.eval_point(p)
            with torch.no_grad():
                shown_loss = float(loss_of(shown)) if shown is not params else float(loss)
            row = [case["run"], k, lr, shown_loss, seq_norm(grads)]
            if tensor:
                row.append(float(k))
                row += [seq_norm(v.reshape(-1).tolist()) for v in shown.values()]
            else:
                row += [float(v) for v in shown.values()]
            rows.append(row)
        if not math.isfinite(float(loss)) or k == case["steps"]:
            break
        for o in opts:
            o.step()
    cols = [("|%s|" % n) for n in params] if tensor else list(params)
    header = ["run", "step", "lr", "loss", "grad_norm"] + (["epoch"] if tensor else []) + cols
    return header, rows


def optlab_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return "(" + ", ".join(optlab_value(x) for x in v) + ")"
    return repr(v)


def optlab_call(grp):
    args = ", ".join("%s = %s" % (k, optlab_value(v)) for k, v in grp["kwargs"].items())
    call = "%s(%s)" % (grp["kind"], args)
    if len(grp.get("_all", [])) == 1:
        return call
    sel = grp["select"]
    return call + " for " + ("[" + ", ".join(sel) + "]" if isinstance(sel, list) else sel)


def script(case):
    _, _, objective, _ = OBJECTIVES[case["objective"]]
    rules = sorted({g["kind"] for g in case["groups"] if g["kind"] in RULES})
    out = ["# %s: %s" % (case["name"], case["about"]),
           "# Generated by rules_oracle.py from cases.json; golden trace %s.csv." % case["name"]]
    for r in rules:
        with open(os.path.join(HERE, r + ".rule")) as fh:
            out.append(fh.read().rstrip("\n"))
    out.append(objective.rstrip("\n"))
    groups = [dict(g, _all=case["groups"]) for g in case["groups"]]
    out.append("optimizer %s = %s" % (case["run"], " + ".join(optlab_call(g) for g in groups)))
    out.append("run %s on %s for %d steps every %d" % (case["run"], case["objective"],
                                                       case["steps"], case["every"]))
    return "\n".join(out) + "\n"


def write_csv(path, header, rows):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in r])


def moved(ref, other):
    """The largest relative change of any numeric cell between two traces of one case."""
    worst = 0.0
    for a, b in zip(ref, other):
        for x, y in zip(a[2:], b[2:]):
            worst = max(worst, abs(x - y) / abs(x) if x else abs(y))
    return worst


def insensitive(case):
    """The rule hyperparameters whose nudging (x1.1, +3 steps, each beta x0.999, a flag
    flipped, 0 to 0.01) leaves the case's golden trace where it is."""
    import copy
    import inspect
    _, ref = trace(case)
    out = []
    for i, grp in enumerate(case["groups"]):
        if grp["kind"] not in RULES:
            continue
        for name, par in list(inspect.signature(RULES[grp["kind"]].__init__).parameters.items())[2:]:
            val = grp["kwargs"].get(name, par.default)
            if isinstance(val, bool):
                nudged = [not val]
            elif isinstance(val, (list, tuple)):
                nudged = [tuple(v * 0.999 if j == k else v for k, v in enumerate(val))
                          for j in range(len(val))]
            elif isinstance(val, int) and val > 0:
                nudged = [val + 3]
            elif val == 0:
                nudged = [10 if name.endswith("steps") else 0.01]
            else:
                nudged = [val * 1.1]
            for v in nudged:
                other = copy.deepcopy(case)
                other["groups"][i]["kwargs"][name] = v
                if moved(ref, trace(other)[1]) < 1e-9:
                    out.append("%s=%r" % (name, v))
    return out


def main():
    global SEQUENTIAL, NOISE
    cases = json.load(open(os.path.join(HERE, "cases.json")))
    if sys.argv[1:] == ["measure"]:
        print("%-22s %s  %s" % ("case", "sequential reductions", "gradients +- 4e-16 (5 seeds)"))
        for case in cases:
            SEQUENTIAL = False
            _, ref = trace(case)
            SEQUENTIAL = True
            _, seq = trace(case)
            SEQUENTIAL = False
            noisy = 0.0
            for seed in range(5):
                NOISE = torch.Generator().manual_seed(seed)
                noisy = max(noisy, moved(ref, trace(case)[1]))
            NOISE = None
            print("%-22s %21.3g  %.3g" % (case["name"], moved(ref, seq), noisy))
        print("hyperparameters a case's trace does not pin down (moved < 1e-9 when nudged):")
        for case in cases:
            print("%-22s %s" % (case["name"], ", ".join(insensitive(case)) or "-"))
        return
    for case in cases:
        header, rows = trace(case)
        write_csv(os.path.join(HERE, case["name"] + ".csv"), header, rows)
        with open(os.path.join(HERE, case["name"] + ".opt"), "w") as fh:
            fh.write(script(case))
        print("wrote", case["name"])


if __name__ == "__main__":
    main()
