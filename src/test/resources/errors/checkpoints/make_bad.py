"""Writes the bad checkpoint files the errors/checkpoint_*.opt cases resume from (stdlib only).

Run once from this directory: python3 make_bad.py. Each file is a small safetensors file for
objective f(x = 1, y = 2) and Adam, spoiled in one way; good.safetensors is not spoiled.

float32.safetensors and float64_tensor.safetensors (the dtype cases) are optlab's own, written
from this directory by running a script of these three lines:
    objective q(w[2] = [1, -2], b = 0.5) = sum(w * w) + b^2
    run Adam(lr = 0.1) on q for 3 steps dtype = float32 checkpoint "float32.safetensors"
    run Adam(lr = 0.1) on q for 3 steps checkpoint "float64_tensor.safetensors"
"""
import json
import struct


def safetensors(tensors, metadata, header_extra=None):
    """tensors: list of (name, shape, values); returns the file's bytes."""
    header = {"__metadata__": metadata}
    data = b""
    for name, shape, values in tensors:
        begin = len(data)
        data += struct.pack("<%dd" % len(values), *values)
        header[name] = {"dtype": "F64", "shape": shape, "data_offsets": [begin, len(data)]}
    if header_extra:
        header_extra(header)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


META = {
    "format": "optlab-checkpoint-1", "objective": "f", "parameters": "x,y",
    "optimizer": "Adam(lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=false, "
                 "maximize=false)",
    "optimizer_kind": "Adam", "schedule": "", "schedule_state": "", "step": "3",
    "lr": "0.1", "momentum": "0.9",
}
ADAM = [("param/x", [], [0.7]), ("param/y", [], [1.7]),
        ("state/x/exp_avg", [], [0.1]), ("state/x/exp_avg_sq", [], [0.01]),
        ("state/y/exp_avg", [], [0.2]), ("state/y/exp_avg_sq", [], [0.04])]


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


good = safetensors(ADAM, META)
write("good.safetensors", good)
write("truncated.safetensors", good[:-5])


def overlap(header):
    header["param/y"]["data_offsets"] = [0, 8]


write("lying_offsets.safetensors", safetensors(ADAM, META, overlap))
other = [("param/x", [], [0.7]), ("param/y", [2], [1.7, 1.8])] + ADAM[2:4] + [
    ("state/y/exp_avg", [2], [0.2, 0.3]), ("state/y/exp_avg_sq", [2], [0.04, 0.09])]
write("other_objective.safetensors", safetensors(other, META))
sgd = ADAM[:2] + [("state/x/momentum_buffer", [], [0.1]), ("state/y/momentum_buffer", [], [0.2])]
write("other_buffers.safetensors", safetensors(sgd, META))
write("sgd_state.safetensors", safetensors(sgd, dict(META, optimizer_kind="SGD")))
write("not_safetensors.safetensors", b"x,y\n0.7,1.7\n")
write("huge_header.safetensors", struct.pack("<Q", 3 << 30) + b'{"__metadata__":{}}')
