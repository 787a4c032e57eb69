# -*- coding: utf-8 -*-
"""Dump what one CPython interpreter knows about its opcodes, as JSON.

Usage (from the repository root):

    pythonX.Y tools/dump_opcodes.py [OUT_DIR]

It writes OUT_DIR/X.Y.json (default OUT_DIR: data/opcodes next to this tools/
directory). The script runs unchanged under CPython 2.7, 3.6 and later, and inside
pyodide (tools/pyodide/run_script.mjs). It reads only what the running interpreter
exposes: the `opcode` and `dis` modules, `stack_effect`, and the magic number. Every
value comes from that interpreter, either as data or by calling the interpreter's own
`dis` code on small synthetic inputs ("probes", see below). Nothing is typed in by hand.

Output layout
=============

One JSON object. Every file has the same top-level keys; a key is null when the
version lacks the thing. Object keys are sorted; where order matters the value is a
list. Indentation is one space; from depth 2 on everything is on one line, so each
opcode is one line. The file ends with a newline. Two runs give identical files.

  format            1 (the version of this layout)
  version           "X.Y"
  sys_version       sys.version
  hexversion        sys.hexversion
  implementation    sys.implementation.name (2.7: platform.python_implementation())
  platform          sys.platform ("emscripten" under pyodide)
  magic             {"number": N, "hex": "xxxxxxxx"}: the .pyc magic; number is the
                    little-endian uint16 of the first two bytes
  constants         {name: int or null} for CACHE (opmap["CACHE"]), EXTENDED_ARG,
                    HAVE_ARGUMENT, MIN_PSEUDO_OPCODE, MAX_PSEUDO_OPCODE,
                    MIN_INSTRUMENTED_OPCODE, ENABLE_SPECIALIZATION (all from `opcode`)
                    and dis._INT_BITS
  opname_length     len(opcode.opname); 256 up to 3.11, more from 3.12 (pseudo-ops
                    are appended to opname)
  opmap             opcode.opmap as is (pseudo-ops included, specialised ops not)
  sets              the names of the has* lists this version defines, in the order
                    hasarg hasconst hasname hasjrel hasjabs hasjump haslocal hasfree
                    hascompare hasexc hasnargs. An op's "sets" only uses these names;
                    a name missing here means "no such list", not "empty list".
  sets_outside      {set: [ints]}: members of a has* list that are neither a byte
                    nor a pseudo-op in opmap (normally {})
  ops               256 records, index = byte (see "Op records")
  pseudo_ops        records for opmap entries above 255, sorted by number, each with
                    "op" and "targets" (opcode._pseudo_ops, 3.12 only; else absent)
  cmp_op            opcode.cmp_op
  nb_ops            opcode._nb_ops as [[name, symbol], ...] (3.11+)
  intrinsic_1_descs, intrinsic_2_descs   opcode._intrinsic_*_descs (3.12+)
  common_constants  __name__ of each opcode._common_constants entry (3.14+)
  special_method_names   opcode._special_method_names (3.14+)
  format_value_converters  the names in dis.FORMAT_VALUE_CONVERTERS (3.8-3.12;
                    3.6/3.7 dis has them inline, see the FORMAT_VALUE argrepr table)
  make_function_flags    dis.MAKE_FUNCTION_FLAGS (3.8-3.12)
  compiler_flag_names    dis.COMPILER_FLAG_NAMES as [[flag, name], ...] (3.x; null in 2.7)
  function_attr_flags    dis.FUNCTION_ATTR_FLAGS (3.13+)
  cache_format      opcode._cache_format as {opname: [[field, units], ...]} (3.11+)
  inline_cache_entries   list of 256 counts by byte (3.11/3.12: the list itself;
                    3.13+: the dict looked up with opname[byte]) (3.11+)
  inline_cache_entries_other  {name: count} for dict entries whose name is not the
                    opname of a byte (3.13+)
  specializations   opcode._specializations {base: [specialised names]} (3.11+)
  specialized_opmap {name: byte}: where dis puts specialised ops: 3.11/3.12 the
                    extra entries of dis._all_opmap (dis fills empty opname slots),
                    3.13+ opcode._specialized_opmap (3.11+)
  dis_opcodes       names of the opcodes dis.py binds as module globals, i.e. the
                    ones it special-cases when it resolves arguments
  backward_jumps    names of the bytes for which dis._is_backward_jump is true (3.11+)
  stack_effect_available  whether stack_effect exists (3.4+; not in 2.7)
  stack_effect_jump       whether stack_effect accepts jump= (3.8+)
  argrepr_tables    distinct 256-entry lists from the argument probe (see below)

Op records
----------

  name      opcode.opname[byte] ("<N>" for an unknown byte)
  sets      list of set names the byte belongs to (omitted when empty)
  dis       how this interpreter's dis decodes the byte (probe; always present):
              arg      whether dis reads an oparg after it
              caches   inline CACHE code units dis skips after it (omitted if 0)
              name     dis's name for the byte when it is not opname[byte]
                       (3.11/3.12 dis fills empty slots with specialised ops)
              deopt    dis._deoptop(byte) when it is not the byte itself
              argrepr  index into argrepr_tables (only when arg is true)
  se        stack_effect(byte) for an op without oparg, or stack_effect(byte, n)
            for n = 0..255: a single int if every n gives the same value, else a
            list of 256 values with null where the call raised. Omitted when every
            call raised (unknown bytes) or the version has no stack_effect.
  se_jump, se_nojump   the same with jump=True / jump=False (3.8+), present only
            when different from se.
  se_high, se_jump_high, se_nojump_high   for a list-valued se / se_jump / se_nojump:
            the effects for the opargs of HIGH_OPARGS (256 and up), null where the
            call raised.

Pseudo-op records have the same fields except "dis" (dis never decodes them), plus
"op". Whether a pseudo-op takes an oparg is its "hasarg" membership.

The argument probe
------------------

For every byte that dis decodes with an oparg, the script asks dis to resolve that
byte with each oparg 0..255, the instruction at offset 0 followed by zero bytes for
the caches, against these synthetic tables: co_consts = ['k0', ..., 'k255'],
co_names = ['n0', ...], varnames (and 3.11+ varname_from_oparg) = ['v0', ...],
cells/free vars (2.7-3.10) = ['f0', ...]. Each entry is dis's argrepr string, or null
where dis raised (e.g. cmp_op[n] past the end). Jump targets show in argrepr as dis
shows them ("to 12"); 3.13+ dis prints labels, and the probe labels every target
offset N as "L<N>", so "to L12" means offset 12. 2.7 dis only prints, so there the
probe runs dis.disassemble on a code object and cuts the "(...)" part from its output.
Identical lists are stored once in argrepr_tables.

The probe for "dis.arg"/"dis.caches" runs dis._unpack_opargs (3.6+) or
dis.disassemble (2.7) on the byte followed by zero bytes.
"""

