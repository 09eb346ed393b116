#!/usr/bin/python3
"""optlab checkpoints (safetensors) to and from torch.optim, with the standard library and torch.

A checkpoint written by `run ... checkpoint "FILE.safetensors"` holds `param/<name>` and
`state/<name>/<buffer>` tensors, float64 (F64) or, from a `dtype = float32` run, float32 (F32)
(PyTorch's buffer names: exp_avg, exp_avg_sq,
momentum_buffer, ...) and string metadata (step, lr, optimizer, schedule, ...); see
docs/language.md, "Checkpoints". Use it from Python:

    import optlab_checkpoint as ck
    params = {"x": torch.tensor(0., requires_grad=True), "y": torch.tensor(0., requires_grad=True)}
    opt = torch.optim.Adam(params.values(), lr=0.05)        # the same optimizer, params in order
    meta = ck.load_into("run.safetensors", params, opt)     # parameters, state, step, lr
    ... go on training ...
    ck.save_from("back.safetensors", params, opt, objective="rosenbrock")

and `run Adam(lr = 0.05) on rosenbrock resume "back.safetensors" for 100 more steps` goes on in
optlab. Only the optimizer's state travels: a schedule's position is optlab's own metadata, so a
file written here carries no schedule (resume it with an optimizer without one).

From the shell: optlab_checkpoint.py show FILE.safetensors   (prints metadata and tensors)
"""
import json
import struct
import sys

import torch

FORMAT = "optlab-checkpoint-1"


DTYPES = {"F64": ("d", 8, torch.float64), "F32": ("f", 4, torch.float32)}


def read(path):
    """(metadata, {name: tensor}) of a safetensors file (F64 and F32), strictly checked."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError("%s: not a safetensors file" % path)
    (n,) = struct.unpack("<Q", data[:8])
    if n > 16 << 20 or 8 + n > len(data):
        raise ValueError("%s: header length %d does not fit the file" % (path, n))
    header = json.loads(data[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        if e["dtype"] not in DTYPES or end > len(body) or begin > end:
            raise ValueError("%s: tensor %s is not F64 or F32 within the file" % (path, name))
        code, width, dtype = DTYPES[e["dtype"]]
        values = struct.unpack("<%d%s" % ((end - begin) // width, code), body[begin:end])
        tensors[name] = torch.tensor(values, dtype=dtype).reshape(e["shape"])
    return meta, tensors


def write(path, meta, tensors):
    """Writes {name: tensor} (float32 ones as F32, any other as float64) and string metadata as a
    safetensors file."""
    header = {"__metadata__": {k: str(v) for k, v in meta.items()}}
    chunks = []
    offset = 0
    for name, t in tensors.items():
        kind = "F32" if t.dtype == torch.float32 else "F64"
        code, _, dtype = DTYPES[kind]
        t = t.detach().to(dtype).contiguous().reshape(-1)
        raw = struct.pack("<%d%s" % (t.numel(), code), *t.tolist())
        header[name] = {"dtype": kind, "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    import os
    os.replace(tmp, path)  # whole or not at all, as optlab writes


# Optimizers whose torch 1.13 state keeps 'step' as an int rather than a tensor.
INT_STEP = {"RMSprop", "Adadelta", "Rprop"}


def load_into(path, params, optimizer):
    """Sets params (name -> leaf tensor, in the optimizer's order) and the optimizer's state and
    lr from an optlab checkpoint; returns its metadata."""
    meta, tensors = read(path)
    kind = meta.get("optimizer_kind", "")
    if kind and kind != type(optimizer).__name__:
        raise ValueError("%s holds %s's state, not %s's" % (path, kind, type(optimizer).__name__))
    step = int(meta.get("step", "0"))
    with torch.no_grad():
        for name, p in params.items():
            p.copy_(tensors["param/" + name])
    sd = optimizer.state_dict()
    state = {}
    for i, name in enumerate(params):
        s = {}
        prefix = "state/%s/" % name
        for key, t in tensors.items():
            if key.startswith(prefix):
                s[key[len(prefix):]] = t.clone()
        if type(optimizer).__name__ != "SGD":
            s["step"] = step if type(optimizer).__name__ in INT_STEP else torch.tensor(float(step))
        state[i] = s
    sd["state"] = state
    for g in sd["param_groups"]:
        if "lr" in meta:
            g["lr"] = float(meta["lr"])
    optimizer.load_state_dict(sd)
    return meta


def save_from(path, params, optimizer, objective="", step=None):
    """Writes params (name -> tensor) and the optimizer's state as a checkpoint optlab resumes;
    step is the updates made so far, read from the state unless given (SGD keeps no count)."""
    tensors = {}
    for name, p in params.items():
        tensors["param/" + name] = p
    steps = []
    for name, p in params.items():
        for key, v in optimizer.state.get(p, {}).items():
            if key == "step":
                steps.append(int(float(v)))
            elif torch.is_tensor(v):
                tensors["state/%s/%s" % (name, key)] = v
    if step is None:
        step = steps[0] if steps else 0
    group = optimizer.param_groups[0]
    meta = {"format": FORMAT, "objective": objective, "parameters": ",".join(params),
            "optimizer": type(optimizer).__name__ + " (written by PyTorch)",
            "optimizer_kind": type(optimizer).__name__, "schedule": "", "schedule_state": "",
            "step": str(step), "lr": repr(float(group["lr"])),
            "momentum": repr(float(group.get("momentum", group.get("betas", (0.0,))[0])))}
    if any(p.dtype == torch.float32 for p in params.values()):
        meta["dtype"] = "float32"  # resumed by a run with dtype = float32
    write(path, meta, tensors)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "show":
        m, ts = read(sys.argv[2])
        for k, v in m.items():
            print("%s: %s" % (k, v))
        for k, t in ts.items():
            print("%s %s %s" % (k, list(t.shape), t.reshape(-1)[:4].tolist()))
    else:
        print(__doc__)
