#!/usr/bin/python3
"""Runs the NAME.rule files themselves, read literally, and compares with the goldens.

A deliberately naive reading of rule syntax v1 (issue #10): each statement becomes the Python
line it looks like (`add(x, y, alpha = a)` is torch.add, `if c {` is `if c:`, `repeat 5 {` a
for loop), tensors are torch float64 tensors shaped like p, row/column states are [rows, 1] and
[1, cols] tensors, reductions return Python floats, scalar math is Python's. It shows that the
.rule sources, as written, compute what rules_oracle.py computes: if a golden and a rule
disagree, this tells which side is wrong. Not used by tests.

    /usr/bin/python3 check_rules.py      # prints, per case, how many cells differ and by how much
"""
import csv
import json
import math
import os
import re

import torch

import rules_oracle as O

HERE = os.path.dirname(os.path.abspath(__file__))


def _t(x):
    return isinstance(x, torch.Tensor)


def _unary(tensor_fn, scalar_fn):
    return lambda x: tensor_fn(x) if _t(x) else scalar_fn(x)


def _max(a, b):
    if _t(a) or _t(b):
        return torch.maximum(torch.as_tensor(a), torch.as_tensor(b))
    return max(a, b)


def _min(a, b):
    if _t(a) or _t(b):
        return torch.minimum(torch.as_tensor(a), torch.as_tensor(b))
    return min(a, b)


def _clamp(x, min=None, max=None):
    if _t(x):
        return torch.clamp(x, min=min, max=max)
    if min is not None and x < min:
        x = min
    if max is not None and x > max:
        x = max
    return x


def _norm(x):
    return float(x.norm(2))


FUNCS = {
    "add": lambda x, y, alpha=1: torch.add(x, y, alpha=alpha),
    "sub": lambda x, y, alpha=1: torch.sub(x, y, alpha=alpha),
    "lerp": torch.lerp,
    "addcmul": lambda x, a, b, value=1: torch.addcmul(x, a, b, value=value),
    "addcdiv": lambda x, a, b, value=1: torch.addcdiv(x, a, b, value=value),
    "sqrt": _unary(torch.sqrt, math.sqrt), "rsqrt": _unary(torch.rsqrt, lambda x: 1 / math.sqrt(x)),
    "abs": _unary(torch.abs, abs), "sign": _unary(torch.sign, lambda x: float((x > 0) - (x < 0))),
    "exp": _unary(torch.exp, math.exp), "log": _unary(torch.log, math.log),
    "max": _max, "min": _min, "clamp": _clamp,
    "norm": _norm, "sum": lambda x: float(x.sum()), "mean": lambda x: float(x.mean()),
    "rms": lambda x: _norm(x) / x.numel() ** 0.5,
    "row_mean": lambda x: x.mean(dim=-1, keepdim=True),
    "col_mean": lambda x: x.mean(dim=-2, keepdim=True),
    "transpose": lambda x: x.mT,
    "rows": lambda p: p.shape[0], "cols": lambda p: p.shape[1],
    "numel": lambda p: p.numel(), "ndim": lambda p: p.dim(),
    "true": True, "false": False, "math": math,
}


def to_python(lines):
    """Rule statements (braces) to Python (indentation)."""
    out, depth = [], 0
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line == "}":
            depth -= 1
            continue
        m = re.fullmatch(r"\} else \{", line)
        if m:
            out.append("    " * (depth - 1) + "else:")
            continue
        m = re.fullmatch(r"if (.*) \{", line)
        if m:
            out.append("    " * depth + "if " + m.group(1) + ":")
            depth += 1
            continue
        m = re.fullmatch(r"repeat (\S+) \{", line)
        if m:
            out.append("    " * depth + "for _ in range(int(%s)):" % m.group(1))
            depth += 1
            continue
        out.append("    " * depth + line)
    assert depth == 0, "unbalanced braces"
    return "\n".join(out) or "pass"