from __future__ import print_function

import json
import os
import sys

import dis
import opcode

FORMAT = 1
SET_NAMES = ("hasarg", "hasconst", "hasname", "hasjrel", "hasjabs", "hasjump",
             "haslocal", "hasfree", "hascompare", "hasexc", "hasnargs")
PROBE_CONSTS = ["k%d" % i for i in range(256)]
PROBE_NAMES = ["n%d" % i for i in range(256)]
PROBE_VARNAMES = ["v%d" % i for i in range(256)]
PROBE_CELLS = ["f%d" % i for i in range(256)]
PY2 = sys.version_info[0] == 2


def to_bytes(values):
    return bytes(bytearray(values))


def magic_number():
    if PY2:
        import imp
        raw = imp.get_magic()
    else:
        import importlib.util
        raw = importlib.util.MAGIC_NUMBER
    raw = bytearray(raw)
    return {"number": raw[0] | (raw[1] << 8),
            "hex": "".join("%02x" % b for b in raw)}


def implementation():
    impl = getattr(sys, "implementation", None)  # 3.3+
    if impl is not None:
        return impl.name
    import platform
    return platform.python_implementation().lower()


def opt(module, name):
    return getattr(module, name, None)


# ---------------------------------------------------------------- decoding probes

def decode_probe_3(byte):
    """(arg?, caches) as dis._unpack_opargs (3.6+) decodes the byte."""
    code = to_bytes([byte, 7] + [0] * 128)
    items = list(dis._unpack_opargs(code))
    first, second = items[0], items[1]
    has_arg = first[-1] is not None
    caches = (second[0] - 2) // 2
    return has_arg, caches


class _Capture(object):
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return "".join(self.parts)


