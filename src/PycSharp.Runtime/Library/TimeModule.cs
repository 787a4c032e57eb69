using System.Diagnostics;
using System.Numerics;
using System.Text;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// The time module (Modules/timemodule.c): clocks, sleep, and struct_time conversion and formatting in the C
/// locale. Clocks come from .NET (wall clock, Stopwatch, process CPU time) with CPython's result types.
/// </summary>
internal static class TimeModule
{
    private static readonly string[] s_days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] s_months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("time");
        var structTime = new StructSequence("time", "struct_time",
            ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"], 9);
        m.Set("struct_time", structTime.Type);
        Def(m, "time", (a, k) => Clock("time", a, k, new PyFloat(UnixNanoseconds() / 1e9)));
        Def(m, "time_ns", (a, k) => Clock("time_ns", a, k, PyInt.Of(UnixNanoseconds())));
        Def(m, "perf_counter", (a, k) => Clock("perf_counter", a, k, new PyFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency)));
        Def(m, "perf_counter_ns", (a, k) => Clock("perf_counter_ns", a, k, PyInt.Of(MonotonicNanoseconds())));
        Def(m, "monotonic", (a, k) => Clock("monotonic", a, k, new PyFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency)));
        Def(m, "monotonic_ns", (a, k) => Clock("monotonic_ns", a, k, PyInt.Of(MonotonicNanoseconds())));
        Def(m, "process_time", (a, k) => Clock("process_time", a, k, new PyFloat(ProcessNanoseconds() / 1e9)));
        Def(m, "process_time_ns", (a, k) => Clock("process_time_ns", a, k, PyInt.Of(ProcessNanoseconds())));
        Def(m, "thread_time", (a, k) => Clock("thread_time", a, k, new PyFloat(ProcessNanoseconds() / 1e9)));
        Def(m, "sleep", (a, k) =>
        {
            Args.Exactly("time.sleep", a, k, 1);
            double secs = a[0] is PyInt or PyFloat ? MathModule.AsDouble(a[0]) : throw Err.Type($"'{a[0].Type.Name}' object cannot be interpreted as an integer");
            if (double.IsNaN(secs))
                throw Err.Value("Invalid value NaN (not a number)");
            if (secs < 0)
                throw Err.Value("sleep length must be non-negative");
            if (secs > 0)
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(secs, int.MaxValue / 1000.0)));
            return PyNone.Instance;
        });
        Def(m, "gmtime", (a, k) => StructTime(structTime, Broken(Seconds("gmtime", a, k), utc: true)));
        Def(m, "localtime", (a, k) => StructTime(structTime, Broken(Seconds("localtime", a, k), utc: false)));
        Def(m, "mktime", (a, k) =>
        {
            Args.Exactly("time.mktime", a, k, 1);
            var t = Fields(a[0], "mktime");
            var local = new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(t.Month - 1).AddDays(t.Day - 1)
                .AddHours(t.Hour).AddMinutes(t.Minute).AddSeconds(t.Second);
            var offset = TimeZoneInfo.Local.GetUtcOffset(local);
            return new PyFloat((new DateTimeOffset(local, offset).ToUnixTimeSeconds()));
        });
        Def(m, "strftime", (a, k) =>
        {
            Args.NoKeywords("time.strftime", k);
            Args.Range("strftime", a, k, 1, 2);
            var format = a[0] as PyStr ?? throw Err.Type($"strftime() argument 1 must be str, not {a[0].Type.Name}");
            var t = a.Length > 1 ? Fields(a[1], "strftime") : Broken(UnixNanoseconds() / 1_000_000_000, utc: false);
            return PyStr.Of(Strftime(format.Value, t));
        });
        Def(m, "asctime", (a, k) =>
        {
            Args.NoKeywords("time.asctime", k);
            Args.Range("asctime", a, k, 0, 1);
            var t = a.Length > 0 ? Fields(a[0], "asctime") : Broken(UnixNanoseconds() / 1_000_000_000, utc: false);
            return PyStr.Of(AscTime(t));
        });
        Def(m, "ctime", (a, k) => PyStr.Of(AscTime(Broken(Seconds("ctime", a, k), utc: false))));
        var offset = TimeZoneInfo.Local.BaseUtcOffset;
        m.Set("timezone", PyInt.Of(-(long)offset.TotalSeconds));
        m.Set("altzone", PyInt.Of(-(long)offset.TotalSeconds - (TimeZoneInfo.Local.SupportsDaylightSavingTime ? 3600 : 0)));
        m.Set("daylight", PyInt.Of(TimeZoneInfo.Local.SupportsDaylightSavingTime ? 1 : 0));
        m.Set("tzname", PyTuple.Of(PyStr.Of(ZoneName(false)), PyStr.Of(ZoneName(true))));
        return m;
    }

    private static void Def(PyModule m, string name, NativeFunction body) => BuiltinModules.Def(m, name, body);

    private static PyObject Clock(string name, ReadOnlySpan<PyObject> a, PyTuple? k, PyObject value)
    {
        Args.Exactly("time." + name, a, k, 0);
        return value;
    }

    private static long UnixNanoseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    private static long MonotonicNanoseconds() => (long)((BigInteger)Stopwatch.GetTimestamp() * 1_000_000_000 / Stopwatch.Frequency);

    private static long ProcessNanoseconds() => Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;

    private static string ZoneName(bool daylight)
    {
        var tz = TimeZoneInfo.Local;
        if (tz.Id is "UTC" or "Etc/UTC" or "Universal" || tz.BaseUtcOffset == TimeSpan.Zero && !tz.SupportsDaylightSavingTime)
            return "UTC";
        return daylight ? tz.DaylightName : tz.StandardName;
    }

    /// <summary>The seconds argument of gmtime/localtime/ctime: None or absent is now; floats are floored.</summary>
    private static long Seconds(string name, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        Args.NoKeywords("time." + name, k);
        Args.Range(name, a, k, 0, 1);
        if (a.Length == 0 || a[0] is PyNone)
            return UnixNanoseconds() / 1_000_000_000;
        if (a[0] is PyFloat f)
        {
            if (double.IsNaN(f.Value))
                throw Err.Value("Invalid value NaN (not a number)");
            double fl = Math.Floor(f.Value);
            if (fl is < -9.2e18 or > 9.2e18)
                throw Err.Overflow("timestamp out of range for platform time_t");
            return (long)fl;
        }
        var i = Ops.Index(a[0]).Value;
        if (i < long.MinValue || i > long.MaxValue)
            throw Err.Overflow("timestamp out of range for platform time_t");
        return (long)i;
    }

    private readonly record struct Tm(int Year, int Month, int Day, int Hour, int Minute, int Second, int WeekDay, int YearDay, int IsDst, string Zone, long GmtOff);

    private static Tm Broken(long seconds, bool utc)
    {
        DateTimeOffset when;
        try
        {
            when = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Err.Overflow("timestamp out of range for platform time_t");
        }
        bool dst = false;
        if (!utc)
        {
            var tz = TimeZoneInfo.Local;
            when = TimeZoneInfo.ConvertTime(when, tz);
            dst = tz.IsDaylightSavingTime(when);
        }
        var d = when.DateTime;
        return new Tm(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, ((int)d.DayOfWeek + 6) % 7, d.DayOfYear,
            utc ? 0 : dst ? 1 : 0, utc ? "GMT" : ZoneName(dst), (long)when.Offset.TotalSeconds);
    }

    private static PyTuple StructTime(StructSequence type, Tm t) => type.Make(
        PyInt.Of(t.Year), PyInt.Of(t.Month), PyInt.Of(t.Day), PyInt.Of(t.Hour), PyInt.Of(t.Minute), PyInt.Of(t.Second),
        PyInt.Of(t.WeekDay), PyInt.Of(t.YearDay), PyInt.Of(t.IsDst), PyStr.Of(t.Zone), PyInt.Of(t.GmtOff));

    private static readonly (int Index, int Max, string What)[] s_limits =
        [(1, 12, "month"), (2, 31, "day of month"), (3, 23, "hour"), (4, 59, "minute"), (5, 61, "seconds"), (7, 366, "day of year")];

    /// <summary>gettmarg: a struct_time or a 9-tuple, with checkargs' range checks.</summary>
    private static Tm Fields(PyObject o, string func)
    {
        if (o is not PyTuple tuple)
            throw Err.Type("Tuple or struct_time argument required");
        if (tuple.Count != 9)
            throw Err.Type($"{func}(): illegal time tuple argument");
        var v = new int[9];
        for (int i = 0; i < 9; i++)
            v[i] = Ops.IndexInt(tuple[i]);
        foreach (var (index, max, what) in s_limits)
        {
            if (v[index] < 0 || v[index] > max)
                throw Err.Value(what + " out of range");
        }
        // Modules/timemodule.c checkargs: zero month/day/yday are accepted and mean the first; wday wraps.
        // glibc names the zone of gmtime() "GMT".
        string zone = o.Dict?.GetStr("tm_zone") is PyStr z ? z.Value : "UTC";
        long gmtoff = o.Dict?.GetStr("tm_gmtoff") is PyInt g ? (long)g.Value : 0;
        return new Tm(v[0], Math.Max(v[1], 1), Math.Max(v[2], 1), v[3], v[4], v[5], ((v[6] % 7) + 7) % 7, Math.Max(v[7], 1), v[8], zone, gmtoff);
    }

    private static string AscTime(Tm t) =>
        $"{s_days[t.WeekDay][..3]} {s_months[t.Month - 1][..3]} {t.Day,2} {t.Hour:00}:{t.Minute:00}:{t.Second:00} {t.Year}";

    /// <summary>strftime in the C locale (the directives of C99 and POSIX that glibc supports).</summary>
    private static string Strftime(string format, Tm t)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }
            char d = format[++i];
            sb.Append(d switch
            {
                'a' => s_days[t.WeekDay][..3],
                'A' => s_days[t.WeekDay],
                'b' or 'h' => s_months[t.Month - 1][..3],
                'B' => s_months[t.Month - 1],
                'c' => AscTime(t),
                'C' => (t.Year / 100).ToString("00"),
                'd' => t.Day.ToString("00"),
                'D' => Strftime("%m/%d/%y", t),
                'e' => t.Day.ToString().PadLeft(2),
                'F' => Strftime("%Y-%m-%d", t),
                'H' => t.Hour.ToString("00"),
                'I' => ((t.Hour + 11) % 12 + 1).ToString("00"),
                'j' => t.YearDay.ToString("000"),
                'm' => t.Month.ToString("00"),
                'M' => t.Minute.ToString("00"),
                'n' => "\n",
                'p' => t.Hour < 12 ? "AM" : "PM",
                'r' => Strftime("%I:%M:%S %p", t),
                'R' => Strftime("%H:%M", t),
                'S' => t.Second.ToString("00"),
                't' => "\t",
                'T' => Strftime("%H:%M:%S", t),
                'u' => (t.WeekDay + 1).ToString(),
                'w' => ((t.WeekDay + 1) % 7).ToString(),
                'U' => ((t.YearDay + 6 - (t.WeekDay + 1) % 7) / 7).ToString("00"),
                'W' => ((t.YearDay + 6 - t.WeekDay) / 7).ToString("00"),
                'x' => Strftime("%m/%d/%y", t),
                'X' => Strftime("%H:%M:%S", t),
                'y' => (t.Year % 100).ToString("00"),
                'Y' => t.Year.ToString(),
                'z' => (t.GmtOff < 0 ? "-" : "+") + (Math.Abs(t.GmtOff) / 3600).ToString("00") + (Math.Abs(t.GmtOff) / 60 % 60).ToString("00"),
                'Z' => t.Zone,
                '%' => "%",
                _ => "%" + d,
            });
        }
        return sb.ToString();
    }
}