class Rule:
    def __init__(self, path):
        lines = open(path).read().splitlines()
        head = next(i for i, l in enumerate(lines) if l.startswith("rule "))
        m = re.fullmatch(r"rule (\w+)\((.*)\) \{", lines[head].split("#")[0].strip())
        self.name = m.group(1)
        self.defaults = eval("dict(%s)" % m.group(2), dict(FUNCS))
        self.states, self.shared, once, body, i = [], [], [], [], head + 1
        while i < len(lines):
            s = lines[i].split("#", 1)[0].strip()
            if s.startswith("state "):
                n, e = s[6:].split("=", 1)
                self.states.append((n.strip(), e.strip()))
            elif s.startswith("shared "):
                n, e = s[7:].split("=", 1)
                self.shared.append((n.strip(), e.strip()))
            elif s == "once {":
                depth, i = 1, i + 1
                while True:
                    t = lines[i].split("#", 1)[0].strip()
                    depth += t.endswith("{") - (t.startswith("}"))
                    if depth == 0:
                        break
                    once.append(lines[i])
                    i += 1
            elif i == len(lines) - 1 or (s == "}" and all(
                    not l.split("#", 1)[0].strip() for l in lines[i + 1:])):
                break
            else:
                body.append(lines[i])
            i += 1
        self.once = compile(to_python(once), path + ":once", "exec")
        self.body = compile(to_python(body), path + ":body", "exec")


class RuleOptimizer(torch.optim.Optimizer):
    """One parameter group running a Rule: `once` per step, then the body per tensor."""

    def __init__(self, params, rule, **kw):
        hp = dict(rule.defaults)
        unknown = set(kw) - set(hp)
        assert not unknown, "not hyperparameters of %s: %s" % (rule.name, unknown)
        hp.update({k: tuple(v) if isinstance(v, list) else v for k, v in kw.items()})
        super().__init__(params, dict(hp))
        self.rule, self.hp, self.t = rule, hp, 0
        env = dict(FUNCS, **hp)
        self.shared = {n: eval(e, env) for n, e in rule.shared}

    def _state(self, p):
        st = self.state[p]
        if not st:
            env = dict(FUNCS, **self.hp, p=p)
            for n, e in self.rule.states:
                if e == "zeros(rows)":
                    st[n] = torch.zeros(p.shape[0], 1) if p.dim() == 2 else None
                elif e == "zeros(cols)":
                    st[n] = torch.zeros(1, p.shape[1]) if p.dim() == 2 else None
                elif e == "p":
                    st[n] = p.detach().clone()
                elif e.startswith("scalar("):
                    st[n] = float(eval(e[7:-1], env))
                else:
                    st[n] = torch.full_like(p, float(eval(e, env)))
        return st

    @torch.no_grad()
    def step(self):
        self.t += 1
        lr = self.param_groups[0]["lr"]
        env = dict(FUNCS, **self.hp, **self.shared)
        lr0 = self.param_groups[0].get("initial_lr", lr)  # the lr given, before any schedule
        env.update(t=self.t, lr=lr, lr0=lr0)
        exec(self.rule.once, env)
        self.shared = {n: env[n] for n in self.shared}
        for p in self.param_groups[0]["params"]:
            st = self._state(p)
            env = dict(FUNCS, **self.hp, **self.shared, **st)
            env.update(p=p.detach().clone(), g=p.grad.detach().clone(), t=self.t, lr=lr,
                       lr0=lr0)
            exec(self.rule.body, env)
            p.copy_(env["p"])
            for n in st:
                st[n] = env[n]
            st["__eval"] = env.get("eval")

    def eval_point(self, p):
        e = self.state[p].get("__eval") if self.state[p] else None
        return p.detach().clone() if e is None else e


def main():
    cases = json.load(open(os.path.join(HERE, "cases.json")))
    rules = {}
    for case in cases:
        for g in case["groups"]:
            if g["kind"] in O.RULES and g["kind"] not in rules:
                rules[g["kind"]] = Rule(os.path.join(HERE, g["kind"] + ".rule"))
    O.RULES = {n: (lambda r: lambda params, **kw: RuleOptimizer(params, r, **kw))(r)
               for n, r in rules.items()}
    for case in cases:
        _, rows = O.trace(case)
        with open(os.path.join(HERE, case["name"] + ".csv")) as fh:
            gold = list(csv.reader(fh))[1:]
        assert len(rows) == len(gold), case["name"]
        diff, worst = 0, 0.0
        for r, e in zip(rows, gold):
            for x, y in zip(r[2:], e[2:]):
                y = float(y)
                diff += x != y
                worst = max(worst, abs(x - y) / max(1e-3, abs(y)))
        print("%-22s cells differing %3d  max relative difference %.3g" % (case["name"], diff, worst))


if __name__ == "__main__":
    main()