def disassemble_2(code_bytes):
    """Run 2.7 dis.disassemble on a code object with the probe tables; return lines."""
    import types
    co = types.CodeType(0, len(PROBE_VARNAMES), 0, 0, code_bytes,
                        tuple(PROBE_CONSTS), tuple(PROBE_NAMES),
                        tuple(PROBE_VARNAMES), "<probe>", "<probe>", 1, "",
                        tuple(PROBE_CELLS), ())
    saved = sys.stdout
    cap = _Capture()
    sys.stdout = cap
    try:
        dis.disassemble(co)
    finally:
        sys.stdout = saved
    return cap.text().splitlines()


def parse_line_2(line):
    """Split one 2.7 dis line into (offset, rest after the opname).

    The line is [lineno] [-->] [>>] offset opname [oparg [(argrepr)]].
    """
    tokens = line.split()
    pos = 0
    while tokens[pos].isdigit() or tokens[pos] in ("-->", ">>"):
        pos += 1
    offset = int(tokens[pos - 1])
    name = tokens[pos]
    start = line.index(" " + name) + len(name) + 1
    return offset, line[start:].strip()


def decode_probe_2(byte):
    nop = opcode.opmap["NOP"]
    lines = disassemble_2(to_bytes([byte, 7, 0] + [nop] * 4))
    second, _ = parse_line_2(lines[1])
    return second == 3, 0


def argrepr_probe_2(byte, oparg):
    nop = opcode.opmap["NOP"]
    lines = disassemble_2(to_bytes([byte, oparg, 0, nop]))
    _, rest = parse_line_2(lines[0])
    parts = rest.split(None, 1)
    if len(parts) < 2:
        return ""
    paren = parts[1]
    if not (paren.startswith("(") and paren.endswith(")")):
        raise ValueError("unexpected dis output: %r" % (lines[0],))
    return paren[1:-1]


class _OffsetLabels(dict):
    """labels_map for 3.13+ dis.ArgResolver: every offset is its own label."""

    def get(self, key, default=None):
        return key


def make_argrepr_probe():
    if PY2:
        return argrepr_probe_2
    if hasattr(dis, "ArgResolver"):  # 3.13+
        resolver = dis.ArgResolver(co_consts=PROBE_CONSTS, names=PROBE_NAMES,
                                   varname_from_oparg=PROBE_VARNAMES.__getitem__,
                                   labels_map=_OffsetLabels({0: 0}))

        def probe(byte, oparg):
            return resolver.get_argval_argrepr(byte, oparg, 0)[1]
        return probe

    get_instructions = dis._get_instructions_bytes
    params = get_instructions.__code__.co_varnames
    if "varname_from_oparg" in params:  # 3.11, 3.12
        args = (PROBE_VARNAMES.__getitem__, PROBE_NAMES, PROBE_CONSTS)
    else:  # 3.6 - 3.10: (code, varnames, names, constants, cells)
        args = (PROBE_VARNAMES, PROBE_NAMES, PROBE_CONSTS, PROBE_CELLS)

    def probe(byte, oparg):
        code = to_bytes([byte, oparg] + [0] * 64)
        for instr in get_instructions(code, *args):
            return instr.argrepr
    return probe


# ---------------------------------------------------------------- stack effects

def compress(values):
    """null if every value is null, one int if all equal, else the list."""
    if all(v is None for v in values):
        return None
    if all(v == values[0] for v in values) and values[0] is not None:
        return values[0]
    return values


# Opargs above 255 whose stack effects are dumped as "se_high" (and "se_jump_high",
# "se_nojump_high") for ops whose effect depends on the oparg.
HIGH_OPARGS = [256, 257, 300, 511, 512, 1000, 65536, 65793, 16777216]


def make_stack_effects():
    se = opt(opcode, "stack_effect") or opt(dis, "stack_effect")
    if se is None:
        return None, False
    try:
        se(opcode.opmap["POP_TOP"], jump=True)
        has_jump = True
    except TypeError:
        has_jump = False
    hasarg = opt(opcode, "hasarg")

    def call(op, oparg, kw):
        try:
            if oparg is None:
                return se(op, **kw)
            return se(op, oparg, **kw)
        except Exception:
            return None

    def one(op, kw):
        if hasarg is not None:
            takes_arg = op in hasarg
        else:
            takes_arg = op >= opcode.HAVE_ARGUMENT
        without = [call(op, None, kw)]
        with_arg = [call(op, n, kw) for n in range(256)]
        order = (with_arg, without) if takes_arg else (without, with_arg)
        for values in order:
            value = compress(values)
            if value is not None:
                return value
        return None

    def high(op, kw):
        # Opargs past one byte: their effect is not always a continuation of 0..255
        # (UNPACK_EX counts the low byte and the high byte apart).
        return [call(op, n, kw) for n in HIGH_OPARGS]

    def effects(op):
        out = {}
        plain = one(op, {})
        if plain is not None:
            out["se"] = plain
            if isinstance(plain, list):
                out["se_high"] = high(op, {})
        if has_jump:
            for key, flag in (("se_jump", True), ("se_nojump", False)):
                value = one(op, {"jump": flag})
                if value != plain:
                    out[key] = value
                    if isinstance(value, list):
                        out[key + "_high"] = high(op, {"jump": flag})
        return out
    return effects, has_jump


