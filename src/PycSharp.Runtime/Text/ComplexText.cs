namespace PycSharp.Runtime.Text;

/// <summary>complex(str) (Objects/complexobject.c complex_from_string_inner).</summary>
public static class ComplexText
{
    /// <summary>
    /// Accepts, inside optional parentheses and white space, &lt;float&gt;, &lt;float&gt;j,
    /// &lt;float&gt;&lt;signed-float&gt;j and the legacy &lt;float&gt;&lt;sign&gt;j, &lt;sign&gt;j and j;
    /// anything else is ValueError "complex() arg is a malformed string".
    /// </summary>
    public static (double Real, double Imag) Parse(string text)
    {
        string s = text.Replace("_", ""); // underscores are checked by the float parser on each part below
        if (text.Contains('_') && !UnderscoresBetweenDigits(text))
            throw Malformed();
        int i = 0, end = s.Length;
        while (i < end && char.IsWhiteSpace(s[i]))
            i++;
        bool bracket = false;
        if (i < end && s[i] == '(')
        {
            bracket = true;
            i++;
            while (i < end && char.IsWhiteSpace(s[i]))
                i++;
        }
        double x = 0, y = 0;
        int e = ScanFloat(s, i);
        if (e != i)
        {
            double z = Value(s, i, e);
            i = e;
            if (i < end && s[i] is '+' or '-')
            {
                x = z;
                int e2 = ScanFloat(s, i);
                if (e2 != i)
                {
                    y = Value(s, i, e2);
                    i = e2;
                }
                else
                {
                    y = s[i] == '+' ? 1.0 : -1.0;
                    i++;
                }
                if (!(i < end && s[i] is 'j' or 'J'))
                    throw Malformed();
                i++;
            }
            else if (i < end && s[i] is 'j' or 'J')
            {
                i++;
                y = z;
            }
            else
            {
                x = z;
            }
        }
        else
        {
            if (i < end && s[i] is '+' or '-')
            {
                y = s[i] == '+' ? 1.0 : -1.0;
                i++;
            }
            else
            {
                y = 1.0;
            }
            if (!(i < end && s[i] is 'j' or 'J'))
                throw Malformed();
            i++;
        }
        while (i < end && char.IsWhiteSpace(s[i]))
            i++;
        if (bracket)
        {
            if (!(i < end && s[i] == ')'))
                throw Malformed();
            i++;
            while (i < end && char.IsWhiteSpace(s[i]))
                i++;
        }
        if (i != end)
            throw Malformed();
        return (x, y);
    }

    private static PyTextException Malformed() => PyTextException.Value("complex() arg is a malformed string");

    private static bool UnderscoresBetweenDigits(string s)
    {
        for (int k = 0; k < s.Length; k++)
        {
            if (s[k] == '_' && (k == 0 || k == s.Length - 1 || !char.IsAsciiDigit(s[k - 1]) || !char.IsAsciiDigit(s[k + 1])))
                return false;
        }
        return true;
    }

    private static double Value(string s, int start, int end) =>
        FloatText.TryParse(s[start..end], out double v) ? v : throw Malformed();

    /// <summary>The end of the longest float literal at <paramref name="i"/> (PyOS_string_to_double's endptr), or i.</summary>
    private static int ScanFloat(string s, int i)
    {
        int j = i;
        if (j < s.Length && s[j] is '+' or '-')
            j++;
        foreach (var word in new[] { "infinity", "inf", "nan" })
        {
            if (string.Compare(s, j, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                return j + word.Length;
        }
        int digits = SkipDigits(s, ref j);
        if (j < s.Length && s[j] == '.')
        {
            j++;
            digits += SkipDigits(s, ref j);
        }
        if (digits == 0)
            return i;
        if (j < s.Length && s[j] is 'e' or 'E')
        {
            int k = j + 1;
            if (k < s.Length && s[k] is '+' or '-')
                k++;
            if (SkipDigits(s, ref k) > 0)
                j = k;
        }
        return j;
    }

    private static int SkipDigits(string s, ref int j)
    {
        int start = j;
        while (j < s.Length && char.IsAsciiDigit(s[j]))
            j++;
        return j - start;
    }
}
