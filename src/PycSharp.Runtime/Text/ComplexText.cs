namespace PycSharp.Runtime.Text;

/// <summary>complex(str) (Objects/complexobject.c complex_from_string_inner).</summary>
public static class ComplexText
{
    /// <summary>
    /// White space, an optional '(' with white space inside, then "x", "yj", "x+yj" or "x-yj" (y may be left
    /// out: "j", "-j", "1+j"), the parts being float literals (inf and nan too) with no white space in them.
    /// </summary>
    public static (double Real, double Imag) Parse(string s)
    {
        int i = 0, n = s.Length;
        while (i < n && PyStr.IsSpace(s[i]))
            i++;
        while (n > i && PyStr.IsSpace(s[n - 1]))
            n--;
        if (i < n && s[i] == '(')
        {
            if (s[n - 1] != ')')
                throw Malformed();
            i++;
            n--;
            while (i < n && PyStr.IsSpace(s[i]))
                i++;
            while (n > i && PyStr.IsSpace(s[n - 1]))
                n--;
        }
        var body = s[i..n];
        if (body.Length == 0 || body.Any(PyStr.IsSpace))
            throw Malformed();
        if (body[^1] is not ('j' or 'J'))
            return (Real(body), 0.0);
        var withoutJ = body[..^1];
        // The imaginary part starts at the last sign that is not the sign of an exponent.
        int split = -1;
        for (int k = withoutJ.Length - 1; k > 0; k--)
        {
            if (withoutJ[k] is '+' or '-' && withoutJ[k - 1] is not ('e' or 'E'))
            {
                split = k;
                break;
            }
        }
        if (split < 0)
            return (0.0, Imag(withoutJ));
        return (Real(withoutJ[..split]), Imag(withoutJ[split..]));
    }

    private static double Real(string text) =>
        text.Length > 0 && FloatText.TryParse(text, out double v) ? v : throw Malformed();

    /// <summary>The coefficient of j: empty or a bare sign means 1.</summary>
    private static double Imag(string text) => text switch
    {
        "" or "+" => 1.0,
        "-" => -1.0,
        _ => Real(text),
    };

    private static PyTextException Malformed() => PyTextException.Value("complex() arg is a malformed string");
}