# ---------------------------------------------------------------- the dump

def set_table():
    sets = []
    members = {}
    for name in SET_NAMES:
        value = opt(opcode, name)
        if value is None:
            value = opt(dis, name)
        if value is not None:
            sets.append(name)
            members[name] = set(value)
    return sets, members


def memberships(op, sets, members):
    return [name for name in sets if op in members[name]]


def cache_entries_by_byte():
    table = opt(opcode, "_inline_cache_entries")
    if table is None:
        return None, None
    if isinstance(table, dict):  # 3.13+: keyed by name
        by_byte = [table.get(opcode.opname[b], 0) for b in range(256)]
        names = set(opcode.opname[:256])
        other = dict((k, v) for k, v in table.items() if k not in names)
        return by_byte, other
    return list(table[:256]), None


def specialized_opmap():
    if hasattr(opcode, "_specialized_opmap"):
        return dict(opcode._specialized_opmap)
    if hasattr(dis, "_all_opmap") and hasattr(opcode, "_specializations"):
        return dict((k, v) for k, v in dis._all_opmap.items()
                    if k not in opcode.opmap)
    return None


def dis_opcodes():
    names = []
    for key, value in vars(dis).items():
        if key in opcode.opmap and value == opcode.opmap[key] \
                and getattr(opcode, key, None) != value:
            names.append(key)
    return sorted(names)


