# versions: 3.11+
# input() reading lines from stdin (input_calculator.stdin): prompts go to stdout, each line is a
# command for a small RPN calculator with variables, and EOFError ends the session.

variables = {}
stack = []
line_no = 0


def apply(op):
    if len(stack) < 2:
        raise IndexError(f"'{op}' needs two operands, stack has {len(stack)}")
    b, a = stack.pop(), stack.pop()
    if op == "+":
        stack.append(a + b)
    elif op == "-":
        stack.append(a - b)
    elif op == "*":
        stack.append(a * b)
    elif op == "/":
        stack.append(a / b)
    elif op == "//":
        stack.append(a // b)
    elif op == "^":
        stack.append(a ** b)


name = input("Your name? ")
print(f"Hello, {name.strip()}!")
count = int(input("How many commands? "))
print("expecting", count, "commands")
while True:
    try:
        line = input(f"[{line_no}]> ")
    except EOFError:
        print()
        print("EOF reached after", line_no, "lines")
        break
    line_no += 1
    line = line.strip()
    if not line or line.startswith("#"):
        print("(skipped)")
        continue
    if line == "quit":
        print("quit requested")
        break
    for token in line.split():
        try:
            if token in ("+", "-", "*", "/", "//", "^"):
                apply(token)
            elif token.startswith("="):
                variables[token[1:]] = stack[-1]
            elif token.startswith("$"):
                stack.append(variables[token[1:]])
            elif token == "dup":
                stack.append(stack[-1])
            elif token == "clear":
                stack.clear()
            elif "." in token:
                stack.append(float(token))
            else:
                stack.append(int(token))
        except (ValueError, IndexError, KeyError, ZeroDivisionError) as e:
            print(f"error on {token!r}: {type(e).__name__}: {e}")
            break
    print("stack:", stack)
print("variables:", variables)
print("final:", stack[-1] if stack else None)
