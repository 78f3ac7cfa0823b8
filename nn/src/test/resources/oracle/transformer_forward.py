"""Oracle: the jetbridge nn test transformer rebuilt from PyTorch's own modules.

Reads weights + inputs from an NPZ written by TorchOracleTest, runs the forward pass with
torch.nn.TransformerEncoderLayer (norm_first, GELU, no dropout), a final LayerNorm, a class token and a GELU MLP head,
and writes the outputs to a second NPZ. Our weights are stored [in, out]; torch wants [out, in].
"""
import sys

import numpy as np
import torch

torch.set_num_threads(1)
p = np.load(sys.argv[1])
dim, heads, layers, hidden, features = (int(v) for v in p["config"])
head_widths = [int(v) for v in p["head_widths"]]


params = {}  # our parameter name -> (torch parameter, stored transposed?)


def t(name, transpose=False):
    a = p[name]
    return torch.from_numpy(np.ascontiguousarray(a.T if transpose else a))


def linear(prefix, n_in, n_out):
    lin = torch.nn.Linear(n_in, n_out)
    with torch.no_grad():
        lin.weight.copy_(t(prefix + ".weight", True))
        lin.bias.copy_(t(prefix + ".bias"))
    params[prefix + ".weight"] = (lin.weight, True)
    params[prefix + ".bias"] = (lin.bias, False)
    return lin


def norm(prefix, width):
    ln = torch.nn.LayerNorm(width, eps=1e-5)
    with torch.no_grad():
        ln.weight.copy_(t(prefix + ".weight"))
        ln.bias.copy_(t(prefix + ".bias"))
    params[prefix + ".weight"] = (ln.weight, False)
    params[prefix + ".bias"] = (ln.bias, False)
    return ln


embed = linear("embed", features, dim)
blocks = []
for i in range(layers):
    pre = "enc.layers.%d" % i
    layer = torch.nn.TransformerEncoderLayer(dim, heads, dim_feedforward=hidden, dropout=0.0, activation="gelu",
                                             batch_first=True, norm_first=True, layer_norm_eps=1e-5)
    with torch.no_grad():
        layer.self_attn.in_proj_weight.copy_(t(pre + ".attn.qkv.weight", True))
        layer.self_attn.in_proj_bias.copy_(t(pre + ".attn.qkv.bias"))
        layer.self_attn.out_proj.weight.copy_(t(pre + ".attn.out.weight", True))
        layer.self_attn.out_proj.bias.copy_(t(pre + ".attn.out.bias"))
    params[pre + ".attn.qkv.weight"] = (layer.self_attn.in_proj_weight, True)
    params[pre + ".attn.qkv.bias"] = (layer.self_attn.in_proj_bias, False)
    params[pre + ".attn.out.weight"] = (layer.self_attn.out_proj.weight, True)
    params[pre + ".attn.out.bias"] = (layer.self_attn.out_proj.bias, False)
    layer.linear1 = linear(pre + ".mlp.up", dim, hidden)
    layer.linear2 = linear(pre + ".mlp.down", hidden, dim)
    layer.norm1 = norm(pre + ".norm1", dim)
    layer.norm2 = norm(pre + ".norm2", dim)
    layer.train()  # training mode disables the nested-tensor fast path (dropout is 0 anyway)
    blocks.append(layer)
final_norm = norm("enc.norm", dim)
head = [linear("head.%d" % i, head_widths[i], head_widths[i + 1]) for i in range(len(head_widths) - 1)]

x = t("x")
mask = t("mask")
cls_token = torch.nn.Parameter(t("cls"))
params["cls"] = (cls_token, False)
with torch.enable_grad():
    h = embed(x)
    cls = cls_token.expand(x.shape[0], 1, dim)
    h = torch.cat([cls, h], dim=1)
    pad = torch.cat([torch.zeros(x.shape[0], 1, dtype=torch.bool), mask == 0], dim=1)
    for layer in blocks:
        h = layer(h, src_key_padding_mask=pad)
    h = final_norm(h)
    out = {"tokens": h.detach().numpy()}
    z = h[:, 0, :]
    for i, lin in enumerate(head):
        z = lin(z)
        out["head.%d" % i] = z.detach().numpy()
        if i + 1 < len(head):
            z = torch.nn.functional.gelu(z)
    # Gradient oracle: loss = sum(output * loss_weights), gradients in our [in, out] layout.
    (z * t("loss_weights")).sum().backward()
    for name, (param, transposed) in params.items():
        g = param.grad.detach().numpy()
        out["grad/" + name] = np.ascontiguousarray(g.T if transposed else g)
np.savez(sys.argv[2], **out)