def dump():
    opname = opcode.opname
    opmap = opcode.opmap
    sets, members = set_table()
    effects, has_jump = make_stack_effects()
    if PY2:
        decode = decode_probe_2
    else:
        decode = decode_probe_3
    argrepr = make_argrepr_probe()
    all_opname = opt(dis, "_all_opname")
    deoptop = opt(dis, "_deoptop")

    tables = []
    table_index = {}
    ops = []
    for byte in range(256):
        rec = {"name": opname[byte]}
        ms = memberships(byte, sets, members)
        if ms:
            rec["sets"] = ms
        has_arg, caches = decode(byte)
        d = {"arg": has_arg}
        if caches:
            d["caches"] = caches
        if all_opname is not None and all_opname[byte] != opname[byte]:
            d["name"] = all_opname[byte]
        if deoptop is not None and deoptop(byte) != byte:
            d["deopt"] = deoptop(byte)
        if has_arg:
            values = []
            for n in range(256):
                try:
                    values.append(argrepr(byte, n))
                except Exception:
                    values.append(None)
            key = tuple(values)
            if key not in table_index:
                table_index[key] = len(tables)
                tables.append(values)
            d["argrepr"] = table_index[key]
        rec["dis"] = d
        if effects is not None:
            rec.update(effects(byte))
        ops.append(rec)

    pseudo = []
    pseudo_targets = opt(opcode, "_pseudo_ops")
    for name, op in sorted(opmap.items(), key=lambda item: item[1]):
        if op < 256:
            continue
        rec = {"op": op, "name": name}
        ms = memberships(op, sets, members)
        if ms:
            rec["sets"] = ms
        if pseudo_targets is not None and name in pseudo_targets:
            rec["targets"] = list(pseudo_targets[name])
        if effects is not None:
            rec.update(effects(op))
        pseudo.append(rec)

    known = set(range(256)) | set(v for v in opmap.values())
    outside = {}
    for name in sets:
        extra = sorted(m for m in members[name] if m not in known)
        if extra:
            outside[name] = extra

    by_byte, other = cache_entries_by_byte()
    cache_format = opt(opcode, "_cache_format")
    if cache_format is not None:
        cache_format = dict((k, [[f, n] for f, n in v.items()])
                            for k, v in cache_format.items())
    nb_ops = opt(opcode, "_nb_ops")
    if nb_ops is not None:
        nb_ops = [list(pair) for pair in nb_ops]
    common = opt(opcode, "_common_constants")
    if common is not None:
        common = [obj.__name__ for obj in common]
    converters = opt(dis, "FORMAT_VALUE_CONVERTERS")
    if converters is not None:
        converters = [pair[1] for pair in converters]
    specializations = opt(opcode, "_specializations")
    if specializations is not None:
        specializations = dict((k, list(v)) for k, v in specializations.items())
    backward = None
    if hasattr(dis, "_is_backward_jump"):
        backward = [opname[b] for b in range(256) if dis._is_backward_jump(b)]

    def listed(module, name):
        value = opt(module, name)
        return None if value is None else list(value)

    constants = {}
    for name in ("EXTENDED_ARG", "HAVE_ARGUMENT", "MIN_PSEUDO_OPCODE",
                 "MAX_PSEUDO_OPCODE", "MIN_INSTRUMENTED_OPCODE",
                 "ENABLE_SPECIALIZATION"):
        value = opt(opcode, name)
        constants[name] = None if value is None else int(value)
    constants["CACHE"] = opmap.get("CACHE")
    constants["_INT_BITS"] = opt(dis, "_INT_BITS")

    return {
        "format": FORMAT,
        "version": "%d.%d" % sys.version_info[:2],
        "sys_version": sys.version,
        "hexversion": sys.hexversion,
        "implementation": implementation(),
        "platform": sys.platform,
        "magic": magic_number(),
        "constants": constants,
        "opname_length": len(opname),
        "opmap": dict(opmap),
        "sets": sets,
        "sets_outside": outside,
        "ops": ops,
        "pseudo_ops": pseudo,
        "cmp_op": list(opcode.cmp_op),
        "nb_ops": nb_ops,
        "intrinsic_1_descs": listed(opcode, "_intrinsic_1_descs"),
        "intrinsic_2_descs": listed(opcode, "_intrinsic_2_descs"),
        "common_constants": common,
        "special_method_names": listed(opcode, "_special_method_names"),
        "format_value_converters": converters,
        "make_function_flags": listed(dis, "MAKE_FUNCTION_FLAGS"),
        "compiler_flag_names": compiler_flag_names(),
        "function_attr_flags": listed(dis, "FUNCTION_ATTR_FLAGS"),
        "cache_format": cache_format,
        "inline_cache_entries": by_byte,
        "inline_cache_entries_other": other,
        "specializations": specializations,
        "specialized_opmap": specialized_opmap(),
        "dis_opcodes": dis_opcodes(),
        "backward_jumps": backward,
        "stack_effect_available": effects is not None,
        "stack_effect_jump": has_jump,
        "argrepr_tables": tables,
    }


def compiler_flag_names():
    """dis.COMPILER_FLAG_NAMES (3.x) as [[flag, name], ...] sorted by flag: what show_code prints for co_flags."""
    names = opt(dis, "COMPILER_FLAG_NAMES")
    if names is None:
        return None
    return [[int(flag), str(name)] for flag, name in sorted(names.items())]


# ---------------------------------------------------------------- JSON writer

def inline(value):
    return json.dumps(value, sort_keys=True, separators=(", ", ": "))


def render(value, depth=0):
    """Objects and lists of containers break lines at depth 0 and 1 only."""
    pad = " " * (depth + 1)
    if isinstance(value, dict) and value and depth < 2:
        items = [pad + inline(k) + ": " + render(value[k], depth + 1)
                 for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list) and value and depth < 2 and \
            any(isinstance(v, (dict, list)) for v in value):
        items = [pad + render(v, depth + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"
    return inline(value)


def main(argv):
    if len(argv) > 1:
        out_dir = argv[1]
    else:
        here = os.path.dirname(os.path.abspath(__file__))
        out_dir = os.path.normpath(os.path.join(here, os.pardir, "data", "opcodes"))
    data = dump()
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    path = os.path.join(out_dir, data["version"] + ".json")
    text = render(data) + "\n"
    with open(path, "wb") as f:
        f.write(text.encode("ascii"))
    print("wrote %s (%d bytes)" % (path, len(text)))
    return 0


if __name__ == "__main__":
    status = main(sys.argv)
    if status:  # pyodide's runner treats any SystemExit as an error
        sys.exit(status)
