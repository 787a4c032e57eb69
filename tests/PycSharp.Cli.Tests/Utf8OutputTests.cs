using System.Text;

namespace PycSharp.Cli.Tests;

public class Utf8OutputTests
{
    /// <summary>
    /// Text longer than the writer's buffer, written in odd-sized pieces, with a surrogate pair across every buffer
    /// boundary it crosses: the bytes are what UTF-8 says, and the reused writer starts clean on the next target.
    /// </summary>
    [Fact]
    public void Encodes_as_utf8_across_buffer_boundaries_and_starts_clean_on_reuse()
    {
        var text = new StringBuilder();
        var random = new Random(7);
        string[] pieces = ["a", "é", "\U0001F600", "€", "LOAD_CONST", "\n"];
        while (text.Length < 200_000)
            text.Append(pieces[random.Next(pieces.Length)]);
        // A pair that straddles the 32,768-char buffer boundary exactly.
        text.Insert((1 << 15) - 1, "\U0001F40D");
        string expected = text.ToString();

        var writer = Utf8Output.ForThisThread();
        for (int round = 0; round < 2; round++)
        {
            using var target = new MemoryStream();
            writer.Start(target);
            int i = 0;
            while (i < expected.Length)
            {
                int n = Math.Min(expected.Length - i, 1 + random.Next(5000));
                if (n == 1)
                    writer.Write(expected[i]);
                else if (n % 2 == 0)
                    writer.Write(expected.AsSpan(i, n));
                else
                    writer.Write(expected.Substring(i, n));
                i += n;
            }
            writer.Finish(closeTarget: false);
            Assert.Equal(new UTF8Encoding(false).GetBytes(expected), target.ToArray());
        }
        Assert.Same(writer, Utf8Output.ForThisThread());
    }
}
