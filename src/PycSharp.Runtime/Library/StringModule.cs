using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>string (Lib/string.py): the character-class constants and capwords.</summary>
internal static class StringModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("string");
        const string lower = "abcdefghijklmnopqrstuvwxyz";
        const string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string digits = "0123456789";
        const string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        const string whitespace = " \t\n\r\v\f";
        m.Set("whitespace", PyStr.Of(whitespace));
        m.Set("ascii_lowercase", PyStr.Of(lower));
        m.Set("ascii_uppercase", PyStr.Of(upper));
        m.Set("ascii_letters", PyStr.Of(lower + upper));
        m.Set("digits", PyStr.Of(digits));
        m.Set("hexdigits", PyStr.Of(digits + "abcdef" + "ABCDEF"));
        m.Set("octdigits", PyStr.Of("01234567"));
        m.Set("punctuation", PyStr.Of(punctuation));
        m.Set("printable", PyStr.Of(digits + lower + upper + punctuation + whitespace));
        // Lib/string.py capwords: (sep or ' ').join(map(str.capitalize, s.split(sep))), through the str methods.
        BuiltinModules.Def(m, "capwords", (a, k) =>
        {
            var v = LibSupport.Bind("capwords", a, k, ["s", "sep"], 1);
            var sep = v[1] ?? PyNone.Instance;
            var words = Ops.ToArray(Ops.Call(Ops.GetAttr(v[0]!, "split"), sep));
            var capitalize = Ops.GetAttr(PyType.StrType, "capitalize");
            var joiner = Ops.IsTrue(sep) ? sep : PyStr.Of(" ");
            return Ops.Call(Ops.GetAttr(joiner, "join"), PyList.Of(words.Select(w => Ops.Call(capitalize, w)).ToArray()));
        });
        return m;
    }
}
