#!/usr/bin/python3
"""Writes the PyTorch 1.13 values and gradients that dev.optlab.diff's golden test compares
bit for bit. Usage (from this directory): /usr/bin/python3 torch_golden.py > torch_golden.txt

Reads torch_cases.txt (`case` lines must match bit for bit; `approx` lines use exp, log, sin,
cos, tan or a general pow, where Java's Math and glibc may differ in the last bit). Each expression is evaluated the way optlab defines it: variables are
0-dim float64 tensors with requires_grad, every other number is a Python float; `^` is `**`;
built-ins are torch ops (on a constant they give a Python float, as optlab folds them); min/max
are torch.minimum/maximum; a def is a Python function (each argument computed once). Then
loss.backward(). Output, one line per case and point:
    NAME INDEX VALUE_BITS GRAD_BITS...   (16 hex digits each; `none` for a grad PyTorch leaves None)
"""
import math, struct, sys
import torch

torch.set_default_dtype(torch.float64)
F = torch.nn.functional


def bits(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]


def unary(fn):
    def f(a):
        if isinstance(a, torch.Tensor):
            return fn(a)
        return float(fn(torch.tensor(float(a))))
    return f


def binary(fn):
    def f(a, b):
        if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
            t = lambda v: v if isinstance(v, torch.Tensor) else torch.tensor(float(v))
            return fn(t(a), t(b))
        return float(fn(torch.tensor(float(a)), torch.tensor(float(b))))
    return f


NS = {n: unary(getattr(torch, n)) for n in
      ["sqrt", "exp", "log", "abs", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "sign",
       "floor", "ceil"]}
NS["softplus"] = unary(F.softplus)
NS["min"] = binary(torch.minimum)
NS["max"] = binary(torch.maximum)
NS["pi"] = math.pi
NS["e"] = math.e


def py(expr):
    return expr.replace("^", "**")


def main():
    out = sys.stdout
    for line in open("torch_cases.txt"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("let "):
            name, value = line[4:].split("=", 1)
            NS[name.strip()] = float(eval(py(value), dict(NS)))
            continue
        if line.startswith("def "):
            head, body = line[4:].split("=", 1)
            exec("def %s: return %s" % (head.strip(), py(body.strip())), NS)
            continue
        kind, rest = line.split(" ", 1)
        assert kind in ("case", "approx"), line
        name, variables, expr, points = [s.strip() for s in rest.split("|")]
        variables = [v.strip() for v in variables.split(",")]
        for i, point in enumerate(points.split(";")):
            values = [float(v) for v in point.split(",")]
            params = [torch.tensor(v, requires_grad=True) for v in values]
            loss = eval(py(expr), dict(NS), dict(zip(variables, params)))
            if isinstance(loss, torch.Tensor) and loss.requires_grad:
                loss.backward()
            grads = ["none" if p.grad is None else bits(p.grad) for p in params]
            out.write("%s %d %s %s\n" % (name, i, bits(loss), " ".join(grads)))


if __name__ == "__main__":
    main()
