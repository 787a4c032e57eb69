# versions: 3.11+
# A tiny stack-based virtual machine: an assembler from text (several instructions per line separated
# by /, labels, comments), instructions dispatched with match, jumps, calls/returns with a frame
# stack, and programs computing a factorial and the primes below 30.


class VMError(Exception):
    pass


def assemble(source):
    program, labels = [], {}
    for line in source.strip().splitlines():
        line = line.split(";")[0].strip()
        if line.endswith(":"):
            labels[line[:-1]] = len(program)
            continue
        for part in filter(None, (p.strip() for p in line.split("/"))):
            op, *args = part.split()
            program.append((op.upper(), *[int(a) if a.lstrip("-").isdigit() else a for a in args]))
    return [(ins[0], *[labels.get(a, a) if isinstance(a, str) else a for a in ins[1:]]) for ins in program]


def run(program, trace=False, limit=10000):
    stack, frames, env, pc, steps, out = [], [], {}, 0, 0, []
    while pc < len(program):
        steps += 1
        if steps > limit:
            raise VMError(f"step limit exceeded at pc={pc}")
        ins = program[pc]
        pc += 1
        if trace:
            print(f"  {pc - 1:>3} {' '.join(map(str, ins)):<14} {stack}")
        match ins:
            case ("PUSH", value):
                stack.append(value)
            case ("LOAD", name):
                stack.append(env[name])
            case ("STORE", name):
                env[name] = stack.pop()
            case ("ADD" | "SUB" | "MUL" | "MOD" | "LT" | "EQ") as op, :
                b, a = stack.pop(), stack.pop()
                stack.append({"ADD": a + b, "SUB": a - b, "MUL": a * b, "MOD": a % b if b else None,
                              "LT": int(a < b), "EQ": int(a == b)}[op])
                if stack[-1] is None:
                    raise VMError(f"modulo by zero at pc={pc - 1}")
            case ("DUP",):
                stack.append(stack[-1])
            case ("JMP", target):
                pc = target
            case ("JZ", target):
                if stack.pop() == 0:
                    pc = target
            case ("CALL", target):
                frames.append(pc)
                pc = target
            case ("RET",):
                pc = frames.pop()
            case ("PRINT",):
                out.append(stack.pop())
            case ("HALT",):
                break
            case _:
                raise VMError(f"unknown instruction {ins!r}")
    return out, steps, stack


FACTORIAL = """
    push 10 / store n / push 1 / store acc
loop:
    load n / jz done        ; stop when n == 0
    load acc / load n / mul / store acc
    load n / push 1 / sub / store n / jmp loop
done:
    load acc / print / halt
"""
PRIMES = """
    push 2 / store n
next:
    load n / push 30 / lt / jz end
    call isprime / jz skip
    load n / print
skip:
    load n / push 1 / add / store n / jmp next
isprime:                    ; leaves 1 on the stack if n is prime
    push 2 / store d
test:
    load d / load n / lt / jz yes
    load n / load d / mod / jz no
    load d / push 1 / add / store d / jmp test
yes:
    push 1 / ret
no:
    push 0 / ret
end:
    halt
"""
prog = assemble(FACTORIAL)
print(prog[:6], len(prog))
print(run(prog))
print(run(assemble(PRIMES))[:2])
print(run(assemble("push 6\npush 7\nmul\ndup\nprint\npush 2\nlt\nprint"), trace=True))
for bad in ["push 1\npush 0\nmod", "loop:\njmp loop", "frobnicate 3", "load missing"]:
    try:
        run(assemble(bad), limit=50)
    except VMError as e:
        print("VMError:", e)
    except KeyError as e:
        print("KeyError:", e)
