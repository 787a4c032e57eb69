// PycSharp.Runtime: the virtual machine that runs CPython 3.11-3.13 bytecode (object model, interpreter loop,
// frames, builtins, modules). Depends on PycSharp.Bytecode (opcode tables, decoded instructions) and
// PycSharp.Format (code objects); nothing here depends on the CLI.
[assembly: System.CLSCompliant(false)]
